package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/extract"
	"github.com/parallax-news/parallax/internal/golden"
)

func newExtractor() *extract.Extractor {
	e := extract.NewExtractor()
	e.Now = func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) }
	return e
}

// goldenPage is the stable JSON form of a Page for golden files.
type goldenPage struct {
	*extract.Page
	Published string `json:"published"`
}

func TestHTMLGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			page, err := newExtractor().HTML(data, "https://gazette.example/2026/03/05/harbour-crane-collapse", "")
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			g := goldenPage{Page: page}
			if !page.Published.IsZero() {
				g.Published = page.Published.Format(time.RFC3339)
			}
			got, _ := json.MarshalIndent(g, "", "  ")
			golden.Assert(t, strings.TrimSuffix(filepath.Base(file), ".html")+".golden.json", append(got, '\n'))
		})
	}
}

func TestHTMLNewsPage(t *testing.T) {
	data, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	page, err := newExtractor().HTML(data, "https://gazette.example/2026/03/05/harbour-crane-collapse", "")
	if err != nil {
		t.Fatal(err)
	}
	text := page.Text()
	for _, want := range []string{"container crane at the Saltmarsh harbour collapsed", "Inspection records", "harbour master Tomas Berg"} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, bad := range []string{"Sign in", "Ferry fares to rise", "All rights reserved", "window.tracker", "Subscribe to our newsletter"} {
		if strings.Contains(text, bad) {
			t.Errorf("body contains boilerplate %q", bad)
		}
	}
	if page.Title != "Harbour crane collapse injures three" || page.Byline != "Priya Lindqvist" ||
		page.Site != "The Saltmarsh Gazette" || page.Language != "en" ||
		page.CanonicalURL != "https://gazette.example/2026/03/05/harbour-crane-collapse" {
		t.Errorf("metadata = %+v", page)
	}
	if got := page.Published.Format("2006-01-02"); got != "2026-03-05" {
		t.Errorf("published = %v (%s)", page.Published, page.PublishedMethod)
	}
}

func TestHTMLBadInput(t *testing.T) {
	nested := strings.Repeat("<div>", 100000) + "<p>Deep text that should still be read by the fallback walk.</p>" + strings.Repeat("</div>", 100000)
	huge := "<html><body>" + strings.Repeat("<p>filler paragraph of a huge page</p>", 30<<20/36) + "</body></html>"
	tests := []struct {
		name    string
		page    string
		wantErr string // "" means a best-effort page is expected
		want    string
	}{
		{name: "truncated", page: "<html><head><title>Cut</title></head><body><article><p>This article was cut off in the middle of a sentence that goes on and on about the harbour and the", want: "cut off in the middle"},
		{name: "no body", page: "<html><head><title>Only a title</title></head></html>", wantErr: "no article text"},
		{name: "empty", page: "  \n ", wantErr: "empty page"},
		{name: "binary", page: "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01", wantErr: "binary content"},
		{name: "30 MB", page: huge, wantErr: "larger than the"},
		{name: "100k nesting", page: nested, want: "Deep text that should still be read"},
		{name: "not html at all", page: "just some words without any markup at all, but enough of them to be text", want: "just some words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := newExtractor().HTML([]byte(tt.page), "", "")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			if !strings.Contains(page.Text(), tt.want) {
				t.Errorf("text = %q, want it to contain %q", page.Text(), tt.want)
			}
		})
	}
}

func TestHTMLWrongCharset(t *testing.T) {
	text := "Le ministre a déclaré à l'Élysée que la réforme des retraites sera présentée en février prochain."
	page := encode(t, "windows-1252", `<html><head><meta charset="utf-8"><title>Réforme</title></head><body><article><p>`+text+`</p></article></body></html>`)
	got, err := newExtractor().HTML(page, "", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Text(), "déclaré à l'Élysée") || got.Charset != "windows-1252" {
		t.Errorf("charset %s, text %q", got.Charset, got.Text())
	}
	if got.Language != "fr" {
		t.Errorf("language = %q, want fr", got.Language)
	}
}

func TestDateFromURL(t *testing.T) {
	page := `<html><body><article><p>` + strings.Repeat("A paragraph of news text about the harbour. ", 10) + `</p></article></body></html>`
	got, err := newExtractor().HTML([]byte(page), "https://news.example/2025/11/07/pm-remarks", "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Published.Format("2006-01-02") != "2025-11-07" || got.PublishedMethod != parallax.PublishedURL {
		t.Errorf("published %v by %q", got.Published, got.PublishedMethod)
	}
}

func TestURLDayBeatsOtherMetadataDay(t *testing.T) {
	body := `<article><p>` + strings.Repeat("A paragraph of news text about the harbour. ", 10) + `</p></article>`
	modified := `<html><head><meta property="article:published_time" content="2025-11-09T05:30:00+00:00"></head><body>` + body + `</body></html>`
	got, err := newExtractor().HTML([]byte(modified), "https://news.example/2025/11/08/late-evening-story", "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Published.Format(time.DateOnly) != "2025-11-08" || got.PublishedMethod != parallax.PublishedURL || got.PublishedPrecision != parallax.PrecisionDay {
		t.Errorf("published %v by %q, want the URL's day", got.Published, got.PublishedMethod)
	}
	sameDay := strings.Replace(modified, "2025-11-09T05:30:00+00:00", "2025-11-08T21:30:00-05:00", 1)
	got, _ = newExtractor().HTML([]byte(sameDay), "https://news.example/2025/11/08/late-evening-story", "")
	if got.Published.Format(time.RFC3339) != "2025-11-08T21:30:00-05:00" || got.PublishedMethod != parallax.PublishedMetadata ||
		got.PublishedPrecision != parallax.PrecisionTime {
		t.Errorf("published %v by %q, want the metadata time", got.Published, got.PublishedMethod)
	}
}
