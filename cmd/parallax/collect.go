package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"slices"
	"strconv"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/collect"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/pipeline"
)

// fetchFlags registers the fetching flags and returns a function that
// builds the configuration once they are parsed.
func fetchFlags(fs *flag.FlagSet) func() collect.Config {
	def := collect.DefaultConfig()
	agent := fs.String("user-agent", def.UserAgent, "User-Agent sent with every request and matched against robots.txt")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback, private and link-local addresses (off: a feed must not make Parallax probe its own network)")
	timeout := fs.Duration("fetch-timeout", def.Timeout, "time limit for one request, body included")
	pace := fs.Duration("host-interval", def.HostInterval, "least time between two requests to one host (a longer robots.txt Crawl-delay wins)")
	maxBytes := fs.Int64("max-fetch-bytes", def.MaxBytes, "largest response body accepted, after decompression")
	return func() collect.Config {
		cfg := def
		cfg.UserAgent, cfg.AllowPrivate, cfg.Timeout, cfg.HostInterval, cfg.MaxBytes = *agent, *allowPrivate, *timeout, *pace, *maxBytes
		return cfg
	}
}

// collector returns a Collector on the store. A process keeps one, so
// that every request it makes to a host shares that host's pace and
// robots.txt.
func (s *store) collector(cfg collect.Config, dec *input.Decoder) *collect.Collector {
	return collect.NewCollector(collect.NewFetcher(cfg), dec, s.subs)
}

// subscribe adds u as a source. With a collector, u is fetched first and
// a web page is replaced by the feed it announces (Collector.Discover);
// what the URL gives wrong is invalid input, not a failure of Parallax.
func (s *store) subscribe(ctx context.Context, c *collect.Collector, u string, interval time.Duration) (*parallax.Subscription, bool, error) {
	title := ""
	if c != nil {
		var err error
		if u, title, err = c.Discover(ctx, u); err != nil {
			return nil, false, parallax.Errorf(parallax.EINVALID, "%v", err)
		}
	}
	sub := &parallax.Subscription{URL: u, Title: title, Interval: interval}
	created, err := s.subs.AddSubscription(ctx, sub)
	return sub, created, err
}

func runSources(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "Usage: parallax sources add|list|remove|import|export …")
		return errUsage
	}
	switch args[0] {
	case "add":
		return runSourcesAdd(ctx, e, args[1:])
	case "list":
		return runSourcesList(ctx, e, args[1:])
	case "remove":
		return runSourcesRemove(ctx, e, args[1:])
	case "import":
		return runSourcesImport(ctx, e, args[1:])
	case "export":
		return runSourcesExport(ctx, e, args[1:])
	}
	fmt.Fprintf(e.stderr, "parallax sources: unknown subcommand %q (want add, list, remove, import or export)\n", args[0])
	return errUsage
}

const defaultInterval = 30 * time.Minute

func runSourcesAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources add", "[--db DSN] [--interval 30m] [--no-discover] URL")
	db := dbFlag(fs)
	interval := fs.Duration("interval", defaultInterval, "how often to collect from it (at least 1m)")
	noDiscover := fs.Bool("no-discover", false, "subscribe to the URL as given, without fetching it first")
	cfg := fetchFlags(fs)
	pos, err := exactArgs(fs, args, 1)
	if err != nil {
		return err
	}
	if _, err := collect.ParseURL(pos[0]); err != nil {
		return fmt.Errorf("%s: %w", collect.Redact(pos[0]), err)
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var c *collect.Collector
	if !*noDiscover {
		c = st.collector(cfg(), input.NewDecoder())
	}
	sub, created, err := st.subscribe(ctx, c, pos[0], *interval)
	if err != nil {
		return err
	}
	verb := "added"
	if !created {
		verb = "already subscribed; interval set for"
	}
	fmt.Fprintf(e.stdout, "%s %d %s (every %v)\n", verb, sub.ID, sub.URL, sub.Interval)
	return nil
}

func runSourcesList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources list", "[--db DSN] [--json]")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	subs, err := st.subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{})
	if err != nil {
		return err
	}
	if *asJSON {
		if subs == nil {
			subs = []*parallax.Subscription{}
		}
		return json.NewEncoder(e.stdout).Encode(subs)
	}
	printSubscriptions(e.stdout, subs, time.Now())
	return nil
}

// printSubscriptions writes one line per subscription with its health.
func printSubscriptions(w io.Writer, subs []*parallax.Subscription, now time.Time) {
	if len(subs) == 0 {
		fmt.Fprintln(w, "no sources; add one with: parallax sources add URL")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tURL\tKIND\tEVERY\tARTICLES\tLAST SUCCESS\tFAILURES\tLAST ERROR")
	for _, s := range subs {
		kind := s.Kind
		if kind == "" {
			kind = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%v\t%d\t%s\t%d\t%s\n", s.ID, s.URL, kind, s.Interval, s.Collected,
			ago(s.LastSuccess, now), s.Failures, truncateText(s.LastError, 80))
	}
	tw.Flush()
}

func ago(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return now.Sub(t).Round(time.Second).String() + " ago"
}

func truncateText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func runSourcesRemove(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources remove", "[--db DSN] ID|URL")
	db := dbFlag(fs)
	pos, err := exactArgs(fs, args, 1)
	if err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	filter := parallax.SubscriptionFilter{URL: &pos[0]}
	if id, err := strconv.ParseInt(pos[0], 10, 64); err == nil {
		filter = parallax.SubscriptionFilter{ID: &id}
	}
	subs, err := st.subs.FindSubscriptions(ctx, filter)
	if err != nil {
		return err
	}
	if len(subs) == 0 {
		return parallax.Errorf(parallax.ENOTFOUND, "no source %s", pos[0])
	}
	if err := st.subs.RemoveSubscription(ctx, subs[0].ID); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "removed %d %s; its articles stay\n", subs[0].ID, subs[0].URL)
	return nil
}

func runSourcesImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources import", "[--db DSN] [--interval 30m] FILE.opml|-")
	db := dbFlag(fs)
	interval := fs.Duration("interval", defaultInterval, "how often to collect from each")
	pos, err := exactArgs(fs, args, 1)
	if err != nil {
		return err
	}
	r, closeInput, err := openInput(e, pos[0])
	if err != nil {
		return err
	}
	defer closeInput()
	outlines, err := collect.ReadOPML(r, 16<<20)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	added := 0
	for _, o := range outlines {
		created, err := st.subs.AddSubscription(ctx, &parallax.Subscription{URL: o.URL, Title: o.Title, Interval: *interval})
		if err != nil {
			return fmt.Errorf("%s: %w", o.URL, err)
		}
		if created {
			added++
		}
	}
	fmt.Fprintf(e.stdout, "imported %d feeds from %s: %d new, %d already subscribed\n", len(outlines), pos[0], added, len(outlines)-added)
	return nil
}

func runSourcesExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources export", "[--db DSN]")
	db := dbFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	subs, err := st.subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{})
	if err != nil {
		return err
	}
	outlines := make([]collect.Outline, len(subs))
	for i, s := range subs {
		outlines[i] = collect.Outline{URL: s.URL, Title: s.Title}
	}
	return collect.WriteOPML(e.stdout, "Parallax sources", outlines)
}

func runCollect(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "collect", "[--db DSN] [--once] [--all] [--json]")
	db := dbFlag(fs)
	once := fs.Bool("once", false, "collect one round and exit (default: keep collecting, each source at its interval)")
	all := fs.Bool("all", false, "with --once: collect from every source, not only those due")
	asJSON := fs.Bool("json", false, "print each round's summary as JSON")
	cfg := fetchFlags(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	dec := input.NewDecoder()
	c := &collectLoop{c: st.collector(cfg(), dec), p: &lockedPipeline{p: st.pipeline(dec)}}
	if *once {
		return c.round(ctx, *all, e.stdout, *asJSON)
	}
	return c.run(ctx, e.stdout, *asJSON)
}

// collectLoop collects into a store's pipeline.
type collectLoop struct {
	c *collect.Collector
	p *lockedPipeline
}

// lockedPipeline lets the goroutines of one process share a pipeline,
// and so one clusterer: two clusterers with separate memories would open
// separate stories for one event.
type lockedPipeline struct {
	mu sync.Mutex
	p  *pipeline.Pipeline
}

func (l *lockedPipeline) IngestRecords(ctx context.Context, name string, recs iter.Seq[input.Record]) (pipeline.Summary, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.p.IngestRecords(ctx, name, recs)
}

// collectSummary is what one round printed as JSON holds.
type collectSummary struct {
	collect.RoundSummary
	Ingest pipeline.Summary `json:"ingest"`
}

func (l *collectLoop) round(ctx context.Context, all bool, w io.Writer, asJSON bool) error {
	var total pipeline.Summary
	sum, err := l.c.Round(ctx, all, func(ctx context.Context, name string, recs []input.Record) error {
		s, err := l.p.IngestRecords(ctx, name, slices.Values(recs))
		addSummary(&total, s)
		return err
	})
	if asJSON {
		json.NewEncoder(w).Encode(collectSummary{sum, listed(total)})
	} else if sum.Subscriptions > 0 {
		fmt.Fprintf(w, "collected %d sources (%d unchanged, %d failing): %d pages, %d page errors; %d added, %d updated, %d unchanged\n",
			sum.Subscriptions, sum.NotModified, sum.Failed, sum.Pages, sum.PageErrors, total.Added, total.Updated, total.Unchanged)
		for _, f := range total.Failures {
			fmt.Fprintf(w, "  failed  %s: %s\n", f.Origin, f.Reason)
		}
	}
	return err
}

// run collects until ctx is cancelled, checking for due sources every
// few seconds; a failing round is logged and the loop goes on.
func (l *collectLoop) run(ctx context.Context, w io.Writer, asJSON bool) error {
	tick := time.NewTicker(10 * time.Second)
	defer tick.Stop()
	for {
		if err := l.round(ctx, false, w, asJSON); err != nil && ctx.Err() == nil {
			slog.Error("collect", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}
