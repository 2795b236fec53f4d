package input_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/internal/budget"
)

var now = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

func newDecoder() *input.Decoder {
	d := input.NewDecoder()
	d.Now = func() time.Time { return now }
	return d
}

// decodeFile writes content to a file named name and decodes it.
func decodeFile(t *testing.T, d *input.Decoder, name string, content []byte) []input.Record {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	kind, ok := input.KindOf(path)
	if !ok {
		t.Fatalf("no kind for %s", name)
	}
	f, _, err := input.Open(input.Input{Path: path, Kind: kind}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return slices.Collect(d.Decode(path, kind, f))
}

func TestDecodeText(t *testing.T) {
	d := newDecoder()
	body := "\n\nJapan PM warns on alliance\n\nTOKYO — She spoke on January 27, 2026.\nA second paragraph.\r\n\r\nThird, citing 12 March 2025.\n"
	a, warnings, err := d.DecodeText("seed_01.txt", []byte(body))
	if err != nil {
		t.Fatalf("DecodeText: %v", err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	if a.Title != "Japan PM warns on alliance" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Source != "seed_01" || a.ExternalID != "seed_01.txt" {
		t.Errorf("source %q, external id %q", a.Source, a.ExternalID)
	}
	want := "TOKYO — She spoke on January 27, 2026.\n\nA second paragraph.\n\nThird, citing 12 March 2025."
	if a.Text != want {
		t.Errorf("text = %q, want %q", a.Text, want)
	}
	if !a.Published.Equal(time.Date(2026, 1, 27, 0, 0, 0, 0, time.UTC)) || a.PublishedMethod != parallax.PublishedInferred {
		t.Errorf("published %v by %q", a.Published, a.PublishedMethod)
	}
	if !strings.HasPrefix(a.Key, "sha:") || a.ContentHash == "" {
		t.Errorf("key %q hash %q", a.Key, a.ContentHash)
	}
}

func TestDecodeTextBadInput(t *testing.T) {
	d := newDecoder()
	tests := []struct {
		name    string
		content []byte
		wantErr string
	}{
		{"empty", nil, "empty input"},
		{"whitespace only", []byte(" \n\t\n"), "empty input"},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00junk"), "binary content"},
		{"control characters", []byte(strings.Repeat("\x01\x02\x03abc", 50)), "binary content"},
		{"invalid utf-8", []byte("Title\nCaf\xe9 au lait"), "invalid UTF-8 at byte 9"},
		{"title only", []byte("Just a title\n\n"), "no body text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := d.DecodeText("x.txt", tt.content)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestHugeTextFile(t *testing.T) {
	d := newDecoder()
	d.MaxArticleBytes = 1 << 10
	recs := decodeFile(t, d, "huge.txt", []byte("Title\n"+strings.Repeat("word ", 1000)))
	if len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "1 KiB limit") {
		t.Fatalf("records = %+v, want one size-limit error", recs)
	}
	if !strings.HasSuffix(recs[0].Origin, "huge.txt") {
		t.Errorf("origin %q does not name the file", recs[0].Origin)
	}
}

func TestDecodeJSONL(t *testing.T) {
	d := newDecoder()
	d.MaxLineBytes = 400
	lines := []string{
		`{"id": "a1", "url": "https://www.example.com/a?utm_source=x", "title": "First", "text": "Body one.\nBody two.", "published": "2026-01-27T09:30:00+09:00", "language": "EN", "story": "gold-1"}`,
		``,
		`{"id": 42, "source": "Wire", "text": "No title here but a body long enough to name it by its first words, which is what we do."}`,
		`{"id": "bad", "text": `,
		`{"id": "big", "source": "S", "text": "` + strings.Repeat("x", 500) + `"}`,
		`{"source": "S", "url": "https://s.example/2026/01/05/page", "html": "<html><head><title>Page title</title></head><body><nav>Home | News | Sport</nav><article><p>The harbour authority approved the new ferry terminal on Monday after a year of debate in the council.</p></article></body></html>"}`,
		`{"source": "S", "title": "Bad date", "text": "Body.", "published": "yesterday"}`,
		`{"title": "No source", "text": "Body."}`,
		`{"id": ["x"], "source": "S", "text": "Body."}`,
	}
	recs := decodeFile(t, d, "in.jsonl", []byte(strings.Join(lines, "\n")))
	byOrigin := map[string]input.Record{}
	for _, r := range recs {
		byOrigin[r.Origin[strings.LastIndex(r.Origin, ":")+1:]] = r
	}
	if len(recs) != 8 {
		t.Fatalf("got %d records, want 8 (blank line skipped)", len(recs))
	}
	a := byOrigin["1"].Article
	if a == nil || a.Source != "example.com" || a.CanonicalURL != "https://www.example.com/a" || a.Language != "en" ||
		a.ExternalID != "a1" || a.Text != "Body one.\n\nBody two." || a.Key != "id:example.com\x00a1" {
		t.Errorf("line 1 = %+v (err %v)", a, byOrigin["1"].Err)
	}
	if _, off := a.Published.Zone(); off != 9*3600 || a.PublishedMethod != parallax.PublishedMetadata || a.PublishedPrecision != parallax.PrecisionTime {
		t.Errorf("line 1 published %v (%s)", a.Published, a.PublishedMethod)
	}
	if b := byOrigin["3"].Article; b == nil || b.ExternalID != "42" || b.Key != "id:Wire\x0042" ||
		!strings.HasPrefix(b.Title, "No title here") {
		t.Errorf("line 3 = %+v (err %v)", b, byOrigin["3"].Err)
	}
	wantErrs := map[string]string{
		"4": "invalid JSON", "5": "line longer than the 400 bytes limit",
		"8": "no source", "9": `"id" must be a string or a number`,
	}
	for line, want := range wantErrs {
		if err := byOrigin[line].Err; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("line %s: error %v, want %q", line, err, want)
		}
	}
	if h := byOrigin["6"].Article; h == nil || h.Title != "Page title" || h.Source != "S" || h.Language != "en" ||
		!strings.HasPrefix(h.Text, "The harbour authority approved") || strings.Contains(h.Text, "Home") ||
		h.Published.Format(time.DateOnly) != "2026-01-05" || h.PublishedMethod != parallax.PublishedURL {
		t.Errorf("line 6 (html) = %+v (err %v)", h, byOrigin["6"].Err)
	}
	if r := byOrigin["7"]; r.Err != nil || !r.Article.Published.IsZero() || len(r.Warnings) != 1 {
		t.Errorf("line 7 (bad date): err %v, published %v, warnings %v", r.Err, r.Article.Published, r.Warnings)
	}
}

func TestGoldLabelsIgnored(t *testing.T) {
	d := newDecoder()
	with, _, err1 := d.DecodeJSON([]byte(`{"id":"1","source":"S","text":"T","story":"s1","event":"e","label":"l"}`))
	without, _, err2 := d.DecodeJSON([]byte(`{"id":"1","source":"S","text":"T"}`))
	if err1 != nil || err2 != nil {
		t.Fatalf("errors: %v, %v", err1, err2)
	}
	if *with != *without {
		t.Errorf("gold labels changed the article:\n%+v\n%+v", with, without)
	}
}

func TestDecodeNewsPlease(t *testing.T) {
	d := newDecoder()
	doc := `{"authors": ["A. Writer", "B. Writer"], "date_publish": "2017-12-31 10:00:00", "description": "Desc",
		"filename": "np-1.json", "language": "en", "maintext": "Main text.\nMore.", "source_domain": "news.example",
		"title": "NP title", "url": "https://news.example/np"}`
	recs := decodeFile(t, d, "np.json", []byte(doc))
	if len(recs) != 1 || recs[0].Err != nil {
		t.Fatalf("records: %+v", recs)
	}
	a := recs[0].Article
	if a.Source != "news.example" || a.Byline != "A. Writer, B. Writer" || a.Title != "NP title" ||
		a.Text != "Main text.\n\nMore." || a.ExternalID != "np-1.json" ||
		!a.Published.Equal(time.Date(2017, 12, 31, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("article = %+v", a)
	}

	arr := decodeFile(t, d, "arr.json", []byte(`[{"source":"S","text":"one"}, {"source":"S"}]`))
	if len(arr) != 2 || arr[0].Err != nil || arr[1].Err == nil || !strings.HasSuffix(arr[1].Origin, "arr.json[1]") {
		t.Errorf("array records: %+v", arr)
	}
	bad := decodeFile(t, d, "bad.json", []byte(`{"maintext": 3}`))
	if len(bad) != 1 || bad[0].Err == nil || !strings.Contains(bad[0].Err.Error(), "invalid news-please JSON") {
		t.Errorf("bad news-please: %+v", bad)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.txt", "a.jsonl", "sub/c.json", "sub/deeper/d.txt", "notes.md", ".git/e.txt"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := filepath.Join(dir, "notes.md")
	inputs, errs := input.Expand([]string{dir, filepath.Join(dir, "missing.txt"), md, "-", "https://news.example/a"})
	var got []string
	for _, in := range inputs {
		got = append(got, strings.TrimPrefix(in.Path, dir+"/")+"="+string(in.Kind))
	}
	want := []string{"a.jsonl=jsonl", "b.txt=text", "sub/c.json=json", "sub/deeper/d.txt=text", "-=jsonl", "https://news.example/a=url"}
	if !slices.Equal(got, want) {
		t.Errorf("inputs = %v, want %v", got, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Err.Error(), "no such file") ||
		!strings.Contains(errs[1].Err.Error(), "unsupported file type") || errs[1].Origin != md {
		t.Errorf("errors = %+v", errs)
	}
}

func TestInferDate(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"On January 27, 2026 she spoke.", "2026-01-27"},
		{"Jan. 5, 2026 and 3 February 2026", "2026-02-03"},
		{"Signed in 1960. Updated 2026-03-01.", "2026-03-01"},
		{"Planned for December 1, 2030.", ""},
		{"February 30, 2026 is no date.", ""},
		{"On Monday she spoke.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, ok := input.InferDate(tt.text, now)
			if tt.want == "" {
				if ok {
					t.Errorf("InferDate = %v, want none", got)
				}
				return
			}
			if !ok || got.Format("2006-01-02") != tt.want {
				t.Errorf("InferDate = %v, %v, want %s", got, ok, tt.want)
			}
		})
	}
}

func TestDecodeTextCleanup(t *testing.T) {
	raw := "Ferry terminal approved\nDaily Tide | Local | Politics\nPublished 4 March 2026\nBy Ann Other\n" +
		"Saltmarsh council voted on Tuesday to expand the ferry terminal, the mayor said.\n" +
		"Share this article\n© 2026 Daily Tide. All rights reserved.\n"
	a, _, err := newDecoder().DecodeText("x.txt", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "Daily Tide" || a.Byline != "Ann Other" || a.Text != "Saltmarsh council voted on Tuesday to expand the ferry terminal, the mayor said." {
		t.Errorf("article = %+v", a)
	}
	if a.Published.Format(time.DateOnly) != "2026-03-04" || a.PublishedMethod != parallax.PublishedText ||
		a.PublishedPrecision != parallax.PrecisionDay || a.Language != "en" {
		t.Errorf("published %v by %q, language %q", a.Published, a.PublishedMethod, a.Language)
	}
}

func TestDecodeHTMLFile(t *testing.T) {
	page := `<html><head><title>Crane collapse | Gazette</title><meta property="og:site_name" content="The Gazette">` +
		`<meta property="article:published_time" content="2026-03-05T10:00:00+01:00"></head><body>` +
		`<article><h1>Crane collapse</h1><p>A crane collapsed at the harbour on Thursday, injuring three workers, the port said.</p></article></body></html>`
	recs := decodeFile(t, newDecoder(), "crane.html", []byte(page))
	if len(recs) != 1 || recs[0].Err != nil {
		t.Fatalf("records = %+v", recs)
	}
	a := recs[0].Article
	if a.Source != "The Gazette" || a.ExternalID != "crane.html" || !strings.HasPrefix(a.Text, "A crane collapsed") ||
		a.PublishedMethod != parallax.PublishedMetadata || a.Published.Format(time.RFC3339) != "2026-03-05T10:00:00+01:00" {
		t.Errorf("article = %+v", a)
	}
	bin := decodeFile(t, newDecoder(), "junk.html", []byte("\x00\x01\x02\x03binary"))
	if len(bin) != 1 || bin[0].Err == nil || !strings.Contains(bin[0].Err.Error(), "binary content") {
		t.Errorf("binary .html: %+v", bin)
	}
}

// TestKeyFollowsRawInput: identity comes from the input as given, so that
// a change in cleanup never turns a re-ingest into a duplicate. Two inputs
// that clean to the same text share a content hash, for duplicate
// detection, but not a key.
func TestKeyFollowsRawInput(t *testing.T) {
	d := newDecoder()
	a, _, _ := d.DecodeText("a.txt", []byte("Title\nThe council met on Tuesday and approved the budget.\nShare this article"))
	b, _, _ := d.DecodeText("b.txt", []byte("Title\nThe council met on Tuesday and approved the budget."))
	again, _, _ := d.DecodeText("c.txt", []byte("Title\nThe council met on Tuesday and approved the budget.\nShare this article"))
	if a.ContentHash != b.ContentHash {
		t.Errorf("same clean text, different content hashes")
	}
	if a.Key == b.Key {
		t.Errorf("different inputs share a key")
	}
	if a.Key != again.Key {
		t.Errorf("the same input got two keys")
	}
}

func TestNULDropped(t *testing.T) {
	d := newDecoder()
	a, _, err := d.DecodeJSON([]byte(`{"id":"1","source":"S\u0000","title":"Ti\u0000tle","text":"Bo\u0000dy text"}`))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Title" || a.Text != "Body text" || a.Source != "S" {
		t.Errorf("NUL kept: %q %q %q", a.Title, a.Text, a.Source)
	}
}

func TestBidiControlsLeaveOneLineFields(t *testing.T) {
	line := `{"id":"b1","source":"Out\u202Eet","title":"Bridge \u202Egnp.exe\u202C repairs \u2066x\u2069","byline":"By \u202DAnna","text":"Body \u200F with a right-to-left mark."}`
	a, _, err := newDecoder().DecodeJSON([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Bridge gnp.exe repairs x" || a.Source != "Outet" || strings.ContainsRune(a.Byline, '\u202D') {
		t.Errorf("title %q, source %q, byline %q", a.Title, a.Source, a.Byline)
	}
	if !strings.ContainsRune(a.Text, '\u200F') {
		t.Errorf("the body lost its right-to-left mark: %q", a.Text)
	}
}

// TestArticleTimeout: an article whose extraction or cleanup overruns the
// per-article budget fails with an error naming it, and the other lines of
// its input are still read. The long inputs take hundreds of milliseconds
// to decode here, far over the 10 ms budget. Whether a short line also
// overruns 10 ms depends on how busy the machine is, so under the small
// budget only its presence is checked; under the default budget every
// line must decode.
func TestArticleTimeout(t *testing.T) {
	paragraphs := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "Paragraph %d of a long report on the harbour crane that collapsed on Thursday, the port said.\n\n", i)
		}
		return b.String()
	}
	// go-trafilatura's cost grows faster than the page (about 1 s for
	// these 4,000 paragraphs, over 10 s for 20,000), so the page is the
	// shorter.
	body := paragraphs(20000)
	html := `<html><head><title>Crane</title><meta property="og:site_name" content="Gazette"></head><body><article>` +
		strings.ReplaceAll("<p>"+paragraphs(4000), "\n\n", "</p><p>") + "</p></article></body></html>"
	line, err := json.Marshal(map[string]string{"id": "long", "source": "S", "title": "Crane", "text": body})
	if err != nil {
		t.Fatal(err)
	}
	short := `{"id":"short","source":"S","title":"Crane","text":"A crane collapsed."}`
	inputs := []struct {
		name    string
		data    []byte
		fail    string // origin that must fail
		records int
	}{
		{"long.html", []byte(html), "long.html", 1},
		{"long.txt", []byte("Crane\n\n" + body), "long.txt", 1},
		{"lines.jsonl", []byte(short + "\n" + string(line) + "\n" + short), "lines.jsonl:2", 3},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			d := newDecoder()
			d.ArticleTimeout = 10 * time.Millisecond
			recs := decodeFile(t, d, in.name, in.data)
			if len(recs) != in.records {
				t.Errorf("%d records; want %d, one per article, whatever overran", len(recs), in.records)
			}
			for _, rec := range recs {
				if !strings.HasSuffix(rec.Origin, in.fail) {
					continue
				}
				if !errors.Is(rec.Err, budget.ErrExceeded) || !strings.Contains(rec.Err.Error(), "--article-timeout") {
					t.Errorf("%s: err = %v; want the time budget named", rec.Origin, rec.Err)
				}
			}
			for _, rec := range decodeFile(t, newDecoder(), in.name, in.data) {
				if rec.Err != nil {
					t.Errorf("default budget: %s: %v", rec.Origin, rec.Err)
				}
			}
		})
	}
}
