package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/analyze/segment"
)

// quotation is a span of quoted words, token range [open, close] of the
// marks (close is -1 when the paragraph ended first).
type quotation struct {
	open, close int
}

var closers = map[string]string{
	"“": "”", "«": "»", "„": "“", "‚": "‘", "「": "」", "『": "』", "‘": "’", "\"": "\"", "'": "'", "‹": "›",
}

// quotations pairs quotation marks within each paragraph.
func (d *doc) quotations() []quotation {
	var out []quotation
	for i := 0; i < len(d.toks); i++ {
		mark := d.w(i)
		want, ok := closers[mark]
		if !ok || d.toks[i].Kind != segment.Punct || !d.opens(i) {
			continue
		}
		j := i + 1
		for ; j < len(d.toks); j++ {
			if d.newlineBetween(j-1, j) {
				break
			}
			if d.w(j) == want && d.closes(j) || d.altClose(mark, j) {
				break
			}
		}
		if j >= len(d.toks) || d.w(j) != want && !d.altClose(mark, j) {
			// unclosed: runs to the end of the paragraph, as news does
			// when a quotation continues in the next paragraph
			if j-i > 3 {
				out = append(out, quotation{open: i, close: -j})
			}
			i = j - 1
			continue
		}
		out = append(out, quotation{open: i, close: j})
		i = j
	}
	return out
}

// altClose reports a mark at j that closes a quotation opened by mark
// though it is not its pair: "„…”" in German, and in hand-edited copy a
// typographic opening closed by a straight mark (“…") or the reverse.
func (d *doc) altClose(mark string, j int) bool {
	switch w := d.w(j); {
	case mark == "„", mark == "\"":
		return w == "”"
	case mark == "“":
		return w == "\"" && d.closes(j) && (j+1 >= len(d.toks) || d.toks[j+1].Start > d.toks[j].End || d.toks[j+1].Kind == segment.Punct)
	}
	return false
}

// opens reports whether the mark at i can open a quotation: straight and
// single marks must stand before a word, after a space or the start.
func (d *doc) opens(i int) bool {
	m := d.w(i)
	if m != "\"" && m != "'" && m != "‘" {
		return true
	}
	if i+1 >= len(d.toks) || d.toks[i+1].Start != d.toks[i].End {
		return false
	}
	return i == 0 || d.toks[i-1].End < d.toks[i].Start || d.w(i-1) == "(" || d.w(i-1) == "—"
}

// closes reports whether the mark at j can close: straight and single
// marks must follow a word or punctuation directly.
func (d *doc) closes(j int) bool {
	m := d.w(j)
	if m != "\"" && m != "'" && m != "’" {
		return true
	}
	return d.toks[j-1].End == d.toks[j].Start
}

// direct finds quotations and their attributions.
func (d *doc) direct() []Quote {
	var out []Quote
	var prev Quote
	prevPara := -2
	qs := d.quotations()
	for k := 0; k < len(qs); k++ {
		q := qs[k]
		end := q.end()
		quote := Quote{Content: d.span(q.open, end+1), Kind: Direct}
		words := d.wordCount(q.open+1, end)
		if sp, cue, after, ok := d.attributeAfter(end + 1); ok && d.endsAttribution(end+1, after) {
			quote.Speaker, quote.Cue = sp, cue
			if lo, _ := d.sentenceTokens(d.sent[q.open]); q.open-lo > 2 && d.para[lo] == d.para[q.open] && !d.colonBefore(lo, q.open) {
				// `it was a “misleading use of statistics,” she said`:
				// the paraphrase around a partial quotation is content too
				quote.Content.Start = d.toks[lo].Start
				quote.Kind = Reported
			}
			// `"We won," she said. "It was hard."`: one quotation, split
			if k+1 < len(qs) && d.para[qs[k+1].open] == d.para[q.open] && qs[k+1].open-after <= 1 && !d.attributed(qs[k+1]) {
				next := qs[k+1]
				quote.Parts = []Span{quote.Content, d.span(next.open, next.end()+1)}
				quote.Content = Span{quote.Content.Start, quote.Parts[1].End}
				k++
			}
		} else if sp, cue, k, ok := d.attributeBefore(q.open); ok {
			quote.Speaker, quote.Cue = sp, cue
			// `Clinton says Trump's "latest meltdown is unhinged"`: the
			// words between the cue and the quotation are content too
			if from := k + 1; from < q.open && d.w(from) != ":" && d.w(from) != "," && !d.adjunctBetween(k, q.open) {
				if d.w(from) == "that" {
					from++
				}
				if from < q.open {
					quote.Content.Start = d.toks[from].Start
					quote.Kind = Reported
					// `he said Trump has “enormous respect” for the
					// military and …`: the clause goes on after the marks
					if e := d.contentEnd(from); e > end+1 && d.sent[e-1] == d.sent[end] {
						quote.Content.End = d.toks[e-1].End
					}
				}
			}
		} else if sp, cue, start, ok := d.attributeLater(end + 1); ok {
			// `"I admire the mechanics" of the plan, Mr. Holtz-Eakin said.`
			quote.Speaker, quote.Cue = sp, cue
			quote.Content = Span{quote.Content.Start, d.toks[start].End}
		} else if !prev.Speaker.Empty() && words >= 4 && d.para[q.open]-prevPara <= 1 {
			// a quotation continued without a new attribution
			quote.Speaker, quote.Cue = prev.Speaker, prev.Cue
		} else if sp, cue, ok := d.attributedBefore(q.open); ok && words >= 6 {
			// `…, Schiff said. "The other factor is …"`: a quotation
			// opening the sentence after a reported statement goes on
			// with its speaker
			quote.Speaker, quote.Cue = sp, cue
		} else if words < 6 {
			continue // a title or scare quotes, not speech
		}
		out = append(out, quote)
		if !quote.Speaker.Empty() {
			prev, prevPara = quote, d.para[q.open]
		}
	}
	return out
}

// colonBefore reports a colon among tokens [lo, open): `McCaskill
// scolded him: “The community is against you,” she said` quotes a whole
// statement, which the words before the colon only introduce.
func (d *doc) colonBefore(lo, open int) bool {
	for k := lo; k < open; k++ {
		if d.w(k) == ":" {
			return true
		}
	}
	return false
}

// attributed reports a quotation followed by its own attribution:
// `“This isn't right,” Warren said. “You squeezed employees” to drive
// up the price, she said.` holds two quotations, not one split.
func (d *doc) attributed(q quotation) bool {
	end := q.end()
	if _, _, after, ok := d.attributeAfter(end + 1); ok && d.endsAttribution(end+1, after) {
		return true
	}
	_, _, _, ok := d.attributeLater(end + 1)
	return ok
}

func (q quotation) end() int {
	if q.close < 0 {
		return -q.close - 1
	}
	return q.close
}

// attributeAfter reads `, Smith said` or `, said Smith, the mayor` after
// a closing mark at token i-1, and returns where the attribution ends.
func (d *doc) attributeAfter(i int) (Span, Span, int, bool) {
	if i < len(d.toks) && d.w(i) == "," {
		i++
	}
	if i >= len(d.toks) || d.sent[i] != d.sent[i-1] && d.para[i] != d.para[i-1] || d.w(i) == "and" || d.w(i) == "but" {
		// `“very unhelpful” and saying they …` goes on with the clause
		return Span{}, Span{}, 0, false
	}
	// "said Smith": cue first
	if base, ok := d.isCue(i); ok && speechVerbs[base] {
		j := d.npForwardAppos(i + 1)
		if j > i+1 {
			return d.speaker(i+1, j), d.span(i, i+1), d.skipAdjuncts(j), true
		}
	}
	// `"…," according to a statement from the police`
	if d.w(i) == "according" && d.w(i+1) == "to" {
		if j := d.npForward(i + 2); j > i+2 {
			return d.speaker(i+2, j), d.span(i, i+2), d.skipAdjuncts(j), true
		}
	}
	// `”― Carla Sanchez`: a dash and a name
	if w := d.w(i); (w == "―" || w == "—" || w == "–") && i+1 < len(d.toks) && d.capitalized(i+1) {
		if j := d.npForward(i + 1); j > i+1 {
			return d.speaker(i+1, j), d.span(i, i+1), j, true
		}
	}
	// "Smith said", "she told reporters", "Quina Jones, 25, said"
	j := d.npForward(i)
	speakerEnd := j
	if j > i && d.w(j) == "," {
		// past an appositive and a relative clause, each set off by
		// commas: "Ilse Vandermeer, mayor of Brenmor, which owns the
		// bridge, said"
		for k, commas := j+1, 0; k < len(d.toks) && k-j <= 3*maxNP && d.sent[k] == d.sent[i] && !quoteMarks[d.w(k)]; k++ {
			if d.w(k) != "," {
				continue
			}
			if _, ok := d.isCue(k + 1); ok {
				speakerEnd, j = k, k+1
				break
			}
			if commas++; commas == 2 {
				break
			}
		}
	}
	k := j
	for k < len(d.toks) && (cueAux[d.w(k)] || isAdverb(d.w(k))) {
		k++
	}
	if (d.w(k) == "read" || d.w(k) == "reads") && j > i { // `"…," the statement read.`
		return d.speaker(i, speakerEnd), d.span(j, k+1), d.skipAdjuncts(k + 1), true
	}
	if base, ok := d.isCue(k); ok && speechVerbs[base] && j > i {
		return d.speaker(i, speakerEnd), d.span(j, k+1), d.skipAdjuncts(k + 1), true
	}
	return Span{}, Span{}, 0, false
}

// endsAttribution reports whether an attribution after a quotation, from
// token i to after, is one: in the quotation's sentence, or the whole of
// a short next sentence (`"…" She said so twice.`). A next sentence that
// goes on (`"…" She says it underscores …`) opens a statement of its own.
func (d *doc) endsAttribution(i, after int) bool {
	if i >= len(d.toks) || i == 0 || d.sent[i] == d.sent[i-1] {
		return true
	}
	_, hi := d.sentenceTokens(d.sent[i])
	return after >= hi-1 && hi-i <= 6
}

// attributedBefore finds the speaker of a quotation at token open that
// opens its sentence, when the sentence before, in the same paragraph or
// the one before, ends with a speech cue and its speaker ("…, Schiff
// said.", "Schiff said the administration may be reluctant.").
func (d *doc) attributedBefore(open int) (Span, Span, bool) {
	lo, _ := d.sentenceTokens(d.sent[open])
	if open != lo || lo == 0 || d.para[lo]-d.para[lo-1] > 1 {
		return Span{}, Span{}, false
	}
	plo, _ := d.sentenceTokens(d.sent[lo-1])
	if d.hasQuoteMark(plo, lo) {
		return Span{}, Span{}, false // its own quotation: handled as such
	}
	for k := lo - 1; k >= plo; k-- {
		base, ok := d.isCue(k)
		if !ok || !speechVerbs[base] {
			continue
		}
		if sp := d.speakerBefore(k + 1); !sp.Empty() {
			return sp, d.span(k, k+1), true
		}
		break
	}
	return Span{}, Span{}, false
}

// attributeLater reads an attribution that closes the sentence a little
// after a quotation: `"…" of the plan, Mr. Holtz-Eakin said.` It returns
// the speaker, the cue and the last token of the content.
func (d *doc) attributeLater(i int) (Span, Span, int, bool) {
	if i >= len(d.toks) || d.sent[i] != d.sent[i-1] {
		return Span{}, Span{}, 0, false
	}
	_, hi := d.sentenceTokens(d.sent[i])
	for k := i; k < hi && k < i+15; k++ {
		if d.w(k) != "," {
			continue
		}
		if sp, cue, after, ok := d.attributeAfter(k + 1); ok && after >= hi-1 {
			return sp, cue, k - 1, true
		}
	}
	return Span{}, Span{}, 0, false
}

// skipAdjuncts returns the end of an attribution's tail: the rest of the
// sentence when it is short ("in a statement", "on Tuesday."), else i.
func (d *doc) skipAdjuncts(i int) int {
	if i >= len(d.toks) {
		return i
	}
	_, hi := d.sentenceTokens(d.sent[i-1])
	if hi-i <= 8 {
		return hi
	}
	return i
}

// attributeBefore reads `Smith said: "…"`, `Smith said, "…"` or `Smith
// said that "…"` before an opening mark at token i, and the cue's last
// token. A quotation further
// into a reported clause ("she said Trump favors a “strongman
// approach”") is part of that clause's content instead.
func (d *doc) attributeBefore(i int) (Span, Span, int, bool) {
	lo, _ := d.sentenceTokens(d.sent[i])
	if i > 0 && d.w(i-1) == ":" && d.sent[i-1] != d.sent[i] {
		// "He said:" closing the paragraph before the quotation
		lo, _ = d.sentenceTokens(d.sent[i-1])
	}
	if i >= 4 && d.w(i-1) == "," {
		// "According to Limbaugh, “…”"
		for k := i - 3; k >= lo && k >= i-10; k-- {
			if d.w(k) == "according" && d.w(k+1) == "to" {
				if sp := d.speaker(k+2, i-1); !sp.Empty() {
					// the comma as the cue's end: nothing between is content
					return sp, d.span(k, k+2), i - 1, true
				}
				break
			}
		}
	}
	// "As one official put it: “…”"
	if i >= 4 && d.w(i-1) == ":" && d.w(i-2) == "it" && d.w(i-3) == "put" {
		if src := d.npBackward(i - 3); src < i-3 {
			if sp := d.speaker(src, i-3); !sp.Empty() {
				return sp, d.span(i-3, i-1), i - 2, true
			}
		}
	}
	for k := i - 1; k >= lo && k >= i-14; k-- {
		if k < i-3 && !d.adjunctBetween(k, i) {
			continue
		}
		base, ok := d.isCue(k)
		if f, speech := speechForms[d.w(k)]; !ok && speech && k == i-2 && d.w(i-1) == ":" && !d.negated(k) {
			base, ok = f, true // "Limbaugh continued: “…”", with verbs too loose to cue reported speech
		}
		if _, att := attitudeForms[d.w(k)]; att && k == i-1 {
			ok, base = true, "say" // `Trump attacked "the hateful ideology …"`
		}
		if !ok || !speechVerbs[base] {
			continue
		}
		cueStart := d.auxStart(k)
		var sp Span
		if strings.HasSuffix(d.w(k), "ing") && cueStart > 1 && d.w(cueStart-1) == "," && d.speechBefore(cueStart-1) {
			// `Trump said, adding later, “NATO is costing us …”`, `Trump
			// told a rally, saying Clinton would “abolish …”`: the one who
			// said it, not "Trump said"
			sp = d.speakerBefore(cueStart - 1)
		}
		if sp.Empty() {
			// `Trump said he wants "a total …"`: "he", not "Trump said he"
			src := d.npBackward(cueStart)
			if k := d.speechIn(max(src, cueStart-3), cueStart); k >= 0 {
				src = k + 1
			}
			sp = d.speakerUpTo(src, cueStart)
		}
		if sp.Empty() && strings.HasSuffix(d.w(k), "ing") { // "while chanting, "Hands up""
			sp = d.subject(d.sent[k])
		}
		return sp, d.span(cueStart, k+1), k, true
	}
	return Span{}, Span{}, 0, false
}

// speechAt reports a verb of speech at token k, in any form, and not a
// noun after a determiner ("his comments").
func (d *doc) speechAt(k int) bool {
	w := d.w(k)
	return !d.capitalized(k) && (speechForms[w] != "" || speechVerbs[irregular[w]]) && (k == 0 || !determiners[d.w(k-1)])
}

// speechBefore reports a verb of speech among the few words before a
// comma, with no punctuation between: "Trump said," or "Trump told a
// North Carolina rally,".
func (d *doc) speechBefore(comma int) bool {
	lo, _ := d.sentenceTokens(d.sent[comma])
	return d.speechIn(max(lo, comma-6), comma) >= 0
}

// adjunctBetween reports that the tokens between a cue at k and an
// opening mark at i are a phrase of time or place and a comma or a
// colon: `stated during a television program broadcast late last night,
// "I want …"`, `said in a statement: "…"`.
func (d *doc) adjunctBetween(k, i int) bool {
	if i-k > 14 || i-k < 3 || d.w(i-1) != "," && d.w(i-1) != ":" || !adjunctOpeners[d.w(k+1)] {
		return false
	}
	for m := k + 1; m < i-1; m++ {
		if d.toks[m].Kind == segment.Punct && !d.innerPunct(m) {
			return false
		}
	}
	return true
}

var adjunctOpeners = map[string]bool{
	"during": true, "in": true, "at": true, "on": true, "after": true, "before": true, "while": true,
	"from": true, "to": true, "with": true, "late": true, "earlier": true, "later": true,
}

// auxStart returns where the cue ending with token i begins: the
// auxiliaries and adverbs before it in its sentence ("has repeatedly
// said", "also noted").
func (d *doc) auxStart(i int) int {
	k := i
	for k > 0 && d.sent[k-1] == d.sent[i] && (cueAux[d.w(k-1)] || isAdverb(d.w(k-1))) {
		k--
	}
	return k
}

// isAdverb reports a manner adverb that may sit before a cue: "flatly
// denied", "bluntly said".
func isAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w != "only" && w != "family" && w != "early"
}

// wordCount counts the words of tokens [i, j). Scripts written without
// spaces (Chinese, Japanese) count a word per two characters.
func (d *doc) wordCount(i, j int) int {
	n := 0
	for k := i; k < j && k < len(d.toks); k++ {
		t := d.text[d.toks[k].Start:d.toks[k].End]
		if r, _ := utf8.DecodeRuneInString(t); unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			n += utf8.RuneCountInString(t) / 2
			continue
		}
		if d.toks[k].Kind != segment.Punct {
			n++
		}
	}
	return n
}
