// Package quote finds who said what: direct quotations with their
// speakers, and reported speech introduced by a cue ("said that", "told
// reporters", "according to"). As in PolNeAR, the content of reported
// speech includes its "that". Offsets are byte offsets into the text;
// a speaker here is a span of text ("Figueroa", "she", "a senior
// official"), which the analyze package resolves to an entity.
package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/analyze/segment"
)

// Kinds of quotes.
const (
	Direct   = "direct"   // the speaker's own words, in quotation marks
	Reported = "reported" // a paraphrase: "she said the plan would fail"
)

// Span is a byte range; the zero Span means absent.
type Span struct {
	Start, End int
}

// Empty reports whether the span is absent.
func (s Span) Empty() bool { return s.End <= s.Start }

// Quote is one attribution: a speaker, the cue that attributes the words
// to them, and the words.
type Quote struct {
	Speaker Span
	Cue     Span
	// Content covers the words; when a quotation is split by its
	// attribution (`"We won," she said. "It was hard."`), Parts holds
	// the pieces and Content runs from the first to the last.
	Content Span
	Parts   []Span
	Kind    string
	// Learned marks a quote that the model found where the rules did not.
	Learned bool
}

// Find returns the quotes of text in order of their content. sentences
// are the text's sentence spans (segment.Sentences).
func Find(text string, sentences []segment.Span) []Quote {
	return FindTokens(text, segment.Tokens(text), sentences)
}

// FindTokens is Find on the text's tokens (segment.Tokens), for callers
// that split the text once for several annotators. It leaves toks as
// they are.
func FindTokens(text string, toks []segment.Token, sentences []segment.Span) []Quote {
	return FindWith(text, toks, sentences, model)
}

// rules returns the quotes that the rules find, in the order they find
// them (FindWith orders them with the model's).
func (d *doc) rules() []Quote {
	qs := d.direct()
	qs = append(qs, d.reported(qs)...)
	qs = append(qs, d.headline()...)
	qs = d.transcript(qs)
	return dropInside(d.dropCarried(qs))
}

// transcript reads the turns of an interview transcript: a paragraph
// that opens, after a quotation mark or none, with a speaker's label in
// capitals and a colon ("WALLACE: If I may, sir …", "PENCE: Well,
// look"), a label the text opens at least two paragraphs with. The rest
// of the paragraph is the speaker's, and a quotation the rules found
// that begins before it (at the paragraph's opening mark, which a
// transcript leaves unclosed) is dropped: those words are the turn.
func (d *doc) transcript(qs []Quote) []Quote {
	type turn struct{ open, label, colon, end int }
	var turns []turn
	count := map[string]int{}
	for i := 0; i < len(d.toks); i++ {
		if i > 0 && d.para[i] == d.para[i-1] {
			continue
		}
		k := i
		if _, mark := closers[d.w(k)]; mark && d.toks[k].Kind == segment.Punct {
			k++
		}
		// a speaker's label in capitals, two letters or more: "WALLACE:"
		if k+1 >= len(d.toks) || d.w(k+1) != ":" || d.para[k+1] != d.para[i] || !segment.UpperWord(d.toks[k].Text(d.text), 2) {
			continue
		}
		end := k + 2
		for end < len(d.toks) && d.para[end] == d.para[i] {
			end++
		}
		if end-k < 5 {
			continue
		}
		turns = append(turns, turn{i, k, k + 1, end})
		count[d.w(k)]++
	}
	var spans []Span
	var out []Quote
	for _, t := range turns {
		if count[d.w(t.label)] < 2 {
			continue
		}
		hi := t.end
		if _, mark := closers[d.w(hi-1)]; mark && d.toks[hi-1].Kind == segment.Punct {
			hi-- // the turn's closing mark, if the transcript closes it
		}
		q := Quote{Speaker: d.span(t.label, t.label+1), Cue: d.span(t.colon, t.colon+1), Content: d.span(t.colon+1, hi), Kind: Direct}
		// from the paragraph's start to the colon: where a quotation the
		// rules read into the turn begins
		spans = append(spans, Span{d.toks[t.open].Start, d.toks[t.colon].End})
		out = append(out, q)
	}
	if len(out) == 0 {
		return qs
	}
	kept := qs[:0]
	for _, q := range qs {
		if !opensTurn(q.Content, spans) {
			kept = append(kept, q)
		}
	}
	return append(kept, out...)
}

// opensTurn reports content that begins between a turn's paragraph
// start and its colon (heads, each from a paragraph's start to its
// turn's colon): the paragraph's opening mark read as a quotation.
func opensTurn(c Span, heads []Span) bool {
	for _, h := range heads {
		if c.Start >= h.Start && c.Start < h.End {
			return true
		}
	}
	return false
}

// dropCarried drops a quotation inside a reported content whose speaker
// was carried over from an earlier sentence: in `He called the decision
// "a betrayal of voters."` the words are his, already in the reported
// quote, not the last speaker's.
func (d *doc) dropCarried(qs []Quote) []Quote {
	sentOf := func(pos int) int {
		i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].End > pos })
		if i >= len(d.toks) {
			return -1
		}
		return d.sent[i]
	}
	var reported []Span
	for _, r := range qs {
		if r.Kind == Reported && !r.Speaker.Empty() {
			reported = append(reported, Span{r.Content.Start, r.Content.End + 1})
		}
	}
	in := newCover(reported)
	out := qs[:0]
	for _, q := range qs {
		carried := q.Kind == Direct && !q.Cue.Empty() && sentOf(q.Cue.Start) != sentOf(q.Content.Start)
		if carried && in.covers(q.Content) {
			continue
		}
		out = append(out, q)
	}
	return out
}

// dropInside drops unattributed quotations that lie inside the content
// of an attributed quote: `arguing that Trump "lashed out"` is one quote.
func dropInside(qs []Quote) []Quote {
	var attributed []Span
	for _, r := range qs {
		if !r.Speaker.Empty() {
			attributed = append(attributed, r.Content)
		}
	}
	in := newCover(attributed)
	out := qs[:0]
	for _, q := range qs {
		if q.Speaker.Empty() && in.covers(q.Content) {
			continue
		}
		out = append(out, q)
	}
	return out
}

// cover tells whether a span lies inside any of a set of spans, in time
// that grows with the logarithm of the set: the spans by start, with the
// furthest end that any of them reaches so far.
type cover struct {
	spans []Span
	reach []int
}

func newCover(spans []Span) cover {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	reach := make([]int, len(spans))
	for i, s := range spans {
		reach[i] = s.End
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	return cover{spans, reach}
}

// covers reports whether s lies inside one of the spans.
func (c cover) covers(s Span) bool {
	// the last span starting at or before s
	i := sort.Search(len(c.spans), func(i int) bool { return c.spans[i].Start > s.Start }) - 1
	return i >= 0 && c.reach[i] >= s.End
}

// headline reads `Sanders: Clinton needs to 'get away from …'`, a
// speaker and a colon at the start of a line, before words that are
// partly quoted; a section heading ("Background: What Sparked the Row")
// quotes nothing.
func (d *doc) headline() []Quote {
	var out []Quote
	for i := 0; i < len(d.toks); i++ {
		if i > 0 && d.para[i] == d.para[i-1] {
			continue
		}
		j := i
		for j < len(d.toks) && j-i < 5 && d.para[j] == d.para[i] && (d.capitalized(j) || d.innerPunct(j)) {
			j++
		}
		if j == i || j >= len(d.toks) || d.w(j) != ":" || d.para[j] != d.para[i] {
			continue
		}
		lo := j + 1
		hi := lo
		for hi < len(d.toks) && d.para[hi] == d.para[i] && d.sent[hi] == d.sent[lo] {
			hi++
		}
		if hi-lo >= 4 && d.hasQuoteMark(lo, hi) {
			out = append(out, Quote{Speaker: d.speaker(i, j), Cue: d.span(j, j+1), Content: d.span(lo, d.trimEnd(lo, hi)), Kind: Reported})
		}
	}
	return out
}

func (d *doc) hasQuoteMark(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if _, ok := closers[d.w(k)]; ok {
			return true
		}
	}
	return false
}

// doc is the text with its tokens and the sentence of each token.
type doc struct {
	text  string
	toks  []segment.Token
	low   []string // lower-case token text
	sent  []int    // sentence index of each token
	para  []int    // paragraph index of each token
	sents []segment.Span
	words *segment.Words
}

func newDoc(text string, toks []segment.Token, sentences []segment.Span) *doc {
	d := &doc{text: text, toks: mergeMarks(text, toks), sents: sentences, words: segment.NewWords(text)}
	d.low = make([]string, len(d.toks))
	d.sent = make([]int, len(d.toks))
	d.para = make([]int, len(d.toks))
	si := 0
	for i, t := range d.toks {
		d.low[i] = strings.ToLower(t.Text(text))
		switch d.low[i] {
		case "''", "``":
			d.low[i] = "\""
		case "’":
		default:
			d.low[i] = strings.ReplaceAll(d.low[i], "’", "'")
		}
		for si+1 < len(sentences) && t.Start >= sentences[si].End {
			si++
		}
		d.sent[i] = si
		if i > 0 {
			d.para[i] = d.para[i-1]
			if d.newlineBetween(i-1, i) {
				d.para[i]++
			}
		}
	}
	return d
}

// mergeMarks joins the typewriter quotation marks “ and ” into one
// token each.
func mergeMarks(text string, toks []segment.Token) []segment.Token {
	out := make([]segment.Token, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && toks[i+1].Start == t.End && (text[t.Start:t.End] == "'" && text[toks[i+1].Start:toks[i+1].End] == "'" ||
			text[t.Start:t.End] == "`" && text[toks[i+1].Start:toks[i+1].End] == "`") {
			t.End = toks[i+1].End
			i++
		}
		out = append(out, t)
	}
	return out
}

func (d *doc) w(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.low[i]
}

// speaker returns the span of tokens [i, j) as a speaker, or no span when
// they cannot name one.
func (d *doc) speaker(i, j int) Span {
	for j > i && (d.w(j-1) == "," || d.w(j-1) == "--" || d.w(j-1) == "—") {
		j--
	}
	for j-2 > i && d.w(j-2) == "," && (sentenceAdverbs[d.w(j-1)] || d.w(j-1) == "however" || d.w(j-1) == "though" || d.w(j-1) == "too") {
		j -= 2 // "Critics, however, argue"
	}
	if last := d.w(j - 1); j-i > 2 && badSpeakerStarts[d.w(i)] && d.capitalized(j-1) &&
		!strings.HasSuffix(last, "'s") && !strings.HasSuffix(last, "’s") {
		// "In a Bloomberg interview Trump declared": the name before the
		// verb, past an opening adverbial with no comma
		k := j - 1
		for k-1 > i && (d.capitalized(k-1) || d.innerPunct(k-1)) {
			k--
		}
		i = k
	}
	// a name and then its verb or a time: "Trump unleashed a series of
	// tweets", "Sanders made the following", "The Times on Saturday"
	if d.capitalized(i) {
		for k := i + 1; k < j; k++ {
			w := d.w(k)
			if d.capitalized(k) || d.innerPunct(k) || d.toks[k].Kind != segment.Word {
				continue
			}
			// (but "Everyone I interviewed" is one phrase)
			if pastVerb(w) && d.w(k-1) != "i" || w == "on" && k+1 < j && weekdays[d.w(k+1)] {
				j = k
			}
			break
		}
	}
	if !d.plausibleSpeaker(i, j) {
		return Span{}
	}
	if personalPronouns[d.w(i)] { // "he said at a news conference": just "he"
		j = i + 1
	}
	sp := d.span(i, j)
	// a pronoun with its verb glued on: "He's" in "He's said …" is "He"
	t := d.text[d.toks[j-1].Start:d.toks[j-1].End]
	if k := strings.LastIndexAny(t, "'’"); k > 0 && clitics[strings.ToLower(t[k:])] && pronouns[strings.ToLower(t[:k])] {
		sp.End = d.toks[j-1].Start + k
	}
	return sp
}

// pastVerb reports a verb in the past tense: a regular one, or one of
// the common irregular ones that follow a subject.
func pastVerb(w string) bool {
	return strings.HasSuffix(w, "ed") && len(w) > 4 || irregularPast[w]
}

var irregularPast = map[string]bool{
	"made": true, "went": true, "gave": true, "took": true, "sent": true, "came": true, "got": true,
	"put": true, "set": true, "left": true, "held": true, "led": true, "ran": true, "saw": true,
	"won": true, "lost": true, "met": true, "kept": true, "brought": true, "began": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// clitics are verbs written onto the word before them.
var clitics = map[string]bool{
	"'s": true, "'ve": true, "'re": true, "'ll": true, "'d": true, "'m": true,
	"’s": true, "’ve": true, "’re": true, "’ll": true, "’d": true, "’m": true,
}

func (d *doc) span(i, j int) Span { // tokens [i, j)
	if j <= i {
		return Span{}
	}
	return Span{d.toks[i].Start, d.toks[j-1].End}
}

// sentenceTokens returns the token range of sentence s.
func (d *doc) sentenceTokens(s int) (int, int) {
	lo := sort.Search(len(d.sent), func(i int) bool { return d.sent[i] >= s })
	hi := sort.Search(len(d.sent), func(i int) bool { return d.sent[i] > s })
	return lo, hi
}

// newlineBetween reports a line break between tokens i and j.
func (d *doc) newlineBetween(i, j int) bool {
	return strings.ContainsRune(d.text[d.toks[i].End:d.toks[j].Start], '\n')
}

// isCue reports whether token i is a cue verb, and its base form. A
// negated verb ("did not immediately respond") attributes nothing.
func (d *doc) isCue(i int) (string, bool) {
	base, ok := cueForms[d.w(i)]
	if !ok || d.negated(i) || d.notCue(i, base) {
		return "", false
	}
	if nounish[base] && (d.w(i) == base || d.w(i) == base+"s" || d.w(i) == base+"es") {
		// "the report shows", "her claims": a noun unless a clause or,
		// after a noun, an object follows ("Video of the incident shows
		// him …")
		if next := d.w(i + 1); next != "that" && next != ":" && !d.verbBeforeObject(i) {
			return "", false
		}
	}
	return base, true
}

// verbBeforeObject reports a verb at i between a noun and an object or
// the sentence's end: "the poll shows him ahead", "Polls show a close
// contest", "…, an analysis shows.", but not "her claims the" or "the
// shows".
func (d *doc) verbBeforeObject(i int) bool {
	if i == 0 || i+1 >= len(d.toks) || d.toks[i-1].Kind != segment.Word {
		return false
	}
	prev, next := d.w(i-1), d.w(i+1)
	if !strings.HasSuffix(d.w(i), "s") && (!strings.HasSuffix(prev, "s") || strings.HasSuffix(prev, "ss")) {
		return false // "Polls show", "the poll shows"; not "the poll show"
	}
	if determiners[prev] || pronouns[prev] || strings.HasSuffix(prev, "'s") || functionWords[prev] || cueAux[prev] {
		return false
	}
	return objectPronouns[next] || subjectDeterminers[next] || next == "that" || d.capitalized(i+1) && !d.capitalized(i-1) ||
		next == "." && !d.capitalized(i-1) // "…, an analysis shows."
}

// notCue reports a cue word used otherwise: as an adjective after a
// determiner ("the alleged terrorist"), naming ("a group called
// Lashkar-e-Taiba"), or for a reporter's byline ("reported from Midway
// Atoll").
func (d *doc) notCue(i int, base string) bool {
	w, prev, next := d.w(i), d.w(i-1), d.w(i+1)
	switch {
	case i > 0 && strings.HasSuffix(w, "ed") && determiners[prev]:
		return true
	case base == "report" && next == "from":
		return true
	case w == "called" && i+1 < len(d.toks) && d.capitalized(i+1):
		// an indefinite noun phrase before: "a Pakistan-based group
		// called …" (but "the president called Clinton a liar")
		for k := i - 1; k >= 0 && k >= i-4 && d.toks[k].Kind == segment.Word; k-- {
			if d.w(k) == "a" || d.w(k) == "an" {
				return true
			}
		}
	}
	return false
}

func (d *doc) negated(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch w := d.w(k); {
		case w == "not" || w == "never" || strings.HasSuffix(w, "n't"):
			return true
		case !cueAux[w] && !isAdverb(w):
			return false
		}
	}
	return false
}

var personalPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "it": true, "he's": true, "she's": true}

// nounish cue verbs are common nouns in their base and plural forms.
var nounish = map[string]bool{
	"report": true, "claim": true, "call": true, "charge": true, "note": true, "state": true,
	"answer": true, "comment": true, "question": true, "post": true, "promise": true, "doubt": true,
	"fear": true, "hope": true, "project": true, "forecast": true, "estimate": true, "signal": true,
	"demand": true, "show": true, "point": true, "reply": true, "echo": true, "counter": true,
	"brief": true, "blast": true, "slam": true, "tweet": true, "worry": true, "find": true,
	"cite": true, "chant": true, "joke": true, "know": true, "feel": true, "learn": true,
	"praise": true, "threaten": true, "swear": true, "guarantee": true, "mention": true, "expect": true,
	"remark": true, "statement": true, "observe": false,
}
