package pipeline

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
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
		out := make([]*parallax.ArticleAnnotation, len(pending))
		for i, a := range pending {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("annotate: %w", err)
			}
			ann := analyze.Annotate(a.Text, analyze.Options{Published: a.Published, Language: a.Language})
			ann.Text = "" // the offsets index the stored article text
			data, err := json.Marshal(ann)
			if err != nil {
				return fmt.Errorf("annotate article %d: %w", a.ID, err)
			}
			out[i] = &parallax.ArticleAnnotation{ArticleID: a.ID, ContentHash: a.ContentHash, Version: analyze.Version, Data: data}
		}
		if err := p.Annotations.PutAnnotations(ctx, out); err != nil {
			return fmt.Errorf("store annotations: %w", err)
		}
		sum.Annotated += len(out)
	}
}
