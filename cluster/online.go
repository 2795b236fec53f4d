package cluster

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze/entity"
)

// Config holds the clustering parameters. DefaultConfig documents each.
type Config struct {
	// Threshold is the similarity an article needs with a story to join it.
	Threshold float64
	// StorylineThreshold is the similarity a new story's founding article
	// needs with an earlier story to join that story's storyline: related
	// matter, not the same event.
	StorylineThreshold float64
	// DuplicateThreshold is the estimated Jaccard similarity of word
	// shingles above which an article copies an earlier one.
	DuplicateThreshold float64
	// DuplicateWindow is how far apart in publication time a copy and its
	// original may be; a text reprinted months later is not a wire copy.
	DuplicateWindow time.Duration
	// EntityWeight is the share of entity similarity in the score; the rest
	// is term similarity.
	EntityWeight float64
	// TimeScale is the gap in publication time at which the score is
	// halved.
	TimeScale time.Duration
	// StorylineTimeScale is TimeScale for storylines, which run longer.
	StorylineTimeScale time.Duration
	// Window is how long a story stays in memory after its last article.
	Window time.Duration
	// CandidateTerms is how many of an article's top terms look up
	// candidate stories.
	CandidateTerms int
	// CentroidTerms caps the terms a story keeps.
	CentroidTerms int
	// MergeThreshold is the similarity of two stories' centroids above
	// which they are one story. Zero disables merging.
	MergeThreshold float64
	// Conflict tells two events of the same kind apart (a second
	// earthquake, another trial), which share most of their words but
	// not their names: see Conflict.
	Conflict Conflict
	// MaxPosting is the number of stories above which a term or entity is
	// too common to look up candidates with.
	MaxPosting int
	// MaxCandidates caps the stories scored per article.
	MaxCandidates int
	// Prior, if set, is background document frequencies for IDF.
	Prior *Prior `json:"-"`
	// PriorDocs is how many documents the prior counts as; its
	// frequencies are scaled to that. Zero takes the prior at its size.
	// A small prior is enough to give the first articles of a stream
	// sensible weights, and it fades once the stream has hundreds of
	// documents. Measured: at its full 1,097 documents the prior, drawn
	// mostly from political news, made topic words of other fields (moon,
	// rocket, Mars) look rare and merged distinct space stories; from 10
	// to 40 documents it keeps precision and splits the seeds right.
	PriorDocs int
}

// DefaultConfig returns the parameters Parallax ships with.
func DefaultConfig() Config {
	return Config{
		Threshold:          0.15,
		StorylineThreshold: 0.08,
		DuplicateThreshold: 0.75,
		DuplicateWindow:    7 * 24 * time.Hour,
		EntityWeight:       0.2,
		TimeScale:          8 * 24 * time.Hour,
		StorylineTimeScale: 120 * 24 * time.Hour,
		Window:             180 * 24 * time.Hour,
		CandidateTerms:     20,
		CentroidTerms:      300,
		MergeThreshold:     0.22,
		Conflict:           Conflict{Countries: true, Words: 50, Entities: 3, Cosine: 0.05, MergeEntities: 3, MergeCosine: 0.02, Heads: 0.15},
		MaxPosting:         200,
		MaxCandidates:      16,
		Prior:              English(),
		PriorDocs:          30,
	}
}

// Online clusters a stream of articles: each article is compared with the
// stories active in its time window and joins the most similar one above
// the threshold, or founds a new story. State lives in memory; Warm
// rebuilds it from stored assignments.
type Online struct {
	cfg Config
	// dict interns terms and entities (entities prefixed with \x01) as
	// keys; names holds them back. Comparing integer keys instead of
	// strings is most of the clusterer's speed.
	dict  map[string]key
	names []string
	// notActor marks the keys of entities that name no one who takes
	// part in an event (see actor): states, localities, states'
	// adjectives, common words.
	notActor []bool
	// Document frequencies of terms and entities over all articles seen,
	// indexed by key.
	docs int
	df   []docFreq
	// langDocs counts documents per language, indexed as langIdx says.
	langDocs []int
	langIdx  map[string]uint8
	stories  map[int64]*story
	// postings holds, for each key, the slots of the active stories
	// indexed under it, each once (a story's keys say which it is under).
	postings [][]slot
	// slots holds the active stories by slot; free lists the slots
	// released since.
	slots []*story
	free  []slot
	// hits counts, by slot, the lookup keys of an article a story is
	// indexed under. Counting in a dense array rather than in the stories
	// themselves keeps the count in cache: the postings of one article
	// reach thousands of stories. An entry is valid while its epoch is
	// the current one, which each call to candidates advances; touched is
	// candidates' scratch list, kept between calls.
	hits    []hitCount
	epoch   uint32
	touched []slot
	// dups indexes article signatures by LSH band key.
	dups      bandIndex
	members   map[int64]member
	newest    time.Time
	lastEvict time.Time
	// lastMemberEvict is when evictMembers last swept.
	lastMemberEvict time.Time
	// aliases maps merged story IDs to the story they were merged into.
	aliases map[int64]int64
	// pending holds merges made since the last call to Merges.
	pending [][2]int64
	// prior holds background document frequencies; priorLang is the
	// index of its language, valid when prior is set.
	prior     *Prior
	priorLang uint8
	// buf is scratch for intern, scratchKeys for add.
	buf         []byte
	scratchKeys []key
}

// key is an interned term or entity.
type key uint32

// slot numbers an active story in the clusterer's dense arrays.
type slot uint32

// hitCount is what candidates reads of a story by its slot: its hits
// and, to order stories with as many hits, its last article's time.
type hitCount struct {
	epoch uint32
	n     int32
	last  int64 // stamp of the story's last
}

// stamp orders times as Before does, in one integer: nanoseconds since
// 1970, clamped to the years 1678 to 2262, the zero time first.
func stamp(t time.Time) int64 {
	switch {
	case t.IsZero():
		return math.MinInt64
	case t.Year() < 1678:
		return math.MinInt64 + 1
	case t.Year() > 2261:
		return math.MaxInt64
	}
	return t.UnixNano()
}

// feat is an article's features with its terms and entities interned.
type feat struct {
	*Features
	terms, ents vec
	// tv and ev are terms and entities weighted for cosines, made once
	// per article rather than once per candidate story.
	tv, ev *wvec
	// lookup caches lookupKeys, asked for by candidates and again by add.
	lookup []key
	// termIDF caches the IDF of each of terms, which lookupKeys and the
	// term cosine both weigh by.
	termIDF []float64
	// heads are the keys of the headline's name words (Features.heads),
	// interned as one-word names.
	heads []key
}

// idfs returns the IDF of each of the article's terms.
func (o *Online) idfs(f *feat) []float64 {
	if f.termIDF == nil {
		f.termIDF = make([]float64, f.terms.len())
		for i, k := range f.terms.k {
			f.termIDF[i] = o.idf(k)
		}
	}
	return f.termIDF
}

// wvec is an article's counts weighted for cosines with centroids: for
// each key, u = (1 + log n) · idf², and the norm of (1 + log n) · idf.
type wvec struct {
	keys []key
	u    []float64
	norm float64
	// actorNorm is the norm over the names of who takes part (see
	// actor).
	actorNorm float64
}

// weigh weighs counts; idfs, if not nil, holds their keys' IDFs.
func (o *Online) weigh(counts *vec, idfs []float64) *wvec {
	v := &wvec{keys: make([]key, 0, counts.len()), u: make([]float64, 0, counts.len())}
	var n2, a2 float64
	for i, k := range counts.k {
		var idf float64
		if idfs != nil {
			idf = idfs[i]
		} else {
			idf = o.idf(k)
		}
		w := logWeight(counts.w[i]) * idf
		n2 += w * w
		if !o.notActor[k] {
			a2 += w * w
		}
		if o.df[k].n < 2 {
			// in no other article, so in no centroid: it counts in the
			// norm but cannot add to a dot product
			continue
		}
		v.keys = append(v.keys, k)
		v.u = append(v.u, w*idf)
	}
	v.norm, v.actorNorm = math.Sqrt(n2), math.Sqrt(a2)
	return v
}

type story struct {
	slot slot
	// gone marks a story evicted, for the sweep that takes it out of
	// the postings before its slot is freed.
	gone bool
	// rank is the founding article's, for ties (see before).
	rank          uint64
	id, storyline int64
	first, last   time.Time
	terms         vec
	entities      vec
	size          int
	// words counts its members' body words, so that stories of
	// headlines alone are told apart from stories of full texts.
	words int
	// keys are the postings the story is indexed under, in ascending
	// order.
	keys []key
	// Cached IDF-weighted norms of the centroids, valid while the story
	// is unchanged and the document count within 2% of normDocs.
	termNorm, entityNorm float64
	// actorNorm is entityNorm over the names of who takes part.
	actorNorm float64
	normDocs  int
	// mergeChecked is the size at which the story was last compared with
	// the others for merging.
	mergeChecked int
	// countries counts, by state, the members that name it and those
	// whose headline names it.
	countries []countryCount
	// figures counts, by decimal number, the members that write it and
	// those whose headline does (see Features.figures).
	figures []countryCount
	// heads are the name words its members' headlines give (feat.heads),
	// at most maxHeads.
	heads []key
}

// maxHeads bounds the headline words a story keeps.
const maxHeads = 24

// addHeads adds the keys ks to the heads hs that do not hold them, up to
// maxHeads.
func addHeads(hs, ks []key) []key {
	for _, k := range ks {
		if len(hs) < maxHeads && !slices.Contains(hs, k) {
			hs = append(hs, k)
		}
	}
	return hs
}

// countryCosine is the entity cosine below which states apart keep an
// article out of a story: above it, the two share enough names to be one
// event whatever states each dwells on.
var countryCosine = 0.3

type countryCount struct {
	name        string
	named, main int
}

// addMember counts the states of an article: all it names, and those of
// them its headline names too (counting also the states that only a
// headline in title case names, which the names of the text leave out,
// took the headline set from 0.784 to 0.782), and its figures.
func (s *story) addMember(f *Features) {
	s.words += f.Length
	for _, c := range f.states {
		if c.named > 0 {
			s.countries = addCount(s.countries, c, len(s.countries)+1)
		}
	}
	for _, c := range f.figures {
		s.figures = addCount(s.figures, c, maxFigures)
	}
}

// maxFigures caps the figures a story counts: a story of market reports
// writes thousands of decimals, and the first are enough to tell its
// event's from a twin's.
const maxFigures = 64

// addCount adds c's counts to those of cs by name, and adds c when cs
// holds fewer than most.
func addCount(cs []countryCount, c countryCount, most int) []countryCount {
	if i := slices.IndexFunc(cs, func(x countryCount) bool { return x.name == c.name }); i >= 0 {
		cs[i].named += c.named
		cs[i].main += c.main
	} else if len(cs) < most {
		cs = append(cs, c)
	}
	return cs
}

// statesApart reports whether two sides (an article's states or a
// story's counts), each with states in their headlines, are about states
// the other does not even name: an earthquake in Morocco is not the one
// in Turkey, whatever else they share. A side is about the states its
// headlines name at least half as often as the most named one.
func statesApart(a, b []countryCount) bool {
	return aboutOthers(a, b) && aboutOthers(b, a)
}

// headlinesApart reports whether two stories' headlines are about
// places neither story's headlines name, one within the other counting:
// the Dayton shooting's reports name El Paso, but their headlines never
// do, and the El Paso reports' never name Dayton.
func headlinesApart(a, b []countryCount) bool {
	if topMain(a) == 0 || topMain(b) == 0 {
		return false
	}
	for _, x := range a {
		if x.main == 0 {
			continue
		}
		for _, y := range b {
			if y.main > 0 && (x.name == y.name || slices.Contains(containers[x.name], y.name) || slices.Contains(containers[y.name], x.name)) {
				return false
			}
		}
	}
	return true
}

// aboutOthers reports whether both sides have states in their headlines
// and side b does not even name those that side a is about.
func aboutOthers(a, b []countryCount) bool {
	ta, tb := topMain(a), topMain(b)
	if ta == 0 || tb == 0 {
		return false
	}
	for _, x := range a {
		if 2*x.main >= ta && names(b, x.name) {
			return false
		}
	}
	return true
}

// topMain returns the count of the state headlines name most.
func topMain(cs []countryCount) int {
	top := 0
	for _, x := range cs {
		top = max(top, x.main)
	}
	return top
}

// names reports whether state c, or a place within it, is named at all:
// a report from Atlanta names Georgia.
func names(cs []countryCount, c string) bool {
	return slices.ContainsFunc(cs, func(x countryCount) bool {
		return x.named > 0 && (x.name == c || slices.Contains(containers[x.name], c))
	})
}

// before orders stories where their scores tie, by their founding
// articles' keys and not by IDs, which differ between deployments: a
// single process and workers sharing PostgreSQL store the same articles
// under different IDs and must still build the same stories.
func (s *story) before(t *story) bool {
	if s.rank != t.rank {
		return s.rank < t.rank
	}
	return s.id < t.id
}

// member is what near-duplicate detection keeps of an article.
//
// It holds no pointer, so the map of members is not scanned by the
// garbage collector: a time.Time holds one (its location), and with
// the members of a million-article window the collector spent its
// cycles marking them. The publication date is kept in microseconds.
type member struct {
	story     int64
	rank      uint64
	signature Signature
	published int64 // time.Time.UnixMicro
}

// at returns the member's publication date (zero if unknown).
func (m member) at() time.Time { return time.UnixMicro(m.published) }

var _ interface {
	Assign([]*parallax.Article) []parallax.Assignment
} = (*Online)(nil)

// NewOnline returns a clusterer with the given parameters and no state.
func NewOnline(cfg Config) *Online {
	o := &Online{
		cfg: cfg, dict: map[string]key{}, stories: map[int64]*story{},
		dups: newBandIndex(), members: map[int64]member{},
		aliases: map[int64]int64{}, langIdx: map[string]uint8{},
	}
	if cfg.Prior != nil {
		p := cfg.Prior
		if cfg.PriorDocs > 0 && cfg.PriorDocs != p.Docs {
			p = p.Scaled(cfg.PriorDocs)
		}
		o.SetPrior(p)
	}
	return o
}

// Warm adds articles that are already assigned, so that new articles can
// join their stories. Articles must carry StoryID and StorylineID. Like
// assignment, it then forgets the stories that left the window and the
// signatures older than the duplicate window, as the newest article read
// sets the clock: warming with a million stored articles, kept whole,
// took 1.3 GB of heap, and four in ten of it were band keys of
// signatures no new article could copy.
func (o *Online) Warm(articles []*parallax.Article) {
	for _, a := range articles {
		if a.StoryID == 0 {
			continue
		}
		f := o.intern(Extract(a))
		o.count(f)
		o.add(f, a.StoryID, a.StorylineID)
	}
	o.evict(time.Time{})
}

// Assign places each article, in order of publication, in a story.
func (o *Online) Assign(articles []*parallax.Article) []parallax.Assignment {
	return o.assignPrepared(prepare(articles))
}

// Prepare does the part of Assign that depends on the articles alone: it
// sorts them and extracts their features. It reads no clusterer state,
// so a caller may prepare the next batch on another goroutine while the
// current one is assigned. The function it returns assigns the batch as
// Assign would; it must be called where Assign would be.
func (o *Online) Prepare(articles []*parallax.Article) func() []parallax.Assignment {
	p := prepare(articles)
	return func() []parallax.Assignment { return o.assignPrepared(p) }
}

// prepared is a batch of articles sorted for assignment, with their
// features.
type prepared struct {
	sorted []*parallax.Article
	feats  []*Features
}

func prepare(articles []*parallax.Article) *prepared {
	sorted := append([]*parallax.Article(nil), articles...)
	// Ties in publication time are broken by key, which is the same
	// wherever the article is stored, not by ID, which is not.
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Published.Equal(b.Published) && a.Key != b.Key {
			return a.Key < b.Key
		}
		return parallax.ByPublished(a, b)
	})
	feats := make([]*Features, len(sorted))
	for i, a := range sorted {
		feats[i] = Extract(a)
	}
	return &prepared{sorted: sorted, feats: feats}
}

func (o *Online) assignPrepared(p *prepared) []parallax.Assignment {
	sorted := p.sorted
	// The batch's document frequencies count before any of it is
	// assigned, so the first articles of a stream are not compared with
	// IDF weights drawn from a handful of documents.
	feats := make([]*feat, len(sorted))
	for i, f := range p.feats {
		feats[i] = o.intern(f)
		o.count(feats[i])
	}
	out := make([]parallax.Assignment, 0, len(sorted))
	touched := map[int64]bool{}
	// Undated articles come last. Those that match a story are each
	// placed by the stories as the dated articles left them, not as the
	// undated ones before them changed them: no order among undated
	// articles is more right than another, so none may decide.
	dated := len(sorted)
	for dated > 0 && sorted[dated-1].Published.IsZero() {
		dated--
	}
	for i, a := range sorted[:dated] {
		as := o.assign(a, feats[i])
		touched[as.StoryID] = true
		out = append(out, as)
	}
	type match struct {
		i int
		s *story
	}
	var matched []match
	var rest []int
	for i := dated; i < len(sorted); i++ {
		if _, dup := o.duplicateOf(feats[i]); dup {
			rest = append(rest, i)
			continue
		}
		if best, score := o.best(feats[i]); best != nil && score >= o.cfg.Threshold {
			matched = append(matched, match{i, best})
		} else {
			rest = append(rest, i)
		}
	}
	for _, m := range matched {
		a := sorted[m.i]
		o.add(feats[m.i], m.s.id, m.s.storyline)
		touched[m.s.id] = true
		out = append(out, parallax.Assignment{ArticleID: a.ID, StoryID: m.s.id, StorylineID: m.s.storyline})
	}
	for _, i := range rest {
		as := o.assign(sorted[i], feats[i])
		touched[as.StoryID] = true
		out = append(out, as)
	}
	if o.cfg.MergeThreshold > 0 {
		o.pending = append(o.pending, o.merges(touched)...)
	}
	return out
}

// Merges returns the story merges made since the last call, each as
// {from, into}, in the order they were made.
func (o *Online) Merges() [][2]int64 {
	out := o.pending
	o.pending = nil
	return out
}

// intern gives an article's terms and entities their keys, creating the
// keys it has not seen.
func (o *Online) intern(f *Features) *feat {
	ks, ws := make([]key, 0, len(f.Terms)), make([]float32, 0, len(f.Terms))
	for t, n := range f.Terms {
		ks, ws = append(ks, o.keyOf(t)), append(ws, float32(n))
	}
	ft := &feat{Features: f, terms: vecOf(ks, ws)}
	ks, ws = ks[:0], ws[:0]
	for e, n := range f.Entities {
		ks, ws = append(ks, o.nameKey(e)), append(ws, float32(n))
	}
	ft.ents = vecOf(ks, ws)
	for _, w := range f.heads {
		ft.heads = append(ft.heads, o.nameKey(w))
	}
	return ft
}

// nameKey returns the key of an entity name, "\x01" and the name, making
// it if new. The prefixed name is built in a buffer: a map lookup by
// string(bytes) does not allocate, which "\x01"+name would.
func (o *Online) nameKey(name string) key {
	o.buf = append(append(o.buf[:0], 1), name...)
	if k, ok := o.dict[string(o.buf)]; ok {
		return k
	}
	return o.newKey(string(o.buf))
}

func (o *Online) keyOf(name string) key {
	if k, ok := o.dict[name]; ok {
		return k
	}
	return o.newKey(name)
}

// newKey makes the key of a name the dictionary does not hold.
func (o *Online) newKey(name string) key {
	k := key(len(o.names))
	o.dict[name] = k
	o.names = append(o.names, name)
	o.notActor = append(o.notActor, strings.HasPrefix(name, "\x01") && !actor(name[1:]))
	d := docFreq{}
	if o.prior != nil {
		d.bg = int32(o.prior.DF[name])
	}
	o.df = append(o.df, d)
	o.postings = append(o.postings, nil)
	return k
}

// newSlot gives a new story its slot.
func (o *Online) newSlot(s *story) {
	if n := len(o.free); n > 0 {
		s.slot, o.free = o.free[n-1], o.free[:n-1]
		o.slots[s.slot] = s
	} else {
		s.slot = slot(len(o.slots))
		o.slots = append(o.slots, s)
		o.hits = append(o.hits, hitCount{})
	}
	o.hits[s.slot] = hitCount{last: stamp(s.last)}
}

// setLast sets the time of a story's last article.
func (o *Online) setLast(s *story, t time.Time) {
	s.last = t
	o.hits[s.slot].last = stamp(t)
}

// release frees the slot of a story no posting holds any longer.
func (o *Online) release(s *story) {
	o.slots[s.slot] = nil
	o.free = append(o.free, s.slot)
}

// keyLess orders keys by their names, so that ties never depend on the
// order in which keys were made.
func (o *Online) keyLess(a, b key) bool { return o.names[a] < o.names[b] }

func (o *Online) assign(a *parallax.Article, f *feat) parallax.Assignment {
	o.evict(f.Published)
	as := parallax.Assignment{ArticleID: a.ID}
	if dup, ok := o.duplicateOf(f); ok {
		s := o.stories[o.resolve(o.members[dup].story)]
		as.StoryID, as.StorylineID, as.DuplicateOf = s.id, s.storyline, dup
		o.add(f, s.id, s.storyline)
		return as
	}
	best, score := o.best(f)
	if best != nil && score >= o.cfg.Threshold {
		as.StoryID, as.StorylineID = best.id, best.storyline
	} else {
		as.StoryID, as.StorylineID, as.Title = a.ID, a.ID, a.Title
		if best != nil && o.storylineScore(f, best) >= o.cfg.StorylineThreshold {
			as.StorylineID = best.storyline
		}
	}
	o.add(f, as.StoryID, as.StorylineID)
	return as
}

// docFreq is a key's document frequency with its IDF cached: the
// logarithm is recomputed when the key's count changes or the number of
// documents it is weighed against has grown by 1% since.
//
// A key is weighed against the documents of its language, not all of
// them: in a stream that is 10% German, "und" is in every German article
// and so carries no information, but against all documents it would look
// as rare as a topic word and tie every German article to every other.
// The key's language is the one most of its documents are in, kept with
// the majority vote of Boyer and Moore (one language and a counter).
//
// It is 32 bytes, not the 40 that ints would make: the clusterer reads
// one for each key of each article and centroid it weighs, mostly from
// memory rather than cache.
type docFreq struct {
	idf   float64
	n     int32
	docs  int32
	votes int32
	// bg is the key's document frequency in the prior.
	bg   int32
	lang uint8
}

// count adds an article to the document frequencies.
func (o *Online) count(f *feat) {
	o.docs++
	l := o.langOf(f.Language)
	o.langDocs[l]++
	for _, k := range f.terms.k {
		o.bump(k, l)
	}
	for _, k := range f.ents.k {
		o.bump(k, l)
	}
}

// langOf returns the index of a language code ("" is a language too: the
// unknown one). Past 255 languages, the rest share the last index.
func (o *Online) langOf(code string) uint8 {
	if i, ok := o.langIdx[code]; ok {
		return i
	}
	i := uint8(min(len(o.langDocs), 255))
	if int(i) == len(o.langDocs) {
		o.langDocs = append(o.langDocs, 0)
	}
	o.langIdx[code] = i
	return i
}

func (o *Online) bump(k key, l uint8) {
	d := &o.df[k]
	d.n++
	d.docs = 0
	switch {
	case d.lang == l:
		d.votes++
	case d.votes == 0:
		d.lang, d.votes = l, 1
	default:
		d.votes--
	}
}

func (o *Online) idf(k key) float64 {
	d := &o.df[k]
	if d.n == 0 {
		return math.Log(float64(o.docs+1)) + 1
	}
	base, n := o.langDocs[d.lang], int(d.n)
	if o.prior != nil && d.lang == o.priorLang {
		base += o.prior.Docs
		n += int(d.bg)
	}
	if docs := int(d.docs); docs == 0 || base > docs+docs/100 {
		d.idf = math.Log(float64(base+1)/float64(min(n, base)+1)) + 1
		d.docs = int32(base)
	}
	return d.idf
}

// duplicateOf finds an earlier article in the window that this one copies.
func (o *Online) duplicateOf(f *feat) (int64, bool) {
	if f.Signature.Empty() {
		return 0, false
	}
	best, bestSim, bestM := int64(0), 0.0, member{}
	seen := map[int64]bool{}
	for _, key := range f.Signature.bandKeys() {
		o.dups.each(key, func(id int64) {
			if seen[id] {
				return
			}
			seen[id] = true
			m, ok := o.members[id]
			if !ok || o.stories[o.resolve(m.story)] == nil || !within(f.Published, m.at(), o.cfg.DuplicateWindow) {
				return
			}
			// on a tie, the earlier article, then the lower rank
			sim := m.signature.Similarity(&f.Signature)
			if sim >= o.cfg.DuplicateThreshold && (sim > bestSim || sim == bestSim && earlier(m, id, bestM, best)) {
				best, bestSim, bestM = id, sim, m
			}
		})
	}
	return best, best != 0
}

// earlier orders two members, a with ID ida and b with ID idb.
func earlier(a member, ida int64, b member, idb int64) bool {
	switch {
	case a.published != b.published:
		return a.published < b.published
	case a.rank != b.rank:
		return a.rank < b.rank
	}
	return ida < idb
}

// best returns the active story most similar to the article.
func (o *Online) best(f *feat) (*story, float64) {
	var best *story
	bestScore := 0.0
	for _, s := range o.candidates(f) {
		// similarity is at most 1, so a story whose time factor alone is
		// below the best score so far cannot win: skip its cosine
		tf := timeFactor(f.Published, s, o.cfg.TimeScale)
		if tf < bestScore {
			continue
		}
		score := o.similarityAbove(f, s, bestScore/tf) * tf
		if score > bestScore || score == bestScore && best != nil && s.before(best) {
			best, bestScore = s, score
		}
	}
	return best, bestScore
}

func (o *Online) storylineScore(f *feat, s *story) float64 {
	return o.similarityAbove(f, s, 0) * timeFactor(f.Published, s, o.cfg.StorylineTimeScale)
}

// candidates are the active stories sharing the most of the article's
// top terms and entities, most shared first, at most MaxCandidates of
// them. Keys held by more than MaxPosting stories are too common to tell
// stories apart and are not followed, which keeps the cost per article
// flat as the window grows. On equal hits, the story with the latest
// article comes first.
func (o *Online) candidates(f *feat) []*story {
	o.epoch++
	touched := o.touched[:0]
	for _, key := range o.lookupKeys(f) {
		p := o.postings[key]
		if len(p) > o.cfg.MaxPosting {
			continue
		}
		for _, sl := range p {
			h := &o.hits[sl]
			if h.epoch != o.epoch {
				h.epoch, h.n = o.epoch, 0
				touched = append(touched, sl)
			}
			h.n++
		}
	}
	o.touched = touched
	best := bestN(touched, o.cfg.MaxCandidates, o.moreShared)
	out := make([]*story, len(best))
	for i, sl := range best {
		out[i] = o.slots[sl]
	}
	return out
}

// moreShared orders candidate stories by slot: more hits, then the latest
// article, then before.
func (o *Online) moreShared(a, b slot) bool {
	ha, hb := &o.hits[a], &o.hits[b]
	switch {
	case ha.n != hb.n:
		return ha.n > hb.n
	case ha.last != hb.last:
		return ha.last > hb.last
	}
	return o.slots[a].before(o.slots[b])
}

// lookupKeys are the keys an article is indexed and looked up under: its
// highest-weighted terms, and its entities.
func (o *Online) lookupKeys(f *feat) []key {
	if f.lookup != nil {
		return f.lookup
	}
	type kw struct {
		k key
		w float64
	}
	ws := make([]kw, 0, f.terms.len())
	idfs := o.idfs(f)
	for i, t := range f.terms.k {
		ws = append(ws, kw{t, logWeight(f.terms.w[i]) * idfs[i]})
	}
	// heaviest first, ties by name, so the choice never depends on map
	// order
	ws = bestN(ws, o.cfg.CandidateTerms, func(a, b kw) bool {
		if a.w != b.w {
			return a.w > b.w
		}
		return o.keyLess(a.k, b.k)
	})
	keys := make([]key, 0, len(ws)+f.ents.len())
	for _, x := range ws {
		keys = append(keys, x.k)
	}
	keys = append(keys, f.ents.k...)
	f.lookup = keys
	return keys
}

// similarityAbove blends the IDF-weighted cosines of the article's terms
// and entities with the story's centroids, scaled down when the two name
// different entities (see Conflict), where it is at least floor; below,
// it may return any value under floor. Comparing with the centroid, not
// with the closest member, keeps one shared name from chaining distinct
// events together (measured: nearest-member linking lost 0.1 precision).
// The entity cosine is cheap and comes first: with the term cosine at
// most 1, it bounds the similarity, and stories that cannot reach floor
// are spared the term cosine.
func (o *Online) similarityAbove(f *feat, s *story, floor float64) float64 {
	o.refreshNorms(s)
	if f.tv == nil {
		f.tv, f.ev = o.weigh(&f.terms, o.idfs(f)), o.weigh(&f.ents, nil)
	}
	if f.ents.len() == 0 || s.entities.len() == 0 {
		return cosine(f.tv, &s.terms, s.termNorm) * (1 - o.cfg.EntityWeight/2)
	}
	e := cosine(f.ev, &s.entities, s.entityNorm)
	if o.mix(1, e) < floor {
		return 0 // (the conflict's scale is at most 1)
	}
	apart := o.cfg.Conflict.Countries && e < countryCosine && f.Length >= o.cfg.Conflict.Words
	if apart && aboutOthers(f.states, s.countries) {
		return 0
	}
	scale := o.cfg.Conflict.join(func() float64 { return o.actorCosine(f.ev, &s.entities, s.actorNorm) },
		f.Length, f.ents.len(), s.entities.len())
	if o.mix(1, e)*scale < floor {
		return 0
	}
	score := o.mix(cosine(f.tv, &s.terms, s.termNorm), e) * scale
	// asked only of a story the article could join (a score below the
	// threshold decides nothing): the cheap tests first
	if score >= max(floor, o.cfg.Threshold) && len(f.heads) > 0 && f.Length >= o.cfg.Conflict.Words &&
		o.actorCosine(f.ev, &s.entities, s.actorNorm) < o.cfg.Conflict.Heads && !o.namesAny(&s.entities, f.heads) {
		return 0
	}
	// asked only of a story the article would join: most candidates
	// fall short of the floor first
	if apart && score >= floor && (headlinesApart(f.states, s.countries) || aboutOthers(f.figures, s.figures)) {
		return 0
	}
	return score
}

// kindWords are words of names that tell no name apart ("county").
var kindWords = entity.KindWords()

// namesAny reports whether centroid c names any of the headline words
// heads (keys of one word each), alone or within a longer name: one
// outlet's "Kimi Raikkonen Ferrari crash" is another's "Raikkonen".
func (o *Online) namesAny(c *vec, heads []key) bool {
	for _, k := range heads {
		if _, ok := slices.BinarySearch(c.k, k); ok {
			return true
		}
	}
	for _, k := range c.k {
		name := o.names[k]
		if !strings.Contains(name, " ") {
			continue // a one-word name would have matched above
		}
		for _, w := range strings.Fields(name[1:]) {
			for _, h := range heads {
				if o.names[h][1:] == w {
					return true
				}
			}
		}
	}
	return false
}

// Conflict is when names disagree enough to tell two events apart.
//
// An article of at least Words body words and a story that each name at
// least Entities entities, whose entity cosine is below Cosine, are
// scored in proportion to it: zero when they share no name. A headline
// names too few entities for their absence to tell, so it is spared.
// This holds for joining a story and for joining a storyline, which
// links stories of one matter with the same actors, not events of one
// kind. Two stories that each name at least MergeEntities entities are
// not merged when their entity cosine is below MergeCosine. Zero
// Entities and MergeEntities turn the checks off.
//
// Measured on a synthetic stream in which half the events are twins of
// earlier ones (TestTwinEvents): BCubed precision 0.766 → 0.935 with
// MergeEntities 10, and 0.996 with 3, when small stories of twin events
// are no longer merged either; the gold sets barely move (giveme5w1h
// 0.866 → 0.860, headlines 0.790 → 0.786).
type Conflict struct {
	// Countries, when set, keeps an article out of a story when the
	// states each is mostly about differ.
	Countries       bool
	Words, Entities int
	Cosine          float64
	MergeEntities   int
	MergeCosine     float64
	// Heads is the cosine of the names of who takes part below which an
	// article of at least Words body words stays out of a story that
	// never names what its headline names (not even one word of a
	// longer name), and two stories of such articles are not merged when
	// one never names what the other's headlines name. A report of the
	// Borel fire that mentions the Park fire in passing shares two names
	// with the Park fire's story (cosine 0.07), but that story never
	// names Borel, Havilah or Kern County. Zero turns the check off.
	Heads float64
}

// join is the factor of the score of an article of words body words
// naming n entities with a story naming m, whose cosine of the names of
// who takes part (actorCosine) actors computes.
func (c Conflict) join(actors func() float64, words, n, m int) float64 {
	if words < c.Words || c.Entities <= 0 || n < c.Entities || m < c.Entities {
		return 1
	}
	return conflictScale(actors(), n, m, c.Entities, c.Cosine)
}

// merge is the factor of the score of two stories naming n and m
// entities, at entity cosine e.
func (c Conflict) merge(e float64, n, m int) float64 {
	return conflictScale(e, n, m, c.MergeEntities, c.MergeCosine)
}

// conflictScale is the factor of a score between two sides that name n
// and m entities and have entity cosine e: e/below where both name at
// least atLeast and e is below below, 1 otherwise.
func conflictScale(e float64, n, m, atLeast int, below float64) float64 {
	if atLeast <= 0 || n < atLeast || m < atLeast || e >= below {
		return 1
	}
	return e / below
}

// mix blends a term cosine t and an entity cosine e by EntityWeight;
// mix(1, e) bounds it whatever the term cosine.
func (o *Online) mix(t, e float64) float64 {
	return (1-o.cfg.EntityWeight)*t + o.cfg.EntityWeight*e
}

// refreshNorms recomputes a story's centroid norms when it changed or the
// IDF weights drifted.
func (o *Online) refreshNorms(s *story) {
	if s.normDocs > 0 && o.docs <= s.normDocs+s.normDocs/50 {
		return
	}
	s.termNorm = o.norm(&s.terms)
	s.entityNorm, s.actorNorm = o.entityNorms(&s.entities)
	s.normDocs = o.docs
}

func (o *Online) norm(centroid *vec) float64 {
	var n float64
	for i, k := range centroid.k {
		w := float64(centroid.w[i]) * o.idf(k)
		n += w * w
	}
	return math.Sqrt(n)
}

// entityNorms returns an entity centroid's weighted norm, and its norm
// without the names that are not actors (see actor).
func (o *Online) entityNorms(centroid *vec) (all, actors float64) {
	var n, a float64
	for i, k := range centroid.k {
		w := float64(centroid.w[i]) * o.idf(k)
		n += w * w
		if !o.notActor[k] {
			a += w * w
		}
	}
	return math.Sqrt(n), math.Sqrt(a)
}

// actor reports whether an entity (as Features.Entities has it) can name
// who takes part in an event: not a state or a locality, a state's
// adjective, or a single word that news mostly writes in lower case
// ("Prosecutors", "Jury" opening a sentence).
func actor(e string) bool {
	if _, ok := countryNames[e]; ok && !localities[e].City {
		return false
	}
	if _, ok := demonyms[e]; ok {
		return false
	}
	return strings.Contains(e, " ") || !commonWord(e)
}

// actorCosine is the entity cosine over the names of who takes part
// (see actor): two trials in one city share the city, and differ in who
// stands trial, who judges and who testifies.
func (o *Online) actorCosine(v *wvec, c *vec, cNorm float64) float64 {
	if v.actorNorm == 0 || cNorm == 0 {
		return 0
	}
	return dotSkipping(v, c, o.notActor) / (v.actorNorm * cNorm)
}

// cosine compares an article's weighted counts with a story's centroid,
// both with sublinear term frequency and IDF weights; centroidNorm is the
// centroid's weighted norm.
func cosine(v *wvec, centroid *vec, centroidNorm float64) float64 {
	if v.norm == 0 || centroidNorm == 0 {
		return 0
	}
	return dot(v, centroid) / (v.norm * centroidNorm)
}

// within reports whether two times are at most d apart; an unknown time
// is within any distance.
func within(a, b time.Time, d time.Duration) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	gap := a.Sub(b)
	return gap <= d && gap >= -d
}

// timeFactor halves the score when the article is TimeScale away from
// the story's span, and quarters it at twice that. Unknown dates cost
// nothing.
func timeFactor(t time.Time, s *story, scale time.Duration) float64 {
	return decay(gap(t, t, s.first, s.last), scale)
}

// decay is 1 for no gap, one half at scale, and one fifth at twice scale.
func decay(g, scale time.Duration) float64 {
	x := float64(g) / float64(scale)
	return 1 / (1 + x*x)
}
