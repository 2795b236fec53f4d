// Package segment splits text into tokens and sentences. Offsets are byte
// offsets into the text given; callers that publish offsets convert them
// to code points (see analyze.Offsets).
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota + 1 // letters, with inner apostrophes, hyphens and abbreviation dots
	Number                 // digits, with inner separators: 1,200.5 or 9/11 or 10:30
	Punct                  // any other single non-space character
)

// Token is a span of the text.
type Token struct {
	Start, End int
	Kind       Kind
}

// Text returns the token's text in s.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// Tokens splits s into words, numbers and punctuation. A word keeps inner
// apostrophes and hyphens ("don't", "year-earlier") and the dots of an
// abbreviation ("U.S.", "a.m."); a number keeps inner separators followed
// by a digit ("1,200.5", "10:30", "3/5").
func Tokens(s string) []Token {
	out := make([]Token, 0, len(s)/4+8)
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		switch classOf(r) {
		case charSpace:
			i += n
		case charDigit:
			j := scanNumber(s, i)
			out = append(out, Token{i, j, Number})
			i = j
		case charLetter:
			j := scanWord(s, i)
			out = append(out, Token{i, j, Word})
			i = j
		default:
			out = append(out, Token{i, i + n, Punct})
			i += n
		}
	}
	return out
}

// Character classes for Tokens.
const (
	charOther = iota
	charSpace
	charDigit
	charLetter
)

// asciiClass classifies ASCII as the unicode package does.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch r := rune(c); {
		case unicode.IsSpace(r):
			t[c] = charSpace
		case unicode.IsDigit(r):
			t[c] = charDigit
		case unicode.IsLetter(r):
			t[c] = charLetter
		}
	}
	return t
}()

func classOf(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case unicode.IsSpace(r):
		return charSpace
	case unicode.IsDigit(r):
		return charDigit
	case isLetter(r):
		return charLetter
	}
	return charOther
}

// runeAt decodes the character at s[i] and its width in bytes. ASCII,
// most of a news text, is read and classified below without decoding or
// asking the unicode tables.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == charLetter
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == charDigit
	}
	return unicode.IsDigit(r)
}

func scanNumber(s string, i int) int {
	for i < len(s) {
		r, n := runeAt(s, i)
		if isDigit(r) {
			i += n
			continue
		}
		if (r == ',' || r == '.' || r == ':' || r == '/') && i+n < len(s) {
			if next, _ := runeAt(s, i+n); isDigit(next) {
				i += n
				continue
			}
		}
		return i
	}
	return i
}

// scanWord reads letters and digits, joined by single inner apostrophes,
// hyphens or abbreviation dots.
func scanWord(s string, i int) int {
	start := i
	for i < len(s) {
		r, n := runeAt(s, i)
		switch {
		case isLetter(r) || isDigit(r):
			i += n
		case (r == '\'' || r == '’' || r == '-' || r == '‐') && i+n < len(s):
			next, _ := runeAt(s, i+n)
			if !isLetter(next) && !isDigit(next) {
				return i
			}
			i += n
		case r == '.' && isAbbrevDot(s, start, i):
			i += n
		default:
			return i
		}
	}
	return i
}

// isAbbrevDot reports whether the dot at s[i] belongs to a dotted
// abbreviation of single letters: "U.S.", "a.m.", "e.g.".
func isAbbrevDot(s string, start, i int) bool {
	seg := s[start:i]
	if k := lastIndexDot(seg); k >= 0 {
		seg = seg[k+1:]
	}
	if k := strings.LastIndexAny(seg, "-‐"); k >= 0 { // "Japan-U.S."
		seg = seg[k+1:]
	}
	if utf8.RuneCountInString(seg) != 1 {
		return false
	}
	dotted := lastIndexDot(s[start:i]) >= 0
	letter, _ := utf8.DecodeRuneInString(seg)
	if i+1 >= len(s) {
		return dotted || unicode.IsUpper(letter)
	}
	next, _ := utf8.DecodeRuneInString(s[i+1:])
	return isLetter(next) || dotted || unicode.IsUpper(letter)
}

func lastIndexDot(s string) int {
	for k := len(s) - 1; k >= 0; k-- {
		if s[k] == '.' {
			return k
		}
	}
	return -1
}

// Words answers HasWord for one text many times, in time that does not
// grow with the text: a long text's runs of letters are indexed on the
// first question. (A short text is searched; indexing it would cost
// more than the searches.)
type Words struct {
	text string
	runs map[string]bool
}

// NewWords returns the word index of text.
func NewWords(text string) *Words { return &Words{text: text} }

// indexAbove is the text length from which Words indexes.
const indexAbove = 64 << 10

// Has is HasWord(text, w).
func (ws *Words) Has(w string) bool {
	if len(ws.text) < indexAbove {
		return HasWord(ws.text, w)
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return HasWord(ws.text, w) // "well-known" is not one run
		}
	}
	if ws.runs == nil {
		ws.runs = map[string]bool{}
		start := -1
		for i, r := range ws.text {
			switch {
			case unicode.IsLetter(r):
				if start < 0 {
					start = i
				}
			case start >= 0:
				ws.runs[ws.text[start:i]] = true
				start = -1
			}
		}
		if start >= 0 {
			ws.runs[ws.text[start:]] = true
		}
	}
	return ws.runs[w]
}

// HasWord reports whether text holds w as a whole word: not inside a
// longer run of letters.
func HasWord(text, w string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(w)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[j:])
		if (i == 0 || !unicode.IsLetter(before)) && (j == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		from = i + 1
	}
}
