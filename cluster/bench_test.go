package cluster_test

import (
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
)

// stream generates a deterministic synthetic news stream: a Zipfian
// background vocabulary, stories of ten articles that share topic words and
// named entities, spread over thirty days.
type stream struct {
	r      *rand.Rand
	zipf   *rand.Zipf
	vocab  []string
	nextID int64
	start  time.Time
}

func newStream(seed int64) *stream {
	r := rand.New(rand.NewSource(seed))
	vocab := make([]string, 50000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	return &stream{r: r, zipf: rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1)), vocab: vocab,
		start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// story returns n articles about one new event.
func (s *stream) story(n int) []*parallax.Article {
	topic := make([]string, 30)
	for i := range topic {
		topic[i] = s.vocab[1000+s.r.Intn(len(s.vocab)-1000)]
	}
	entities := []string{fmt.Sprintf("Place%d", s.r.Intn(1e6)), fmt.Sprintf("Person%d Name%d", s.r.Intn(1e6), s.r.Intn(1e6))}
	when := s.start.Add(time.Duration(s.r.Int63n(int64(30 * 24 * time.Hour))))
	out := make([]*parallax.Article, n)
	for i := range out {
		var b strings.Builder
		for w := 0; w < 150; w++ {
			if w%10 == 0 {
				b.WriteString(". ")
				b.WriteString(entities[s.r.Intn(len(entities))])
				b.WriteByte(' ')
			}
			if s.r.Float64() < 0.35 {
				b.WriteString(topic[s.r.Intn(len(topic))])
			} else {
				b.WriteString(s.vocab[s.zipf.Uint64()])
			}
			b.WriteByte(' ')
		}
		s.nextID++
		out[i] = &parallax.Article{
			ID: s.nextID, Title: strings.Join(topic[:6], " "), Text: b.String(), Language: "en",
			Published: when.Add(time.Duration(s.r.Int63n(int64(36 * time.Hour)))),
		}
	}
	return out
}

func (s *stream) articles(n int) []*parallax.Article {
	var out []*parallax.Article
	for len(out) < n {
		out = append(out, s.story(10)...)
	}
	return out[:n]
}

// BenchmarkAssign measures assignment with 10k and 100k articles in the
// active window; one op is one article. It reports articles/s and heap
// bytes per active article.
func BenchmarkAssign(b *testing.B) {
	for _, active := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("active=%d", active), func(b *testing.B) {
			s := newStream(1)
			o := cluster.NewOnline(cluster.DefaultConfig())
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			warm := s.articles(active)
			for i := 0; i < len(warm); i += 1000 {
				o.Assign(warm[i:min(i+1000, len(warm))])
			}
			warm = nil
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(active), "heap-B/active")
			pool := s.articles(20_000)
			b.ResetTimer()
			for i := 0; i < b.N; i += 256 {
				start := (i / 256 * 256) % len(pool)
				o.Assign(pool[start:min(start+256, len(pool), start+b.N-i)])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
