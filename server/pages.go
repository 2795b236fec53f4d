package server

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/report"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages holds one parsed template set per page, each with the layout.
type pages struct {
	stories, story, storyArticles, article, search, sources, error *template.Template
}

func parsePages() (*pages, error) {
	parse := func(name string) (*template.Template, error) {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		return t, nil
	}
	var p pages
	var err error
	for _, pt := range []struct {
		t    **template.Template
		name string
	}{{&p.stories, "stories.html"}, {&p.story, "story.html"}, {&p.storyArticles, "storyarticles.html"}, {&p.article, "article.html"}, {&p.search, "search.html"}, {&p.sources, "sources.html"}, {&p.error, "error.html"}} {
		if *pt.t, err = parse(pt.name); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

var funcs = template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "date unknown"
		}
		return t.Format("2 Jan 2006")
	},
	"datestr": func(s *string) string { return when(s, parallax.PrecisionTime) },
	"when":    when,
	"chips":   chips,
	"add":     func(n, x int) int { return x + n },
	"sub":     func(a, b int) int { return a - b },
	"weburl": func(raw string) string {
		if _, err := parallax.CanonicalURL(raw); err != nil {
			return ""
		}
		return raw
	},
}

// when shows an RFC 3339 time as precisely as it is known.
func when(s *string, precision string) string {
	if s == nil {
		return "date unknown"
	}
	t, err := time.Parse(time.RFC3339, *s)
	if err != nil {
		return *s
	}
	if precision == parallax.PrecisionDay {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan 2006 15:04 MST")
}

// layoutView is what the layout needs besides the page's own view.
type layoutView struct {
	Title string
	CSS   string
	Page  any
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, t *template.Template, title string, view any) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, layoutView{Title: title, CSS: s.assets.url("style.css"), Page: view}); err != nil {
		s.Logger.Error("render page", "path", r.URL.Path, "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

type errorView struct {
	Status  int
	Message string
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	s.logError(r, err)
	st := ErrorStatus(err)
	s.render(w, r, st, s.pages.error, http.StatusText(st), errorView{Status: st, Message: parallax.ErrorMessage(err)})
}

type storyItem struct {
	Story    *parallax.Story
	Articles []*parallax.Article
	// Storyline is the number of other stories in the story's storyline.
	Storyline int
}

// pager is where one page of a listing stands: items From to To (from
// 1) of Total, and the offsets of the pages before and after it.
type pager struct {
	Total, From, To  int
	Prev, Next       int
	HasPrev, HasNext bool
}

// newPager places the shown items of a page at offset, of limit items a
// page, in a listing of total.
func newPager(offset, limit, shown, total int) pager {
	return pager{Total: total, From: offset + 1, To: offset + shown,
		Prev: max(offset-limit, 0), Next: offset + limit,
		HasPrev: offset > 0, HasNext: offset+shown < total}
}

type storiesView struct {
	Items []storyItem
	pager
	// PrevURL and NextURL are the list's URL with the other page's
	// offset. They are built by url.Values.Encode, so they are safe as
	// they are; as plain strings the template escaped the query's "=" and
	// "&", and the links led back to the first page.
	PrevURL, NextURL template.URL
	Filter           parallax.StoryFilter
	Since            string
	Sources          []*parallax.Source
	Filtered         bool
	SortLabels       [][2]string
	SinceOpts        [][2]string
}

func (s *Server) handleStoriesPage(w http.ResponseWriter, r *http.Request) {
	offset, limit, err := paging(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f, err := storyFilter(r, time.Now())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f.Offset, f.Limit = offset, limit
	stories, total, err := s.Stories.FindStories(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	sources, _, err := s.Sources.FindSources(r.Context(), parallax.SourceFilter{Limit: 500})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	page := func(off int) template.URL {
		q := r.URL.Query()
		q.Set("offset", strconv.Itoa(off))
		return template.URL("/?" + q.Encode())
	}
	v := storiesView{pager: newPager(offset, limit, len(stories), total),
		Filter: f, Since: r.URL.Query().Get("since"), Sources: sources,
		Filtered:   f.Source != "" || f.Language != "" || !f.Since.IsZero(),
		SortLabels: [][2]string{{parallax.SortRecent, "most recent"}, {parallax.SortSources, "most outlets"}, {parallax.SortArticles, "most articles"}},
		SinceOpts:  [][2]string{{"", "any time"}, {"24h", "last 24 hours"}, {"7d", "last 7 days"}, {"30d", "last 30 days"}}}
	v.PrevURL, v.NextURL = page(v.Prev), page(v.Next)
	for _, st := range stories {
		arts, _, err := s.Articles.FindArticles(r.Context(), parallax.ArticleFilter{StoryID: &st.ID, Limit: 5})
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		item := storyItem{Story: st, Articles: arts}
		line := st.StorylineID
		if _, n, err := s.Stories.FindStories(r.Context(), parallax.StoryFilter{StorylineID: &line, Limit: 1}); err != nil {
			s.pageError(w, r, err)
			return
		} else {
			item.Storyline = n - 1
		}
		v.Items = append(v.Items, item)
	}
	s.render(w, r, http.StatusOK, s.pages.stories, "Stories", v)
}

func (s *Server) handleStoryPage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.serveReport(w, r, "page", func(rep *parallax.StoryReport) ([]byte, error) {
		var buf bytes.Buffer
		err := s.pages.story.Execute(&buf, layoutView{Title: rep.Title, CSS: s.assets.url("style.css"), Page: newStoryView(rep)})
		return buf.Bytes(), err
	}, "text/html; charset=utf-8", id, s.pageError)
}

// serveReport answers with a story's report made by render, from the
// cache when the story's snapshot has not changed, and with an ETag, so
// that a client holding the current version gets 304 Not Modified.
//
// Reports are kept gzipped: the JSON of a story of a thousand articles
// is about 2 MB and 0.3 MB gzipped, so eight times as many stay cached.
// A client that accepts gzip (every browser, Go's HTTP client) gets the
// kept bytes as they are; any other gets them unzipped.
//
// Finding a story's snapshot reads all its articles, which for a story of
// a thousand articles costs more than sending its cached report; while
// the store has not changed (Changes), the key found last time is used.
func (s *Server) serveReport(w http.ResponseWriter, r *http.Request, kind string, render func(*parallax.StoryReport) ([]byte, error),
	contentType string, id int64, fail func(http.ResponseWriter, *http.Request, error)) {
	ctx := r.Context()
	l := s.loader()
	stamp := ""
	if s.Changes != nil {
		var err error
		if stamp, err = s.Changes(ctx); err != nil {
			s.Logger.Debug("store changes", "error", err)
			stamp = ""
		}
	}
	var snap *report.Snapshot
	// snapshot reads the story and keeps its key under stamp
	snapshot := func() bool {
		var err error
		if snap, err = l.Snapshot(ctx, id); err != nil {
			fail(w, r, err)
			return false
		}
		s.keys.put(stamp, id, snap.Key)
		return true
	}
	snapKey, ok := s.keys.get(stamp, id)
	if !ok {
		if !snapshot() {
			return
		}
		snapKey = snap.Key
	}
	gz := acceptsGzip(r.Header.Get("Accept-Encoding"))
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Accept-Encoding")
	if etag := etagOf(snapKey, gz); r.Header.Get("If-None-Match") == etag {
		h.Set("ETag", etag)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	cacheKey := func() string { return kind + " " + s.assets.url("style.css") + " " + snapKey }
	var plain []byte
	zipped, ok := s.reports.get(cacheKey())
	if !ok {
		// the report is not cached: read the story, unless this request did
		if snap == nil {
			if !snapshot() {
				return
			}
			snapKey = snap.Key
		}
		rep, err := l.Report(ctx, snap)
		if err != nil {
			fail(w, r, err)
			return
		}
		if plain, err = render(rep); err != nil {
			s.Logger.Error("render report", "path", r.URL.Path, "error", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		zipped = gzipped(plain)
		s.reports.put(cacheKey(), zipped)
	}
	h.Set("ETag", etagOf(snapKey, gz))
	h.Set("Content-Type", contentType)
	if gz {
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(len(zipped)))
		w.Write(zipped)
		return
	}
	if plain != nil {
		w.Write(plain)
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(zipped))
	if err == nil {
		_, err = io.Copy(w, zr)
	}
	if err != nil {
		s.Logger.Debug("write report", "path", r.URL.Path, "error", err)
	}
}

// etagOf is the ETag of a report with the given snapshot key, gzipped or
// not: a strong ETag names one encoding of the body.
func etagOf(snapKey string, gz bool) string {
	if gz {
		return `"` + snapKey[:32] + `-gzip"`
	}
	return `"` + snapKey[:32] + `"`
}

// gzipped compresses b at gzip's fastest level: about 100 MB/s here,
// and within 20% of the default level's size on reports.
func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + 64)
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // the level is valid
	zw.Write(b)                                        // a bytes.Buffer does not fail
	zw.Close()
	return buf.Bytes()
}

// acceptsGzip tells whether an Accept-Encoding header admits gzip:
// named, or by "*", and not with q=0.
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		q := 1.0
		if v, found := strings.CutPrefix(strings.TrimSpace(params), "q="); found {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "gzip", "x-gzip":
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}

// storyArticlesView is one page of a story's articles, in the order of
// the story page's list, which shows the first maxListed.
type storyArticlesView struct {
	Story    *parallax.Story
	Articles []parallax.ReportArticle
	Offset   int
	pager
}

func (s *Server) handleStoryArticlesPage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	offset, _, err := paging(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	st, err := s.Stories.FindStoryByID(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	// all of them, without text, to order them as the story page does
	all, _, err := s.Articles.FindArticles(r.Context(), parallax.ArticleFilter{StoryID: &st.ID, NoTotal: true})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	listed := report.Articles(all)
	v := storyArticlesView{Story: st, Offset: offset}
	if offset < len(listed) {
		v.Articles = listed[offset:min(offset+maxListed, len(listed))]
	}
	v.pager = newPager(offset, maxListed, len(v.Articles), len(listed))
	s.render(w, r, http.StatusOK, s.pages.storyArticles, st.Title, v)
}

type articleView struct {
	Article    *parallax.Article
	Paragraphs []string
	// Marked is the text with its entities, dates, numbers and quotes
	// highlighted, when the article has a current annotation.
	Marked [][]segment
	Story  *parallax.Story
}

func (s *Server) handleArticlePage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, err := s.Articles.FindArticleByID(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := articleView{Article: a, Paragraphs: a.Paragraphs()}
	if s.Annotations != nil {
		anns, err := s.Annotations.FindAnnotations(r.Context(), []int64{a.ID})
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		if an := anns[a.ID]; an != nil && an.ContentHash == a.ContentHash {
			var x analyze.Annotation
			if err := json.Unmarshal(an.Data, &x); err == nil {
				v.Marked = highlight(a.Text, x)
			}
		}
	}
	if a.StoryID != 0 {
		if v.Story, err = s.Stories.FindStoryByID(r.Context(), a.StoryID); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, s.pages.article, a.Title, v)
}
