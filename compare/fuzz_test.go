package compare_test

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/compare"
)

// FuzzCompare checks that any two texts compare without panicking and
// that every article ID the analysis cites is one of the story's.
func FuzzCompare(f *testing.F) {
	f.Add("The bridge collapsed on Monday, injuring 14 people, officials said.", "The bridge collapsed on Tuesday, injuring 17 people, police said.")
	f.Add(`"We will not rest," Mayor Ilse Vandermeer said.`, `"We will not rest," said Ilse Vandermeere, the mayor.`)
	f.Add("China imposed a ban on seafood. The eastern span near Kessel Quay fell.", "The western approach near the rail depot fell. A 47% approval rating.")
	ref := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		var in []compare.Input
		for i, text := range []string{a, b} {
			art := &parallax.Article{ID: int64(i + 1), Source: string(rune('A' + i)), Title: "T", Text: text, Published: ref}
			in = append(in, compare.Input{Article: art, Annotation: analyze.Annotate(text, analyze.Options{Published: ref})})
		}
		an := compare.Compare(in)
		check := func(ids []int64) {
			for _, id := range ids {
				if id != 1 && id != 2 {
					t.Fatalf("cites article %d", id)
				}
			}
		}
		for _, c := range an.Claims {
			check(c.ArticleIDs)
		}
		for _, c := range an.Conflicts {
			for _, v := range c.Values {
				check(v.ArticleIDs)
			}
		}
		for _, q := range an.Quotes {
			check(q.ArticleIDs)
		}
		for _, e := range an.Timeline {
			check(e.ArticleIDs)
		}
		for _, x := range an.Actions {
			check(x.ArticleIDs)
		}
	})
}
