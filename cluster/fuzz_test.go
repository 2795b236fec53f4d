package cluster

import (
	"testing"

	"github.com/parallax-news/parallax"
)

// FuzzExtract feeds arbitrary titles and texts to Extract, which reads
// names, places and towns by position ("Boulder, Colorado") and must not
// index past a text's words.
func FuzzExtract(f *testing.F) {
	f.Add("Gunman kills 10 at Colorado supermarket", "A gunman opened fire in Boulder, Colorado, on Monday. The Atlanta-area spas; Georgia Governor Brian Kemp.")
	f.Add("", ", Colorado")
	f.Add("Japan-U.S.", "“Suspect” ,, - Texas, Ohio,")
	f.Fuzz(func(t *testing.T, title, text string) {
		x := Extract(&parallax.Article{Title: title, Text: text, Language: "en"})
		for _, c := range x.states {
			if c.main > 1 || c.named > 1 || c.main > 0 && c.named == 0 {
				t.Fatalf("state %+v counted wrongly", c)
			}
		}
	})
}
