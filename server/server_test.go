package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/server"
	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/storetest"
)

type fixture struct {
	ts       *httptest.Server
	articles []*parallax.Article
	as       parallax.ArticleService
	ss       parallax.StoryService
	// reads counts the server's FindArticles calls.
	reads *countingArticles
}

// countingArticles is the real article service, counting FindArticles
// calls.
type countingArticles struct {
	parallax.ArticleService
	n atomic.Int64
}

func (c *countingArticles) FindArticles(ctx context.Context, f parallax.ArticleFilter) ([]*parallax.Article, int, error) {
	c.n.Add(1)
	return c.ArticleService.FindArticles(ctx, f)
}

const hostileTitle = `Bridge <script>alert(1)</script> falls`

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "s.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	as, ss := sqlite.NewArticleService(db), sqlite.NewStoryService(db)
	day := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	arts := []*parallax.Article{
		storetest.NewArticle("Ledger", "Halvard Bridge collapses", "First paragraph.\n\nSecond paragraph.", day),
		storetest.NewArticle("Wire <b>", hostileTitle, `<img src=x onerror="alert(2)"> body`, day.Add(time.Hour)),
		storetest.NewArticle("Radio", "Orchestra sells out", "Music.", day.Add(48*time.Hour)),
	}
	arts[1].URL = "javascript:alert(3)"
	arts[2].PublishedPrecision = parallax.PrecisionDay
	arts[0].URL = "https://ledger.example/a"
	if _, err := as.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	err := ss.AssignStories(context.Background(), []parallax.Assignment{
		{ArticleID: arts[0].ID, StoryID: arts[0].ID, StorylineID: arts[0].ID, Title: arts[0].Title},
		{ArticleID: arts[1].ID, StoryID: arts[0].ID, StorylineID: arts[0].ID, DuplicateOf: arts[0].ID},
		{ArticleID: arts[2].ID, StoryID: arts[2].ID, StorylineID: arts[2].ID, Title: arts[2].Title},
	})
	if err != nil {
		t.Fatal(err)
	}
	reads := &countingArticles{ArticleService: as}
	srv, err := server.New(ss, reads, sqlite.NewSourceService(db))
	if err != nil {
		t.Fatal(err)
	}
	srv.Search = sqlite.NewSearchService(db)
	srv.Changes = db.Changes
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &fixture{ts: ts, articles: arts, as: as, ss: ss, reads: reads}
}

func (f *fixture) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	resp, body := f.fetch(t, http.DefaultClient, path, nil)
	return resp, string(body)
}

// fetch gets path with client and the given request headers.
func (f *fixture) fetch(t *testing.T, client *http.Client, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", f.ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestPages(t *testing.T) {
	f := newFixture(t)
	id := func(i int) string { return itoa(f.articles[i].ID) }
	tests := []struct {
		path       string
		status     int
		wantInBody []string
	}{
		{"/", 200, []string{"Halvard Bridge collapses", "Orchestra sells out", `href="/articles/` + id(1) + `"`}},
		{"/stories/" + id(0), 200, []string{"Halvard Bridge collapses", "copies only", "copy of", "2 Mar 2026 08:00 UTC"}},
		{"/stories/" + id(2), 200, []string{"<time>4 Mar 2026</time>"}},
		{"/articles/" + id(0), 200, []string{"<p>First paragraph.</p>", "<p>Second paragraph.</p>", `href="https://ledger.example/a"`}},
		{"/stories/999", 404, []string{"story 999 not found"}},
		{"/stories/abc", 400, []string{"invalid id"}},
		{"/articles/0", 400, []string{"invalid id"}},
		{"/?limit=0", 400, []string{"invalid limit"}},
		{"/?limit=1", 200, []string{"Stories 1–1 of 2", `href="/?limit=1&amp;offset=1" rel="next"`}},
		{"/?limit=1&offset=1", 200, []string{"Stories 2–2 of 2", `href="/?limit=1&amp;offset=0" rel="prev"`}},
		// other parameters are carried over, encoded
		{"/?limit=1&zz=%22%3E%3Cb%3Ex", 200, []string{`href="/?limit=1&amp;offset=1&amp;zz=%22%3E%3Cb%3Ex" rel="next"`}},
		{"/nowhere", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := f.get(t, tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			for _, want := range tt.wantInBody {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q", want)
				}
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("CSP = %q", csp)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no nosniff header")
			}
		})
	}
}

func TestHostileContentIsInert(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/", "/stories/" + itoa(f.articles[0].ID), "/articles/" + itoa(f.articles[1].ID)} {
		t.Run(path, func(t *testing.T) {
			_, body := f.get(t, path)
			for _, bad := range []string{"<script>", "<img", "<b>", "javascript:"} {
				if strings.Contains(body, bad) {
					t.Errorf("page contains %q unescaped", bad)
				}
			}
			if !strings.Contains(body, "&lt;script&gt;") {
				t.Errorf("the escaped title is missing")
			}
		})
	}
}

func TestAPI(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/api/v1/stories?limit=1")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("stories: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var list struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
		Limit int              `json:"limit"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	if list.Total != 2 || len(list.Items) != 1 || list.Limit != 1 {
		t.Errorf("stories page = %+v", list)
	}

	_, body = f.get(t, "/api/v1/stories/"+itoa(f.articles[0].ID))
	var rep parallax.StoryReport
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != 2 || rep.Claims == nil || len(rep.Sources) != 2 {
		t.Errorf("story = %+v", rep)
	}

	_, body = f.get(t, "/api/v1/articles/"+itoa(f.articles[0].ID))
	var art map[string]any
	json.Unmarshal([]byte(body), &art)
	if art["text"] != "First paragraph.\n\nSecond paragraph." {
		t.Errorf("article text = %v", art["text"])
	}
	_, body = f.get(t, "/api/v1/sources")
	if !strings.Contains(body, `"name":"Ledger"`) {
		t.Errorf("sources = %s", body)
	}
	_, body = f.get(t, "/api/v1/articles?source=Radio")
	if !strings.Contains(body, `"total":1`) {
		t.Errorf("articles by source = %s", body)
	}

	errorCases := map[string]int{
		"/api/v1/stories/999":       404,
		"/api/v1/articles/x":        400,
		"/api/v1/stories?offset=-1": 400,
		"/api/v1/nothing":           404,
	}
	for path, status := range errorCases {
		resp, body := f.get(t, path)
		var e map[string]string
		if resp.StatusCode != status || json.Unmarshal([]byte(body), &e) != nil || e["error"] == "" {
			t.Errorf("%s: status %d body %s, want %d with an error field", path, resp.StatusCode, body, status)
		}
	}
}

func TestHashedAssets(t *testing.T) {
	f := newFixture(t)
	_, page := f.get(t, "/")
	m := regexp.MustCompile(`href="(/static/style\.[0-9a-f]{12}\.css)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no hashed stylesheet link")
	}
	resp, css := f.get(t, m[1])
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") || !strings.Contains(css, "--accent") {
		t.Errorf("stylesheet: %d %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	if resp, _ := f.get(t, "/static/style.css"); resp.StatusCode != 404 {
		t.Errorf("unhashed asset name served: %d", resp.StatusCode)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestSearch(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/api/v1/search?q=orchestra")
	var got struct {
		Query string
		Items []struct {
			ArticleID int64 `json:"article_id"`
			Snippet   string
		}
		Stories []struct {
			StoryID int64 `json:"story_id"`
			Title   string
			Matched int `json:"matched_articles"`
		}
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != 200 || len(got.Items) != 1 ||
		got.Items[0].ArticleID != f.articles[2].ID || !strings.Contains(got.Items[0].Snippet, "[") {
		t.Fatalf("search API: %d %s (%v)", resp.StatusCode, body, err)
	}
	if len(got.Stories) != 1 || got.Stories[0].StoryID != f.articles[2].ID || got.Stories[0].Title != "Orchestra sells out" || got.Stories[0].Matched != 1 {
		t.Errorf("search API stories: %s", body)
	}
	if _, body := f.get(t, "/search?q=orchestra"); !strings.Contains(body, `<a href="/stories/`+itoa(f.articles[2].ID)+`">Orchestra sells out</a>`) {
		t.Errorf("search page does not list the matching story")
	}
	if resp, body := f.get(t, "/api/v1/search?q="+strings.Repeat("x", 300)); resp.StatusCode != 400 || !strings.Contains(body, `"error"`) {
		t.Errorf("long query: %d %s", resp.StatusCode, body)
	}
	if resp, _ := f.get(t, "/api/v1/search?q=a&limit=0"); resp.StatusCode != 400 {
		t.Errorf("limit 0: %d", resp.StatusCode)
	}
	// the page escapes the query and marks the matched words
	resp, body = f.get(t, "/search?q=orchestra%20%3C%2F%3E%26%22")
	if resp.StatusCode != 200 || strings.Contains(body, `orchestra </>&"`) || !strings.Contains(body, "<mark>") {
		t.Errorf("search page: %d\n%s", resp.StatusCode, body)
	}
	if resp, body := f.get(t, "/search"); resp.StatusCode != 200 || !strings.Contains(body, `name="q"`) {
		t.Errorf("empty search page: %d", resp.StatusCode)
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t)
	// the fixture's server has the default limit: bursts of 100
	codes := map[int]int{}
	for range 150 {
		resp, _ := f.get(t, "/api/v1/stories")
		codes[resp.StatusCode]++
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "" {
			t.Fatal("429 without Retry-After")
		}
	}
	if codes[200] < 100 || codes[429] == 0 {
		t.Errorf("status counts %v: want the burst served, then 429", codes)
	}
	// pages are not limited
	if resp, _ := f.get(t, "/"); resp.StatusCode != 200 {
		t.Errorf("front page after the API burst: %d", resp.StatusCode)
	}
}

// TestStoryListFilters: the front page and /api/v1/stories filter by
// outlet and date and order by outlets, and refuse what they cannot read.
func TestStoryListFilters(t *testing.T) {
	f := newFixture(t)
	titles := func(path string) []string {
		t.Helper()
		resp, body := f.get(t, path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", path, resp.StatusCode, body)
		}
		var got struct {
			Items []struct{ Title string }
			Total int
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range got.Items {
			out = append(out, it.Title)
		}
		if got.Total != len(out) {
			t.Errorf("%s: total %d, %d items", path, got.Total, len(out))
		}
		return out
	}
	for _, tt := range []struct {
		query string
		want  string
	}{
		{"", "Orchestra sells out|Halvard Bridge collapses"},
		{"?sort=sources", "Halvard Bridge collapses|Orchestra sells out"},
		{"?source=Radio", "Orchestra sells out"},
		{"?since=2026-03-03", "Orchestra sells out"},
		{"?since=24h", ""},
		{"?lang=de", ""},
	} {
		if got := strings.Join(titles("/api/v1/stories"+tt.query), "|"); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.query, got, tt.want)
		}
	}
	for _, bad := range []string{"?sort=best", "?since=soon", "?since=-3d"} {
		if resp, _ := f.get(t, "/api/v1/stories"+bad); resp.StatusCode != 400 {
			t.Errorf("%s: status %d, want 400", bad, resp.StatusCode)
		}
		if resp, _ := f.get(t, "/"+bad); resp.StatusCode != 400 {
			t.Errorf("page %s: status %d, want 400", bad, resp.StatusCode)
		}
	}
	_, body := f.get(t, "/?source=Radio&sort=sources")
	for _, want := range []string{"matching the filters", `<option value="Radio" selected>`, `<option value="sources" selected>`, "Orchestra sells out", "clear filters"} {
		if !strings.Contains(body, want) {
			t.Errorf("filtered page lacks %q", want)
		}
	}
	if strings.Contains(body, "Halvard Bridge collapses") {
		t.Error("filtered page shows a story of another outlet")
	}
	if _, body := f.get(t, "/?since=2000h&source=Nobody"); !strings.Contains(body, "No stories match these filters") {
		t.Error("an empty filtered page does not say so")
	}
	if _, body := f.get(t, "/api/v1/articles?story="+itoa(f.articles[0].ID)); !strings.Contains(body, `"total":2`) {
		t.Errorf("articles of a story: %s", body)
	}
	if resp, _ := f.get(t, "/api/v1/articles?story=x"); resp.StatusCode != 400 {
		t.Errorf("articles of story x: status %d", resp.StatusCode)
	}
}

// TestStoryCache: a story's page and JSON carry an ETag, answer 304 to
// it, and change as soon as the story does, although rendered reports
// are kept between requests.
func TestStoryCache(t *testing.T) {
	f := newFixture(t)
	id := itoa(f.articles[0].ID)
	for _, path := range []string{"/stories/" + id, "/api/v1/stories/" + id} {
		resp, body := f.get(t, path)
		etag := resp.Header.Get("ETag")
		if resp.StatusCode != 200 || etag == "" {
			t.Fatalf("%s: status %d, ETag %q", path, resp.StatusCode, etag)
		}
		if _, again := f.get(t, path); again != body {
			t.Errorf("%s: a second request answers differently", path)
		}
		req, _ := http.NewRequest("GET", f.ts.URL+path, nil)
		req.Header.Set("If-None-Match", etag)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s with its ETag: status %d, want 304", path, resp.StatusCode)
		}
	}
	// a new article joins the story: page, JSON and ETag change
	_, before := f.get(t, "/stories/"+id)
	late := storetest.NewArticle("Gazette", "Inquiry opens into bridge collapse", "Text.", time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	if _, err := f.as.PutArticles(context.Background(), []*parallax.Article{late}); err != nil {
		t.Fatal(err)
	}
	err := f.ss.AssignStories(context.Background(), []parallax.Assignment{{ArticleID: late.ID, StoryID: f.articles[0].ID, StorylineID: f.articles[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	resp, after := f.get(t, "/stories/"+id)
	if after == before || !strings.Contains(after, "Inquiry opens into bridge collapse") || !strings.Contains(after, "Gazette") {
		t.Errorf("the story page did not change with the story")
	}
	if _, js := f.get(t, "/api/v1/stories/"+id); !strings.Contains(js, "Inquiry opens into bridge collapse") {
		t.Errorf("the story JSON did not change with the story")
	}
	req, _ := http.NewRequest("GET", f.ts.URL+"/stories/"+id, nil)
	req.Header.Set("If-None-Match", resp.Header.Get("ETag")+"x")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Errorf("a stale ETag: %v %v", resp.StatusCode, err)
	}
}

// TestStoryArticlesPage: the articles of a story beyond the story page's
// first hundred are listed a hundred a page, in the story page's order
// (by publication, which is not the order of IDs).
func TestStoryArticlesPage(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	day := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	var arts []*parallax.Article
	for i := range 230 {
		// stored newest first, so that ID order is the reverse of the page's
		arts = append(arts, storetest.NewArticle("Wire", fmt.Sprintf("Report %03d", 229-i), fmt.Sprintf("Text %d.", i), day.Add(time.Duration(229-i)*time.Minute)))
	}
	if _, err := f.as.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	story := arts[0].ID
	var as []parallax.Assignment
	for _, a := range arts {
		as = append(as, parallax.Assignment{ArticleID: a.ID, StoryID: story, StorylineID: story, Title: "Reports"})
	}
	if err := f.ss.AssignStories(ctx, as); err != nil {
		t.Fatal(err)
	}
	id := itoa(story)
	titles := regexp.MustCompile(`Report (\d{3})`)
	listed := func(body string) []string {
		var out []string
		for _, m := range titles.FindAllStringSubmatch(body[strings.Index(body, `<ol class="articles"`):], -1) {
			out = append(out, m[1])
		}
		return out
	}
	_, page := f.get(t, "/stories/"+id)
	if got := listed(page); len(got) != 100 || got[0] != "000" || got[99] != "099" {
		t.Fatalf("the story page lists %d articles, %v … %v", len(got), got[:1], got[len(got)-1:])
	}
	if !strings.Contains(page, `href="/stories/`+id+`/articles?offset=100"`) {
		t.Error("the story page does not link to its next articles")
	}
	tests := []struct {
		query      string
		first      string
		n          int
		prev, next bool
	}{
		{"", "000", 100, false, true},
		{"?offset=100", "100", 100, true, true},
		{"?offset=200", "200", 30, true, false},
	}
	for _, tt := range tests {
		resp, body := f.get(t, "/stories/"+id+"/articles"+tt.query)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", tt.query, resp.StatusCode)
		}
		got := listed(body)
		if len(got) != tt.n || got[0] != tt.first {
			t.Errorf("%s: %d articles from %v, want %d from %s", tt.query, len(got), got[:1], tt.n, tt.first)
		}
		if strings.Contains(body, `rel="prev"`) != tt.prev || strings.Contains(body, `rel="next"`) != tt.next {
			t.Errorf("%s: prev/next links %v/%v, want %v/%v", tt.query, strings.Contains(body, `rel="prev"`), strings.Contains(body, `rel="next"`), tt.prev, tt.next)
		}
	}
	for path, status := range map[string]int{
		"/stories/" + id + "/articles?offset=500": 200,
		"/stories/" + id + "/articles?offset=-1":  400,
		"/stories/999/articles":                   404,
	} {
		if resp, _ := f.get(t, path); resp.StatusCode != status {
			t.Errorf("%s: status %d, want %d", path, resp.StatusCode, status)
		}
	}
}

// TestStoryEncodings: a story's page and JSON are kept gzipped and sent
// so to clients that accept it; other clients get the same bytes plain,
// and each encoding has its own ETag.
func TestStoryEncodings(t *testing.T) {
	f := newFixture(t)
	id := itoa(f.articles[0].ID)
	plain := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	fetch := func(path, enc string) (*http.Response, []byte) {
		if enc == "" {
			return f.fetch(t, plain, path, nil)
		}
		return f.fetch(t, plain, path, map[string]string{"Accept-Encoding": enc})
	}
	for _, path := range []string{"/stories/" + id, "/api/v1/stories/" + id} {
		// the first request renders, the later ones come from the cache
		for _, order := range [][]string{{"", "gzip"}, {"gzip", ""}} {
			var bodies [2][]byte
			var etags [2]string
			for i, enc := range order {
				resp, body := fetch(path, enc)
				if resp.StatusCode != 200 || resp.Header.Get("Vary") != "Accept-Encoding" {
					t.Fatalf("%s %q: status %d, Vary %q", path, enc, resp.StatusCode, resp.Header.Get("Vary"))
				}
				if got := resp.Header.Get("Content-Encoding"); (got == "gzip") != (enc == "gzip") {
					t.Fatalf("%s %q: Content-Encoding %q", path, enc, got)
				}
				if enc == "gzip" {
					zr, err := gzip.NewReader(bytes.NewReader(body))
					if err != nil {
						t.Fatalf("%s: %v", path, err)
					}
					if body, err = io.ReadAll(zr); err != nil {
						t.Fatalf("%s: %v", path, err)
					}
				}
				bodies[i], etags[i] = body, resp.Header.Get("ETag")
			}
			if !bytes.Equal(bodies[0], bodies[1]) || !bytes.Contains(bodies[0], []byte("Halvard Bridge collapses")) {
				t.Errorf("%s: the encodings carry different reports", path)
			}
			if etags[0] == etags[1] {
				t.Errorf("%s: one ETag %s for both encodings", path, etags[0])
			}
		}
	}
}

// TestStoryKeysWhileUnchanged: while the store does not change, a story
// requested again is answered without reading its articles; after a
// write it is read again and shows the change.
func TestStoryKeysWhileUnchanged(t *testing.T) {
	f := newFixture(t)
	id := itoa(f.articles[0].ID)
	for _, path := range []string{"/stories/" + id, "/api/v1/stories/" + id} {
		f.get(t, path)
		before := f.reads.n.Load()
		if resp, _ := f.get(t, path); resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", path, resp.StatusCode)
		}
		if n := f.reads.n.Load() - before; n != 0 {
			t.Errorf("%s again, the store unchanged: %d article reads, want 0", path, n)
		}
	}
	// a write by another handle, as by an ingest running beside the server
	late := storetest.NewArticle("Gazette", "Inquiry opens into bridge collapse", "Text.", time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	if _, err := f.as.PutArticles(context.Background(), []*parallax.Article{late}); err != nil {
		t.Fatal(err)
	}
	if err := f.ss.AssignStories(context.Background(), []parallax.Assignment{{ArticleID: late.ID, StoryID: f.articles[0].ID, StorylineID: f.articles[0].ID}}); err != nil {
		t.Fatal(err)
	}
	before := f.reads.n.Load()
	if _, body := f.get(t, "/stories/"+id); !strings.Contains(body, "Inquiry opens into bridge collapse") {
		t.Error("after a write, the story page does not show it")
	}
	if f.reads.n.Load() == before {
		t.Error("after a write, the story was not read again")
	}
}
