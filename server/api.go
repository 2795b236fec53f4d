package server

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/report"
)

// listResponse is the envelope of every paginated listing.
type listResponse[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		s.Logger.Debug("write response", "path", r.URL.Path, "error", err)
	}
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	s.logError(r, err)
	s.writeJSON(w, r, ErrorStatus(err), map[string]string{"error": parallax.ErrorMessage(err)})
}

func (s *Server) handleStories(w http.ResponseWriter, r *http.Request) {
	offset, limit, err := paging(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	f, err := storyFilter(r, time.Now())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	f.Offset, f.Limit = offset, limit
	stories, total, err := s.Stories.FindStories(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	items := make([]report.StoryRecord, len(stories))
	for i, st := range stories {
		items[i] = report.NewStoryRecord(st)
	}
	s.writeJSON(w, r, http.StatusOK, listResponse[report.StoryRecord]{items, total, offset, limit})
}

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.serveReport(w, r, "json", func(rep *parallax.StoryReport) ([]byte, error) {
		return json.Marshal(rep)
	}, "application/json; charset=utf-8", id, s.apiError)
}

func (s *Server) handleArticles(w http.ResponseWriter, r *http.Request) {
	offset, limit, err := paging(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	f := parallax.ArticleFilter{Offset: offset, Limit: limit}
	if v := r.URL.Query().Get("story"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			s.apiError(w, r, parallax.Errorf(parallax.EINVALID, "invalid story %q", v))
			return
		}
		f.StoryID = &id
	}
	if src := r.URL.Query().Get("source"); src != "" {
		f.Source = &src
	}
	articles, total, err := s.Articles.FindArticles(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	items := make([]report.ArticleRecord, len(articles))
	for i, a := range articles {
		items[i] = report.NewArticleRecord(a, false)
	}
	s.writeJSON(w, r, http.StatusOK, listResponse[report.ArticleRecord]{items, total, offset, limit})
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	a, err := s.Articles.FindArticleByID(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, report.NewArticleRecord(a, true))
}

func (s *Server) handleSources(w http.ResponseWriter, r *http.Request) {
	offset, limit, err := paging(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	sources, total, err := s.Sources.FindSources(r.Context(), parallax.SourceFilter{Offset: offset, Limit: limit})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	items := make([]parallax.Source, len(sources))
	for i, src := range sources {
		items[i] = *src
	}
	s.writeJSON(w, r, http.StatusOK, listResponse[parallax.Source]{items, total, offset, limit})
}
