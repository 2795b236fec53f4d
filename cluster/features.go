package cluster

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze/entity"
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
}

// rank hashes an article key (FNV-1a, 64 bits).
func rank(key string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return h
}

// titleWeight is how many body occurrences one title word is worth.
const titleWeight = 3

// Extract computes the features of an article.
func Extract(a *parallax.Article) *Features {
	f := &Features{
		ID: a.ID, Rank: rank(a.Key), Published: a.Published, Language: a.Language,
		Terms: map[string]float64{}, Entities: map[string]float64{},
	}
	for _, w := range words(a.Title) {
		if t := term(w); t != "" {
			f.Terms[t] += titleWeight
		}
	}
	body := words(a.Text)
	f.Length = len(body)
	for _, w := range body {
		if t := term(w); t != "" {
			f.Terms[t]++
		}
	}
	// a capital opening a clause marks a name only if the text never
	// writes the word in lower case ("Alliance" opening a sentence of a
	// text that speaks of "the alliance")
	lower := map[string]bool{}
	for _, w := range body {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower[w] = true
		}
	}
	addEntities(f.Entities, a.Text, 1, lower)
	if titleCase(a.Title) {
		// In a headline where most words are capitalised, capitals do not
		// mark names ("Japan PM Says U.S. Alliance Would Collapse"): count
		// the body's entities the headline names instead.
		addTitleEntities(f.Entities, a.Title, titleWeight)
	} else {
		addEntities(f.Entities, a.Title, titleWeight, lower)
	}
	f.Signature = minhash(body)
	return f
}

// words splits text into words: runs of letters and digits, keeping
// inner apostrophes, hyphens and decimal points.
func words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		inner := (r == '\'' || r == '’' || r == '-' || r == '.') && start >= 0 && i+1 < len(s) && isWordByte(s[i+1])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || inner {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// term normalises a word for comparison: lowercased, possessive dropped,
// lightly stemmed; stopwords and one-letter words give "".
func term(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if utf8.RuneCountInString(w) < 2 || stopwords[w] {
		return ""
	}
	return stem(w)
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

// addEntities adds the proper-noun phrases of text: runs of capitalised
// words, without capitalised function words ("The", "In") and calendar
// names.
func addEntities(dst map[string]float64, text string, weight float64, lower map[string]bool) {
	for _, sentence := range clauses(text) {
		ws := words(sentence)
		var run []string
		flush := func() {
			if len(run) > 0 {
				dst[entityKey(run)] += weight
				run = run[:0]
			}
		}
		for i, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			capital := unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1 && !notEntity[strings.ToLower(w)] &&
				!(i == 0 && lower[strings.ToLower(w)])
			if capital {
				run = append(run, w)
				continue
			}
			flush()
		}
		flush()
	}
}

// clauses splits text where a capital cannot start a name: at sentence
// punctuation, colons, semicolons and line breaks. A dot ends a clause
// only before a space, so "U.S." stays one word.
func clauses(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '!' || c == '?' || c == '\n' || c == ':' || c == ';',
			c == '.' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n'):
			if i > start {
				out = append(out, text[start:i])
			}
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
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
