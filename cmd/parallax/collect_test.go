package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// newsSite serves a small outlet over real HTTP: a home page announcing
// its RSS feed, the feed, and the article pages of the collect package's
// fixture site.
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	dir := filepath.Join("..", "..", "collect", "testdata", "site")
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>Kessel Courier</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body><p>News.</p></body></html>`)
	})
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"feed-1"`)
		if r.Header.Get("If-None-Match") == `"feed-1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Kessel Courier</title>
<item><title>Bridge reopens</title><link>/news/bridge.html</link></item>
<item><title>Strike</title><link>/news/strike.html</link></item>
<item><title>Memo</title><link>/private/memo.html</link></item>
</channel></rss>`)
	})
	mux.HandleFunc("/news/{name}", func(w http.ResponseWriter, r *http.Request) {
		data, err := os.ReadFile(filepath.Join(dir, "news", filepath.Base(r.PathValue("name"))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fetched %s, which robots.txt disallows", r.URL.Path)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestSourcesAndCollect(t *testing.T) {
	site := newsSite(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	local := []string{"--db", db, "--allow-private", "--host-interval", "1ms"}
	cli := func(args ...string) result { return mustRun(t, append(args, local...)...) }

	// a home page is replaced by the feed it announces
	if r := cli("sources", "add", site.URL+"/"); !strings.Contains(r.stdout, "added 1 "+site.URL+"/rss.xml") {
		t.Errorf("add: %q", r.stdout)
	}
	if r := cli("sources", "add", site.URL+"/rss.xml", "--interval", "2h"); !strings.Contains(r.stdout, "already subscribed") {
		t.Errorf("add again: %q", r.stdout)
	}
	// without --allow-private the test server's loopback address is refused
	if r := runCLI(t, nil, "", "sources", "add", "--db", db, site.URL+"/"); r.code != 1 || !strings.Contains(r.stderr, "not a public address") {
		t.Errorf("loopback without --allow-private: exit %d, %q", r.code, r.stderr)
	}
	if r := runCLI(t, nil, "", "sources", "add", "--db", db, "file:///etc/passwd"); r.code != 1 || !strings.Contains(r.stderr, `scheme "file"`) {
		t.Errorf("file URL: exit %d, %q", r.code, r.stderr)
	}

	r := cli("collect", "--once", "--json")
	var sum collectSummary
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("collect summary: %v\n%s", err, r.stdout)
	}
	if sum.Subscriptions != 1 || sum.Pages != 2 || sum.PageErrors != 1 || sum.Ingest.Added != 2 || sum.Ingest.Assigned != 2 {
		t.Errorf("first round: %+v", sum)
	}
	if r := mustRun(t, "stories", "--db", db); !strings.Contains(r.stdout, "Bridge reopens after repairs") || !strings.Contains(r.stdout, "Dockers strike over pay") {
		t.Errorf("stories after collecting:\n%s", r.stdout)
	}
	r = mustRun(t, "sources", "list", "--db", db)
	if !strings.Contains(r.stdout, site.URL+"/rss.xml") || !strings.Contains(r.stdout, "feed") || !strings.Contains(r.stdout, "2h0m0s") {
		t.Errorf("list:\n%s", r.stdout)
	}
	var subs []parallax.Subscription
	if err := json.Unmarshal([]byte(mustRun(t, "sources", "list", "--json", "--db", db).stdout), &subs); err != nil || len(subs) != 1 ||
		subs[0].Collected != 2 || subs[0].Failures != 0 || subs[0].LastSuccess.IsZero() || subs[0].Title != "Kessel Courier" {
		t.Errorf("list --json: %+v, %v", subs, err)
	}

	// nothing is due yet; a forced round gets a 304 and stores nothing
	if r := cli("collect", "--once", "--json"); !strings.Contains(r.stdout, `"subscriptions":0`) {
		t.Errorf("round before the interval: %s", r.stdout)
	}
	r = cli("collect", "--once", "--all", "--json")
	sum = collectSummary{}
	json.Unmarshal([]byte(r.stdout), &sum)
	if sum.NotModified != 1 || sum.Ingest.Added != 0 || sum.Pages != 0 {
		t.Errorf("forced round: %+v", sum)
	}

	// OPML out of one database and into another
	opml := mustRun(t, "sources", "export", "--db", db).stdout
	path := filepath.Join(dir, "subs.opml")
	write(t, path, []byte(opml))
	other := filepath.Join(dir, "other.db")
	if r := mustRun(t, "sources", "import", path, "--db", other); !strings.Contains(r.stdout, "imported 1 feeds") {
		t.Errorf("import: %q", r.stdout)
	}
	if r := mustRun(t, "sources", "list", "--db", other); !strings.Contains(r.stdout, site.URL+"/rss.xml") {
		t.Errorf("imported list:\n%s", r.stdout)
	}

	// ingest takes page and feed URLs directly
	s, r := ingestJSON(t, db, site.URL+"/news/budget.html", "--allow-private", "--host-interval", "1ms")
	if r.code != 0 || s.Added != 1 {
		t.Errorf("ingest a page URL: exit %d, %+v\n%s", r.code, s, r.stderr)
	}
	s, _ = ingestJSON(t, db, site.URL+"/rss.xml", "--allow-private", "--host-interval", "1ms")
	if s.Added != 0 || s.Unchanged != 2 || s.Failed != 1 {
		t.Errorf("ingest the feed URL again: %+v", s)
	}

	if r := mustRun(t, "sources", "remove", "1", "--db", db); !strings.Contains(r.stdout, "removed 1") {
		t.Errorf("remove: %q", r.stdout)
	}
	if r := mustRun(t, "sources", "list", "--db", db); !strings.Contains(r.stdout, "no sources") {
		t.Errorf("list after remove: %q", r.stdout)
	}
	if r := runCLI(t, nil, "", "sources", "remove", "1", "--db", db); r.code != 1 || !strings.Contains(r.stderr, "no source 1") {
		t.Errorf("remove twice: exit %d %q", r.code, r.stderr)
	}
}

func TestIngestWARC(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	warc := filepath.Join("..", "..", "input", "testdata", "news.warc.gz")
	for i, want := range []int{3, 0} {
		s, r := ingestJSON(t, db, warc)
		if r.code != 0 || s.Added != want || s.Stored() != 3 || s.Failed != 0 {
			t.Errorf("ingest %d: exit %d, %+v", i+1, r.code, s)
		}
	}
}

// TestServeCollects: serve collects in the background, and a new article
// appears in its story without a restart; /sources shows the health.
func TestServeCollects(t *testing.T) {
	site := newsSite(t)
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "sources", "add", "--db", db, "--no-discover", site.URL+"/rss.xml")
	// the later --collect wins over startServe's --collect=false
	base, _ := startServe(t, db, "--collect=true", "--allow-private", "--host-interval", "1ms")
	get := func(path string) string {
		resp, err := http.Get(base + strings.TrimPrefix(path, "/"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return string(body)
	}
	// the collector stores the articles, then records the source's
	// health: wait for the round to end, not only for its articles
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(get("/"), "Dockers strike over pay") || !strings.Contains(get("/sources"), `class="status ok"`) {
		if time.Now().After(deadline) {
			t.Fatalf("the collection round did not end:\n%s\n%s", get("/"), get("/sources"))
		}
		time.Sleep(50 * time.Millisecond)
	}
	page := get("/sources")
	for _, want := range []string{"Kessel Courier", site.URL + "/rss.xml", `class="status ok"`} {
		if !strings.Contains(page, want) {
			t.Errorf("/sources lacks %q", want)
		}
	}
	var list struct {
		Items []parallax.Subscription `json:"items"`
	}
	if err := json.Unmarshal([]byte(get("/api/v1/subscriptions")), &list); err != nil || len(list.Items) != 1 || list.Items[0].Collected != 2 {
		t.Errorf("/api/v1/subscriptions: %+v, %v", list, err)
	}
}
