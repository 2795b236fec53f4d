package timex

import "strings"

// tense returns the direction that a date without a year or week points
// in, from the tense of the verbs nearest to it in its sentence: -1 for
// the past ("met on Friday"), +1 for the future ("will meet on Friday"),
// 0 for the present, where the nearest such date wins. Without any verb
// news speaks of the past.
func (r *resolver) tense(e expr) int {
	if e.rel != 0 {
		return e.rel
	}
	if r.toks[e.end-1].poss {
		return -1 // "Wednesday's ruling": a thing already done
	}
	lo, hi := r.sentenceTokens(e.start)
	if r.deadline(e.start) && !r.pluperfect(lo, hi) {
		return 1 // "postponed until Tuesday", "as early as Tuesday"
	}
	best, bestDist := -1, 1<<30
	reported, reportedDist := -1, 1<<30
	for i := lo; i < hi; i++ {
		if i >= e.start && i < e.end {
			continue
		}
		d, ok := tenseOf(r.toks, i)
		if !ok {
			continue
		}
		if d > 0 && i > e.start && i+1 < len(r.toks) && r.toks[i+1].w == "to" && pastWordsTo[r.toks[i].w] {
			// "On Friday, they planned to pay": Friday dates the planning.
			d = -1
		}
		if reportingVerbs[r.toks[i].w] && !r.adjacent(i, e) {
			// "said he will go on Friday": the saying has its own tense.
			if dist := abs(i - e.start); dist < reportedDist {
				reported, reportedDist = d, dist
			}
			continue
		}
		dist := i - e.start
		if i >= e.end {
			dist = i - e.end + 1
		}
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = d, dist
		}
	}
	if bestDist == 1<<30 {
		return reported
	}
	return best
}

// deadline reports that the words before token i set a time still
// ahead of the writing: "until", "as soon as", "as early as".
func (r *resolver) deadline(i int) bool {
	w := func(k int) string { return word(r.toks, k) }
	if w(i-1) == "on" {
		i--
	}
	return w(i-1) == "until" || w(i-1) == "till" ||
		w(i-3) == "as" && (w(i-2) == "soon" || w(i-2) == "early") && w(i-1) == "as" ||
		w(i-1) == "to" && movedTo[w(i-2)] // "the deadline was extended to June 30"
}

// movedTo are verbs that move a date ahead, before "to" and the new date.
var movedTo = map[string]bool{"extended": true, "postponed": true, "delayed": true, "moved": true, "pushed": true, "adjourned": true, "deferred": true}

// pluperfect reports that tokens lo to hi hold "had": "Until Thursday,
// they had not called him a suspect" looks back from the past.
func (r *resolver) pluperfect(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if r.toks[i].w == "had" || r.toks[i].w == "hadn't" {
			return true
		}
	}
	return false
}

// adjacent reports that token i is next to the expression, so that the
// expression dates it: "said Friday", "Friday's statement said".
func (r *resolver) adjacent(i int, e expr) bool {
	return (i < e.start && e.start-i <= 2) || (i >= e.end && i-e.end <= 1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

var reportingVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "announced": true, "reported": true,
	"added": true, "stated": true, "declared": true, "noted": true,
}

// sentenceTokens returns the token range of the sentence holding token i.
func (r *resolver) sentenceTokens(i int) (int, int) {
	pos := r.toks[i].start
	start, end := 0, len(r.text)
	for _, s := range r.sentences {
		if s.Start <= pos && pos < s.End {
			start, end = s.Start, s.End
			break
		}
	}
	lo, hi := i, i
	for lo > 0 && r.toks[lo-1].start >= start {
		lo--
	}
	for hi < len(r.toks) && r.toks[hi].start < end {
		hi++
	}
	return lo, hi
}

// tenseOf classifies the word at i as a marker of future, past or present.
func tenseOf(toks []tok, i int) (int, bool) {
	w := toks[i].w
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].w
	}
	switch {
	case w == "next" && (next == "to" || next == "door"):
		return 0, false // "the blasts next to the embassy": a place
	case futureWords[w] || strings.HasSuffix(w, "'ll"):
		return 1, true
	case w == "going" && next == "to", (w == "is" || w == "are") && next == "to":
		return 1, true
	case futureBeforeTo[w] && (next == "to" || next == "for"):
		return 1, true
	case pastWords[w]:
		return -1, true
	case w == "am" && i > 0 && toks[i-1].num:
		return 0, false // "6 a.m.", a time, not "I am"
	case presentWords[w]:
		return 0, true
	case len(w) > 4 && strings.HasSuffix(w, "ed") && next == "by":
		// "new markets untouched by the crisis": a participle, whose
		// auxiliary, if any, tells the tense
		return 0, false
	case len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w]:
		return -1, true
	}
	return 0, false
}

var futureWords = map[string]bool{
	"will": true, "shall": true, "won't": true, "scheduled": true, "expected": true,
	"planning": true, "upcoming": true, "would": true, "slated": true, "next": true, "coming": true,
	"expects": true, "could": true, "might": true,
}

// pastWordsTo are past forms whose "to" clause lies ahead: the clause
// after them is future, the time before them is not.
var pastWordsTo = map[string]bool{"planned": true, "expected": true, "scheduled": true, "intended": true, "hoped": true, "wanted": true}

// futureBeforeTo mark the future before "to" or "for": "set to", "due for".
var futureBeforeTo = map[string]bool{
	"set": true, "due": true, "plan": true, "plans": true, "planned": true, "hoped": true, "intended": true, "aims": true, "aim": true, "intends": true,
	"intend": true, "hopes": true, "hope": true, "wants": true, "want": true, "ready": true,
}

var pastWords = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "told": true, "ago": true,
	"last": true, "began": true, "came": true, "went": true, "made": true, "took": true, "gave": true,
	"met": true, "left": true, "sent": true, "held": true, "found": true, "fell": true, "rose": true,
	"won": true, "lost": true, "hit": true, "struck": true, "killed": true, "became": true, "saw": true,
	"knew": true, "thought": true, "wrote": true, "spoke": true, "ran": true, "led": true, "got": true,
	"brought": true, "bought": true, "sold": true, "paid": true, "built": true, "earlier": true,
	"tore": true, "spent": true, "stood": true, "fled": true, "shot": true, "fought": true, "threw": true,
	"drove": true, "broke": true, "chose": true, "stole": true, "swore": true, "drew": true, "flew": true,
	"grew": true, "blew": true, "sank": true, "shook": true, "forgot": true, "hid": true, "felt": true,
	"kept": true, "slept": true, "meant": true, "sought": true, "taught": true, "caught": true,
	"understood": true, "withdrew": true, "arose": true, "woke": true, "heard": true, "ate": true,
	"wasn't": true, "weren't": true, "didn't": true, "hadn't": true,
	"has": true, "have": true,
}

var presentWords = map[string]bool{
	"is": true, "are": true, "says": true, "say": true, "am": true, "isn't": true, "aren't": true,
}

// notPastEd end in "ed" without being past verbs.
var notPastEd = map[string]bool{
	"need": true, "speed": true, "indeed": true, "proceed": true, "exceed": true, "succeed": true,
	"hundred": true, "bed": true, "red": true, "shed": true, "feed": true, "seed": true, "breed": true,
	"expected": true, "scheduled": true, "planned": true, "proposed": true, "intended": true, "based": true,
	"united": true, "limited": true, "detailed": true, "advanced": true,
}
