package report_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/internal/golden"
	"github.com/parallax-news/parallax/report"
)

func sample() (*parallax.Story, []*parallax.Article, []*parallax.Story) {
	jst := time.FixedZone("", 9*3600)
	story := &parallax.Story{ID: 3, StorylineID: 1, Title: "Harbour bridge *closed* <b>",
		FirstPublished: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), LastPublished: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)}
	articles := []*parallax.Article{
		{ID: 5, Source: "Wire", Title: "Copy", DuplicateOf: 3, Published: time.Date(2026, 3, 4, 9, 0, 0, 0, jst)},
		{ID: 3, Source: "Daily", Title: "Bridge | closed", URL: "https://daily.example/a", ExternalID: "a",
			Published: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Language: "en"},
		{ID: 4, Source: "Daily", Title: "Undated"},
		{ID: 6, Source: "Herald", Title: "Second day", Published: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
	}
	storyline := []*parallax.Story{story, {ID: 1, Title: "Earlier <i>story</i>", Articles: 2}}
	return story, articles, storyline
}

func TestBuildGolden(t *testing.T) {
	r := report.Build(withAnalysis(sample()))
	got, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "story.json", append(got, '\n'))
}

func TestMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Markdown(&buf, report.Build(withAnalysis(sample()))); err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "story.md", buf.Bytes())
}

func TestSourcesIndependence(t *testing.T) {
	story, articles, _ := sample()
	r := report.Build(story, articles, nil, compare.Analysis{})
	got := map[string]parallax.ReportSource{}
	for _, s := range r.Sources {
		got[s.Name] = s
	}
	if s := got["Wire"]; s.Independent || s.Articles != 1 {
		t.Errorf("Wire = %+v, want a dependent outlet with 1 article", s)
	}
	if s := got["Daily"]; !s.Independent || s.Articles != 2 {
		t.Errorf("Daily = %+v", s)
	}
	if r.Sources[0].Name != "Daily" {
		t.Errorf("sources not ordered by article count: %+v", r.Sources)
	}
}

func withAnalysis(story *parallax.Story, articles []*parallax.Article, storyline []*parallax.Story) (*parallax.Story, []*parallax.Article, []*parallax.Story, compare.Analysis) {
	return story, articles, storyline, compare.Analysis{}
}
