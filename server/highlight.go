package server

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/analyze"
)

// segment is a run of an article's text with one kind of highlight.
type segment struct {
	Text string
	// Kind is "" (plain), an entity type (person, organisation, place,
	// …), "date" or "number".
	Kind  string
	Title string // what the highlight stands for, shown on hover
	// Quoted marks text inside a quote's content.
	Quoted bool
}

// highlight splits an article's text into paragraphs (at blank lines, as
// parallax.SplitParagraphs does) of segments, marking the annotation's
// entities, time expressions, numbers and quoted content. Offsets are
// code points into text; spans out of range are ignored.
func highlight(text string, ann analyze.Annotation) [][]segment {
	runes := []rune(text)
	kind := make([]string, len(runes))
	title := make([]string, len(runes))
	quoted := make([]bool, len(runes))
	mark := func(s analyze.Span, k, t string) {
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			return
		}
		for i := s.Start; i < s.End; i++ {
			if kind[i] == "" {
				kind[i], title[i] = k, t
			}
		}
	}
	// entities first: a name inside a date or number phrase stays a name
	for _, e := range ann.Entities {
		t := e.Type
		if e.Canonical != "" {
			t = e.Type + ": " + e.Canonical
		}
		mark(e.Span, e.Type, t)
	}
	for _, x := range ann.Timexes {
		mark(x.Span, "date", "date: "+x.Value)
	}
	for _, n := range ann.Numbers {
		mark(n.Span, "number", "number")
	}
	for _, q := range ann.Quotes {
		parts := q.Parts
		if len(parts) == 0 {
			parts = []analyze.Span{q.Content}
		}
		for _, p := range parts {
			if p.Start >= 0 && p.End <= len(runes) {
				for i := p.Start; i < p.End; i++ {
					quoted[i] = true
				}
			}
		}
	}
	var paras [][]segment
	var cur []segment
	flushPara := func() {
		// trim the paragraph's surrounding space, as SplitParagraphs does
		for len(cur) > 0 && strings.TrimSpace(cur[0].Text) == "" {
			cur = cur[1:]
		}
		for len(cur) > 0 && strings.TrimSpace(cur[len(cur)-1].Text) == "" {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			cur[0].Text = strings.TrimLeftFunc(cur[0].Text, unicode.IsSpace)
			cur[len(cur)-1].Text = strings.TrimRightFunc(cur[len(cur)-1].Text, unicode.IsSpace)
			paras = append(paras, cur)
		}
		cur = nil
	}
	start := 0
	emit := func(end int) {
		if end > start {
			cur = append(cur, segment{Text: string(runes[start:end]), Kind: kind[start], Title: title[start], Quoted: quoted[start]})
		}
		start = end
	}
	for i := 0; i < len(runes); i++ {
		if runes[i] == '\n' {
			// a run of line breaks with two or more ends the paragraph
			j, breaks := i, 0
			for j < len(runes) && (runes[j] == '\n' || runes[j] == '\r' || runes[j] == ' ' || runes[j] == '\t') {
				if runes[j] == '\n' {
					breaks++
				}
				j++
			}
			if breaks >= 2 {
				emit(i)
				flushPara()
				start = j
				i = j - 1
				continue
			}
		}
		if i > start && (kind[i] != kind[i-1] || title[i] != title[i-1] || quoted[i] != quoted[i-1]) {
			emit(i)
		}
	}
	emit(len(runes))
	flushPara()
	return paras
}
