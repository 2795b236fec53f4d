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

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
)

// Input is one article of the story with its annotation.
type Input struct {
	Article    *parallax.Article
	Annotation analyze.Annotation
}

// Version names the comparison's behaviour; cached analyses made by
// another version are computed again. Change it with the code.
const Version = "2026-11-27.13"

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
	sorted := append([]Input(nil), in...)
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
	sorted := append([]Input(nil), in...)
	sort.SliceStable(sorted, func(i, j int) bool { return parallax.ByPublished(sorted[i].Article, sorted[j].Article) })
	return timeline(sorted)
}

// sentenceOf returns the sentence of the annotation that holds the
// code-point offset pos.
func sentenceOf(a analyze.Annotation, pos int) string {
	for _, s := range a.Sentences {
		if s.Start <= pos && pos < s.End {
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
