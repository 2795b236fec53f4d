package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/pipeline"
)

func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "migrate", "[--db DSN]")
	db := dbFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	// opening a store applies its pending migrations
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := st.version(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: schema at migration %d\n", st.name, v)
	return nil
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "[--db DSN] [--out FILE]")
	db := dbFlag(fs)
	out := fs.String("out", "", "write to this file instead of standard output")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	w := e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	subs, err := st.subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{})
	if err != nil {
		return err
	}
	for _, s := range subs {
		enc.Encode(input.ExportRecord{Format: input.ExportFormat, Subscription: &input.ExportSubscription{
			URL: s.URL, Title: s.Title, Interval: int64(s.Interval / time.Second)}})
	}
	n := 0
	err = parallax.EachArticlePage(ctx, st.articles, parallax.ArticleFilter{WithText: true}, func(page []*parallax.Article) error {
		for _, a := range page {
			if err := enc.Encode(input.ExportArticleOf(a)); err != nil {
				return err
			}
		}
		n += len(page)
		return nil
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "exported %d articles and %d sources from %s\n", n, len(subs), st.name)
	return nil
}

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "import", "[--db DSN] [--json] FILE|-")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	pos, err := exactArgs(fs, args, 1)
	if err != nil {
		return err
	}
	r, closeInput, err := openInput(e, pos[0])
	if err != nil {
		return err
	}
	defer closeInput()
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p := st.pipeline(input.NewDecoder())
	// the texts are as they were stored: no second cleaning
	p.Lines = nil
	p.StoreOnly = true
	var total pipeline.Summary
	var recs []input.Record
	flush := func() error {
		s, err := p.IngestRecords(ctx, pos[0], slices.Values(recs))
		addSummary(&total, s)
		recs = recs[:0]
		return err
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for ln := 1; ; ln++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			origin := fmt.Sprintf("%s:%d", pos[0], ln)
			rec, a, derr := input.DecodeExport(line)
			switch {
			case derr != nil:
				recs = append(recs, input.Record{Origin: origin, Err: derr})
			case rec.Subscription != nil:
				s := rec.Subscription
				if _, err := st.subs.AddSubscription(ctx, &parallax.Subscription{URL: s.URL, Title: s.Title,
					Interval: time.Duration(s.Interval) * time.Second}); err != nil {
					recs = append(recs, input.Record{Origin: origin, Err: err})
				}
			default:
				recs = append(recs, input.Record{Origin: origin, Article: a})
			}
			if len(recs) >= 1000 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", pos[0], err)
		}
	}
	if err := flush(); err != nil {
		return err
	}
	// then stories and annotations, as after an ingest
	p.StoreOnly = false
	if err := p.AssignPending(ctx, &total); err != nil {
		return err
	}
	if err := p.AnnotatePending(ctx, &total); err != nil {
		return err
	}
	printSummary(e.stdout, total, *asJSON)
	return nil
}

// addSummary adds s to total.
func addSummary(total *pipeline.Summary, s pipeline.Summary) {
	total.Added += s.Added
	total.Updated += s.Updated
	total.Recleaned += s.Recleaned
	total.Unchanged += s.Unchanged
	total.Failed += s.Failed
	total.Assigned += s.Assigned
	total.Annotated += s.Annotated
	total.Merged += s.Merged
	total.Failures = append(total.Failures, s.Failures...)
	total.Warnings = append(total.Warnings, s.Warnings...)
	total.Elapsed += s.Elapsed
}

// openInput opens a file named on the command line, or standard input
// for "-".
func openInput(e *env, path string) (io.Reader, func(), error) {
	if path == "-" {
		return e.stdin, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}
