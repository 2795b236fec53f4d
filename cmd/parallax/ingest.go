package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/pipeline"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[--db DSN] [--json] PATH|-…")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("quiet", false, "print no progress")
	maxArticle := fs.Int64("max-article-bytes", input.DefaultMaxArticleBytes, "largest text file or JSON document accepted")
	maxLine := fs.Int("max-line-bytes", input.DefaultMaxLineBytes, "longest JSONL line accepted")
	fetchCfg := fetchFlags(fs)
	budgets := budgetFlags(fs, 0)
	queue := fs.Bool("queue", false, "queue the inputs as jobs for workers (parallax worker) instead of ingesting them here")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this `file`, for go tool pprof")
	memProfile := fs.String("memprofile", "", "write a heap profile to this `file` when the ingest ends, for go tool pprof")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, "parallax ingest: give at least one file, directory, or - for JSONL on stdin")
		fs.Usage()
		return errUsage
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	dec := input.NewDecoder()
	dec.MaxArticleBytes, dec.MaxLineBytes = *maxArticle, *maxLine
	p := st.pipeline(dec)
	budgets(p)
	p.Stdin = e.stdin
	p.Fetch = st.collector(fetchCfg(), dec).Fetch
	if *queue {
		return enqueue(ctx, e, st, p, paths, *asJSON)
	}
	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	var prog *progress
	if !*quiet {
		prog = newProgress(e.stderr)
		p.Progress = prog.update
	}
	sum, err := p.Ingest(ctx, paths)
	if prog != nil {
		prog.finish()
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return err
		}
		runtime.KeepAlive(p) // the profile shows the clusterer's state
	}
	printSummary(e.stdout, sum, *asJSON)
	if err != nil {
		return err
	}
	if sum.Stored() == 0 && sum.Failed > 0 {
		return errNothingIngested
	}
	return nil
}

// listed returns s with empty lists where it has none, so that its JSON
// holds [] rather than null.
func listed(s pipeline.Summary) pipeline.Summary {
	if s.Failures == nil {
		s.Failures = []pipeline.Issue{}
	}
	if s.Warnings == nil {
		s.Warnings = []pipeline.Issue{}
	}
	return s
}

func printSummary(w io.Writer, s pipeline.Summary, asJSON bool) {
	if asJSON {
		json.NewEncoder(w).Encode(listed(s))
		return
	}
	fmt.Fprintf(w, "ingested in %.2fs: %d added, %d updated, %d unchanged, %d failed; %d assigned to stories, %d annotated\n",
		s.Elapsed, s.Added, s.Updated, s.Unchanged, s.Failed, s.Assigned, s.Annotated)
	if s.Recleaned > 0 {
		fmt.Fprintf(w, "  %d articles stored earlier lost paragraphs their outlet repeats across articles\n", s.Recleaned)
	}
	for _, f := range s.Failures {
		fmt.Fprintf(w, "  failed  %s: %s\n", f.Origin, f.Reason)
	}
	for _, f := range s.Warnings {
		fmt.Fprintf(w, "  warning %s: %s\n", f.Origin, f.Reason)
	}
}

// progress shows a bar on a terminal and, elsewhere, a plain line at most
// once a second.
type progress struct {
	w    io.Writer
	bar  *progressbar.ProgressBar
	last time.Time
	seen pipeline.Progress
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(w), progressbar.OptionShowBytes(true),
			progressbar.OptionSetDescription("ingest"), progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
	}
	return p
}

func (p *progress) update(pr pipeline.Progress) {
	p.seen = pr
	if p.bar != nil {
		if pr.BytesTotal > 0 && p.bar.GetMax64() != pr.BytesTotal {
			p.bar.ChangeMax64(pr.BytesTotal)
		}
		p.bar.Describe(fmt.Sprintf("ingest %d/%d inputs, %d articles", pr.InputsDone, pr.Inputs, pr.Summary.Stored()+pr.Pending))
		p.bar.Set64(pr.BytesDone)
		return
	}
	if time.Since(p.last) >= time.Second {
		p.last = time.Now()
		p.line(pr)
	}
}

func (p *progress) line(pr pipeline.Progress) {
	fmt.Fprintf(p.w, "ingest: %d/%d inputs, %d articles read, %d failed (%s)\n",
		pr.InputsDone, pr.Inputs, pr.Summary.Stored()+pr.Pending, pr.Summary.Failed, pr.Input)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		return
	}
	if p.seen.Inputs > 0 {
		p.line(p.seen)
	}
}

// budgetFlags registers the time budgets on fs: per article and per
// input (a file, a URL, an API request body). The returned func sets them
// on a pipeline and its decoder.
func budgetFlags(fs *flag.FlagSet, inputDefault time.Duration) func(*pipeline.Pipeline) {
	article := fs.Duration("article-timeout", input.DefaultArticleTimeout, "time one article's extraction, cleanup or annotation may take; past it the article fails (or is stored unannotated) and the rest go on; 0 for no limit")
	in := fs.Duration("input-timeout", inputDefault, "time one input (file, URL, API request body) may take to read; past it the rest of the input is left unread and reported; 0 for no limit")
	return func(p *pipeline.Pipeline) {
		p.ArticleTimeout, p.Decoder.ArticleTimeout, p.InputTimeout = *article, *article, *in
	}
}
