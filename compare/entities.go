package compare

import (
	"sort"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze/entity"
)

// entityIndex maps each article's entities to the story's.
type entityIndex struct {
	report []parallax.ReportEntity
	// of maps article ID and the article's entity ID to a report entity ID.
	of map[int64]map[string]string
}

// entities joins the articles' entities: the same type and a name that
// entity.Variants takes for a spelling of the same; a name one article
// leaves untyped takes the type the others agree on. Entities of no known
// type named in one article only are left out.
func entities(in []Input) entityIndex {
	type local struct {
		article  int64
		id       string
		name     string
		typ      string
		mentions []string
		titled   []string
	}
	var locals []local
	index := map[[2]string]int{} // article/entity → locals
	for _, x := range in {
		for _, e := range x.Annotation.Entities {
			k := [2]string{strconv.FormatInt(x.Article.ID, 10), e.EntityID}
			i, ok := index[k]
			if !ok {
				i = len(locals)
				index[k] = i
				locals = append(locals, local{article: x.Article.ID, id: e.EntityID, name: e.Canonical, typ: e.Type})
			}
			locals[i].mentions = append(locals[i].mentions, e.Text)
			if e.Title != "" && !strings.HasPrefix(strings.ToLower(e.Text), "the ") {
				// "Mayor Ilse Vandermeer" is how the article wrote it
				locals[i].titled = append(locals[i].titled, e.Title+" "+e.Text)
			}
		}
	}
	// a name that one article types and another leaves untyped is of the
	// type the first gives it, when the articles that type it agree:
	// "Brennmoor" is the place a dateline names, in the reports that do
	// not say so
	typeOf := map[string]string{}
	for _, l := range locals {
		if l.typ == entity.Other {
			continue
		}
		k := entity.Fold(l.name)
		if t, ok := typeOf[k]; ok && t != l.typ {
			typeOf[k] = "" // types disagree: leave it
		} else if !ok {
			typeOf[k] = l.typ
		}
	}
	for i, l := range locals {
		if t := typeOf[entity.Fold(l.name)]; l.typ == entity.Other && t != "" {
			locals[i].typ = t
		}
	}
	names := make([]entity.Name, len(locals))
	for i, l := range locals {
		names[i] = entity.Name{Text: l.name, Type: l.typ}
	}
	idx := entityIndex{report: []parallax.ReportEntity{}, of: map[int64]map[string]string{}}
	type group struct {
		e     parallax.ReportEntity
		names map[string]int
		seen  map[string]bool
		local []int
	}
	var groups []*group
	for _, members := range entity.Variants(names) {
		g := &group{names: map[string]int{}, seen: map[string]bool{}, local: members}
		g.e.Type = locals[members[0]].typ
		for _, m := range members {
			l := locals[m]
			g.names[l.name] += len(l.mentions)
			g.e.Mentions += len(l.mentions)
			g.e.ArticleIDs = addID(g.e.ArticleIDs, l.article)
			for _, t := range append(l.mentions, l.titled...) {
				g.seen[t] = true
			}
		}
		if g.e.Type == entity.Other && len(g.e.ArticleIDs) < 2 && g.e.Mentions < 3 {
			continue
		}
		groups = append(groups, g)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i].e, groups[j].e
		if len(a.ArticleIDs) != len(b.ArticleIDs) {
			return len(a.ArticleIDs) > len(b.ArticleIDs)
		}
		return a.Mentions > b.Mentions
	})
	for n, g := range groups {
		g.e.ID = "E" + strconv.Itoa(n+1)
		g.e.Name = bestName(g.names)
		g.e.Aliases = []string{}
		for t := range g.seen {
			if t != g.e.Name {
				g.e.Aliases = append(g.e.Aliases, t)
			}
		}
		sort.Strings(g.e.Aliases)
		g.e.ArticleIDs = sortIDs(g.e.ArticleIDs)
		idx.report = append(idx.report, g.e)
		for _, m := range g.local {
			l := locals[m]
			if idx.of[l.article] == nil {
				idx.of[l.article] = map[string]string{}
			}
			idx.of[l.article][l.id] = g.e.ID
		}
	}
	return idx
}

// bestName is the name most mentioned, the longest on ties.
func bestName(counts map[string]int) string {
	best, n := "", -1
	for name, c := range counts {
		if c > n || c == n && (len(name) > len(best) || len(name) == len(best) && name < best) {
			best, n = name, c
		}
	}
	return best
}

func (x entityIndex) name(id string) string {
	for _, e := range x.report {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}
