package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strings"
	"sync/atomic"
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
	read   atomic.Int64 // bytes, counted by the decoding goroutine
	total  int64
	batch  []*parallax.Article
	origin []string
	// checkedLines are the boilerplate paragraphs whose earlier holders
	// this run has queued for cleaning again; pendingRecheck are their keys.
	checkedLines   map[uint64]bool
	pendingRecheck []string
	// early annotates stored batches while the next are stored (early.go).
	early *early
}

// all ingests the run's inputs. One goroutine decodes them, in order and
// a batch or two ahead (see decodeAll), so that cleanup and extraction run
// on one core while this one stores, clusters and annotates.
func (r *run) all() error {
	skip := &atomic.Int64{}
	skip.Store(-1)
	var deadline time.Time
	n := 0 // records taken from the current input
	for it := range r.decodeAll(skip, 2*r.p.batchSize()) {
		if err := r.ctx.Err(); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		path := r.inputs[it.input].Path
		switch {
		case it.start:
			n, deadline = 0, r.inputDeadline()
		case it.err != nil:
			r.fail(path, it.err)
		case it.end:
			r.done++
			r.report(path)
		case skip.Load() == int64(it.input):
		case overdue(deadline, n):
			skip.Store(int64(it.input))
			r.fail(path, r.overBudget(n))
		default:
			if err := r.take(it.rec, path); err != nil {
				return err
			}
			n++
		}
	}
	if err := r.ctx.Err(); err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if err := r.flush(); err != nil {
		return err
	}
	if len(r.inputs) > 0 {
		r.report(r.inputs[len(r.inputs)-1].Path)
	}
	return nil
}

// item is what decodeAll hands over: the start of an input, one of its
// records, the error that stopped it from being read, or its end.
type item struct {
	input      int
	start, end bool
	rec        input.Record
	err        error
}

// decodeAll decodes the run's inputs in order in a goroutine, up to ahead
// items in front of the caller. An input whose index skip holds is left
// unread from there on. The goroutine stops when the caller does.
//
// Files that hold one article (a page, a text) are decoded several at a
// time, one per core, ahead of their turn: extraction is the costliest
// step of ingesting pages. Files that hold many (JSONL, WARC) stream in
// turn, so that their memory stays that of a batch.
func (r *run) decodeAll(skip *atomic.Int64, ahead int) iter.Seq[item] {
	return prefetch(func(yield func(item) bool) {
		stop := make(chan struct{})
		defer close(stop)
		type decoded struct {
			recs []input.Record
			err  error
		}
		// pending holds, in input order, each input's decoded records
		// (single-article files) or nil (streamed in turn)
		pending := make(chan chan decoded, runtime.GOMAXPROCS(0))
		go func() {
			defer close(pending)
			sem := make(chan struct{}, runtime.GOMAXPROCS(0))
			for _, in := range r.inputs {
				var ch chan decoded
				if in.Kind == input.HTML || in.Kind == input.Text {
					ch = make(chan decoded, 1)
					select {
					case sem <- struct{}{}:
					case <-stop:
						return
					}
					go func() {
						defer func() { <-sem }()
						var d decoded
						for rec, err := range r.inputRecords(in) {
							if err != nil {
								d.err = err
								break
							}
							d.recs = append(d.recs, rec)
						}
						ch <- d
					}()
				}
				select {
				case pending <- ch:
				case <-stop:
					return
				}
			}
		}()
		i := 0
		for ch := range pending {
			in := r.inputs[i]
			if r.ctx.Err() != nil || !yield(item{input: i, start: true}) {
				return
			}
			if ch != nil {
				d := <-ch
				if d.err != nil && !yield(item{input: i, err: d.err}) {
					return
				}
				for _, rec := range d.recs {
					if skip.Load() == int64(i) {
						break
					}
					if !yield(item{input: i, rec: rec}) {
						return
					}
				}
			} else {
				for rec, err := range r.inputRecords(in) {
					if skip.Load() == int64(i) {
						break
					}
					if !yield(item{input: i, rec: rec, err: err}) {
						return
					}
				}
			}
			if !yield(item{input: i, end: true}) {
				return
			}
			i++
		}
	}, ahead)
}

// inputRecords yields the records of one input, or the error that keeps
// it from being read.
func (r *run) inputRecords(in input.Input) iter.Seq2[input.Record, error] {
	return func(yield func(input.Record, error) bool) {
		if in.Kind == input.URL {
			recs, err := r.fetchURL(in.Path)
			if err != nil {
				yield(input.Record{}, err)
				return
			}
			for _, rec := range recs {
				if !yield(rec, nil) {
					return
				}
			}
			return
		}
		f, _, err := input.Open(in, r.stdin())
		if err != nil {
			yield(input.Record{}, err)
			return
		}
		defer f.Close()
		cr := &countingReader{r: f, n: &r.read}
		for rec := range r.p.Decoder.Decode(in.Path, in.Kind, cr) {
			if !yield(rec, nil) {
				return
			}
		}
	}
}

// fetchURL reads a URL input through the pipeline's Fetch, within the
// input's time budget.
func (r *run) fetchURL(u string) ([]input.Record, error) {
	if r.p.Fetch == nil {
		return nil, errors.New("fetching URLs is not set up")
	}
	ctx := r.ctx
	if r.p.InputTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.p.InputTimeout)
		defer cancel()
	}
	return r.p.Fetch(ctx, u)
}

// records takes the records given to IngestRecords, within the
// pipeline's InputTimeout: once it passes, the rest are left and the
// input is reported failed.
func (r *run) records(name string, recs iter.Seq[input.Record]) error {
	deadline, n := r.inputDeadline(), 0
	for rec := range prefetch(recs, 2*r.p.batchSize()) {
		if overdue(deadline, n) {
			r.fail(name, r.overBudget(n))
			return nil
		}
		if err := r.take(rec, name); err != nil {
			return err
		}
		n++
	}
	return nil
}

// inputDeadline is when an input starting now runs out of its time
// budget; zero for no budget.
func (r *run) inputDeadline() time.Time {
	if r.p.InputTimeout <= 0 {
		return time.Time{}
	}
	return time.Now().Add(r.p.InputTimeout)
}

// overdue reports whether an input that has given n records is past its
// deadline. The first record of an input is always taken.
func overdue(deadline time.Time, n int) bool {
	return n > 0 && !deadline.IsZero() && time.Now().After(deadline)
}

func (r *run) overBudget(n int) error {
	return fmt.Errorf("input stopped after %d records: over its time budget of %s (--input-timeout); the records read are kept", n, r.p.InputTimeout)
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
		r.annotateEarly(r.batch, res)
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
		BytesDone: r.read.Load(), BytesTotal: r.total, Pending: len(r.batch), Summary: r.sum,
	})
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// prefetch runs recs in a goroutine of its own, up to ahead records in
// front of the caller, so that decoding (text cleanup, HTML extraction)
// runs on one core while the caller stores, clusters and annotates on
// another. Records come in the same order; when the caller stops early,
// the goroutine stops too.
func prefetch[T any](recs iter.Seq[T], ahead int) iter.Seq[T] {
	return func(yield func(T) bool) {
		ch := make(chan T, ahead)
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
