package eval_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/eval"
)

// TestQuoteScorer scores a quotation split by its attribution, which
// the gold gives as one content of two fragments.
func TestQuoteScorer(t *testing.T) {
	//        0         1         2         3         4         5         6         7
	//        0123456789012345678901234567890123456789012345678901234567890123456789012345
	text := `"We won," said Ann Lee, who ran the campaign for three long years. "It was hard."`
	gold := eval.Attribution{
		Source:  []eval.Span{{15, 22}},
		Cue:     []eval.Span{{10, 14}},
		Content: []eval.Span{{1, 7}, {68, 80}},
	}
	doc := eval.BratDoc{Name: "d", Text: text, Attributions: []eval.Attribution{gold}}
	whole := eval.Span{Start: 1, End: 80}
	tests := []struct {
		name         string
		sys          eval.QuoteSpans
		exact, overl float64 // content F1
		speaker      float64
	}{
		{"parts", eval.QuoteSpans{Source: eval.Span{15, 22}, Cue: eval.Span{10, 14}, Content: whole,
			ContentParts: []eval.Span{{1, 7}, {68, 80}}}, 1, 1, 1},
		// the span from first to last holds the long attribution: the
		// quoted words are less than half of it
		{"whole", eval.QuoteSpans{Source: eval.Span{15, 22}, Cue: eval.Span{10, 14}, Content: whole}, 0, 0, 0},
		{"second part", eval.QuoteSpans{Source: eval.Span{15, 22}, Cue: eval.Span{10, 14}, Content: eval.Span{68, 80}}, 0, 1, 1},
		{"first part", eval.QuoteSpans{Source: eval.Span{15, 22}, Cue: eval.Span{10, 14}, Content: eval.Span{1, 7}}, 0, 0, 0},
		{"wrong speaker", eval.QuoteSpans{Source: eval.Span{30, 42}, Cue: eval.Span{10, 14}, Content: eval.Span{68, 80}}, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s eval.QuoteScorer
			s.Add(doc, []eval.QuoteSpans{tt.sys})
			m := s.Metrics()
			if m.ContentExact.F1 != tt.exact || m.ContentOverlap.F1 != tt.overl || m.SpeakerAccuracy != tt.speaker {
				t.Errorf("content exact F1 %v, overlap F1 %v, speaker %v; want %v, %v, %v",
					m.ContentExact.F1, m.ContentOverlap.F1, m.SpeakerAccuracy, tt.exact, tt.overl, tt.speaker)
			}
		})
	}
}

// TestLoadBrat reads a brat attribution with a content of two fragments.
func TestLoadBrat(t *testing.T) {
	dir := t.TempDir()
	text := "“We won,” said Ann. “It was hard.”"
	ann := "T1\tSource 15 18\tAnn\nT2\tCue 10 14\tsaid\nT3\tContent 1 8;21 33\tWe won, It was hard.\n" +
		"T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
	for name, data := range map[string]string{"text/a.txt": text, "attributions/a_1f2e.ann": ann} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := eval.LoadBrat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Attributions) != 1 {
		t.Fatalf("got %+v", docs)
	}
	a := docs[0].Attributions[0]
	if len(a.Content) != 2 || len(a.Source) != 1 || len(a.Cue) != 1 {
		t.Fatalf("attribution %+v", a)
	}
	if got := docs[0].Text[a.Source[0].Start:a.Source[0].End]; got != "Ann" {
		t.Errorf("source %q", got)
	}
}
