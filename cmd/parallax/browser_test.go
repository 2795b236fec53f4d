package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

var screenshots = flag.Bool("screenshots", false, "write the README screenshots to docs/")

// settle lets a page finish loading and painting in virtual time before
// Chromium takes its screenshot: without it, one screenshot in a run of
// the README's came out half painted.
const settle = "--virtual-time-budget=3000"

// chromium returns the path of a headless Chromium. Without one the test
// is skipped, unless PARALLAX_REQUIRE_BROWSER is set, as CI sets it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PARALLAX_REQUIRE_BROWSER") != "" {
		t.Fatal("chromium not found; install Debian's chromium package")
	}
	t.Skip("chromium not found")
	return ""
}

// browse runs headless Chromium on url with the given extra flags, using
// the flags DESIGN.md prescribes and a fresh profile.
func browse(t *testing.T, bin, url string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}, extra...)
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", url, err, errb.String())
	}
	return out.String()
}

// startDemo runs `parallax demo` in-process and returns its base URL.
func startDemo(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan int, 1)
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		getenv: func(string) string { return "" }, ready: func(u string) { urls <- u }}
	go func() { done <- run(ctx, e, []string{"demo", "--addr", "127.0.0.1:0"}) }()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case u := <-urls:
		return u
	case <-done:
		t.Fatal("demo exited before listening")
	case <-time.After(30 * time.Second):
		t.Fatal("demo did not start")
	}
	return ""
}

func TestBrowserDemo(t *testing.T) {
	bin := chromium(t)
	base := startDemo(t)
	dom := browse(t, bin, base, "--dump-dom")
	for _, want := range []string{"Halvard Bridge span collapses", "Northline Wire", "Saltmarsh council", `href="/stories/`} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered front page lacks %q", want)
		}
	}
	// follow the links a reader clicks: the story from the front page, an
	// article from the story's citations
	storyURL := linkTo(t, dom, "Halvard Bridge span collapses")
	story := browse(t, bin, base+strings.TrimPrefix(storyURL, "/"), "--dump-dom")
	for _, want := range []string{"The Brennmoor Ledger", "Northline Wire", "Kestrel News Online", "copies only", "Coverage by outlet", "Related stories in this storyline",
		"Who said what", "We will not rest until every family has answers", "Ilse Vandermeer", "2026-03-02", "Timeline",
		"Where outlets disagree", "number injured", "western approach near the rail depot", "Brief", "corroborated", "How each outlet tells it",
		`<a class="chip" href="/articles/`, `<svg class="chart"`, "<circle", "<details><summary>"} {
		if !strings.Contains(story, want) {
			t.Errorf("rendered story page lacks %q", want)
		}
	}
	found := browse(t, bin, base+"search?q=Vandermeer+memo", "--dump-dom")
	if !strings.Contains(found, "<mark>") || !strings.Contains(found, "Engineers flagged cracks") {
		t.Errorf("search page lacks the memo article or its marked words")
	}
	article := browse(t, bin, base+strings.TrimPrefix(linkTo(t, story, "Meridian Public Radio"), "/"), "--dump-dom")
	for _, want := range []string{`<mark class="person" title="person: Ilse Vandermeer">`, `<mark class="date"`, `<span class="quoted">`, "Original article"} {
		if !strings.Contains(article, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	article = browse(t, bin, base+"articles/4", "--dump-dom")
	if n := strings.Count(article, "Rescue workers search the collapsed eastern span"); n != 1 {
		t.Errorf("article page shows the caption %d times; the source prints it twice and cleanup keeps one", n)
	}
	if strings.Contains(article, "Donate today") {
		t.Errorf("article page shows the site's boilerplate")
	}
	if !*screenshots {
		return
	}
	docs := filepath.Join("..", "..", "docs")
	for name, page := range map[string]string{"stories.png": "", "story.png": "stories/1", "article.png": "articles/4", "search.png": "search?q=Vandermeer+memo"} {
		out := filepath.Join(docs, name)
		abs, _ := filepath.Abs(out)
		browse(t, bin, base+page, "--screenshot="+abs, "--window-size=1100,900", "--hide-scrollbars", settle)
		if info, err := os.Stat(abs); err != nil || info.Size() < 1000 {
			t.Errorf("screenshot %s not written: %v", name, err)
		}
	}
	// the whole story page, down to its quotes and timeline
	full, _ := filepath.Abs(filepath.Join(docs, "story-analysis.png"))
	browse(t, bin, base+"stories/1", "--screenshot="+full, "--window-size=1100,3000", "--hide-scrollbars", settle)
	phone, _ := filepath.Abs(filepath.Join(docs, "stories-phone.png"))
	browse(t, bin, base, "--screenshot="+phone, "--window-size=390,844", "--hide-scrollbars", settle)
}

// TestBrowserSources renders /sources with one healthy and one failing
// source.
func TestBrowserSources(t *testing.T) {
	bin := chromium(t)
	site := newsSite(t)
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "sources", "add", "--db", db, "--allow-private", site.URL+"/")
	mustRun(t, "sources", "add", "--db", db, "--no-discover", site.URL+"/gone.xml")
	mustRun(t, "collect", "--once", "--db", db, "--allow-private", "--host-interval", "1ms")
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan int, 1)
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		getenv: func(string) string { return "" }, ready: func(u string) { urls <- u }}
	go func() { done <- run(ctx, e, []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--collect=false"}) }()
	t.Cleanup(func() { cancel(); <-done })
	var base string
	select {
	case base = <-urls:
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	dom := browse(t, bin, base+"sources", "--dump-dom")
	for _, want := range []string{"2 sources", "1 failing", "Kessel Courier", `class="status ok"`, "failing ×1", "HTTP 404 Not Found", "/gone.xml"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered /sources lacks %q", want)
		}
	}
	if *screenshots {
		abs, _ := filepath.Abs(filepath.Join("..", "..", "docs", "sources.png"))
		browse(t, bin, base+"sources", "--screenshot="+abs, "--window-size=1100,600", "--hide-scrollbars", settle)
	}
}

// TestBrowserHostileContent ingests articles built to attack the page
// (scripts, event handlers, javascript: links, CSS expressions, SVG and
// MathML payloads, a direction override and homoglyphs in titles) and
// checks in Chromium that nothing of them is live in the rendered DOM.
func TestBrowserHostileContent(t *testing.T) {
	bin := chromium(t)
	pwn := `document.title='PWNED'`
	payloads := []string{
		`<script>` + pwn + `</script>`,
		`<img src=x onerror="` + pwn + `">`,
		`<a href="javascript:` + pwn + `">click</a>`,
		`<div style="background:url(javascript:alert(1));width:expression(alert(1))">styled</div>`,
		`<svg onload="` + pwn + `"><script>` + pwn + `</script><a xlink:href="javascript:alert(1)">x</a></svg>`,
		`<math><mtext><table><mglyph><style><img src=x onerror="` + pwn + `">`,
		`<iframe src="javascript:` + pwn + `"></iframe><object data="javascript:alert(1)"></object>`,
		`<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:/">`,
	}
	var b strings.Builder
	for i, p := range payloads {
		para := "The harbour council met again about the bridge repairs and the ferry timetable for the spring. "
		page := `<html><head><title>Bridge ` + p + `</title></head><body><article><h1>Bridge repairs, part ` + fmt.Sprint(i) +
			`</h1><p>` + para + p + `</p><p>` + para + `</p></article></body></html>`
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint("h", i), "source": "Hostile " + p, "url": "https://hostile.example/" + fmt.Sprint(i),
			"html": page, "published": "2026-03-02"})
		b.Write(line)
		b.WriteByte('\n')
	}
	// text fields as given, not extracted
	for i, title := range []string{
		"Bridge \u202Egnp.exe\u202C repairs " + `<script>` + pwn + `</script>`,
		"Gооgle and Раураl buy the bridge", // Cyrillic о, Р, а, у
		`Bridge "><img src=x onerror="` + pwn + `">`,
	} {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint("t", i), "source": "Text \u202Eedis", "title": title,
			"text": "The harbour council met again about the bridge repairs. " + `<script>` + pwn + `</script> <img src=x onerror=alert(1)>`,
			"url":  "javascript:" + pwn, "published": "2026-03-02"})
		b.Write(line)
		b.WriteByte('\n')
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "hostile.jsonl")
	write(t, corpus, []byte(b.String()))
	db := filepath.Join(dir, "p.db")
	if s, r := ingestJSON(t, db, corpus); r.code != 0 || s.Added == 0 {
		t.Fatalf("ingest: exit %d, %+v\n%s", r.code, s, r.stderr)
	}
	base, _ := startServe(t, db)
	pages := []string{"", "search?q=bridge"}
	for id := 1; id <= len(payloads)+3; id++ {
		pages = append(pages, fmt.Sprint("articles/", id))
	}
	var stories struct{ Items []struct{ ID int64 } }
	resp, err := http.Get(base + "api/v1/stories")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&stories)
	resp.Body.Close()
	for _, st := range stories.Items {
		pages = append(pages, fmt.Sprint("stories/", st.ID))
	}
	homoglyph := false
	for _, p := range pages {
		dom := browse(t, bin, base+p, "--dump-dom")
		homoglyph = homoglyph || strings.Contains(dom, "Gооgle and Раураl")
		if strings.Contains(dom, "<title>PWNED") {
			t.Errorf("/%s: a payload ran (the title became PWNED)", p)
		}
		for _, problem := range liveMarkup(t, dom) {
			t.Errorf("/%s: %s", p, problem)
		}
		if strings.ContainsAny(dom, "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069") {
			t.Errorf("/%s: a direction control reached the page", p)
		}
	}
	if !homoglyph {
		t.Error("the homoglyph title is not shown as the text it is")
	}
}

// liveMarkup parses a rendered DOM and lists what could run or load: an
// element that executes or embeds, an event handler, a javascript: URL,
// a CSS expression, or a meta element other than the layout's charset
// and viewport.
func liveMarkup(t *testing.T, dom string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(dom))
	if err != nil {
		t.Fatalf("parse the rendered DOM: %v", err)
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "math", "base", "frame", "applet", "foreignObject", "use", "animate", "set", "image":
				out = append(out, "a <"+n.Data+"> element")
			case "svg":
				// the page's own drawings (coverage bars, the timeline) are
				// inline SVG of these classes; any other is content's
				own := false
				for _, a := range n.Attr {
					own = own || a.Key == "class" && (a.Val == "bar" || a.Val == "chart")
				}
				if !own {
					out = append(out, "a <svg> element")
				}
			case "meta":
				ok := false
				for _, a := range n.Attr {
					ok = ok || a.Key == "charset" || a.Key == "name" && a.Val == "viewport"
				}
				if !ok {
					out = append(out, "a <meta> element that is not the layout's")
				}
			}
			for _, a := range n.Attr {
				key, val := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case strings.HasPrefix(key, "on"):
					out = append(out, "an event handler "+a.Key+" on <"+n.Data+">")
				case (key == "href" || key == "src" || key == "action" || key == "data" || key == "formaction" || strings.HasSuffix(key, ":href")) &&
					strings.HasPrefix(strings.ReplaceAll(val, " ", ""), "javascript:"):
					out = append(out, "a javascript: URL in "+a.Key+" of <"+n.Data+">")
				case key == "style" && (strings.Contains(val, "expression(") || strings.Contains(val, "javascript:")):
					out = append(out, "a CSS expression in a style attribute of <"+n.Data+">")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestLiveMarkupFinds keeps the checker above honest: it must find each
// kind of live markup.
func TestLiveMarkupFinds(t *testing.T) {
	for _, dom := range []string{
		`<html><body><script>x</script></body></html>`,
		`<html><body><img src=x onerror="y"></body></html>`,
		`<html><body><svg><circle r="1"/></svg></body></html>`,
		`<html><body><svg class="chart"><foreignObject></foreignObject></svg></body></html>`,
		`<html><body><a href=" JavaScript:y">a</a></body></html>`,
		`<html><body><div style="width:expression(y)">d</div></body></html>`,
		`<html><body><svg><a xlink:href="javascript:y">s</a></svg></body></html>`,
		`<html><head><meta http-equiv="refresh" content="0"></head></html>`,
	} {
		if len(liveMarkup(t, dom)) == 0 {
			t.Errorf("missed the live markup of %s", dom)
		}
	}
	if got := liveMarkup(t, `<html><head><meta charset="utf-8"><meta name="viewport" content="x"></head><body><p>&lt;script&gt; onerror="x"</p></body></html>`); len(got) != 0 {
		t.Errorf("escaped text taken for markup: %v", got)
	}
}

// linkTo returns the href of the first link in dom whose text contains
// text, as a reader would click it.
func linkTo(t *testing.T, dom, text string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}
	var found string
	var textOf func(n *html.Node) string
	textOf = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(textOf(c))
		}
		return b.String()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && n.Data == "a" && strings.Contains(textOf(n), text) {
			for _, a := range n.Attr {
				if a.Key == "href" {
					found = a.Val
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found == "" {
		t.Fatalf("no link with text %q", text)
	}
	return found
}
