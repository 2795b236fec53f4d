package analyze_test

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/analyze/entity"
	"github.com/parallax-news/parallax/analyze/number"
	"github.com/parallax-news/parallax/analyze/quote"
	"github.com/parallax-news/parallax/analyze/segment"
	"github.com/parallax-news/parallax/analyze/timex"
	"github.com/parallax-news/parallax/demo"
	"github.com/parallax-news/parallax/internal/demotest"
	"github.com/parallax-news/parallax/internal/golden"
)

// TestOffsetsAreCodePoints checks that every span's offsets index the
// text in code points, through curly quotes, accents and CJK.
func TestOffsetsAreCodePoints(t *testing.T) {
	text := "Prime Minister Sanae Takaichi’s café: “We will respond within the law,” she said on Monday. 高市首相は「台湾有事」と述べた。 Turnout rose 5% in Zürich."
	a := analyze.Annotate(text, analyze.Options{Published: time.Date(2026, 1, 28, 0, 0, 0, 0, time.UTC)})
	runes := []rune(text)
	var spans []analyze.Span
	spans = append(spans, a.Sentences...)
	for _, e := range a.Entities {
		spans = append(spans, e.Span)
	}
	for _, q := range a.Quotes {
		spans = append(spans, q.Content, q.Cue, q.Speaker.Span)
	}
	for _, x := range a.Timexes {
		spans = append(spans, x.Span)
	}
	for _, n := range a.Numbers {
		spans = append(spans, n.Span)
	}
	if len(a.Quotes) == 0 || len(a.Timexes) == 0 || len(a.Numbers) == 0 || len(a.Entities) == 0 {
		t.Fatalf("missing annotations: %+v", a)
	}
	for _, s := range spans {
		if s.Start < 0 || s.End > len(runes) || string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("span %d–%d is %q, text there is %q", s.Start, s.End, s.Text, string(runes[min(s.Start, len(runes)):min(s.End, len(runes))]))
		}
	}
	if q := a.Quotes[0]; q.Speaker.Canonical != "Sanae Takaichi" {
		t.Errorf("speaker = %+v, want Sanae Takaichi", q.Speaker)
	}
}

func TestInferredReference(t *testing.T) {
	text := "The minister spoke on March 2, 2026. On Monday she had visited the site."
	a := analyze.Annotate(text, analyze.Options{Language: "en"})
	if a.Reference.Date != "2026-03-02" || !a.Reference.Inferred {
		t.Errorf("reference = %+v", a.Reference)
	}
}

func TestOtherLanguages(t *testing.T) {
	text := "Der Minister sagte: „Wir werden die Brücke bis März vollständig wieder aufbauen.“ 14 Menschen wurden verletzt."
	a := analyze.Annotate(text, analyze.Options{Language: "de"})
	if len(a.Sentences) != 2 || len(a.Quotes) != 1 || len(a.Numbers) != 1 || len(a.Entities) != 0 {
		t.Errorf("German: %d sentences, %d quotes, %d numbers, %d entities", len(a.Sentences), len(a.Quotes), len(a.Numbers), len(a.Entities))
	}
}

// demoArticles decodes the demo corpus as ingest would store it.
func demoArticles(t testing.TB) []*parallax.Article { return demotest.Articles(t) }

func annotateDemo(t *testing.T) map[string]analyze.Annotation {
	out := map[string]analyze.Annotation{}
	for _, a := range demoArticles(t) {
		out[a.ExternalID] = analyze.Annotate(a.Text, analyze.Options{Published: a.Published, Language: a.Language})
	}
	return out
}

// TestDemoGolden keeps each demo article's annotations in a golden file,
// so that any change in what annotation finds shows in review.
func TestDemoGolden(t *testing.T) {
	for id, a := range annotateDemo(t) {
		t.Run(id, func(t *testing.T) {
			data, _ := json.MarshalIndent(a, "", "  ")
			golden.Assert(t, "demo-"+strings.TrimSuffix(id, ".txt")+".json", append(data, '\n'))
		})
	}
}

type demoGold struct {
	Entities []struct {
		Name, Type string
		Variants   []string
	}
	QuoteGroups []struct {
		Speaker  string
		Variants []struct{ Article, Text, Kind string }
	} `json:"quote_groups"`
	Timexes []struct {
		Article, Text, Value, Precision string
		Background                      bool
	}
}

// TestDemoGold checks annotation against what the demo corpus plants.
func TestDemoGold(t *testing.T) {
	var gold demoGold
	if err := json.Unmarshal(demo.Gold, &gold); err != nil {
		t.Fatal(err)
	}
	ann := annotateDemo(t)
	t.Run("timexes", func(t *testing.T) {
		for _, g := range gold.Timexes {
			a := ann[g.Article]
			found := false
			for _, x := range a.Timexes {
				if strings.Contains(g.Text, x.Text) || strings.Contains(x.Text, g.Text) {
					found = true
					if !strings.HasPrefix(x.Value, g.Value) {
						t.Errorf("%s: %q = %s, want %s", g.Article, x.Text, x.Value, g.Value)
					}
					break
				}
			}
			if !found {
				t.Errorf("%s: %q not found", g.Article, g.Text)
			}
		}
	})
	t.Run("entities", func(t *testing.T) {
		for _, g := range gold.Entities {
			var names []entity.Name
			for id, a := range ann {
				for _, e := range a.Entities {
					if e.Canonical == g.Name || g.Type == "person" && prefix(lastWord(e.Canonical), 6) == prefix(lastWord(g.Name), 6) {
						if typeName(e.Type) != g.Type && !(g.Type == "place" && e.Type == entity.Other) {
							t.Errorf("%s: %q is %s, want %s", id, e.Text, e.Type, g.Type)
						}
						names = append(names, entity.Name{Text: e.Canonical, Type: entity.Person})
					}
				}
			}
			if len(names) == 0 {
				t.Errorf("%s never found", g.Name)
				continue
			}
			if g.Type == "person" {
				if groups := entity.Variants(names); len(groups) != 1 {
					t.Errorf("%s is split across articles: %v", g.Name, names)
				}
			}
		}
	})
	t.Run("quotes", func(t *testing.T) {
		for _, group := range gold.QuoteGroups {
			for _, v := range group.Variants {
				found := false
				for _, q := range ann[v.Article].Quotes {
					if strings.Contains(q.Content.Text, v.Text) {
						found = true
						if !strings.Contains(q.Speaker.Canonical, prefix(lastWord(group.Speaker), 8)) {
							t.Errorf("%s: quote %q attributed to %+v, want %s", v.Article, v.Text, q.Speaker, group.Speaker)
						}
					}
				}
				if !found {
					t.Errorf("%s: quote %q (%s) not found", v.Article, v.Text, v.Kind)
				}
			}
		}
	})
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

func typeName(t string) string { return t }

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func TestCompactExpand(t *testing.T) {
	text := "Prime Minister Sanae Takaichi’s café: “We will respond within the law,” she said on Monday."
	a := analyze.Annotate(text, analyze.Options{Published: time.Date(2026, 1, 28, 0, 0, 0, 0, time.UTC)})
	want, _ := json.Marshal(a)
	a.Compact()
	compact, _ := json.Marshal(a)
	if strings.Contains(string(compact), "respond within") || len(compact) >= len(want) {
		t.Errorf("Compact kept text: %s", compact)
	}
	var back analyze.Annotation
	if err := json.Unmarshal(compact, &back); err != nil {
		t.Fatal(err)
	}
	back.Expand(text)
	if got, _ := json.Marshal(back); string(got) != string(want) {
		t.Errorf("Expand(Compact(a)) differs:\n got %s\nwant %s", got, want)
	}
}

// TestAnnotateConcurrently: ingest annotates on every core at once, so
// Annotate must share nothing mutable. Run with -race to see a data race;
// without it the test still checks that concurrent runs agree with a
// sequential one.
func TestAnnotateConcurrently(t *testing.T) {
	articles := demoArticles(t)
	want := annotateDemo(t)
	var wg sync.WaitGroup
	got := make([][]analyze.Annotation, 4)
	for g := range got {
		wg.Go(func() {
			for _, a := range articles {
				got[g] = append(got[g], analyze.Annotate(a.Text, analyze.Options{Published: a.Published, Language: a.Language}))
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i, a := range articles {
			if !reflect.DeepEqual(got[g][i], want[a.ExternalID]) {
				t.Errorf("goroutine %d, %s: annotation differs from a sequential run", g, a.ExternalID)
			}
		}
	}
}

// TestEstimatedDates checks that a relative expression resolved against
// an inferred reference is marked as estimated, and a full date is not.
func TestEstimatedDates(t *testing.T) {
	text := "The remarks were made in parliament last month. The treaty was signed on March 3, 2024."
	story := time.Date(2025, 11, 7, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name string
		opt  analyze.Options
		want map[string]bool
	}{
		{"undated", analyze.Options{Language: "en", Fallback: story}, map[string]bool{"last month": true, "March 3, 2024": false}},
		{"dated", analyze.Options{Language: "en", Published: story}, map[string]bool{"last month": false, "March 3, 2024": false}},
	} {
		a := analyze.Annotate(text, tt.opt)
		got := map[string]bool{}
		for _, x := range a.Timexes {
			got[x.Text] = x.Estimated
		}
		if !maps.Equal(got, tt.want) {
			t.Errorf("%s: estimated %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestFindTokensShareTokens: Annotate splits a text once and hands the
// same tokens to every annotator, so none may change them, and each
// finds on them what it finds on the text alone.
func TestFindTokensShareTokens(t *testing.T) {
	ref := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	for _, a := range demoArticles(t) {
		text, sents := a.Text, segment.Sentences(a.Text)
		toks := segment.Tokens(text)
		kept := slices.Clone(toks)
		if !reflect.DeepEqual(timex.FindTokens(text, toks, ref, sents), timex.Find(text, ref, sents)) ||
			!reflect.DeepEqual(entity.FindTokens(text, toks, sents), entity.Find(text, sents)) ||
			!reflect.DeepEqual(quote.FindTokens(text, toks, sents), quote.Find(text, sents)) ||
			!reflect.DeepEqual(number.FindTokens(text, toks, nil), number.Find(text, nil)) {
			t.Errorf("%s: an annotator finds otherwise on shared tokens", a.ExternalID)
		}
		if !slices.Equal(toks, kept) {
			t.Errorf("%s: an annotator changed the shared tokens", a.ExternalID)
		}
	}
}

// TestRunOnTextStaysLinear checks that text without full stops, full of
// cues and unbalanced quotation marks, gives annotations whose size grows
// with the text, not with its square: before sentences and reported
// content were bounded, each "…, Smith said" took all the text before it
// as content (100 KB of such text gave 25 MB of quote contents, 50 KB
// a quarter of that).
func TestRunOnTextStaysLinear(t *testing.T) {
	pieces := []string{`"We will win," Smith said and`, `"the plan`, `Jones said "it failed`, `“no way, she told`,
		`according to Jones, the`, `on Monday, last week, in 1990 and`, `Mr. Smith, the mayor, said that`}
	size := func(n int) (quotes, bytes int) {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(pieces[i*7%len(pieces)] + " ")
		}
		a := analyze.Annotate(b.String(), analyze.Options{Language: "en"})
		for _, q := range a.Quotes {
			bytes += len(q.Content.Text) + len(q.Speaker.Text)
		}
		return len(a.Quotes), bytes
	}
	q1, b1 := size(50_000)
	q2, b2 := size(100_000)
	if q1 == 0 || float64(b2) > 2.5*float64(b1) {
		t.Errorf("quotes: %d with %d bytes of content and speakers in 50 KB, %d with %d bytes in 100 KB; want some, and at most 2.5 times as many bytes for twice the text",
			q1, b1, q2, b2)
	}
}

// TestInferReference checks that the reference of an undated text is
// the latest day it names in full, and that a day it does not name does
// not count: "the day" after "2008" is some day of 2008, which had been
// read as 2008-01-01 and made the reference of 57 of 1,307 texts.
func TestInferReference(t *testing.T) {
	for _, tt := range []struct {
		text, want string
	}{
		{"The plant opened on March 3, 2024. It closed on May 5, 2025, workers said.", "2025-05-05"},
		{"The company was founded in 2008. It was the day everything changed. Shares fell on Monday.", ""},
		{"Sales doubled in 2008. The week after, prices rose.", ""},
	} {
		got, ok := analyze.InferReference(tt.text, segment.Sentences(tt.text))
		if s := got.Format(time.DateOnly); ok != (tt.want != "") || ok && s != tt.want {
			t.Errorf("InferReference(%q) = %s, %v; want %q", tt.text, s, ok, tt.want)
		}
	}
}
