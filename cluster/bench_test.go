package cluster_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/synth"
)

// synthArticles returns the first n articles of the synthetic stream that
// parallax bench uses (package synth), with IDs from 1.
func synthArticles(n int) []*parallax.Article {
	cfg := synth.DefaultConfig()
	cfg.Articles = n
	g := synth.New(cfg)
	out := make([]*parallax.Article, 0, n)
	for id := int64(1); ; id++ {
		a, ok := g.Next()
		if !ok {
			return out
		}
		out = append(out, a.Stored(id))
	}
}

// BenchmarkAssign measures assignment with 10k and 100k articles of the
// synthetic stream in the active window; one op is one article, taken from
// the 20,000 that follow (past them, they come round again as copies).
// It reports articles/s and heap bytes per active
// article.
func BenchmarkAssign(b *testing.B) {
	for _, active := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("active=%d", active), func(b *testing.B) {
			all := synthArticles(active + 20_000)
			o := cluster.NewOnline(cluster.DefaultConfig())
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			for i := 0; i < active; i += 1000 {
				o.Assign(all[i:min(i+1000, active)])
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			heap := float64(after.HeapAlloc-before.HeapAlloc) / float64(active)
			pool := all[active:]
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i += 256 {
				start := i % len(pool)
				o.Assign(pool[start:min(start+256, len(pool), start+b.N-i)])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(heap, "heap-B/active") // after ResetTimer, which clears metrics
		})
	}
}

// BenchmarkExtract measures feature extraction (terms, names, MinHash
// signature), the part of assignment that depends on the article alone;
// one op is one article of the synthetic stream.
func BenchmarkExtract(b *testing.B) {
	all := synthArticles(2_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cluster.Extract(all[i%len(all)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
