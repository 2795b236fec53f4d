package report_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/internal/demotest"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/report"
	"github.com/parallax-news/parallax/sqlite"
)

// TestLoaderCache: a story is compared once and read from the cache until
// it changes; a new article in it brings a new comparison.
func TestLoaderCache(t *testing.T) {
	ctx := context.Background()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "p.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := pipeline.New(sqlite.NewArticleService(db), sqlite.NewStoryService(db), input.NewDecoder(), cluster.NewOnline(cluster.DefaultConfig()))
	p.Annotations = sqlite.NewAnnotationService(db)
	articles := demotest.Articles(t)
	recs := func(as []*parallax.Article) []input.Record {
		var out []input.Record
		for _, a := range as {
			out = append(out, input.Record{Origin: a.ExternalID, Article: a})
		}
		return out
	}
	if _, err := p.IngestRecords(ctx, "demo", slices.Values(recs(articles))); err != nil {
		t.Fatal(err)
	}
	cache := sqlite.NewAnalysisService(db)
	l := report.Loader{Stories: sqlite.NewStoryService(db), Articles: sqlite.NewArticleService(db), Annotations: p.Annotations, Cache: cache}
	stories, _, err := l.Stories.FindStories(ctx, parallax.StoryFilter{})
	if err != nil || len(stories) == 0 {
		t.Fatal(err)
	}
	big := stories[0]
	for _, s := range stories {
		if s.Articles > big.Articles {
			big = s
		}
	}
	first, err := l.Load(ctx, big.ID)
	if err != nil {
		t.Fatal(err)
	}
	fp, data, err := cache.FindAnalysis(ctx, big.ID)
	if err != nil || fp == "" || len(data) == 0 {
		t.Fatalf("nothing cached: %q, %v", fp, err)
	}
	// the cached analysis is what a second read uses
	var an compare.Analysis
	json.Unmarshal(data, &an)
	an.Brief = []parallax.BriefSentence{{Text: "FROM THE CACHE", ArticleIDs: []int64{first.Articles[0].ID}}}
	marked, _ := json.Marshal(an)
	if err := cache.PutAnalysis(ctx, big.ID, fp, marked); err != nil {
		t.Fatal(err)
	}
	second, err := l.Load(ctx, big.ID)
	if err != nil || len(second.Brief) != 1 || second.Brief[0].Text != "FROM THE CACHE" {
		t.Fatalf("second read did not use the cache: %+v, %v", second.Brief, err)
	}
	// a new article of the story changes the fingerprint: another outlet's
	// rewrite of one of its articles
	members, _, _ := l.Articles.FindArticles(ctx, parallax.ArticleFilter{StoryID: &big.ID, WithText: true})
	src := members[0]
	line, _ := json.Marshal(map[string]string{"id": "rewrite", "source": "Test Outlet", "title": src.Title + " (update)",
		"text":      src.Text + "\n\nThe outlet added this closing paragraph to its own version of the report.",
		"published": src.Published.Add(time.Hour).Format(time.RFC3339)})
	extra, _, err := input.NewDecoder().DecodeJSON(line)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.IngestRecords(ctx, "extra", slices.Values(recs([]*parallax.Article{extra}))); err != nil {
		t.Fatal(err)
	}
	stored, _, _ := l.Articles.FindArticles(ctx, parallax.ArticleFilter{Keys: []string{extra.Key}})
	if len(stored) != 1 || stored[0].StoryID != big.ID {
		t.Fatalf("the rewrite is not in story %d: %+v", big.ID, stored)
	}
	third, err := l.Load(ctx, big.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(third.Brief) == 0 || strings.Contains(third.Brief[0].Text, "FROM THE CACHE") || len(third.Articles) != len(first.Articles)+1 {
		t.Errorf("after the story grew: %d articles, brief %+v", len(third.Articles), third.Brief)
	}
	if fp2, _, _ := cache.FindAnalysis(ctx, big.ID); fp2 == fp {
		t.Error("the fingerprint did not change")
	}
}
