package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
)

var _ parallax.SearchService = (*SearchService)(nil)

// SearchService finds articles by their words: SQLite's FTS5 or
// PostgreSQL's text search, whichever the dialect has.
type SearchService struct {
	db *DB
}

// NewSearchService returns a SearchService on db.
func NewSearchService(db *DB) *SearchService {
	return &SearchService{db: db}
}

// Search returns the best matches for all words of query; see
// parallax.SearchService.
func (s *SearchService) Search(ctx context.Context, query string, limit int) ([]*parallax.SearchHit, error) {
	words := searchWords(query)
	if len(words) == 0 {
		return []*parallax.SearchHit{}, nil
	}
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	var q string
	var arg string
	if s.db.d.Numbered { // PostgreSQL
		arg = strings.Join(words, " & ")
		q = `SELECT a.id, a.story_id, a.title, s.name, a.published,
			ts_headline('simple', a.title || '. ' || a.text, to_tsquery('simple', ?1), 'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1')
			FROM articles a JOIN sources s ON s.id = a.source_id
			WHERE a.search @@ to_tsquery('simple', ?1)
			ORDER BY ts_rank(a.search, to_tsquery('simple', ?1)) DESC, a.id LIMIT ?2`
	} else {
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = `"` + w + `"`
		}
		arg = strings.Join(quoted, " ")
		q = `SELECT a.id, a.story_id, a.title, s.name, a.published, snippet(articles_fts, -1, '[', ']', '…', 16)
			FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid JOIN sources s ON s.id = a.source_id
			WHERE articles_fts MATCH ?1 ORDER BY rank, a.id LIMIT ?2`
	}
	rows, err := s.db.db.QueryContext(ctx, q, arg, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	out := []*parallax.SearchHit{}
	for rows.Next() {
		var h parallax.SearchHit
		var story sql.NullInt64
		var published sql.NullString
		if err := rows.Scan(&h.ArticleID, &story, &h.Title, &h.Source, &published, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		h.StoryID, h.Published = story.Int64, fromRFC3339(published)
		out = append(out, &h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return out, nil
}

// searchWords keeps the letters and digits of a query, lower case, at
// most 16 words: no operator or quote reaches the search engine.
func searchWords(q string) []string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) > 16 {
		words = words[:16]
	}
	return words
}
