package cluster

import (
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze/entity"
	"github.com/parallax-news/parallax/analyze/segment"
)

// Features are what clustering compares of an article.
type Features struct {
	ID int64
	// Rank orders articles and the stories they found where all else
	// ties: a hash of the article's key, which is the same wherever the
	// article is stored, unlike its ID.
	Rank      uint64
	Published time.Time // zero when unknown
	Language  string
	// Terms counts stemmed content words; title words count extra, since
	// the headline names the event.
	Terms map[string]float64
	// Entities counts proper-noun phrases (people, places, organisations),
	// lowercased.
	Entities map[string]float64
	// Signature is the MinHash of the body's word shingles, for
	// near-duplicate detection.
	Signature Signature
	// Length is the number of body words.
	Length int
	// states are the states the article names (or names the capitals
	// of), each marked when its title names it: where a story happens is
	// what a headline says first.
	states []countryCount
	// figures are the decimal numbers the article writes ("7.1" in "a
	// magnitude 7.1 earthquake"), counted as states are: a headline's
	// figure names its event as its place does.
	figures []countryCount
	// heads are the words of the names the headline gives, folded (see
	// headWords).
	heads []string
}

// rank hashes an article key (FNV-1a, 64 bits).
func rank(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// titleWeight is how many body occurrences one title word is worth.
const titleWeight = 3

// Extract computes the features of an article.
func Extract(a *parallax.Article) *Features {
	f := &Features{
		ID: a.ID, Rank: rank(a.Key), Published: a.Published, Language: a.Language,
		// about one body word in three is a distinct content word
		Terms: make(map[string]float64, len(a.Text)/20), Entities: map[string]float64{},
	}
	title := words(a.Title)
	for _, w := range title {
		if t := term(w); t != "" {
			f.Terms[t] += titleWeight
		}
	}
	body, marks := scan(a.Text)
	f.Length = len(body)
	lower := make([]string, len(body)) // lowercased once for terms and shingles
	for i, w := range body {
		lower[i] = toLower(w)
		if t := termLower(lower[i]); t != "" {
			f.Terms[t]++
		}
	}
	f.Signature = minhash(lower)
	// a capital opening a clause is no name if the text also writes the
	// word in lower case ("Alliance" opening a sentence of a text that
	// speaks of "the alliance")
	inLower := segment.NewWords(a.Text).Has
	var common func(string) bool
	if a.Language == "" || a.Language == "en" {
		// a word alone opening a clause that news mostly writes in lower
		// case ("Suspect in Boulder shooting charged", "Police said") is no
		// name, even where this text never writes it in lower case
		common = commonWord
	}
	addEntities(f.Entities, body, marks, 1, inLower, nil)
	heads := map[string]float64{}
	if titleCase(a.Title) {
		// In a headline where most words are capitalised, capitals do not
		// mark names ("Japan PM Says U.S. Alliance Would Collapse"): count
		// the body's entities the headline names instead.
		addTitleEntities(heads, f.Entities, title, titleWeight)
	} else {
		tw, tmarks := scan(a.Title)
		addEntities(heads, tw, tmarks, titleWeight, inLower, common)
	}
	for e, w := range heads {
		f.Entities[e] += w
	}
	f.heads = headWords(heads, title)
	f.states = countriesOf(a.Title, body, marks)
	f.figures = figuresOf(title, body)
	return f
}

// localities are the gazetteer's places within states, by folded name.
var localities = entity.Localities()

// countryNames maps folded state names, other names and capitals to
// states, and localities to their names.
var countryNames = func() map[string]string {
	m := entity.Countries()
	for k, l := range localities {
		if _, ok := m[k]; !ok {
			m[k] = l.Name
		}
	}
	return m
}()

// demonyms maps the folded adjectives of states to the states.
var demonyms = entity.Demonyms()

// containers maps a locality to the places that contain it, nearest first:
// Atlanta to Georgia and the United States.
var containers = func() map[string][]string {
	parent := map[string]string{}
	for _, l := range localities {
		parent[l.Name] = l.Within
	}
	m := map[string][]string{}
	for name := range parent {
		for p := parent[name]; p != "" && len(m[name]) < 4; p = parent[p] {
			m[name] = append(m[name], p)
		}
	}
	return m
}()

// countriesOf returns the states the title and the body's words name,
// each once, named when either names it and main when the title does. A
// state counts wherever its name is written: alone, inside a longer name
// ("Georgia Governor Brian Kemp") or in a hyphenated word ("Atlanta-area
// spas", "US-China talks").
func countriesOf(title string, body []string, marks []mark) []countryCount {
	var out []countryCount
	at := func(c string) *countryCount {
		for i := range out {
			if out[i].name == c {
				return &out[i]
			}
		}
		out = append(out, countryCount{name: c})
		return &out[len(out)-1]
	}
	// a city of the world's list counts where the text places it ("in
	// Surat", "Surat, India"), and then wherever the text or its headline
	// writes it; elsewhere its name may be a surname or a word
	// ("Rodriguez says", "a Batman film")
	var placed, unplaced []string
	placesIn(body, true, func(c string, city bool, k, n int) {
		switch {
		case !city:
			at(c).named = 1
		case cityContext(body, marks, k, n):
			at(c).named = 1
			placed = append(placed, c)
		default:
			unplaced = append(unplaced, c)
		}
	})
	for _, c := range unplaced {
		if slices.Contains(placed, c) {
			at(c).named = 1
		}
	}
	// a town the gazetteer does not know is one where the text writes it
	// before its state: "Boulder, Colorado", "Sutherland Springs, Texas"
	var towns map[string]string
	var buf [64]byte
	for i := 1; i < len(body); i++ {
		if marks[i]&afterBreak == 0 || marks[i]&opensClause != 0 {
			continue
		}
		state, ok := countryNames[string(foldWord(body[i], &buf))]
		if !ok || len(containers[state]) == 0 {
			continue // (not "Paris, France": a state is a place within one)
		}
		if i+1 < len(body) && marks[i+1] == 0 {
			continue // the state closes its clause: not "Like Los Angeles, Chicago ended …"
		}
		// the town: up to three capitalised words of the same clause
		// before the comma
		lo := i
		for lo > 0 && i-lo < 3 && capitalized(body[lo-1]) {
			if lo--; marks[lo] != 0 {
				break
			}
		}
		for lo < i && townOpeners[toLower(body[lo])] {
			lo++ // "In Boulder, Colorado": the town is Boulder (but "El Paso, Texas" is El Paso)
		}
		if lo < i {
			town := entity.Fold(strings.Join(body[lo:i], " "))
			if _, known := countryNames[town]; !known {
				if towns == nil {
					towns = map[string]string{}
				}
				towns[town] = state
				at(town).named = 1
			}
		}
	}
	tw := words(title)
	placesIn(tw, false, func(c string, city bool, k, n int) {
		if !city || slices.Contains(placed, c) || cityContext(tw, nil, k, n) {
			x := at(c)
			x.named, x.main = 1, 1
		}
	})
	for i := 0; i < len(tw) && len(towns) > 0; i++ {
		for n := 1; n <= 3 && i+n <= len(tw); n++ {
			town := entity.Fold(entity.TrimPossessive(strings.Join(tw[i:i+n], " "))) // "Dayton's"
			if state, ok := towns[town]; ok {
				// a town's headline is about its state too
				for _, c := range []string{town, state} {
					x := at(c)
					x.named, x.main = 1, 1
				}
			}
		}
	}
	return out
}

// figuresOf returns the decimal numbers of a title's and a body's words,
// each once, named when either writes it and main when the title does:
// "7.1" of "7.1-magnitude".
func figuresOf(title, body []string) []countryCount {
	var out []countryCount
	add := func(ws []string, main bool) {
		for _, w := range ws {
			n := decimal(w)
			if n == "" {
				continue
			}
			i := slices.IndexFunc(out, func(c countryCount) bool { return c.name == n })
			if i < 0 {
				out = append(out, countryCount{name: n})
				i = len(out) - 1
			}
			out[i].named = 1
			if main {
				out[i].main = 1
			}
		}
	}
	add(body, false)
	add(title, true)
	return out
}

// decimal returns the decimal number a word opens ("7.1", "7.1-magnitude"),
// or "".
func decimal(w string) string {
	dot, end := -1, 0
	for end < len(w) && (w[end] >= '0' && w[end] <= '9' || w[end] == '.' && dot < 0 && end > 0) {
		if w[end] == '.' {
			dot = end
		}
		end++
	}
	if dot < 0 || dot == end-1 || end < len(w) && w[end] != '-' {
		return ""
	}
	return w[:end]
}

// townOpeners open a sentence before a town's name and are no part of it.
var townOpeners = map[string]bool{"in": true, "at": true, "on": true, "from": true, "near": true, "the": true,
	"and": true, "but": true, "when": true, "while": true, "after": true, "before": true, "since": true,
	"during": true, "like": true, "unlike": true, "as": true, "to": true, "by": true, "with": true, "outside": true}

// placeParts end a longer name that begins with a state's: "Oregon
// District" is a district of Dayton, "Georgia Avenue" a street.
var placeParts = map[string]bool{"district": true, "street": true, "avenue": true, "square": true, "road": true,
	"boulevard": true, "park": true, "hall": true, "center": true, "centre": true, "university": true,
	"college": true, "tech": true, "mall": true, "plaza": true, "station": true, "stadium": true, "arena": true}

// placesIn calls fn with each state or locality that ws name, in names
// of up to three words that open and close with capitals ("South Korea",
// "Trinidad and Tobago", "China’s") and in the parts of hyphenated words.
// Most capitalised words begin no place's name: they are folded into a
// buffer and looked up without allocating, and only the others are read
// further.
//
// The longest name wins, and the words it spans name nothing else: "West
// Virginia" is not Virginia, "New Mexico" not Mexico, and "Mexico City"
// is the city, which is in Mexico, and not Mexico itself. In a body
// (inBody), a city of the world's list that a capitalised word other
// than a place follows is part of a longer name: "Mandalay Bay" is a
// hotel in Las Vegas, not Myanmar's Mandalay. Headlines are spared, where
// "El Paso Walmart" is in El Paso and the body names the city again, as
// are the cities listed by hand: "Atlanta Police" is in Atlanta.
func placesIn(ws []string, inBody bool, fn func(place string, city bool, at, n int)) {
	var buf [64]byte
	var folded []string
	for i := 0; i < len(ws); i++ {
		if !capitalized(ws[i]) {
			continue
		}
		if strings.Contains(ws[i], "-") {
			for _, part := range strings.Split(ws[i], "-") {
				if c, ok := countryNames[string(foldWord(part, &buf))]; ok && !cityNamed[c] {
					fn(c, false, i, 1) // ("Atlanta-area", "US-China")
				}
			}
		}
		if !placeFirst[string(foldWord(ws[i], &buf))] {
			continue
		}
		if folded == nil {
			folded = make([]string, len(ws))
		}
		key, place, span, city := "", "", 0, false
		for n := 1; n <= 3 && i+n <= len(ws); n++ {
			k := i + n - 1
			if folded[k] == "" {
				folded[k] = string(foldWord(ws[k], &buf))
			}
			if n > 1 {
				key += " "
			}
			key += folded[k]
			if !capitalized(ws[k]) {
				continue
			}
			if c, ok := countryNames[key]; ok {
				place, span, city = c, n, localities[key].City
			}
		}
		if span > 0 && !(i+span < len(ws) && (placeParts[toLower(ws[i+span])] || inBody && city && capitalized(ws[i+span]) && countryNames[string(foldWord(ws[i+span], &buf))] == "")) {
			fn(place, city, i, span)
		}
		if span > 0 {
			i += span - 1
		}
	}
}

// cityContext reports whether the words ws[at:at+n], a city of the
// world's list, are placed by the text: after a preposition of place, or
// before a comma and a state or country ("Surat, India"). Marks, where
// given, say where clauses break; a headline has none.
func cityContext(ws []string, marks []mark, at, n int) bool {
	if at > 0 && entity.CityPreposition(toLower(ws[at-1])) && (marks == nil || marks[at] == 0) {
		return true
	}
	if marks == nil || at+n >= len(ws) || marks[at+n]&afterBreak == 0 || marks[at+n]&opensClause != 0 {
		return false
	}
	var buf [64]byte
	c, ok := countryNames[string(foldWord(ws[at+n], &buf))]
	return ok && !cityNamed[c]
}

// cityNamed holds the names of the world's cities (Locality.City).
var cityNamed = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range localities {
		if l.City {
			m[l.Name] = true
		}
	}
	return m
}()

// placeFirst holds the first words of the names in countryNames.
var placeFirst = func() map[string]bool {
	m := map[string]bool{}
	for k := range countryNames {
		first, _, _ := strings.Cut(k, " ")
		m[first] = true
	}
	return m
}()

// foldWord folds one word as entity.Fold does, without its possessive,
// into buf when the word is ASCII and fits (without allocating), and
// through entity.Fold otherwise.
func foldWord(w string, buf *[64]byte) []byte {
	w = entity.TrimPossessive(w)
	if len(w) > len(buf) || !isASCII(w) {
		return []byte(entity.Fold(w))
	}
	n := 0
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') || c == last {
			continue
		}
		buf[n] = c
		n++
		last = c
	}
	return buf[:n]
}

// capitalized reports a word that opens with a capital letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// words splits text into words: runs of letters and digits, keeping
// inner apostrophes, hyphens and decimal points.
func words(s string) []string {
	ws, _ := scan(s)
	return ws
}

// mark tells, of a word that scan returns, whether it opens a clause
// and whether punctuation inside a clause comes before it.
type mark uint8

const (
	// opensClause marks the first word, and those after sentence
	// punctuation, a colon, a semicolon or a line break. A dot ends a
	// clause only before a space or the end, so "U.S." stays one word of
	// its clause.
	opensClause mark = 1 << iota
	// afterBreak marks a word after a comma, a bracket, a quotation mark,
	// a dash or a slash: a name does not run across them ("Boulder,
	// Colorado" names two places).
	afterBreak
)

// scan splits text as words does and marks each word (see mark).
func scan(s string) (ws []string, marks []mark) {
	// English words average under six bytes with their spaces: sized so,
	// the slices rarely grow
	ws, marks = make([]string, 0, len(s)/6+1), make([]mark, 0, len(s)/6+1)
	start := -1
	m := opensClause
	for i, r := range s {
		inner := (r == '\'' || r == '’' || r == '-' || r == '.') && start >= 0 && i+1 < len(s) && isWordByte(s[i+1])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || inner {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			ws, marks = append(ws, s[start:i]), append(marks, m)
			start, m = -1, 0
		}
		switch r {
		case '!', '?', '\n', ':', ';':
			m |= opensClause
		case '.':
			// (the dot closing initials, "U.S. Geological Survey", opens
			// no clause)
			initials := len(ws) > 0 && i > 0 && s[i-1] != ' ' && strings.Contains(ws[len(ws)-1], ".")
			if !initials && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') {
				m |= opensClause
			}
		case ',', '(', ')', '[', ']', '"', '“', '”', '‘', '—', '–', '/', '|':
			m |= afterBreak
		}
	}
	if start >= 0 {
		ws, marks = append(ws, s[start:]), append(marks, m)
	}
	return ws, marks
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// term normalises a word for comparison: lowercased, possessive dropped,
// lightly stemmed; stopwords and one-letter words give "".
func term(w string) string { return termLower(toLower(w)) }

// termLower is term for a word already in lower case.
func termLower(w string) string {
	w = entity.TrimPossessive(w)
	if len(w) < 2 || utf8.RuneCountInString(w) < 2 || stopwords[w] {
		return ""
	}
	return stem(w)
}

// toLower is strings.ToLower without an allocation for words already in
// lower case, which most words are.
func toLower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// stem strips common English inflections. It is deliberately light:
// clustering needs "protests" and "protest" to meet, not linguistics.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 6 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// commonWord reports a word, in lower case, that the shipped English
// prior counts in lower case at least four times as often as in a name.
func commonWord(w string) bool {
	p := English()
	t := p.DF[term(w)]
	return t >= 5 && 4*p.DF["\x01"+entity.Fold(w)] < t
}

// addEntities adds the proper-noun phrases of a text's words (marks as
// scan gives them): runs of capitalised words within a clause and between
// punctuation, without
// capitalised function words ("The", "In") and calendar names. A capital
// opening a clause marks a name only if inLower reports that the text
// never writes the word in lower case, and a word alone that opens a
// clause only if common (nil: none) does not report it.
func addEntities(dst map[string]float64, ws []string, marks []mark, weight float64, inLower, common func(string) bool) {
	run := make([]string, 0, 8)
	runOpens := false
	flush := func() {
		if len(run) > 0 && !(len(run) == 1 && runOpens && common != nil && common(strings.ToLower(run[0]))) {
			dst[entityKey(run)] += weight
		}
		run = run[:0]
	}
	for i, w := range ws {
		open := marks[i]&opensClause != 0
		if marks[i] != 0 {
			flush()
		}
		if !capitalized(w) || utf8.RuneCountInString(w) < 2 {
			flush()
			continue
		}
		lw := strings.ToLower(w)
		if notEntity[lw] || open && inLower != nil && inLower(lw) {
			flush()
			continue
		}
		if len(run) == 0 {
			runOpens = open
		}
		run = append(run, w)
	}
	flush()
}

// titleCase reports whether most of a title's longer words are
// capitalised, as in English headline style.
func titleCase(title string) bool {
	var long, capital int
	for i, w := range words(title) {
		if i == 0 || utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if capitalized(w) {
			capital++
		}
	}
	return long >= 2 && 2*capital > long
}

// headWords returns the words of the names a headline gives, folded and
// sorted, without the words that say only what kind of thing a name is
// ("county"), and with the parts of a hyphenated name that other outlets
// write alone ("Atlanta" of "Atlanta-area").
func headWords(heads map[string]float64, title []string) []string {
	set := map[string]bool{}
	for e := range heads {
		for _, w := range strings.Fields(e) {
			set[w] = true
		}
	}
	for _, w := range title {
		if !strings.ContainsRune(w, '-') || !set[entity.Fold(w)] {
			continue
		}
		for _, part := range strings.Split(w, "-") {
			if len(part) >= 3 && !commonWord(part) {
				set[entity.Fold(part)] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for w := range set {
		if len(w) >= 3 && !kindWords[w] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// addTitleEntities adds weight to dst for each entity of body whose words
// appear, in order and adjacent, in the title.
func addTitleEntities(dst, body map[string]float64, title []string, weight float64) {
	norm := make([]string, len(title))
	for i, w := range title {
		norm[i] = entityKey([]string{w})
	}
	padded := " " + strings.Join(norm, " ") + " "
	for e := range body {
		if strings.Contains(padded, " "+e+" ") {
			dst[e] += weight
		}
	}
}

// entityKey normalises a proper-noun phrase so that its usual spellings
// meet: without the possessive ("Japan's" is "Japan"), then folded as
// entity.Fold does ("Takaiichi" is "Takaichi", "U.S." is "US").
func entityKey(run []string) string {
	last := len(run) - 1
	run[last] = entity.TrimPossessive(run[last])
	return entity.Fold(strings.Join(run, " "))
}

// notEntity are capitalised words that end or never start a proper-noun
// phrase: function words that open sentences, and calendar names.
var notEntity = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "if", "as", "by", "to", "from",
		"with", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "his", "her", "their",
		"its", "our", "when", "while", "after", "before", "since", "during", "although", "however", "meanwhile",
		"there", "here", "what", "who", "why", "how", "where", "some", "many", "most", "more", "all", "both",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
		"march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"mr", "mrs", "ms", "dr", "photo", "read", "share", "but", "yet", "so", "then", "also",
		"der", "die", "das", "le", "la", "les", "el", "los", "las", "il",
	} {
		m[w] = true
	}
	return m
}()
