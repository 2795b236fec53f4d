package quote

import (
	"strings"

	"github.com/parallax-news/parallax/analyze/segment"
)

// maxNP bounds a speaker's noun phrase, in tokens.
const maxNP = 12

// npBackward returns where the noun phrase that ends before token end
// starts: "Stein spokeswoman Melezia Figueroa", "the source", "who",
// "House Speaker Paul D. Ryan (R-Wis.)". It returns end when there is
// none, or when the cue is the second verb of a coordination ("spotted
// Stein and reported"), whose subject lies out of reach.
func (d *doc) npBackward(end int) int {
	if end == 0 || d.w(end-1) == "and" || d.w(end-1) == "but" || d.w(end-1) == "or" {
		return end
	}
	if d.w(end-1) == "," { // "Ayrault, the foreign minister, said"
		if name := d.longAppositive(end - 1); name < end-1 {
			return name
		}
		s := d.npScan(end - 1)
		// "Councillor Ruth Abernethy, who opposed the plan, said"
		if p := s - 1; p >= 2 && (d.w(p) == "who" || d.w(p) == "which") && d.w(p-1) == "," {
			if name := d.npScan(p - 1); name < p-1 && d.capitalized(name) {
				return name
			}
		}
		if subj, _ := d.beforeInsertion(end - 1); subj < end-1 {
			return subj
		}
		if s < end-1 {
			return d.appositive(s)
		}
		return end
	}
	return d.npScan(end)
}

// beforeInsertion returns the span of tokens [start, stop) of the
// subject that opens the sentence and is set off from its verb by an
// insertion between commas, the second at comma: "The study" in "The
// study, released on Monday, found", "A senior official" in "A senior
// official, speaking on condition of anonymity, said", "The ministry" in
// "The ministry, in a statement issued late Monday, said". The insertion
// opens with a participle or a preposition. Both are comma when there is
// none.
func (d *doc) beforeInsertion(comma int) (start, stop int) {
	if d.w(comma) != "," {
		return comma, comma
	}
	lo, _ := d.sentenceTokens(d.sent[comma])
	open := -1
	for k := comma - 1; k > lo && comma-k <= 2*maxNP; k-- {
		w := d.w(k)
		if w == "," {
			open = k
			break
		}
		if d.toks[k].Kind == segment.Punct && !d.innerPunct(k) {
			return comma, comma
		}
	}
	if open < 0 || open+1 >= comma || open-lo > maxNP {
		return comma, comma
	}
	first := d.w(open + 1)
	if d.capitalized(open+1) || !insertionStarts[first] && !strings.HasSuffix(first, "ing") && !strings.HasSuffix(first, "ed") && irregular[first] == "" {
		return comma, comma // (a name is an appositive: "…, Ned Price, said")
	}
	if d.npScan(open) != lo || !d.plausibleSpeaker(lo, open) || d.hasVerb(lo, open) {
		return comma, comma
	}
	return lo, open
}

// speakerUpTo returns the speaker of tokens [src, cue), without an
// insertion set off by commas before the cue: "The study", not "The
// study, released on Monday,".
func (d *doc) speakerUpTo(src, cue int) Span {
	if subj, open := d.beforeInsertion(cue - 1); subj == src && open < cue-1 {
		return d.speaker(src, open)
	}
	return d.speaker(src, cue)
}

// insertionStarts open a phrase set off between a subject and its verb:
// "The ministry, in a statement, said".
var insertionStarts = map[string]bool{
	"in": true, "at": true, "on": true, "during": true, "after": true, "before": true, "like": true,
	"unlike": true, "along": true, "together": true, "through": true, "via": true, "for": true,
}

// appositive extends a noun phrase that is an appositive ("a prominent
// Democrat" in "Charlie King, a prominent Democrat, said") to the name
// before it.
func (d *doc) appositive(s int) int {
	if s < 2 || d.w(s-1) != "," {
		return s
	}
	switch d.w(s) {
	case "a", "an", "the", "who":
	default:
		if d.toks[s].Kind != segment.Number && !d.capitalized(s) {
			return s
		}
	}
	name := d.npScan(s - 1)
	if name < s-1 && s-1-name <= 6 && d.capitalized(name) && !functionWords[d.w(name)] {
		return name
	}
	// "The senator, a Republican from Texas, said": a person named by
	// what they are, described after
	if name < s-1 && s-1-name <= 4 && d.w(name) == "the" && sourceNouns[d.w(s-2)] {
		return name
	}
	return s
}

// longAppositive returns where the name starts that opens the clause
// ending at comma and is set off from the rest by a comma: "Leonard E.
// Burman" in "Leonard E. Burman, director of the centrist Urban-Brookings
// Tax Policy Center and a professor at the Maxwell School of Syracuse
// University, said", and in "Michael Mulgrew, president of the United
// Federation of Teachers, which represents New York City educators,
// said". The clause opens its sentence or follows a quotation. It
// returns comma when there is no such name.
func (d *doc) longAppositive(comma int) int {
	lo, _ := d.sentenceTokens(d.sent[comma])
	start := -1
	for k := comma - 1; k >= lo && comma-k <= 3*maxNP; k-- {
		w := d.w(k)
		if quoteMarks[w] {
			start = k + 1
			break
		}
		if w == ";" || w == ":" || w == "(" || w == ")" || w == "--" || w == "—" || w == "–" {
			return comma
		}
		if k == lo {
			start = lo
		}
	}
	if start < 0 {
		return comma
	}
	if d.w(start) == "," { // `"…", Burman, …`
		start++
	}
	// the name, with a title in lower case inside it ("Democratic
	// nominee Hillary Clinton"): it opens and ends with a capital
	j := start
	for j < comma && j-start < 8 && (d.toks[j].Kind == segment.Word || d.innerPunct(j)) {
		w := d.w(j)
		if functionWords[w] || badSpeakerStarts[w] || sentenceAdverbs[w] || strings.HasSuffix(w, "ly") || pronouns[w] || d.cueAt(j) {
			return comma
		}
		j++
	}
	if j == start || j+1 >= comma || d.w(j) != "," || !d.capitalized(start) || !d.capitalized(j-1) {
		return comma
	}
	return start
}

// quoteMarks are the quotation marks as d.w gives them (it writes the
// typewriter marks ” and “ as ").
var quoteMarks = map[string]bool{`"`: true, "“": true, "”": true, "«": true, "»": true, "„": true}

// sentenceAdverbs open sentences with a capital and a comma, and name no
// one: "Meanwhile, the senator, …, said".
var sentenceAdverbs = map[string]bool{
	"meanwhile": true, "still": true, "instead": true, "now": true, "today": true, "yesterday": true,
	"earlier": true, "later": true, "then": true, "indeed": true, "moreover": true, "furthermore": true,
	"nonetheless": true, "nevertheless": true, "thus": true, "therefore": true, "overall": true,
	"again": true, "finally": true, "first": true, "second": true, "here": true, "yet": true,
	"similarly": true, "likewise": true, "otherwise": true, "besides": true, "elsewhere": true,
}

// functionWords cannot start a name.
var functionWords = map[string]bool{
	"at": true, "in": true, "on": true, "for": true, "by": true, "with": true, "from": true, "after": true,
	"before": true, "during": true, "but": true, "and": true, "the": true, "a": true, "an": true,
	"when": true, "while": true, "as": true, "if": true, "this": true, "that": true, "it": true,
	"there": true, "to": true, "of": true, "under": true, "over": true, "since": true, "however": true,
}

func (d *doc) capitalized(i int) bool {
	t := d.text[d.toks[i].Start:d.toks[i].End]
	return t != "" && t[0] >= 'A' && t[0] <= 'Z'
}

// npScan walks back from end over a noun phrase and returns its start.
func (d *doc) npScan(end int) int {
	k := end
	for k > 0 && end-k < maxNP && d.sent[k-1] == d.sent[end-1] {
		t, w := d.toks[k-1], d.w(k-1)
		switch {
		case w == ")":
			open := k - 1
			for open > 0 && d.w(open) != "(" && end-open < maxNP {
				open--
			}
			if d.w(open) != "(" {
				return k
			}
			k = open
			continue
		case t.Kind == segment.Punct && !d.innerPunct(k-1):
			return k
		case npStop[w], cueAux[w] && w != "also":
			return k
		case w == "and" && k < end && pronouns[d.w(k)]:
			return k
		case w == "who" || w == "which":
			if k == end {
				return k - 1
			}
			return k
		}
		k--
	}
	return k
}

// innerPunct reports punctuation inside a name: the dot of "Mr." or
// "D.", the apostrophe of a possessive, a hyphen.
func (d *doc) innerPunct(i int) bool {
	w := d.w(i)
	glued := i > 0 && d.toks[i-1].End == d.toks[i].Start
	switch w {
	case ".":
		if last := i+1 == len(d.toks) || d.sent[i+1] != d.sent[i]; last && len(d.w(i-1)) > 1 && !nameSuffixes[d.w(i-1)] {
			return false // the full stop after "tweeted Senator Ted Cruz."
		}
		return glued && d.toks[i-1].Kind == segment.Word && len(d.w(i-1)) <= 4
	case "'", "’", "-", "&":
		return true
	}
	return false
}

// nameSuffixes end names with a dot that may also end the sentence.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "inc": true, "co": true, "corp": true, "ltd": true}

// npForward returns where the noun phrase starting at token i ends:
// "Smith" in `, Smith said`, "Mr. Smith, the mayor" in `, said Mr.
// Smith, the mayor.`. It stops at a cue, punctuation or a clause word.
func (d *doc) npForward(i int) int {
	j := i
	for j < len(d.toks) && j-i < maxNP && d.sent[j] == d.sent[i] {
		t, w := d.toks[j], d.w(j)
		if w == "(" && j > i { // "Rep. Gwen Moore (D-Wis.)"
			k := j + 1
			for k < len(d.toks) && k-j < 8 && d.w(k) != ")" && d.sent[k] == d.sent[i] {
				k++
			}
			if d.w(k) == ")" {
				j = k + 1
				continue
			}
		}
		if t.Kind == segment.Punct && !d.innerPunct(j) {
			break
		}
		if npStop[w] || cueAux[w] || w == "in" || w == "on" || w == "at" || w == "during" || w == "to" {
			break
		}
		if _, ok := d.isCue(j); ok && j > i {
			break
		}
		j++
	}
	return j
}

// npForwardAppos is npForward for a speaker after the cue, which may end
// the sentence with an appositive: ", said Jo Coelbart, a retired
// Belgian general who …", ", said David Wasserman, House editor for the
// Cook Political Report."
func (d *doc) npForwardAppos(i int) int {
	j := d.npForward(i)
	if j > i && j+1 < len(d.toks) && d.w(j) == "," && d.sent[j+1] == d.sent[i] && !d.cueAt(j+1) && !d.clauseAfterName(j+1) {
		k := j + 1
		for k < len(d.toks) && k-i < 2*maxNP && d.sent[k] == d.sent[i] && d.w(k) != "," && d.w(k) != "." && d.w(k) != ";" && !d.cueAt(k) {
			k++
		}
		if k >= len(d.toks) || d.sent[k] != d.sent[i] || d.w(k) == "." || d.w(k) == "," {
			return k
		}
	}
	return j
}

// clauseAfterName reports whether what follows the comma at token k-1
// after a speaker is a phrase about the speaking, not a description of
// the speaker: a participle before a particle or preposition (", speaking
// of …", ", summing up …"), or an adjunct (", on his first day …").
// "acting director", "managing editor" are descriptions.
func (d *doc) clauseAfterName(k int) bool {
	w := d.w(k)
	if adjunctStarts[w] && !describes[w] {
		return true
	}
	if !strings.HasSuffix(w, "ing") || k+1 >= len(d.toks) {
		return false
	}
	next := d.w(k + 1)
	return functionWords[next] || determiners[next] || particles[next]
}

// describes open adjuncts that may describe a speaker: "Jo Coelbart, of
// the Baptist church", "…, for the Sierra Club".
var describes = map[string]bool{"of": true, "from": true, "for": true, "with": true, "by": true, "to": true}

// particles complete phrasal verbs: "summing up", "pointing out".
var particles = map[string]bool{"up": true, "out": true, "down": true, "back": true, "off": true, "about": true}

func (d *doc) cueAt(k int) bool {
	_, ok := d.isCue(k)
	return ok
}

// plausibleSpeaker reports whether tokens [i, j) can name a speaker: they
// start with a name, a pronoun, a determiner or a count, and not with a
// preposition, a date or a verb.
func (d *doc) plausibleSpeaker(i, j int) bool {
	if j <= i || j-i > 3*maxNP {
		return false
	}
	w := d.w(i)
	switch {
	case speakerStarts[w] || pronouns[w]:
		return true
	case badSpeakerStarts[w]:
		return false
	case d.capitalized(i):
		return true
	}
	// a bare plural, perhaps with modifiers and a phrase after it:
	// "experts", "elected officials from both parties", "restructuring
	// experts", but not a gerund's object ("was sending misleading
	// signals")
	h := j
	for k := i + 1; k < j; k++ {
		if headEnds[d.w(k)] {
			h = k
			break
		}
	}
	head := d.w(h - 1)
	if h-i <= 3 && j-i <= 8 && (head == "media" || head == "police" || head == "people") {
		return true // "local media", "state media", "riot police"
	}
	if h-i > 3 || j-i > 8 || !strings.HasSuffix(head, "s") || strings.HasSuffix(head, "ss") {
		return false
	}
	if strings.HasSuffix(w, "ing") {
		return h-i == 2 && (i == 0 || !cueAux[d.w(i-1)])
	}
	return true
}

// headEnds follow the head of a noun phrase: "officials from both
// parties".
var headEnds = map[string]bool{
	"of": true, "from": true, "in": true, "at": true, "with": true, "for": true, "on": true, "across": true,
	"around": true, "close": true, "familiar": true, "who": true,
}

var speakerStarts = map[string]bool{
	"the": true, "a": true, "an": true, "some": true, "many": true, "several": true, "most": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "one": true, "two": true,
	"three": true, "both": true, "other": true, "another": true, "critics": true, "officials": true,
	"experts": true, "analysts": true, "supporters": true, "opponents": true, "aides": true,
	"sources": true, "lawmakers": true, "residents": true, "witnesses": true, "police": true,
}

var badSpeakerStarts = map[string]bool{
	"at": true, "on": true, "in": true, "for": true, "to": true, "by": true, "from": true, "with": true,
	"during": true, "after": true, "before": true, "not": true, "even": true, "more": true, "also": true,
	"this": true, "that": true, "last": true, "next": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "aside": true,
}
