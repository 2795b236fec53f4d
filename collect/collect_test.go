package collect

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/sqlite"
)

// testFetcher fetches from the test server (a loopback address) with a
// fake clock.
func testFetcher(t *testing.T, mod func(*Config)) (*Fetcher, *fakeClock) {
	cfg := DefaultConfig()
	cfg.AllowPrivate = true
	cfg.UserAgent = "ParallaxTest/1.0"
	cfg.Timeout = 2 * time.Second
	cfg.MaxBytes = 1 << 20
	if mod != nil {
		mod(&cfg)
	}
	f := NewFetcher(cfg)
	c := &fakeClock{}
	c.install(f)
	return f, c
}

func openSubs(t *testing.T) parallax.SubscriptionService {
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "parallax.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return sqlite.NewSubscriptionService(db)
}

func TestParse(t *testing.T) {
	const base = "http://courier.example/"
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "site", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, tc := range []struct {
		name  string
		body  []byte
		kind  Kind
		title string
		items []string
		feeds []string
	}{
		{"rss", read("rss.xml"), Feed, "Kessel Courier: all news",
			[]string{"/news/bridge.html", "/news/strike.html", "/private/memo.html", "/news/removed.html", "/news/budget.html"}, nil},
		{"atom", read("atom.xml"), Feed, "Kessel Courier: harbour", []string{"/news/ferry.html", "/news/strike.html"}, nil},
		{"json feed", read("feed.json"), Feed, "Kessel Courier: culture", []string{"/news/cafe.html"}, nil},
		{"sitemap index", read("sitemap-index.xml"), SitemapIndex, "", []string{"/sitemap-news.xml"}, nil},
		{"news sitemap", read("sitemap-news.xml"), Sitemap, "", []string{"/news/ferry.html", "/news/budget.html"}, nil},
		{"url list", []byte("# list\nhttp://courier.example/a\n\nhttps://other.example/b?x=1\n"), URLList, "",
			[]string{"/a", "https://other.example/b?x=1"}, nil},
		{"homepage", read("index.html"), Page, "Kessel Courier", nil, []string{"/rss.xml", "/atom.xml"}},
		{"gzipped sitemap", gzipBytes(read("sitemap-news.xml")), Sitemap, "", []string{"/news/ferry.html", "/news/budget.html"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(tc.body, base, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			abs := func(paths []string) []string {
				var out []string
				for _, p := range paths {
					if strings.HasPrefix(p, "/") {
						p = "http://courier.example" + p
					}
					out = append(out, p)
				}
				return out
			}
			var got []string
			for _, it := range doc.Items {
				got = append(got, it.URL)
			}
			if doc.Kind != tc.kind || doc.Title != tc.title || !slices.Equal(got, abs(tc.items)) || !slices.Equal(doc.Feeds, abs(tc.feeds)) {
				t.Errorf("got %s %q items %v feeds %v\nwant %s %q items %v feeds %v", doc.Kind, doc.Title, got, doc.Feeds,
					tc.kind, tc.title, abs(tc.items), abs(tc.feeds))
			}
		})
	}
	t.Run("dates", func(t *testing.T) {
		doc, _ := Parse(read("rss.xml"), base, 1<<20)
		if want := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC); !doc.Items[0].Published.Equal(want) || doc.Items[0].Title != "Bridge reopens after repairs" {
			t.Errorf("rss item: %+v", doc.Items[0])
		}
		doc, _ = Parse(read("sitemap-news.xml"), base, 1<<20)
		if want := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC); !doc.Items[0].Published.Equal(want) || doc.Items[0].Title != "New ferry terminal opens" {
			t.Errorf("news sitemap item: %+v", doc.Items[0])
		}
	})
	for _, tc := range []struct {
		name, body, want string
	}{
		{"empty", "", "empty document"},
		{"spaces", " \n\t", "empty document"},
		{"binary", "\x00\x01\x02\xff\xfe junk", "not a feed, sitemap"},
		{"malformed rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><link>`, "malformed feed"},
		{"malformed json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, "malformed feed"},
		{"prose", "Just some words.\nNot a URL list.", "not a feed, sitemap"},
		{"gzip junk", "\x1f\x8b\x08\x00junk", "gzip"},
		{"gzip bomb", string(gzipBytes(make([]byte, 2<<20))), "inflates beyond"},
	} {
		t.Run("bad/"+tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.body), base, 1<<20)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func gzipBytes(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestOPML(t *testing.T) {
	in := `<?xml version="1.0"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="News">
    <outline text="Courier" title="Kessel Courier" type="rss" xmlUrl="https://courier.example/rss.xml" htmlUrl="https://courier.example/"/>
    <outline text="Wire" xmlUrl="https://wire.example/atom.xml"/>
  </outline>
  <outline text="Courier again" xmlUrl="https://courier.example/rss.xml"/>
  <outline text="A note without a feed"/>
</body></opml>`
	got, err := ReadOPML(strings.NewReader(in), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{URL: "https://courier.example/rss.xml", Title: "Kessel Courier", Site: "https://courier.example/"},
		{URL: "https://wire.example/atom.xml", Title: "Wire"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("read %+v, want %+v", got, want)
	}
	var b strings.Builder
	if err := WriteOPML(&b, "Parallax subscriptions", got); err != nil {
		t.Fatal(err)
	}
	back, err := ReadOPML(strings.NewReader(b.String()), 1<<20)
	if err != nil || !slices.Equal(back, want) {
		t.Errorf("round trip: %+v, %v\n%s", back, err, b.String())
	}
	for _, bad := range []struct{ in, want string }{
		{"", "malformed"},
		{"<html><body>no</body></html>", "<opml>"},
		{`<opml><body><outline text="x" xmlUrl="file:///etc/passwd"/></body></opml>`, `outline "x": file:///etc/passwd`},
		{`<opml><body>` + strings.Repeat(`<outline text="x" xmlUrl="https://a.example/"/>`, 100) + `</body></opml>`, "larger than"},
	} {
		if _, err := ReadOPML(strings.NewReader(bad.in), 2000); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadOPML(%.40q) = %v, want %q", bad.in, err, bad.want)
		}
	}
}

func TestPublicAddress(t *testing.T) {
	for addr, want := range map[string]bool{
		"93.184.216.34": true, "2606:4700::1111": true, "8.8.8.8": true,
		"127.0.0.1": false, "::1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "fe80::1": false, "fd00:ec2::254": false, "0.0.0.0": false, "::": false,
		"100.64.0.1": false, "::ffff:127.0.0.1": false, "::ffff:10.0.0.1": false, "224.0.0.1": false,
		"255.255.255.255": false, "64:ff9b::a00:1": false,
	} {
		if got := PublicAddress(netip.MustParseAddr(addr)); got != want {
			t.Errorf("PublicAddress(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestFetchRefusesPrivateAndHostileURLs(t *testing.T) {
	s := newSite(t)
	f := NewFetcher(Config{Retries: 0, Timeout: 2 * time.Second}) // AllowPrivate off
	ctx := context.Background()
	for _, tc := range []struct{ url, want string }{
		{s.URL + "/rss.xml", "not a public address"},
		{"http://127.0.0.1:1/", "not a public address"},
		{"http://[::1]:80/", "not a public address"},
		{"http://169.254.169.254/latest/meta-data/", "not a public address"},
		{"http://localhost:80/", "not a public address"},
		{"file:///etc/passwd", `scheme "file" is not fetched`},
		{"javascript:alert(1)", `scheme "javascript" is not fetched`},
		{"gopher://example.com/", `scheme "gopher"`},
		{"http://user:secret@example.com/", "credentials"},
		{"http:///nohost", "no host"},
		{"::not a url", "not a URL"},
	} {
		_, err := f.Fetch(ctx, Request{URL: tc.url})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Fetch(%s) = %v, want %q", tc.url, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	}
	if n := len(s.paths()); n != 0 {
		t.Errorf("the server saw %d requests: %v", n, s.paths())
	}
	// a permitted start cannot redirect into a forbidden address: each
	// hop is checked when it is dialled (here loopback stands for the
	// public internet)
	loopbackOnly := newFetcher(Config{Retries: 0, Timeout: 2 * time.Second}, func(a netip.Addr) bool { return a.IsLoopback() })
	_, err := loopbackOnly.Fetch(ctx, Request{URL: s.URL + "/to-metadata"})
	if !errors.Is(err, ErrForbiddenAddress) || !strings.Contains(err.Error(), "169.254.169.254") {
		t.Errorf("redirect to the metadata address: %v", err)
	}
	if s.count("/to-metadata") != 1 {
		t.Errorf("requests: %v", s.paths())
	}
}

func TestFetchPoliteness(t *testing.T) {
	s := newSite(t)
	f, clock := testFetcher(t, nil)
	s.clock = clock.now
	ctx := context.Background()
	for _, p := range []string{"/rss.xml", "/atom.xml", "/feed.json"} {
		if _, err := f.Fetch(ctx, Request{URL: s.URL + p}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.Fetch(ctx, Request{URL: s.URL + "/private/memo.html"}); !errors.Is(err, ErrRobots) {
		t.Errorf("disallowed page: %v", err)
	}
	s.mu.Lock()
	reqs := slices.Clone(s.requests)
	s.mu.Unlock()
	if got := s.paths(); !slices.Equal(got, []string{"/robots.txt", "/rss.xml", "/atom.xml", "/feed.json"}) {
		t.Errorf("requests %v: want robots.txt once, then the feeds, never /private/", got)
	}
	for i, r := range reqs {
		if r.agent != "ParallaxTest/1.0" {
			t.Errorf("request %d has User-Agent %q", i, r.agent)
		}
		// Crawl-delay: 2 is longer than HostInterval (1s) and wins
		if i > 1 && r.at.Sub(reqs[i-1].at) < 2*time.Second {
			t.Errorf("request %d came %v after the previous one, want at least the crawl delay", i, r.at.Sub(reqs[i-1].at))
		}
	}

	// conditional GET: the validators of the last response give a 304
	resp, err := f.Fetch(ctx, Request{URL: s.URL + "/rss.xml"})
	if err != nil {
		t.Fatal(err)
	}
	again, err := f.Fetch(ctx, Request{URL: s.URL + "/rss.xml", ETag: resp.ETag, LastModified: resp.LastModified})
	if err != nil || !again.NotModified || len(again.Body) != 0 {
		t.Errorf("conditional GET: %+v, %v", again, err)
	}
}

func TestFetchFailures(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	f, clock := testFetcher(t, func(c *Config) { c.Timeout = 300 * time.Millisecond; c.MaxBytes = 256 << 10 })
	for _, tc := range []struct {
		path, want string
		is         error
	}{
		{"/big.html", "over the 262144-byte limit", ErrTooLarge},
		{"/bomb.xml", "over the 262144-byte limit", ErrTooLarge},
		{"/loop", "stopped after 5 redirects", nil},
		{"/slow.xml", "Client.Timeout", nil},
		{"/down.xml", "HTTP 500 Internal Server Error (gave up after 3 attempts)", nil},
		{"/nothing-here", "HTTP 404 Not Found", nil},
	} {
		start := time.Now()
		_, err := f.Fetch(ctx, Request{URL: s.URL + tc.path})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), s.URL+tc.path) ||
			tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: %v, want an error naming the URL with %q", tc.path, err, tc.want)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("%s took %v: the cost is not bounded", tc.path, el)
		}
	}
	if n := s.count("/nothing-here"); n != 1 {
		t.Errorf("a 404 was asked %d times, want once (no retry)", n)
	}
	if n := s.count("/loop"); n != 6 {
		t.Errorf("the redirect loop was followed %d times, want 6", n)
	}

	// a 503 with Retry-After: 3 is retried after at least 3 s, then works
	clock.waits = nil
	resp, err := f.Fetch(ctx, Request{URL: s.URL + "/flaky.xml"})
	if err != nil || resp.Status != 200 {
		t.Fatalf("flaky feed: %v", err)
	}
	if n := s.count("/flaky.xml"); n != 3 {
		t.Errorf("flaky feed asked %d times, want 3", n)
	}
	long := 0
	for _, w := range clock.waits {
		if w >= 3*time.Second {
			long++
		}
	}
	if long < 2 {
		t.Errorf("waits %v: want two of at least Retry-After", clock.waits)
	}
}

func TestCollectRound(t *testing.T) {
	s := newSite(t)
	f, clock := testFetcher(t, nil)
	s.clock = clock.now
	subs := openSubs(t)
	ctx := context.Background()
	c := NewCollector(f, input.NewDecoder(), subs)
	c.Parallel = 1
	c.Now = clock.now

	// a homepage is replaced by the first feed it announces
	u, title, err := c.Discover(ctx, s.URL+"/")
	if err != nil || u != s.URL+"/rss.xml" || title != "Kessel Courier" {
		t.Fatalf("discover: %s %q %v", u, title, err)
	}
	for _, p := range []string{"/rss.xml", "/atom.xml", "/feed.json", "/sitemap-index.xml", "/urls.txt", "/html-feed.xml", "/broken.xml"} {
		if _, err := subs.AddSubscription(ctx, &parallax.Subscription{URL: s.URL + p, Interval: time.Hour}); err != nil {
			t.Fatal(err)
		}
	}
	var stored []input.Record
	store := func(_ context.Context, _ string, recs []input.Record) error {
		stored = append(stored, recs...)
		return nil
	}
	sum, err := c.Round(ctx, false, store)
	if err != nil {
		t.Fatal(err)
	}
	var titles, failures []string
	for _, r := range stored {
		if r.Err != nil {
			failures = append(failures, r.Err.Error())
			continue
		}
		titles = append(titles, r.Article.Title)
		if strings.Contains(r.Article.Text, "Home | News") || strings.Contains(r.Article.Text, "All rights reserved") {
			t.Errorf("%s: boilerplate kept: %q", r.Origin, r.Article.Text)
		}
		if r.Article.Published.IsZero() {
			t.Errorf("%s: no date", r.Origin)
		}
	}
	slices.Sort(titles)
	want := []string{"Bridge reopens after repairs", "Council passes budget", "Dockers strike over pay",
		"Harbour café wins award", "New ferry terminal opens"}
	if !slices.Equal(titles, want) {
		t.Errorf("articles %q\nwant %q", titles, want)
	}
	slices.Sort(failures)
	if len(failures) != 2 || !strings.Contains(failures[0], "/news/removed.html: HTTP 404") ||
		!strings.Contains(failures[1], "/private/memo.html: disallowed by robots.txt") {
		t.Errorf("page failures %q, want the removed page's 404 and the disallowed page", failures)
	}
	for _, r := range stored {
		if r.Err == nil && strings.Contains(r.Article.Title, "café") && !strings.Contains(r.Article.Text, "crème brûlée") {
			t.Errorf("Latin-1 page under a UTF-8 header: %q", r.Article.Text)
		}
	}
	if n := s.count("/private/memo.html"); n != 0 {
		t.Errorf("fetched a page robots.txt disallows")
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times", n)
	}
	if sum.Subscriptions != 7 || sum.Failed != 2 || sum.Pages != 5 || sum.PageErrors != 2 {
		t.Errorf("summary %+v", sum)
	}

	// health: the two bad subscriptions say why, the others their kind
	all, _ := subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{})
	health := map[string]*parallax.Subscription{}
	for _, sub := range all {
		health[strings.TrimPrefix(sub.URL, s.URL)] = sub
	}
	for path, kind := range map[string]string{"/rss.xml": "feed", "/atom.xml": "feed", "/feed.json": "feed",
		"/sitemap-index.xml": "sitemap-index", "/urls.txt": "urls"} {
		h := health[path]
		if h.Kind != kind || h.LastError != "" || h.Failures != 0 || h.LastSuccess.IsZero() || !h.NextFetch.After(h.LastFetch) {
			t.Errorf("%s: %+v", path, h)
		}
	}
	if h := health["/html-feed.xml"]; h.Failures != 1 || !strings.Contains(h.LastError, "is an HTML page, not a feed") {
		t.Errorf("html feed: %+v", h)
	}
	if h := health["/broken.xml"]; h.Failures != 1 || !strings.Contains(h.LastError, "malformed feed") || !h.LastSuccess.IsZero() {
		t.Errorf("broken feed: %+v", h)
	}
	if h := health["/rss.xml"]; h.Title != "Kessel Courier: all news" || h.Collected != 3 {
		t.Errorf("rss: title %q, collected %d", h.Title, h.Collected)
	}

	// nothing is due before the interval has passed
	before := len(s.paths())
	if sum, err := c.Round(ctx, false, store); err != nil || sum.Subscriptions != 0 || len(s.paths()) != before {
		t.Errorf("early round: %+v, %v", sum, err)
	}
	// a forced round: unchanged feeds answer 304, no page is fetched again
	stored = nil
	sum, err = c.Round(ctx, true, store)
	if err != nil {
		t.Fatal(err)
	}
	if sum.NotModified != 5 || len(stored) != 0 || sum.Failed != 2 {
		t.Errorf("second round: %+v, %d records", sum, len(stored))
	}
	for _, p := range []string{"/news/bridge.html", "/news/strike.html", "/news/ferry.html", "/news/removed.html"} {
		if n := s.count(p); n != 1 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
	all, _ = subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{URL: ptr(s.URL + "/broken.xml")})
	if all[0].Failures != 2 {
		t.Errorf("failures in a row: %d", all[0].Failures)
	}
}

func ptr[T any](v T) *T { return &v }

// TestCollectOne: two collectors sharing a database, as two workers do,
// each claim a different due source.
func TestCollectOne(t *testing.T) {
	s := newSite(t)
	subs := openSubs(t)
	ctx := context.Background()
	for _, p := range []string{"/rss.xml", "/atom.xml"} {
		if _, err := subs.AddSubscription(ctx, &parallax.Subscription{URL: s.URL + p, Interval: time.Hour}); err != nil {
			t.Fatal(err)
		}
	}
	var stored []string
	store := func(_ context.Context, name string, recs []input.Record) error {
		stored = append(stored, name)
		return nil
	}
	var cs []*Collector
	for range 2 {
		f, _ := testFetcher(t, nil)
		c := NewCollector(f, input.NewDecoder(), subs)
		cs = append(cs, c)
	}
	for i, c := range cs {
		did, err := c.One(ctx, store)
		if err != nil || !did {
			t.Fatalf("collector %d: %v, %v", i, did, err)
		}
	}
	if did, err := cs[0].One(ctx, store); did || err != nil {
		t.Errorf("a third claim collected: %v, %v", did, err)
	}
	slices.Sort(stored)
	if want := []string{s.URL + "/atom.xml", s.URL + "/rss.xml"}; !slices.Equal(stored, want) {
		t.Errorf("stored from %v, want %v", stored, want)
	}
	all, _ := subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{})
	for _, sub := range all {
		if sub.LastSuccess.IsZero() || sub.Failures != 0 || sub.NextFetch.Before(time.Now().Add(50*time.Minute)) {
			t.Errorf("%s after collecting: %+v", sub.URL, sub)
		}
	}
}
