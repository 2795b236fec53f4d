package quote

import (
	"strings"

	"github.com/parallax-news/parallax/analyze/segment"
)

// reported finds reported speech around cue verbs that the direct
// quotations did not use.
func (d *doc) reported(direct []Quote) []Quote {
	inQuote := make([]bool, len(d.toks))
	for _, q := range direct {
		for i, t := range d.toks {
			if (t.Start >= q.Content.Start && t.End <= q.Content.End) || (t.Start >= q.Cue.Start && t.End <= q.Cue.End && !q.Cue.Empty()) {
				inQuote[i] = true
			}
		}
	}
	var out []Quote
	for i := range d.toks {
		if inQuote[i] {
			continue
		}
		if d.w(i) == "according" && d.w(i+1) == "to" {
			if q, ok := d.accordingTo(i); ok {
				out = append(out, q)
			}
			continue
		}
		base, ok := d.isCue(i)
		if ok {
			if q, ok := d.parenthetical(i); ok {
				out = append(out, q)
				continue
			}
			if q, ok := d.postposed(i, base); ok {
				out = append(out, q)
				continue
			} else if q, ok := d.preposed(i, base, inQuote); ok {
				out = append(out, q)
				continue
			}
		}
		if q, ok := d.attitude(i, inQuote); ok {
			out = append(out, q)
		}
	}
	return out
}

// attitude reads a stance: "Sanders called for a tax on carbon",
// "Clinton wants to expand the program", "Republicans criticized the
// deal". The content is the object, up to the end of the clause.
func (d *doc) attitude(i int, inQuote []bool) (Quote, bool) {
	base, ok := attitudeForms[d.w(i)]
	if !ok || strings.HasSuffix(d.w(i), "ing") && !d.progressive(i) || d.nounCue(i) || d.capitalized(i) {
		// a capitalised verb is a headline's: "US Reaffirms Support for Japan"
		return Quote{}, false
	}
	if (d.w(i) == base+"s" || d.w(i) == base) && nounFollowers[d.w(i+1)] {
		return Quote{}, false // "Republican advocates such as …": a noun
	}
	if d.w(i) == base+"s" || d.w(i) == base {
		// a verb, not a noun: "the plan", "her support" have no subject
		// pronoun or name right before, nor "Her reference to …" opening
		// a sentence
		if i == 0 || determiners[d.w(i-1)] || !(pronouns[d.w(i-1)] || d.capitalized(i-1) || cueAux[d.w(i-1)]) {
			return Quote{}, false
		}
	}
	if d.passive(i) { // "should have been welcomed": the subject is no source
		return Quote{}, false
	}
	cueEnd := i + 1
	if p := attitudeVerbs[base]; p != "" {
		if !d.particle(cueEnd, p) {
			return Quote{}, false
		}
		cueEnd++
	}
	cueStart := d.auxStart(i)
	src := d.npBackward(cueStart)
	if d.afterSpeech(src, cueStart) != src {
		// "Stein said she plans to join": what she plans is part of
		// what she said, not a statement of its own
		return Quote{}, false
	}
	var speaker Span
	switch {
	case src == cueStart && cueStart > 0 && d.w(cueStart-1) == "and" && d.coordinatedCue(cueStart):
		// "… called the behavior “outrageous” and called for …": the
		// subject of the coordinated verbs
		if speaker = d.subject(d.sent[i]); speaker.Empty() {
			return Quote{}, false
		}
	case src == cueStart || pronouns[d.w(src)] && d.w(src) == "it":
		return Quote{}, false
	default:
		speaker = d.speakerUpTo(src, cueStart)
	}
	c := cueEnd
	if c >= len(d.toks) || d.sent[c] != d.sent[i] || inQuote[c] {
		return Quote{}, false
	}
	end := d.stanceEnd(c, d.contentEnd(c))
	if end-c < 2 {
		return Quote{}, false
	}
	return Quote{Speaker: speaker, Cue: d.span(cueStart, cueEnd), Content: d.span(c, end), Kind: Reported}, true
}

// particle reports that token i is one of the particles ps, separated
// by "|": "for|on" after "called".
func (d *doc) particle(i int, ps string) bool {
	for p := range strings.SplitSeq(ps, "|") {
		if d.w(i) == p {
			return true
		}
	}
	return false
}

// nounFollowers follow a noun rather than a verb: "advocates such as",
// "supporters of", "backers who".
var nounFollowers = map[string]bool{"such": true, "of": true, "who": true, "and": true, ",": true, ".": true}

// progressive reports a present participle after a form of "be": "is
// defending", "are now urging".
func (d *doc) progressive(i int) bool {
	k := i - 1
	for k >= 0 && isAdverb(d.w(k)) {
		k--
	}
	switch d.w(k) {
	case "is", "are", "was", "were", "been", "be", "'s", "'re", "’s", "’re":
		return true
	}
	return false
}

// preposed reads `Smith said (that) …`, `she told reporters …`,
// `officials believe …`.
func (d *doc) preposed(i int, base string, inQuote []bool) (Quote, bool) {
	if d.nounCue(i) || d.label(i) {
		return Quote{}, false
	}
	cueStart := d.auxStart(i)
	var speaker Span
	if strings.HasSuffix(d.w(i), "ing") && cueStart > 0 && gerundOpeners[d.w(cueStart-1)] {
		// "Takaichi made headlines in parliament by suggesting that …":
		// the gerund's subject is the sentence's
		if speaker = d.subject(d.sent[i]); speaker.Empty() {
			return Quote{}, false
		}
	} else if strings.HasSuffix(d.w(i), "ing") && cueStart > 0 && d.w(cueStart-1) == "," {
		// `…, Rendell recalled, suggesting …`: the main clause's speaker
		speaker = d.speakerBefore(cueStart - 1)
		if speaker.Empty() {
			speaker = d.subject(d.sent[i])
		}
		if speaker.Empty() {
			return Quote{}, false
		}
	} else if k := d.articleBefore(cueStart); k > 0 {
		// "Takaichi delivered a stark warning: …": the subject of the verb
		// that governs the cue noun
		if src := d.npBackward(k - 1); src < k-1 {
			speaker = d.speaker(src, k-1)
		}
	} else if src := d.npBackward(cueStart); src < cueStart {
		if d.afterSpeech(src, cueStart) != src {
			return Quote{}, false // "Clinton said she thinks …": part of what she said
		}
		if src+1 == cueStart && nonSpeakers[strings.ToLower(d.w(src))] {
			// "it acknowledges …": a thing, not a source
			return Quote{}, false
		}
		speaker = d.speakerUpTo(src, cueStart)
		if !speechVerbs[base] && d.utterance(src, cueStart) {
			// "The Prime Minister's comments reveal …": the writer's reading
			return Quote{}, false
		}
	}
	c := i + 1
	cueEnd := i + 1
	if base == "point" && d.w(c) == "out" { // "pointed out that"
		c, cueEnd = c+1, c+1
	}
	if objectCues[base] && d.w(c) != "that" {
		c = d.skipObject(c)
	}
	if d.w(c) == "to" && speechVerbs[base] { // "said to reporters"
		c = d.npForward(c + 1)
	}
	explicit := false
	for k := c; k < c+8 && k < len(d.toks) && d.sent[k] == d.sent[i]; k++ {
		if d.w(k) == "that" {
			if k > c && (d.relative(k) && d.auxBetween(c, k) || !d.opensClause(k+1)) {
				// "said officials have video that shows …": a relative
				// clause inside a content that has its verb already (but
				// "warned last month that corroded bearings had cracked");
				// "said the test could change that.": a pronoun
				break
			}
			c, explicit = k, true
			break
		}
		if d.toks[k].Kind == segment.Punct && d.w(k) != "," {
			break
		}
	}
	if d.w(c) == ":" || d.w(c) == "," {
		c++
	}
	if !explicit && speechVerbs[base] {
		// "said on Tuesday it had …": the time of the saying is not what
		// was said
		if k := d.timeOfSaying(c); k > c && d.clauseStart(k) {
			c = k
		}
	}
	if c < len(d.toks) && inQuote[c] {
		return Quote{}, false // a direct quotation already attributed
	}
	if base == "ask" && d.w(c) == "not" && d.w(c+1) == "to" && d.w(c+2) == "be" {
		return Quote{}, false // "asked not to be named": a request for anonymity
	}
	if !explicit && !speechVerbs[base] && !d.clauseStart(c) && !(objectPronouns[d.w(c)] && !strings.HasSuffix(d.w(i), "ing")) &&
		!d.subjectAt(c) {
		// (but "Video of the incident shows him with his hands up"
		// reports what the video shows)
		return Quote{}, false
	}
	if !explicit && replyVerbs[base] && d.w(c-1) != ":" {
		// "we will respond strictly within the law": an act, not speech
		return Quote{}, false
	}
	end := d.contentEnd(c)
	if !speechVerbs[base] {
		// "Polls show a close contest in the state, where …": what a
		// finding or a belief holds ends where the writer goes on
		end = d.stanceEnd(c, end)
	}
	if base == "describe" && d.w(c) == "as" {
		// "what she described as a situation threatening Japan's
		// survival, sending …": the description, up to the comma
		c++
		for k := c; k < end; k++ {
			if d.w(k) == "," || d.w(k) == ";" {
				end = k
				break
			}
		}
		if end-c < 2 {
			return Quote{}, false
		}
		return Quote{Speaker: speaker, Cue: d.span(cueStart, cueEnd+1), Content: d.span(c, end), Kind: Reported}, !speaker.Empty()
	}
	if speaker.Empty() && cueStart > 0 && d.w(cueStart-1) == "and" {
		// "Takaiichi refrained from retracting …, and stated that …": the
		// subject of the coordinated verbs
		speaker = d.subject(d.sent[i])
	}
	if end-c < 4 || (speaker.Empty() && !explicit) {
		return Quote{}, false
	}
	return Quote{Speaker: speaker, Cue: d.span(cueStart, cueEnd), Content: d.span(c, end), Kind: Reported}, true
}

// verbAhead reports an auxiliary or a negated verb among tokens [i,
// end) before a comma or a relative pronoun: what follows a cue there is
// a clause, not a speaker ("said the statement didn't clarify it", but
// "said Smith, who was there").
func (d *doc) verbAhead(i, end int) bool {
	for k := i; k < end; k++ {
		w := d.w(k)
		switch {
		case w == "," || w == "who" || w == "which" || w == "that":
			return false
		case auxiliaries[w], strings.HasSuffix(w, "n't"):
			return true
		}
	}
	return false
}

// stanceEnd ends the object of a stance verb, which runs from c to at
// most end, where the sentence goes on with a clause of its own ("agreed
// to lend him $5 million, and the union also stepped in"), a second verb
// of the subject ("declined that assignment and has since left"), a
// participle clause ("…, focusing on people under 30") or the writer's
// aside (", where …"), and before a colon ("scolded him: “…”" quotes
// what she said).
func (d *doc) stanceEnd(c, end int) int {
	// "that if American forces, which operate with us, come under
	// attack, and Japan does nothing, the alliance will collapse": a
	// content that opens with a condition goes on to its main clause, so
	// its ", and" joins the condition's parts
	o := c
	if d.w(o) == "that" {
		o++
	}
	conditional, relative := subordinators[d.w(o)], false
	for k := c + 1; k+1 < end; k++ {
		if d.inMarks(c, k) {
			continue
		}
		if conditional && d.w(k) == "," {
			switch {
			case relative:
				relative = false // the comma that closes "which …,"
			case relatives[d.w(k+1)]:
				relative = true
			case d.w(k+1) != "and" && d.w(k+1) != "or":
				conditional = false // the main clause
			}
			continue
		}
		switch {
		case d.w(k) == "," && (d.w(k+1) == "and" || d.w(k+1) == "but") && d.newClause(k+2, end):
			return k
		case d.w(k) == "," && (d.w(k+1) == "where" || d.w(k+1) == "with"), d.w(k) == ":":
			return k
		case (d.w(k) == "and" || d.w(k) == "but") && d.w(k-1) != "," && (auxiliaries[d.w(k+1)] || pastVerb(d.w(k+1))):
			return k
		case d.w(k) == "," && strings.HasSuffix(d.w(k+1), "ing") && len(d.w(k+1)) > 5 && d.toks[k+1].Kind == segment.Word:
			return k // "… to sign up 5 million people, focusing on …": the subject's act
		}
	}
	return end
}

// subjectAt reports a bare noun phrase at token i with its verb soon
// after: "believe bigotry and xenophobia are acceptable".
func (d *doc) subjectAt(i int) bool {
	for k := i + 1; k < len(d.toks) && k < i+5 && d.sent[k] == d.sent[i]; k++ {
		w := d.w(k)
		switch {
		case auxiliaries[w]:
			return true
		case d.toks[k].Kind == segment.Punct && !d.innerPunct(k), determiners[w], pronouns[w]:
			return false
		}
	}
	return false
}

// hasVerb reports a verb among tokens [i, j): an auxiliary, a past
// form, or a present form after a noun ("the plan works").
func (d *doc) hasVerb(i, j int) bool {
	for k := i; k < j; k++ {
		w := d.w(k)
		if d.capitalized(k) || d.toks[k].Kind != segment.Word {
			continue
		}
		if auxiliaries[w] || pastVerb(w) || irregular[w] != "" || strings.HasSuffix(w, "n't") {
			return true
		}
		if k > i && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && d.toks[k-1].Kind == segment.Word &&
			!determiners[d.w(k-1)] && !functionWords[d.w(k-1)] && !strings.HasSuffix(d.w(k-1), "'s") {
			return true
		}
	}
	return false
}

// newClause reports a subject and its verb at token i: "the union
// also stepped in", "Republicans want", "his decision was".
func (d *doc) newClause(i, hi int) bool {
	if i >= hi || !(d.clauseStart(i) || pronouns[d.w(i)]) {
		return false
	}
	for k := i + 1; k < hi && k < i+6; k++ {
		w := d.w(k)
		switch {
		case auxiliaries[w] || pastVerb(w) && !d.capitalized(k):
			return true
		case d.toks[k].Kind == segment.Punct && !d.innerPunct(k):
			return false
		}
	}
	return false
}

// auxBetween reports an auxiliary among tokens [i, j).
func (d *doc) auxBetween(i, j int) bool {
	for k := i; k < j; k++ {
		if auxiliaries[d.w(k)] {
			return true
		}
	}
	return false
}

// auxiliaries are the verbs among cueAux.
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "is": true, "was": true, "were": true,
	"are": true, "been": true, "did": true, "does": true, "do": true, "could": true, "might": true, "may": true,
	"should": true, "must": true, "can": true,
}

// opensClause reports a token that can open the clause after a "that":
// a word, a number or a quotation mark.
func (d *doc) opensClause(i int) bool {
	return i < len(d.toks) && (d.toks[i].Kind != segment.Punct || quoteMarks[d.w(i)])
}

// articleBefore returns the index of the article that opens the noun
// phrase of a cue noun ("a stark warning"), after a lower-case verb, or
// 0 when there is none.
func (d *doc) articleBefore(i int) int {
	for k := i - 1; k > 0 && k >= i-3; k-- {
		switch w := d.w(k); {
		case w == "a" || w == "an":
			if prev := d.w(k - 1); d.toks[k-1].Kind == segment.Word && !d.capitalized(k-1) && !pronouns[prev] && !cueAux[prev] && !badSpeakerStarts[prev] {
				return k
			}
			return 0
		case d.toks[k].Kind != segment.Word || d.capitalized(k):
			return 0
		}
	}
	return 0
}

// utterance reports a source that is something said rather than someone
// saying it: "The Prime Minister's comments".
func (d *doc) utterance(i, j int) bool {
	return j-1 > i && utteranceNouns[d.w(j-1)]
}

var utteranceNouns = map[string]bool{
	"comments": true, "comment": true, "remarks": true, "remark": true, "words": true, "statement": true,
	"statements": true, "speech": true, "warning": true, "warnings": true, "tweets": true, "tweet": true,
}

// gerundOpeners introduce a gerund whose subject is the sentence's.
var gerundOpeners = map[string]bool{"by": true, "while": true, "after": true, "before": true, "when": true}

// replyVerbs attribute speech only with "that" or a colon: "responded
// that …", but not "will respond within the law".
var replyVerbs = map[string]bool{"respond": true, "reply": true, "answer": true}

// passive reports a participle after a form of "be": "was welcomed",
// "have been criticized".
func (d *doc) passive(i int) bool {
	if !strings.HasSuffix(d.w(i), "ed") && d.w(i) != "sought" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch w := d.w(k); {
		case w == "be" || w == "been" || w == "being" || w == "was" || w == "were" || w == "is" || w == "are" || w == "'s":
			return true
		case !isAdverb(w):
			return false
		}
	}
	return false
}

// nounCue reports a cue word used as a noun that does not introduce
// what was said: "Takaichi's warning carries weight", "a Chinese attack
// on Taiwan" (but "a stark warning: if Japan …" and "her warning that
// …" do).
func (d *doc) nounCue(i int) bool {
	if i == 0 {
		return false
	}
	if next := d.w(i + 1); next == ":" || next == "that" && !d.relative(i+1) {
		return false
	}
	base, ok := cueForms[d.w(i)]
	if !ok {
		base = attitudeForms[d.w(i)]
	}
	if d.w(i) == base {
		// "a Chinese attack on Taiwan", "a hypothetical Chinese attack":
		// a singular noun, not a verb
		for k := i - 1; k >= 0 && k >= i-3 && d.toks[k].Kind != segment.Punct; k-- {
			if d.w(k) == "a" || d.w(k) == "an" {
				return true
			}
		}
	}
	if !strings.HasSuffix(d.w(i), "ing") {
		return false
	}
	// d.w is lower case, with ’ written '
	if prev := d.w(i - 1); determiners[prev] || strings.HasSuffix(prev, "'s") {
		return true
	}
	return i >= 2 && determiners[d.w(i-2)] && d.toks[i-1].Kind != segment.Punct
}

// relative reports a "that" at token i that opens a relative clause, a
// verb after it: "a report that blames only the steel" (but not "a
// warning that the alliance would collapse").
func (d *doc) relative(i int) bool {
	n := i + 1
	if n >= len(d.toks) || d.toks[n].Kind != segment.Word || d.capitalized(n) {
		return false
	}
	w := d.w(n)
	return !determiners[w] && !pronouns[w] && !speakerStarts[w] && !functionWords[w] &&
		(strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || cueAux[w])
}

// label reports a cue word that ends the label of a list item or
// paragraph: "Military signaling: Chinese vessels …", "2. Defense
// guarantees: The U.S. …". A participle or a noun before the colon,
// a few words into the paragraph, names a topic, not a speaker.
func (d *doc) label(i int) bool {
	if d.w(i+1) != ":" {
		return false
	}
	start := i
	for start > 0 && d.para[start-1] == d.para[i] {
		start--
	}
	if i-start > 3 {
		return false
	}
	w := d.w(i)
	if strings.HasSuffix(w, "ing") {
		return i == start || !cueAux[d.w(i-1)]
	}
	base := cueForms[w]
	return nounish[base] && (w == base || w == base+"s" || w == base+"es")
}

// determiners open a noun phrase.
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "her": true, "his": true, "their": true, "its": true, "our": true,
	"this": true, "that": true, "these": true, "those": true, "my": true, "your": true,
}

// nonSpeakers are pronouns that do not name a source of reported speech.
// (Leaving out "we" and "I" too costs recall on PolNeAR, whose op-eds
// attribute to their writers.)
var nonSpeakers = map[string]bool{"it": true, "this": true, "that": true}

// subject returns the noun phrase that opens sentence s, up to its
// verb: "Trump" in "Trump unleashed a series of tweets, saying …".
func (d *doc) subject(s int) Span {
	lo, hi := d.sentenceTokens(s)
	for k := lo; k < hi && k-lo < 4; k++ {
		if d.w(k) == ":" { // a label: "Travel advisory: Beijing has …"
			lo = k + 1
			break
		}
	}
	if badSpeakerStarts[d.w(lo)] {
		// "On November 7, 2025, Prime Minister Sanae Takaichi …": past
		// the opening adverbial
		for k := lo + 1; k < hi && k-lo < 10; k++ {
			if d.w(k) == "," && k+1 < hi && d.toks[k+1].Kind == segment.Word {
				lo = k + 1
				break
			}
		}
	}
	j := lo
	for j < hi && j-lo < 6 {
		w := d.w(j)
		if d.toks[j].Kind == segment.Punct && !d.innerPunct(j) || cueAux[w] || npStop[w] {
			break
		}
		// a lower-case word after a name is its verb: "Takaichi made";
		// but the sentence's first word may be capitalised only for
		// opening it ("Small groups of protesters continued …")
		name := j > lo && d.capitalized(j-1) && !(j-1 == lo && d.writtenLower(lo))
		if !d.capitalized(j) && !speakerStarts[w] && (strings.HasSuffix(w, "ed") || irregular[w] != "" || j > lo && pronouns[d.w(j-1)] ||
			name && !functionWords[w] && !strings.HasSuffix(d.w(j-1), "'s")) {
			break
		}
		j++
	}
	if j == lo || j >= hi || d.toks[j].Kind == segment.Punct {
		return Span{}
	}
	return d.speaker(lo, j)
}

// writtenLower reports whether the text also writes token i's word in
// lower case, as a common word rather than a name: "small" for "Small".
func (d *doc) writtenLower(i int) bool {
	w := d.w(i)
	return w == d.text[d.toks[i].Start:d.toks[i].End] || d.words.Has(w)
}

// skipObject skips the listener after "told" or "assured": a pronoun,
// a name, or one word before a clause ("told reporters the …").
func (d *doc) skipObject(c int) int {
	switch {
	case c >= len(d.toks):
		return c
	case objectPronouns[d.w(c)]:
		return c + 1
	case d.capitalized(c):
		j := c
		for j < len(d.toks) && d.capitalized(j) && j-c < 5 {
			j++
		}
		return j
	case d.clauseStart(c + 1):
		return c + 1
	}
	return c
}

var objectPronouns = map[string]bool{"him": true, "her": true, "them": true, "us": true, "me": true, "you": true}

// speakerBefore finds the speaker of the last speech cue before token
// end in its sentence: "Rendell" in `"…," Rendell recalled`, "McConnell"
// in `McConnell said in June`.
func (d *doc) speakerBefore(end int) Span {
	lo, _ := d.sentenceTokens(d.sent[end])
	for k := end - 1; k >= lo; k-- {
		base, ok := d.isCue(k)
		if !ok || !speechVerbs[base] {
			continue
		}
		if k > lo && d.w(k-1) == "," { // ", said Smith"
			if j := d.npForward(k + 1); j > k+1 {
				return d.speaker(k+1, j)
			}
		}
		cueStart := d.auxStart(k)
		if src := d.npBackward(cueStart); src < cueStart {
			return d.speakerUpTo(src, cueStart)
		}
		return Span{}
	}
	return Span{}
}

// adjunctStarts open what may follow an inverted speaker: ", said Smith
// on Tuesday", ", said Smith in a statement".
var adjunctStarts = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "to": true, "for": true, "after": true,
	"before": true, "with": true, "from": true, "by": true, "last": true, "this": true, "yesterday": true,
	"today": true, "tonight": true, "earlier": true, "late": true, "when": true, "as": true, "of": true,
}

// parenthetical reads an attribution set off by commas inside the
// sentence it attributes: "Such a declaration, the official contended,
// should have been welcomed." The content is the sentence around it.
func (d *doc) parenthetical(i int) (Quote, bool) {
	lo, hi := d.sentenceTokens(d.sent[i])
	if i+1 >= hi || d.w(i+1) != "," {
		return Quote{}, false
	}
	cueStart := d.auxStart(i)
	src := d.npBackward(cueStart)
	if src == cueStart || src-1 <= lo || d.w(src-1) != "," || cueStart-src > 6 {
		return Quote{}, false
	}
	before, after := src-1, i+2
	start := lo // the clause that holds the attribution: "the stadium, which, Tompkins said, is …"
	for k := before - 1; k > lo; k-- {
		if d.w(k) == "," || d.w(k) == ";" {
			start = k + 1
			break
		}
	}
	end := d.contentEnd(after)
	if before-start < 1 || end-after < 3 || !d.plausibleSpeaker(src, cueStart) {
		return Quote{}, false
	}
	first := d.span(start, before)
	rest := d.span(after, end)
	return Quote{Speaker: d.speaker(src, cueStart), Cue: d.span(cueStart, i+1), Content: Span{first.Start, rest.End},
		Parts: []Span{first, rest}, Kind: Reported}, true
}

// postposed reads `…, Smith said.` and `…, said Smith, the mayor.`: an
// attribution at the end of a sentence, after the content.
func (d *doc) postposed(i int, base string) (Quote, bool) {
	lo, hi := d.sentenceTokens(d.sent[i])
	if !speechVerbs[base] && !findingVerbs[base] {
		return Quote{}, false
	}
	// what follows the cue must be short: a date, "in a statement", up
	// to a clause of its own ("…, lawmakers said Friday, as they …")
	tailEnd := hi
	if hi > 0 && d.w(hi-1) == "." {
		tailEnd--
	}
	// (a tail longer than the longest speaker is too long in any case:
	// the scan stops there, so that a cue costs no more in a long
	// sentence)
	for k := i + 1; k+1 < tailEnd && k <= i+2*maxNP+1; k++ {
		if d.w(k) == "," && trailingClause[d.w(k+1)] {
			tailEnd = k
			break
		}
	}
	tail := tailEnd - i - 1
	cueStart := d.auxStart(i)
	if tail > 8 && !(cueStart > lo && d.w(cueStart-1) == "," && d.capitalized(i+1) && d.npForwardAppos(i+1) >= tailEnd) {
		// (but "…, said Jeffrey N. Trimble, a senior official with the
		// board that oversees them." is all speaker)
		return Quote{}, false
	}
	if i+1 < hi && d.w(i+1) == "that" { // "…, said that …" opens its content
		return Quote{}, false
	}
	if cueStart > lo && d.w(cueStart-1) == "," { // ", said Smith"
		if strings.HasSuffix(d.w(i), "ing") {
			return Quote{}, false // ", citing risks": a reason, not a speaker
		}
		if d.verbAhead(i+1, tailEnd) {
			// "Mathur, who studies tax policy, said the statement didn't
			// clarify the matter": the cue opens its content
			return Quote{}, false
		}
		src := Span{}
		if j := d.npForwardAppos(i + 1); j > i+1 {
			if j < hi && d.toks[j].Kind == segment.Word && !adjunctStarts[d.w(j)] {
				// ", said the plan added complexity": a clause follows,
				// so the cue's subject comes before it
				return Quote{}, false
			}
			src = d.speaker(i+1, j)
		}
		if cueStart-1-lo < 4 {
			return Quote{}, false
		}
		c := d.afterDateline(lo, cueStart-1)
		if !d.hasVerb(c, cueStart-1) {
			// "Ivanka Trump, the nominee's daughter, noted the rule": a
			// name and its apposition, not a statement
			return Quote{}, false
		}
		return Quote{Speaker: src, Cue: d.span(cueStart, i+1), Content: d.span(c, d.trimEnd(c, cueStart-1)), Kind: Reported}, true
	}
	src := d.npBackward(cueStart)
	if src <= lo || d.w(src-1) != "," || src-1-lo < 4 {
		return Quote{}, false
	}
	if tail >= 3 && (personalPronouns[d.w(i+1)] || subjectDeterminers[d.w(i+1)]) {
		// "Although Scott lacks …, officials say he has forged …": the
		// cue opens its content
		return Quote{}, false
	}
	c := d.afterDateline(lo, src-1)
	if subordinators[d.w(c)] {
		// "After the mayor said the bridge was safe, engineers found
		// cracks": a clause that sets the scene, not what was found
		return Quote{}, false
	}
	return Quote{Speaker: d.speaker(src, cueStart), Cue: d.span(cueStart, i+1), Content: d.span(c, d.trimEnd(c, src-1)), Kind: Reported}, true
}

// timeOfSaying returns where the words after a cue at c go on past the
// time of the saying ("on Tuesday", "late Monday", "last week",
// "yesterday"), or c.
func (d *doc) timeOfSaying(c int) int {
	k := c
	switch w := d.w(k); {
	case w == "on" && weekdays[d.w(k+1)]:
		k += 2
	case (w == "late" || w == "early" || w == "earlier" || w == "later") && weekdays[d.w(k+1)]:
		k += 2
	case weekdays[w] || w == "yesterday" || w == "today" || w == "tonight":
		k++
	case (w == "last" || w == "this" || w == "earlier") && (d.w(k+1) == "week" || d.w(k+1) == "month" || d.w(k+1) == "year" || weekdays[d.w(k+1)]):
		k += 2
	}
	if k > c && (d.w(k) == "morning" || d.w(k) == "afternoon" || d.w(k) == "evening" || d.w(k) == "night") {
		k++
	}
	if k > c && d.w(k) == "," {
		k++
	}
	return k
}

// subordinators open a clause that leans on the sentence's main one.
var subordinators = map[string]bool{
	"when": true, "after": true, "as": true, "while": true, "if": true, "although": true, "though": true,
	"because": true, "since": true, "before": true, "once": true, "until": true, "unless": true, "whereas": true,
}

// subjectDeterminers open a clause's subject after a cue ("say the plan
// failed"), unlike "this" or "last", which open times ("said this week").
var subjectDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true, "our": true,
	"my": true, "your": true,
}

// findingVerbs report what a study or a poll found, after it as well
// as before: "Donations hit $1.1 billion, an analysis shows."
var findingVerbs = map[string]bool{"show": true, "find": true, "suggest": true, "indicate": true, "estimate": true, "conclude": true}

// trailingClause open a clause after a comma that goes on past an
// attribution: "…, lawmakers said Friday, as they bristled at …".
var trailingClause = map[string]bool{
	"as": true, "while": true, "when": true, "after": true, "before": true, "because": true, "since": true,
	"although": true, "though": true, "adding": true, "saying": true, "noting": true, "arguing": true,
	"citing": true, "but": true, "even": true, "calling": true, "urging": true, "warning": true,
}

// afterDateline returns where a sentence opening at token lo begins once
// a wire dateline is skipped (segment.Dateline), with at least four
// tokens left before end.
func (d *doc) afterDateline(lo, end int) int {
	if end <= lo {
		return lo
	}
	return lo + segment.Dateline(d.text, d.toks[lo:end])
}

// accordingTo reads `according to Smith, …` and `…, according to Smith.`
func (d *doc) accordingTo(i int) (Quote, bool) {
	lo, hi := d.sentenceTokens(d.sent[i])
	j := d.npForward(i + 2)
	if j == i+2 {
		return Quote{}, false
	}
	q := Quote{Speaker: d.speaker(i+2, j), Cue: d.span(i, i+2), Kind: Reported}
	switch {
	case i > lo && d.w(i-1) == "," && i-1-lo >= 4:
		q.Content = d.span(lo, d.trimEnd(lo, i-1))
	case d.w(j) == "," && hi-j > 4:
		q.Content = d.span(j+1, d.contentEnd(j+1))
	default:
		return Quote{}, false
	}
	return q, true
}

// clauseStart reports a token that can open a clause: a pronoun, a
// determiner or a capitalised word.
func (d *doc) clauseStart(i int) bool {
	if i >= len(d.toks) {
		return false
	}
	switch d.w(i) {
	case "the", "a", "an", "he", "she", "they", "we", "i", "it", "there", "this", "these", "those", "his", "her",
		"their", "its", "our", "no", "some", "many", "most", "all":
		return true
	}
	t := d.text[d.toks[i].Start:d.toks[i].End]
	return t != "" && t[0] >= 'A' && t[0] <= 'Z'
}

// contentEnd returns where reported content starting at token c ends:
// the end of its sentence, or a clause that attributes something else
// (", though she acknowledged …").
func (d *doc) contentEnd(c int) int {
	if c >= len(d.toks) {
		return c
	}
	lo, hi := d.sentenceTokens(d.sent[c])
	if subordinators[d.w(lo)] {
		// "When she said the plan would fail, critics laughed": in a
		// clause that opens the sentence, the content ends with it
		opening := true
		for k := lo; k < c; k++ {
			if d.w(k) == "," {
				opening = false
				break
			}
		}
		if opening {
			for k := c + 1; k < hi; k++ {
				if d.w(k) == "," {
					hi = k + 1
					break
				}
			}
		}
	}
	// a sentence of hundreds of words is text without full stops, not
	// one statement: the content stops at maxContent tokens, so that
	// finding the quotes of such text does not take time or space that
	// grows with the square of its length
	hi = min(hi, c+maxContent)
	for k := c + 1; k < hi-1; k++ {
		if (d.w(k) == "," || d.w(k) == ";") && (contentBreak[d.w(k+1)] || d.attributionAt(k+1, hi)) {
			return k
		}
		if d.w(k) == ";" && !d.inMarks(c, k) {
			return k // "… was not intentional; they only learned …": the writer goes on
		}
		if (d.w(k) == "—" || d.w(k) == "--") && !d.inMarks(c, k) {
			return k // "… the “suburbs of St. Petersburg” — a metaphor for …": the writer's aside
		}
		if d.w(k) == "and" && d.w(k-1) != "," && d.coordinatedCue(k+1) {
			return k // "… by the end of March and suggested that …": the speaker's next statement
		}
	}
	return d.trimEnd(c, hi)
}

// inMarks reports whether token k lies inside quotation marks opened
// after token c.
func (d *doc) inMarks(c, k int) bool {
	open := false
	for m := c; m < k; m++ {
		switch d.w(m) {
		case "“", "«", "„":
			open = true
		case "”", "»":
			open = false
		case "\"":
			open = !open
		}
	}
	return open
}

// coordinatedCue reports a speech cue at token k, after adverbs, that
// introduces its own content: "suggested that", "added:".
func (d *doc) coordinatedCue(k int) bool {
	for k < len(d.toks) && (isAdverb(d.w(k)) || d.w(k) == "also" || d.w(k) == "then") {
		k++
	}
	if !strings.HasSuffix(d.w(k), "ed") && !irregularCue[d.w(k)] {
		return false
	}
	if base, ok := attitudeForms[d.w(k)]; ok && !d.passive(k) {
		// "… computer defenses and warned of hackers": a stance of its own
		p := attitudeVerbs[base]
		return p == "" || d.particle(k+1, p)
	}
	base, ok := d.isCue(k)
	if !ok || !speechVerbs[base] && base != "suggest" {
		return false
	}
	next := d.w(k + 1)
	return next == "that" || next == ":" || next == ","
}

var irregularCue = map[string]bool{"said": true, "told": true, "wrote": true}

// trimEnd drops a final full stop or comma from tokens [lo, hi), but not
// one inside closing quotation marks.
func (d *doc) trimEnd(lo, hi int) int {
	for hi > lo && (d.w(hi-1) == "." || d.w(hi-1) == "," || d.w(hi-1) == ";" || d.w(hi-1) == ":") {
		hi--
	}
	return hi
}

// maxContent bounds reported content, in tokens: more than nine in ten
// thousand of PolNeAR's contents are shorter.
const maxContent = 200

// attributionAt reports a new attribution starting at token k: a short
// noun phrase and a speech cue (", Ham also noted …").
func (d *doc) attributionAt(k, hi int) bool {
	j := d.npForward(k)
	for j < hi && (cueAux[d.w(j)] || isAdverb(d.w(j))) {
		j++
	}
	if j == k || j-k > 5 || j >= hi {
		return false
	}
	base, ok := d.isCue(j)
	return ok && speechVerbs[base] && j+1 < hi-1 // something follows: not ", she said."
}

// afterSpeech returns where the tokens [src, cue) that end at a cue go
// on after a verb of speech among them, or src when there is none: a
// noun phrase holds no such verb, so in "Stein said she plans" the one
// who plans is "she" (but "The report" of "The report found" is a noun;
// see speechAt).
func (d *doc) afterSpeech(src, cue int) int {
	if k := d.speechIn(src, cue); k >= 0 {
		return k + 1
	}
	return src
}

// speechIn returns the last verb of speech (speechAt) among tokens
// [from, to) with no punctuation after it, or -1. A verb set off by
// punctuation belongs to a clause inside a phrase ("The spokesperson,
// who asked not to be named, said") and does not count.
func (d *doc) speechIn(from, to int) int {
	for k := to - 1; k >= from; k-- {
		if d.toks[k].Kind == segment.Punct && !d.innerPunct(k) {
			return -1
		}
		if d.speechAt(k) {
			return k
		}
	}
	return -1
}

var contentBreak = map[string]bool{
	"yet":    true,
	"though": true, "although": true, "while": true, "whereas": true, "but": true, "adding": true,
	"saying": true, "according": true, "noting": true, "arguing": true, "citing": true, "he": false,
}

// relatives open a relative clause after a comma: "American forces,
// which operate with us, …".
var relatives = map[string]bool{"which": true, "who": true, "whom": true, "whose": true}
