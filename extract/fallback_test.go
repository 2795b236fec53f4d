package extract

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/synth"
)

func TestTakes(t *testing.T) {
	content := func(s string) *html.Node {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	prose := content("<div><p>Two workers were hurt.</p><p>The crane was inspected in January.</p></div>")
	bare := content("<div>Two workers were hurt.<br>The crane was inspected in January.</div>")
	tabular := content("<div><p>Results:</p><table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table></div>")
	for _, c := range []struct {
		name    string
		n, m    int
		content *html.Node
		want    bool
	}{
		{"more than twice the text", 801, 400, prose, true},
		{"twice the text", 800, 400, prose, false},
		{"borderline, paragraphs of text", 700, 600, prose, false},
		{"borderline, no paragraph text", 700, 600, bare, true},
		{"borderline, more tables than paragraphs", 700, 600, tabular, true},
		{"borderline but short", 500, 600, bare, false},
		{"less than half", 290, 600, bare, false},
	} {
		if got := takes(c.n, c.m, c.content); got != c.want {
			t.Errorf("%s: takes(%d, %d) = %v, want %v", c.name, c.n, c.m, got, c.want)
		}
	}
}

// TestShortPagesAsTheLibraryFallback extracts short pages, whose main
// extraction finds under fallbackBelow bytes, and compares the paragraphs
// with those of the library's fallback run on each, which is what the
// extractor did before it ran readability alone first.
func TestShortPagesAsTheLibraryFallback(t *testing.T) {
	news, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	// text in table cells, which the fallback may take
	para := "The harbour authority said the crane had been inspected in January and showed no sign of fatigue, and engineers would examine the welds of its boom before any other crane on the quay returned to work."
	table := "<html><head><title>Crane collapse</title></head><body><table><tr><td>" + para + "</td></tr><tr><td>" + para + "</td></tr><tr><td>" + para + "</td></tr></table></body></html>"
	pages := []string{string(news), table}
	cfg := synth.DefaultConfig()
	cfg.Articles = 400
	g := synth.New(cfg)
	for a, ok := g.Next(); ok; a, ok = g.Next() {
		pages = append(pages, synth.Page(a))
	}
	base, _ := url.Parse("https://gazette.example/2026/03/05/harbour-crane-collapse")
	e := NewExtractor()
	short, candidates := 0, 0
	for i, p := range pages {
		doc, err := html.Parse(strings.NewReader(p))
		if err != nil {
			t.Fatal(err)
		}
		opts := trafilatura.Options{OriginalURL: base, ExcludeComments: true, HtmlDateMode: trafilatura.Disabled}
		res, err := trafilatura.ExtractDocument(doc, opts)
		if err != nil || len(res.ContentText) >= fallbackBelow || utf8.RuneCountInString(res.ContentText) < minExtracted {
			continue
		}
		short++
		if readable(doc, base, res.ContentNode, res.ContentText) != nil {
			candidates++
		}
		opts.EnableFallback = true
		if res, err = trafilatura.ExtractDocument(doc, opts); err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		want := strings.Join(blockTexts(res.ContentNode, codeOnly), "\n")
		var page Page
		e.library(&page, doc, base.String())
		if got := strings.Join(page.Paragraphs, "\n"); got != want {
			t.Errorf("page %d:\n got %q\nwant %q", i, got, want)
		}
	}
	if short < 10 || candidates == 0 || candidates == short {
		t.Fatalf("%d short pages, %d with a candidate the fallback may take: the test needs both kinds", short, candidates)
	}
}
