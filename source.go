package parallax

import (
	"context"
	"time"
)

// Source is an outlet: a site or publisher that articles come from.
type Source struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Domain   string `json:"domain,omitempty"`
	Country  string `json:"country,omitempty"`
	Language string `json:"language,omitempty"`
	Articles int    `json:"articles"`
}

// SourceFilter selects sources. Zero values select everything.
type SourceFilter struct {
	ID     *int64
	Name   *string
	Offset int
	Limit  int
}

// SourceService reads outlets. Sources are created as a side effect of
// storing articles.
type SourceService interface {
	FindSources(ctx context.Context, filter SourceFilter) ([]*Source, int, error)
}

// LineSighting records that one article of a source holds some paragraphs,
// each given by its hash (extract.LineHash).
type LineSighting struct {
	Source     string
	ArticleKey string
	// Title identifies the article's wording: versions of one article share
	// it and count once.
	Title uint64
	Lines []uint64
}

// LineCount says how widely a source repeats one paragraph.
type LineCount struct {
	// Titles is the number of differently titled articles of the source
	// that hold the paragraph, counted up to the store's cap.
	Titles int
	// Articles are keys of articles seen holding it, one per counted title.
	Articles []string
}

// SourceLineService remembers which paragraphs each source repeats across
// its articles: the evidence for boilerplate that no single article
// reveals. A store keeps at most LineTitleCap titles per paragraph, which
// bounds its size while telling "seen often" from "seen once or twice".
type SourceLineService interface {
	// RecordLines stores the sightings and returns, by source, the counts
	// of their paragraphs with them; recording one again changes nothing.
	RecordLines(ctx context.Context, sightings []LineSighting) (map[string]map[uint64]LineCount, error)
	// LineCounts returns the counts of the given paragraphs of a source.
	// Paragraphs never seen are absent from the map.
	LineCounts(ctx context.Context, source string, lines []uint64) (map[uint64]LineCount, error)
}

// LineTitleCap is the most titles a store counts per paragraph.
const LineTitleCap = 3

// SearchHit is an article that matches a search, with a snippet of the
// matching text.
type SearchHit struct {
	ArticleID int64
	StoryID   int64
	Title     string
	Source    string
	Published time.Time
	// Snippet is a short excerpt around the match; matched words are
	// wrapped in [ and ].
	Snippet string
}

// SearchService finds articles by the words of their title and text.
type SearchService interface {
	// Search returns up to limit articles holding every word of query,
	// best matches first. Punctuation and operators in query are ignored.
	Search(ctx context.Context, query string, limit int) ([]*SearchHit, error)
}
