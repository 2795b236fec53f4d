package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/sqlite"
)

type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs one command line in-process with an isolated environment.
func runCLI(t *testing.T, vars map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return vars[k] }}
	code := run(context.Background(), e, args)
	return result{code, out.String(), errb.String()}
}

func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := runCLI(t, nil, "", args...)
	if r.code != 0 {
		t.Fatalf("parallax %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

func ingestJSON(t *testing.T, db string, paths ...string) (pipeline.Summary, result) {
	t.Helper()
	r := runCLI(t, nil, "", append([]string{"ingest", "--db", db, "--json"}, paths...)...)
	var s pipeline.Summary
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		t.Fatalf("summary is not JSON: %v\n%s\n%s", err, r.stdout, r.stderr)
	}
	return s, r
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func demoDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := writeCorpus(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestIngestDirectoryTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := demoDir(t)
	first, r := ingestJSON(t, db, dir)
	if r.code != 0 || first.Added != 10 || first.Failed != 0 || first.Assigned != 10 {
		t.Fatalf("first ingest: exit %d, %+v", r.code, first)
	}
	second, r := ingestJSON(t, db, dir)
	if r.code != 0 || second.Unchanged != 10 || second.Added+second.Updated+second.Failed+second.Assigned != 0 {
		t.Fatalf("second ingest changed something: exit %d, %+v", r.code, second)
	}
	text := mustRun(t, "ingest", "--db", db, "--quiet", dir).stdout
	if !strings.Contains(text, "0 added, 0 updated, 10 unchanged, 0 failed") {
		t.Errorf("plain summary = %q", text)
	}
}

func TestIngestBadInputs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	good := demoDir(t)
	before, _ := ingestJSON(t, db, good)

	dir := t.TempDir()
	write(t, filepath.Join(dir, "empty.txt"), nil)
	write(t, filepath.Join(dir, "junk.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	write(t, filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9 news\nLe caf\xe9 est ferm\xe9."))
	write(t, filepath.Join(dir, "oneline.txt"), bytes.Repeat([]byte("a"), 50<<20))
	write(t, filepath.Join(dir, "bad.jsonl"), []byte(
		`{"id":"ok-1","source":"S","title":"Fine","text":"A fine article."}`+"\n"+
			`{"id":"broken","source":"S","text":`+"\n"+
			`{"id":"ok-2","source":"S","title":"Also fine","text":"Another fine article."}`+"\n"))
	big := append([]byte(`{"id":"huge","source":"S","text":"`), bytes.Repeat([]byte("b"), 50<<20)...)
	write(t, filepath.Join(dir, "huge-line.jsonl"), append(big, []byte("\"}\n"+`{"id":"after","source":"S","text":"After the huge line."}`+"\n")...))
	write(t, filepath.Join(dir, "good.txt"), []byte("A good title\nA good body."))
	missing := filepath.Join(dir, "does-not-exist.txt")

	sum, r := ingestJSON(t, db, dir, missing)
	if r.code != 0 {
		t.Fatalf("exit %d although some inputs went in; stderr %s", r.code, r.stderr)
	}
	if sum.Added != 4 {
		t.Errorf("added %d, want 4 (ok-1, ok-2, after, good.txt): %+v", sum.Added, sum)
	}
	want := map[string]string{
		"empty.txt":          "empty input",
		"junk.txt":           "binary content",
		"latin1.txt":         "invalid UTF-8 at byte 3",
		"oneline.txt":        "larger than the 8 MiB limit",
		"bad.jsonl:2":        "invalid JSON",
		"huge-line.jsonl:1":  "line longer than the 16 MiB limit",
		"does-not-exist.txt": "no such file",
	}
	got := map[string]string{}
	for _, f := range sum.Failures {
		got[filepath.Base(f.Origin)] = f.Reason
	}
	for origin, reason := range want {
		if !strings.Contains(got[origin], reason) {
			t.Errorf("failure for %s = %q, want it to contain %q", origin, got[origin], reason)
		}
	}
	if len(got) != len(want) {
		t.Errorf("failures = %v, want exactly %d", got, len(want))
	}

	// Nothing stored before was lost or changed, and the file is sound.
	after := articleRecords(t, db)
	if len(after) != before.Added+4 {
		t.Errorf("stored %d articles, want %d", len(after), before.Added+4)
	}
	checkIntegrity(t, db)
}

func TestIngestNothingGoesIn(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "empty.txt"), nil)
	r := runCLI(t, nil, "", "ingest", "--db", filepath.Join(dir, "p.db"), dir, filepath.Join(dir, "missing"))
	if r.code != 1 {
		t.Errorf("exit %d, want 1 when nothing could be ingested", r.code)
	}
	if !strings.Contains(r.stdout, "empty.txt: empty input") || !strings.Contains(r.stdout, "missing: no such file") {
		t.Errorf("failures not named:\n%s", r.stdout)
	}
	if r := runCLI(t, nil, "", "ingest"); r.code != 2 {
		t.Errorf("ingest without paths: exit %d, want 2", r.code)
	}
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	r := runCLI(t, nil, `{"id":"s1","source":"Pipe","title":"Piped","text":"From standard input."}`+"\n", "ingest", "--db", db, "-")
	if r.code != 0 || !strings.Contains(r.stdout, "1 added") {
		t.Fatalf("stdin ingest: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}
}

func articleRecords(t *testing.T, db string, extra ...string) []map[string]any {
	t.Helper()
	out := mustRun(t, append([]string{"articles", "--db", db, "--json"}, extra...)...).stdout
	var recs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line is not JSON: %v: %s", err, sc.Text())
		}
		recs = append(recs, m)
	}
	return recs
}

func TestArticlesAndStoriesJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "ingest", "--db", db, "--quiet", demoDir(t))
	recs := articleRecords(t, db)
	if len(recs) != 10 {
		t.Fatalf("got %d articles, want 10", len(recs))
	}
	for _, key := range []string{"id", "external_id", "story_id", "storyline_id", "source", "title", "url", "published", "language"} {
		if _, ok := recs[0][key]; !ok {
			t.Errorf("article JSON lacks %q: %v", key, recs[0])
		}
	}
	if _, ok := recs[0]["text"]; ok {
		t.Error("text present without --with-text")
	}
	withText := articleRecords(t, db, "--with-text")
	if s, _ := withText[0]["text"].(string); !strings.Contains(s, "Halvard Bridge") {
		t.Errorf("--with-text text = %q", s)
	}
	byExt := map[string]map[string]any{}
	for _, r := range recs {
		byExt[r["external_id"].(string)] = r
	}
	if k := byExt["kestrel-news-online.txt"]; k == nil || k["source"] != "Kestrel News Online" || k["published"] != "2026-03-03T00:00:00Z" || k["published_method"] != "text" {
		t.Errorf("text file article = %v", k)
	}

	stories := mustRun(t, "stories", "--db", db, "--json").stdout
	if n := strings.Count(stories, "\n"); n != 4 {
		t.Errorf("%d stories, want the demo's 4 (collapse, inquiry, orchestra, ferry):\n%s", n, stories)
	}
	id := int64(recs[0]["story_id"].(float64))
	var rep map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "story", "--db", db, "--json", itoa(id)).stdout), &rep); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "title", "storyline_id", "first_published", "last_published", "articles", "sources",
		"entities", "quotes", "timeline", "claims", "conflicts", "brief"} {
		if _, ok := rep[key]; !ok {
			t.Errorf("story JSON lacks %q", key)
		}
	}
	for _, key := range []string{"entities", "quotes", "timeline", "claims", "conflicts", "brief"} {
		if _, ok := rep[key].([]any); !ok {
			t.Errorf("story JSON %q = %v, want an array", key, rep[key])
		}
	}
	md := mustRun(t, "story", "--db", db, itoa(id), "--markdown").stdout
	if !strings.HasPrefix(md, "# Halvard Bridge span collapses") || !strings.Contains(md, "(copy of [2])") {
		t.Errorf("markdown starts %q", md[:min(len(md), 80)])
	}
	if r := runCLI(t, nil, "", "story", "--db", db, "999"); r.code != 1 || !strings.Contains(r.stderr, "story 999 not found") {
		t.Errorf("missing story: exit %d, stderr %q", r.code, r.stderr)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestDSNRules(t *testing.T) {
	dir := t.TempDir()
	envDB := filepath.Join(dir, "from-env.db")
	r := runCLI(t, map[string]string{"PARALLAX_DB": envDB}, "", "ingest", "--quiet", demoDir(t))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(envDB); err != nil {
		t.Errorf("$PARALLAX_DB not used: %v", err)
	}
	prefixed := filepath.Join(dir, "prefixed.db")
	mustRun(t, "stories", "--db", "sqlite:"+prefixed)
	if _, err := os.Stat(prefixed); err != nil {
		t.Errorf("sqlite: prefix not honoured: %v", err)
	}
	// a PostgreSQL server that is not there: a clear error, no password
	r = runCLI(t, nil, "", "stories", "--db", "postgres://user:secret@127.0.0.1:1/test?connect_timeout=2")
	if r.code != 1 || !strings.Contains(r.stderr, "postgres://user:") || strings.Contains(r.stderr, "secret") {
		t.Errorf("postgres DSN: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runCLI(t, nil, "", "frobnicate"); r.code != 2 {
		t.Errorf("unknown command: exit %d", r.code)
	}
}

func TestDemoServes(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls := make(chan string, 1)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(string) string { return "" }, ready: func(u string) { urls <- u }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, []string{"demo", "--addr", "127.0.0.1:0"}) }()
	var base string
	select {
	case base = <-urls:
	case code := <-done:
		t.Fatalf("demo exited %d: %s", code, errb.String())
	case <-time.After(30 * time.Second):
		t.Fatal("demo did not start listening")
	}
	resp, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"Halvard Bridge span collapses", "Brennmoor Philharmonic", "Northline Wire"} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("front page lacks %q", want)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("demo exited %d after shutdown: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Loaded the demo corpus: 10 articles in 4 stories.") {
		t.Errorf("demo output = %q", out.String())
	}
}

// TestIngestTimeoutFlags: the budgets reach the pipeline and the decoder.
func TestIngestTimeoutFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	lines := `{"id":"t1","source":"Pipe","title":"One","text":"The first."}` + "\n" +
		`{"id":"t2","source":"Pipe","title":"Two","text":"The second."}` + "\n"
	r := runCLI(t, nil, lines, "ingest", "--db", db, "--input-timeout", "1ns", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "1 added") || !strings.Contains(r.stdout, "failed  -: input stopped after 1 records") {
		t.Fatalf("--input-timeout 1ns: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}
	var page strings.Builder
	page.WriteString("<html><head><title>Crane</title></head><body><article>")
	for i := range 4000 { // about a second to extract here
		fmt.Fprintf(&page, "<p>Crane %d collapsed at the harbour on Thursday, injuring three workers, the port said.</p>", i)
	}
	page.WriteString("</article></body></html>")
	path := filepath.Join(t.TempDir(), "crane.html")
	write(t, path, []byte(page.String()))
	r = runCLI(t, nil, "", "ingest", "--db", db, "--article-timeout", "10ms", path)
	if r.code == 0 || !strings.Contains(r.stdout, "crane.html: extraction stopped: time budget exceeded (10ms)") {
		t.Fatalf("--article-timeout 10ms: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}
}

// checkIntegrity opens the SQLite file at db and runs its integrity check.
func checkIntegrity(t *testing.T, db string) {
	t.Helper()
	sdb := sqlite.NewDB(db)
	if err := sdb.Open(); err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	if err := sdb.IntegrityCheck(context.Background()); err != nil {
		t.Error(err)
	}
}

// TestSeedsStories checks the clustering half of the seeds' acceptance
// when ../shared is beside the checkout: the three articles on the
// late-January remarks (000–002; 001 and 002 undated, 001 spelling the
// name "Takaiichi") form one story, the two on the November remarks and
// their aftermath (003, 004) another, and all five one storyline.
func TestSeedsStories(t *testing.T) {
	seeds, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	if len(seeds) != 5 {
		t.Skip("../shared/corpus/seeds not present")
	}
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, append([]string{"ingest", "--db", db, "--quiet"}, seeds...)...)
	story := map[string]float64{}
	storylines := map[float64]bool{}
	for _, r := range articleRecords(t, db) {
		story[r["external_id"].(string)[:3]] = r["story_id"].(float64)
		storylines[r["storyline_id"].(float64)] = true
	}
	if story["000"] != story["001"] || story["000"] != story["002"] {
		t.Errorf("the late-January articles are not one story: %v", story)
	}
	if story["003"] != story["004"] || story["003"] == story["000"] {
		t.Errorf("the November articles are not one story of their own: %v", story)
	}
	if len(storylines) != 1 {
		t.Errorf("%d storylines, want 1", len(storylines))
	}

	// the story of the late-January remarks, compared
	var rep struct {
		Quotes []struct {
			ArticleIDs []int64 `json:"article_ids"`
		} `json:"quotes"`
		Timeline []struct {
			Date string `json:"date"`
		} `json:"timeline"`
		Conflicts []struct {
			Slot   string `json:"slot"`
			Values []struct {
				Value      string  `json:"value"`
				ArticleIDs []int64 `json:"article_ids"`
			} `json:"values"`
		} `json:"conflicts"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "story", "--db", db, "--json", itoa(int64(story["000"]))).stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Quotes) == 0 || len(rep.Quotes[0].ArticleIDs) != 3 {
		t.Errorf("the most carried statement is in %v, want all three articles", rep.Quotes[:min(1, len(rep.Quotes))])
	}
	dates := map[string]bool{}
	for _, e := range rep.Timeline {
		dates[e.Date] = true
	}
	for _, d := range []string{"2025-11-07", "2026-01-26", "2026-02-08"} {
		if !dates[d] {
			t.Errorf("timeline lacks %s: %v", d, dates)
		}
	}
	// the AI-written piece (002) places the remarks at a public event;
	// the others at a television programme
	var venue, vague bool
	for _, c := range rep.Conflicts {
		switch {
		case strings.HasPrefix(c.Slot, "venue of") && len(c.Values) == 2:
			venue = len(c.Values[0].ArticleIDs) == 2 && len(c.Values[1].ArticleIDs) == 1 &&
				strings.HasPrefix(c.Values[1].Value, "public event")
		case c.Slot == "approval rating":
			vague = true
		}
	}
	if !venue || !vague {
		t.Errorf("conflicts %+v: want the venue and the approval rating", rep.Conflicts)
	}

	// the November story: 003 quotes a "survival-threatening situation",
	// 004 translates the same term as an "existential crisis"
	var nov struct {
		Claims []struct {
			Status     string  `json:"status"`
			ArticleIDs []int64 `json:"article_ids"`
		} `json:"claims"`
		Conflicts []struct {
			Slot string `json:"slot"`
		} `json:"conflicts"`
		Quotes []struct {
			ArticleIDs []int64 `json:"article_ids"`
			Variants   []struct {
				Text string `json:"text"`
			} `json:"variants"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "story", "--db", db, "--json", itoa(int64(story["003"]))).stdout), &nov); err != nil {
		t.Fatal(err)
	}
	translated := false
	for _, q := range nov.Quotes {
		var all []string
		for _, v := range q.Variants {
			all = append(all, v.Text)
		}
		joined := strings.Join(all, " | ")
		if len(q.ArticleIDs) == 2 && strings.Contains(joined, "survival") && strings.Contains(joined, "existential crisis") {
			translated = true
		}
	}
	if !translated {
		t.Errorf("no quote group holds both translations of the term: %+v", nov.Quotes)
	}
	// and the sentences that carry them state one claim of both outlets,
	// though their words differ too much to align otherwise
	corroborated := false
	for _, c := range nov.Claims {
		corroborated = corroborated || c.Status == "corroborated" && len(c.ArticleIDs) == 2
	}
	if !corroborated {
		t.Errorf("no claim of both November articles: %+v", nov.Claims)
	}
	// 003 calls George Glass the U.S. Ambassador, 004 the then-Ambassador
	titled := false
	for _, c := range nov.Conflicts {
		titled = titled || c.Slot == "title of George Glass"
	}
	if !titled {
		t.Errorf("conflicts %+v: want the title of George Glass", nov.Conflicts)
	}
}

// TestGCSettings: Parallax sets its GOGC and soft memory limit unless
// GOGC and GOMEMLIMIT set their own.
func TestGCSettings(t *testing.T) {
	prevLimit, prevPercent := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	defer func() {
		debug.SetMemoryLimit(prevLimit)
		debug.SetGCPercent(prevPercent)
	}()
	debug.SetMemoryLimit(math.MaxInt64)
	tuneGC(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != defaultMemoryLimit {
		t.Errorf("without GOMEMLIMIT the limit is %d, want %d", got, defaultMemoryLimit)
	}
	if got := debug.SetGCPercent(100); got != defaultGCPercent {
		t.Errorf("without GOGC the percent is %d, want %d", got, defaultGCPercent)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	tuneGC(func(k string) string {
		return map[string]string{"GOMEMLIMIT": "4GiB", "GOGC": "50"}[k]
	})
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, Parallax changed the limit to %d", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, Parallax changed the percent to %d", got)
	}
}

func TestSQLiteOptions(t *testing.T) {
	tests := []struct {
		dsn             string
		path            string
		maxBytes, mmap  int64
		wantErrContains string
	}{
		{"x.db", "x.db", 0, sqlite.DefaultMmapBytes, ""},
		{"sqlite:x.db", "x.db", 0, sqlite.DefaultMmapBytes, ""},
		{"sqlite:x.db?max_size=2GiB", "x.db", 2 << 30, sqlite.DefaultMmapBytes, ""},
		{"sqlite:x.db?mmap_size=256MiB&max_size=4096", "x.db", 4096, 256 << 20, ""},
		{"sqlite:x.db?mmap_size=0", "x.db", 0, 0, ""},
		{"sqlite:x.db?mmap_size=-1", "", 0, 0, "mmap_size"},
		{"sqlite:x.db?max_size=lots", "", 0, 0, "max_size"},
		{"sqlite:x.db?cache=shared", "", 0, 0, `unknown option "cache"`},
	}
	for _, tt := range tests {
		db, err := sqliteDB(tt.dsn)
		if tt.wantErrContains != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErrContains) || !strings.Contains(err.Error(), tt.dsn) {
				t.Errorf("%s: error %v, want one naming the DSN and %q", tt.dsn, err, tt.wantErrContains)
			}
			continue
		}
		if err != nil || db.Path != tt.path || db.MaxBytes != tt.maxBytes || db.MmapBytes != tt.mmap {
			t.Errorf("%s: %+v, %v; want path %s, max %d, mmap %d", tt.dsn, db, err, tt.path, tt.maxBytes, tt.mmap)
		}
	}
}
