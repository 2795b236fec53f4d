package report

import "github.com/parallax-news/parallax"

// ArticleRecord is an article as listed by `parallax articles --json` and
// GET /api/v1/articles.
type ArticleRecord struct {
	ID                 int64    `json:"id"`
	ExternalID         string   `json:"external_id"`
	StoryID            *int64   `json:"story_id"`
	StorylineID        *int64   `json:"storyline_id"`
	Source             string   `json:"source"`
	Title              string   `json:"title"`
	URL                string   `json:"url"`
	CanonicalURL       string   `json:"canonical_url"`
	Byline             string   `json:"byline"`
	Published          *string  `json:"published"`
	PublishedMethod    string   `json:"published_method"`
	PublishedPrecision string   `json:"published_precision"`
	Language           string   `json:"language"`
	DuplicateOf        *int64   `json:"duplicate_of"`
	ContentHash        string   `json:"content_hash"`
	Text               *string  `json:"text,omitempty"`
	Paragraphs         []string `json:"paragraphs,omitempty"`
}

// NewArticleRecord converts an article; withText includes its body.
func NewArticleRecord(a *parallax.Article, withText bool) ArticleRecord {
	r := ArticleRecord{
		ID: a.ID, ExternalID: a.ExternalID, StoryID: idPtr(a.StoryID), StorylineID: idPtr(a.StorylineID),
		Source: a.Source, Title: a.Title, URL: a.URL, CanonicalURL: a.CanonicalURL, Byline: a.Byline,
		Published: TimeString(a.Published), PublishedMethod: a.PublishedMethod, PublishedPrecision: a.PublishedPrecision,
		Language:    a.Language,
		DuplicateOf: idPtr(a.DuplicateOf), ContentHash: a.ContentHash,
	}
	if withText {
		text := a.Text
		r.Text, r.Paragraphs = &text, a.Paragraphs()
	}
	return r
}

// StoryRecord is a story as listed by `parallax stories --json` and
// GET /api/v1/stories.
type StoryRecord struct {
	ID             int64   `json:"id"`
	StorylineID    int64   `json:"storyline_id"`
	Title          string  `json:"title"`
	FirstPublished *string `json:"first_published"`
	LastPublished  *string `json:"last_published"`
	Articles       int     `json:"articles"`
	Sources        int     `json:"sources"`
}

// NewStoryRecord converts a story.
func NewStoryRecord(s *parallax.Story) StoryRecord {
	return StoryRecord{
		ID: s.ID, StorylineID: s.StorylineID, Title: s.Title,
		FirstPublished: TimeString(s.FirstPublished), LastPublished: TimeString(s.LastPublished),
		Articles: s.Articles, Sources: s.Sources,
	}
}
