// Package compare lines up what the articles of one story say: the
// entities they name (spellings joined across outlets), the statements
// they quote (one group per statement, with each outlet's rendering), the
// dates they mention (one timeline event per date, with its sources), the
// claims they make (aligned sentences, corroborated by independent
// outlets or resting on one), the counts they disagree on, and a brief
// made of their own sentences.
// It is pure: articles and their annotations in, report sections out.
package compare

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/analyze/segment"
)

// Input is one article of the story with its annotation.
type Input struct {
	Article    *parallax.Article
	Annotation analyze.Annotation
}

// Version names the comparison's behaviour; cached analyses made by
// another version are computed again. Change it with the code.
const Version = "2026-11-29.1"

// Analysis is what Compare finds, in the story report's types.
type Analysis struct {
	Entities  []parallax.ReportEntity
	Quotes    []parallax.ReportQuote
	Timeline  []parallax.TimelineEvent
	Claims    []parallax.Claim
	Conflicts []parallax.Conflict
	Brief     []parallax.BriefSentence
	Framing   []parallax.OutletFraming
	Actions   []parallax.Action
}

// Compare compares the articles of one story. Articles are taken in
// publication order whatever order they come in.
func Compare(in []Input) Analysis {
	sorted := withoutDatelines(in)
	sort.SliceStable(sorted, func(i, j int) bool { return parallax.ByPublished(sorted[i].Article, sorted[j].Article) })
	ents := entities(sorted)
	figs := figures(sorted)
	confl := conflicts(sorted, figs)
	confl = append(confl, placeConflicts(sorted)...)
	confl = append(confl, speakerConflicts(sorted, ents)...)
	confl = append(confl, titleConflicts(sorted, ents)...)
	confl = append(confl, vagueVsPrecise(sorted)...)
	qs := quotes(sorted, ents)
	confl = append(confl, venueConflicts(sorted, qs)...)
	cl, dated := claims(sorted, figs, confl, qs)
	confl = append(confl, dated...)
	return Analysis{
		Entities:  ents.report,
		Quotes:    qs,
		Timeline:  timeline(sorted),
		Claims:    cl,
		Conflicts: confl,
		Brief:     brief(cl, confl),
		Framing:   framing(sorted, cl),
		Actions:   actions(sorted, ents),
	}
}

// Timeline merges the dates the articles mention; see Compare. The story
// report uses it for the other stories of a storyline.
func Timeline(in []Input) []parallax.TimelineEvent {
	sorted := withoutDatelines(in)
	sort.SliceStable(sorted, func(i, j int) bool { return parallax.ByPublished(sorted[i].Article, sorted[j].Article) })
	return timeline(sorted)
}

// withoutDatelines returns the inputs with the wire datelines cut off
// the sentences that open their first paragraphs (segment.Dateline), so
// that claims, the brief and the timeline quote "Part of a road bridge …
// gave way" rather than "BRENNMOOR, March 2 (Northline Wire) - Part of a
// road bridge … gave way", and align on what the sentences say. A
// dateline is left outside every sentence; sentenceOf gives a position
// in it the sentence that follows. The inputs' own sentences are not
// changed.
func withoutDatelines(in []Input) []Input {
	out := append([]Input(nil), in...)
	for i, x := range out {
		var cut []analyze.Span
		for j, s := range x.Annotation.Sentences[:min(3, len(x.Annotation.Sentences))] {
			if j > 0 && !opensParagraph(x.Annotation.Text, s.Start) {
				continue
			}
			toks := segment.Tokens(s.Text)
			k := segment.Dateline(s.Text, toks)
			if k == 0 {
				continue
			}
			if cut == nil {
				cut = slices.Clone(x.Annotation.Sentences)
			}
			b := toks[k].Start
			cut[j] = analyze.Span{Start: s.Start + utf8.RuneCountInString(s.Text[:b]), End: s.End, Text: s.Text[b:]}
		}
		if cut != nil {
			out[i].Annotation.Sentences = cut
		}
	}
	return out
}

// opensParagraph reports whether the code point at pos in text follows
// a line break, or starts the text.
func opensParagraph(text string, pos int) bool {
	prev := '\n'
	n := 0
	for _, r := range text {
		if n == pos {
			break
		}
		prev = r
		n++
	}
	return n == pos && prev == '\n'
}

// sentenceOf returns the sentence of the annotation that holds the
// code-point offset pos, or the one that follows pos when pos falls
// between sentences (in a dateline, see withoutDatelines).
func sentenceOf(a analyze.Annotation, pos int) string {
	for _, s := range a.Sentences {
		if pos < s.End {
			return s.Text
		}
	}
	return ""
}

func addID(ids []int64, id int64) []int64 {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

func sortIDs(ids []int64) []int64 {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}
