package parallax

import (
	"context"
	"strings"
	"time"
)

// How an article's publication time was found.
const (
	PublishedMetadata = "metadata" // given by the input: feed, JSON field, HTML meta
	PublishedText     = "text"     // stated in the article's own text
	PublishedURL      = "url"      // written in the page URL
	PublishedInferred = "inferred" // guessed from dates the text mentions
)

// How precisely an article's publication time is known.
const (
	PrecisionTime = "time" // date and time of day
	PrecisionDay  = "day"  // the calendar day only; the time is midnight UTC
)

// Article is one document from one source, with its body as clean text.
type Article struct {
	ID int64
	// Key is the identity used for idempotent ingest; see ArticleKey.
	Key          string
	ExternalID   string
	URL          string
	CanonicalURL string
	Source       string
	SourceID     int64
	Title        string
	Byline       string
	// Published is the zero time when unknown. Its location is the offset
	// the input gave, so that "Monday" can later be resolved in local time.
	Published       time.Time
	PublishedMethod string
	// PublishedPrecision is PrecisionDay when only the date is known, else
	// PrecisionTime (or "" when Published is zero).
	PublishedPrecision string
	Language           string
	// Text holds the body paragraphs separated by blank lines.
	Text        string
	ContentHash string
	// DecodedHash, when set, is the ContentHash of the article as decoded
	// from its input, before the paragraphs its outlet repeats were
	// dropped. Storing an article whose stored version came from the same
	// input changes nothing, even when the outlet's paragraphs, counted
	// since, would clean it otherwise. Empty keeps the stored one (the
	// article cleaned again is the same input). Stores write it and do not
	// read it back.
	DecodedHash string
	// DecodedText is the text as decoded from the input when dropping the
	// paragraphs its outlet repeats changed it, and empty when Text is as
	// decoded. Cleaning again starts from it. Stores write it as given
	// and read it back with the text.
	DecodedText string
	StoryID     int64 // 0 until the article is assigned
	StorylineID int64
	DuplicateOf int64 // 0 unless the article copies an earlier one
	IngestedAt  time.Time
}

// Paragraphs splits the body into its paragraphs.
func (a *Article) Paragraphs() []string {
	return SplitParagraphs(a.Text)
}

// SplitParagraphs splits text at blank lines and drops empty paragraphs.
func SplitParagraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ByPublished orders articles by publication time, undated last, then by
// ID: the order in which stories are told and streams are clustered.
func ByPublished(a, b *Article) bool {
	switch {
	case a.Published.IsZero() != b.Published.IsZero():
		return !a.Published.IsZero()
	case !a.Published.Equal(b.Published):
		return a.Published.Before(b.Published)
	}
	return a.ID < b.ID
}

// ArticleFilter selects articles. Zero values select everything.
type ArticleFilter struct {
	ID      *int64
	StoryID *int64
	Source  *string
	// Keys, when not nil, selects the articles with these keys.
	Keys       []string
	Unassigned bool // only articles not yet assigned to a story
	Assigned   bool // only articles assigned to a story
	// WithText loads the body; listings leave it empty to stay cheap.
	WithText bool
	// AfterID, when positive, selects the articles with IDs above it. A
	// walk by ID reads each page from the primary key, where an offset
	// steps over every earlier match again.
	AfterID int64
	// NoTotal spares counting all the matches; FindArticles then returns
	// -1 for the total.
	NoTotal bool
	Offset  int
	Limit   int
}

// EachArticlePage calls fn with successive pages of the articles matching
// f, in ID order, f.Limit at a time (1,000 when unset), so that a caller
// can walk a large store in bounded memory. f.Offset is where the walk
// starts. Each page after the first starts after the last ID of the one
// before, and none counts the matches: paging by offset, with a count per
// page, made walking a million stored articles take minutes.
func EachArticlePage(ctx context.Context, s ArticleService, f ArticleFilter, fn func([]*Article) error) error {
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	f.NoTotal = true
	for {
		page, _, err := s.FindArticles(ctx, f)
		if err != nil {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
		if len(page) < f.Limit {
			return nil
		}
		f.Offset, f.AfterID = 0, page[len(page)-1].ID
	}
}

// PutOutcome says what storing one article changed.
type PutOutcome string

// Outcomes of ArticleService.PutArticles.
const (
	Added     PutOutcome = "added"
	Updated   PutOutcome = "updated"
	Unchanged PutOutcome = "unchanged"
)

// PutResult reports, for one article given to PutArticles, its stored ID and
// what changed.
type PutResult struct {
	ID      int64
	Outcome PutOutcome
}

// ArticleService stores and reads articles.
type ArticleService interface {
	FindArticleByID(ctx context.Context, id int64) (*Article, error)
	FindArticles(ctx context.Context, filter ArticleFilter) ([]*Article, int, error)
	// PutArticles stores the articles in one transaction, keyed by
	// Article.Key: an unknown key is added, a known key with a new content
	// hash is updated in place, and a known key with the same hash is left
	// alone. Either every article is stored or none is.
	PutArticles(ctx context.Context, articles []*Article) ([]PutResult, error)
}
