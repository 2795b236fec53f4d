package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/pipeline"
)

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "--db postgres://… [--name NAME] [--lease 30s] [--assign-after 30s] [--collect=true]")
	db := dbFlag(fs)
	host, _ := os.Hostname()
	name := fs.String("name", fmt.Sprintf("%s-%d", host, os.Getpid()), "this worker's name in the job table and the logs")
	lease := fs.Duration("lease", 30*time.Second, "how long a claimed job stays this worker's without news; a worker that dies loses its jobs after this")
	assignAfter := fs.Duration("assign-after", 30*time.Second, "the leader assigns stored articles once no ingest job is pending, or after this long")
	lead := fs.Bool("lead", true, "take part in the election of the clustering leader")
	collectOn := fs.Bool("collect", true, "collect from due sources when there is no job")
	fetchCfg := fetchFlags(fs)
	budgets := budgetFlags(fs, 0)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if st.tryLead == nil {
		return fmt.Errorf("%s: workers share a PostgreSQL database (--db postgres://…); on SQLite run ingest, collect or serve", st.name)
	}
	dec := input.NewDecoder()
	store := st.pipeline(dec)
	store.StoreOnly = true
	budgets(store)
	c := st.collector(fetchCfg(), dec)
	store.Fetch = c.Fetch
	w := &pipeline.Worker{
		Name: *name, Jobs: st.jobs, Store: store, TryLead: st.tryLead,
		Lease: *lease, AssignAfter: *assignAfter, Poll: 250 * time.Millisecond,
		Log: slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}
	loader := st.loader()
	w.Analyze = func(ctx context.Context, id int64) error {
		_, err := loader.Load(ctx, id)
		return err
	}
	if *lead {
		w.NewLeader = func() *pipeline.Pipeline {
			p := pipeline.New(st.articles, st.stories, dec, cluster.NewOnline(cluster.DefaultConfig()))
			p.Annotations = st.annots
			budgets(p)
			return p
		}
	}
	if *collectOn {
		w.Collect = func(ctx context.Context) (bool, error) {
			return c.One(ctx, func(ctx context.Context, name string, recs []input.Record) error {
				_, err := store.IngestRecords(ctx, name, slices.Values(recs))
				return err
			})
		}
	}
	fmt.Fprintf(e.stdout, "worker %s on %s\n", *name, st.name)
	return w.Run(ctx)
}

// enqueue is ingest --queue: the inputs become jobs for the workers.
func enqueue(ctx context.Context, e *env, st *store, p *pipeline.Pipeline, paths []string, asJSON bool) error {
	sum, err := p.Enqueue(ctx, st.jobs, paths)
	if sum.Failures == nil {
		sum.Failures = []pipeline.Issue{}
	}
	if asJSON {
		json.NewEncoder(e.stdout).Encode(sum)
	} else {
		fmt.Fprintf(e.stdout, "queued %d inputs as %d jobs, %d new (the rest were queued before)\n", sum.Inputs, sum.Jobs, sum.New)
		for _, f := range sum.Failures {
			fmt.Fprintf(e.stdout, "  failed  %s: %s\n", f.Origin, f.Reason)
		}
	}
	if err != nil {
		return err
	}
	if sum.Jobs == 0 && len(sum.Failures) > 0 {
		return errNothingIngested
	}
	return nil
}

func runJobs(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "jobs", "[--db DSN] [--json]")
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
	c, err := st.jobs.CountJobs(ctx)
	if err != nil {
		return err
	}
	var unassigned int
	if _, unassigned, err = st.articles.FindArticles(ctx, parallax.ArticleFilter{Unassigned: true, Limit: 1}); err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(struct {
			parallax.JobCounts
			Unassigned int `json:"unassigned_articles"`
		}{c, unassigned})
	}
	fmt.Fprintf(e.stdout, "jobs: %d queued, %d running, %d done, %d failed; %d articles wait for the leader\n",
		c.Queued, c.Running, c.Done, c.Failed, unassigned)
	return nil
}
