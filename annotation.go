package parallax

import (
	"context"
	"encoding/json"
)

// ArticleAnnotation is what the analyze stage found in one article's
// text: sentences, entities, quotes, time expressions and numbers, as
// JSON with code-point offsets into the stored text. It is current while
// ContentHash matches the article's and Version the analyzer's.
type ArticleAnnotation struct {
	ArticleID   int64
	ContentHash string
	Version     string
	Data        json.RawMessage
}

// AnnotationService stores article annotations.
type AnnotationService interface {
	// PutAnnotations stores annotations, replacing an article's earlier
	// one, in one transaction.
	PutAnnotations(ctx context.Context, as []*ArticleAnnotation) error
	// FindAnnotations returns the stored annotations of the articles,
	// keyed by article ID; articles without one are absent.
	FindAnnotations(ctx context.Context, articleIDs []int64) (map[int64]*ArticleAnnotation, error)
	// StaleArticles returns, with their text, up to limit articles whose
	// annotation is missing, or was made from other text or by another
	// analyzer version than version.
	StaleArticles(ctx context.Context, version string, limit int) ([]*Article, error)
	// AnnotationStamps returns, for the articles that have an
	// annotation, the content hash and analyzer version it was made
	// from, joined by a space: what an annotation depends on, without its
	// data.
	AnnotationStamps(ctx context.Context, articleIDs []int64) (map[int64]string, error)
}

// AnalysisService caches each story's comparison (compare.Analysis as
// JSON) under a fingerprint of what it was computed from, so that a
// story is compared again only when it changed.
type AnalysisService interface {
	// FindAnalysis returns the cached analysis of a story and its
	// fingerprint; ENOTFOUND when there is none.
	FindAnalysis(ctx context.Context, storyID int64) (fingerprint string, data []byte, err error)
	// PutAnalysis stores a story's analysis, replacing the earlier one.
	PutAnalysis(ctx context.Context, storyID int64, fingerprint string, data []byte) error
}
