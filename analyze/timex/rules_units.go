package timex

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// unitExpr: a determiner and a unit. "this year", "last week", "next
// month", "the past year" (a duration), "the day" and "that week" (the
// one the text is talking about), "recent years", "the weekend".
func (p *parser) unitExpr(i int) (expr, bool) {
	det := p.w(i)
	j := i + 1
	if det == "the" {
		switch p.w(j) {
		case "past", "last", "next", "coming", "previous", "following", "same", "current", "recent", "latest":
			det = "the " + p.w(j)
			j++
		}
	}
	if det == "the" && p.w(j) == "fiscal" && p.w(j+1) == "year" {
		j++
	}
	if det == "that" && p.w(j) == "same" {
		det, j = "the same", j+1
	}
	u, ok := units[p.w(j)]
	if !ok || p.w(j) == "fortnight" {
		return expr{}, false
	}
	plural := isPlural(p.w(j))
	e := expr{kind: kAbsolute, relUnit: u, hasRel: true, end: j + 1}
	switch {
	case plural && (det == "recent" || det == "the recent" || det == "the past" || det == "past" || det == "the last"):
		return expr{kind: kRef, value: "PAST_REF", end: j + 1}, true
	case plural && (det == "coming" || det == "the coming" || det == "the next" || det == "upcoming"):
		return expr{kind: kRef, value: "FUTURE_REF", end: j + 1}, true
	case plural:
		return expr{}, false
	case det == "this" || det == "current" || det == "the current":
		e.rel = 0
	case det == "last" || det == "previous" || det == "the previous" || det == "past":
		e.rel = -1
	case det == "next" || det == "coming" || det == "the coming" || det == "the following" || det == "following":
		e.rel = 1
	case det == "the past" || det == "the last" || det == "the next":
		return expr{kind: kDuration, count: 1, dunit: u, end: j + 1}, true
	case det == "the same" || det == "that":
		e.hasRel, e.discourse = false, true
	case det == "the":
		if u == uYear || u == uMonth {
			// "the year ended Sept. 30" is a span of a year; "a high for
			// the year" is this year
			switch p.w(j + 1) {
			case "ended", "ending", "through", "to", "before", "after":
				return expr{kind: kDuration, count: 1, dunit: u, end: j + 1}, true
			}
			e.rel = 0
			return e, true
		}
		if u == uWeekend {
			e.hasRel, e.weekend, e.relTense = false, true, true
			return e, true
		}
		if u == uDay || u == uWeek {
			e.hasRel, e.discourse = false, true
			return e, true
		}
		return expr{}, false
	default:
		return expr{}, false
	}
	if u == uWeekend {
		e.relUnit, e.weekend = uWeek, true
	}
	if u == uQuarter && e.hasRel {
		e.quarter = -1
	}
	return e, true
}

// countExpr: a number of units. "three years" (P3Y), "a 10-year plan"
// (P10Y), "several months" (PXM), "two weeks ago", "a year earlier",
// "year-earlier", "the first nine months" (P9M), "for years" (PXY).
func (p *parser) countExpr(i int) (expr, bool) {
	j := i
	the := false
	if p.w(j) == "the" {
		the = true
		j++
		switch p.w(j) {
		case "first", "past", "last", "next", "previous", "coming", "final", "initial", "latest", "following":
			j++
		}
	}
	if p.w(j) == "past" || p.w(j) == "next" || p.w(j) == "last" {
		j++
	}
	n, vagueN, k, ok := p.count(j)
	if !ok {
		// "year-earlier", "year-ago": one unit before.
		if u, ok := units[p.w(j)]; ok && !isPlural(p.w(j)) && j+1 < len(p.toks) && p.toks[j+1].hyphen {
			if d, ok := agoWords[p.w(j+1)]; ok {
				return expr{kind: kShift, count: 1, dunit: u, dir: d, fromRef: p.w(j+1) == "ago", end: j + 2}, true
			}
		}
		// "for years", "months of talks", "the weeks before the vote";
		// "in recent weeks" is handled by unitExpr.
		if u, ok := units[p.w(j)]; ok && isPlural(p.w(j)) && u != uSecond {
			bare := j == i && (bareUnitPreps[p.w(i-1)] || (p.w(j+1) == "of" && p.w(i-1) != "the"))
			framed := the && j == i+1 && (p.w(j+1) == "before" || p.w(j+1) == "after" || p.w(j+1) == "ahead" ||
				p.w(j+1) == "since" || p.w(j+1) == "that" || p.w(j+1) == "leading")
			if bare || framed {
				return expr{kind: kDuration, vagueCnt: true, dunit: u, end: j + 1}, true
			}
		}
		return expr{}, false
	}
	u, ok := units[p.w(k)]
	if !ok || p.isAge(k) || (k == j+1 && p.isYearAt(j) && !strings.Contains(p.w(j), ",") && (u == uSecond || u == uQuarter)) {
		return expr{}, false
	}
	if p.w(k) == "fortnight" {
		n *= 2
	}
	e := expr{kind: kDuration, count: n, vagueCnt: vagueN, dunit: u, end: k + 1}
	if the {
		return e, true
	}
	if d, ok := agoWords[p.w(k+1)]; ok && (p.w(k+1) != "before" && p.w(k+1) != "after" || p.endsClause(k+2)) {
		e.kind, e.dir, e.fromRef, e.end = kShift, d, p.w(k+1) == "ago" || p.w(k+1) == "hence", k+2
	} else if p.w(k+1) == "from" && p.w(k+2) == "now" {
		e.kind, e.dir, e.fromRef, e.end = kShift, 1, true, k+3
	}
	return e, true
}

var bareUnitPreps = map[string]bool{"for": true, "over": true, "within": true, "in": true, "after": true,
	"took": true, "lasted": true, "take": true, "last": true}

// isAge reports "six-year-old" and "the 6-year-old": an age, not a time.
func (p *parser) isAge(k int) bool {
	return k+1 < len(p.toks) && p.toks[k+1].hyphen && p.w(k+1) == "old"
}

// endsClause reports that nothing an anchor could be follows: "two days
// before" ends there, "two days before the vote" does not.
func (p *parser) endsClause(j int) bool {
	w := p.w(j)
	return w == "" || w == "." || w == "," || w == ";" || w == "and" || w == "but"
}

// count reads a number of units at j: "3", "three", "a", "a few",
// "several", "a couple of", "twenty-five". It returns the count, whether
// it is vague, and where the unit should be.
func (p *parser) count(j int) (int, bool, int, bool) {
	w := p.w(j)
	switch {
	case w == "a" && (p.w(j+1) == "few" || p.w(j+1) == "couple"):
		k := j + 2
		if p.w(k) == "of" {
			k++
		}
		if p.w(j+1) == "couple" {
			return 2, false, k, true
		}
		return 0, true, k, true
	case vague[w]:
		return 0, true, j + 1, true
	case w == "half" && (p.w(j+1) == "a" || p.w(j+1) == "an"):
		return 0, false, 0, false
	}
	if j < len(p.toks) && p.toks[j].num {
		n, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		if err != nil {
			return 0, false, 0, false
		}
		return n, false, j + 1, true
	}
	n, ok := cardinal(w)
	if !ok {
		return 0, false, 0, false
	}
	// "twenty five" as two words
	if n >= 20 && n%10 == 0 {
		if o, ok := cardinal(p.w(j + 1)); ok && o > 0 && o < 10 {
			return n + o, false, j + 2, true
		}
	}
	return n, false, j + 1, true
}

// setExpr: "every week", "each year", "every other day", "daily", "twice
// a year".
func (p *parser) setExpr(i int) (expr, bool) {
	w := p.w(i)
	if v, ok := setAdverbs[w]; ok {
		return expr{kind: kSet, value: v, end: i + 1}, true
	}
	if w == "every" || w == "each" {
		j := i + 1
		n := 1
		if p.w(j) == "other" {
			n, j = 2, j+1
		}
		if c, _, k, ok := p.count(j); ok && c > 0 {
			n, j = c, k
		}
		if u, ok := units[p.w(j)]; ok {
			return expr{kind: kSet, value: durationValue(n, false, u), end: j + 1}, true
		}
		if m, ok := p.month(j); ok {
			return expr{kind: kSet, value: fmt.Sprintf("XXXX-%02d", m), end: j + 1}, true
		}
		if _, ok := weekdays[p.w(j)]; ok {
			return expr{kind: kSet, value: "XXXX-WXX-" + strconv.Itoa(isoWeekday(weekdays[p.w(j)])), end: j + 1}, true
		}
		if tod, ok := partsOfDay[p.w(j)]; ok {
			return expr{kind: kSet, value: "TXX" + tod, end: j + 1}, true
		}
		return expr{}, false
	}
	if w == "once" || w == "twice" || (p.w(i+1) == "times" && p.isCardinal(i)) {
		j := i + 1
		if p.w(j) == "times" {
			j++
		}
		if p.w(j) == "a" || p.w(j) == "per" || p.w(j) == "an" {
			if u, ok := units[p.w(j+1)]; ok && !isPlural(p.w(j+1)) {
				return expr{kind: kSet, value: durationValue(1, false, u), end: j + 2}, true
			}
		}
	}
	return expr{}, false
}

func (p *parser) isCardinal(i int) bool {
	_, ok := cardinal(p.w(i))
	return ok
}

// isoWeekday maps weekday+1 (Sunday 1) to ISO (Monday 1, Sunday 7).
func isoWeekday(wd int) int {
	if wd == 1 {
		return 7
	}
	return wd - 1
}

// clockExpr: "2 p.m.", "10:30 a.m. EDT", "14:30", "noon", "midnight".
func (p *parser) clockExpr(i int) (expr, bool) {
	e := expr{kind: kAbsolute, hasClock: true, relTense: false}
	w := p.w(i)
	j := i + 1
	switch {
	case w == "noon" || w == "midday":
		e.hour = 12
	case w == "midnight":
		e.hour = 24
	case i < len(p.toks) && p.toks[i].num:
		h, m, ok := parseClock(w)
		if !ok {
			return expr{}, false
		}
		switch p.w(j) {
		case "am":
			if h == 12 {
				h = 0
			}
			j++
		case "pm":
			if h < 12 {
				h += 12
			}
			j++
		case "o'clock":
			j++
		default:
			if !strings.Contains(w, ":") {
				return expr{}, false
			}
		}
		if h > 24 || m > 59 {
			return expr{}, false
		}
		e.hour, e.minute = h, m
	default:
		return expr{}, false
	}
	if isTimeZone(p.w(j)) {
		j++
	}
	// "5 p.m. EST, Nov. 9"
	k := j
	if p.w(k) == "," || p.w(k) == "on" {
		k++
	}
	if d, ok := p.calendarDate(k); ok && d.day != 0 {
		d.hasClock, d.hour, d.minute = true, e.hour, e.minute
		return d, true
	}
	// "2 p.m. Friday", "noon today"
	if d, ok := p.deictic(j); ok && d.tod == "" {
		e.rel, e.end = d.rel, d.end
		e.hasRel, e.relUnit = true, uDay
		return e, true
	}
	// "10 a.m. Friday", "midnight on Saturday"
	if wd, ok := p.weekdayExpr(k); ok && wd.tod == "" {
		e.weekday, e.rel, e.relTense = wd.weekday, wd.rel, wd.relTense
		return e.at(wd.end), true
	}
	e.hasRel, e.relUnit = true, uDay
	return e.at(j), true
}

func parseClock(w string) (int, int, bool) {
	hs, ms, hasMin := strings.Cut(w, ":")
	h, err := strconv.Atoi(hs)
	if err != nil || len(hs) > 2 {
		return 0, 0, false
	}
	m := 0
	if hasMin {
		if len(ms) != 2 {
			return 0, 0, false
		}
		if m, err = strconv.Atoi(ms); err != nil {
			return 0, 0, false
		}
	}
	return h, m, true
}

func isTimeZone(w string) bool {
	switch w {
	case "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "jst", "et", "pt":
		return true
	}
	return false
}

// refExpr: "now", "currently", "recently", "the past", "the future",
// "these days", "at present".
func (p *parser) refExpr(i int) (expr, bool) {
	w := p.w(i)
	if v, ok := refWords[w]; ok {
		return expr{kind: kRef, value: v, end: i + 1}, true
	}
	switch {
	case w == "the" && p.w(i+1) == "past" && !p.isUnitOrCount(i+2):
		return expr{kind: kRef, value: "PAST_REF", end: i + 2}, true
	case (w == "the" || w == "near") && p.w(i+1) == "future":
		return expr{kind: kRef, value: "FUTURE_REF", end: i + 2}, true
	case w == "in" && p.w(i+1) == "future":
		return expr{kind: kRef, value: "FUTURE_REF", end: i + 2}, true
	case w == "these" && p.w(i+1) == "days":
		return expr{kind: kRef, value: "PRESENT_REF", end: i + 2}, true
	case w == "at" && p.w(i+1) == "present":
		return expr{kind: kRef, value: "PRESENT_REF", end: i + 2}, true
	case w == "the" && p.w(i+1) == "present" && p.endsClause(i+2):
		return expr{kind: kRef, value: "PRESENT_REF", end: i + 2}, true
	}
	return expr{}, false
}

func (p *parser) isUnitOrCount(j int) bool {
	if _, ok := units[p.w(j)]; ok {
		return true
	}
	_, _, _, ok := p.count(j)
	return ok
}

// holidayExpr: "Christmas", "New Year's Day", "Thanksgiving".
func (p *parser) holidayExpr(i int) (expr, bool) {
	for _, h := range holidayWords[p.w(i)] {
		if p.matchWords(i, h.words) {
			return expr{kind: kAbsolute, month: h.md[0], day: h.md[1], relTense: true, end: i + len(h.words)}, true
		}
	}
	if p.w(i) == "thanksgiving" {
		end := i + 1
		if p.w(end) == "day" {
			end++
		}
		return expr{kind: kAbsolute, month: 11, day: -4, relTense: true, end: end}, true
	}
	return expr{}, false
}

type holiday struct {
	words []string
	md    [2]int
}

// holidayWords indexes the holidays by their first word, the longest
// name first: "Christmas Eve" before "Christmas". (In the map's order,
// which varies from run to run, "Christmas Eve" was read as Christmas
// in some runs.)
var holidayWords = func() map[string][]holiday {
	m := map[string][]holiday{}
	for name, md := range holidays {
		w := strings.Fields(name)
		m[w[0]] = append(m[w[0]], holiday{w, md})
	}
	for _, hs := range m {
		sort.Slice(hs, func(a, b int) bool {
			if len(hs[a].words) != len(hs[b].words) {
				return len(hs[a].words) > len(hs[b].words)
			}
			return strings.Join(hs[a].words, " ") < strings.Join(hs[b].words, " ")
		})
	}
	return m
}()

func (p *parser) matchWords(i int, words []string) bool {
	for k, w := range words {
		got := p.w(i + k)
		if got != w && !(strings.HasSuffix(w, "'s") && got+"'s" == w) {
			return false
		}
	}
	return true
}
