package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
)

// run is the state of one Ingest call.
type run struct {
	p      *Pipeline
	ctx    context.Context
	inputs []input.Input
	sum    Summary
	done   int
	read   int64
	total  int64
	batch  []*parallax.Article
	origin []string
	// checkedLines are the boilerplate paragraphs whose earlier holders
	// this run has queued for cleaning again; pendingRecheck are their keys.
	checkedLines   map[uint64]bool
	pendingRecheck []string
}

func (r *run) all() error {
	for _, in := range r.inputs {
		if err := r.ctx.Err(); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		if err := r.one(in); err != nil {
			return err
		}
		r.done++
		r.report(in.Path)
	}
	if err := r.flush(); err != nil {
		return err
	}
	if len(r.inputs) > 0 {
		r.report(r.inputs[len(r.inputs)-1].Path)
	}
	return nil
}

// one decodes one input into the batch, flushing full batches.
func (r *run) one(in input.Input) error {
	if in.Kind == input.URL {
		return r.fetch(in.Path)
	}
	f, _, err := input.Open(in, r.stdin())
	if err != nil {
		r.fail(in.Path, err)
		return nil
	}
	defer f.Close()
	cr := &countingReader{r: f, n: &r.read}
	return r.records(in.Path, r.p.Decoder.Decode(in.Path, in.Kind, cr))
}

// fetch reads a URL input through the pipeline's Fetch.
func (r *run) fetch(u string) error {
	if r.p.Fetch == nil {
		r.fail(u, errors.New("fetching URLs is not set up"))
		return nil
	}
	ctx := r.ctx
	if r.p.InputTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.p.InputTimeout)
		defer cancel()
	}
	recs, err := r.p.Fetch(ctx, u)
	if err != nil {
		r.fail(u, err)
		return nil
	}
	return r.records(u, slices.Values(recs))
}

// records takes the records of one input, within the pipeline's
// InputTimeout: once it passes, the rest of the input is left unread and
// the input is reported failed.
func (r *run) records(name string, recs iter.Seq[input.Record]) error {
	var deadline time.Time
	if r.p.InputTimeout > 0 {
		deadline = time.Now().Add(r.p.InputTimeout)
	}
	n := 0
	for rec := range prefetch(recs, 2*r.p.batchSize()) {
		if n > 0 && !deadline.IsZero() && time.Now().After(deadline) {
			r.fail(name, fmt.Errorf("input stopped after %d records: over its time budget of %s (--input-timeout); the records read are kept", n, r.p.InputTimeout))
			return nil
		}
		if err := r.take(rec, name); err != nil {
			return err
		}
		n++
	}
	return nil
}

// take adds one decoded record to the batch, or counts its failure, and
// flushes a full batch.
func (r *run) take(rec input.Record, current string) error {
	for _, w := range rec.Warnings {
		r.sum.Warnings = append(r.sum.Warnings, Issue{Origin: rec.Origin, Reason: w})
	}
	if rec.Err != nil {
		r.fail(rec.Origin, rec.Err)
		return nil
	}
	r.batch, r.origin = append(r.batch, rec.Article), append(r.origin, rec.Origin)
	if len(r.batch) < r.p.batchSize() {
		return nil
	}
	if err := r.flush(); err != nil {
		return err
	}
	r.report(current)
	return nil
}

func (r *run) stdin() io.Reader { return r.p.stdinOrEmpty() }

func (p *Pipeline) stdinOrEmpty() io.Reader {
	if p.Stdin == nil {
		return strings.NewReader("")
	}
	return p.Stdin
}

// flush stores the batch. A batch the store rejects as invalid is retried
// one article at a time so that one bad article cannot keep the others out.
func (r *run) flush() error {
	if len(r.batch) == 0 {
		return nil
	}
	defer func() { r.batch, r.origin = r.batch[:0], r.origin[:0] }()
	if r.p.Lines != nil {
		if err := r.sourceRepeats(); err != nil {
			return err
		}
	}
	res, err := r.p.Articles.PutArticles(r.ctx, r.batch)
	if err == nil {
		r.count(res)
		return r.recheckStored()
	}
	if parallax.ErrorCode(err) != parallax.EINVALID {
		return fmt.Errorf("store articles: %w", err)
	}
	for i, a := range r.batch {
		res, err := r.p.Articles.PutArticles(r.ctx, []*parallax.Article{a})
		switch {
		case err == nil:
			r.count(res)
		case parallax.ErrorCode(err) == parallax.EINVALID:
			r.fail(r.origin[i], errors.New(parallax.ErrorMessage(err)))
		default:
			return fmt.Errorf("store article from %s: %w", r.origin[i], err)
		}
	}
	return r.recheckStored()
}

func (r *run) count(res []parallax.PutResult) {
	for _, pr := range res {
		switch pr.Outcome {
		case parallax.Added:
			r.sum.Added++
		case parallax.Updated:
			r.sum.Updated++
		default:
			r.sum.Unchanged++
		}
	}
}

func (r *run) fail(origin string, err error) {
	r.sum.Failed++
	r.sum.Failures = append(r.sum.Failures, Issue{Origin: origin, Reason: err.Error()})
}

func (r *run) report(current string) {
	if r.p.Progress == nil {
		return
	}
	r.p.Progress(Progress{
		Input: current, InputsDone: r.done, Inputs: len(r.inputs),
		BytesDone: r.read, BytesTotal: r.total, Pending: len(r.batch), Summary: r.sum,
	})
}

type countingReader struct {
	r io.Reader
	n *int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}

// prefetch runs recs in a goroutine of its own, up to ahead records in
// front of the caller, so that decoding (text cleanup, HTML extraction)
// runs on one core while the caller stores, clusters and annotates on
// another. Records come in the same order; when the caller stops early,
// the goroutine stops too.
func prefetch(recs iter.Seq[input.Record], ahead int) iter.Seq[input.Record] {
	return func(yield func(input.Record) bool) {
		ch := make(chan input.Record, ahead)
		done := make(chan struct{})
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			defer close(ch)
			for rec := range recs {
				select {
				case ch <- rec:
				case <-done:
					return
				}
			}
		}()
		defer func() {
			close(done)
			for range ch { // let the producer see done and end
			}
			<-finished
		}()
		for rec := range ch {
			if !yield(rec) {
				return
			}
		}
	}
}
