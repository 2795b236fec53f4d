package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var screenshots = flag.Bool("screenshots", false, "write the README screenshots to docs/")

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
	story := browse(t, bin, base+"stories/1", "--dump-dom")
	for _, want := range []string{"The Brennmoor Ledger", "Northline Wire", "Kestrel News Online", "no, copies only", "Related stories in this storyline",
		"Who said what", "We will not rest until every family has answers", "Ilse Vandermeer", "2026-03-02", "Timeline",
		"Where outlets disagree", "number injured", "western approach near the rail depot", "Brief", "corroborated", "How each outlet tells it"} {
		if !strings.Contains(story, want) {
			t.Errorf("rendered story page lacks %q", want)
		}
	}
	found := browse(t, bin, base+"search?q=Vandermeer+memo", "--dump-dom")
	if !strings.Contains(found, "<mark>") || !strings.Contains(found, "Engineers flagged cracks") {
		t.Errorf("search page lacks the memo article or its marked words")
	}
	article := browse(t, bin, base+"articles/4", "--dump-dom")
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
		browse(t, bin, base+page, "--screenshot="+abs, "--window-size=1100,900", "--hide-scrollbars")
		if info, err := os.Stat(abs); err != nil || info.Size() < 1000 {
			t.Errorf("screenshot %s not written: %v", name, err)
		}
	}
	// the whole story page, down to its quotes and timeline
	full, _ := filepath.Abs(filepath.Join(docs, "story-analysis.png"))
	browse(t, bin, base+"stories/1", "--screenshot="+full, "--window-size=1100,3000", "--hide-scrollbars")
	phone, _ := filepath.Abs(filepath.Join(docs, "stories-phone.png"))
	browse(t, bin, base, "--screenshot="+phone, "--window-size=390,844", "--hide-scrollbars")
}
