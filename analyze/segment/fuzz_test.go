package segment

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSentences checks that sentences are ordered, non-overlapping spans
// of the text that start and end on token boundaries, and that Tokens's
// ASCII fast path splits as the Unicode classes do.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Dr. Smith met Gen. J. R. Allen on Friday. They talked.", `"Why?" she asked.`, "a\n\nb", "U.S. The", "高市首相は述べた。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		last := 0
		for _, s := range Sentences(text) {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %+v after %d in %q", s, last, text)
			}
			last = s.End
		}
		if got, want := Tokens(text), unicodeTokens(text); !slices.Equal(got, want) {
			t.Fatalf("Tokens(%q) = %v, want %v", text, got, want)
		}
	})
}

// unicodeTokens is Tokens with every character classified by the unicode
// package: the reference for its ASCII fast path.
func unicodeTokens(s string) []Token {
	letter := func(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }
	word := func(i int) int {
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case letter(r) || unicode.IsDigit(r):
				i += n
			case (r == '\'' || r == '’' || r == '-' || r == '‐') && i+n < len(s):
				next, _ := utf8.DecodeRuneInString(s[i+n:])
				if !letter(next) && !unicode.IsDigit(next) {
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
	number := func(i int) int {
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsDigit(r) {
				i += n
				continue
			}
			if (r == ',' || r == '.' || r == ':' || r == '/') && i+n < len(s) {
				if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsDigit(next) {
					i += n
					continue
				}
			}
			return i
		}
		return i
	}
	var out []Token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsDigit(r):
			j := number(i)
			out = append(out, Token{i, j, Number})
			i = j
		case letter(r):
			j := word(i)
			out = append(out, Token{i, j, Word})
			i = j
		default:
			out = append(out, Token{i, i + n, Punct})
			i += n
		}
	}
	return out
}
