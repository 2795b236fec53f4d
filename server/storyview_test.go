package server

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestSample(t *testing.T) {
	outlets := map[int64]string{1: "A", 2: "A", 3: "A", 4: "B", 5: "B", 6: "C", 7: "D"}
	id := func(x int64) int64 { return x }
	tests := []struct {
		items    []int64
		max      int
		want     []int64
		wantMore int
	}{
		{[]int64{1, 2, 4}, 3, []int64{1, 2, 4}, 0},
		// one per outlet first, in order; the rest of the room in order
		{[]int64{1, 2, 3, 4, 5, 6, 7}, 4, []int64{1, 4, 6, 7}, 3},
		{[]int64{1, 2, 3, 4, 5, 6, 7}, 5, []int64{1, 2, 4, 6, 7}, 2},
		{[]int64{1, 2, 3, 4}, 2, []int64{1, 4}, 2},
		// articles of unknown outlets each count as their own
		{[]int64{8, 9, 1, 2}, 3, []int64{8, 9, 1}, 1},
		{nil, 3, nil, 0},
	}
	for _, tt := range tests {
		got, more := sample(tt.items, id, outlets, tt.max)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || more != tt.wantMore {
			t.Errorf("sample(%v, %d) = %v, %d; want %v, %d", tt.items, tt.max, got, more, tt.want, tt.wantMore)
		}
	}
}

// TestLargeStoryPage: the page of a story of a thousand articles shows a
// sample of each claim's and quote's sentences, a few headlines per
// outlet and the first articles, and says how much more there is, so it
// stays a page; without the bounds it would be several megabytes.
func TestLargeStoryPage(t *testing.T) {
	const n = 1000
	outlets := []string{"Ledger", "Wire", "Radio", "Gazette", "Courier"}
	rep := &parallax.StoryReport{ID: 7, Title: "Bridge collapses"}
	var claim parallax.Claim
	quote := parallax.ReportQuote{Speaker: "Ilse Vandermeer", Kind: "direct"}
	framing := map[string]*parallax.OutletFraming{}
	for i := range n {
		id := int64(i + 1)
		src := outlets[i%len(outlets)]
		rep.Articles = append(rep.Articles, parallax.ReportArticle{ID: id, Source: src, Title: fmt.Sprintf("Headline number %d", i)})
		claim.ArticleIDs = append(claim.ArticleIDs, id)
		claim.Evidence = append(claim.Evidence, parallax.Evidence{ArticleID: id, Sentence: fmt.Sprintf("The bridge fell, sentence %d.", i)})
		quote.ArticleIDs = append(quote.ArticleIDs, id)
		quote.Variants = append(quote.Variants, parallax.QuoteVariant{ArticleID: id, Text: fmt.Sprintf("We will rest %d", i)})
		if framing[src] == nil {
			framing[src] = &parallax.OutletFraming{Source: src}
		}
		framing[src].Headlines = append(framing[src].Headlines, fmt.Sprintf("Headline number %d", i))
	}
	claim.Text, claim.Status = "The bridge fell.", parallax.Corroborated
	for range 60 {
		rep.Claims = append(rep.Claims, claim)
		rep.Quotes = append(rep.Quotes, quote)
	}
	for _, o := range outlets {
		rep.Sources = append(rep.Sources, parallax.ReportSource{Name: o, Articles: n / len(outlets), Independent: true})
		rep.Framing = append(rep.Framing, *framing[o])
	}
	page := renderStory(t, rep)
	count := func(s string) int { return strings.Count(page, s) }
	if got := count("The bridge fell, sentence"); got != maxClaims*maxEvidence {
		t.Errorf("%d claim sentences shown, want %d claims × %d", got, maxClaims, maxEvidence)
	}
	if got := count("and 992 more sentences"); got != maxClaims {
		t.Errorf("%d claims say how many sentences are left out, want %d", got, maxClaims)
	}
	if got := count("“We will rest"); got != maxQuotes*maxEvidence {
		t.Errorf("%d quote renderings shown, want %d", got, maxQuotes*maxEvidence)
	}
	if got := count("and 992 more renderings"); got != maxQuotes {
		t.Errorf("%d quotes say how many renderings are left out, want %d", got, maxQuotes)
	}
	// every outlet is among the sentences shown for a claim
	first := page[strings.Index(page, `<ul class="evidence">`):]
	first = first[:strings.Index(first, "</ul>")]
	for _, o := range outlets {
		if !strings.Contains(first, ">"+o+"</a>") {
			t.Errorf("the first claim's sentences lack %s", o)
		}
	}
	if got := count("and 197 more headlines"); got != len(outlets) {
		t.Errorf("%d outlets say how many headlines are left out, want %d", got, len(outlets))
	}
	if !strings.Contains(page, `The first 100 of 1000: <a href="/stories/7/articles?offset=100">the next 100</a>`) {
		t.Error("the page does not link to the next page of articles")
	}
	if len(page) > 200_000 {
		t.Errorf("the page is %d bytes", len(page))
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"gzip, deflate, br, zstd", true},
		{"br;q=1.0, GZIP;q=0.5", true},
		{"gzip;q=0", false},
		{"gzip; q=0.0, *", false},
		{"identity", false},
		{"*", true},
		{"*;q=0", false},
		{"*;q=0, x-gzip", true},
		{"deflate;q=0.5, *;q=0.1", true},
	}
	for _, tt := range tests {
		if got := acceptsGzip(tt.header); got != tt.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

// TestLearnedQuoteBadge checks that a statement only the quote model
// found is marked on the story page, and one the rules read is not.
func TestLearnedQuoteBadge(t *testing.T) {
	rep := &parallax.StoryReport{ID: 3, Title: "Bridge", Articles: []parallax.ReportArticle{{ID: 1, Source: "Ledger"}}}
	for _, learned := range []bool{true, false} {
		rep.Quotes = append(rep.Quotes, parallax.ReportQuote{Speaker: fmt.Sprintf("Speaker %v", learned), Kind: "reported",
			Learned: learned, ArticleIDs: []int64{1}, Variants: []parallax.QuoteVariant{{ArticleID: 1, Text: "the bridge would reopen"}}})
	}
	page := renderStory(t, rep)
	if n := strings.Count(page, ">model</span>"); n != 1 {
		t.Errorf("%d model badges, want 1", n)
	}
	if i, j := strings.Index(page, "Speaker true"), strings.Index(page, ">model</span>"); i < 0 || j < i || j > strings.Index(page, "Speaker false") {
		t.Error("the badge is not on the learned quote")
	}
}

// renderStory renders the story page of rep.
func renderStory(t *testing.T, rep *parallax.StoryReport) string {
	t.Helper()
	p, err := parsePages()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.story.Execute(&buf, layoutView{Title: rep.Title, Page: newStoryView(rep)}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestChartLabelsInside checks that the timeline's axis labels lie within
// the chart: centred on the first and last dates, they had been cut off
// at both ends. A label is taken as 7 px a character (the chart's text
// is 11 px).
func TestChartLabelsInside(t *testing.T) {
	c := chart([]parallax.TimelineEvent{{Date: "2026-02-01", ArticleIDs: []int64{1}}, {Date: "2026-03-20", ArticleIDs: []int64{2}}})
	if c == nil || len(c.Ticks) < 2 {
		t.Fatalf("chart %+v, want one with ticks", c)
	}
	for _, tk := range c.Ticks {
		w := 7 * len(tk.Label)
		lo := map[string]int{"start": tk.X, "middle": tk.X - w/2, "end": tk.X - w}[tk.Anchor]
		if tk.Anchor == "" || lo < 0 || lo+w > c.Width {
			t.Errorf("tick %+v spans [%d, %d], outside the chart's [0, %d]", tk, lo, lo+w, c.Width)
		}
	}
}
