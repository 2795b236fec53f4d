// Package pipeline runs ingest end to end: decode inputs, store what is new,
// then assign unassigned articles to stories. It is the only package besides
// the stores that does I/O on behalf of the stages.
package pipeline

import (
	"context"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
)

// Assigner places articles in stories: cluster.Online, or cluster.Singleton.
type Assigner interface {
	Assign(articles []*parallax.Article) []parallax.Assignment
}

// Merger is an Assigner that also finds stories that turn out to be one.
// Merges returns them, {from, into}, since its last call.
type Merger interface {
	Merges() [][2]int64
}

// Preparer is an Assigner that can do the part of Assign that depends on
// the articles alone ahead of time, on another goroutine: the pipeline
// prepares the next batch while the current one is assigned. The
// function Prepare returns assigns the articles as Assign would.
type Preparer interface {
	Prepare(articles []*parallax.Article) func() []parallax.Assignment
}

// Warmer is an Assigner with memory: before its first assignment it is
// given the stored, assigned articles, so that new articles can join the
// stories they belong to.
type Warmer interface {
	Warm(articles []*parallax.Article)
}

// DefaultBatchSize is the number of articles stored per transaction. Each
// SQLite commit writes the batch's index pages and flushes the full-text
// index once, so larger batches cost less per article: a 20,000-article
// text ingest took 28 s (256), 25 s (1,024), 22 s (2,048) and 23 s
// (4,096); with clustering steps kept at 256, its peak RSS went from 401
// to 403 MB.
const DefaultBatchSize = 2048

// DefaultAssignBatchSize is the most articles assigned per clustering
// step. The stories depend on it a little, as the clusterer looks for
// stories to merge after each step: with 2,048 the UCI headlines scored
// BCubed F1 0.777 instead of 0.790.
const DefaultAssignBatchSize = 256

// Pipeline ingests inputs into a store.
type Pipeline struct {
	Articles parallax.ArticleService
	Stories  parallax.StoryService
	Decoder  *input.Decoder
	Assigner Assigner
	// Lines, when set, lets ingest drop paragraphs that an outlet repeats
	// across its articles; see extract.DropSourceRepeats.
	Lines parallax.SourceLineService
	// Annotations, when set, receives each stored article's annotations
	// (analyze.Annotate), kept current as texts and the analyzer change.
	Annotations parallax.AnnotationService
	// Fetch, when set, reads URL inputs (collect.Collector.Fetch).
	Fetch func(ctx context.Context, url string) ([]input.Record, error)
	// StoreOnly stops Ingest and IngestRecords after storing: a worker
	// stores, and the leader assigns and has the articles annotated.
	StoreOnly bool
	// Guard, when set, is called before each batch of assignments is
	// written; an error stops assigning. The leader checks it still
	// leads.
	Guard func(ctx context.Context) error
	// OnAssigned, when set, is called with each batch of articles just
	// assigned and their assignments; the leader queues their annotation
	// there.
	OnAssigned func(ctx context.Context, articles []*parallax.Article, assignments []parallax.Assignment) error
	// Stdin is read for the input "-". Defaults to an empty reader.
	Stdin io.Reader
	// BatchSize is the number of articles per store transaction. Defaults
	// to DefaultBatchSize.
	BatchSize int
	// AssignBatchSize is the number of articles per clustering step.
	// Defaults to BatchSize, at most DefaultAssignBatchSize.
	AssignBatchSize int
	// Progress, when set, is called after each input and each batch.
	Progress func(Progress)
	// ArticleTimeout bounds the annotation of one article (decoding has
	// its own, input.Decoder.ArticleTimeout). Zero means no limit. New
	// sets input.DefaultArticleTimeout.
	ArticleTimeout time.Duration
	// InputTimeout bounds the reading of one input: a file, a URL, or the
	// records given to IngestRecords. When it passes, the articles read so
	// far are stored and the input is reported failed; ingesting it again
	// goes on from there, since what is stored is unchanged. Zero means no
	// limit.
	InputTimeout time.Duration

	warmed bool
}

// New returns a Pipeline with default settings.
func New(articles parallax.ArticleService, stories parallax.StoryService, dec *input.Decoder, as Assigner) *Pipeline {
	return &Pipeline{Articles: articles, Stories: stories, Decoder: dec, Assigner: as, BatchSize: DefaultBatchSize,
		ArticleTimeout: input.DefaultArticleTimeout}
}

// Progress is a snapshot of a running ingest.
type Progress struct {
	Input      string
	InputsDone int
	Inputs     int
	// BytesDone and BytesTotal count input bytes read; BytesTotal is -1 when
	// standard input makes it unknown.
	BytesDone  int64
	BytesTotal int64
	// Pending counts articles decoded but not yet stored.
	Pending int
	Summary Summary
}

// Issue is an input, or a line of one, that failed or needs attention.
type Issue struct {
	Origin string `json:"origin"`
	Reason string `json:"reason"`
}

// Summary counts what an ingest did.
type Summary struct {
	Added   int `json:"added"`
	Updated int `json:"updated"`
	// Recleaned counts articles stored earlier that lost paragraphs once
	// later articles showed them to be their outlet's boilerplate.
	Recleaned int     `json:"recleaned"`
	Unchanged int     `json:"unchanged"`
	Failed    int     `json:"failed"`
	Assigned  int     `json:"assigned"`
	Annotated int     `json:"annotated"`
	Merged    int     `json:"merged"`
	Failures  []Issue `json:"failures"`
	Warnings  []Issue `json:"warnings"`
	Elapsed   float64 `json:"elapsed_seconds"`
}

// Stored is the number of articles that are in the store after the ingest.
func (s Summary) Stored() int { return s.Added + s.Updated + s.Unchanged }

// Ingest decodes every input and stores its articles, then assigns what is
// unassigned. Per-input failures are counted in the summary; the error is
// for failures of the store or the context, and the summary still counts
// what was done before it.
func (p *Pipeline) Ingest(ctx context.Context, paths []string) (Summary, error) {
	start := time.Now()
	inputs, errs := input.Expand(paths)
	r := &run{p: p, ctx: ctx, inputs: inputs, checkedLines: map[uint64]bool{}}
	for _, rec := range errs {
		r.fail(rec.Origin, rec.Err)
	}
	r.total = totalSize(inputs)
	return r.finish(r.all(), start)
}

// IngestRecords stores records decoded elsewhere (collected from the web,
// or the body of an API request), then assigns and annotates what is new,
// as Ingest does. name labels the progress reports and, when the records
// overrun InputTimeout, the failure.
func (p *Pipeline) IngestRecords(ctx context.Context, name string, recs iter.Seq[input.Record]) (Summary, error) {
	start := time.Now()
	r := &run{p: p, ctx: ctx, checkedLines: map[uint64]bool{}}
	err := func() error {
		if err := r.records(name, recs); err != nil {
			return err
		}
		return r.flush()
	}()
	return r.finish(err, start)
}

// finish assigns and annotates after the inputs are stored, unless
// storing failed.
func (r *run) finish(err error, start time.Time) (Summary, error) {
	if e := r.waitEarly(); err == nil {
		err = e
	}
	if r.p.StoreOnly {
		r.sum.Elapsed = time.Since(start).Seconds()
		return r.sum, err
	}
	if err == nil {
		err = r.p.AssignPending(r.ctx, &r.sum)
	}
	if err == nil {
		err = r.p.AnnotatePending(r.ctx, &r.sum)
	}
	r.sum.Elapsed = time.Since(start).Seconds()
	return r.sum, err
}

// AssignPending assigns every unassigned article in the store, in batches,
// and adds the count to sum. It also finishes the work of an ingest that
// was killed between storing and assigning.
//
// Articles are assigned in order of publication, ties broken by key, and
// not in the order they were stored: the stories then do not depend on
// which process stored what first, so one process and several workers
// sharing a database cluster the same corpus alike.
func (p *Pipeline) AssignPending(ctx context.Context, sum *Summary) error {
	for {
		order, err := p.pendingOrder(ctx)
		if err != nil {
			return err
		}
		if len(order) == 0 {
			return nil
		}
		// warm up only when there is something to assign
		if err := p.warm(ctx); err != nil {
			return err
		}
		if err := p.assignInOrder(ctx, order, sum); err != nil {
			return err
		}
	}
}

// assignInOrder assigns the unassigned articles of keys, a batch at a
// time, on three goroutines: the next batch is read (and prepared) while
// the current one is clustered, and the previous one's assignments are
// written. Reading texts, clustering and writing then wait on each other
// only when one falls a batch behind (a reader beside the writer is what
// SQLite's WAL mode and PostgreSQL both allow). Clustering never reads
// what the writer writes: the Assigner keeps its stories in memory.
func (p *Pipeline) assignInOrder(ctx context.Context, keys []string, sum *Summary) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type batch struct {
		pending []*parallax.Article
		assign  func() []parallax.Assignment // prepared, if the Assigner can be
		err     error
	}
	prep, _ := p.Assigner.(Preparer)
	ahead := make(chan batch, 1)
	go func() {
		defer close(ahead)
		size := p.assignBatchSize()
		for start := 0; start < len(keys); start += size {
			some := keys[start:min(start+size, len(keys))]
			pending, _, err := p.Articles.FindArticles(ctx, parallax.ArticleFilter{Keys: some, Unassigned: true, WithText: true})
			var assign func() []parallax.Assignment
			if err == nil && prep != nil && len(pending) > 0 {
				assign = prep.Prepare(pending)
			}
			select {
			case ahead <- batch{pending, assign, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	writes := make(chan assigned, 1)
	written := make(chan error, 1)
	go func() {
		var err error
		for w := range writes {
			if err == nil {
				if err = p.write(ctx, w, sum); err != nil {
					cancel() // stop reading and clustering
				}
			}
		}
		written <- err
	}()
	err := func() error {
		defer close(writes)
		merger, _ := p.Assigner.(Merger)
		for b := range ahead {
			if b.err != nil {
				return fmt.Errorf("find unassigned articles: %w", b.err)
			}
			if len(b.pending) == 0 {
				continue
			}
			if b.assign == nil {
				b.assign = func() []parallax.Assignment { return p.Assigner.Assign(b.pending) }
			}
			w := assigned{pending: b.pending, assignments: b.assign()}
			if merger != nil {
				w.merges = merger.Merges()
			}
			select {
			case writes <- w:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return ctx.Err()
	}()
	// the writer's error is the cause when it cancelled the others
	if werr := <-written; werr != nil {
		return werr
	}
	return err
}

// pendingOrder returns the keys of the unassigned articles in the order
// they are to be assigned.
func (p *Pipeline) pendingOrder(ctx context.Context) ([]string, error) {
	type pending struct {
		key       string
		published time.Time
	}
	var all []pending
	err := parallax.EachArticlePage(ctx, p.Articles, parallax.ArticleFilter{Unassigned: true, Limit: 10000},
		func(batch []*parallax.Article) error {
			for _, a := range batch {
				all = append(all, pending{a.Key, a.Published})
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("find unassigned articles: %w", err)
	}
	slices.SortFunc(all, func(a, b pending) int {
		switch {
		case a.published.IsZero() != b.published.IsZero():
			if a.published.IsZero() {
				return 1
			}
			return -1
		case !a.published.Equal(b.published):
			return a.published.Compare(b.published)
		}
		return strings.Compare(a.key, b.key)
	})
	keys := make([]string, len(all))
	for i, a := range all {
		keys[i] = a.key
	}
	return keys, nil
}

// assigned is one batch of articles with their assignments and the
// story merges that the batch brought.
type assigned struct {
	pending     []*parallax.Article
	assignments []parallax.Assignment
	merges      [][2]int64
}

// write stores the assignments of one batch of unassigned articles and
// applies the merges they bring.
func (p *Pipeline) write(ctx context.Context, w assigned, sum *Summary) error {
	if p.Guard != nil {
		if err := p.Guard(ctx); err != nil {
			return err
		}
	}
	if err := p.Stories.AssignStories(ctx, w.assignments); err != nil {
		return fmt.Errorf("assign stories: %w", err)
	}
	sum.Assigned += len(w.pending)
	if p.OnAssigned != nil {
		if err := p.OnAssigned(ctx, w.pending, w.assignments); err != nil {
			return err
		}
	}
	for _, pair := range w.merges {
		if err := p.Stories.MergeStories(ctx, pair[0], pair[1]); err != nil {
			return fmt.Errorf("merge stories: %w", err)
		}
		sum.Merged++
	}
	return nil
}

// warm hands a Warmer the assigned articles of the store, once.
func (p *Pipeline) warm(ctx context.Context) error {
	w, ok := p.Assigner.(Warmer)
	if !ok || p.warmed {
		return nil
	}
	err := parallax.EachArticlePage(ctx, p.Articles, parallax.ArticleFilter{Assigned: true, WithText: true},
		func(articles []*parallax.Article) error {
			w.Warm(articles)
			return nil
		})
	if err != nil {
		return fmt.Errorf("load assigned articles: %w", err)
	}
	p.warmed = true
	return nil
}

func (p *Pipeline) batchSize() int {
	if p.BatchSize <= 0 {
		return DefaultBatchSize
	}
	return p.BatchSize
}

func (p *Pipeline) assignBatchSize() int {
	if p.AssignBatchSize <= 0 {
		return min(p.batchSize(), DefaultAssignBatchSize)
	}
	return p.AssignBatchSize
}

func totalSize(inputs []input.Input) int64 {
	var total int64
	for _, in := range inputs {
		if in.Kind == input.URL {
			continue
		}
		if in.Path == "-" || in.Size < 0 {
			return -1
		}
		total += in.Size
	}
	return total
}
