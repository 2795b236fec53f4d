package server

import (
	"fmt"
	"sort"
	"time"

	"github.com/parallax-news/parallax"
)

// storyView is the story page: the report, each article's outlet for
// citing it by name, and what the page draws from the report.
type storyView struct {
	*parallax.StoryReport
	Outlets  map[int64]string
	Coverage []outletCoverage
	Chart    *timelineChart
	// Counts of claims by status, for the claims table's caption.
	Corroborated, Single, Conflicting int
	// Listed are the articles the page lists, the first maxListed;
	// Unlisted how many more the story has (on the story's article pages).
	Listed   []parallax.ReportArticle
	Unlisted int
	// ClaimRows, QuoteRows and FramingRows are the claims, quotes and
	// outlets the page shows, each with a sample of its sentences.
	ClaimRows   []claimRow
	QuoteRows   []quoteRow
	FramingRows []framingRow
}

// The page shows at most this many claims, quotes with a speaker,
// sentences under one claim or quote, and headlines of one outlet; the
// JSON report has all of them. A story of a thousand articles would
// otherwise list a thousand sentences under each claim, a page of
// megabytes that no one reads.
const (
	maxClaims    = 40
	maxQuotes    = 50
	maxEvidence  = 8
	maxHeadlines = 3
)

// claimRow is a claim with the sentences the page shows for it and how
// many more there are.
type claimRow struct {
	parallax.Claim
	Shown []parallax.Evidence
	More  int
}

type quoteRow struct {
	parallax.ReportQuote
	Shown []parallax.QuoteVariant
	More  int
}

type framingRow struct {
	parallax.OutletFraming
	Shown []string
	More  int
}

// maxListed bounds the articles the story page lists (as the template
// bounds entities to 60, quotes to 50 and claims to 40), so that a story
// of thousands of articles stays a page; the JSON report has everything.
const maxListed = 100

func newStoryView(rep *parallax.StoryReport) storyView {
	v := storyView{StoryReport: rep, Outlets: map[int64]string{}}
	for _, a := range rep.Articles {
		v.Outlets[a.ID] = a.Source
	}
	for _, c := range rep.Claims {
		switch c.Status {
		case parallax.Corroborated:
			v.Corroborated++
		case parallax.Conflicting:
			v.Conflicting++
		default:
			v.Single++
		}
	}
	v.Listed = rep.Articles[:min(len(rep.Articles), maxListed)]
	v.Unlisted = len(rep.Articles) - len(v.Listed)
	for _, c := range rep.Claims[:min(len(rep.Claims), maxClaims)] {
		shown, more := sample(c.Evidence, func(e parallax.Evidence) int64 { return e.ArticleID }, v.Outlets, maxEvidence)
		v.ClaimRows = append(v.ClaimRows, claimRow{c, shown, more})
	}
	for _, q := range rep.Quotes {
		if len(v.QuoteRows) == maxQuotes {
			break
		}
		if q.Speaker == "" {
			continue
		}
		shown, more := sample(q.Variants, func(x parallax.QuoteVariant) int64 { return x.ArticleID }, v.Outlets, maxEvidence)
		v.QuoteRows = append(v.QuoteRows, quoteRow{q, shown, more})
	}
	for _, f := range rep.Framing {
		n := min(len(f.Headlines), maxHeadlines)
		v.FramingRows = append(v.FramingRows, framingRow{f, f.Headlines[:n], len(f.Headlines) - n})
	}
	v.Coverage = coverage(rep, v.Outlets)
	v.Chart = chart(rep.Timeline)
	return v
}

// sample returns at most max of items, in their order, and how many it
// leaves out. It takes the first item of each outlet before a second of
// any, so that a claim made by forty outlets shows eight of them rather
// than eight articles of the first.
func sample[T any](items []T, article func(T) int64, outlets map[int64]string, max int) ([]T, int) {
	if len(items) <= max {
		return items, 0
	}
	take := make([]bool, len(items))
	n := 0
	seen := map[string]bool{}
	for i, it := range items {
		if n == max {
			break
		}
		o, ok := outlets[article(it)]
		if ok && seen[o] {
			continue
		}
		seen[o] = true
		take[i] = true
		n++
	}
	for i := range items {
		if n == max {
			break
		}
		if !take[i] {
			take[i] = true
			n++
		}
	}
	out := make([]T, 0, max)
	for i, it := range items {
		if take[i] {
			out = append(out, it)
		}
	}
	return out, len(items) - max
}

// chip is one citation: an article and its outlet.
type chip struct {
	ID     int64
	Outlet string
}

// chips turns article IDs into citations, one per outlet in order: the
// first article of each outlet stands for it.
func chips(ids []int64, outlets map[int64]string) []chip {
	var out []chip
	seen := map[string]bool{}
	for _, id := range ids {
		o, ok := outlets[id]
		if !ok {
			o = fmt.Sprintf("article %d", id)
		}
		if seen[o] {
			continue
		}
		seen[o] = true
		out = append(out, chip{ID: id, Outlet: o})
	}
	return out
}

// outletCoverage is how much of the story one outlet carries.
type outletCoverage struct {
	Name        string
	Articles    int
	Independent bool
	// Claims is the claims the outlet states, of Total; Pct its share.
	Claims, Total int
	Pct           int
}

func coverage(rep *parallax.StoryReport, outlets map[int64]string) []outletCoverage {
	states := map[string]int{}
	for _, c := range rep.Claims {
		seen := map[string]bool{}
		for _, id := range c.ArticleIDs {
			if o := outlets[id]; !seen[o] {
				seen[o] = true
				states[o]++
			}
		}
	}
	var out []outletCoverage
	for _, s := range rep.Sources {
		c := outletCoverage{Name: s.Name, Articles: s.Articles, Independent: s.Independent,
			Claims: states[s.Name], Total: len(rep.Claims)}
		if c.Total > 0 {
			c.Pct = 100 * c.Claims / c.Total
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Claims > out[j].Claims })
	return out
}

// timelineChart is the story's dated events on one axis, drawn as SVG.
type timelineChart struct {
	Width, Height int
	Points        []chartPoint
	Ticks         []chartTick
	AxisY         int
}

type chartPoint struct {
	X, Y, R    int
	Label      string
	Background bool
	Related    bool
}

type chartTick struct {
	X     int
	Label string
	// Anchor is the SVG text-anchor: the first and last labels align
	// with their ends inside the chart, where centred they were cut off.
	Anchor string
}

const (
	chartWidth  = 640
	chartMargin = 24
)

// chart places the timeline's day-precise (or coarser) dates on a time
// axis; events on one day stack. Background dates far before the story
// would squash the rest, so the axis covers the story's own dates and
// background events are listed, not drawn. It returns nil when fewer
// than two dates can be drawn.
func chart(events []parallax.TimelineEvent) *timelineChart {
	type dated struct {
		t time.Time
		e parallax.TimelineEvent
	}
	var ds []dated
	for _, e := range events {
		if e.Background || len(e.Date) < 4 {
			continue
		}
		t, ok := parseDate(e.Date)
		if !ok {
			continue
		}
		ds = append(ds, dated{t, e})
	}
	if len(ds) < 2 {
		return nil
	}
	lo, hi := ds[0].t, ds[0].t
	for _, d := range ds {
		if d.t.Before(lo) {
			lo = d.t
		}
		if d.t.After(hi) {
			hi = d.t
		}
	}
	span := hi.Sub(lo)
	if span <= 0 {
		return nil
	}
	c := &timelineChart{Width: chartWidth, AxisY: 70}
	x := func(t time.Time) int {
		return chartMargin + int(float64(chartWidth-2*chartMargin)*float64(t.Sub(lo))/float64(span))
	}
	stack := map[int]int{}
	for _, d := range ds {
		px := x(d.t)
		n := stack[px/8]
		stack[px/8]++
		r := min(4+len(d.e.ArticleIDs), 9)
		c.Points = append(c.Points, chartPoint{X: px, Y: c.AxisY - 12 - n*14, R: r,
			Label: d.e.Date + ": " + d.e.Text, Related: d.e.StoryID != 0})
	}
	top := c.AxisY
	for _, p := range c.Points {
		top = min(top, p.Y-p.R)
	}
	// shift down so that the highest stack fits
	if top < 8 {
		for i := range c.Points {
			c.Points[i].Y += 8 - top
		}
		c.AxisY += 8 - top
	}
	c.Height = c.AxisY + 24
	c.Ticks = []chartTick{{x(lo), lo.Format("2 Jan 2006"), "start"}, {x(hi), hi.Format("2 Jan 2006"), "end"}}
	if mid := lo.Add(span / 2); span > 72*time.Hour {
		c.Ticks = append(c.Ticks, chartTick{x(mid), mid.Format("2 Jan"), "middle"})
	}
	return c
}

// parseDate reads the TIMEX-style dates of the timeline: a day (with or
// without a time), a month or a year. Weeks, seasons and other values
// are not drawn.
func parseDate(s string) (time.Time, bool) {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[min(len(s), 10)]
	if layout == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(layout, s[:len(layout)])
	return t, err == nil
}
