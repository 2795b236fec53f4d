package entity

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Name is an entity's name with its type, as Variants compares them.
type Name struct {
	Text string
	Type string
}

// Variants groups names that spell one entity, across articles: the same
// after folding case, diacritics and doubled letters ("Takaiichi" and
// "Takaichi", "Müller" and "Muller"), or, for people, a surname one edit
// away from another of six letters or more with the same given name, if
// any ("Ilse Vandermeere", "Vandermeer"). A lone surname joins the
// full name it ends. Names of different types never join. It returns
// groups of indexes into names, each sorted, in order of first index.
func Variants(names []Name) [][]int {
	parent := make([]int, len(names))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	keys := make([][]string, len(names))
	for i, n := range names {
		keys[i] = strings.Fields(Fold(n.Text))
	}
	// "Japan Self-Defense Forces" is the "Self-Defense Forces" of another
	// article, unless the names give the rest two states ("Chinese
	// Foreign Ministry", "Japanese Foreign Ministry"): then the bare name
	// could be either
	rests := make([]string, len(names))
	states := map[string]map[string]bool{}
	for i, n := range names {
		if n.Type != Organisation {
			continue
		}
		if state, rest := stateOpening(keys[i]); state != "" {
			rests[i] = rest
			if states[rest] == nil {
				states[rest] = map[string]bool{}
			}
			states[rest][state] = true
		}
	}
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if names[i].Type == names[j].Type && (sameName(keys[i], keys[j], names[i].Type) ||
				stateless(rests[i], keys[j], states) || stateless(rests[j], keys[i], states)) {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range names {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([][]int, 0, len(order))
	for _, r := range order {
		out = append(out, groups[r])
	}
	return out
}

// stateless reports whether key is rest, the name of an organisation
// after the state it opened with, and no other state opens rest.
func stateless(rest string, key []string, states map[string]map[string]bool) bool {
	return rest != "" && len(states[rest]) == 1 && strings.Join(key, " ") == rest
}

// stateOpening returns the state that the folded words of a name open
// with ("japan", "us", "japanese", "united states"), and the rest of the
// name, when the rest has two words or more.
func stateOpening(words []string) (state, rest string) {
	for n := 2; n >= 1; n-- {
		if len(words) < n+2 {
			continue
		}
		if c := foldedStates[strings.Join(words[:n], " ")]; c != "" {
			return c, strings.Join(words[n:], " ")
		}
	}
	return "", ""
}

// foldedStates maps the folded names, other names and demonyms of the
// states to the state.
var foldedStates = func() map[string]string {
	m := map[string]string{}
	for _, c := range countries {
		for _, n := range append(append([]string{c.name}, c.aliases...), c.demonyms...) {
			m[Fold(n)] = c.name
		}
	}
	return m
}()

func sameName(a, b []string, typ string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return true
	}
	if typ != Person {
		return false
	}
	la, lb := a[len(a)-1], b[len(b)-1]
	if la != lb && !(len(la) >= 6 && len(lb) >= 6 && editDistance(la, lb) <= 1) {
		return false
	}
	if len(a) >= 2 && len(b) >= 2 {
		return a[0] == b[0] || editDistance(a[0], b[0]) <= 1 && len(a[0]) >= 5
	}
	return true // a lone surname
}

// TrimPossessive drops a final "'s" or "’s": "Japan's" is "Japan".
func TrimPossessive(s string) string {
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
}

// unaccented returns s without its combining marks: "dusseldorf" for
// "düsseldorf".
func unaccented(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// Fold lowers case, strips diacritics and punctuation, and collapses
// doubled letters, which transliterations add or drop: "Takaiichi" and
// "Takaichi" fold the same, as do "U.S." and "US".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var last rune
	s = strings.ToLower(s)
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if r == last {
				continue
			}
			b.WriteRune(r)
			last = r
		case unicode.IsSpace(r):
			b.WriteRune(' ')
			last = ' '
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// editDistance is the Damerau–Levenshtein distance (optimal string
// alignment) between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
