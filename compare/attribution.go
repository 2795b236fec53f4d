package compare

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
)

// speakerConflicts reports the same words attributed to different
// people by different outlets: quotes whose contents nearly coincide
// (most words of the shorter in the longer) with known, different
// speakers.
func speakerConflicts(in []Input, ents entityIndex) []parallax.Conflict {
	type said struct {
		speaker, text, sentence string
		article                 int64
		words                   map[string]bool
	}
	var all []said
	for _, x := range in {
		for _, q := range x.Annotation.Quotes {
			sp := ents.name(ents.of[x.Article.ID][q.Speaker.EntityID])
			if q.Speaker.EntityID == "" || sp == "" || q.Learned {
				// (a disagreement on who said it rests on the rules'
				// attributions, not on the model's guesses)
				continue
			}
			text := unquote(q.Content.Text)
			w := contentWords(text)
			if len(w) < 5 {
				continue
			}
			all = append(all, said{sp, text, sentenceOf(x.Annotation, q.Content.Start), x.Article.ID, w})
		}
	}
	out := []parallax.Conflict{}
	seen := map[string]bool{}
	for i, a := range all {
		for _, b := range all[i+1:] {
			if a.article == b.article || a.speaker == b.speaker || containment(a.words, b.words) < 0.8 {
				continue
			}
			key := a.speaker + "|" + b.speaker + "|" + a.text
			if seen[key] {
				continue
			}
			seen[key] = true
			c := parallax.Conflict{Slot: "speaker of “" + shorter(a.text, b.text) + "”", Kind: parallax.ConflictValues}
			for _, s := range []said{a, b} {
				c.Values = append(c.Values, parallax.ConflictValue{Value: s.speaker, ArticleIDs: []int64{s.article},
					Evidence: []parallax.Evidence{{ArticleID: s.article, Sentence: s.sentence}}})
			}
			out = append(out, c)
		}
	}
	return out
}

func containment(a, b map[string]bool) float64 {
	return float64(shared(a, b)) / float64(min(len(a), len(b)))
}

// shared counts the words two sets have in common.
func shared(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

func shorter(a, b string) string {
	if len(b) < len(a) {
		return b
	}
	return a
}

// temporalQualifiers mark a title as held before: "then-U.S.
// Ambassador", "former minister".
var temporalQualifiers = []string{"then-", "then ", "former ", "ex-", "ex ", "outgoing ", "retired ", "incoming ", "acting ", "interim "}

// titleConflicts reports a person given titles by different outlets that
// disagree on when the title was held: "U.S. Ambassador" in one,
// "then-U.S. Ambassador" or "former ambassador" in another.
func titleConflicts(in []Input, ents entityIndex) []parallax.Conflict {
	var titles slotValues
	for _, x := range in {
		for _, e := range x.Annotation.Entities {
			if e.Type != "person" || e.Title == "" {
				continue
			}
			if name := ents.name(ents.of[x.Article.ID][e.EntityID]); name != "" {
				titles.add(name, e.Title, e.Title, x.Article.ID, sentenceOf(x.Annotation, e.Start))
			}
		}
	}
	out := []parallax.Conflict{}
	for _, name := range titles.slots {
		var qualified, plain []*slotValue
		for _, t := range titles.by[name] {
			if qualifier(t.text) != "" {
				qualified = append(qualified, t)
			} else {
				plain = append(plain, t)
			}
		}
		// in the order of their texts, not of the map
		byText := func(a, b *slotValue) int { return strings.Compare(a.text, b.text) }
		slices.SortFunc(qualified, byText)
		slices.SortFunc(plain, byText)
		for _, q := range qualified {
			core := strings.TrimPrefix(strings.ToLower(q.text), qualifier(q.text))
			for _, p := range plain {
				if strings.ToLower(p.text) != core {
					continue
				}
				c := parallax.Conflict{Slot: "title of " + name, Kind: parallax.ConflictValues}
				for _, t := range []*slotValue{p, q} {
					c.Values = append(c.Values, t.conflictValue())
				}
				out = append(out, c)
			}
		}
	}
	return out
}

func qualifier(title string) string {
	lower := strings.ToLower(title)
	for _, q := range temporalQualifiers {
		if strings.HasPrefix(lower, q) {
			return q
		}
	}
	return ""
}
