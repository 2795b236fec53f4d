package timex

import (
	"strconv"
	"strings"
)

// monthPrefixes place a month before or after the reference: "last May",
// "next January", "this September".
var monthPrefixes = map[string]int{"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}

// yearPrefixes place "year" against the reference: "June last year".
var yearPrefixes = map[string]int{"last": -1, "this": 0, "next": 1}

// calendarDate: "Aug. 7, 1998", "Friday, Aug. 7", "7 August 1998", "the
// 7th of August", "August 1998", "March".
func (p *parser) calendarDate(i int) (expr, bool) {
	e := expr{kind: kAbsolute}
	j := i
	// "last May", "next January", "this September"
	prefix, hasPrefix := monthPrefixes[p.w(j)]
	if hasPrefix {
		if _, ok := p.month(j + 1); !ok {
			return expr{}, false
		}
		j++
	}
	if wd, ok := weekdays[p.w(j)]; ok && !hasPrefix {
		e.weekday = wd
		j++
		if p.w(j) == "," {
			j++
		}
	}
	switch {
	case p.w(j) == "the" && p.isOrdinalOfMonth(j+1):
		e.day, _ = p.dayAt(j + 1)
		e.month, _ = p.month(j + 3)
		j += 4
	default:
		if d, ok := p.dayAt(j); ok && p.toks[j].num {
			if m, ok := p.month(j + 1); ok {
				e.day, e.month = d, m
				j += 2
				break
			}
		}
		m, ok := p.month(j)
		if !ok {
			return expr{}, false
		}
		e.month = m
		j++
		if d, ok := p.dayAt(j); ok && !p.isYearAt(j) {
			e.day = d
			j++
		}
	}
	k := j
	if p.w(k) == "," {
		k++
	}
	if y, ok := p.yearAt(k); ok {
		e.year = y
		j = k + 1
	} else if e.day == 0 && e.weekday != 0 {
		return expr{}, false // "Friday, March": let the weekday rule have it
	}
	// "June last year", "March of next year"
	k = j
	if p.w(k) == "of" {
		k++
	}
	if rel, ok := yearPrefixes[p.w(k)]; ok && e.year == 0 && p.w(k+1) == "year" && !p.refZero {
		e.year, j = p.refYear+rel, k+2
	}
	switch {
	case e.year != 0:
	case hasPrefix && prefix == 0 && !p.refZero:
		e.year = p.refYear
	case hasPrefix:
		e.rel, e.strict = prefix, true
	default:
		e.relTense = true
	}
	e.end = j
	return e, true
}

func (p *parser) isOrdinalOfMonth(j int) bool {
	_, d := p.dayAt(j)
	_, m := p.month(j + 2)
	return d && p.w(j+1) == "of" && m
}

func (p *parser) isYearAt(j int) bool {
	_, ok := p.yearAt(j)
	return ok
}

// numericDate: "1998-08-07", "8/7/1998", "8/7/98", "15/04/2023",
// "15.04.2023".
func (p *parser) numericDate(i int) (expr, bool) {
	if i >= len(p.toks) || !p.toks[i].num {
		return expr{}, false
	}
	w := p.w(i)
	if y, ok := p.yearAt(i); ok && p.toks[i+1:] != nil && i+2 < len(p.toks) && p.toks[i+1].hyphen && p.toks[i+2].hyphen {
		m, err1 := strconv.Atoi(p.w(i + 1))
		d, err2 := strconv.Atoi(p.w(i + 2))
		if err1 == nil && err2 == nil && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return expr{kind: kAbsolute, year: y, month: m, day: d, end: i + 3}, true
		}
	}
	var parts []int
	sep := byte('/')
	if strings.Count(w, ".") == 2 && !strings.Contains(w, "/") {
		sep = '.' // "15.04.2023", as much of Europe writes it
	}
	for _, s := range splitOn(w, sep) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return expr{}, false
		}
		parts = append(parts, n)
	}
	if len(parts) != 3 || sep == '.' && len(splitOn(w, sep)[2]) != 4 {
		return expr{}, false
	}
	if sep == '.' || parts[0] > 12 && parts[1] <= 12 {
		// day first: always with dots, and with slashes where the first
		// number cannot be a month ("15/04/2023")
		parts[0], parts[1] = parts[1], parts[0]
	}
	if parts[0] < 1 || parts[0] > 12 || parts[1] < 1 || parts[1] > 31 {
		return expr{}, false
	}
	y := parts[2]
	switch {
	case y < 100 && y >= 50:
		y += 1900
	case y < 50:
		y += 2000
	case y < 1000:
		return expr{}, false
	}
	return expr{kind: kAbsolute, year: y, month: parts[0], day: parts[1], end: i + 1}, true
}

// splitOn splits w at each sep.
func splitOn(w string, sep byte) []string {
	var out []string
	start := 0
	for k := 0; k < len(w); k++ {
		if w[k] == sep {
			out = append(out, w[start:k])
			start = k + 1
		}
	}
	return append(out, w[start:])
}

// weekdayExpr: "Friday", "last Friday", "Friday morning", "Friday night".
func (p *parser) weekdayExpr(i int) (expr, bool) {
	e := expr{kind: kAbsolute, relTense: true}
	j := i
	switch p.w(j) {
	case "last", "past", "previous":
		e.rel, e.relTense, e.strict = -1, false, true
		j++
	case "next", "coming":
		e.rel, e.relTense, e.strict = 1, false, true
		j++
	case "this":
		e.relTense = true
		j++
	}
	wd, ok := weekdays[p.w(j)]
	if !ok || (len(p.w(j)) <= 3 && p.w(j) != "sat" && p.w(j) != "sun" && !p.hasDot(j)) {
		return expr{}, false
	}
	if (p.w(j) == "sat" || p.w(j) == "sun") && !p.hasDot(j) {
		return expr{}, false
	}
	e.weekday = wd
	j++
	if tod, ok := partsOfDay[p.w(j)]; ok {
		e.tod = tod
		j++
	}
	e.end = j
	return e, true
}

func (p *parser) hasDot(j int) bool {
	t := p.toks[j]
	return t.end < len(p.text) && p.text[t.end-1] == '.'
}

// deictic: "today", "yesterday afternoon", "tomorrow", "tonight", "this
// morning", "last night", "the day before yesterday".
func (p *parser) deictic(i int) (expr, bool) {
	e := expr{kind: kAbsolute, hasRel: true, relUnit: uDay}
	j := i
	switch w := p.w(j); {
	case w == "today":
		j++
	case w == "yesterday":
		e.rel = -1
		j++
	case w == "tomorrow":
		e.rel = 1
		j++
	case w == "tonight":
		e.tod = "NI"
		return e.at(j + 1), true
	case w == "this" && partsOfDay[p.w(j+1)] != "":
		e.tod = partsOfDay[p.w(j+1)]
		return e.at(j + 2), true
	case w == "last" && p.w(j+1) == "night":
		e.rel, e.tod = -1, "NI"
		return e.at(j + 2), true
	case w == "the" && p.w(j+1) == "day" && (p.w(j+2) == "before" || p.w(j+2) == "after") &&
		(p.w(j+3) == "yesterday" || p.w(j+3) == "tomorrow"):
		e.rel = 2
		if p.w(j+3) == "yesterday" {
			e.rel = -2
		}
		return e.at(j + 4), true
	default:
		return expr{}, false
	}
	if tod, ok := partsOfDay[p.w(j)]; ok {
		e.tod = tod
		j++
	}
	return e.at(j), true
}

func (e expr) at(end int) expr {
	e.end = end
	return e
}

// quarterExpr: "the third quarter", "third-quarter", "the fourth quarter
// of 1998", "the latest quarter", "the year-ago quarter", "the first
// half", "Q4 2021".
func (p *parser) quarterExpr(i int) (expr, bool) {
	e := expr{kind: kAbsolute}
	j := i
	if p.w(j) == "the" {
		j++
	}
	if p.w(j) == "fiscal" {
		j++
	}
	// "Q4", "Q4 2021"
	if w := p.w(j); len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' {
		e.quarter, e.end, e.relTense = int(w[1]-'0'), j+1, true
		if y, ok := p.yearAt(j + 1); ok {
			e.year, e.end, e.relTense = y, j+2, false
		}
		return e, true
	}
	// "this year's third quarter", "last year's fourth quarter"
	if rel, ok := yearPrefixes[p.w(j)]; ok && p.w(j+1) == "year" {
		if o, ok := ordinal(p.w(j + 2)); ok && o <= 4 && p.w(j+3) == "quarter" {
			y := 0
			if !p.refZero {
				y = p.refYear + rel
			}
			return expr{kind: kAbsolute, quarter: o, year: y, end: j + 4}, y != 0
		}
	}
	// "the 1988 third quarter", "the 1988 quarter"
	if y, ok := p.yearAt(j); ok && p.w(i) == "the" {
		if o, ok := ordinal(p.w(j + 1)); ok && o <= 4 && p.w(j+2) == "quarter" {
			return expr{kind: kAbsolute, quarter: o, year: y, end: j + 3}, true
		}
		if p.w(j+1) == "quarter" || p.w(j+1) == "period" {
			return expr{kind: kAbsolute, quarter: -1, year: y, discourse: true, end: j + 2}, true
		}
	}
	w := p.w(j)
	var n int
	switch {
	case w == "latest" || w == "last" || w == "same" || w == "recent" || w == "current" || w == "previous":
		e.discourse = true
		if w == "last" || w == "previous" {
			if p.w(j+1) == "quarter" && p.w(i) != "the" {
				e.discourse, e.hasRel, e.rel, e.relUnit = false, true, -1, uQuarter
			}
		}
		if w == "current" {
			e.discourse, e.hasRel, e.relUnit = false, true, uQuarter
		}
		j++
	case w == "year" && (p.w(j+1) == "earlier" || p.w(j+1) == "ago"):
		e.discourse, e.rel, e.relUnit = true, -1, uYear
		j += 2
		if o, ok := ordinal(p.w(j)); ok && o <= 4 && p.w(j+1) == "quarter" {
			// "the year-ago third quarter"
			return expr{kind: kAbsolute, quarter: o, year: p.refYear - 1, end: j + 2}, !p.refZero
		}
	default:
		if o, ok := ordinal(w); ok && o <= 4 {
			n = o
			j++
		}
	}
	switch p.w(j) {
	case "quarter":
		if n == 0 && !e.discourse && !e.hasRel {
			if p.w(i) != "the" {
				return expr{}, false
			}
			e.discourse = true
		}
		e.quarter = n
		if n == 0 {
			e.quarter = -1 // from the discourse or the reference
		}
	case "half":
		if w == "last" && !e.hasRel {
			n, e.discourse = 2, false
		}
		if n == 0 || n > 2 {
			return expr{}, false
		}
		e.half = n
	case "period":
		if !e.discourse || p.w(i) != "the" {
			return expr{}, false
		}
		e.quarter = -1
	default:
		return expr{}, false
	}
	j++
	if n != 0 {
		e.relTense = true
		if p.w(j) == "of" && p.w(j+1) == "the" && p.w(j+2) == "year" {
			j += 3
		}
	}
	return e.at(j), true
}

// seasonExpr: "this summer", "last fall", "the spring of 1998".
func (p *parser) seasonExpr(i int) (expr, bool) {
	e := expr{kind: kAbsolute}
	j := i
	switch p.w(j) {
	case "this":
		j++
	case "the":
		e.relTense = true
		j++
	case "last", "past", "previous":
		e.rel = -1
		j++
	case "next", "coming":
		e.rel = 1
		j++
	default:
		e.relTense = true
	}
	s, ok := seasons[p.w(j)]
	if !ok || (p.w(j) == "fall" && j == i) {
		return expr{}, false
	}
	e.season = s
	return e.at(j + 1), true
}

// decadeExpr: "the 1990s", "1980s", "the '90s", "the nineties".
func (p *parser) decadeExpr(i int) (expr, bool) {
	j := i
	if p.w(j) == "the" {
		j++
	}
	if p.w(j) == "'" && j+2 < len(p.toks) && p.toks[j+1].num && len(p.w(j+1)) == 2 && p.w(j+2) == "s" && p.toks[j+2].glued {
		y, _ := strconv.Atoi(p.w(j + 1))
		return expr{kind: kAbsolute, decade: 190 + y/10, end: j + 3}, true
	}
	if y, ok := p.yearAt(j); ok && y%10 == 0 && p.w(j+1) == "s" && p.toks[j+1].glued {
		return expr{kind: kAbsolute, decade: y / 10, end: j + 2}, true
	}
	// "the 20th century", "the twentieth century"
	if p.w(i) == "the" {
		o, ok := ordinal(p.w(j))
		next := j + 1
		if j+1 < len(p.toks) && p.toks[j].num && p.toks[j+1].glued && ordinalSuffix[p.w(j+1)] {
			o, _ = strconv.Atoi(p.w(j)) // "20" and "th" are two tokens
			ok, next = o > 0, j+2
		}
		if ok && o <= 22 && p.w(next) == "century" {
			return expr{kind: kAbsolute, century: o - 1, end: next + 1}, true
		}
	}
	return expr{}, false
}

// yearExpr: "1998" where the context shows a year, "fiscal 1998".
func (p *parser) yearExpr(i int) (expr, bool) {
	j := i
	fiscal := false
	if p.w(j) == "fiscal" {
		fiscal = true
		j++
		if p.w(j) == "year" {
			j++
		}
	}
	if y, end, ok := p.spokenYear(j); ok {
		return expr{kind: kAbsolute, year: y, end: end}, true
	}
	y, ok := p.yearAt(j)
	if !ok {
		return expr{}, false
	}
	if !fiscal && !p.yearContext(j, y) {
		return expr{}, false
	}
	return expr{kind: kAbsolute, year: y, end: j + 1}, true
}

// yearContext tells a year from another four-digit number: a preposition
// or determiner before it, or punctuation or a possessive after it, and
// no currency sign or unit around it.
func (p *parser) yearContext(j, y int) bool {
	if j > 0 && p.toks[j].glued && (p.w(j-1) == "$" || p.w(j-1) == "£" || p.w(j-1) == "€") {
		return false
	}
	next := p.w(j + 1)
	if next == "%" || next == "percent" {
		return false
	}
	if isPrepOrDet(p.w(j-1)) || p.w(j-1) == "," && (p.isMonthAt(j-2) || p.isYearAt(j-2)) {
		return true
	}
	// "the 1996 Olympic bombing", "its 1990 invasion", "a 1996 law"
	if yearDeterminers[p.w(j-1)] && y >= 1900 && y <= 2099 && !countNoun(next) {
		return true
	}
	if next == "" || next == "." || next == "," || next == ";" || next == ")" || next == "'s" || next == "'" {
		return y >= 1900 && y <= 2100
	}
	return false
}

var yearDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true, "our": true,
	"both": true, "due": true, "for": true, "whose": true, "my": true, "your": true,
}

// countNoun reports a plural noun after a number: "the 2000 troops".
func countNoun(w string) bool {
	switch w {
	case "people", "men", "women", "children", "police", "personnel", "staff":
		return true
	}
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && !unicodeUpperStart(w)
}

func unicodeUpperStart(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func (p *parser) isMonthAt(j int) bool {
	_, ok := p.month(j)
	return ok
}

// spokenYear reads a year as spoken in transcripts: "nineteen ninety-six",
// "nineteen seventy nine", "two thousand", "two thousand and one".
func (p *parser) spokenYear(j int) (int, int, bool) {
	switch {
	case p.w(j) == "nineteen" || p.w(j) == "eighteen":
		century := 1900
		if p.w(j) == "eighteen" {
			century = 1800
		}
		n, ok := cardinal(p.w(j + 1))
		if !ok || n < 10 || n > 99 {
			return 0, 0, false
		}
		end := j + 2
		if n%10 == 0 {
			if o, ok := cardinal(p.w(end)); ok && o > 0 && o < 10 {
				n, end = n+o, end+1
			}
		}
		return century + n, end, true
	case p.w(j) == "two" && p.w(j+1) == "thousand":
		end := j + 2
		if p.w(end) == "and" {
			end++
		}
		if o, ok := cardinal(p.w(end)); ok && o > 0 && o < 100 && p.w(end) != "a" && p.w(end) != "an" {
			return 2000 + o, end + 1, true
		}
		return 2000, j + 2, true
	}
	return 0, 0, false
}
