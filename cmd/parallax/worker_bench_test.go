package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkWorkers ingests the two clustering sets of ../shared/data
// (6,366 headlines and 383 full articles) through the job queue with 1, 2
// and 4 workers on PostgreSQL, from enqueueing to the last annotation, and
// one process on SQLite for comparison. The workers run in this process,
// each with its own connections, as separate processes on one machine
// would.
func BenchmarkWorkers(b *testing.B) {
	data := "../../../shared/data/clustering"
	corpus := []string{filepath.Join(data, "uci-headlines.jsonl"), filepath.Join(data, "giveme5w1h.jsonl")}
	if _, err := os.Stat(corpus[0]); err != nil {
		b.Skip("needs ../shared/data/clustering")
	}
	const articles = 6366 + 383
	t := &testing.T{}
	b.Run("sqlite", func(b *testing.B) {
		for b.Loop() {
			db := filepath.Join(b.TempDir(), "p.db")
			if r := runCLI(t, nil, "", append([]string{"ingest", "--quiet", "--db", db}, corpus...)...); r.code != 0 {
				b.Fatal(r.stderr)
			}
		}
		b.ReportMetric(float64(articles*b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	for _, n := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("postgres-%d-workers", n), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				pg := pgSchemaB(b)
				b.StartTimer()
				if r := runCLI(t, nil, "", append([]string{"ingest", "--queue", "--db", pg}, corpus...)...); r.code != 0 {
					b.Fatal(r.stderr)
				}
				ctx, cancel := context.WithCancel(context.Background())
				var wg sync.WaitGroup
				for i := range n {
					e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
					wg.Go(func() {
						run(ctx, e, []string{"worker", "--db", pg, "--name", fmt.Sprint("w", i), "--collect=false", "--assign-after", "10m"})
					})
				}
				raw, err := sql.Open("pgx", pg)
				if err != nil {
					b.Fatal(err)
				}
				for {
					var pending, unassigned, unannotated int
					raw.QueryRow(`SELECT (SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')),
						(SELECT count(*) FROM articles WHERE story_id IS NULL),
						(SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id))`).
						Scan(&pending, &unassigned, &unannotated)
					if pending+unassigned+unannotated == 0 {
						break
					}
					time.Sleep(50 * time.Millisecond)
				}
				raw.Close()
				cancel()
				wg.Wait()
			}
			b.ReportMetric(float64(articles*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
