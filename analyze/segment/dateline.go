package segment

import "unicode"

// Dateline returns how many of a sentence's tokens a wire dateline
// takes at its start ("BRENNMOOR, March 2 (Northline Wire) - Part of a
// road bridge …", "SEOUL, South Korea — …", "Paris (AFP) - …"): up to
// and with a dash among its first dozen tokens, after a place written in
// capitals or an agency in parentheses, and before a word that opens a
// sentence. It returns 0 where there is none,
// or where fewer than four tokens would be left. toks are the sentence's
// tokens in s.
func Dateline(s string, toks []Token) int {
	if len(toks) == 0 {
		return 0
	}
	agency := false
	for k := 1; k < min(12, len(toks)-4); k++ {
		switch toks[k].Text(s) {
		case ")":
			agency = true
		case "-", "—", "–":
			if (agency || UpperWord(toks[0].Text(s), 3)) && opensSentence(toks[k+1].Text(s)) {
				return k + 1
			}
			return 0
		case ".":
			return 0
		}
	}
	return 0
}

// opensSentence reports whether w can open a sentence: a capital, a
// digit or a quotation mark. After a dateline's dash the story's first
// sentence begins; after "NATO - " a lower-case word ("which …")
// continues the sentence, and the capitals are a name, not a place.
func opensSentence(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Pi, unicode.Ps) || r == '"' || r == '\''
	}
	return false
}

// UpperWord reports whether w is a word of at least min letters, all
// capitals: a dateline's place ("BRENNMOOR"), a transcript speaker's
// label ("PENCE").
func UpperWord(w string, min int) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= min
}
