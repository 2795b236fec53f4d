package timex

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/analyze/segment"
)

// tok is a token for matching: w is lower case without a trailing dot;
// glued says it follows the previous token with no space or a hyphen.
type tok struct {
	w          string
	start, end int
	num        bool
	glued      bool
	hyphen     bool // joined to the previous token by a hyphen
	poss       bool // had a possessive "'s": "Friday's vote"
}

// kind of a parsed expression, before resolution.
type kind uint8

const (
	kAbsolute kind = iota + 1 // calendar fields, some of them relative to tense
	kShift                    // count units before/after an anchor
	kDuration
	kSet
	kRef
)

// expr is a parsed time expression, token range [start, end).
type expr struct {
	start, end int
	kind       kind

	// calendar fields; zero when absent
	year, month, day, weekday int
	decade, century           int // 199 for the 1990s, 19 for the 20th century
	quarter, half             int
	season, tod               string // SU…, MO…
	hour, minute              int
	hasClock                  bool
	week, weekend             bool
	// relative placement: rel units from the reference (this year: 0;
	// last year: -1) for unit relUnit; tense resolves weekdays and bare
	// months when relTense is set.
	rel      int
	relUnit  unit
	hasRel   bool
	relTense bool
	// strict: "last May" is before the reference's month, never in it;
	// "last Monday" is before the reference's day.
	strict bool
	// discourse: resolved against the last mentioned date.
	discourse bool

	// durations and shifts
	count    int  // 0 with vagueCount means "X"
	vagueCnt bool //
	dunit    unit
	dir      int // for shifts: -1 before, +1 after
	fromRef  bool

	value string // for kSet, kRef and fixed values
	mod   string
}

type parser struct {
	text string
	toks []tok
	// refYear is the reference's year, for "this year's third quarter".
	refYear int
	refZero bool
}

func newParser(text string, toks []segment.Token) *parser {
	p := &parser{text: text, toks: make([]tok, 0, len(toks)+len(toks)/8)}
	prevEnd := -1
	for _, t := range toks {
		raw := text[t.Start:t.End]
		if raw == "-" || raw == "–" {
			prevEnd = -2 // the next token is hyphenated to the previous one
			continue
		}
		if t.Kind == segment.Word && (strings.IndexByte(raw, '-') >= 0 || strings.Contains(raw, "‐")) {
			p.splitHyphenated(raw, t.Start, prevEnd)
			prevEnd = t.End
			continue
		}
		if raw == "." && len(p.toks) > 0 && p.toks[len(p.toks)-1].end == t.Start && isAbbrev(p.toks[len(p.toks)-1].w) {
			p.toks[len(p.toks)-1].end = t.End // "Aug." is one token
			prevEnd = t.End
			continue
		}
		p.add(raw, t.Start, t.End, t.Kind == segment.Number, prevEnd)
		prevEnd = t.End
	}
	return p
}

// isAbbrev reports a short month or weekday name that a dot may follow:
// "Aug.", "Tues.", but not a full name ending a sentence ("last March.").
func isAbbrev(w string) bool {
	switch {
	case len(w) > 5:
		return false
	case w == "march" || w == "april" || w == "may" || w == "june" || w == "july":
		return false
	}
	_, m := months[w]
	_, d := weekdays[w]
	return m || d
}

func (p *parser) add(raw string, start, end int, num bool, prevEnd int) {
	w := strings.ToLower(raw)
	if w != "." && strings.HasSuffix(w, ".") {
		w = strings.TrimSuffix(w, ".")
	}
	switch w {
	case "a.m", "am":
		w = "am"
	case "p.m", "pm":
		w = "pm"
	}
	w = strings.ReplaceAll(w, "’", "'")
	trimmed := strings.TrimSuffix(w, "'s") // "Friday's", "last year's"
	if trimmed != w {
		end -= len(raw) - len(strings.TrimSuffix(strings.TrimSuffix(raw, "'s"), "’s")) // the span stops before "'s"
	}
	p.toks = append(p.toks, tok{w: trimmed, start: start, end: end, num: num,
		glued: prevEnd == start || prevEnd == -2, hyphen: prevEnd == -2, poss: trimmed != w})
}

func (p *parser) splitHyphenated(raw string, start, prevEnd int) {
	off := start
	for i, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == '-' || r == '‐' }) {
		at := strings.Index(p.text[off:], part) + off
		pe := prevEnd
		if i > 0 {
			pe = -2
		}
		isNum := part != "" && unicode.IsDigit(rune(part[0]))
		p.add(part, at, at+len(part), isNum, pe)
		off = at + len(part)
	}
}

// w returns the word at i, or "" past the end.
func (p *parser) w(i int) string { return word(p.toks, i) }

// word returns the word of token i, or "" outside toks.
func word(toks []tok, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].w
}

// rules are tried at each position; the longest match wins, the first
// rule on ties.
var rules = []func(p *parser, i int) (expr, bool){
	(*parser).calendarDate,
	(*parser).numericDate,
	(*parser).weekdayExpr,
	(*parser).deictic,
	(*parser).quarterExpr,
	(*parser).seasonExpr,
	(*parser).decadeExpr,
	(*parser).yearExpr,
	(*parser).unitExpr,
	(*parser).countExpr,
	(*parser).setExpr,
	(*parser).clockExpr,
	(*parser).refExpr,
	(*parser).holidayExpr,
}

// longest returns the longest expression starting at token i, with any
// leading modifier ("early", "the end of", "more than").
func (p *parser) longest(i int) (expr, bool) {
	var best expr
	found := false
	if !p.toks[i].num {
		switch triggers[p.w(i)] {
		case 0:
			return best, false
		case weakTrigger:
			if !p.anchorWithin(i+1, anchorReach) {
				return best, false
			}
		}
	}
	starts, n := p.modStarts(i)
	for _, start := range starts[:n] {
		for _, rule := range rules {
			e, ok := rule(p, start.next)
			if !ok || (found && e.end <= best.end) {
				continue
			}
			e.start = i
			if start.mod != "" {
				e.mod = start.mod
			}
			best, found = e, true
		}
	}
	if found {
		best = p.extend(best)
		// "the end of the year" is a date, not a year's duration.
		if best.kind == kDuration && best.count == 1 && (best.dunit == uYear || best.dunit == uMonth) &&
			(best.mod == "START" || best.mod == "END" || best.mod == "MID") {
			best.kind, best.hasRel, best.relUnit = kAbsolute, true, best.dunit
		}
	}
	return best, found
}

// triggers are the words a time expression can start with; others are
// skipped without trying the rules. A weak trigger ("the", "last",
// "about") starts one only before a strong word: the rules are tried
// there only when one of the next anchorReach tokens is a number, a
// strong trigger or an anchor word ("the end of the year", "at least a
// decade", "in the past"). On 1,307 news texts this finds exactly what
// trying the rules after every weak word found, with four tokens enough.
var triggers = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, table := range []map[string]int{months, weekdays, smallNumbers, ordinals} {
		for w := range table {
			m[w] = strongTrigger
		}
	}
	for w := range units {
		m[w] = strongTrigger
	}
	for _, table := range []map[string]string{partsOfDay, seasons, refWords, setAdverbs} {
		for w := range table {
			m[w] = strongTrigger
		}
	}
	for w := range vague {
		m[w] = weakTrigger
	}
	for _, h := range []string{"christmas", "new", "independence", "halloween", "valentine's", "boxing", "bastille", "thanksgiving"} {
		m[h] = strongTrigger
	}
	for _, w := range strings.Fields("today yesterday tomorrow tonight now fiscal every each once twice noon midnight midday " +
		"future nineteen eighteen two year q1 q2 q3 q4") {
		m[w] = strongTrigger
	}
	for _, w := range strings.Fields("the this that last next past previous coming current recent upcoming early earlier " +
		"late later mid middle about around approximately nearly almost roughly some more over less fewer at up " +
		"in these near ' following same latest final initial end beginning start a an") {
		m[w] = weakTrigger
	}
	return m
}()

const (
	weakTrigger uint8 = iota + 1
	strongTrigger
)

// anchorWords end an expression that a weak trigger starts without
// starting one themselves: "the past", "at present", "the same period".
var anchorWords = map[string]bool{"past": true, "present": true, "period": true}

// anchorReach is how far after a weak trigger a strong word may come.
const anchorReach = 6

// anchorWithin reports whether one of the n tokens from i is a number, a
// strong trigger or an anchor word.
func (p *parser) anchorWithin(i, n int) bool {
	for k := i; k < i+n && k < len(p.toks); k++ {
		if w := p.toks[k].w; p.toks[k].num || triggers[w] == strongTrigger || anchorWords[w] {
			return true
		}
	}
	return false
}

type modStart struct {
	next int
	mod  string
}

// modStarts lists where the core of an expression may begin: at i, or
// after a modifier that belongs to the expression.
func (p *parser) modStarts(i int) ([2]modStart, int) {
	out := [2]modStart{{i, ""}}
	add := func(next int, mod string) ([2]modStart, int) {
		out[1] = modStart{next, mod}
		return out, 2
	}
	w, w1, w2 := p.w(i), p.w(i+1), p.w(i+2)
	switch {
	case w == "early" || w == "earlier":
		return add(i+1, "START")
	case w == "late" || w == "later":
		return add(i+1, "END")
	case w == "mid" || w == "middle":
		return add(i+1, "MID")
	case (w == "the" || w == "this") && w2 == "of" && partMods[w1] != "":
		return add(i+3, partMods[w1])
	case w == "about" || w == "around" || w == "approximately" || w == "nearly" || w == "almost" || w == "roughly" || w == "some":
		return add(i+1, "APPROX")
	case (w == "more" || w == "over") && w1 == "than":
		return add(i+2, "MORE_THAN")
	case (w == "less" || w == "fewer") && w1 == "than":
		return add(i+2, "LESS_THAN")
	case w == "at" && w1 == "least":
		return add(i+2, "EQUAL_OR_MORE")
	case w == "at" && w1 == "most", w == "up" && w1 == "to":
		return add(i+2, "EQUAL_OR_LESS")
	}
	return out, 1
}

// partMods are the parts of a period that "the end of" names, as TIMEX3
// modifiers.
var partMods = map[string]string{"end": "END", "beginning": "START", "start": "START", "middle": "MID"}

// extend adds what may follow any date: "of 1998" or ", 1998" after a
// month or season without a year.
func (p *parser) extend(e expr) expr {
	if e.kind != kAbsolute || e.year != 0 || e.hasRel || (e.month == 0 && e.quarter == 0 && e.half == 0 && e.season == "") {
		return e
	}
	j := e.end
	if p.w(j) == "of" || p.w(j) == "," {
		j++
	}
	if p.w(j) == "fiscal" {
		j++
	}
	if y, ok := p.yearAt(j); ok {
		e.year, e.relTense, e.end = y, false, j+1
	} else if y, end, ok := p.spokenYear(j); ok {
		e.year, e.relTense, e.end = y, false, end
	}
	return e
}

// yearAt reads a four-digit year, 1000 to 2199, at token i.
func (p *parser) yearAt(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) || !p.toks[i].num || len(p.toks[i].w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(p.toks[i].w)
	return y, err == nil && y >= 1000 && y < 2200
}

// dayAt reads a day of the month: "5", "5th", "fifth".
func (p *parser) dayAt(i int) (int, bool) {
	w := p.w(i)
	if i < len(p.toks) && p.toks[i].num && len(w) <= 2 {
		d, _ := strconv.Atoi(w)
		return d, d >= 1 && d <= 31
	}
	if d, ok := ordinal(w); ok && d <= 31 {
		return d, true
	}
	return 0, false
}

func (p *parser) month(i int) (int, bool) {
	m, ok := months[p.w(i)]
	if !ok {
		return 0, false
	}
	w := p.w(i)
	// "Jan Kavan": an abbreviation needs its dot, a day or a year
	if len(w) <= 4 && w != "may" && w != "june" && w != "july" && !p.hasDot(i) && !p.nextIsDayOrYear(i) {
		return 0, false
	}
	// "may" and "march" are also verbs: as months they need a day, a
	// year, or a capital letter.
	if w == "may" || w == "march" || w == "mar" {
		raw := p.text[p.toks[i].start:p.toks[i].end]
		if !unicode.IsUpper(rune(raw[0])) {
			return 0, false
		}
		if w == "may" && !p.nextIsDayOrYear(i) && !isPrepOrDet(p.w(i-1)) {
			return 0, false
		}
	}
	// "the March of the Mothers", "April Fools": a name, not the month.
	if p.w(i+1) == "of" && !p.isYearAt(i+2) && !p.isYearAt(i+3) {
		return 0, false
	}
	return m, true
}

func (p *parser) nextIsDayOrYear(i int) bool {
	_, d := p.dayAt(i + 1)
	_, y := p.yearAt(i + 1)
	return d || y
}

func isPrepOrDet(w string) bool {
	switch w {
	case "in", "since", "until", "till", "by", "from", "through", "to", "of", "during", "before", "after",
		"last", "next", "this", "early", "late", "mid", "end", "and", "or", "between", "that", "each", "every":
		return true
	}
	return false
}
