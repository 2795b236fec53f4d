package entity

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/analyze/segment"
)

type finder struct {
	titleCase []bool // in a line that capitalises nearly every word
	text      string
	toks      []segment.Token
	low       []string
	initial   []bool // first token of a sentence
	lowerUse  map[string]bool
	mentions  []Mention
	// labels counts the words in capitals that open a line before a
	// colon, counted on first use (see speakerLabel).
	labels map[string]int
	// capitals holds the words the text capitalises, lower case,
	// gathered on first use (see pluralGroup).
	capitals map[string]bool
	// kinAfter is the token after the last first name found in a list
	// after a word for kin (see kinList), 0 before any.
	kinAfter int
}

// datelineDash reports a dash that ends a dateline.
func datelineDash(w string) bool { return w == "-" || w == "–" || w == "—" || w == "--" }

func newFinder(text string, toks []segment.Token, sentences []segment.Span) *finder {
	f := &finder{text: text, toks: toks, lowerUse: map[string]bool{}}
	f.titleCase = titleCaseLines(text, f.toks)
	f.low = make([]string, len(f.toks))
	f.initial = make([]bool, len(f.toks))
	si := 0
	for i, t := range f.toks {
		raw := t.Text(text)
		f.low[i] = strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
		for si < len(sentences) && t.Start >= sentences[si].End {
			si++
		}
		if si < len(sentences) && t.Start == sentences[si].Start || i > 0 && isOpenPunct(f.low[i-1]) && f.initial[i-1] ||
			i > 1 && datelineDash(f.low[i-1]) && (f.low[i-2] == ")" || segment.UpperWord(toks[i-2].Text(text), 3)) {
			// (and the first word after a dateline: "BRENNMOOR, March 2
			// (Northline Wire) - Part of a road bridge …")
			f.initial[i] = true
		}
		if r, _ := utf8.DecodeRuneInString(raw); unicode.IsLower(r) {
			f.lowerUse[f.low[i]] = true
		}
	}
	return f
}

// titleCaseLines marks the tokens of lines in which nearly every word is
// capitalised, as in headlines, where capitals say nothing about names.
func titleCaseLines(text string, toks []segment.Token) []bool {
	out := make([]bool, len(toks))
	for start := 0; start < len(toks); {
		end := start + 1
		for end < len(toks) && !strings.ContainsRune(text[toks[end-1].End:toks[end].Start], '\n') {
			end++
		}
		markTitleCase(text, toks, start, end, out)
		// a title quoted in a line of prose: "One thought on “Unshakable
		// Alliance: US Reaffirms Support for Japan”"
		for k := start; k < end; k++ {
			if w := text[toks[k].Start:toks[k].End]; w != "“" && w != "\"" {
				continue
			}
			c := k + 1
			for c < end {
				if w := text[toks[c].Start:toks[c].End]; w == "”" || w == "\"" {
					break
				}
				c++
			}
			if c == end {
				break // no quotation closes on this line after k, nor after any later mark
			}
			if c-k > 4 {
				markTitleCase(text, toks, k+1, c, out)
			}
			k = c
		}
		start = end
	}
	return out
}

// markTitleCase marks tokens [start, end) when nearly every word in them
// is capitalised.
func markTitleCase(text string, toks []segment.Token, start, end int, out []bool) {
	words, caps, minor := 0, 0, 0
	for _, t := range toks[start:end] {
		if t.Kind != segment.Word {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(text[t.Start:]); unicode.IsUpper(r) {
			caps++
		} else if connectors[text[t.Start:t.End]] || minorWords[text[t.Start:t.End]] {
			minor++ // "The Weight of Alliance": headings keep these small
		}
	}
	// a short heading ("Export Restrictions", "The Unspoken
	// Questions"): every word but small ones capitalised, no full stop
	last := text[toks[end-1].Start:toks[end-1].End]
	heading := words >= 2 && words < 4 && caps == words-minor && caps >= 2 && last != "." && last != "!" && last != "?"
	if heading || words >= 4 && (caps*10 >= words*8 || minor > 0 && caps == words-minor) {
		for k := start; k < end; k++ {
			out[k] = true
		}
	}
}

// minorWords are written in lower case in title-case headings.
var minorWords = setOf("a", "an", "and", "or", "in", "on", "at", "to", "by", "with", "as", "but", "nor", "vs")

// headlines finds, in title-case lines, the names found elsewhere and
// the names the gazetteers know.
func (f *finder) headlines() {
	known := map[string]Mention{}
	for _, m := range f.mentions {
		if !m.weak {
			known[strings.ToLower(m.Text)] = m
		}
	}
	for i := 0; i < len(f.toks); i++ {
		if !f.titleCase[i] || !f.capital(i) {
			continue
		}
		if f.credited(i) { // a credit line in title case: "(Reporting by Valerie Volcovici; Editing by Will Dunham)"
			j := i + 1
			for j < len(f.toks) && j-i < 4 && f.capital(j) {
				j++
			}
			f.add(i, j, Person, "", "")
			i = j - 1
			continue
		}
		for j := min(len(f.toks), i+5); j > i; j-- {
			if !f.titleCase[j-1] {
				continue
			}
			name := strings.ToLower(TrimPossessive(f.text[f.toks[i].Start:f.toks[j-1].End]))
			if m, ok := known[name]; ok {
				f.add(i, j, m.Type, m.Title, m.country)
				i = j - 1
				break
			}
			if f.known(i, j) {
				f.classify(i, j, "")
				i = j - 1
				break
			}
		}
	}
}

func isOpenPunct(w string) bool {
	return w == "\"" || w == "“" || w == "'" || w == "‘" || w == "(" || w == "«" || w == "—"
}

func (f *finder) w(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.low[i]
}

// capital reports a token that can be part of a name.
func (f *finder) capital(i int) bool {
	if i >= len(f.toks) || f.toks[i].Kind != segment.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f.text[f.toks[i].Start:])
	return unicode.IsUpper(r)
}

// nameParticles open surnames: "de Blasio", "van der Leyen", "bin Laden".
var nameParticles = setOf("de", "van", "von", "di", "da", "du", "le", "la", "al", "bin", "del", "der", "den")

var connectors = setOf("of", "de", "del", "da", "van", "von", "der", "den", "la", "le", "al", "bin", "for", "the", "du", "di")

// names finds runs of capitalised words and splits them into titles,
// demonyms, organisations, people and places.
func (f *finder) names() {
	for i := 0; i < len(f.toks); i++ {
		if !f.capital(i) {
			f.prefixed(i)
			continue
		}
		if f.titleCase[i] {
			continue // headlines capitalise every word; see headlines
		}
		j := i + 1
		for j < len(f.toks) && f.toks[j].Start-f.toks[j-1].End <= 1 && !f.possessive(j-1) &&
			!strings.ContainsRune(f.text[f.toks[j-1].End:f.toks[j].Start], '\n') {
			switch {
			case f.capital(j):
				j++
				continue
			case f.w(j) == "." && f.toks[j].Start == f.toks[j-1].End && (titleAbbrev[f.w(j-1)] || len(f.w(j-1)) == 1) && f.capital(j+1):
				j++
				continue
			case connectors[f.w(j)] && f.capital(j+1) && !f.possessive(j):
				j++
				continue
			case f.w(j) == "on" && f.capital(j+1) && orgWords[f.w(j-1)] && !notNames[f.w(j+1)]:
				j++ // "Commission on Presidential Debates", "Council on Foreign Relations"
				continue
			case connectors[f.w(j)] && (connectors[f.w(j+1)] || f.w(j+1) == "a") && f.capital(j+2) && f.hasOrgWord(i, j):
				j += 2 // "Court of Appeals for the District of Columbia Circuit", "Committee for a Responsible …"
				continue
			case f.w(j) == "of" && f.w(j+1) == "the" && f.capital(j+2) && isTitle(f.phrase(i, j+3)):
				j += 2 // "Speaker of the House Newt Gingrich"
				continue
			case f.w(j) == "to" && titleEnds[f.w(j-1)] && f.capital(j+1):
				j++ // "Ambassador to Japan George Glass"
				continue
			case f.w(j) == "to" && orgWords[f.w(j-1)] && f.capital(j+1) && f.toks[j+1].Kind == segment.Word && !notNames[f.w(j+1)] && !f.known(j+1, j+2):
				j++ // "Alliance to Reclaim Our Schools", "Committee to Protect Journalists"
				continue
			}
			break
		}
		j = f.throughAnd(i, j)
		f.run(i, j)
		i = j - 1
	}
	f.headlines()
	sort.SliceStable(f.mentions, func(a, b int) bool { return f.mentions[a].Start < f.mentions[b].Start })
}

// throughAnd extends the run of capitals [i, j) over "and" and the run
// after it when the acronym in brackets after that spells them both:
// "National Institute of Allergy and Infectious Diseases (NIAID)". It
// returns the run's end.
func (f *finder) throughAnd(i, j int) int {
	if f.w(j) != "and" || !f.capital(j+1) {
		return j
	}
	k := j + 1
	for k < len(f.toks) && (f.capital(k) || connectors[f.w(k)] && f.capital(k+1)) {
		k++
	}
	// an institution's field: "Center for Strategic and International
	// Studies", "Department of Health and Human Services"
	if orgWords[f.w(i)] && (f.w(i+1) == "for" || f.w(i+1) == "of") && j-i >= 3 && k-j <= 4 &&
		!f.known(j+1, k) && !f.known(i+2, j) && titleAt(f, j+1) == j+1 {
		return k
	}
	// fields joined before an organisation word: "Securities and Exchange
	// Commission", "Immigration and Customs Enforcement"
	if k-j <= 4 && (orgWords[f.w(k-1)] || f.w(k-1) == "enforcement") && titleAt(f, j+1) == j+1 && f.fields(i, j) {
		return k
	}
	if f.w(k) != "(" || f.w(k+2) != ")" || k+2 >= len(f.toks) {
		return j
	}
	abbr := f.text[f.toks[k+1].Start:f.toks[k+1].End]
	if !isAcronym(abbr) || acronym(f.text[f.toks[i].Start:f.toks[k-1].End]) != strings.ToLower(abbr) {
		return j
	}
	return k
}

// fields reports a run [i, j) of capitalised common nouns, the fields
// an agency's name joins with "and": "United States Citizenship",
// "Securities", "Immigration" (not a person's name or a place).
func (f *finder) fields(i, j int) bool {
	for i < j && notNames[f.w(i)] {
		i++ // "But the Central and East European Coalition"
	}
	for n := 3; n >= 1; n-- {
		if i+n < j && countryOf[f.phrase(i, i+n)] != "" {
			i += n // the state the agency serves
			break
		}
	}
	for k := i; k < j; k++ {
		if w := f.w(k); !fieldWords[w] && !orgWords[w] && !f.lowerUse[w] {
			return false
		}
	}
	return i < j
}

// fieldWords name what agencies deal with.
var fieldWords = setOf("securities", "exchange", "immigration", "customs", "citizenship", "naturalization",
	"health", "human", "drug", "food", "alcohol", "tobacco", "firearms", "explosives", "fish", "wildlife",
	"science", "sciences", "technology", "trade", "industry", "commerce", "arts", "research",
	"development", "education", "labor", "labour", "energy", "environment", "housing", "urban", "transport",
	"transportation", "agriculture", "fisheries", "forestry", "defense", "defence", "justice", "welfare",
	"economic", "social", "cultural", "foreign", "internal", "home", "veterans", "family", "children",
	"central", "east", "eastern", "west", "western", "north", "northern", "south", "southern")

var titleAbbrev = setOf("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st", "prof", "rev", "adm", "mme", "jr")

func (f *finder) possessive(i int) bool {
	return strings.HasSuffix(f.low[i], "'s") || (f.low[i] != "" && strings.HasSuffix(f.low[i], "s'"))
}

// run handles the capitalised tokens [i, j).
func (f *finder) run(i, j int) {
	// leading words that only start a sentence: "The", "In", "Asked"
	// (but not the first word of an organisation's name: "National Guard
	// members", "International Monetary Fund", where the text also writes
	// "national" and "international")
	for i < j && (notNames[TrimPossessive(f.w(i))] || f.initial[i] && f.lowerUse[f.w(i)] && !f.known(i, i+1) && !(nameParticles[f.w(i)] && i+1 < j) &&
		!(j-i >= 2 && orgWords[f.w(j-1)] && !orgWords[f.w(i)] && titleAt(f, i) == i)) {
		if titleAt(f, i) > i {
			break
		}
		i++
	}
	for i < j && connectors[f.w(i)] && !(nameParticles[f.w(i)] && f.capital(i) && i+1 < j) {
		i++ // (but "De Blasio said": a particle that opens a surname)
	}
	if j == i+1 && f.compound(i) {
		return
	}
	// "the Brussels-based Egmont Foundation": a place, then the name
	if i < j && f.placePrefix(i) {
		if i++; i >= j {
			return // "a Tokyo-born artist"
		}
	}
	if i >= j || titleAt(f, i) == j || isTitle(f.text[f.toks[i].Start:f.toks[j-1].End]) {
		return // a title alone: "Japan's Prime Minister and …"
	}
	// "then-U.S. Ambassador", "Former Ambassador": a title held before
	title, qual := "", ""
	if i > 0 && f.toks[i].Start-f.toks[i-1].End <= 1 {
		if glued, ok := f.qualifier(i - 1); ok {
			// "while then-U.S. Ambassador …", "the former Ambassador …"
			qual = "former "
			if strings.HasPrefix(f.w(i-1), "then") {
				qual = "then-"
			}
			if glued != "" {
				title = qual + glued
			}
		}
	}
	// "then-Secretary of State Hillary Clinton": the title began, glued to
	// its qualifier, before the run
	if i >= 2 && f.w(i-1) == "of" && f.toks[i-1].Start-f.toks[i-2].End <= 1 {
		if glued, ok := f.qualifier(i - 2); ok && glued != "" {
			qual := "former "
			if strings.HasPrefix(f.w(i-2), "then-") {
				qual = "then-"
			}
			for n := min(3, j-i-1); n >= 1; n-- {
				if t := glued + " of " + f.text[f.toks[i].Start:f.toks[i+n-1].End]; isTitle(t) {
					title, i = qual+t, i+n
					break
				}
			}
		}
	}
	if glued, ok := f.qualifier(i); ok {
		qual = "former "
		if strings.HasPrefix(f.w(i), "then-") {
			qual = "then-"
		}
		if glued != "" {
			title = qual + glued
		}
		i++
		if i >= j {
			return
		}
	}
	// a party is an adjective before a name: "Republican Donald Trump",
	// "Democratic Sen. Tim Kaine" (not "Democratic National Committee")
	if partyLabels[f.w(i)] && f.w(i+1) == "of" && j-i >= 3 {
		f.run(i+2, j) // "Democrat of California": the senator's state
		return
	}
	if partyLabels[f.w(i)] && j-i >= 3 && f.capital(i+1) && !f.hasOrgWord(i, j) && !f.known(i, j) {
		i++
	}
	// and after a chamber, before a title: "Senate Republican leader"
	if j-i >= 2 && partyLabels[f.w(j-1)] && orgWords[f.w(j-2)] && titleAt(f, j) > j {
		j--
	}
	// a demonym of two words likewise: "Former Costa Rican president"
	if _, ok := demonymOf[f.phrase(i, i+2)]; ok && j-i >= 2 && !f.known(i, j) && !(j-i >= 3 && orgWords[f.w(j-1)]) {
		if i += 2; i >= j {
			return
		}
	}
	// a demonym is an adjective: "Japanese Prime Minister Sanae Takaichi"
	// (but part of a state's name, "the Czech Republic", and of an
	// organisation's, "Swedish Air Force", "British Medical Journal")
	if _, ok := demonymOf[f.w(i)]; (ok || demonymNouns[f.w(i)]) && !f.known(i, j) && !(countryOf[f.w(i)] == "" && j-i >= 2 && orgWords[f.w(j-1)] && titleAt(f, i+1) == i+1) {
		if ok && countryOf[f.w(i)] == "" && f.brandAt(i, j) {
			f.add(i, i+1, Other, "", "")
			f.mentions[len(f.mentions)-1].brand = true
		}
		if c := countryOf[f.w(i)]; c != "" {
			f.add(i, i+1, Place, "", c) // "U.S." is a name as well: "the U.S. response"
		}
		i++
		if i >= j {
			return
		}
	}
	if k := titleAt(f, i); k > i && !f.hasOrgWord(k, j) && !orgEnds[f.w(j-1)] { // (not "Justice Department", "Envoy Air")
		for titleAt(f, k) > k { // "Deputy Spokesperson Tommy Pigott"
			k = titleAt(f, k)
		}
		if f.w(k) == "to" { // "Ambassador to Japan": the post is part of the title
			for p := min(j-1, k+4); p > k+1; p-- {
				if f.known(k+1, p) {
					f.classify(k+1, p, "") // the place is named too
					k = p
					break
				}
			}
		}
		title = qual + f.text[f.toks[i].Start:f.toks[k-1].End]
		i = k
		for i < j && connectors[f.w(i)] {
			i++
		}
		if i >= j {
			return // a title alone names no one here
		}
	}
	// a title inside the run: "Apple CEO Tim Cook", "New York City Mayor
	// Eric Adams", "Bank of Japan Governor Kazuo Ueda": what comes before
	// the title names its employer or place, what comes after a person
	if title == "" {
		for k := i + 1; k < j-1; k++ {
			e := titleAt(f, k)
			if e == k {
				continue
			}
			for titleAt(f, e) > e {
				e = titleAt(f, e)
			}
			if e < j && j-e <= 4 && !f.hasOrgWord(e, j) && !f.known(e, j) && !connectors[f.w(e)] {
				f.run(i, k)
				f.classify(e, j, f.text[f.toks[k].Start:f.toks[e-1].End])
				return
			}
			break
		}
	}
	// "the WikiLeaks Sony dump": two names the gazetteers know, side by side
	if j-i == 2 && title == "" && f.known(i, i+1) && f.known(i+1, j) && !f.known(i, j) {
		f.classify(i, i+1, "")
		f.classify(i+1, j, "")
		return
	}
	// "Tokyo for China": two places, not one name; "Mayor Ilse
	// Vandermeer of Brennmoor": a person and a place
	for k := i + 1; k < j-1; k++ {
		if connectors[f.w(k)] && (f.known(i, k) || f.w(k) == "of" && (title != "" || f.personOf(i, k, j))) && !f.hasOrgWord(i, j) {
			f.classify(i, k, title)
			f.run(k+1, j)
			return
		}
	}
	// an organisation word followed by more name: "the Liberal Democratic
	// Party Sanae Takaichi"
	for k := i; k < j-1; k++ {
		if connectors[f.w(k)] || f.w(k) == "to" {
			break // "Annenberg Institute for School Reform": a field, not a person, after the organisation word
		}
		if orgWords[f.w(k)] && f.capital(k+1) && !connectors[f.w(k+1)] && k > i && !orgWords[f.w(j-1)] && !f.hasOrgWord(k+1, j) {
			// (not "Christian News Service", "State Department Refugee
			// Processing Center": an organisation's name to its end; nor
			// "Wayne State University School of Medicine": a part of the
			// organisation named after it)
			f.classify(i, k+1, "")
			f.run(k+1, j)
			return
		}
	}
	f.classify(i, j, title)
}

// qualifier reports whether token k marks a title as held before
// ("former", "then-U.S.", "ex-Mayor"), and returns a title glued to it:
// "Mayor" in "then-Mayor Ilse Vandermeer".
func (f *finder) qualifier(k int) (glued string, ok bool) {
	if w := f.w(k); !strings.HasPrefix(w, "then-") && !strings.HasPrefix(w, "ex-") && !formerWords[w] {
		return "", false
	}
	tok := f.text[f.toks[k].Start:f.toks[k].End]
	if h := strings.IndexByte(tok, '-'); h >= 0 && isTitle(tok[h+1:]) {
		return tok[h+1:], true
	}
	return "", true
}

// compound records the places of a hyphenated pair ("the Japan-U.S.
// alliance", "US-China talks") as two mentions, and reports whether
// token i was one.
func (f *finder) compound(i int) bool {
	t := f.toks[i]
	word := f.text[t.Start:t.End]
	left, right, ok := strings.Cut(word, "-")
	if !ok || strings.Contains(right, "-") {
		return false
	}
	right = TrimPossessive(right)
	lc, rc := f.placeCountry(left), f.placeCountry(right)
	if lc == "" || rc == "" {
		return false
	}
	f.mentions = append(f.mentions,
		Mention{Start: t.Start, End: t.Start + len(left), Text: left, Type: Place, country: lc},
		Mention{Start: t.Start + len(left) + 1, End: t.Start + len(left) + 1 + len(right), Text: right, Type: Place, country: rc})
	return true
}

// placePrefix records the place of a token such as "Brussels-based" or
// "Tokyo-born" as a mention of its own, and reports whether it did.
func (f *finder) placePrefix(i int) bool {
	t := f.toks[i]
	word := f.text[t.Start:t.End]
	h := strings.LastIndexByte(word, '-')
	if h <= 0 || !placeSuffixes[strings.ToLower(word[h+1:])] {
		return false
	}
	place := word[:h]
	c := f.placeCountry(place)
	if c == "" && !placeSet[strings.ToLower(place)] {
		return false
	}
	f.mentions = append(f.mentions, Mention{Start: t.Start, End: t.Start + h, Text: place, Type: Place, country: c})
	return true
}

// prefixed records the name in a token such as "anti-NATO",
// "pro-Moscow" or "post-CNN": a prefix in lower case, a hyphen, and an
// organisation, a state or a capital the gazetteers know, or an acronym.
func (f *finder) prefixed(i int) {
	t := f.toks[i]
	if t.Kind != segment.Word {
		return
	}
	prefix, name, ok := strings.Cut(f.text[t.Start:t.End], "-")
	if !ok || !namePrefixes[prefix] || name == "" || strings.Contains(name, "-") {
		return
	}
	name = TrimPossessive(name)
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		return
	}
	lower := strings.ToLower(name)
	m := Mention{Start: t.Start + len(prefix) + 1, Text: name}
	m.End = m.Start + len(name)
	switch {
	case knownOrgs[lower] || isAcronym(name) && countryOf[lower] == "" && !nounAcronyms[lower]:
		m.Type = Organisation
	case countryOf[lower] != "":
		m.Type, m.country = Place, countryOf[lower]
	case capitalOf[lower] != "":
		m.Type, m.country, m.Metonym = Organisation, capitalOf[lower], true // "pro-Moscow advisers"
	default:
		return
	}
	f.mentions = append(f.mentions, m)
}

// namePrefixes come before a name with a hyphen: "anti-NATO".
var namePrefixes = setOf("anti", "pro", "post", "pre", "non", "ex", "mid", "trans", "pan")

// placeSuffixes follow a place in a hyphenated adjective.
var placeSuffixes = setOf("based", "born", "headquartered", "area", "bound")

// placeCountry returns the country of a country's or capital's name, or
// "".
func (f *finder) placeCountry(name string) string {
	name = strings.ToLower(name)
	for _, n := range []string{name, name + ".", strings.ReplaceAll(name, ".", "")} { // "U.S" before its full stop
		if c := countryOf[n]; c != "" {
			return c
		}
	}
	return capitalOf[name]
}

// partyLabels name a party's member before the name.
var partyLabels = setOf("republican", "democrat", "democratic", "gop", "labour", "tory", "conservative")

// formerWords before a title say it is no longer held.
var formerWords = setOf("former", "ex", "then", "outgoing", "retired")

// titleWords indexes the titles, split into words, by their first word.
var titleWords = func() map[string][][]string {
	m := map[string][][]string{}
	for _, t := range titles {
		w := strings.Fields(t)
		m[w[0]] = append(m[w[0]], w)
	}
	return m
}()

func isTitle(s string) bool {
	s = strings.ToLower(strings.ReplaceAll(s, ".", ""))
	for _, t := range titles {
		if s == t {
			return true
		}
	}
	return false
}

// titleEnds holds the last words of titles.
var titleEnds = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range titles {
		w := strings.Fields(t)
		m[w[len(w)-1]] = true
	}
	return m
}()

// titleAt returns the end of a title starting at token i, or i.
func titleAt(f *finder, i int) int {
	best := i
	for _, words := range titleWords[f.w(i)] {
		k, ok := i, true
		for _, w := range words {
			if f.w(k) != w {
				ok = false
				break
			}
			k++
			if f.w(k) == "." {
				k++
			}
		}
		if ok && k > best && (f.capital(k) || f.w(k) == "to" && f.capital(k+1)) {
			best = k
		}
	}
	return best
}

// placeHead reports a name [i, j) that opens with a place of two words
// or more the gazetteers know, and goes on: "Costa Rica Civil Aviation
// said" is no person, though "Costa" is a first name.
func (f *finder) placeHead(i, j int) bool {
	for n := 2; n <= 3 && i+n < j; n++ {
		if f.known(i, i+n) {
			return true
		}
	}
	return false
}

// known reports a name the gazetteers list.
func (f *finder) known(i, j int) bool {
	name := strings.ToLower(f.text[f.toks[i].Start:f.toks[j-1].End])
	name = TrimPossessive(name) // "China’s Taiwan Flashpoint"
	_, c := countryOf[name]
	_, p := placeSet[name]
	_, k := capitalOf[name]
	return c || p || k || knownOrgs[name]
}

// classify types the name [i, j) and records it.
func (f *finder) classify(i, j int, title string) {
	name := strings.ToLower(f.text[f.toks[i].Start:f.toks[j-1].End])
	name = TrimPossessive(name)
	switch {
	case title != "":
		f.add(i, j, Person, title, "")
	case j-i >= 3 && facilityWords[f.w(j-1)]:
		f.add(i, j, Place, "", "") // "Bank of America Stadium"
	case knownOrgs[name] || f.hasOrgWord(i, j) && j-i > 1 && !placeSet[name]: // (not "Soviet Union")
		f.add(i, j, Organisation, "", "")
	case f.team(i, j):
		f.add(i, j, Organisation, "", "")
	case j == i+1 && f.webDomain(j):
		f.add(i, j+2, Organisation, "", "") // "Cincinnati.com reported"
	case countryOf[name] != "":
		f.add(i, j, Place, "", countryOf[name])
	case placeSet[name] || j-i >= 2 && placeWords[f.w(j-1)]:
		f.add(i, j, Place, "", "")
	case j-i >= 2 && f.w(i) == "fort" && !f.hasOrgWord(i, j):
		f.add(i, j, Place, "", "") // "Fort Hood", "Fort Lauderdale"
	case citySet[name] && f.cityContext(i, j):
		f.add(i, j, Place, "", "") // "in Dortmund", "Surat, India"
	case capitalOf[name] != "":
		f.add(i, j, Place, "", capitalOf[name])
	case f.w(i-1) == "," && f.stateAbbrevEnd(i) >= j && f.capital(i-2):
		f.add(i, f.stateAbbrevEnd(i), Place, "", "") // "Wash." in "Everett, Wash."
	case f.w(j) == "," && f.stateAbbrevEnd(j+1) > j+1:
		f.add(i, j, Place, "", "") // "Everett" in "Everett, Wash."
	case stateAbbreviations[name] && strings.Count(name, ".") >= 2:
		f.add(i, j, Place, "", "") // "N.Y.", "D.C."
	case localityNouns[f.w(j)]:
		f.add(i, j, Place, "", "") // "the Chelsea neighborhood"
	case f.dateline(i, j):
		f.add(i, j, Place, "", "") // "CHARLOTTE - Nearly a week after …"
	case j == i+1 && f.speakerLabel(i) && !knownOrgs[name]:
		f.add(i, j, Person, "", "") // a speaker in a transcript: "WALLACE: Let's start …"
	case isAcronym(TrimPossessive(f.text[f.toks[i].Start:f.toks[j-1].End])) && !nounAcronyms[name] &&
		!(j == i+1 && f.lowerUse[name]),
		j-i == 2 && isAcronym(f.text[f.toks[i].Start:f.toks[i].End]) && countryOf[f.w(i)] == "" && !nounAcronyms[f.w(i)] && f.known(i+1, j):
		// "RT's", and a network's edition for a place: "RT America"
		f.add(i, j, Organisation, "", "")
	case j-i <= 4 && f.credited(i):
		f.add(i, j, Person, "", "") // "(Reporting by Valerie Volcovici; Editing by Will Dunham)"
	case j-i >= 2 && j-i <= 4 && f.says(i, j) && !f.placeHead(i, j):
		f.add(i, j, Person, "", "") // "Sanae Takaichi said"
	case j-i >= 2 && j-i <= 4 && f.titleAppositive(i) != "":
		f.add(i, j, Person, f.titleAppositive(i), "") // "Japan's Ambassador to the U.S., Shigeo Yamada,"
	case j-i >= 2 && j-i <= 4 && f.titleAfter(j) != "":
		f.add(i, j, Person, f.titleAfter(j), "") // "Christine Lagarde, the bank's president,"
	case j-i >= 1 && j-i <= 4 && f.titleBefore(i) != "":
		f.add(i, j, Person, f.titleBefore(i), "") // "retired judge Harriet Osei"
	case j-i >= 2 && j-i <= 4 && f.ageAfter(j) && !f.known(i, j):
		f.add(i, j, Person, "", "") // "Quina Jones, 25, said"
	case j == i+1 && strings.TrimSuffix(f.w(j), "'s") == "administration" && !f.known(i, j):
		f.add(i, j, Person, "", "") // "the Obama administration"
	case j-i <= 4 && (orgRoleNouns[f.w(i-1)] && !f.capital(i-1) || f.w(i-1) == "," && orgRoleNouns[f.w(i-2)] && f.w(j) == ",") && !f.known(i, j):
		f.add(i, j, Organisation, "", "") // "retail giant Target", "the hookup site Adult Friend Finder"
	case j-i <= 3 && f.saysIt(j) && !f.known(i, j):
		f.add(i, j, Organisation, "", "") // "Equifax said it had established a website"
	case j-i >= 2 && j-i <= 4 && (roleNouns[f.w(i-1)] || f.roleAfterDash(j)) && !f.known(i, j):
		f.add(i, j, Person, "", "") // "the Latvian journalist Dainis Ivans", "Mehmet Oz — Ivy League-trained surgeon"
	case j-i >= 2 && j-i <= 4 && givenNames[f.w(i)] && !f.known(i+1, j) && !f.placeHead(i, j):
		f.add(i, j, Person, "", "") // "Daryl Kimball", "Victor Cha"
	case j-i >= 2 && j-i <= 4 && f.hisAfter(i, j) && !f.known(i, j):
		f.add(i, j, Person, "", "") // "Kimi Raikkonen lost control of his Ferrari"
	case j-i >= 2 && j-i <= 4 && f.w(j) == "," && f.w(j+1) == "who":
		f.add(i, j, Person, "", "") // "Gennifer Flowers, who once had …"
	case f.w(j) == "," && (f.usState(j+1) || f.placeAfterComma(j+1)):
		f.add(i, j, Place, "", "") // "Williamsburg, Virginia", "Croydon, London,", "Potsdam, Germany."
	case j == i+1 && f.w(i-1) == "the" && f.pluralGroup(i):
		f.add(i, j, Organisation, "", "") // "the Cubs"
	case j == i+1 && givenNames[name] && f.kinList(i):
		f.add(i, j, Person, "", "") // "their sons Matthew, William and Zachary"
	case j == i+1 && givenNames[name] && f.w(j) == "and" && f.givenPair(j+1):
		f.add(i, j, Person, "", "") // "Bruce" in "Bruce and Irene Steinberg"
	case j-i == 1 && f.initial[i]:
		// a lone capitalised word opening a sentence: a name only if
		// named again elsewhere (group keeps it then)
		f.add(i, j, Other, "", "")
		f.mentions[len(f.mentions)-1].weak = true
		f.mentions[len(f.mentions)-1].speaks = f.says(i, j) || f.hisAfter(i, j)
	case j-i <= 3 && f.placeContext(i, j):
		f.add(i, j, Place, "", "") // "in North Rhine-Westphalia", "near Mazar-i-Sharif"
	default:
		f.add(i, j, Other, "", "")
		if j-i == 1 && (f.says(i, j) || f.hisAfter(i, j)) {
			f.mentions[len(f.mentions)-1].speaks = true
		}
	}
}

// hisAfter reports a personal pronoun later in the clause of the name
// ending before token j, with no other name between: "Raikkonen slammed
// into the barrier before his car slid", "Kimi Raikkonen lost control of
// his Ferrari". An organisation is "it".
func (f *finder) hisAfter(i, j int) bool {
	if locatives[f.w(i-1)] || f.w(i-1) == "to" || f.w(i-1) == "from" {
		return false // "her health crisis at Ground Zero": a place, not the subject
	}
	for k := j; k < len(f.toks) && k < j+12; k++ {
		if k > j && strings.ContainsRune(f.text[f.toks[k-1].End:f.toks[k].Start], '\n') {
			return false // (a caption or a headline ends without a stop)
		}
		switch f.w(k) {
		case "his", "he", "him", "himself", "her", "she", "herself":
			return true
		case "it", "its", "they", "their", "them", ".", "!", "?", ";", ":", "\"", "“", "”", "(":
			return false
		}
		if f.capital(k) && !notNames[f.w(k)] {
			return false
		}
	}
	return false
}

// placeContext reports a name [i, j) after "in", "near" or "outside" that
// closes its clause: "the state government in North Rhine-Westphalia.",
// "a base near Mazar-i-Sharif,". (classify asks only when nothing says
// the name is a person or an organisation.)
func (f *finder) placeContext(i, j int) bool {
	switch f.w(i - 1) {
	case "in", "near", "outside":
	case "of":
		// "the town of Blacksburg", "the city of Binghamton"
		return settlementNouns[f.w(i-2)] && !f.possessive(j-1)
	default:
		return false
	}
	if f.possessive(j - 1) {
		return false // "in Trump's campaign"
	}
	switch f.w(j) {
	case ",", ".", ";", ")", "":
		return true
	case "on", "in":
		// "arrived in Punta Islita on Sunday morning", "in Aurora in July"
		return calendarNames[f.w(j+1)] || j+1 < len(f.toks) && f.toks[j+1].Kind == segment.Number
	}
	return false
}

// kinList reports a first name at token i after a word for kin ("his
// wife, Irene", "their sons Matthew") or after such a name and a comma
// or "and" ("… Matthew, William and Zachary").
func (f *finder) kinList(i int) bool {
	k := i - 1
	if f.w(k) == "," {
		k--
	}
	w := f.w(i - 1)
	if kinNouns[f.w(k)] || (w == "," || w == "and") && f.kinAfter == i-1 {
		f.kinAfter = i + 1
		return true
	}
	return false
}

// givenPair reports a person's name of two or three words opening with
// a first name at token k: "Irene Steinberg" in "Bruce and Irene
// Steinberg".
func (f *finder) givenPair(k int) bool {
	if !f.capital(k) || !givenNames[f.w(k)] || !f.capital(k+1) {
		return false
	}
	return !f.capital(k+2) || !f.capital(k+3)
}

// kinNouns name relatives, whose names follow: "their sons Matthew".
var kinNouns = setOf("son", "sons", "daughter", "daughters", "children", "wife", "husband", "brother",
	"brothers", "sister", "sisters", "mother", "father", "grandson", "granddaughter", "nephew", "niece",
	"cousin", "twins", "siblings", "stepson", "stepdaughter")

// settlementNouns name a kind of place before "of" and its name.
var settlementNouns = setOf("city", "town", "village", "hamlet", "municipality", "island", "port", "suburb")

// cityContext reports a city of the world's list, [i, j), that the text
// places: after a preposition of place ("in Dortmund", "from Surat",
// "the city of Pune"), before a comma and a state or country ("Surat,
// India"), or as a dateline. Elsewhere its name may be a surname or a
// word ("Rodriguez says", "a Batman film"); group makes every mention of
// a name the text places a place.
func (f *finder) cityContext(i, j int) bool {
	switch w := f.w(i - 1); {
	case CityPreposition(w):
	case w == "of" && settlementNouns[f.w(i-2)],
		w == "as" && f.w(i-2) == "such" && (f.w(i-3) == "cities" || f.w(i-3) == "towns"):
	case (w == "and" || w == "or" || w == ",") && len(f.mentions) > 0 && f.mentions[len(f.mentions)-1].Type == Place &&
		f.mentions[len(f.mentions)-1].End == f.toks[i-2].End:
		// "in Dortmund and Dusseldorf"
	case f.w(j) == "," && (f.usState(j+1) || f.placeAfterComma(j+1)):
	default:
		return f.dateline(i, j)
	}
	return !f.possessive(j-1) || f.w(i-1) != "to" // (not "to Rodriguez's office")
}

// placeAfterComma reports a state or a city the gazetteers know at token
// k, closing its clause: the town before it is in it ("Croydon, London,",
// "Potsdam, Germany.").
func (f *finder) placeAfterComma(k int) bool {
	for n := 3; n >= 1; n-- {
		if k+n > len(f.toks) || !f.capital(k) || !f.known(k, k+n) || knownOrgs[f.phrase(k, k+n)] {
			continue
		}
		switch f.w(k + n) {
		case ",", ".", ")", ";", "":
			return true
		}
		return false
	}
	return false
}

// pluralGroup reports a capitalised plural at token i that names a team,
// a band or a group ("the Cubs"): not a people ("the Americans"), a
// party's members ("the Democrats"), a state ("the Philippines"), nor a
// family whose name the text gives in the singular ("the Clintons").
func (f *finder) pluralGroup(i int) bool {
	w := strings.TrimSuffix(strings.TrimSuffix(f.w(i), "'"), "'s")
	if !groupPlural(w) || f.known(i, i+1) {
		return false
	}
	if f.capitals == nil {
		// gathered once: a text of a thousand plurals would otherwise be
		// read a thousand times
		f.capitals = map[string]bool{}
		for k := range f.toks {
			if f.capital(k) {
				f.capitals[f.low[k]] = true
			}
		}
	}
	return !f.capitals[strings.TrimSuffix(w, "s")]
}

// groupPlural reports a word of four letters or more in the plural that
// can name a team or a group ("Cubs", "Vikings"): not "Congress",
// "Confucius" or "Paris", nor the plural of a place word ("Islands"), of
// a people ("Americans", "Germans", "Swedes") or of a party's members
// ("Democrats").
func groupPlural(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.Contains(w, "-") ||
		strings.HasSuffix(w, "is") || placeWords[w] || placeWords[w[:len(w)-1]] {
		return false
	}
	one := strings.TrimSuffix(w, "s")
	_, people := demonymOf[one]
	_, peoples := demonymOf[w]
	return !people && !peoples && !partyLabels[one] && !partyLabels[w] && !demonymNouns[one]
}

// ageAfter reports an age set off by commas after the name ending before
// token j, as news gives a person's: "Quina Jones, 25, said".
func (f *finder) ageAfter(j int) bool {
	if f.w(j) != "," || j+2 >= len(f.toks) || f.toks[j+1].Kind != segment.Number || f.w(j+2) != "," {
		return false
	}
	n, err := strconv.Atoi(f.w(j + 1))
	return err == nil && n > 0 && n < 120
}

// localityNouns after a name make it a place: "a densely packed Chelsea
// neighborhood".
var localityNouns = setOf("neighborhood", "neighbourhood", "suburb", "district", "borough", "township", "county",
	"province", "prefecture", "region", "countryside", "town", "village", "forest", "state")

// dateline reports a name [i, j) in capitals that opens a line and is
// followed by a dash, a comma or a bracket, as a dateline opens a report:
// "CHARLOTTE - ", "BRUSSELS — ", "LAGOS, Nigeria", "KABUL (Reuters) -".
func (f *finder) dateline(i, j int) bool {
	if i > 0 && !strings.ContainsRune(f.text[f.toks[i-1].End:f.toks[i].Start], '\n') {
		return false
	}
	switch f.w(j) {
	case "-", "—", "–", ",", "(":
	default:
		return false
	}
	raw := f.text[f.toks[i].Start:f.toks[j-1].End]
	return utf8.RuneCountInString(raw) >= 3 && strings.ToUpper(raw) == raw && strings.ToLower(raw) != raw &&
		!rubrics[strings.ToLower(raw)]
}

// rubrics open lines in capitals as datelines do, and are no places.
var rubrics = setOf("update", "updated", "breaking", "exclusive", "analysis", "opinion", "editorial",
	"correction", "watch", "video", "live", "review", "commentary", "editor's note")

// team reports a name [i, j) that is a place and a plural noun, as teams
// are named: "Minnesota Vikings", "Chicago Bears".
func (f *finder) team(i, j int) bool {
	return j-i >= 2 && groupPlural(f.w(j-1)) && (f.known(i, j-1) || citySet[f.phrase(i, j-1)]) // (not "Texas Germans")
}

// speakerLabel reports a word in capitals that opens lines of a
// transcript, followed by a colon, at least twice ("WALLACE: …",
// "PENCE: …"); a word that does so once ("UPDATE:") is no speaker.
func (f *finder) speakerLabel(i int) bool {
	label := func(k int) bool {
		raw := f.text[f.toks[k].Start:f.toks[k].End]
		return f.initial[k] && f.w(k+1) == ":" && len(raw) > 3 && strings.ToUpper(raw) == raw
	}
	if !label(i) {
		return false
	}
	if f.labels == nil {
		// counted once: a text of a thousand different labels would
		// otherwise be read a thousand times
		f.labels = map[string]int{}
		for k := range f.toks {
			if label(k) {
				f.labels[f.low[k]]++
			}
		}
	}
	return f.labels[f.low[i]] >= 2
}

// usState reports a state of the United States written in full at
// token k ("Virginia", "North Carolina").
func (f *finder) usState(k int) bool {
	for n := 2; n >= 1; n-- {
		if k+n <= len(f.toks) && f.capital(k) {
			if l, ok := localityOf[f.phrase(k, k+n)]; ok && l == "United States" {
				return true
			}
		}
	}
	return false
}

// stateAbbrevEnd returns the end of an AP abbreviation of a state of the
// United States at token k ("Wash.", "N.Y."), or -1.
func (f *finder) stateAbbrevEnd(k int) int {
	switch {
	case stateAbbreviations[f.w(k)]:
		return k + 1
	case f.w(k+1) == "." && f.toks[k+1].Start == f.toks[k].End && stateAbbreviations[f.w(k)+"."]:
		return k + 2
	}
	return -1
}

// credited reports a name after a credit: "Reporting by", "Editing
// by", "Photo /".
func (f *finder) credited(i int) bool {
	switch {
	case f.w(i-1) == "by":
		return creditWords[f.w(i-2)]
	case f.w(i-1) == "/" || f.w(i-1) == ":":
		return f.w(i-2) == "photo" || f.w(i-2) == "photograph" || f.w(i-2) == "credit"
	}
	return false
}

// creditWords come before "by" and a name in credits and bylines.
var creditWords = setOf("reporting", "editing", "writing", "written", "compiled", "photographs", "photos", "photo",
	"photograph", "illustration", "produced", "edited", "reported")

// titleAppositive returns the title of a post named just before the
// name at token i, set off by a comma: "Ambassador" in "Japan's
// Ambassador to the U.S., Shigeo Yamada".
func (f *finder) titleAppositive(i int) string {
	if i < 2 || f.w(i-1) != "," {
		return ""
	}
	for k := i - 2; k >= 0 && k >= i-8; k-- {
		if _, ok := titleWords[f.w(k)]; ok && (f.capital(k) || k == i-2 && isTitle(f.w(k))) {
			// (in lower case, the title alone: "Putin's spokesman,
			// Dmitry Peskov")
			return f.text[f.toks[k].Start:f.toks[i-2].End]
		}
		// between the title and the comma only the post's place: "to
		// the U.S.", "of Japan" (not another name: "Mr. Obama, Michelle
		// Obama")
		if !connectors[f.w(k)] && f.w(k) != "to" && !f.known(k, k+1) {
			return ""
		}
	}
	return ""
}

// titleAfter returns a title set off by a comma after the name ending
// before token j: "president" in "Christine Lagarde, the bank's
// president," or "Ruth Abernethy, a senior adviser to the mayor,".
func (f *finder) titleAfter(j int) string {
	if f.w(j) != "," {
		return ""
	}
	k, det := j+1, true
	switch f.w(k) {
	case "the", "a", "an", "its", "his", "her", "their":
		k++
	default:
		det = false // "Daryl Kimball, executive director of the …"
	}
	for end := k; end < len(f.toks) && end < k+4; end++ {
		if f.toks[end].Kind != segment.Word {
			return ""
		}
		for n := 3; n >= 1; n-- {
			if end+n > len(f.toks) {
				continue
			}
			w := f.phrase(end, end+n)
			if f.capital(end) || !isTitle(w) && !roleNouns[w] || titleEnds[f.w(end+n)] {
				continue
			}
			next := f.w(end + n)
			if next == "of" || next == "at" || next == "for" || next == "," {
				return w
			}
			// (but a title before a noun modifies it: "a collective of
			// social justice groups" names no justice)
			if det && (!(end+n < len(f.toks) && f.toks[end+n].Kind == segment.Word && !f.capital(end+n)) || appositionEnds[next]) {
				return w
			}
		}
	}
	return ""
}

// roleAfterDash reports a role noun within four words after a dash that
// follows the name ending before token j: "Mehmet Oz — Ivy
// League-trained surgeon and daytime TV star —".
func (f *finder) roleAfterDash(j int) bool {
	if w := f.w(j); w != "—" && w != "–" {
		return false
	}
	if f.capital(j+1) && (f.w(j+1) == "the" || f.w(j+1) == "a" || f.w(j+1) == "an") {
		return false // a new sentence: "… — The head of Sony Pictures"
	}
	for k := j + 1; k < len(f.toks) && k <= j+4; k++ {
		if f.toks[k].Kind != segment.Word {
			return false
		}
		if roleNouns[f.w(k)] || isTitle(f.w(k)) && !f.capital(k) {
			return true
		}
	}
	return false
}

// demonymNouns name a person by nation before the name: "Frenchman Romain
// Grosjean".
var demonymNouns = setOf("frenchman", "frenchwoman", "englishman", "englishwoman", "dutchman",
	"dutchwoman", "scotsman", "scotswoman", "irishman", "irishwoman", "welshman", "welshwoman", "briton",
	"brit", "spaniard", "swede")

// webDomain reports a dot and a top-level domain glued to the name ending
// before token j, a web address standing for its site: "Cincinnati.com",
// "Politico.eu".
func (f *finder) webDomain(j int) bool {
	if j+1 >= len(f.toks) || f.w(j) != "." || f.toks[j].Start != f.toks[j-1].End || f.toks[j+1].Start != f.toks[j].End {
		return false
	}
	switch f.w(j + 1) {
	case "com", "org", "net", "eu", "co", "io", "news":
		return true
	}
	return false
}

// orgRoleNouns describe an organisation just before its name, or before
// it and a comma: "retail giant Target", "the news website The Paper",
// "a corporate law firm, Mossack Fonseca,".
var orgRoleNouns = setOf("giant", "firm", "company", "retailer", "carmaker", "automaker", "airline",
	"insurer", "lender", "broadcaster", "newspaper", "tabloid", "magazine", "website", "site", "app",
	"startup", "start-up", "manufacturer", "conglomerate", "chain", "brand", "publisher", "platform",
	"network", "outlet", "agency", "charity", "nonprofit", "watchdog", "regulator", "operator")

// saysIt reports "said it" or "says it" after the name ending before
// token j: what refers to itself as "it" is no person.
func (f *finder) saysIt(j int) bool {
	switch f.w(j) {
	case "said", "says", "announced", "added", "stated", "confirmed":
		return f.w(j+1) == "it" || f.w(j+1) == "that" && f.w(j+2) == "it"
	}
	return false
}

// nounAcronyms are written in capitals but name no organisation.
var nounAcronyms = setOf("tv", "ceo", "cfo", "mba", "gdp", "dna", "ai", "ok", "id", "iq", "hiv", "aids",
	"ufo", "vip", "pc", "suv", "atm", "faq", "diy", "lgbt", "lgbtq", "covid", "ptsd", "adhd", "mp3", "dvd", "cd")

// appositionEnds may follow the title that heads an apposition: "Aung
// San, the Burmese leader who secured independence".
var appositionEnds = setOf("who", "whose", "that", "which", "and", "in", "on", "since", "until", "with", "from",
	"to", "during", "when", "before", "after")

// roleNouns describe a person in an apposition after the name ("Victor
// Cha, a Korea scholar,", "James Acton, a physicist who …") but do not
// come before names as titles do.
var roleNouns = setOf("scholar", "physicist", "chemist", "biologist", "expert", "official", "author",
	"writer", "novelist", "journalist", "reporter", "executive", "founder", "co-founder", "owner", "partner",
	"resident", "student", "teacher", "doctor", "physician", "nurse", "attorney", "engineer", "pilot",
	"soldier", "veteran", "survivor", "victim", "witness", "mother", "son", "daughter", "wife", "husband",
	"widow", "artist", "singer", "actor", "actress", "producer", "filmmaker", "politician", "legislator",
	"congressman", "congresswoman", "officer", "fellow", "pollster", "consultant", "operative", "donor",
	"entrepreneur", "investor", "banker", "farmer", "worker", "employee", "retiree", "priest", "rabbi",
	"imam", "pastor", "athlete", "player", "striker", "goalkeeper", "manager", "surgeon", "gastroenterologist",
	"cardiologist", "psychiatrist", "psychologist", "comedian", "host", "anchor", "star", "head",
	// players by position
	"guard", "forward", "quarterback", "pitcher", "catcher", "outfielder", "infielder", "shortstop",
	"linebacker", "midfielder", "defender", "winger", "receiver")

// phrase returns the lower-case words of tokens [i, j), joined by spaces.
func (f *finder) phrase(i, j int) string {
	words := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		words = append(words, f.w(k))
	}
	return strings.Join(words, " ")
}

// titleBefore returns a lower-case title written just before token i:
// "judge" in "retired judge Harriet Osei".
func (f *finder) titleBefore(i int) string {
	for n := 3; n >= 1; n-- {
		if i-n < 0 {
			continue
		}
		if w := f.phrase(i-n, i); isTitle(w) && !f.capital(i-n) {
			if i-n-1 >= 0 && formerWords[f.w(i-n-1)] {
				return f.w(i-n-1) + " " + w // "former ambassador George Glass"
			}
			return w
		}
	}
	return ""
}

// hasOrgWord reports an organisation word at either end of [i, j), or
// before "of": "Liberal Democratic Party", "Bank of Japan".
func (f *finder) hasOrgWord(i, j int) bool {
	if last := strings.TrimSuffix(f.w(j-1), "'s"); orgWords[last] || orgEnds[last] && j-i > 1 || orgWords[f.w(i)] && j-i > 1 {
		return true
	}
	for k := i; k < j-1; k++ {
		if orgWords[f.w(k)] && (f.w(k+1) == "of" || f.w(k+1) == "for" || f.w(k+1) == "on") {
			return true
		}
	}
	return false
}

// speaks reports a speech or cognition verb right after token j-1: a
// name that says things is most often a person.
// says reports a name [i, j) that says things: before a speech verb
// (see speaks), or after one that ends a quote, the name closing the
// clause ("…," said Joseph, who has four children).
func (f *finder) says(i, j int) bool {
	if f.speaks(j) {
		return true
	}
	switch f.w(i - 1) {
	case "said", "says", "added", "asked", "wrote", "recalled", "noted", "explained", "argued", "replied", "continued":
		switch f.w(j) {
		case ",", ".", ";", "":
			return true
		}
	}
	return false
}

func (f *finder) speaks(j int) bool {
	for k := j; k < j+3 && k < len(f.toks); k++ {
		switch f.w(k) {
		case "said", "says", "told", "added", "asked", "wrote", "argued", "noted", "warned", "explained",
			"claimed", "insisted", "stated", "replied", "recalled", "thinks", "believes", "spoke",
			"testified":
			return true
		case ",", "(":
			continue
		}
		if k > j {
			break
		}
	}
	return false
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2 && n <= 6
}

func (f *finder) add(i, j int, typ, title, country string) {
	start, end := f.toks[i].Start, f.toks[j-1].End
	text := f.text[start:end]
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(text, suf) && len(text) > len(suf) {
			end -= len(suf)
			text = text[:len(text)-len(suf)]
		}
	}
	m := Mention{Start: start, End: end, Text: text, Type: typ, Title: title}
	m.country = country
	if capitalOf[strings.ToLower(text)] != "" && !locatives[f.w(i-1)] && (f.agentive(j) || f.governed(i)) {
		m.Metonym, m.Type = true, Organisation
	}
	f.mentions = append(f.mentions, m)
}

// andPartners after "Tokyo and" make it a government among others.
var andPartners = setOf("other", "its", "their", "the", "allied", "allies", "partners")

// locatives before a capital make it the city: "jets buzzed aircraft
// near Copenhagen and have shot flares".
var locatives = setOf("in", "near", "at", "outside", "inside", "around", "across", "into", "within", "throughout")

// CityPreposition reports whether w, in lower case, places a city of the
// world's list after it: "in Surat", "from Pune", "downtown Dortmund".
// (Not "at": "at Houston" is as often a team or a firm.) The clusterer
// asks it too.
func CityPreposition(w string) bool { return cityPrepositions[w] }

var cityPrepositions = setOf("in", "near", "outside", "inside", "around", "across", "into", "within", "throughout",
	"from", "to", "downtown")

// agentive reports that the name ending before token j acts or speaks,
// as a government does: "Beijing's ire", "Tokyo said", "between Tokyo
// and Washington".
func (f *finder) agentive(j int) bool {
	if f.possessive(j - 1) {
		return true
	}
	for f.adverb(j) {
		j++ // "Beijing consistently warns against"
	}
	switch w := f.w(j); w {
	case "and":
		// "between Tokyo and Washington", "with Washington and other
		// partners" (not "in south London and flipped")
		return f.capital(j+1) || andPartners[f.w(j+1)]
	case "said", "says", "has", "have", "had", "would", "will", "is", "was", "warned", "urged", "accused",
		"announced", "regards", "considers", "wants", "insists", "rejected", "protested", "responded",
		"demanded", "denied", "claims", "claimed", "may", "might", "could", "can", "cannot", "must",
		"should", "does", "did", "sees", "views", "fears", "hopes", "plans", "seeks":
		return true
	default:
		// a verb in the past: "Pyongyang fired", "Beijing reacted" (not
		// "Tokyo-based", which is one token)
		if len(w) > 4 && strings.HasSuffix(w, "ed") && !f.capital(j) && f.toks[j].Kind == segment.Word &&
			f.w(j+1) != "by" && !locativeParticiples[w] {
			return true
		}
		// a verb in the present with its object: "Tokyo ignores any
		// conflict", "Beijing warns against" (not "Beijing officials said")
		return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !f.capital(j) &&
			f.toks[j].Kind == segment.Word && objectStarts[f.w(j+1)]
	}
}

// adverb reports a lower-case word ending in "ly" at token i.
func (f *finder) adverb(i int) bool {
	w := f.w(i)
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !f.capital(i)
}

// objectStarts open what a verb acts on: after "Tokyo ignores" they make
// "ignores" a verb, where "Tokyo residents said" has a noun.
var objectStarts = setOf("the", "a", "an", "any", "all", "its", "his", "her", "their", "this", "these", "those",
	"that", "it", "them", "him", "to", "against", "no")

// locativeParticiples after a place say where, not who: "Tokyo based
// firms", "Beijing located".
var locativeParticiples = setOf("based", "located", "headquartered", "centered", "centred", "situated")

// governed reports a capital before token i named as a government is,
// as what is done to it or what it is in relation with: "penalize
// Tokyo", "tensions with Beijing", "backing of Tokyo".
func (f *finder) governed(i int) bool {
	prev, before := f.w(i-1), f.w(i-2)
	if governVerbs[prev] {
		return true
	}
	switch prev {
	case "with", "from", "of", "on", "against", "toward", "towards", "to", "by":
		return relationNouns[before] || relationNouns[strings.TrimSuffix(before, "s")]
	}
	return false
}

// governVerbs take a government as their object.
var governVerbs = setOf("penalize", "penalise", "punish", "threaten", "threatened", "pressure", "pressured",
	"pressing", "pressed", "urge", "urged", "urging", "warn", "warned", "warning", "accuse", "accused",
	"blame", "blamed", "criticize", "criticized", "criticise", "criticised", "sanction", "sanctioned",
	"condemn", "condemned", "persuade", "convince", "reassure", "reassured", "keep", "punishing",
	"rebuked", "rebuke", "confront", "confronted", "engage", "engaged", "defy", "defied")

// relationNouns, before "with", "from" or "of", make the capital after
// them a government: "tensions with Beijing", "a rebuke from Beijing".
var relationNouns = setOf("tension", "relation", "tie", "talk", "dispute", "rift", "row", "rebuke",
	"pressure", "backing", "support", "criticism", "dependence", "reliance", "deal", "agreement",
	"negotiation", "dialogue", "demand", "warning", "protest", "response", "reaction", "statement",
	"message", "retaliation", "sanction", "approval", "objection", "position", "stance", "policy",
	"commitment", "ire", "anger", "behalf", "request", "invitation", "signal", "concession")

// nominals finds persons named by title alone: "the prime minister".
func (f *finder) nominals() {
	for i := 0; i+1 < len(f.toks); i++ {
		if f.w(i) != "the" {
			continue
		}
		for _, words := range titleWords[f.w(i+1)] {
			t := strings.Join(words, " ")
			if len(t) < 4 {
				continue
			}
			k, ok := i+1, true
			for _, w := range words {
				if f.w(k) != w {
					ok = false
					break
				}
				k++
			}
			if ok && !f.capital(k) && (len(words) > 1 || personTitle[t]) {
				f.mentions = append(f.mentions, Mention{Start: f.toks[i].Start, End: f.toks[k-1].End,
					Text: f.text[f.toks[i].Start:f.toks[k-1].End], Type: Person, Title: t, Nominal: true})
				break
			}
		}
	}
	sort.SliceStable(f.mentions, func(a, b int) bool { return f.mentions[a].Start < f.mentions[b].Start })
}

// personTitle are one-word titles that, after "the", name one person.
var personTitle = setOf("president", "chancellor", "mayor", "governor", "premier", "pope", "king", "queen", "minister", "senator")

// Lookup tables derived from the gazetteer, lower case.
var (
	countryOf = tableOf(func(m map[string]string) { // name or alias → country
		for _, c := range countries {
			m[strings.ToLower(c.name)] = c.name
			for _, a := range c.aliases {
				m[strings.ToLower(a)] = c.name
			}
		}
	})
	demonymOf = tableOf(func(m map[string]string) {
		for _, c := range countries {
			for _, d := range c.demonyms {
				m[strings.ToLower(d)] = c.name
			}
		}
	})
	capitalOf = tableOf(func(m map[string]string) { // capital → country
		for _, c := range countries {
			if c.capital != "" {
				m[strings.ToLower(c.capital)] = c.name
			}
		}
	})
	localityOf = tableOf(func(m map[string]string) { // locality → what contains it
		for _, l := range localityList {
			m[strings.ToLower(l.name)] = l.within
		}
	})
	citySet = func() map[string]bool {
		m := map[string]bool{}
		for _, l := range localityList[len(localityHand):] {
			m[strings.ToLower(l.name)] = true
			m[unaccented(strings.ToLower(l.name))] = true // "Dusseldorf" for "Düsseldorf"
		}
		return m
	}()
	placeSet = func() map[string]bool {
		m := map[string]bool{}
		for _, p := range places {
			m[strings.ToLower(p)] = true
		}
		return m
	}()
)

func tableOf(fill func(map[string]string)) map[string]string {
	m := map[string]string{}
	fill(m)
	return m
}

// brandAt reports whether the demonym at token i, opening the capitalised
// run [i, j), stands where an organisation's short name would: alone
// before a verb of a statement or of a company's acts ("American
// pledged", "American said") or before punctuation after a preposition
// ("flying on American.", "our team at American,"), or before a
// company's officer ("American CEO Doug Parker").
func (f *finder) brandAt(i, j int) bool {
	next := f.w(i + 1)
	switch {
	case j > i+1:
		return brandOfficers[next]
	case brandVerbs[next]:
		return true
	case next == "," || next == "." || next == ";" || next == ")":
		return brandPrepositions[f.w(i-1)]
	}
	return false
}

var (
	brandOfficers     = setOf("ceo", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman")
	brandVerbs        = setOf("said", "says", "pledged", "apologized", "apologised", "declined", "announced", "confirmed", "denied", "told")
	brandPrepositions = setOf("at", "on", "with", "by", "from", "against")
)

// personOf reports whether [i, k) "of" [k+1, j) is a person and where
// they are from: "Stacy Baker of Columbia", a first name and one or two
// more words before a place the lists know.
func (f *finder) personOf(i, k, j int) bool {
	if k-i < 2 || k-i > 3 || !givenNames[f.w(i)] {
		return false
	}
	return isPlaceName(strings.ToLower(f.text[f.toks[k+1].Start:f.toks[j-1].End]))
}

// isPlaceName reports whether lower, in lower case, names a place the
// lists hold: a state, a place, a capital or a locality.
func isPlaceName(lower string) bool {
	_, country := countryOf[lower]
	return country || placeSet[lower] || capitalOf[lower] != "" || isLocality(lower)
}

// isLocality reports whether lower, in lower case, is a locality the lists
// hold, whether or not they know what contains it.
func isLocality(lower string) bool {
	_, ok := localityOf[lower]
	return ok
}
