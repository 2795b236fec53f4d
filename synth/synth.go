// Package synth generates a realistic synthetic news stream,
// deterministically from a seed, for benchmarks: a Zipfian vocabulary per
// language, named people, organisations and places, events whose sizes
// follow a power law, wire copies and near-duplicates across outlets, and
// dates spread over weeks. Nothing is downloaded; the same seed and
// configuration give the same stream, byte for byte.
package synth

import (
	"cmp"
	"fmt"
	"html"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// Config shapes a stream. Zero fields take the defaults of DefaultConfig.
type Config struct {
	Seed     uint64
	Articles int
	// Outlets publishing; each event is covered by a few of them.
	Outlets int
	// Days over which events start, from Start.
	Days  int
	Start time.Time
	// CopyRate is the share of articles that are wire copies (the same
	// text under another outlet), NearDupRate the share that are copies
	// with one sentence rewritten and a new headline.
	CopyRate, NearDupRate float64
	// Sentences per article, on average.
	Sentences int
	// Twins is the share of events of the same kind as an earlier one (a
	// second earthquake, another trial): they share two thirds of its
	// topic words and its language, and have their own people, places,
	// numbers and dates. Zero plans the stream as before.
	Twins float64
}

// DefaultConfig is a 60-day stream from 60 outlets, 8% wire copies and 4%
// near-duplicates, about 14 sentences (≈1.6 KB) per article.
func DefaultConfig() Config {
	return Config{Seed: 1, Articles: 10_000, Outlets: 60, Days: 60,
		Start:    time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC),
		CopyRate: 0.08, NearDupRate: 0.04, Sentences: 14}
}

// Article is one generated article with its gold event.
type Article struct {
	URL       string
	Source    string
	Title     string
	Text      string
	Language  string
	Published time.Time
	// Event is the gold story: articles with the same Event report the
	// same event.
	Event int
	// CopyOf is the URL of the article this one copies, or "".
	CopyOf string
}

// Stored returns the article as Parallax stores it, under the given ID
// and keyed by its URL, for the benchmarks and tests that feed the
// stream to the clusterer without a store. The gold fields are left out.
func (a Article) Stored(id int64) *parallax.Article {
	return &parallax.Article{ID: id, Key: a.URL, URL: a.URL, Source: a.Source, Title: a.Title,
		Text: a.Text, Language: a.Language, Published: a.Published}
}

// lang is what the generator knows of a language: its function words,
// the endings its content words take, and its share of events.
type lang struct {
	code     string
	function []string
	endings  []string
	share    float64
	said     string
	weekdays []string
}

var langs = []lang{
	{"en", strings.Fields("the of and to in a is that for on with as was at by from it be has have are which said will this were an their its after not but"),
		[]string{"ing", "ed", "er", "s", "tion", "ly", "ment"}, 0.70, "said", strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")},
	{"de", strings.Fields("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei"),
		[]string{"ung", "en", "keit", "lich", "er", "heit", "isch"}, 0.10, "sagte", strings.Fields("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag")},
	{"fr", strings.Fields("le de la et les des en un une du est que dans pour qui pas sur au par plus il ne se avec son sont ce mais"),
		[]string{"ment", "eur", "é", "ique", "age", "ion", "eux"}, 0.10, "a déclaré", strings.Fields("lundi mardi mercredi jeudi vendredi samedi dimanche")},
	{"es", strings.Fields("el de la que y en los del se las por un para con no una su al es lo como más pero sus le ya o este"),
		[]string{"ción", "ado", "os", "ero", "idad", "ante", "ista"}, 0.10, "dijo", strings.Fields("lunes martes miércoles jueves viernes sábado domingo")},
}

var (
	syllables = strings.Fields("ka lo mi ne ra so ta vi du be po ge fa ri mo lu se na di ko ba te ru pi zo ha me")
	firsts    = strings.Fields("Anna Boris Chen Dilnoza Emeka Fatima Goran Hana Ines Jamal Kenji Lena Mateo Nadia Omar Priya Quentin Rosa Sami Tomas Ulla Viktor Wen Yusuf Zofia")
	orgKinds  = strings.Fields("Ministry Council Bank Party Union Agency Institute Group Court Commission")
	placeEnds = strings.Fields("ville burg stad grad ford haven port field mouth ton")
)

// vocabSize is the content words per language; rank r is drawn with
// probability ∝ 1/(r+1)^1.1.
const vocabSize = 40_000

// Generator produces the stream in publication order.
type Generator struct {
	cfg    Config
	vocabs [][]string // per language
	zipf   []float64  // cumulative Zipf weights over the vocabulary
	plan   []slot     // every article, in publication order
	next   int
	// seeds holds, by event, the state of the planning generator just
	// before the event was drawn, so that an event is drawn again, the
	// same, when its first article is taken: all events are planned up
	// front, and keeping them took 190 MB for a million articles, beside
	// the clusterer the stream feeds. running holds the events that have
	// articles out and more to come.
	seeds   []rand.PCG
	twins   []int32 // by event, the earlier event it is a twin of, or -1
	running map[int]*event
	// left counts each event's articles still to come; byEvt keeps the
	// first originals of the events still running, for copies to copy
	left  []int32
	byEvt map[int][]*Article
}

// slot is one article to come: its event and time, and how it is made.
// It holds no pointer (the time is in Unix nanoseconds), so that the
// garbage collector does not scan the plan: a million-article stream
// plans 48 MB of slots, beside the clusterer it feeds.
type slot struct {
	event int
	at    int64
	kind  byte // 'o' original, 'c' copy, 'n' near-duplicate
	seed  uint64
}

type event struct {
	lang      int
	topic     []string
	people    []string
	org       string
	place     string
	numbers   []int
	outlets   []int
	start     time.Time
	headlines []string
}

// New plans a stream: the events with their sizes and the time of every
// article. Text is made as the articles are taken.
func New(cfg Config) *Generator {
	def := DefaultConfig()
	if cfg.Articles <= 0 {
		cfg.Articles = def.Articles
	}
	if cfg.Outlets <= 0 {
		cfg.Outlets = def.Outlets
	}
	if cfg.Days <= 0 {
		cfg.Days = def.Days
	}
	if cfg.Start.IsZero() {
		cfg.Start = def.Start
	}
	if cfg.Sentences <= 0 {
		cfg.Sentences = def.Sentences
	}
	g := &Generator{cfg: cfg, byEvt: map[int][]*Article{}, running: map[int]*event{}}
	src := rand.NewPCG(cfg.Seed, 0x9a11a)
	r := rand.New(src)
	for li := range langs {
		g.vocabs = append(g.vocabs, vocabulary(r, langs[li]))
	}
	g.zipf = make([]float64, vocabSize)
	sum := 0.0
	for i := range g.zipf {
		sum += 1 / math.Pow(float64(i+1), 1.1)
		g.zipf[i] = sum
	}
	// events until the articles are planned: sizes from a Pareto law
	// (α = 1.3, at least 1, at most 2,000), so that most events have one or
	// two articles and a few have hundreds
	for n := 0; n < cfg.Articles; {
		size := int(math.Min(2000, math.Floor(1/math.Pow(1-r.Float64(), 1/1.3))))
		size = min(size, cfg.Articles-n)
		id := len(g.seeds)
		twin := int32(-1)
		if cfg.Twins > 0 && id > 0 && r.Float64() < cfg.Twins {
			twin = int32(r.IntN(id))
		}
		g.twins = append(g.twins, twin)
		g.seeds = append(g.seeds, *src)
		e := g.newEvent(r)
		g.left = append(g.left, int32(size))
		for i := range size {
			kind := byte('o')
			if i > 0 {
				switch p := r.Float64(); {
				case p < cfg.CopyRate:
					kind = 'c'
				case p < cfg.CopyRate+cfg.NearDupRate:
					kind = 'n'
				}
			}
			// coverage decays over days; the first article opens it
			delay := time.Duration(0)
			if i > 0 {
				delay = time.Duration(r.ExpFloat64() * float64(20*time.Hour))
			}
			g.plan = append(g.plan, slot{event: id, at: e.start.Add(delay).Truncate(time.Minute).UnixNano(), kind: kind, seed: r.Uint64()})
		}
		n += size
	}
	slices.SortStableFunc(g.plan, func(a, b slot) int { return cmp.Compare(a.at, b.at) })
	return g
}

func vocabulary(r *rand.Rand, l lang) []string {
	seen := map[string]bool{}
	out := make([]string, 0, vocabSize)
	for len(out) < vocabSize {
		n := 1 + r.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		b.WriteString(l.endings[r.IntN(len(l.endings))])
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func (g *Generator) newEvent(r *rand.Rand) *event {
	e := &event{start: g.cfg.Start.Add(time.Duration(r.Int64N(int64(g.cfg.Days) * int64(24*time.Hour))))}
	p := r.Float64()
	for i, l := range langs {
		if p < l.share || i == len(langs)-1 {
			e.lang = i
			break
		}
		p -= l.share
	}
	v := g.vocabs[e.lang]
	// topic words come from the middle of the distribution: specific, but
	// not unique to the event
	for range 12 {
		e.topic = append(e.topic, v[200+r.IntN(vocabSize-200)])
	}
	for range 1 + r.IntN(2) {
		e.people = append(e.people, firsts[r.IntN(len(firsts))]+" "+name(r))
	}
	e.org = name(r) + " " + orgKinds[r.IntN(len(orgKinds))]
	e.place = name(r) + placeEnds[r.IntN(len(placeEnds))]
	for range 2 {
		e.numbers = append(e.numbers, 2+r.IntN(5000))
	}
	for range 3 + r.IntN(10) {
		e.outlets = append(e.outlets, r.IntN(g.cfg.Outlets))
	}
	return e
}

// name is a capitalised pseudo-name of two or three syllables.
func name(r *rand.Rand) string {
	var b strings.Builder
	for range 2 + r.IntN(2) {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// Len is the number of articles in the stream.
func (g *Generator) Len() int { return len(g.plan) }

// Events is the number of events (gold stories) in the stream.
func (g *Generator) Events() int { return len(g.seeds) }

// event returns event id, drawing it again from its seed if it is not
// running.
func (g *Generator) event(id int) *event {
	if e, ok := g.running[id]; ok {
		return e
	}
	e := g.draw(id)
	g.running[id] = e
	return e
}

// draw draws event id from its seed, and gives a twin the language and
// the first eight topic words of the event it is a twin of.
func (g *Generator) draw(id int) *event {
	src := g.seeds[id]
	e := g.newEvent(rand.New(&src))
	if t := g.twins[id]; t >= 0 {
		of := g.draw(int(t))
		e.lang = of.lang
		copy(e.topic[:twinTopic], of.topic)
	}
	return e
}

// twinTopic is how many topic words twin events share.
const twinTopic = 8

// Next returns the next article in publication order, and false at the end.
func (g *Generator) Next() (Article, bool) {
	if g.next >= len(g.plan) {
		return Article{}, false
	}
	s := g.plan[g.next]
	g.next++
	r := rand.New(rand.NewPCG(s.seed, uint64(g.next)))
	e := g.event(s.event)
	prior := g.byEvt[s.event]
	outlet := e.outlets[r.IntN(len(e.outlets))]
	a := Article{Language: langs[e.lang].code, Published: time.Unix(0, s.at).In(g.cfg.Start.Location()), Event: s.event}
	switch {
	case s.kind != 'o' && len(prior) > 0:
		orig := prior[r.IntN(len(prior))]
		a.Title, a.Text, a.CopyOf = orig.Title, orig.Text, orig.URL
		if s.kind == 'n' {
			sentences := strings.Split(a.Text, "\n\n")
			sentences[r.IntN(len(sentences))] = g.sentence(r, e)
			a.Text = strings.Join(sentences, "\n\n")
			a.Title = g.headline(r, e)
		}
		// a copy runs under an outlet other than the original's
		for outletName(outlet) == orig.Source && g.cfg.Outlets > 1 {
			outlet = r.IntN(g.cfg.Outlets)
		}
	default:
		a.Title = g.headline(r, e)
		n := max(3, g.cfg.Sentences/2+r.IntN(g.cfg.Sentences+1))
		paras := make([]string, n)
		for i := range paras {
			paras[i] = g.sentence(r, e)
		}
		a.Text = strings.Join(paras, "\n\n")
	}
	slug := strings.ToLower(strings.Join(strings.Fields(a.Title)[:min(5, len(strings.Fields(a.Title)))], "-"))
	a.Source = outletName(outlet)
	a.URL = fmt.Sprintf("https://outlet%02d.example/%s/%d-%s", outlet, a.Published.Format("2006/01/02"), g.next, urlSafe(slug))
	// only the first two originals of a running event are kept as copy
	// sources, and an event is dropped after its last article, so memory
	// stays bounded by the running events
	if g.left[s.event]--; g.left[s.event] == 0 {
		delete(g.byEvt, s.event)
		delete(g.running, s.event)
	} else if s.kind == 'o' && len(prior) < 2 {
		cp := a
		g.byEvt[s.event] = append(prior, &cp)
	}
	return a, true
}

func outletName(n int) string { return fmt.Sprintf("Outlet %02d", n) }

func urlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, s)
}

// word draws a content word of the language by Zipf rank.
func (g *Generator) word(r *rand.Rand, l int) string {
	x := r.Float64() * g.zipf[len(g.zipf)-1]
	i, _ := slices.BinarySearch(g.zipf, x)
	return g.vocabs[l][min(i, vocabSize-1)]
}

func (g *Generator) headline(r *rand.Rand, e *event) string {
	words := []string{e.topic[r.IntN(4)], e.topic[r.IntN(len(e.topic))]}
	switch r.IntN(3) {
	case 0:
		words = append(words, "in", e.place)
	case 1:
		words = append([]string{e.people[0]}, words...)
	default:
		words = append(words, e.org)
	}
	words = append(words, e.topic[r.IntN(len(e.topic))], g.word(r, e.lang))
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// sentence is one paragraph of 8–24 words: function words, background
// words by Zipf rank, the event's topic words, and now and then a name,
// a place, a number, a weekday or a quote.
func (g *Generator) sentence(r *rand.Rand, e *event) string {
	l := langs[e.lang]
	n := 8 + r.IntN(17)
	words := make([]string, 0, n+6)
	for range n {
		switch p := r.Float64(); {
		case p < 0.40:
			words = append(words, l.function[r.IntN(len(l.function))])
		case p < 0.62:
			words = append(words, e.topic[r.IntN(len(e.topic))])
		default:
			words = append(words, g.word(r, e.lang))
		}
	}
	switch r.IntN(6) {
	case 0:
		words = append(words, e.people[r.IntN(len(e.people))])
	case 1:
		words = append(words, e.place)
	case 2:
		words = append(words, fmt.Sprint(e.numbers[r.IntN(len(e.numbers))]))
	case 3:
		words = append(words, e.org)
	case 4:
		words = append(words, l.weekdays[r.IntN(7)])
	}
	s := strings.Join(words, " ")
	s = strings.ToUpper(s[:1]) + s[1:]
	if r.IntN(8) == 0 {
		return fmt.Sprintf("“%s,” %s %s.", s, l.said, e.people[r.IntN(len(e.people))])
	}
	return s + "."
}

// Page renders an article as an outlet's web page: navigation, the
// article with its metadata, related links and a footer, as extraction
// meets it.
func Page(a Article) string {
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>%s | %s</title>`, a.Language, esc(a.Title), esc(a.Source))
	fmt.Fprintf(&b, `<meta property="og:title" content="%s"><meta property="article:published_time" content="%s"><link rel="canonical" href="%s"></head><body>`,
		esc(a.Title), a.Published.Format(time.RFC3339), esc(a.URL))
	fmt.Fprintf(&b, `<header><a href="/">%s</a><nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>`, esc(a.Source))
	fmt.Fprintf(&b, `<main><article><h1>%s</h1><p class="byline">By Staff Reporter · <time datetime="%s">%s</time></p>`,
		esc(a.Title), a.Published.Format(time.RFC3339), a.Published.Format("2 January 2006"))
	for _, p := range strings.Split(a.Text, "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
	}
	b.WriteString(`</article><aside><h2>Most read</h2><ul><li><a href="/a/1">Markets close higher as traders weigh rates</a></li><li><a href="/a/2">Weather warning issued for the weekend</a></li><li><a href="/a/3">Five things to know this morning</a></li></ul></aside></main>`)
	fmt.Fprintf(&b, `<footer><p>© 2026 %s. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`, esc(a.Source))
	return b.String()
}
