// Package report assembles a story's report, the JSON contract of
// DESIGN.md, from its stored parts, and renders it as Markdown. It is pure.
package report

import (
	"sort"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
)

// Articles lists articles as a report does: in publication order.
func Articles(articles []*parallax.Article) []parallax.ReportArticle {
	sorted := append([]*parallax.Article(nil), articles...)
	sort.SliceStable(sorted, func(i, j int) bool { return parallax.ByPublished(sorted[i], sorted[j]) })
	out := make([]parallax.ReportArticle, 0, len(sorted))
	for _, a := range sorted {
		out = append(out, parallax.ReportArticle{
			ID: a.ID, ExternalID: a.ExternalID, Source: a.Source, Title: a.Title, URL: a.URL,
			Published: TimeString(a.Published), PublishedPrecision: a.PublishedPrecision,
			Language: a.Language, DuplicateOf: idPtr(a.DuplicateOf),
		})
	}
	return out
}

// Build assembles the report of story from its articles (in any order),
// the other stories of its storyline, and the comparison of its articles.
// Analysis that is not computed yet shows as empty lists.
func Build(story *parallax.Story, articles []*parallax.Article, storyline []*parallax.Story, an compare.Analysis) *parallax.StoryReport {
	r := &parallax.StoryReport{
		ID:             story.ID,
		Title:          story.Title,
		StorylineID:    story.StorylineID,
		FirstPublished: TimeString(story.FirstPublished),
		LastPublished:  TimeString(story.LastPublished),
		Articles:       Articles(articles),
		Sources:        sources(articles),
		Entities:       orEmpty(an.Entities),
		Quotes:         orEmpty(an.Quotes),
		Timeline:       orEmpty(an.Timeline),
		Claims:         orEmpty(an.Claims),
		Conflicts:      orEmpty(an.Conflicts),
		Brief:          orEmpty(an.Brief),
		Framing:        orEmpty(an.Framing),
		Actions:        orEmpty(an.Actions),
		Related:        []parallax.RelatedStory{},
	}
	for _, s := range storyline {
		if s.ID != story.ID {
			r.Related = append(r.Related, parallax.RelatedStory{ID: s.ID, Title: s.Title, Articles: s.Articles})
		}
	}
	return r
}

// orEmpty returns l, or an empty list for nil: the report shows analysis
// not computed as [], never null.
func orEmpty[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}

// sources counts each outlet's articles. An outlet is independent unless
// every one of its articles duplicates another article.
func sources(articles []*parallax.Article) []parallax.ReportSource {
	index := map[string]int{}
	out := []parallax.ReportSource{}
	for _, a := range articles {
		i, ok := index[a.Source]
		if !ok {
			i = len(out)
			index[a.Source] = i
			out = append(out, parallax.ReportSource{Name: a.Source})
		}
		out[i].Articles++
		if a.DuplicateOf == 0 {
			out[i].Independent = true
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// TimeString formats a time as RFC 3339 for JSON, or nil for the zero time.
func TimeString(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}

func idPtr(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
