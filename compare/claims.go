package compare

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/analyze"

	"github.com/parallax-news/parallax"
)

// maxClaims bounds the claims a report lists; the most widely reported
// come first.
const maxClaims = 100

// statement is one sentence of one article, as claims align them.
type statement struct {
	article int64
	text    string
	words   map[string]bool
	ids     []int32  // the words, interned and sorted, for alignment
	order   int      // position in the story, articles in publication order
	days    []string // the days the sentence names (TIMEX3 values)
	amounts []amount // the amounts of specific things it gives
}

type claimGroup struct {
	members []int
}

// claims aligns the articles' sentences that state the same thing: enough
// content words in common. A claim is corroborated when two or more
// independent outlets state it, conflicting when its sentences give
// different values for a count, and single-source otherwise.
func claims(in []Input, figs []figure, confl []parallax.Conflict, qs []parallax.ReportQuote) ([]parallax.Claim, []parallax.Conflict) {
	var sts []statement
	for _, x := range in {
		for _, s := range x.Annotation.Sentences {
			w := contentWords(s.Text)
			if len(w) < 5 || !endsSentence(s.Text) {
				continue // headings, bylines, captions' credits, fragments
			}
			sts = append(sts, statement{article: x.Article.ID, text: s.Text, words: w, order: len(sts), days: daysIn(x.Annotation, s),
				amounts: amountsIn(x.Annotation, s)})
		}
	}
	groups := alignStatements(sts)
	dated := append(dateConflicts(groups, sts), amountConflicts(groups, sts)...)
	confl = append(confl, dated...)
	disputed := disputedSentences(confl)
	groups = mergeBySlot(groups, sts, disputed)
	groups = mergeByQuote(groups, sts, qs)
	outlets := outletsOf(in)
	out := []parallax.Claim{}
	for _, g := range groups {
		c := parallax.Claim{ArticleIDs: []int64{}, Evidence: []parallax.Evidence{}}
		text := ""
		for _, m := range g.members {
			st := sts[m]
			c.ArticleIDs = addID(c.ArticleIDs, st.article)
			c.Evidence = append(c.Evidence, parallax.Evidence{ArticleID: st.article, Sentence: st.text})
			if text == "" || betterClaimText(st.text, text) {
				text = st.text
			}
			if _, ok := disputed[st.text]; ok {
				c.Status = parallax.Conflicting
			}
		}
		c.Text = text
		c.ArticleIDs = sortIDs(c.ArticleIDs)
		if c.Status == "" {
			c.Status = parallax.SingleSource
			if independent(c.ArticleIDs, outlets) >= 2 {
				c.Status = parallax.Corroborated
			}
		}
		out = append(out, c)
	}
	rank := func(c parallax.Claim) int {
		n := independent(c.ArticleIDs, outlets)
		if c.Status == parallax.Conflicting {
			n++ // disagreement is news
		}
		return n
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) > rank(out[j]) })
	if len(out) > maxClaims {
		out = out[:maxClaims]
	}
	return out, dated
}

// betterClaimText reports whether sentence a states a claim better than
// b: it stands on its own where b opens with a pronoun ("She says …")
// or inside a quotation, or else it is shorter.
func betterClaimText(a, b string) bool {
	if pa, pb := dependent(a), dependent(b); pa != pb {
		return pb
	}
	return len(a) < len(b)
}

// dependent reports a sentence that needs the one before it to be
// understood: it opens with a pronoun or a quotation mark.
func dependent(s string) bool {
	if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") {
		return true
	}
	first, _, _ := strings.Cut(s, " ")
	switch first {
	case "He", "She", "They", "It", "We", "I", "This", "These", "Those", "His", "Her", "Their", "Its":
		return true
	}
	return false
}

// daysIn returns the day-precision dates a sentence names.
func daysIn(a analyze.Annotation, s analyze.Span) []string {
	var out []string
	for _, t := range a.Timexes {
		if t.Start >= s.Start && t.End <= s.End && t.Precision == "day" && len(t.Value) >= 10 && !strings.Contains(t.Value[:10], "X") {
			out = append(out, t.Value[:10])
		}
	}
	return out
}

// dateConflicts reports claims whose sentences, one per article, each
// name a single day, and not the same one: "collapsed on Monday" in one
// outlet, "on Tuesday" in another.
func dateConflicts(groups []*claimGroup, sts []statement) []parallax.Conflict {
	var out []parallax.Conflict
	for _, g := range groups {
		byDay := map[string][]statement{}
		var days []string
		for _, m := range g.members {
			st := sts[m]
			if len(st.days) != 1 {
				continue
			}
			if _, ok := byDay[st.days[0]]; !ok {
				days = append(days, st.days[0])
			}
			byDay[st.days[0]] = append(byDay[st.days[0]], st)
		}
		if len(days) < 2 {
			continue
		}
		sort.Strings(days)
		shortest := ""
		c := parallax.Conflict{Kind: parallax.ConflictValues}
		for _, d := range days {
			v := parallax.ConflictValue{Value: d, ArticleIDs: []int64{}, Evidence: []parallax.Evidence{}}
			for _, st := range byDay[d] {
				v.ArticleIDs = addID(v.ArticleIDs, st.article)
				v.Evidence = append(v.Evidence, parallax.Evidence{ArticleID: st.article, Sentence: st.text})
				if shortest == "" || len(st.text) < len(shortest) {
					shortest = st.text
				}
			}
			v.ArticleIDs = sortIDs(v.ArticleIDs)
			c.Values = append(c.Values, v)
		}
		c.Slot = "date of: " + shortest
		out = append(out, c)
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), `"'”’»)`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "。")
}

func hasArticle(g *claimGroup, sts []statement, article int64) bool {
	for _, m := range g.members {
		if sts[m].article == article {
			return true
		}
	}
	return false
}

// claimSimilarity is the weighted overlap at which two sentences state
// the same claim.
const claimSimilarity = 0.3

// maxCandidates bounds the groups a sentence is compared with: those
// sharing the most words with it. Without the bound, a story of hundreds
// of articles, whose sentences all share the story's words, costs time
// quadratic in its sentences.
const maxCandidates = 32

// alignStatements groups the statements that state the same thing, in
// story order: each joins the most similar group that holds no sentence
// of its article yet, if similar enough, or opens a group.
func alignStatements(sts []statement) []*claimGroup {
	ids := map[string]int32{}
	var df []int
	for i := range sts {
		st := &sts[i]
		st.ids = make([]int32, 0, len(st.words))
		for w := range st.words {
			id, ok := ids[w]
			if !ok {
				id = int32(len(df))
				ids[w] = id
				df = append(df, 0)
			}
			df[id]++
			st.ids = append(st.ids, id)
		}
		slices.Sort(st.ids)
	}
	weight := make([]float64, len(df))
	for id, n := range df {
		weight[id] = math.Log(1 + float64(len(sts))/float64(n))
	}
	// words in more than an eighth of a long story's sentences find no
	// candidates: they are in nearly every group, and weigh little
	common := max(100, len(sts)/8)
	var groups []*claimGroup
	index := make([][]int32, len(df)) // word → groups holding it
	shared := []int32{}               // group → words shared with the sentence
	var touched, cands []int32
	for i, st := range sts {
		touched = touched[:0]
		for _, w := range st.ids {
			if df[w] > common {
				continue
			}
			for _, g := range index[w] {
				if shared[g] == 0 {
					touched = append(touched, g)
				}
				shared[g]++
			}
		}
		cands = cands[:0]
		for _, g := range touched {
			if shared[g] >= 3 {
				cands = append(cands, g)
			}
		}
		slices.SortFunc(cands, func(a, b int32) int {
			if shared[a] != shared[b] {
				return int(shared[b] - shared[a])
			}
			return int(a - b)
		})
		best, bestSim := -1, 0.0
		for _, g := range cands[:min(len(cands), maxCandidates)] {
			if sim := similarity(st, sts, groups[g], weight); sim > bestSim {
				best, bestSim = int(g), sim
			}
		}
		for _, g := range touched {
			shared[g] = 0
		}
		if best >= 0 && bestSim >= claimSimilarity && !hasArticle(groups[best], sts, st.article) {
			groups[best].members = append(groups[best].members, i)
		} else {
			groups = append(groups, &claimGroup{members: []int{i}})
			shared = append(shared, 0)
			best = len(groups) - 1
		}
		for _, w := range st.ids {
			if l := index[w]; len(l) == 0 || l[len(l)-1] != int32(best) {
				index[w] = append(index[w], int32(best))
			}
		}
	}
	return groups
}

// similarity is the best weighted Jaccard similarity of st's words with a
// member of the group: words rare in the story weigh more, so that two
// renderings of one statement match on what is specific to it.
func similarity(st statement, sts []statement, g *claimGroup, weight []float64) float64 {
	best := 0.0
	// the first members stand for the group: comparing with every member
	// of a claim that 200 articles carry would cost quadratic time
	for _, m := range g.members[:min(len(g.members), 6)] {
		o := sts[m]
		var common, union float64
		shared := 0
		a, b := st.ids, o.ids
		for len(a) > 0 && len(b) > 0 {
			switch {
			case a[0] == b[0]:
				common += weight[a[0]]
				union += weight[a[0]]
				shared++
				a, b = a[1:], b[1:]
			case a[0] < b[0]:
				union += weight[a[0]]
				a = a[1:]
			default:
				union += weight[b[0]]
				b = b[1:]
			}
		}
		for _, w := range a {
			union += weight[w]
		}
		for _, w := range b {
			union += weight[w]
		}
		j := common / union
		// a long rewording shares many of the story's common words: plain
		// overlap of at least eight words counts too
		if plain := float64(shared) / float64(len(st.ids)+len(o.ids)-shared); shared >= 8 && plain > j {
			j = plain
		}
		if j > best {
			best = j
		}
	}
	return best
}

// mergeBySlot makes the sentences that give a value for one disputed
// count a single conflicting claim: "injuring 14 people" and "17 people
// were injured" state the same fact differently.
// slotOf maps each disputed sentence to its slot (disputedSentences).
func mergeBySlot(groups []*claimGroup, sts []statement, slotOf map[string]string) []*claimGroup {
	merged := map[string]*claimGroup{}
	var out []*claimGroup
	for _, g := range groups {
		slot := ""
		for _, m := range g.members {
			if s, ok := slotOf[sts[m].text]; ok {
				slot = s
				break
			}
		}
		if slot == "" {
			out = append(out, g)
			continue
		}
		if into, ok := merged[slot]; ok {
			into.members = append(into.members, g.members...)
			continue
		}
		merged[slot] = g
		out = append(out, g)
	}
	return out
}

// mergeByQuote joins the claims whose sentences carry one statement as
// different outlets render it (a quote group across articles), in words
// too different to align: "Takaichi stated that an assault on Taiwan
// could constitute a “survival-threatening situation”" and "… would
// constitute an “existential crisis”".
func mergeByQuote(groups []*claimGroup, sts []statement, qs []parallax.ReportQuote) []*claimGroup {
	type sentence struct {
		article int64
		text    string
	}
	groupOf := map[sentence]int{}
	for gi, g := range groups {
		for _, m := range g.members {
			groupOf[sentence{sts[m].article, sts[m].text}] = gi
		}
	}
	root := make([]int, len(groups))
	articles := make([]map[int64]bool, len(groups)) // of each root
	for i, g := range groups {
		root[i] = i
		articles[i] = map[int64]bool{}
		for _, m := range g.members {
			articles[i][sts[m].article] = true
		}
	}
	find := func(g int) int {
		for root[g] != g {
			g = root[g]
		}
		return g
	}
	for _, q := range qs {
		if len(q.ArticleIDs) < 2 || q.SpeakerEntityID == "" || slices.ContainsFunc(q.Variants, func(v parallax.QuoteVariant) bool {
			// a quotation of several sentences says more than one thing,
			// and a sentence that says much besides a short quotation
			// is about something else
			return !strings.Contains(v.Sentence, v.Text) || 5*len(v.Text) < 2*len(v.Sentence)
		}) {
			continue // a known speaker, and sentences about the statement
		}
		first := -1
		for _, v := range q.Variants {
			g, ok := groupOf[sentence{v.ArticleID, v.Sentence}]
			if !ok {
				continue
			}
			r := find(g)
			switch {
			case first < 0:
				first = r
			case r != first && !overlapping(articles[r], articles[first]):
				// only claims of different articles: an article does not
				// state one thing twice, so a join that would say so is
				// a chain of quotes drifting from one fact to another
				lo, hi := min(r, first), max(r, first)
				root[hi] = lo
				maps.Copy(articles[lo], articles[hi])
				first = lo
			}
		}
	}
	var out []*claimGroup
	for gi, g := range groups {
		if r := find(gi); r != gi {
			groups[r].members = append(groups[r].members, g.members...)
			continue
		}
		out = append(out, g)
	}
	return out
}

func overlapping(a, b map[int64]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// sides returns, for each disputed count, the first sentence giving each
// value, citing the articles that give that value.
func sides(confl []parallax.Conflict, seen map[string]bool) []parallax.BriefSentence {
	var out []parallax.BriefSentence
	for _, c := range confl {
		if c.Kind != parallax.ConflictValues {
			continue
		}
		for _, v := range c.Values {
			if len(v.Evidence) == 0 || seen[v.Evidence[0].Sentence] {
				continue
			}
			seen[v.Evidence[0].Sentence] = true
			out = append(out, parallax.BriefSentence{Text: v.Evidence[0].Sentence, ArticleIDs: v.ArticleIDs, Status: parallax.Conflicting})
		}
	}
	return out
}

// disputedSentences maps every sentence that gives a value of a value
// conflict to the conflict's slot. Vague-versus-precise pairs are not
// disputes.
func disputedSentences(confl []parallax.Conflict) map[string]string {
	out := map[string]string{}
	for _, c := range confl {
		if c.Kind != parallax.ConflictValues {
			continue
		}
		for _, v := range c.Values {
			for _, e := range v.Evidence {
				out[e.Sentence] = c.Slot
			}
		}
	}
	return out
}

// brief picks the story's brief from its claims: the most widely
// corroborated first, then conflicting ones, then single-source ones,
// each sentence exactly as an article wrote it, citing its articles.
func brief(cs []parallax.Claim, confl []parallax.Conflict) []parallax.BriefSentence {
	const size = 8
	out := []parallax.BriefSentence{}
	seen := map[string]bool{}
	for _, want := range []string{parallax.Corroborated, parallax.Conflicting, parallax.SingleSource} {
		n := 0
		for _, c := range cs {
			if len(out) >= size {
				return out
			}
			if c.Status != want || seen[c.Text] || !standsAlone(c.Text) {
				continue
			}
			if want == parallax.Conflicting {
				// one sentence per side of the disagreement, each citing
				// only the articles that say it
				if n == 0 {
					out = append(out, sides(confl, seen)...)
				}
				n++
				continue
			}
			n++
			seen[c.Text] = true
			out = append(out, parallax.BriefSentence{Text: c.Text, ArticleIDs: c.ArticleIDs, Status: c.Status})
		}
		if want == parallax.Conflicting && len(out) >= 3 {
			break // single-source sentences only fill a thin brief
		}
	}
	return out
}

// standsAlone reports whether a sentence can be read without the ones
// before it, as a brief's sentences are: not a question, not a lead-in to
// a quotation ("She added:"), not opening with a pronoun or a connective
// that points back ("She says…", "Therefore, …", "In that case, …"), and
// without a first person outside quotation marks, which is speech set
// down without them ("If something happens, we will have to act.").
func standsAlone(sentence string) bool {
	s := strings.TrimSpace(sentence)
	if s == "" || strings.HasSuffix(s, ":") {
		return false
	}
	bare := unquoted(s)
	if strings.HasSuffix(strings.TrimRight(bare, ` "'”’)`), "?") {
		return false
	}
	words := strings.FieldsFunc(bare, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	})
	if len(words) == 0 {
		return false
	}
	first, second := strings.ToLower(words[0]), ""
	if len(words) > 1 {
		second = strings.ToLower(words[1])
	}
	if opening := strings.Fields(bare)[0]; !strings.ContainsAny(opening, "-‐") && // "Then-president"
		(backPronouns[first] && !(first == "this" && timeNouns[second]) || // "This week, …" stands
			backConnectives[first] && !(first == "so" && second == "far")) {
		return false
	}
	if len(words) > 2 && backPhrases[first+" "+strings.ToLower(words[1])+" "+strings.ToLower(words[2])] {
		return false
	}
	for _, w := range words {
		if firstPerson[w] {
			return false
		}
	}
	return true
}

// unquoted returns s without the spans inside quotation marks.
func unquoted(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '“' || r == '«' || r == '„':
			depth++
		case (r == '”' || r == '»') && depth > 0:
			depth--
		case r == '"':
			depth = 1 - min(depth, 1)
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// backPronouns open a sentence that leans on an earlier one for whom or
// what it is about.
var backPronouns = wordSet("he she it they his her its their him them this these those such")

// backConnectives open a sentence that continues an earlier one.
var backConnectives = wordSet("therefore thus hence however but and also meanwhile still yet so moreover " +
	"furthermore besides instead then otherwise likewise similarly nonetheless nevertheless consequently accordingly")

// backPhrases are three-word openings that point back ("In that case").
var backPhrases = map[string]bool{"in that case": true, "in this case": true, "in that situation": true,
	"in this situation": true, "on the other": true, "at the same": true, "as a result": true,
	"in that event": true, "in such a": true}

// timeNouns after "this" name a time, not an earlier sentence's subject.
var timeNouns = wordSet("year week month morning afternoon evening night weekend spring summer autumn fall winter time season")

// firstPerson are the words of a speaker about themselves, matched with
// their case: "US" is a country, "us" a pronoun.
var firstPerson = wordSet("I we We our Our us me my My ourselves myself I'm I’m we're we’re We're We’re I've I’ve")

// wordSet is the set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
