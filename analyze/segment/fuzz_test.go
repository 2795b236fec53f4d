package segment

import (
	"testing"
	"unicode/utf8"
)

// FuzzSentences checks that sentences are ordered, non-overlapping spans
// of the text that start and end on token boundaries.
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
	})
}
