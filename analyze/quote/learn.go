package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/analyze/segment"
)

// The rules read the attributions whose cue a lexicon knows. News
// attributes with many more verbs ("were frustrated by", "saw the comment
// as", "identified"), too many to list. Candidates are the attributions
// that the shape of a sentence allows where the rules found none: a noun
// phrase, a verb after it, and words after the verb. A logistic model,
// trained on annotated news (parallax train quotes), keeps the likely ones.

// Candidate is a possible attribution and the features the model weighs.
type Candidate struct {
	Quote    Quote
	Features []string
}

// FindByRules returns the quotes that the rules find, without the
// model's, in order of content: what training sets candidates against.
func FindByRules(text string, toks []segment.Token, sentences []segment.Span) []Quote {
	return FindWith(text, toks, sentences, nil)
}

// FindWith is FindTokens with model m in place of the shipped one (nil:
// the rules alone).
func FindWith(text string, toks []segment.Token, sentences []segment.Span, m *Model) []Quote {
	d := newDoc(text, toks, sentences)
	qs := d.rules()
	return Merge(qs, d.learned(qs, m))
}

// Merge returns the rules' quotes and the model's in one new slice, in
// order of content, the rules' first where two start together.
func Merge(rules, learned []Quote) []Quote {
	qs := make([]Quote, 0, len(rules)+len(learned))
	qs = append(append(qs, rules...), learned...)
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Content.Start < qs[j].Content.Start })
	return qs
}

// Candidates returns the candidate attributions of text outside the
// quotes found by the rules.
func Candidates(text string, toks []segment.Token, sentences []segment.Span, found []Quote) []Candidate {
	return newDoc(text, toks, sentences).candidates(found)
}

func (d *doc) candidates(found []Quote) []Candidate {
	taken := make([]bool, len(d.toks))
	mark := func(s Span) {
		for i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= s.Start }); i < len(d.toks) && d.toks[i].End <= s.End; i++ {
			taken[i] = true
		}
	}
	for _, q := range found {
		mark(q.Content)
		if !q.Cue.Empty() {
			mark(q.Cue)
		}
	}
	var out []Candidate
	for i := range d.toks {
		if taken[i] || !d.verbLike(i) {
			continue
		}
		cueStart := d.auxStart(i)
		src := d.npBackward(cueStart)
		if src >= cueStart || taken[src] {
			continue
		}
		speaker := d.speakerUpTo(src, cueStart)
		if speaker.Empty() || d.tokenAfter(speaker) == src+1 && (nonSpeakers[d.w(src)] || determiners[d.w(src)]) {
			// "because it acknowledges …": a thing, not a source; "The"
			// alone names no one
			continue
		}
		cueEnd, particle := i+1, ""
		if candidateParticles[d.w(i+1)] {
			cueEnd, particle = i+2, d.w(i+1)
		} else if reflexives[d.w(i+1)] && reflexiveParticles[d.w(i+2)] {
			// "distanced herself from", "cast himself as": the cue, as
			// PolNeAR marks it, and what follows its content
			cueEnd, particle = i+3, d.w(i+2)
		}
		c := cueEnd
		if c >= len(d.toks) || d.sent[c] != d.sent[i] || taken[c] || d.toks[c].Kind == segment.Punct && !quoteMarks[d.w(c)] ||
			npStop[d.w(c)] && !contentOpeners[d.w(c)] {
			// (a content opens with what was said, not "because …")
			continue
		}
		end := d.stanceEnd(c, d.contentEnd(c))
		if end <= c || d.w(end) == ":" {
			// (a colon: "scolded him: “…,” she said" quotes what follows)
			continue
		}
		clear := true
		for k := c; k < end; k++ {
			if taken[k] {
				clear = false
				break
			}
		}
		if !clear {
			continue
		}
		q := Quote{Speaker: speaker, Cue: d.span(cueStart, cueEnd), Content: d.span(c, end), Kind: Reported}
		out = append(out, Candidate{Quote: q, Features: d.features(src, cueStart, i, particle, c, end)})
	}
	return out
}

var reflexives = map[string]bool{"himself": true, "herself": true, "themselves": true, "itself": true, "myself": true, "ourselves": true}

// reflexiveParticles follow a reflexive in a cue: "distanced herself
// from", "cast himself as", "compared himself to".
var reflexiveParticles = map[string]bool{"from": true, "as": true, "to": true, "with": true}

// NamesSource reports a speaker, as written, whose last word can name a
// source: a name, a pronoun, or a noun for people, a body or a document
// ("the officials", "the court", "a new poll"), but not "the episode" or
// "Washington's steadfast backing of Tokyo". The story report shows
// learned quotes only from such speakers.
func NamesSource(speaker string) bool {
	// the head is the last word before an apposition or a phrase after
	// it: "Japan's Ambassador to the U.S., Shigeo Yamada", "Small groups
	// of protesters"
	speaker, _, _ = strings.Cut(speaker, ",")
	f := strings.FieldsFunc(speaker, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
	for i := 1; i < len(f); i++ {
		if prepositions[strings.ToLower(f[i])] {
			f = f[:i]
			break
		}
	}
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if r, _ := utf8.DecodeRuneInString(last); unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	w := strings.ToLower(last)
	return pronouns[w] || personalPronouns[w] || sourceNouns[w] || sourceNouns[strings.TrimSuffix(w, "s")]
}

// sourceNouns name people, bodies and documents that can be sources,
// in the singular.
var sourceNouns = map[string]bool{
	"official": true, "expert": true, "analyst": true, "critic": true, "supporter": true, "opponent": true,
	"aide": true, "source": true, "lawmaker": true, "resident": true, "witness": true, "police": true,
	"people": true, "voter": true, "protester": true, "leader": true, "leadership": true, "member": true,
	"worker": true, "student": true, "parent": true, "doctor": true, "scientist": true, "economist": true,
	"investor": true, "executive": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"minister": true, "president": true, "governor": true, "senator": true, "mayor": true, "judge": true,
	"lawyer": true, "attorney": true, "prosecutor": true, "candidate": true, "nominee": true, "adviser": true,
	"advisor": true, "director": true, "chairman": true, "chief": true, "head": true, "founder": true,
	"owner": true, "man": true, "woman": true, "men": true, "women": true, "family": true, "friend": true,
	"father": true, "mother": true, "wife": true, "husband": true, "host": true, "reporter": true,
	"journalist": true, "writer": true, "author": true, "editor": true, "researcher": true, "professor": true,
	"activist": true, "advocate": true, "group": true, "party": true, "campaign": true, "committee": true,
	"court": true, "government": true, "administration": true, "agency": true, "ministry": true,
	"department": true, "company": true, "firm": true, "bank": true, "union": true, "council": true,
	"board": true, "commission": true, "organization": true, "newspaper": true, "network": true,
	"report": true, "study": true, "poll": true, "survey": true, "analysis": true, "statement": true,
	"letter": true, "lawsuit": true, "complaint": true, "ad": true, "memo": true, "document": true,
	"filing": true, "book": true, "article": true, "editorial": true, "percent": true, "majority": true,
	"citizen": true, "fan": true, "player": true, "coach": true, "team": true, "staff": true, "employee": true,
	"colleague": true, "ally": true, "allies": true, "everyone": true, "someone": true, "other": true,
	"who": true, "which": true, "that": true,
}

// contentOpeners may open a content though they stop a noun phrase.
var contentOpeners = map[string]bool{"that": true, "what": true, "how": true, "why": true, "whether": true}

// tokenAfter returns the index of the first token after span s.
func (d *doc) tokenAfter(s Span) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= s.End })
}

// feelings follow a participle that tells its subject's feeling.
var feelings = map[string]bool{"that": true, "about": true, "over": true, "with": true}

// prepositions do not come right before a verb.
var prepositions = map[string]bool{
	"in": true, "from": true, "to": true, "of": true, "with": true, "for": true, "by": true, "on": true, "at": true,
	"about": true, "into": true, "over": true, "under": true, "between": true, "among": true, "against": true,
}

// candidateParticles join the verb before them in a cue: "railed
// against", "frustrated by".
var candidateParticles = map[string]bool{
	"for": true, "on": true, "about": true, "of": true, "against": true, "at": true, "over": true, "with": true, "by": true,
}

// verbLike reports a lower-case word at i shaped like a finite verb or a
// participle after "be": "frustrated", "identifies", "is seizing", or a
// base form after a pronoun or an auxiliary ("they see").
func (d *doc) verbLike(i int) bool {
	w := d.w(i)
	if d.toks[i].Kind != segment.Word || d.capitalized(i) || len(w) < 3 || w == "not" || w == "never" || functionWords[w] || determiners[w] ||
		pronouns[w] || auxiliaries[w] || cueAux[w] || npStop[w] || isAdverb(w) || candidateParticles[w] {
		return false
	}
	// what the rules leave out on purpose stays out: a word after a
	// determiner, a possessive or a preposition, which no verb follows
	// ("the frustrated voters", "the minister's comments", "from expected
	// backers"), a negated verb, a passive one unless it tells a feeling
	// ("were frustrated that", "is worried about"), a verb used as a noun, and
	// "respond" without what was said ("will respond within the law")
	base, prev := baseForm(w), d.w(i-1)
	if determiners[prev] || strings.HasSuffix(prev, "'s") || prepositions[prev] || d.negated(i) || d.passive(i) && !feelings[d.w(i+1)] ||
		d.nounCue(i) || d.notCue(i, base) ||
		replyVerbs[base] && d.w(i+1) != "that" && d.w(i+1) != ":" {
		return false
	}
	switch {
	case pastVerb(w), irregular[w] != "", strings.HasSuffix(w, "ing") && d.progressive(i):
		return true
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s"):
		return true
	}
	aux := d.auxStart(i)
	subject := d.w(aux - 1)
	return aux < i || subject == "they" || subject == "we" || subject == "i" || subject == "you"
}

// features describe a candidate: its verb, what surrounds it, its
// speaker and its content.
func (d *doc) features(src, cueStart, i int, particle string, c, end int) []string {
	w := d.w(i)
	f := make([]string, 0, 24)
	add := func(parts ...string) { f = append(f, strings.Join(parts, ":")) }
	base := baseForm(w)
	lex := "none"
	switch {
	case speechForms[w] != "":
		lex = "speech"
	case cueForms[w] != "":
		lex = "cue"
	case attitudeForms[w] != "":
		lex = "stance"
	}
	form := "base"
	for _, s := range []string{"ing", "ed", "s"} {
		if strings.HasSuffix(w, s) {
			form = s
			break
		}
	}
	add("w", w)
	add("b", base)
	add("lex", lex)
	add("form", form)
	add("p", particle)
	add("bp", base, particle)
	if cueStart < i {
		add("aux", d.w(cueStart))
	}
	n := tokenClass(d, c)
	add("n", n)
	add("bn", base, n)
	add("n1", d.w(c))
	// the speaker
	head := d.w(cueStart - 1)
	if personalPronouns[d.w(src)] || pronouns[d.w(src)] {
		add("s", "pron", d.w(src))
	} else if d.capitalized(src) {
		add("s", "cap")
	} else {
		add("s", "lower")
	}
	add("sh", head)
	add("slen", bucket(cueStart-src, 1, 2, 4, 8))
	lo, _ := d.sentenceTokens(d.sent[i])
	if src == lo {
		add("sfirst")
	} else {
		add("sprev", tokenClass(d, src-1))
	}
	// the content
	add("clen", bucket(end-c, 1, 3, 8, 20))
	if d.hasQuoteMark(c, end) {
		add("cquote")
	}
	if d.hasVerb(c, end) {
		add("cverb")
	}
	add("after", tokenClass(d, end))
	add("b", base, "clen", bucket(end-c, 1, 3, 8, 20))
	return f
}

// tokenClass names the kind of token i for features.
func tokenClass(d *doc, i int) string {
	w := d.w(i)
	switch {
	case i < 0 || i >= len(d.toks):
		return "none"
	case w == "that" || w == "to" || w == "whether" || w == "how" || w == "what" || w == "why" || w == "as" || w == ",":
		return w
	case quoteMarks[w] || w == "'" || w == "‘":
		return "quote"
	case determiners[w]:
		return "det"
	case pronouns[w] || objectPronouns[w]:
		return "pron"
	case d.toks[i].Kind == segment.Number:
		return "num"
	case d.toks[i].Kind == segment.Punct:
		return "punct"
	case d.capitalized(i):
		return "cap"
	}
	return "word"
}

func bucket(n int, bounds ...int) string {
	for _, b := range bounds {
		if n <= b {
			return strconv.Itoa(b)
		}
	}
	return "more"
}

// baseForm guesses a verb's base from its inflection, through the
// lexicons where they know it.
func baseForm(w string) string {
	for _, m := range []map[string]string{cueForms, attitudeForms, speechForms} {
		if b := m[w]; b != "" {
			return b
		}
	}
	switch {
	case strings.HasSuffix(w, "ied"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// Model is a logistic model over candidate features.
type Model struct {
	Bias      float64
	Threshold float64 // the probability a candidate needs
	Weights   map[string]float64
}

// Prob returns the model's probability that a candidate is an
// attribution.
func (m *Model) Prob(features []string) float64 {
	z := m.Bias
	for _, f := range features {
		z += m.Weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// Example is a candidate's features and whether it is an attribution.
type Example struct {
	Features []string
	Positive bool
}

// Train fits a model to examples by stochastic gradient descent on the
// log loss with an L2 penalty, and returns the average of the weights
// over every step rather than the last ones. The last steps follow the
// order of the last examples: 21 more candidates (of 16,310), which
// reshuffle all, changed 525 of the 2,704 learned quotes of 1,307 news
// texts; the average changes 210 of 3,308. Features seen fewer than
// minCount times are left out. The order of the examples is shuffled
// with a fixed seed, so the same examples give the same model.
func Train(examples []Example, epochs, minCount int) *Model {
	counts := map[string]int{}
	for _, e := range examples {
		for _, f := range e.Features {
			counts[f]++
		}
	}
	m := &Model{Threshold: 0.5, Weights: map[string]float64{}}
	// the average of the weights w over steps 1…T is w_T − u/T, where u
	// sums each step's change times the steps before it (the averaged
	// perceptron's bookkeeping), so each step updates only its features
	sum, sumBias, step := map[string]float64{}, 0.0, 0.0
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const l2 = 1e-5
	for epoch := range epochs {
		rate := 0.1 / (1 + float64(epoch))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			e := examples[k]
			y := 0.0
			if e.Positive {
				y = 1
			}
			g := m.Prob(e.Features) - y
			m.Bias -= rate * g
			sumBias -= step * rate * g
			for _, f := range e.Features {
				if counts[f] < minCount {
					continue
				}
				w := m.Weights[f]
				d := -rate * (g + l2*w)
				m.Weights[f] = w + d
				sum[f] += step * d
			}
			step++
		}
	}
	if step > 0 {
		m.Bias -= sumBias / step
		for f, w := range m.Weights {
			m.Weights[f] = w - sum[f]/step
		}
	}
	for f, w := range m.Weights {
		if math.Abs(w) < 1e-3 {
			delete(m.Weights, f)
		}
	}
	return m
}

// WriteTo writes the model as text: a header line with the bias and the
// threshold, then one feature and its weight per line, sorted.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "bias\t%.6f\tthreshold\t%.3f\n", m.Bias, m.Threshold)
	keys := make([]string, 0, len(m.Weights))
	for f := range m.Weights {
		keys = append(keys, f)
	}
	sort.Strings(keys)
	for _, f := range keys {
		fmt.Fprintf(bw, "%s\t%.4f\n", f, m.Weights[f])
	}
	return 0, bw.Flush()
}

// ReadModel reads a model that WriteTo wrote.
func ReadModel(r io.Reader) (*Model, error) {
	sc := bufio.NewScanner(r)
	m := &Model{Weights: map[string]float64{}}
	if !sc.Scan() {
		return nil, fmt.Errorf("quote model: empty")
	}
	head := strings.Split(sc.Text(), "\t")
	if len(head) != 4 || head[0] != "bias" || head[2] != "threshold" {
		return nil, fmt.Errorf("quote model: bad header %q", sc.Text())
	}
	for k, v := range map[int]*float64{1: &m.Bias, 3: &m.Threshold} {
		f, err := strconv.ParseFloat(head[k], 64)
		if err != nil {
			return nil, fmt.Errorf("quote model: %s: %w", head[k-1], err)
		}
		*v = f
	}
	var err error
	for line := 2; sc.Scan(); line++ {
		f, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("quote model: line %d: no weight", line)
		}
		if m.Weights[f], err = strconv.ParseFloat(v, 64); err != nil {
			return nil, fmt.Errorf("quote model: line %d: %w", line, err)
		}
	}
	return m, sc.Err()
}

//go:embed model.tsv
var modelData string

// model is the shipped model, trained on PolNeAR's training split
// (parallax train quotes); nil when the file holds none.
var model = func() *Model {
	if strings.TrimSpace(modelData) == "" {
		return nil
	}
	m, err := ReadModel(strings.NewReader(modelData))
	if err != nil {
		panic(err) // the file is part of the build; a test reads it
	}
	return m
}()

// learned returns the candidates that model m keeps (Choose).
func (d *doc) learned(found []Quote, m *Model) []Quote {
	if m == nil {
		return nil
	}
	cs := d.candidates(found)
	probs := make([]float64, len(cs))
	for i, c := range cs {
		probs[i] = m.Prob(c.Features)
	}
	return Choose(cs, probs, m.Threshold)
}

// Choose returns the candidates a model keeps at a threshold, given the
// probability it gives each (Prob): the likeliest first, and none whose
// content or cue overlaps the content of one kept before, marked learned.
func Choose(cs []Candidate, probs []float64, threshold float64) []Quote {
	type scored struct {
		q Quote
		p float64
	}
	var keep []scored
	for i, c := range cs {
		if probs[i] >= threshold {
			c.Quote.Learned = true
			keep = append(keep, scored{c.Quote, probs[i]})
		}
	}
	sort.SliceStable(keep, func(i, j int) bool { return keep[i].p > keep[j].p })
	var out []Quote
	for _, k := range keep {
		overlaps := false
		for _, q := range out {
			if k.q.Content.Start < q.Content.End && q.Content.Start < k.q.Content.End ||
				k.q.Cue.Start < q.Content.End && q.Content.Start < k.q.Cue.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, k.q)
		}
	}
	return out
}

// Statement reports whether a content reads as something said or held,
// not a bare thing: it opens with "that", "to", a question word or a
// quotation mark, or it has a verb ("the plan would fail", "Japan must
// act"). "the United Nations on Tuesday" (after "spoke at") does not.
// The story report shows the model's quotes only when they do.
func Statement(content string) bool {
	toks := segment.Tokens(content)
	if len(toks) == 0 {
		return false
	}
	d := newDoc(content, toks, []segment.Span{{Start: 0, End: len(content)}})
	switch d.w(0) {
	case "that", "to", "whether", "if", "how", "why", "what", "when", "where", "who":
		return true
	}
	if quoteMarks[d.w(0)] {
		return true
	}
	return d.hasVerb(0, len(d.toks))
}
