package server

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
)

func TestHighlight(t *testing.T) {
	text := "Mayor Ilse Vandermeer spoke on Monday.\n\n“We will rest,” she said of the 14 injured.\n\n\n  Tail ünïcode Brennmoor.  "
	ann := analyze.Annotate(text, analyze.Options{Language: "en"})
	paras := highlight(text, ann)
	want := parallax.SplitParagraphs(text)
	if len(paras) != len(want) {
		t.Fatalf("%d paragraphs, want %d", len(paras), len(want))
	}
	kinds := map[string]string{}
	for i, p := range paras {
		var b strings.Builder
		for _, s := range p {
			b.WriteString(s.Text)
			if s.Kind != "" {
				kinds[s.Text] = s.Kind
			}
			if s.Quoted && !strings.Contains("“We will rest,”", strings.TrimSpace(s.Text)) {
				t.Errorf("%q marked as quoted", s.Text)
			}
		}
		if b.String() != want[i] {
			t.Errorf("paragraph %d is %q, want %q", i, b.String(), want[i])
		}
	}
	if kinds["Ilse Vandermeer"] != "person" || kinds["Monday"] != "date" || kinds["14"] != "number" {
		t.Errorf("highlights %v", kinds)
	}
	// spans out of range or inverted are ignored, not a panic
	bad := analyze.Annotation{Entities: []analyze.Entity{{Span: analyze.Span{Start: 5, End: 500}}, {Span: analyze.Span{Start: 9, End: 3}}}}
	if got := highlight("short text", bad); len(got) != 1 || got[0][0].Text != "short text" {
		t.Errorf("bad spans: %+v", got)
	}
}
