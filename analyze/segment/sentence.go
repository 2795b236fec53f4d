package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range of the text.
type Span struct {
	Start, End int
}

// Sentences splits s into sentences. A line break always ends one, so
// headings and list items stand alone. Otherwise a sentence ends at ".",
// "!", "?", "…" or their CJK forms, together with closing quotes and
// brackets that follow, unless the dot ends a known abbreviation ("Dr.",
// "Gen.", "Sept.", "z.B.", "Mme."), an initial ("J. Smith"), or an
// ordinal before a month ("3. Oktober"), or what follows starts in lower
// case (`"We won," he said` or `"Why?" she asked`). A dotted abbreviation
// such as "U.S." ends a sentence only when a capitalised function word
// follows ("… in the U.S. The …").
func Sentences(s string) []Span {
	toks := Tokens(s)
	var out []Span
	start := -1
	emit := func(end int) {
		if start >= 0 && end > start {
			out = append(out, Span{start, end})
		}
		start = -1
	}
	first := 0 // the current sentence's first token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if start >= 0 && strings.ContainsRune(s[toks[i-1].End:t.Start], '\n') {
			emit(toks[i-1].End)
		}
		if start < 0 {
			start, first = t.Start, i
		}
		end, ok := sentenceEnd(s, toks, i)
		if ok {
			emit(toks[end].End)
			i = end
			continue
		}
		// text without full stops is cut into pieces of at most
		// maxSentence tokens, at a comma or semicolon once past five
		// sixths of that: what reads sentences stays linear in it
		if n := i - first + 1; n >= maxSentence || n >= maxSentence*5/6 && t.Kind == Punct && (s[t.Start] == ',' || s[t.Start] == ';') {
			emit(t.End)
		}
	}
	if len(toks) > 0 {
		emit(toks[len(toks)-1].End)
	}
	return out
}

// maxSentence is the most tokens a sentence holds. The longest sentence
// of PolNeAR, TimeBank and AQUAINT has 367.
const maxSentence = 600

// sentenceEnd reports whether token i ends a sentence, and the last token
// of the sentence (after closing quotes and brackets).
func sentenceEnd(s string, toks []Token, i int) (int, bool) {
	t := toks[i]
	text := t.Text(s)
	switch {
	case t.Kind == Punct && isTerminal(text):
	case t.Kind == Word && strings.HasSuffix(text, "."):
		// A dotted abbreviation: only before a capitalised function word.
		if i+1 < len(toks) && sameLine(s, t, toks[i+1]) && isStarter(toks[i+1].Text(s)) {
			return i, true
		}
		return i, false
	default:
		return i, false
	}
	end := i
	for end+1 < len(toks) && toks[end+1].Kind == Punct && toks[end+1].Start == toks[end].End &&
		(isTerminal(toks[end+1].Text(s)) || isCloser(toks[end+1].Text(s))) {
		end++
	}
	if end+1 >= len(toks) || !sameLine(s, toks[end], toks[end+1]) {
		return end, true
	}
	next := toks[end+1]
	if startsLower(next.Text(s)) || (next.Kind == Punct && !isOpener(next.Text(s))) {
		return i, false
	}
	if text == "." && end == i && i > 0 && isAbbrevBefore(s, toks, i) {
		return i, false
	}
	if text == "." && end == i && next.Kind == Number {
		return i, false
	}
	return end, true
}

func sameLine(s string, a, b Token) bool { return !strings.ContainsRune(s[a.End:b.Start], '\n') }

func isTerminal(p string) bool {
	switch p {
	case ".", "!", "?", "…", "。", "！", "？", "‼", "⁇":
		return true
	}
	return false
}

func isCloser(p string) bool {
	switch p {
	case "\"", "'", "”", "’", "»", "›", ")", "]", "」", "』", "）":
		return true
	}
	return false
}

func isOpener(p string) bool {
	switch p {
	case "\"", "'", "“", "‘", "«", "‹", "(", "[", "„", "「", "『", "¿", "¡", "—", "-", "–":
		return true
	}
	return false
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// isAbbrevBefore reports whether the dot at toks[i] ends an abbreviation,
// an initial or an ordinal before a month, rather than a sentence.
func isAbbrevBefore(s string, toks []Token, i int) bool {
	prev := toks[i-1]
	if prev.End != toks[i].Start {
		return false
	}
	w := prev.Text(s)
	if prev.Kind == Number {
		return i+1 < len(toks) && monthNames[strings.ToLower(toks[i+1].Text(s))]
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	if i+1 < len(toks) && toks[i+1].Kind == Word {
		next := strings.TrimSuffix(toks[i+1].Text(s), ".")
		// "z. B.", "d. h.", "e. g.": letter, dot, letter, dot
		if utf8.RuneCountInString(w) == 1 && utf8.RuneCountInString(next) == 1 && dotAfter(s, toks, i+1) {
			return true
		}
		// "EE. UU.", "FF. AA.": Spanish plurals of initials
		if doubled(w) && doubled(next) && dotAfter(s, toks, i+1) {
			return true
		}
	}
	lw := strings.ToLower(w)
	if suffixes[lw] {
		// "Acme Inc. The company …": a suffix can end a sentence.
		return !(i+1 < len(toks) && isStarter(toks[i+1].Text(s)))
	}
	return abbreviations[lw]
}

// dotAfter reports that the word toks[k] ends with a dot, in the token
// or glued after it.
func dotAfter(s string, toks []Token, k int) bool {
	return strings.HasSuffix(toks[k].Text(s), ".") ||
		k+1 < len(toks) && toks[k+1].Start == toks[k].End && toks[k+1].Text(s) == "."
}

// doubled reports two equal capital letters: "EE", "UU".
func doubled(w string) bool {
	r := []rune(w)
	return len(r) == 2 && r[0] == r[1] && unicode.IsUpper(r[0])
}

// isStarter reports a capitalised word that commonly opens a sentence.
func isStarter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && starters[strings.ToLower(w)]
}

// abbreviations end with a dot that does not end the sentence, in the
// major European languages; lower case, without the dot.
var abbreviations = setOf(
	// titles
	"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "cpl", "pvt",
	"adm", "maj", "brig", "cmdr", "pres", "rev", "hon", "gens", "sens", "reps", "supt", "insp", "amb",
	"del", "atty", "msgr", "gov", "sup", "asst", "assoc",
	"st", "jr", "sr", "messrs", "mme", "mlle", "mm", "sra", "srta", "dra", "hr", "fr", "frau", "herr", "sig", "dott", "ing", "avv",
	// organisations and places
	"inc", "corp", "co", "ltd", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "mt", "ft", "pt",
	// months and days
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	// other
	"no", "nos", "vs", "etc", "approx", "fig", "vol", "ch", "art", "abs", "ca", "bzw", "ggf", "usw", "vgl",
	"nr", "str", "tel", "pág", "núm", "cf", "al", "op", "ed", "eds",
)

// suffixes follow a name and may end a sentence too.
var suffixes = setOf("inc", "corp", "co", "ltd", "jr", "sr", "bros", "etc", "plc", "llc")

var monthNames = setOf(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
	"janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
	"gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
)

var starters = setOf(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
	"but", "and", "in", "on", "at", "for", "as", "if", "when", "while", "after", "before", "his", "her", "their",
	"its", "our", "my", "some", "many", "most", "officials", "mr", "mrs", "ms", "dr", "no", "yet", "so", "still",
	"however", "meanwhile", "now", "then", "last", "earlier", "later", "since", "under", "with", "without", "what",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
