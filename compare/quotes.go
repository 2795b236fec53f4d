package compare

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/analyze/quote"
)

// variant is one article's rendering of a statement.
type variant struct {
	article  int64
	speaker  string // report entity ID, or "" when unknown
	name     string // the speaker as written, when unknown
	text     string // content without quotation marks
	sentence string
	kind     string
	learned  bool // found by the quote model, not the rules
	words    map[string]bool
	common   map[string]bool // the words not written as names
	// outer holds the content words outside quotation marks, and slots
	// the quoted phrases inside the content with the words around them
	outer map[string]bool
	slots []slot
}

// slot is a phrase quoted inside a quote's content, with the content
// word before it and the word after it: "constitute" and "for" in
// `could constitute a “survival-threatening situation” for Japan`.
type slot struct {
	before, phrase, after string
}

// quotes groups the articles' quotes into statements: the same speaker
// (or an unknown one) and words that overlap enough to be the same
// statement verbatim, truncated, paraphrased or translated otherwise.
func quotes(in []Input, ents entityIndex) []parallax.ReportQuote {
	var vs []variant
	for _, x := range in {
		for i, q := range x.Annotation.Quotes {
			if relays(x.Annotation.Quotes, i) {
				// the statement is the one relayed: not Xinhua's "Fu
				// warned against …", but Fu's warning
				continue
			}
			if q.Learned && (!quote.NamesSource(q.Speaker.Text) || !quote.Statement(q.Content.Text) || !quote.Reporting(q.Cue.Text)) {
				// the model's attributions are shown from sources only,
				// when they state something and with a verb that can
				// report words: not "the episode underscores a divergence
				// …", nor Fu "spoke at the United Nations on Tuesday",
				// nor she "enjoyed high approval ratings"
				continue
			}
			v := variant{article: x.Article.ID, text: unquote(q.Content.Text), kind: q.Kind, learned: q.Learned,
				sentence: sentenceOf(x.Annotation, q.Content.Start), name: q.Speaker.Text}
			if q.Speaker.EntityID != "" {
				v.speaker = ents.of[x.Article.ID][q.Speaker.EntityID]
			}
			v.words = contentWords(v.text)
			v.common = commonWords(v.text)
			v.slots, v.outer = slotsOf(q.Content.Text)
			if len(v.words) < 3 {
				continue
			}
			vs = append(vs, v)
		}
	}
	var groups [][]int
	for i, v := range vs {
		placed := false
		for g, members := range groups {
			if sameStatement(v, vs[members[0]]) || sameStatementAny(v, vs, members) {
				groups[g] = append(groups[g], i)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []int{i})
		}
	}
	out := []parallax.ReportQuote{}
	for _, members := range groups {
		q := parallax.ReportQuote{Variants: []parallax.QuoteVariant{}, Kind: "reported", Learned: true}
		best := -1
		for _, m := range members {
			v := vs[m]
			q.Learned = q.Learned && v.learned
			q.Variants = append(q.Variants, parallax.QuoteVariant{ArticleID: v.article, Text: v.text, Sentence: v.sentence})
			q.ArticleIDs = addID(q.ArticleIDs, v.article)
			if v.kind == "direct" {
				q.Kind = "direct"
			}
			if q.SpeakerEntityID == "" && v.speaker != "" {
				q.SpeakerEntityID = v.speaker
			}
			if best < 0 || v.kind == "direct" && vs[best].kind != "direct" ||
				v.kind == vs[best].kind && len(v.text) > len(vs[best].text) {
				best = m
			}
		}
		q.Text = vs[best].text
		q.Speaker = ents.name(q.SpeakerEntityID)
		if q.Speaker == "" {
			q.Speaker = vs[best].name
		}
		q.ArticleIDs = sortIDs(q.ArticleIDs)
		out = append(out, q)
	}
	// statements carried by more outlets first, then in story order
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].ArticleIDs) > len(out[j].ArticleIDs) })
	for i := range out {
		out[i].ID = "Q" + strconv.Itoa(i+1)
	}
	return out
}

// relays reports whether quote i of an article relays another of its
// quotes: its content opens with that quote's speaker and holds its cue,
// a verb of speech, as in "Fu warned against …, according to Xinhua" or
// "the agency reported that Fu said …". The statement is then the other
// quote's. A quotation in the speaker's own words is never a relay, nor
// is a content that mentions a saying ("refusing to retract what she
// described as …") or reports a stance ("Fu added that Takaichi was
// refusing …").
func relays(qs []analyze.Quote, i int) bool {
	q := qs[i]
	if q.Kind == quote.Direct {
		return false
	}
	content := []rune(q.Content.Text)
	for j, r := range qs {
		if j == i || r.Learned || !quote.Speech(r.Cue.Text) || r.Speaker.End <= r.Speaker.Start || r.Speaker.Start < q.Content.Start ||
			r.Cue.Start < q.Content.Start || r.Cue.End > q.Content.End || r.Speaker.Start-q.Content.Start > len(content) {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(string(content[:r.Speaker.Start-q.Content.Start]))) {
		case "", "that":
			return true
		}
	}
	return false
}

func sameStatementAny(v variant, vs []variant, members []int) bool {
	for _, m := range members[1:] {
		if sameStatement(v, vs[m]) {
			return true
		}
	}
	return false
}

// sameStatement reports whether two quotes render one statement: speakers
// that do not differ, and content words that largely coincide (one
// contains most of the other, as a truncation does) or overlap as a
// paraphrase or another translation does.
func sameStatement(a, b variant) bool {
	if a.article == b.article && a.text == b.text {
		return false
	}
	if a.speaker != "" && b.speaker != "" && a.speaker != b.speaker {
		return false
	}
	common := shared(a.words, b.words)
	small := min(len(a.words), len(b.words))
	union := len(a.words) + len(b.words) - common
	containment := float64(common) / float64(small)
	jaccard := float64(common) / float64(union)
	if !sameWording(a.common, b.common) {
		return sameFrame(a, b)
	}
	if a.speaker == "" || b.speaker == "" {
		return containment >= 0.75 && common >= 4
	}
	return containment >= 0.6 || jaccard >= 0.3 || sameFrame(a, b)
}

// sameWording reports whether two quotes share most of their words
// other than names (all of them when one has fewer than three): "China
// has strictly implemented the resolutions of the UN Security Council"
// and "China opposes missile launches against the UN Security Council
// resolutions" share names, not what they say.
func sameWording(a, b map[string]bool) bool {
	common, small := shared(a, b), min(len(a), len(b))
	if small < 3 {
		return common == small
	}
	return 2*common >= small
}

// commonWords returns the content words of s not written with a
// capital (a sentence's first word is left out too).
func commonWords(s string) map[string]bool {
	out := map[string]bool{}
	for w := range strings.FieldsSeq(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if r, _ := utf8.DecodeRuneInString(w); w == "" || unicode.IsUpper(r) {
			continue
		}
		for _, part := range plainWords(w) {
			if k, ok := keyWord(part); ok {
				out[k] = true
			}
		}
	}
	return out
}

// sameFrame reports two renderings of one statement that quote
// different words in the same place of the same sentence: another
// translation of a term ("could constitute a “survival-threatening
// situation” for Japan" and "would constitute an “existential crisis”
// for Japan"). The words around the quoted phrases must coincide: the
// content word before them, the word after them, and most of the rest.
func sameFrame(a, b variant) bool {
	if a.article == b.article || a.speaker == "" || a.speaker != b.speaker {
		return false
	}
	for _, x := range a.slots {
		for _, y := range b.slots {
			if x.before == y.before && x.after == y.after && x.phrase != y.phrase && sameTopic(a.outer, b.outer, x.before) {
				return true
			}
		}
	}
	return false
}

// sameTopic reports whether the words outside two quoted phrases are
// mostly the same, leaving out the verb that frames the phrases and
// modal verbs: "a Chinese military assault on Taiwan could constitute"
// and "any military contingency involving Taiwan would constitute" share
// military, Taiwan (and Japan after them), but "the bridge inquiry would
// constitute" and "the river festival would constitute" share nothing.
func sameTopic(a, b map[string]bool, frame string) bool {
	common, na, nb := 0, 0, 0
	for w := range a {
		if w == frame || modals[w] {
			continue
		}
		na++
		if b[w] {
			common++
		}
	}
	for w := range b {
		if w != frame && !modals[w] {
			nb++
		}
	}
	return common >= 3 && 2*common >= min(na, nb)
}

var modals = map[string]bool{
	"could": true, "would": true, "will": true, "might": true, "may": true, "can": true, "should": true, "must": true,
}

// slotsOf returns the phrases quoted inside a quote's content with their
// surroundings, and the content words outside the quotation marks.
func slotsOf(content string) ([]slot, map[string]bool) {
	words := strings.FieldsFunc(content, func(r rune) bool { return unicode.IsSpace(r) })
	var slots []slot
	var outside []string
	for i := 0; i < len(words); i++ {
		if !opensQuote(words[i]) {
			outside = append(outside, words[i])
			continue
		}
		j := i
		for j < len(words) && !closesQuote(words[j], j == i) {
			j++
		}
		if j == len(words) { // no closing mark: not a phrase
			outside = append(outside, words[i])
			continue
		}
		sl := slot{phrase: strings.Join(contentList(strings.Join(words[i:j+1], " ")), " ")}
		for k := i - 1; k >= 0; k-- {
			if w := contentList(words[k]); len(w) > 0 {
				sl.before = w[0]
				break
			}
			if strings.ContainsAny(words[k], ",.;:") {
				break
			}
		}
		if j+1 < len(words) {
			if w := plainWords(words[j+1]); len(w) > 0 {
				sl.after = w[0]
			}
		}
		if sl.before != "" && sl.phrase != "" {
			slots = append(slots, sl)
		}
		i = j
	}
	return slots, contentWords(strings.Join(outside, " "))
}

const openMarks, closeMarks = "\"“‘«„「", "\"”’»“」"

func opensQuote(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return strings.ContainsRune(openMarks, r)
}

// closesQuote reports a word that ends a quoted phrase; the word that
// opens it closes it only with a second mark ("“unshakable”").
func closesQuote(w string, first bool) bool {
	w = strings.TrimRight(w, ",.;:!?")
	r, _ := utf8.DecodeLastRuneInString(w)
	if !strings.ContainsRune(closeMarks, r) {
		return false
	}
	return !first || utf8.RuneCountInString(w) > 1
}

// contentList returns the content words of s in order.
func contentList(s string) []string {
	var out []string
	for _, w := range plainWords(s) {
		if k, ok := keyWord(w); ok {
			out = append(out, k)
		}
	}
	return out
}

// plainWords returns the lower-case words of s.
func plainWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// unquote strips the quotation marks and trailing punctuation around a
// quote's content, and the "that" of reported speech.
func unquote(s string) string {
	s = strings.TrimPrefix(s, "that ")
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’«»„「」『』,.", r)
	})
}

// contentWords returns a quote's words, lower case and roughly stemmed,
// without the commonest function words; contractions are spelled out.
func contentWords(s string) map[string]bool {
	s = strings.ToLower(strings.NewReplacer("won't", "will not", "can't", "cannot", "n't", " not", "’", "'").Replace(s))
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }) {
		if k, ok := keyWord(strings.Trim(w, "'")); ok {
			out[k] = true
		}
	}
	return out
}

// keyWord returns a lower-case word as quotes compare it, roughly
// stemmed, or false for the commonest function words and single letters.
func keyWord(w string) (string, bool) {
	if len(w) < 2 || quoteStop[w] {
		return "", false
	}
	return stem(w), true
}

func stem(w string) string {
	for _, suf := range []string{"ies", "ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			if suf == "ies" {
				return w[:len(w)-3] + "y"
			}
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

var quoteStop = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true, "in": true, "on": true,
	"at": true, "for": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"it": true, "this": true, "that": true, "with": true, "as": true, "by": true, "from": true, "have": true,
	"has": true, "had": true, "all": true, "every": true, "each": true, "any": true, "here": true, "there": true,
}
