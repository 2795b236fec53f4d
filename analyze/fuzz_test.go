package analyze_test

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/analyze"
)

// FuzzAnnotate checks that any text annotates without panicking and that
// every span it reports indexes the text.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"Prime Minister Sanae Takaichi said on Monday: “We will respond.” 14 people were hurt.",
		"\"Don't shoot him,\" she says. \"He has no weapon.\"",
		"the 1990s, last November, 5 p.m. EST, Nov. 9, three years ago, $6.4B, 47%",
		"According to the police, , said . “ ” « » 「」 ― the the the",
		"Mr. . Dr. U.S. a.m. 's ’s - -- — ( ) (D-Wis.)",
	} {
		f.Add(s)
	}
	ref := time.Date(2026, 1, 28, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, opt := range []analyze.Options{{Published: ref}, {}} {
			a := analyze.Annotate(text, opt)
			n := utf8.RuneCountInString(text)
			check := func(s analyze.Span) {
				if s.Start < 0 || s.End > n || s.Start > s.End {
					t.Fatalf("span %+v outside text of %d code points", s, n)
				}
			}
			for _, s := range a.Sentences {
				check(s)
			}
			for _, e := range a.Entities {
				check(e.Span)
			}
			for _, q := range a.Quotes {
				check(q.Content)
				check(q.Cue)
				check(q.Speaker.Span)
			}
			for _, x := range a.Timexes {
				check(x.Span)
			}
			for _, x := range a.Numbers {
				check(x.Span)
			}
		}
	})
}
