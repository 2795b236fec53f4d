// Package entity finds the people, organisations and places an article
// names, and groups their mentions into entities: "Prime Minister Sanae
// Takaichi", "Takaichi", "Ms. Takaichi" and "the prime minister" are one
// person. Capitals used for their governments ("Beijing warned") are
// marked as metonyms. Variants joins spellings of one name across
// articles ("Takaichi", "Takaiichi"). Offsets are byte offsets.
package entity

import (
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/analyze/segment"
)

// Types of entities.
const (
	Person       = "person"
	Organisation = "organisation"
	Place        = "place"
	Other        = "other"
)

// Mention is one naming of an entity in the text.
type Mention struct {
	Start, End int
	Text       string
	Type       string
	// Entity indexes Result.Entities.
	Entity int
	// Title is a title written before a person's name ("Prime Minister").
	Title string
	// Metonym marks a capital named for its government: "Beijing warned".
	Metonym bool
	// Nominal marks a mention by title alone: "the prime minister".
	Nominal bool

	country string // the country a place or a capital denotes
	weak    bool   // kept only if the name recurs
	speaks  bool   // a lone name followed by "said": a person's surname
	// brand marks a demonym standing where an organisation would ("flying
	// on American.", "American pledged"): kept only as the short name of
	// an organisation the text names in full ("American Airlines").
	brand bool
}

// Entity is what several mentions name.
type Entity struct {
	// Canonical is the fullest name the text gives, without a title.
	Canonical string
	Type      string
	Titles    []string
	Mentions  []int
	// Country is the country a place, or a metonym's government, is.
	Country string
}

// Result holds an article's mentions, in text order, and its entities.
type Result struct {
	Mentions []Mention
	Entities []Entity
	// longest is the longest mention, in bytes; byType holds the indices
	// of the mentions of each type, in text order. Both let Resolve
	// search instead of reading every mention.
	longest int
	byType  map[string][]int
}

// Find returns the named mentions of text grouped into entities.
// sentences are the text's sentence spans (segment.Sentences).
func Find(text string, sentences []segment.Span) Result {
	return FindTokens(text, segment.Tokens(text), sentences)
}

// FindTokens is Find on the text's tokens (segment.Tokens), for callers
// that split the text once for several annotators. It leaves toks as
// they are.
func FindTokens(text string, toks []segment.Token, sentences []segment.Span) Result {
	f := newFinder(text, toks, sentences)
	f.names()
	f.nominals()
	return f.group()
}

// Resolve returns the entity a span of text refers to: the entity of a
// mention it overlaps (a person's first, else the last), or for a pronoun or a title ("she", "the
// minister") the last person named before it. It returns -1 when it
// cannot tell.
func (r Result) Resolve(text string, start, end int) int {
	// of the mentions the span overlaps, a person's, else the last: the
	// head of "Chinese UN envoy Fu Cong" is the envoy, not the UN
	found, person := -1, false
	// the mentions in text order that start before end, from the first
	// that may reach start
	hi := sort.Search(len(r.Mentions), func(i int) bool { return r.Mentions[i].Start >= end })
	lo := sort.Search(hi, func(i int) bool { return r.Mentions[i].Start > start-r.longest })
	for _, m := range r.Mentions[lo:hi] {
		if start < m.End && m.Type != Place && m.Entity >= 0 && !(person && m.Type != Person) {
			found, person = m.Entity, m.Type == Person
		}
	}
	if found >= 0 {
		return found
	}
	w := strings.ToLower(strings.TrimSpace(text[start:end]))
	switch w {
	case "he", "him":
		return r.lastPersonBefore(start, "mrs", "ms", "miss", "mme")
	case "she", "her":
		return r.lastPersonBefore(start, "mr")
	case "who", "i":
		return r.lastBefore(start, Person, "")
	case "they", "it", "we":
		return r.lastBefore(start, Organisation, "")
	}
	if t := titleIn(w); t != "" {
		return r.lastBefore(start, Person, t)
	}
	return -1
}

// lastBefore returns the entity of the last mention of type typ before
// pos (with the title, when given).
func (r Result) lastBefore(pos int, typ, title string) int {
	return r.lastWhere(pos, typ, func(e int) bool { return title == "" || hasTitle(r.Entities[e].Titles, title) })
}

// lastPersonBefore is lastBefore for a person, past those titled in a
// way that a pronoun rules out: "she" is not "Mr. Modi".
func (r Result) lastPersonBefore(pos int, notTitles ...string) int {
	return r.lastWhere(pos, Person, func(e int) bool {
		return !slices.ContainsFunc(r.Entities[e].Titles, func(have string) bool {
			return slices.Contains(notTitles, strings.ToLower(strings.TrimSuffix(have, ".")))
		})
	})
}

// lastWhere returns the entity of the last mention of type typ before
// pos whose entity ok accepts, or -1.
func (r Result) lastWhere(pos int, typ string, ok func(e int) bool) int {
	of := r.byType[typ]
	for i := sort.Search(len(of), func(i int) bool { return r.Mentions[of[i]].Start >= pos }) - 1; i >= 0; i-- {
		if e := r.Mentions[of[i]].Entity; ok(e) {
			return e
		}
	}
	return -1
}

func hasTitle(ts []string, t string) bool {
	for _, x := range ts {
		if strings.EqualFold(x, t) || strings.HasSuffix(strings.ToLower(x), " "+t) {
			return true
		}
	}
	return false
}

// titleIn returns the title a phrase like "the prime minister" names.
func titleIn(w string) string {
	w = strings.TrimPrefix(strings.TrimPrefix(w, "the "), "a ")
	for _, t := range titles {
		if w == t {
			return t
		}
	}
	return ""
}

// GovernmentPrefix opens the name of a state's government, which a
// capital named as an actor stands for: "Government of China".
const GovernmentPrefix = "Government of "

// State returns the state that a name stands for when it acts: the
// country of a government ("Government of China") or of a capital
// ("Washington"). Other names are returned as they are.
func State(name string) string {
	if c, ok := strings.CutPrefix(name, GovernmentPrefix); ok {
		return c
	}
	if c := capitalOf[strings.ToLower(name)]; c != "" {
		return c
	}
	return name
}
