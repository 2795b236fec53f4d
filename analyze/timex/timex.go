// Package timex finds time expressions in English text and normalises
// them to TIMEX3 values (TimeML): dates ("2026-03-05", "2026-W10",
// "2026-Q1", "197" for the 1970s), times ("2026-03-05T14:30"), durations
// ("P3Y", "PT2H", "PXY" for "years"), sets ("P1W" for "weekly") and the
// references PRESENT_REF, PAST_REF and FUTURE_REF.
//
// Relative expressions are resolved against a reference date, normally
// the article's publication date: "on Monday" in a past-tense sentence is
// the Monday before it, in a future-tense one the Monday after. "A year
// earlier" and "the same day" are resolved against the last date the
// text mentioned.
package timex

import (
	"time"

	"github.com/parallax-news/parallax/analyze/segment"
)

// Types of time expressions, as in TimeML.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Precisions of a date or time value.
const (
	Century = "century"
	Decade  = "decade"
	Year    = "year"
	Half    = "half"
	Quarter = "quarter"
	Season  = "season"
	Month   = "month"
	Week    = "week"
	Day     = "day"
	Hour    = "hour"
	Minute  = "minute"
)

// Timex is one time expression. Start and End are byte offsets.
type Timex struct {
	Start, End int
	Text       string
	Type       string
	Value      string
	// Precision is the finest unit the value gives ("day", "month", …),
	// empty for durations, sets and references.
	Precision string
	// Mod qualifies the value: START, MID, END, APPROX, MORE_THAN,
	// LESS_THAN, EQUAL_OR_LESS.
	Mod string
}

// Find returns the time expressions of text, in order, resolved against
// ref. sentences are the text's sentence spans (segment.Sentences); they
// decide the tense that resolves "Monday" or "March". A zero ref leaves
// relative expressions with unknown parts ("XXXX-XX-XX").
func Find(text string, ref time.Time, sentences []segment.Span) []Timex {
	return FindTokens(text, segment.Tokens(text), ref, sentences)
}

// FindTokens is Find on the text's tokens (segment.Tokens), for callers
// that split the text once for several annotators. It leaves toks as
// they are.
func FindTokens(text string, toks []segment.Token, ref time.Time, sentences []segment.Span) []Timex {
	p := newParser(text, toks)
	p.refYear, p.refZero = ref.Year(), ref.IsZero()
	r := &resolver{ref: ref, text: text, toks: p.toks, sentences: sentences}
	var out []Timex
	for i := 0; i < len(p.toks); {
		e, ok := p.longest(i)
		if !ok {
			i++
			continue
		}
		if t, ok := r.resolve(e); ok {
			out = append(out, t)
		}
		i = e.end
	}
	return out
}
