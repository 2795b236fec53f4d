package compare

import (
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// timeline merges the dates the articles mention into one event per date,
// with the articles that mention it and their sentences. References
// ("now"), durations, sets and dates with unknown parts are left out.
// Dates more than a year before the story's first article are background.
func timeline(in []Input) []parallax.TimelineEvent {
	var first time.Time
	for _, x := range in {
		if p := x.Article.Published; !p.IsZero() && (first.IsZero() || p.Before(first)) {
			first = p
		}
	}
	byDate := map[string]*parallax.TimelineEvent{}
	firm := map[string]bool{} // dates some expression gives without an inferred reference
	var order []string
	for _, x := range in {
		for _, t := range x.Annotation.Timexes {
			if t.Type != "DATE" && t.Type != "TIME" || strings.Contains(t.Value, "X") || strings.HasSuffix(t.Value, "REF") ||
				t.Value == "" || t.Value[0] < '0' || t.Value[0] > '9' {
				continue
			}
			date := t.Value
			if i := strings.IndexByte(date, 'T'); i > 0 {
				date = date[:i] // the day of a time
			}
			e, ok := byDate[date]
			if !ok {
				e = &parallax.TimelineEvent{Date: date, Precision: precisionOf(date, t.Precision),
					ArticleIDs: []int64{}, Evidence: []parallax.Evidence{}}
				byDate[date] = e
				order = append(order, date)
			}
			firm[date] = firm[date] || !t.Estimated
			sentence := sentenceOf(x.Annotation, t.Start)
			if !hasEvidence(e.Evidence, x.Article.ID, sentence) {
				e.Evidence = append(e.Evidence, parallax.Evidence{ArticleID: x.Article.ID, Sentence: sentence})
			}
			e.ArticleIDs = addID(e.ArticleIDs, x.Article.ID)
		}
	}
	out := make([]parallax.TimelineEvent, 0, len(order))
	for _, d := range order {
		e := byDate[d]
		e.ArticleIDs = sortIDs(e.ArticleIDs)
		e.Text = shortest(e.Evidence)
		e.Background = !first.IsZero() && before(d, first.AddDate(-1, 0, 0))
		e.Estimated = !firm[d]
		out = append(out, *e)
	}
	sort.SliceStable(out, func(i, j int) bool { return sortKey(out[i].Date) < sortKey(out[j].Date) })
	return out
}

func hasEvidence(ev []parallax.Evidence, id int64, sentence string) bool {
	for _, e := range ev {
		if e.ArticleID == id && e.Sentence == sentence {
			return true
		}
	}
	return false
}

// shortest is the shortest evidence sentence: the plainest statement of
// what happened that day.
func shortest(ev []parallax.Evidence) string {
	best := ""
	for _, e := range ev {
		if best == "" || len(e.Sentence) < len(best) && e.Sentence != "" {
			best = e.Sentence
		}
	}
	return best
}

func precisionOf(date, given string) string {
	switch {
	case given != "":
		return given
	case len(date) == 4:
		return "year"
	case len(date) == 3:
		return "decade"
	}
	return "day"
}

// sortKey orders TIMEX3 values in time: a decade ("196") or century
// ("19") sorts before the years it holds.
func sortKey(v string) string {
	head := v
	if i := strings.IndexByte(v, '-'); i > 0 {
		head = v[:i]
	}
	return head + strings.Repeat("0", max(0, 4-len(head))) + v[len(head):]
}

// before reports whether a date value ends before t.
func before(v string, t time.Time) bool {
	return sortKey(v) < t.Format("2006-01-02")
}

// AddRelated adds to a story's timeline the dates that only a related
// story (of the same storyline) mentions, marked with that story's ID,
// and keeps the timeline in order. Background dates of the related story
// are left out.
func AddRelated(own []parallax.TimelineEvent, storyID int64, related []parallax.TimelineEvent) []parallax.TimelineEvent {
	have := map[string]bool{}
	for _, e := range own {
		have[e.Date] = true
	}
	for _, e := range related {
		if have[e.Date] || e.Background {
			continue
		}
		have[e.Date] = true
		e.StoryID = storyID
		own = append(own, e)
	}
	sort.SliceStable(own, func(i, j int) bool { return sortKey(own[i].Date) < sortKey(own[j].Date) })
	return own
}
