package compare

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
)

// eventSlots name what a count of people counts, by the words that
// report it: "injuring 14", "17 were hurt", "killed 3", "2 dead".
var eventSlots = map[string]string{
	"injured": "injured", "injuring": "injured", "injure": "injured", "injures": "injured", "injuries": "injured",
	"hurt": "injured", "wounded": "injured", "wounding": "injured", "killed": "killed", "killing": "killed",
	"kills": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed", "fatalities": "killed",
	"missing": "missing", "arrested": "arrested", "arrests": "arrested", "detained": "arrested",
	"evacuated": "evacuated", "displaced": "displaced", "rescued": "rescued", "hospitalised": "hospitalised",
	"hospitalized": "hospitalised",
}

// figure is one article's statement of a count.
type figure struct {
	slot     string
	value    string
	article  int64
	sentence string
}

// figures finds the counts each article gives for event slots: a number
// of people with a reporting word for what happened to them in the same
// clause, within a few words.
func figures(in []Input) []figure {
	var out []figure
	for _, x := range in {
		seen := map[string]bool{}
		for _, n := range x.Annotation.Numbers {
			if n.Unit != "" || n.Value <= 0 || n.Value != float64(int64(n.Value)) {
				continue
			}
			sentence := sentenceOf(x.Annotation, n.Start)
			slot := slotNear(sentence, n.Text)
			if slot == "" {
				continue
			}
			v := strconv.FormatInt(int64(n.Value), 10)
			if seen[slot+v] {
				continue
			}
			seen[slot+v] = true
			out = append(out, figure{slot: slot, value: v, article: x.Article.ID, sentence: sentence})
		}
	}
	return out
}

// slotNear returns the event slot whose word lies within four words of
// the number in the sentence.
func slotNear(sentence, number string) string {
	words := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(sentence, ",", "")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	target := strings.ToLower(strings.ReplaceAll(strings.Fields(number)[0], ",", ""))
	for i, w := range words {
		if w != target {
			continue
		}
		for k := max(0, i-4); k < min(len(words), i+5); k++ {
			if s, ok := eventSlots[words[k]]; ok {
				return s
			}
		}
	}
	return ""
}

// conflicts reports slots given different values by the story's articles,
// each value with its articles and sentences. Values are ordered by how
// many independent outlets give them.
func conflicts(in []Input, figs []figure) []parallax.Conflict {
	bySlot := map[string]map[string][]figure{}
	for _, f := range figs {
		if bySlot[f.slot] == nil {
			bySlot[f.slot] = map[string][]figure{}
		}
		bySlot[f.slot][f.value] = append(bySlot[f.slot][f.value], f)
	}
	outlets := outletsOf(in)
	var slots []string
	for s, values := range bySlot {
		if len(values) > 1 {
			slots = append(slots, s)
		}
	}
	sort.Strings(slots)
	out := []parallax.Conflict{}
	for _, s := range slots {
		c := parallax.Conflict{Slot: "number " + s, Kind: parallax.ConflictValues, Values: []parallax.ConflictValue{}}
		for v, fs := range bySlot[s] {
			cv := parallax.ConflictValue{Value: v, ArticleIDs: []int64{}, Evidence: []parallax.Evidence{}}
			for _, f := range fs {
				cv.ArticleIDs = addID(cv.ArticleIDs, f.article)
				cv.Evidence = append(cv.Evidence, parallax.Evidence{ArticleID: f.article, Sentence: f.sentence})
			}
			cv.ArticleIDs = sortIDs(cv.ArticleIDs)
			c.Values = append(c.Values, cv)
		}
		sort.SliceStable(c.Values, func(i, j int) bool {
			a, b := independent(c.Values[i].ArticleIDs, outlets), independent(c.Values[j].ArticleIDs, outlets)
			if a != b {
				return a > b
			}
			return c.Values[i].Value < c.Values[j].Value
		})
		out = append(out, c)
	}
	return out
}

// vagueWords stand in for a number: "high approval ratings".
var vagueWords = map[string]bool{
	"high": true, "low": true, "strong": true, "weak": true, "record": true, "soaring": true, "sagging": true,
	"many": true, "several": true, "numerous": true, "few": true, "some": true, "dozens": true, "hundreds": true,
	"thousands": true, "large": true, "small": true, "huge": true, "modest": true, "significant": true,
	"substantial": true, "massive": true, "sky-high": true, "solid": true, "robust": true, "rising": true,
	"falling": true, "declining": true,
}

// vagueVsPrecise pairs an amount one article states ("47% approval
// rating") with another article's vague wording of the same thing ("high
// approval ratings"): not a contradiction, but a difference a reader
// should see.
func vagueVsPrecise(in []Input) []parallax.Conflict {
	type precise struct {
		text, sentence string
		article        int64
	}
	byThing := map[string][]precise{}
	var things []string
	for _, x := range in {
		for _, n := range x.Annotation.Numbers {
			if n.Counts == "" || n.Unit != "%" && n.Unit != "" {
				continue
			}
			k := thingKey(n.Counts)
			if k == "" {
				continue
			}
			if _, ok := byThing[k]; !ok {
				things = append(things, k)
			}
			byThing[k] = append(byThing[k], precise{n.Text, sentenceOf(x.Annotation, n.Start), x.Article.ID})
		}
	}
	out := []parallax.Conflict{}
	for _, k := range things {
		ps := byThing[k]
		withNumber := map[int64]bool{}
		for _, p := range ps {
			withNumber[p.article] = true
		}
		c := parallax.Conflict{Slot: k, Kind: parallax.ConflictVagueVsPrecise}
		vague := parallax.ConflictValue{ArticleIDs: []int64{}, Evidence: []parallax.Evidence{}}
		for _, x := range in {
			if withNumber[x.Article.ID] {
				continue
			}
			for _, s := range x.Annotation.Sentences {
				if v := vagueMention(s.Text, k); v != "" {
					if vague.Value == "" {
						vague.Value = v
					}
					vague.ArticleIDs = addID(vague.ArticleIDs, x.Article.ID)
					vague.Evidence = append(vague.Evidence, parallax.Evidence{ArticleID: x.Article.ID, Sentence: s.Text})
					break
				}
			}
		}
		if vague.Value == "" {
			continue
		}
		exact := parallax.ConflictValue{Value: ps[0].text, ArticleIDs: []int64{}, Evidence: []parallax.Evidence{}}
		for _, p := range ps {
			exact.ArticleIDs = addID(exact.ArticleIDs, p.article)
			exact.Evidence = append(exact.Evidence, parallax.Evidence{ArticleID: p.article, Sentence: p.sentence})
		}
		c.Values = []parallax.ConflictValue{exact, vague}
		out = append(out, c)
	}
	return out
}

// thingKey is what an amount counts, stemmed: "approval ratings" →
// "approval rating". Single common words ("people", "years") are too
// general to pair with a vague wording.
func thingKey(counts string) string {
	words := countsWords(counts)
	if len(words) < 2 {
		return ""
	}
	return strings.Join(words, " ")
}

// countsWords splits what an amount counts into lower-case words without
// a plural s: "Approval Ratings" → "approval", "rating".
func countsWords(counts string) []string {
	words := strings.Fields(strings.ToLower(counts))
	for i, w := range words {
		words[i] = strings.TrimSuffix(w, "s")
	}
	return words
}

// vagueMention finds "<vague word> <thing>" in a sentence and returns
// the vague word, or "".
func vagueMention(sentence, thing string) string {
	words := strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	tw := strings.Fields(thing)
	for i := 1; i+len(tw) <= len(words); i++ {
		if !vagueWords[words[i-1]] {
			continue
		}
		match := true
		for k, w := range tw {
			if strings.TrimSuffix(words[i+k], "s") != w {
				match = false
				break
			}
		}
		if match {
			return words[i-1] + " " + strings.Join(words[i:i+len(tw)], " ")
		}
	}
	return ""
}

// placeRE finds a located part: a direction, a part and a landmark, as
// in "the eastern span near Kessel Quay" or "the western approach near
// the rail depot".
var placeRE = regexp.MustCompile(`\b((?:north|south|east|west|northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|upper|lower)\s+[a-z]+)\s+near\s+((?:the\s+[a-z]+(?:\s+[a-z]+)?)|(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))`)

// placeConflicts reports where outlets place the same thing differently:
// located parts whose direction and landmark both differ between
// articles ("eastern span near Kessel Quay" against "western approach
// near the rail depot").
func placeConflicts(in []Input) []parallax.Conflict {
	type place struct {
		value, direction string
		ids              []int64
		ev               []parallax.Evidence
	}
	var places []*place
	index := map[string]*place{}
	for _, x := range in {
		for _, s := range x.Annotation.Sentences {
			for _, m := range placeRE.FindAllStringSubmatch(s.Text, -1) {
				landmark := strings.TrimSuffix(m[2], " collapsed")
				value := strings.ToLower(m[1]) + " near " + landmark
				p, ok := index[strings.ToLower(value)]
				if !ok {
					p = &place{value: value, direction: strings.Fields(strings.ToLower(m[1]))[0]}
					index[strings.ToLower(value)] = p
					places = append(places, p)
				}
				if len(p.ids) == 0 || p.ids[len(p.ids)-1] != x.Article.ID {
					p.ids = append(p.ids, x.Article.ID)
					p.ev = append(p.ev, parallax.Evidence{ArticleID: x.Article.ID, Sentence: s.Text})
				}
			}
		}
	}
	directions := map[string]bool{}
	for _, p := range places {
		directions[p.direction] = true
	}
	if len(directions) < 2 {
		return nil
	}
	c := parallax.Conflict{Slot: "location", Kind: parallax.ConflictValues}
	for _, p := range places {
		c.Values = append(c.Values, parallax.ConflictValue{Value: p.value, ArticleIDs: sortIDs(p.ids), Evidence: p.ev})
	}
	return []parallax.Conflict{c}
}

// genericCounts are things too general to say two amounts measure the
// same one.
var genericCounts = map[string]bool{
	"people": true, "person": true, "time": true, "year": true, "day": true, "month": true, "week": true,
	"hour": true, "minute": true, "percent": true, "per": true, "other": true, "more": true, "one": true,
}

// amount is an amount a sentence gives, keyed by what it measures.
type amount struct {
	key, value, text string
}

// amountsIn returns the amounts of a sentence that measure something
// specific: a unit and what it counts ("75-year-old alliance",
// "approval rating (%)"), or two words of what it counts. Counts of
// people are left to the event slots.
func amountsIn(a analyze.Annotation, s analyze.Span) []amount {
	var out []amount
	for _, n := range a.Numbers {
		if n.Start < s.Start || n.End > s.End || n.Counts == "" {
			continue
		}
		words := countsWords(n.Counts)
		if len(words) == 1 && (n.Unit == "" || genericCounts[words[0]]) {
			continue
		}
		k := strings.Join(words, " ")
		if n.Unit != "" {
			k += " (" + n.Unit + ")"
		}
		out = append(out, amount{key: k, value: strconv.FormatFloat(n.Value, 'f', -1, 64), text: n.Text})
	}
	return out
}

// amountConflicts reports aligned claims whose sentences give different
// amounts of the same thing: "a 47% approval rating" against "a 52%
// approval rating", "the 75-year-old alliance" against "the 66-year-old
// alliance". Only sentences that state the same fact are compared, so
// that a share price in the morning and at the close, or two counts of
// different things, are not taken for a disagreement; a sentence that
// gives two amounts of one thing is a series and is left out.
func amountConflicts(groups []*claimGroup, sts []statement) []parallax.Conflict {
	var out []parallax.Conflict
	for _, g := range groups {
		var vs slotValues
		for _, m := range g.members {
			st := sts[m]
			vals := map[string]string{}
			series := map[string]bool{}
			for _, a := range st.amounts {
				if v, ok := vals[a.key]; ok && v != a.value {
					series[a.key] = true
				}
				vals[a.key] = a.value
			}
			for _, a := range st.amounts {
				if !series[a.key] {
					vs.add(a.key, a.value, a.text, st.article, st.text)
				}
			}
		}
		for _, k := range vs.slots {
			if len(vs.by[k]) < 2 {
				continue
			}
			c := parallax.Conflict{Slot: k, Kind: parallax.ConflictValues}
			for _, x := range vs.by[k] {
				c.Values = append(c.Values, x.conflictValue())
			}
			sortValues(c.Values)
			out = append(out, c)
		}
	}
	return out
}

// slotValues gathers, per slot (a person's title, the amount of a
// thing), the values articles give, in the order slots were first seen.
type slotValues struct {
	slots []string
	by    map[string]map[string]*slotValue
}

// slotValue is one value of a slot, as written first, with the articles
// that give it and a sentence from each.
type slotValue struct {
	text     string
	articles []int64
	ev       []parallax.Evidence
}

// add records that article gives value, written text, for slot in
// sentence; an article counts once per value.
func (vs *slotValues) add(slot, value, text string, article int64, sentence string) {
	if vs.by == nil {
		vs.by = map[string]map[string]*slotValue{}
	}
	if vs.by[slot] == nil {
		vs.by[slot] = map[string]*slotValue{}
		vs.slots = append(vs.slots, slot)
	}
	x := vs.by[slot][value]
	if x == nil {
		x = &slotValue{text: text}
		vs.by[slot][value] = x
	}
	if !slices.Contains(x.articles, article) {
		x.articles = append(x.articles, article)
		x.ev = append(x.ev, parallax.Evidence{ArticleID: article, Sentence: sentence})
	}
}

func (x *slotValue) conflictValue() parallax.ConflictValue {
	return parallax.ConflictValue{Value: x.text, ArticleIDs: sortIDs(append([]int64(nil), x.articles...)), Evidence: x.ev}
}

// sortValues orders a conflict's values by how many articles give each,
// then by value.
func sortValues(vs []parallax.ConflictValue) {
	sort.Slice(vs, func(i, j int) bool {
		if a, b := len(vs[i].ArticleIDs), len(vs[j].ArticleIDs); a != b {
			return a > b
		}
		return vs[i].Value < vs[j].Value
	})
}
