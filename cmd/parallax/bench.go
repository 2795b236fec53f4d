package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/eval"
	"github.com/parallax-news/parallax/extract"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/synth"
)

// figure is one measurement of the bench command, printed as one JSON
// object per line.
type figure map[string]any

func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench", "[--articles 20000] [--pages 1000] [--active 10000] [--db FILE] [--dir DIR] [--cpuprofile FILE]")
	articles := fs.Int("articles", 20_000, "synthetic text articles to ingest end to end")
	pages := fs.Int("pages", 1000, "synthetic HTML pages to ingest end to end and to extract with the peers")
	activeList := fs.String("active", "10000", "comma-separated active-window sizes at which to measure clustering (0 to skip)")
	seed := fs.Uint64("seed", 1, "seed of the synthetic stream")
	clients := fs.Int("clients", 32, "concurrent clients of the API latency test")
	duration := fs.Duration("duration", 10*time.Second, "length of each latency test")
	dir := fs.String("dir", "", "keep the stream and the databases in this directory (default: a temporary one, removed)")
	reuse := fs.String("db", "", "measure story builds and latency on this existing SQLite database instead of ingesting a stream (skips ingest)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this `file`, for go tool pprof")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	var actives []int
	for _, s := range strings.Split(*activeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 0 {
			return fmt.Errorf("--active: %q is not a size", s)
		}
		if n > 0 {
			actives = append(actives, n)
		}
	}
	work := *dir
	if work == "" {
		tmp, err := os.MkdirTemp("", "parallax-bench-")
		if err != nil {
			return fmt.Errorf("create temporary directory: %w", err)
		}
		defer os.RemoveAll(tmp)
		work = tmp
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", work, err)
	}
	b := &bench{e: e, dir: work, seed: *seed}
	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	fmt.Fprintf(e.stderr, "bench: %s, %d cores, Go %s\n", machine(), runtime.NumCPU(), runtime.Version())
	var steps []func(context.Context) error
	if *reuse != "" {
		b.textDB = *reuse
	} else {
		steps = append(steps, func(ctx context.Context) error { return b.ingestText(ctx, *articles) })
	}
	steps = append(steps,
		func(ctx context.Context) error { return b.storyBuild(ctx) },
		func(ctx context.Context) error { return b.latency(ctx, *clients, *duration) },
		func(ctx context.Context) error { return b.ingestHTML(ctx, *pages) },
	)
	for _, n := range actives {
		steps = append(steps, func(ctx context.Context) error { return b.clustering(n) })
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(e.stdout)
	for _, f := range b.figures {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return nil
}

type bench struct {
	e       *env
	dir     string
	seed    uint64
	figures []figure
	textDB  string
}

func (b *bench) report(f figure) {
	b.figures = append(b.figures, f)
	line, _ := json.Marshal(f)
	fmt.Fprintf(b.e.stderr, "bench: %s\n", line)
}

// stream writes n synthetic articles as JSONL, with their gold events,
// and returns the file's path.
func (b *bench) stream(n int) (string, error) {
	path := filepath.Join(b.dir, fmt.Sprintf("stream-%d-%d.jsonl", b.seed, n))
	cfg := synth.DefaultConfig()
	cfg.Seed, cfg.Articles = b.seed, n
	g := synth.New(cfg)
	f, err := os.Create(path)
	if err != nil {
		return "", fmt.Errorf("write stream: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for a, ok := g.Next(); ok; a, ok = g.Next() {
		enc.Encode(map[string]string{"id": a.URL, "url": a.URL, "source": a.Source, "title": a.Title, "text": a.Text,
			"language": a.Language, "published": a.Published.Format(time.RFC3339), "story": strconv.Itoa(a.Event)})
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return "", fmt.Errorf("write stream: %w", err)
	}
	return path, f.Close()
}

// ingestText ingests a JSONL stream end to end into a new SQLite file:
// decoding, cleaning, storing, clustering and annotating.
func (b *bench) ingestText(ctx context.Context, n int) error {
	path, err := b.stream(n)
	if err != nil {
		return err
	}
	gold, err := eval.LoadGoldStories(path)
	if err != nil {
		return err
	}
	b.textDB = filepath.Join(b.dir, "text.db")
	resetPeakRSS()
	st, sum, el, err := b.ingestFresh(ctx, b.textDB, path)
	if err != nil {
		return err
	}
	defer st.Close()
	rss, anon, file := peakRSS(), procStatus("RssAnon"), procStatus("RssFile")
	size := fileSize(b.textDB) + fileSize(b.textDB+"-wal")
	pred, _, err := clusterLabels(ctx, st.articles)
	if err != nil {
		return err
	}
	m := eval.ScoreClustering(pred, gold)
	stored := sum.Stored()
	b.report(figure{"figure": "ingest_text", "articles": stored, "failed": sum.Failed, "seconds": round(el, 2),
		"articles_per_s": round(float64(stored)/el, 0)})
	// RSS counts the database pages SQLite maps (mmap_size) as file-backed
	// memory the kernel can drop; anonymous memory is the process's own
	b.report(figure{"figure": "memory", "articles": stored, "peak_rss_mb": round(float64(rss)/(1<<20), 0),
		"rss_anon_mb": round(float64(anon)/(1<<20), 0), "rss_file_mb": round(float64(file)/(1<<20), 0),
		"db_mb": round(float64(size)/(1<<20), 1), "bytes_per_article": size / max(int64(stored), 1)})
	b.report(figure{"figure": "clustering_quality", "articles": stored, "bcubed_precision": m.BCubedPrecision,
		"bcubed_recall": m.BCubedRecall, "bcubed_f1": m.BCubedF1, "stories": m.PredictedClusters, "events": m.GoldClusters})
	return nil
}

// ingestFresh ingests path into a new SQLite database at db (removing
// an earlier run's file with its WAL) and returns the open store, the
// summary and the seconds the ingest took.
func (b *bench) ingestFresh(ctx context.Context, db, path string) (*store, pipeline.Summary, float64, error) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(db + suffix)
	}
	st, err := openStore(b.e, db)
	if err != nil {
		return nil, pipeline.Summary{}, 0, err
	}
	start := time.Now()
	sum, err := st.pipeline(input.NewDecoder()).Ingest(ctx, []string{path})
	if err != nil {
		st.Close()
		return nil, sum, 0, err
	}
	return st, sum, time.Since(start).Seconds(), nil
}

// storyBuild times the story JSON (the report, compared and encoded) of
// the stories closest to 10, 100 and 1000 articles: cold, when the
// comparison is computed, and warm, with the comparison stored by the
// worker or an earlier read (the server also keeps rendered reports,
// which the latency figures include and these do not).
func (b *bench) storyBuild(ctx context.Context) error {
	st, err := openStore(b.e, b.textDB)
	if err != nil {
		return err
	}
	defer st.Close()
	stories, _, err := st.stories.FindStories(ctx, parallax.StoryFilter{})
	if err != nil {
		return err
	}
	l := st.loader()
	for _, want := range []int{10, 100, 1000} {
		best := stories[0]
		for _, s := range stories {
			if abs(s.Articles-want) < abs(best.Articles-want) {
				best = s
			}
		}
		var times [3]float64
		var size int
		for i := range times {
			// cold compares the articles; the second run stores the
			// comparison, which the third, warm, finds
			l := l
			if i == 0 {
				l.Cache = nil
			}
			start := time.Now()
			rep, err := l.Load(ctx, best.ID)
			if err != nil {
				return err
			}
			data, err := json.Marshal(rep)
			if err != nil {
				return err
			}
			times[i], size = float64(time.Since(start).Microseconds())/1000, len(data)
		}
		b.report(figure{"figure": "story_build", "target_articles": want, "articles": best.Articles, "story": best.ID,
			"cold_ms": round(times[0], 1), "warm_ms": round(times[2], 1), "json_kb": size >> 10})
	}
	return nil
}

// latency serves the text database on 127.0.0.1 and measures the story
// page and the story API under a closed-loop load of clients, over the
// 200 largest stories and 800 others.
func (b *bench) latency(ctx context.Context, clients int, d time.Duration) error {
	st, err := openStore(b.e, b.textDB)
	if err != nil {
		return err
	}
	defer st.Close()
	srv, err := newServer(st)
	if err != nil {
		return err
	}
	srv.RateLimit = 0 // one client address sends all the load
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	stories, _, err := st.stories.FindStories(ctx, parallax.StoryFilter{})
	if err != nil {
		return err
	}
	bySize := slices.Clone(stories)
	slices.SortStableFunc(bySize, func(a, b *parallax.Story) int { return b.Articles - a.Articles })
	picked := bySize[:min(200, len(bySize))]
	for i := 0; i < len(stories) && len(picked) < 1000; i += max(1, len(stories)/800) {
		picked = append(picked, stories[i])
	}
	base := "http://" + ln.Addr().String()
	_, total, err := st.articles.FindArticles(ctx, parallax.ArticleFilter{Limit: 1})
	if err != nil {
		return err
	}
	for _, path := range []string{"/stories/%d", "/api/v1/stories/%d"} {
		urls := make([]string, len(picked))
		for i, s := range picked {
			urls[i] = base + fmt.Sprintf(path, s.ID)
		}
		// a first visit of each story fills the comparison cache, as on a
		// server that has run a while; the measured load follows
		start := time.Now()
		for _, u := range urls {
			resp, err := http.Get(u)
			if err != nil {
				return err
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		first := float64(time.Since(start).Microseconds()) / 1000 / float64(len(urls))
		r := loadTest(ctx, urls, clients, d)
		b.report(figure{"figure": "api_latency", "path": path, "articles": total, "stories": len(picked),
			"first_visit_mean_ms": round(first, 1), "clients": clients, "requests_per_s": round(r.PerSecond, 0),
			"errors": r.Errors, "p50_ms": r.P50ms, "p95_ms": r.P95ms, "p99_ms": r.P99ms})
	}
	return nil
}

// ingestHTML writes synthetic pages as files, ingests them end to end,
// and extracts the same pages with bare go-trafilatura and
// go-readability, so that the pipeline's cost above extraction shows.
func (b *bench) ingestHTML(ctx context.Context, n int) error {
	if n <= 0 {
		return nil
	}
	cfg := synth.DefaultConfig()
	cfg.Seed, cfg.Articles = b.seed+1, n
	g := synth.New(cfg)
	pageDir := filepath.Join(b.dir, "pages")
	os.RemoveAll(pageDir)
	if err := os.MkdirAll(pageDir, 0o755); err != nil {
		return err
	}
	var raw [][]byte
	var urls []string
	for a, ok := g.Next(); ok; a, ok = g.Next() {
		p := []byte(synth.Page(a))
		if err := os.WriteFile(filepath.Join(pageDir, fmt.Sprintf("%06d.html", len(raw))), p, 0o644); err != nil {
			return err
		}
		raw, urls = append(raw, p), append(urls, a.URL)
	}
	// the pipeline ingests the pages three times into a fresh database
	// and each extractor reads them three times, and the median rate
	// counts: one pass of a thousand pages varied by a quarter between
	// runs on the development machine (one ingest measured 0.75 and 0.90
	// of go-trafilatura in two runs on one idle machine)
	median := func(pass func() (float64, error)) (float64, error) {
		var rates []float64
		for range 3 {
			r, err := pass()
			if err != nil {
				return 0, err
			}
			rates = append(rates, r)
		}
		slices.Sort(rates)
		return rates[1], nil
	}
	var sum pipeline.Summary
	rate, err := median(func() (float64, error) {
		st, s, el, err := b.ingestFresh(ctx, filepath.Join(b.dir, "html.db"), pageDir)
		if err != nil {
			return 0, err
		}
		sum = s
		return float64(s.Stored()) / el, st.Close()
	})
	if err != nil {
		return err
	}
	f := figure{"figure": "ingest_html", "pages": sum.Stored(), "failed": sum.Failed, "pages_per_s": round(rate, 0)}
	extractOnly := func(x eval.Extractor) float64 {
		r, _ := median(func() (float64, error) {
			start := time.Now()
			for i, p := range raw {
				x(p, urls[i])
			}
			return float64(len(raw)) / time.Since(start).Seconds(), nil
		})
		return r
	}
	ex := extract.NewExtractor()
	f["extract_only_pages_per_s"] = round(extractOnly(func(p []byte, u string) (string, error) {
		_, err := ex.HTML(p, u, "")
		return "", err
	}), 0)
	traf := extractOnly(eval.Trafilatura(false))
	f["go_trafilatura_pages_per_s"] = round(traf, 0)
	f["go_readability_pages_per_s"] = round(extractOnly(eval.Readability()), 0)
	f["ratio_to_go_trafilatura"] = round(rate/traf, 2)
	b.report(f)
	return nil
}

// clustering fills an online clusterer with active articles of the
// synthetic stream and times the assignment of the next 5,000 or a
// twentieth of the active articles if more, in batches of 256, on one
// goroutine. The clusterer sweeps out old signatures every quarter of
// the duplicate window of stream time, so the timed stretch must cover
// such periods: at 1M active, 5,000 articles are a fraction of one, and
// whether a sweep fell into them moved the figure by half.
func (b *bench) clustering(active int) error {
	measured := max(5000, active/20)
	cfg := synth.DefaultConfig()
	cfg.Seed, cfg.Articles = b.seed+2, active+measured
	g := synth.New(cfg)
	o := cluster.NewOnline(cluster.DefaultConfig())
	var batch []*parallax.Article
	id := int64(0)
	take := func(n int) []*parallax.Article {
		batch = batch[:0]
		for range n {
			a, ok := g.Next()
			if !ok {
				break
			}
			id++
			batch = append(batch, a.Stored(id))
		}
		return batch
	}
	var before, after runtime.MemStats
	runtime.GC()
	debug.FreeOSMemory() // so that the peak below is this stage's
	resetPeakRSS()
	runtime.ReadMemStats(&before)
	for left := active; left > 0; left -= 1000 {
		o.Assign(take(min(1000, left)))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	var spent time.Duration
	done := 0
	for done < measured {
		as := take(min(256, measured-done))
		if len(as) == 0 {
			break
		}
		start := time.Now()
		o.Assign(as)
		spent += time.Since(start)
		done += len(as)
	}
	// peak RSS is the whole process's, earlier stages' freed memory
	// aside: the clusterer's state, the synthetic articles of the batch,
	// and what the garbage collector lets accumulate between cycles
	// (GOGC, GOMEMLIMIT)
	b.report(figure{"figure": "clustering", "active": active, "articles": done,
		"articles_per_s":        round(float64(done)/spent.Seconds(), 0),
		"heap_bytes_per_active": int64(after.HeapAlloc-before.HeapAlloc) / int64(active),
		"peak_rss_mb":           round(float64(peakRSS())/(1<<20), 0)})
	return nil
}

// resetPeakRSS resets the process's peak resident set (Linux), so that
// the next peakRSS measures one stage.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident set in bytes (Linux; 0 elsewhere).
func peakRSS() int64 { return procStatus("VmHWM") }

// procStatus reads a size field of /proc/self/status ("VmHWM", "RssAnon",
// "RssFile") in bytes; 0 where there is none.
func procStatus(field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// machine describes the CPU, for the figures' context.
func machine() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if rest, ok := strings.CutPrefix(line, "model name"); ok {
				return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
			}
		}
	}
	return runtime.GOARCH
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func round(x float64, places int) float64 {
	p, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', places, 64), 64)
	return p
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
