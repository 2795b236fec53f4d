package cluster

import (
	"hash/fnv"
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
	for _, w := range words(a.Title) {
		if t := term(w); t != "" {
			f.Terms[t] += titleWeight
		}
	}
	body, opens := scan(a.Text)
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
	addEntities(f.Entities, body, opens, 1, inLower)
	if titleCase(a.Title) {
		// In a headline where most words are capitalised, capitals do not
		// mark names ("Japan PM Says U.S. Alliance Would Collapse"): count
		// the body's entities the headline names instead.
		addTitleEntities(f.Entities, a.Title, titleWeight)
	} else {
		tw, topens := scan(a.Title)
		addEntities(f.Entities, tw, topens, titleWeight, inLower)
	}
	f.states = countriesOf(a.Title, f.Entities)
	return f
}

// countryNames maps folded state names, other names and capitals to
// states.
var countryNames = entity.Countries()

// countriesOf returns the states named in entities or in the title,
// each once, named when entities name it and main when the title does.
func countriesOf(title string, entities map[string]float64) []countryCount {
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
	for e := range entities {
		if c, ok := countryNames[e]; ok {
			at(c).named = 1
		}
	}
	ws := words(title)
	folded := make([]string, len(ws))
	capital := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(ws[i])
		return unicode.IsUpper(r)
	}
	for i := range ws {
		if !capital(i) {
			continue
		}
		// names of up to three words that open and close with capitals:
		// "South Korea", "Trinidad and Tobago"
		key := ""
		for n := 1; n <= 3 && i+n <= len(ws); n++ {
			k := i + n - 1
			if folded[k] == "" {
				folded[k] = entity.Fold(ws[k])
			}
			if n > 1 {
				key += " "
			}
			key += folded[k]
			if !capital(k) {
				continue
			}
			if c, ok := countryNames[key]; ok {
				at(c).main = 1
			}
		}
	}
	return out
}

// words splits text into words: runs of letters and digits, keeping
// inner apostrophes, hyphens and decimal points.
func words(s string) []string {
	ws, _ := scan(s)
	return ws
}

// scan splits text as words does and marks the words that open a clause:
// the first, and those after sentence punctuation, a colon, a semicolon
// or a line break. A dot ends a clause only before a space or the end,
// so "U.S." stays one word of its clause.
func scan(s string) (ws []string, opens []bool) {
	// English words average under six bytes with their spaces: sized so,
	// the slices rarely grow
	ws, opens = make([]string, 0, len(s)/6+1), make([]bool, 0, len(s)/6+1)
	start := -1
	open := true
	for i, r := range s {
		inner := (r == '\'' || r == '’' || r == '-' || r == '.') && start >= 0 && i+1 < len(s) && isWordByte(s[i+1])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || inner {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			ws, opens = append(ws, s[start:i]), append(opens, open)
			start, open = -1, false
		}
		switch r {
		case '!', '?', '\n', ':', ';':
			open = true
		case '.':
			// (the dot closing initials, "U.S. Geological Survey", opens
			// no clause)
			initials := len(ws) > 0 && i > 0 && s[i-1] != ' ' && strings.Contains(ws[len(ws)-1], ".")
			open = open || !initials && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n')
		}
	}
	if start >= 0 {
		ws, opens = append(ws, s[start:]), append(opens, open)
	}
	return ws, opens
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// term normalises a word for comparison: lowercased, possessive dropped,
// lightly stemmed; stopwords and one-letter words give "".
func term(w string) string { return termLower(toLower(w)) }

// termLower is term for a word already in lower case.
func termLower(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
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

// addEntities adds the proper-noun phrases of a text's words (opens
// marks the words that open a clause): runs of capitalised words, without
// capitalised function words ("The", "In") and calendar names. A capital
// opening a clause marks a name only if inLower reports that the text
// never writes the word in lower case.
func addEntities(dst map[string]float64, ws []string, opens []bool, weight float64, inLower func(string) bool) {
	run := make([]string, 0, 8)
	flush := func() {
		if len(run) > 0 {
			dst[entityKey(run)] += weight
			run = run[:0]
		}
	}
	for i, w := range ws {
		if opens[i] {
			flush()
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 2 {
			flush()
			continue
		}
		lw := strings.ToLower(w)
		if notEntity[lw] || opens[i] && inLower != nil && inLower(lw) {
			flush()
			continue
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
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital++
		}
	}
	return long >= 2 && 2*capital > long
}

// addTitleEntities adds weight to each entity of dst whose words appear,
// in order and adjacent, in the title.
func addTitleEntities(dst map[string]float64, title string, weight float64) {
	ws := words(title)
	norm := make([]string, len(ws))
	for i, w := range ws {
		norm[i] = entityKey([]string{w})
	}
	padded := " " + strings.Join(norm, " ") + " "
	for e := range dst {
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
	run[last] = strings.TrimSuffix(strings.TrimSuffix(run[last], "'s"), "’s")
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
