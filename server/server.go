// Package server serves the web UI and the JSON API at /api/v1. Handlers
// read from the store through the service interfaces and never run analysis.
package server

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/report"
)

// Server holds the services the handlers use.
type Server struct {
	Stories  parallax.StoryService
	Articles parallax.ArticleService
	Sources  parallax.SourceService
	// Annotations, when set, lets story reports compare their articles.
	Annotations parallax.AnnotationService
	// Analyses, when set, caches each story's comparison between reads.
	Analyses parallax.AnalysisService
	// Search, when set, serves /search and /api/v1/search.
	Search parallax.SearchService
	// Subscriptions, when set, serves /sources and /api/v1/subscriptions:
	// what is collected and how each source is doing.
	Subscriptions parallax.SubscriptionService
	// Writes, when set, enables the write endpoints, behind a token.
	Writes *Writes
	// RateLimit is the API requests a second each client address may
	// make on average, in bursts of twice that; 0 means no limit. Set it
	// before calling Handler. New sets DefaultRateLimit.
	RateLimit float64
	// Logger receives request errors. Defaults to slog.Default().
	Logger *slog.Logger
	// Changes, when set, names the state of the whole store: two equal
	// values mean nothing was committed in between. A story request then
	// reuses what an earlier one found the story's report to be, instead
	// of reading the story's articles again to find out.
	Changes func(context.Context) (string, error)

	pages  *pages
	assets *assets
	// reports keeps rendered story pages and story JSON by snapshot key.
	reports *pageCache
	// keys keeps the snapshot key of each story requested since the
	// store last changed (see Changes).
	keys *snapshotKeys
}

// New returns a Server on the given services.
func New(stories parallax.StoryService, articles parallax.ArticleService, sources parallax.SourceService) (*Server, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	return &Server{Stories: stories, Articles: articles, Sources: sources, Logger: slog.Default(), RateLimit: DefaultRateLimit,
		pages: p, assets: a, reports: newPageCache(ReportCacheBytes), keys: &snapshotKeys{}}, nil
}

// ReportCacheBytes bounds the memory of rendered story pages and story
// JSON kept between requests.
const ReportCacheBytes = 64 << 20

// DefaultRateLimit is the API requests a second a client may make.
const DefaultRateLimit = 50

// Handler returns the HTTP handler with every route.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleStoriesPage)
	mux.HandleFunc("GET /stories/{id}", s.handleStoryPage)
	mux.HandleFunc("GET /stories/{id}/articles", s.handleStoryArticlesPage)
	mux.HandleFunc("GET /articles/{id}", s.handleArticlePage)
	mux.HandleFunc("GET /search", s.handleSearchPage)
	mux.HandleFunc("GET /sources", s.handleSubscriptionsPage)
	mux.HandleFunc("GET /static/{name}", s.assets.serve)

	mux.HandleFunc("GET /api/v1/stories", s.handleStories)
	mux.HandleFunc("GET /api/v1/stories/{id}", s.handleStory)
	mux.HandleFunc("GET /api/v1/articles", s.handleArticles)
	mux.HandleFunc("GET /api/v1/articles/{id}", s.handleArticle)
	mux.HandleFunc("GET /api/v1/sources", s.handleSources)
	mux.HandleFunc("GET /api/v1/search", s.handleSearch)
	mux.HandleFunc("GET /api/v1/subscriptions", s.handleSubscriptions)
	mux.HandleFunc("POST /api/v1/ingest", s.write(s.handleIngest))
	mux.HandleFunc("POST /api/v1/subscriptions", s.write(s.handleSubscribe))
	mux.HandleFunc("DELETE /api/v1/subscriptions/{id}", s.write(s.handleUnsubscribe))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.apiError(w, r, parallax.Errorf(parallax.ENOTFOUND, "no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	return securityHeaders(s.rateLimit(mux))
}

func (s *Server) loader() report.Loader {
	return report.Loader{Stories: s.Stories, Articles: s.Articles, Annotations: s.Annotations, Cache: s.Analyses}
}

// securityHeaders sets a strict Content-Security-Policy: no scripts, no
// inline styles, nothing from other origins, so that article content that
// slips through escaping still cannot run.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
