package compare

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze/entity"
)

// venueRE finds where something was said: a preposition, a determiner,
// up to three modifiers and a venue noun ("on the TV Asahi programme",
// "during a public event", "at a press conference", "in parliament").
var venueRE = regexp.MustCompile(`(?i)\b(?:on|during|at|in|to)\s+(?:(?:a|an|the|her|his|their|its)\s+)?((?:[\p{L}\p{N}'’-]+\s+){0,3}?)(press conference|news conference|programme|program|show|interview|broadcast|podcast|event|rally|speech|ceremony|forum|briefing|conference|meeting|summit|hearing|parliament|diet|congress|senate)s?\b`)

// venueKinds sorts venue nouns into kinds of occasion: a statement made
// in a broadcast interview and one made at a rally are made at different
// occasions, whatever the words.
var venueKinds = map[string]string{
	"programme": "broadcast or interview", "program": "broadcast or interview", "show": "broadcast or interview",
	"interview": "broadcast or interview", "broadcast": "broadcast or interview", "podcast": "broadcast or interview",
	"event": "public event", "rally": "public event", "speech": "public event", "ceremony": "public event",
	"forum":            "public event",
	"press conference": "press conference", "news conference": "press conference", "briefing": "press conference",
	"conference": "press conference",
	// not "session" or "debate": a press session, a televised debate
	"hearing": "legislature", "parliament": "legislature",
	"diet": "legislature", "congress": "legislature", "senate": "legislature",
	"meeting": "meeting", "summit": "meeting",
}

// speechCues mark a sentence that reports speech.
var speechCues = map[string]bool{
	"said": true, "says": true, "say": true, "stated": true, "states": true, "told": true, "tells": true,
	"remarks": true, "remark": true, "statement": true, "statements": true, "comments": true, "comment": true,
	"spoke": true, "speaking": true, "speaks": true, "asked": true, "warned": true, "warns": true, "added": true,
	"answered": true, "explained": true, "declared": true, "announced": true, "pointed": true, "noted": true,
	"repeated": true, "reiterated": true, "insisted": true, "argued": true, "claimed": true, "admitted": true,
	"acknowledged": true, "urged": true, "suggested": true,
}

// referents stand for the speaker in a sentence about their speech.
var referents = map[string]bool{
	"she": true, "he": true, "her": true, "his": true, "statement": true, "remarks": true, "comments": true,
}

// venue is where one article says someone spoke: a venue phrase in a
// sentence that reports speech, with the folded words of the sentence
// and whether a pronoun or "the statement" stands for a speaker there.
type venue struct {
	kind, phrase, sentence string
	words                  map[string]bool
	referent               bool
}

// venueConflicts reports a speaker whose statement, reported by several
// outlets, each outlet places at a different kind of occasion: a
// broadcast interview in one, a public event in another. Only articles
// that share a quoted statement of the speaker are compared, and only
// those that give one kind of occasion, so that a speaker heard at two
// occasions, each reported, is not a conflict.
func venueConflicts(in []Input, qs []parallax.ReportQuote) []parallax.Conflict {
	byID := map[int64]Input{}
	for _, x := range in {
		byID[x.Article.ID] = x
	}
	venues := map[int64][]venue{} // per article, found once
	out := []parallax.Conflict{}
	done := map[string]bool{}
	for _, q := range qs {
		if len(q.ArticleIDs) < 2 || q.Speaker == "" || done[q.Speaker] {
			continue
		}
		names := strings.Fields(entity.Fold(q.Speaker))
		if len(names) == 0 {
			continue
		}
		surname := names[len(names)-1]
		kinds := map[string][]int64{}
		evidence := map[string][]parallax.Evidence{}
		phrases := map[string][]string{}
		for _, id := range q.ArticleIDs {
			all, ok := venues[id]
			if !ok {
				all = venuesIn(byID[id])
				venues[id] = all
			}
			var vs []venue
			for _, v := range all {
				if v.referent || v.words[surname] {
					vs = append(vs, v)
				}
			}
			if len(vs) == 0 {
				continue
			}
			kind := vs[0].kind
			one := true
			for _, v := range vs[1:] {
				one = one && v.kind == kind
			}
			if !one {
				continue
			}
			kinds[kind] = append(kinds[kind], id)
			for _, v := range vs {
				evidence[kind] = append(evidence[kind], parallax.Evidence{ArticleID: id, Sentence: v.sentence})
				if !slices.Contains(phrases[kind], v.phrase) {
					phrases[kind] = append(phrases[kind], v.phrase)
				}
			}
		}
		if len(kinds) < 2 {
			continue
		}
		done[q.Speaker] = true
		c := parallax.Conflict{Slot: "venue of " + q.Speaker + "’s remarks", Kind: parallax.ConflictValues}
		for kind, ids := range kinds {
			value := kind
			if ps := strings.Join(phrases[kind], "; "); ps != kind {
				value += " (" + ps + ")"
			}
			c.Values = append(c.Values, parallax.ConflictValue{Value: value,
				ArticleIDs: sortIDs(ids), Evidence: evidence[kind]})
		}
		sortValues(c.Values)
		out = append(out, c)
	}
	return out
}

// venuesIn finds the venues an article gives for speech: venue phrases in
// sentences with a speech cue.
func venuesIn(x Input) []venue {
	if x.Article == nil {
		return nil
	}
	var out []venue
	for _, s := range x.Annotation.Sentences {
		ws := strings.FieldsFunc(s.Text, func(r rune) bool { return !unicode.IsLetter(r) })
		cue := false
		for _, w := range ws {
			if speechCues[strings.ToLower(w)] {
				cue = true
				break
			}
		}
		if !cue {
			continue
		}
		var words map[string]bool
		referent := false
		for _, m := range venueRE.FindAllStringSubmatchIndex(s.Text, -1) {
			noun := strings.ToLower(s.Text[m[4]:m[5]])
			if noun == "event" && strings.HasPrefix(s.Text[m[1]:], " of") {
				continue // "in the event of an attack"
			}
			if words == nil {
				words = make(map[string]bool, len(ws))
				for _, w := range ws {
					words[entity.Fold(w)] = true
					referent = referent || referents[strings.ToLower(w)]
				}
			}
			phrase := strings.TrimSpace(s.Text[m[2]:m[5]])
			out = append(out, venue{kind: venueKinds[noun], phrase: phrase, sentence: s.Text, words: words, referent: referent})
		}
	}
	return out
}
