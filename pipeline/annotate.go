package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/internal/budget"
)

// AnnotatePending annotates every article whose annotation is missing or
// stale (its text changed, or the analyzer did), in batches, and adds
// the count to sum. Like AssignPending, it finishes the work of an
// ingest that was killed.
func (p *Pipeline) AnnotatePending(ctx context.Context, sum *Summary) error {
	if p.Annotations == nil {
		return nil
	}
	for {
		pending, err := p.Annotations.StaleArticles(ctx, analyze.Version, p.batchSize())
		if err != nil {
			return fmt.Errorf("find articles to annotate: %w", err)
		}
		if len(pending) == 0 {
			return nil
		}
		if err := p.annotate(ctx, pending, sum); err != nil {
			return err
		}
	}
}

// AnnotateKeys annotates the articles with the given keys (an annotate
// job) and adds them to sum; articles gone since are skipped.
func (p *Pipeline) AnnotateKeys(ctx context.Context, keys []string, sum *Summary) error {
	articles, _, err := p.Articles.FindArticles(ctx, parallax.ArticleFilter{Keys: keys, WithText: true})
	if err != nil {
		return fmt.Errorf("find articles to annotate: %w", err)
	}
	return p.annotate(ctx, articles, sum)
}

// annotate annotates articles, stores the annotations in one batch and
// counts them in sum. An article whose annotation overruns ArticleTimeout
// is stored with an empty annotation, so that it is not tried again until
// its text or the analyzer changes, and is reported as a warning.
func (p *Pipeline) annotate(ctx context.Context, articles []*parallax.Article, sum *Summary) error {
	// the options first, in order: an undated article's story date is a
	// query
	opts := make([]analyze.Options, len(articles))
	dates := map[int64]time.Time{}
	for i, a := range articles {
		opts[i] = analyze.Options{Published: a.Published, Language: a.Language}
		if a.Published.IsZero() && a.StoryID != 0 {
			// an undated article is read against its story's date
			d, ok := dates[a.StoryID]
			if !ok {
				var err error
				if d, err = p.storyDate(ctx, a.StoryID); err != nil {
					return err
				}
				dates[a.StoryID] = d
			}
			opts[i].Fallback = d
		}
	}
	// then the annotation itself, pure and the costliest step after
	// clustering, on every core
	out := make([]*parallax.ArticleAnnotation, len(articles))
	warnings := make([]string, len(articles))
	errs := make([]error, len(articles))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(articles)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(articles) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				out[i], warnings[i], errs[i] = p.annotateOne(articles[i], opts[i])
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	for i, a := range articles {
		if errs[i] != nil {
			return errs[i]
		}
		if warnings[i] != "" {
			sum.Warnings = append(sum.Warnings, Issue{Origin: articleOrigin(a), Reason: warnings[i]})
		}
	}
	if err := p.Annotations.PutAnnotations(ctx, out); err != nil {
		return fmt.Errorf("store annotations: %w", err)
	}
	sum.Annotated += len(articles)
	return nil
}

// annotateOne annotates one article within ArticleTimeout. Past it, the
// article gets an empty annotation and a warning.
func (p *Pipeline) annotateOne(a *parallax.Article, opt analyze.Options) (*parallax.ArticleAnnotation, string, error) {
	warning := ""
	ann, err := budget.Run(p.ArticleTimeout, func() analyze.Annotation {
		ann := analyze.Annotate(a.Text, opt)
		ann.Compact() // the offsets index the stored article text
		return ann
	})
	if err != nil {
		warning = fmt.Sprintf("annotation stopped: %v; the article is stored without annotations", err)
		ann = analyze.Annotation{Language: a.Language}
	}
	data, err := json.Marshal(ann)
	if err != nil {
		return nil, "", fmt.Errorf("annotate article %d: %w", a.ID, err)
	}
	return &parallax.ArticleAnnotation{ArticleID: a.ID, ContentHash: a.ContentHash, Version: analyze.Version, Data: data}, warning, nil
}

// articleOrigin names a stored article in a summary: its URL, else its key.
func articleOrigin(a *parallax.Article) string {
	if a.URL != "" {
		return a.URL
	}
	return a.Key
}

// storyDate returns when a story was first published, or the zero time.
func (p *Pipeline) storyDate(ctx context.Context, id int64) (time.Time, error) {
	st, err := p.Stories.FindStoryByID(ctx, id)
	if parallax.ErrorCode(err) == parallax.ENOTFOUND {
		return time.Time{}, nil
	} else if err != nil {
		return time.Time{}, fmt.Errorf("find story %d: %w", id, err)
	}
	return st.FirstPublished, nil
}
