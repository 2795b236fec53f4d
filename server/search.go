package server

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// maxQuery bounds a search query, in bytes.
const maxQuery = 200

// searchHit is a search result as the API returns it.
type searchHit struct {
	ArticleID int64   `json:"article_id"`
	StoryID   *int64  `json:"story_id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published *string `json:"published"`
	// Snippet marks the matched words with [ and ].
	Snippet string `json:"snippet"`
}

type searchResponse struct {
	Query string      `json:"query"`
	Items []searchHit `json:"items"`
	// Stories are the stories of the matching articles, in the order of
	// their best match.
	Stories []storyMatch `json:"stories"`
}

// storyMatch is a story that holds matching articles.
type storyMatch struct {
	StoryID  int64  `json:"story_id"`
	Title    string `json:"title"`
	Matched  int    `json:"matched_articles"`
	Articles int    `json:"articles"`
	Sources  int    `json:"sources"`
}

// storiesOf groups search hits by story, in the order of each story's
// best hit, with the stories' titles and sizes.
func (s *Server) storiesOf(r *http.Request, hits []*parallax.SearchHit) ([]storyMatch, error) {
	var ids []int64
	matched := map[int64]int{}
	for _, h := range hits {
		if h.StoryID == 0 {
			continue
		}
		if matched[h.StoryID] == 0 {
			ids = append(ids, h.StoryID)
		}
		matched[h.StoryID]++
	}
	out := []storyMatch{}
	if len(ids) == 0 {
		return out, nil
	}
	stories, _, err := s.Stories.FindStories(r.Context(), parallax.StoryFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	byID := map[int64]*parallax.Story{}
	for _, st := range stories {
		byID[st.ID] = st
	}
	for _, id := range ids {
		if st := byID[id]; st != nil {
			out = append(out, storyMatch{StoryID: id, Title: st.Title, Matched: matched[id], Articles: st.Articles, Sources: st.Sources})
		}
	}
	return out, nil
}

// search runs the query of r, with limit results unless the API asks
// for another number.
func (s *Server) search(r *http.Request, limit int) (string, []*parallax.SearchHit, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > maxQuery {
		return q, nil, parallax.Errorf(parallax.EINVALID, "query longer than %d bytes", maxQuery)
	}
	if s.Search == nil {
		return q, nil, parallax.Errorf(parallax.ENOTFOUND, "search is not available on this server")
	}
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return q, nil, parallax.Errorf(parallax.EINVALID, "limit must be 1 to 100")
		}
		limit = n
	}
	if q == "" {
		return q, []*parallax.SearchHit{}, nil
	}
	hits, err := s.Search.Search(r.Context(), q, limit)
	return q, hits, err
}

// handleSearch is GET /api/v1/search?q=WORDS[&limit=N].
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q, hits, err := s.search(r, 20)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	stories, err := s.storiesOf(r, hits)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := searchResponse{Query: q, Items: make([]searchHit, 0, len(hits)), Stories: stories}
	for _, h := range hits {
		item := searchHit{ArticleID: h.ArticleID, Title: h.Title, Source: h.Source, Snippet: h.Snippet}
		if h.StoryID != 0 {
			id := h.StoryID
			item.StoryID = &id
		}
		if !h.Published.IsZero() {
			p := h.Published.Format(time.RFC3339)
			item.Published = &p
		}
		out.Items = append(out.Items, item)
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// snippetPart is a piece of a snippet, marked when it is a matched word.
type snippetPart struct {
	Text string
	Mark bool
}

type pageHit struct {
	*parallax.SearchHit
	Snippet []snippetPart
}

type searchView struct {
	Query   string
	Hits    []pageHit
	Stories []storyMatch
}

// handleSearchPage is GET /search?q=WORDS.
func (s *Server) handleSearchPage(w http.ResponseWriter, r *http.Request) {
	q, hits, err := s.search(r, 100)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	stories, err := s.storiesOf(r, hits)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := searchView{Query: q, Stories: stories}
	for _, h := range hits {
		v.Hits = append(v.Hits, pageHit{SearchHit: h, Snippet: splitSnippet(h.Snippet)})
	}
	s.render(w, r, http.StatusOK, s.pages.search, "Search", v)
}

// splitSnippet cuts a snippet at its [ ] marks, so that the template
// escapes every part and marks only the matched words.
func splitSnippet(s string) []snippetPart {
	var out []snippetPart
	for s != "" {
		open := strings.IndexByte(s, '[')
		if open < 0 {
			out = append(out, snippetPart{Text: s})
			break
		}
		closing := strings.IndexByte(s[open:], ']')
		if closing < 0 {
			out = append(out, snippetPart{Text: s})
			break
		}
		if open > 0 {
			out = append(out, snippetPart{Text: s[:open]})
		}
		out = append(out, snippetPart{Text: s[open+1 : open+closing], Mark: true})
		s = s[open+closing+1:]
	}
	return out
}
