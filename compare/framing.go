package compare

import (
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
)

// loadedTerms are words that carry a judgement beyond the fact they
// report: verbs of attack, labels, intensifiers. The list is short and
// general; it flags wording for a reader to look at, it does not score
// bias.
var loadedTerms = map[string]bool{
	"slammed": true, "blasted": true, "lashed": true, "blasts": true, "slams": true, "ripped": true,
	"egregious": true, "outrageous": true, "shocking": true, "stark": true, "dramatic": true, "dramatically": true,
	"regime": true, "puppet": true, "thugs": true, "terrorist": true, "terrorists": true, "extremist": true,
	"radical": true, "militant": true, "hardline": true, "hawkish": true, "aggression": true, "provocation": true,
	"provocative": true, "gambit": true, "ire": true, "fury": true, "furious": true,
	"catastrophe": true, "catastrophic": true, "chaos": true, "chaotic": true, "fiasco": true,
	"humiliating": true, "humiliation": true, "bombshell": true, "explosive": true, "defiant": true,
	"defiance": true, "backtracked": true, "caved": true, "flip-flop": true, "doubled": true, "militarism": true,
	"unprecedented": true, "alarming": true, "disheartening": true,
}

// framing compares how each outlet tells the story.
func framing(in []Input, cs []parallax.Claim) []parallax.OutletFraming {
	outlets := outletsOf(in)
	var order []string
	by := map[string]*parallax.OutletFraming{}
	terms := map[string]map[string]bool{}
	for _, x := range in {
		src := x.Article.Source
		f, ok := by[src]
		if !ok {
			f = &parallax.OutletFraming{Source: src, Headlines: []string{}, LoadedTerms: []string{}, Omits: []string{}}
			by[src] = f
			terms[src] = map[string]bool{}
			order = append(order, src)
		}
		if x.Article.Title != "" {
			f.Headlines = append(f.Headlines, x.Article.Title)
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(x.Article.Title+" "+x.Article.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-'
		}) {
			if loadedTerms[w] && !terms[src][w] {
				terms[src][w] = true
				f.LoadedTerms = append(f.LoadedTerms, w)
			}
		}
	}
	for _, c := range cs {
		if c.Status == parallax.SingleSource || independent(c.ArticleIDs, outlets) < 2 {
			continue
		}
		says := map[string]bool{}
		for _, id := range c.ArticleIDs {
			says[outlets.outlet[id]] = true
		}
		for _, src := range order {
			if !says[src] && len(by[src].Omits) < 10 {
				by[src].Omits = append(by[src].Omits, c.Text)
			}
		}
	}
	out := make([]parallax.OutletFraming, 0, len(order))
	for _, src := range order {
		sort.Strings(by[src].LoadedTerms)
		out = append(out, *by[src])
	}
	return out
}
