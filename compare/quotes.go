package compare

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
)

// variant is one article's rendering of a statement.
type variant struct {
	article  int64
	speaker  string // report entity ID, or "" when unknown
	name     string // the speaker as written, when unknown
	text     string // content without quotation marks
	sentence string
	kind     string
	words    map[string]bool
}

// quotes groups the articles' quotes into statements: the same speaker
// (or an unknown one) and words that overlap enough to be the same
// statement verbatim, truncated, paraphrased or translated otherwise.
func quotes(in []Input, ents entityIndex) []parallax.ReportQuote {
	var vs []variant
	for _, x := range in {
		for _, q := range x.Annotation.Quotes {
			v := variant{article: x.Article.ID, text: unquote(q.Content.Text), kind: q.Kind,
				sentence: sentenceOf(x.Annotation, q.Content.Start), name: q.Speaker.Text}
			if q.Speaker.EntityID != "" {
				v.speaker = ents.of[x.Article.ID][q.Speaker.EntityID]
			}
			v.words = contentWords(v.text)
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
		q := parallax.ReportQuote{Variants: []parallax.QuoteVariant{}, Kind: "reported"}
		best := -1
		for _, m := range members {
			v := vs[m]
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
	common := 0
	for w := range a.words {
		if b.words[w] {
			common++
		}
	}
	small := min(len(a.words), len(b.words))
	union := len(a.words) + len(b.words) - common
	containment := float64(common) / float64(small)
	jaccard := float64(common) / float64(union)
	if a.speaker == "" || b.speaker == "" {
		return containment >= 0.75 && common >= 4
	}
	return containment >= 0.6 || jaccard >= 0.3
}

// unquote strips the quotation marks and trailing punctuation around a
// quote's content.
func unquote(s string) string {
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
		w = strings.Trim(w, "'")
		if len(w) < 2 || quoteStop[w] {
			continue
		}
		out[stem(w)] = true
	}
	return out
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
