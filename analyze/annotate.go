// Package analyze annotates an article's text with what cross-source
// comparison needs: sentences, entities, quotes with their speakers,
// time expressions and numbers. It runs the segment, entity, quote,
// timex and number packages and publishes their results with Unicode
// code-point offsets into the text exactly as given.
package analyze

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/analyze/entity"
	"github.com/parallax-news/parallax/analyze/number"
	"github.com/parallax-news/parallax/analyze/quote"
	"github.com/parallax-news/parallax/analyze/segment"
	"github.com/parallax-news/parallax/analyze/timex"
)

// Version names the annotator's behaviour. Stored annotations made by
// another version are made again; change it when the output changes.
const Version = "2026-11-29.7"

// Options tell Annotate about the text.
type Options struct {
	// Published is the article's publication time, the reference for
	// "on Monday". When zero, the reference is inferred from the dates the
	// text states.
	Published time.Time
	// Fallback is the reference when neither Published nor the text's
	// own dates give one, such as the date of the story an undated
	// article belongs to. It is reported as inferred.
	Fallback time.Time
	// Language is the ISO 639-1 code of the text. Entities, quotes' cues
	// and time expressions are built for English ("en", or "" for
	// unknown); other languages get sentences, tokens, quotations in
	// marks and numbers.
	Language string
}

// Span is a code-point range with its text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is a named mention, resolved to an entity of the article.
type Entity struct {
	Span
	Type      string `json:"type"`
	EntityID  string `json:"entity_id"`
	Canonical string `json:"canonical"`
	Metonym   bool   `json:"metonym,omitempty"`
	Title     string `json:"title,omitempty"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Span
	EntityID  string `json:"entity_id,omitempty"`
	Canonical string `json:"canonical,omitempty"`
}

// Quote is an attribution: speaker, cue and content.
type Quote struct {
	Speaker Speaker `json:"speaker"`
	Cue     Span    `json:"cue"`
	Content Span    `json:"content"`
	Parts   []Span  `json:"parts,omitempty"`
	Kind    string  `json:"kind"`
	// Learned marks a quote that the quote model found where the rules
	// found none (see analyze/quote).
	Learned bool `json:"learned,omitempty"`
}

// Timex is a normalised time expression.
type Timex struct {
	Span
	Type      string `json:"type"`
	Value     string `json:"value"`
	Precision string `json:"precision,omitempty"`
	Mod       string `json:"mod,omitempty"`
	// Estimated marks a value resolved against an inferred reference
	// date: "last month" in an article whose own date is unknown.
	Estimated bool `json:"estimated,omitempty"`
}

// Number is an amount.
type Number struct {
	Span
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Counts string  `json:"counts,omitempty"`
}

// Reference is the date relative expressions were resolved against.
type Reference struct {
	Date string `json:"date,omitempty"`
	// Inferred is true when the date came from the text, not from the
	// publication date.
	Inferred bool `json:"inferred"`
}

// Annotation is everything Annotate finds.
type Annotation struct {
	Text      string    `json:"text"`
	Language  string    `json:"language"`
	Reference Reference `json:"reference"`
	Sentences []Span    `json:"sentences"`
	Entities  []Entity  `json:"entities"`
	Quotes    []Quote   `json:"quotes"`
	Timexes   []Timex   `json:"timexes"`
	Numbers   []Number  `json:"numbers"`
}

// Annotate annotates text.
func Annotate(text string, opt Options) Annotation {
	a := Annotation{Text: text, Language: opt.Language, Sentences: []Span{}, Entities: []Entity{},
		Quotes: []Quote{}, Timexes: []Timex{}, Numbers: []Number{}}
	cp := newOffsets(text)
	sents := segment.Sentences(text)
	toks := segment.Tokens(text) // split once, for every annotator
	for _, s := range sents {
		a.Sentences = append(a.Sentences, cp.span(s.Start, s.End))
	}
	english := opt.Language == "" || opt.Language == "en"

	ref, inferred := opt.Published, false
	if ref.IsZero() && english {
		ref, inferred = InferReference(text, sents)
	}
	if ref.IsZero() && !opt.Fallback.IsZero() {
		ref, inferred = opt.Fallback, true
	}
	if !ref.IsZero() {
		a.Reference = Reference{Date: ref.Format(time.DateOnly), Inferred: inferred}
	}

	var times []timex.Timex
	if english {
		times = timex.FindTokens(text, toks, ref, sents)
		var alone map[[2]int]string // values without a reference
		if inferred {
			alone = map[[2]int]string{}
			for _, t := range timex.FindTokens(text, toks, time.Time{}, sents) {
				alone[[2]int{t.Start, t.End}] = t.Value
			}
		}
		for _, t := range times {
			x := Timex{Span: cp.span(t.Start, t.End), Type: t.Type, Value: t.Value, Precision: t.Precision, Mod: t.Mod}
			if v, ok := alone[[2]int{t.Start, t.End}]; inferred && (!ok || v != t.Value) {
				x.Estimated = true // "last month" in an undated article
			}
			a.Timexes = append(a.Timexes, x)
		}
	}
	var ents entity.Result
	if english {
		ents = entity.FindTokens(text, toks, sents)
		for _, m := range ents.Mentions {
			e := ents.Entities[m.Entity]
			a.Entities = append(a.Entities, Entity{Span: cp.span(m.Start, m.End), Type: m.Type,
				EntityID: entityID(m.Entity), Canonical: e.Canonical, Metonym: m.Metonym, Title: m.Title})
		}
	}
	var qs []quote.Quote
	if english {
		qs = quote.FindTokens(text, toks, sents)
	} else {
		// the model is English's; of the rules, only quotations in marks
		// hold beyond it
		qs = quote.FindWith(text, toks, sents, nil)
	}
	for _, q := range qs {
		if !english && q.Kind != quote.Direct {
			continue
		}
		out := Quote{Cue: cp.span(q.Cue.Start, q.Cue.End), Content: cp.span(q.Content.Start, q.Content.End), Kind: q.Kind, Learned: q.Learned}
		for _, p := range q.Parts {
			out.Parts = append(out.Parts, cp.span(p.Start, p.End))
		}
		if !q.Speaker.Empty() {
			out.Speaker.Span = cp.span(q.Speaker.Start, q.Speaker.End)
			if english {
				if e := ents.Resolve(text, q.Speaker.Start, q.Speaker.End); e >= 0 {
					out.Speaker.EntityID, out.Speaker.Canonical = entityID(e), ents.Entities[e].Canonical
				}
			}
		}
		a.Quotes = append(a.Quotes, out)
	}
	inTimex := func(start, end int) bool {
		for _, t := range times {
			if start < t.End && t.Start < end {
				return true
			}
		}
		return false
	}
	for _, n := range number.FindTokens(text, toks, inTimex) {
		a.Numbers = append(a.Numbers, Number{Span: cp.span(n.Start, n.End), Value: n.Value, Unit: n.Unit, Counts: n.Counts})
	}
	return a
}

func entityID(i int) string { return "e" + strconv.Itoa(i+1) }

// InferReference infers a reference date for a text without one: the
// latest date it states in full (day, month and year).
func InferReference(text string, sents []segment.Span) (time.Time, bool) {
	var best time.Time
	for _, t := range timex.Find(text, time.Time{}, sents) {
		if t.Precision != timex.Day || len(t.Value) != 10 {
			continue
		}
		d, err := time.Parse(time.DateOnly, t.Value)
		if err == nil && d.After(best) {
			best = d
		}
	}
	return best, !best.IsZero()
}

// offsets converts byte offsets to code-point offsets.
type offsets struct {
	text string
	cp   []int32 // cp[b] for every byte offset b, len(text)+1 entries
}

func newOffsets(text string) offsets {
	cp := make([]int32, len(text)+1)
	var n int32
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			cp[i+k] = n
		}
		i += size
		n++
	}
	cp[len(text)] = n
	return offsets{text: text, cp: cp}
}

func (o offsets) span(start, end int) Span {
	return Span{Start: int(o.cp[start]), End: int(o.cp[end]), Text: o.text[start:end]}
}

// Compact drops the text of the annotation and of every span, leaving
// offsets: what a store needs to keep, since the article's text holds the
// rest. Expand restores it.
func (a *Annotation) Compact() {
	a.Text = ""
	a.each(func(s *Span) { s.Text = "" })
}

// Expand fills the text of a compacted annotation and of its spans from
// the article text the offsets index. Spans outside the text stay empty.
func (a *Annotation) Expand(text string) {
	a.Text = text
	runes := []rune(text)
	a.each(func(s *Span) {
		if s.Start >= 0 && s.Start <= s.End && s.End <= len(runes) {
			s.Text = string(runes[s.Start:s.End])
		}
	})
}

func (a *Annotation) each(fn func(*Span)) {
	for i := range a.Sentences {
		fn(&a.Sentences[i])
	}
	for i := range a.Entities {
		fn(&a.Entities[i].Span)
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		fn(&q.Speaker.Span)
		fn(&q.Cue)
		fn(&q.Content)
		for k := range q.Parts {
			fn(&q.Parts[k])
		}
	}
	for i := range a.Timexes {
		fn(&a.Timexes[i].Span)
	}
	for i := range a.Numbers {
		fn(&a.Numbers[i].Span)
	}
}
