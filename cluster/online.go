package cluster

import (
	"math"
	"sort"
	"time"

	"github.com/parallax-news/parallax"
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
	// MaxPosting is the number of stories above which a term or entity is
	// too common to look up candidates with.
	MaxPosting int
	// MaxCandidates caps the stories scored per article.
	MaxCandidates int
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
		MaxPosting:         1000,
		MaxCandidates:      64,
	}
}

// Online clusters a stream of articles: each article is compared with the
// stories active in its time window and joins the most similar one above
// the threshold, or founds a new story. State lives in memory; Warm
// rebuilds it from stored assignments.
type Online struct {
	cfg Config
	// Document frequencies of terms and entities over all articles seen.
	docs     int
	termDF   map[string]*docFreq
	entityDF map[string]*docFreq
	stories  map[int64]*story
	// postings maps a term or entity key to the active stories holding it.
	postings map[string]map[int64]struct{}
	// dups indexes article signatures by LSH band key.
	dups      map[uint64][]int64
	members   map[int64]member
	newest    time.Time
	lastEvict time.Time
	// aliases maps merged story IDs to the story they were merged into.
	aliases map[int64]int64
	// pending holds merges made since the last call to Merges.
	pending [][2]int64
}

type story struct {
	id, storyline int64
	terms         map[string]float64
	entities      map[string]float64
	size          int
	first, last   time.Time
	// keys are the postings the story is indexed under.
	keys map[string]struct{}
	// Cached IDF-weighted norms of the centroids, valid while the story
	// is unchanged and the document count within 2% of normDocs.
	termNorm, entityNorm float64
	normDocs             int
}

// member is what near-duplicate detection keeps of an article.
type member struct {
	story     int64
	signature Signature
	published time.Time
}

var _ interface {
	Assign([]*parallax.Article) []parallax.Assignment
} = (*Online)(nil)

// NewOnline returns a clusterer with the given parameters and no state.
func NewOnline(cfg Config) *Online {
	return &Online{
		cfg: cfg, termDF: map[string]*docFreq{}, entityDF: map[string]*docFreq{}, stories: map[int64]*story{},
		postings: map[string]map[int64]struct{}{}, dups: map[uint64][]int64{}, members: map[int64]member{},
		aliases: map[int64]int64{},
	}
}

// Warm adds articles that are already assigned, so that new articles can
// join their stories. Articles must carry StoryID and StorylineID.
func (o *Online) Warm(articles []*parallax.Article) {
	for _, a := range articles {
		if a.StoryID == 0 {
			continue
		}
		f := Extract(a)
		o.count(f)
		o.add(f, a.StoryID, a.StorylineID)
	}
}

// Assign places each article, in order of publication, in a story.
func (o *Online) Assign(articles []*parallax.Article) []parallax.Assignment {
	sorted := append([]*parallax.Article(nil), articles...)
	sort.SliceStable(sorted, func(i, j int) bool { return parallax.ByPublished(sorted[i], sorted[j]) })
	// The batch's document frequencies count before any of it is
	// assigned, so the first articles of a stream are not compared with
	// IDF weights drawn from a handful of documents.
	feats := make([]*Features, len(sorted))
	for i, a := range sorted {
		feats[i] = Extract(a)
		o.count(feats[i])
	}
	out := make([]parallax.Assignment, 0, len(sorted))
	touched := map[int64]bool{}
	for i, a := range sorted {
		as := o.assign(a, feats[i])
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

func (o *Online) assign(a *parallax.Article, f *Features) parallax.Assignment {
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
// documents has grown by 1% since.
type docFreq struct {
	n    int
	idf  float64
	docs int
}

// count adds an article to the document frequencies.
func (o *Online) count(f *Features) {
	o.docs++
	for t := range f.Terms {
		bump(o.termDF, t)
	}
	for e := range f.Entities {
		bump(o.entityDF, e)
	}
}

func bump(df map[string]*docFreq, key string) {
	d := df[key]
	if d == nil {
		d = &docFreq{}
		df[key] = d
	}
	d.n++
	d.docs = 0
}

func (o *Online) idf(df map[string]*docFreq, key string) float64 {
	d := df[key]
	if d == nil {
		return math.Log(float64(o.docs+1)) + 1
	}
	if d.docs == 0 || o.docs > d.docs+d.docs/100 {
		d.idf = math.Log(float64(o.docs+1)/float64(d.n+1)) + 1
		d.docs = o.docs
	}
	return d.idf
}

// duplicateOf finds an earlier article in the window that this one copies.
func (o *Online) duplicateOf(f *Features) (int64, bool) {
	if f.Signature.Empty() {
		return 0, false
	}
	best, bestSim := int64(0), 0.0
	seen := map[int64]bool{}
	for _, key := range f.Signature.bandKeys() {
		for _, id := range o.dups[key] {
			if seen[id] {
				continue
			}
			seen[id] = true
			m, ok := o.members[id]
			if !ok || o.stories[o.resolve(m.story)] == nil || !within(f.Published, m.published, o.cfg.DuplicateWindow) {
				continue
			}
			if sim := m.signature.Similarity(&f.Signature); sim >= o.cfg.DuplicateThreshold && (sim > bestSim || sim == bestSim && id < best) {
				best, bestSim = id, sim
			}
		}
	}
	return best, best != 0
}

// best returns the active story most similar to the article.
func (o *Online) best(f *Features) (*story, float64) {
	var best *story
	bestScore := 0.0
	for id := range o.candidates(f) {
		s := o.stories[id]
		if s == nil {
			continue
		}
		score := o.similarity(f, s) * timeFactor(f.Published, s, o.cfg.TimeScale)
		if score > bestScore || score == bestScore && best != nil && s.id < best.id {
			best, bestScore = s, score
		}
	}
	return best, bestScore
}

func (o *Online) storylineScore(f *Features, s *story) float64 {
	return o.similarity(f, s) * timeFactor(f.Published, s, o.cfg.StorylineTimeScale)
}

// candidates are the active stories sharing the most of the article's
// top terms and entities, at most MaxCandidates of them. Keys held by more
// than MaxPosting stories are too common to tell stories apart and are not
// followed, which keeps the cost per article flat as the window grows.
func (o *Online) candidates(f *Features) map[int64]struct{} {
	hits := map[int64]int{}
	for _, key := range o.lookupKeys(f) {
		p := o.postings[key]
		if len(p) > o.cfg.MaxPosting {
			continue
		}
		for id := range p {
			hits[id]++
		}
	}
	out := make(map[int64]struct{}, min(len(hits), o.cfg.MaxCandidates))
	// On equal hits, recent stories (higher IDs) come first.
	for _, id := range top(hits, o.cfg.MaxCandidates, func(a, b int64) bool { return a > b }) {
		out[id] = struct{}{}
	}
	return out
}

// lookupKeys are the keys an article is indexed and looked up under: its
// highest-weighted terms, and its entities.
func (o *Online) lookupKeys(f *Features) []string {
	weights := make(map[string]float64, len(f.Terms))
	for t, n := range f.Terms {
		weights[t] = (1 + math.Log(n)) * o.idf(o.termDF, t)
	}
	keys := make([]string, 0, o.cfg.CandidateTerms+len(f.Entities))
	for _, t := range top(weights, o.cfg.CandidateTerms, stringLess) {
		keys = append(keys, "t:"+t)
	}
	for e := range f.Entities {
		keys = append(keys, "e:"+e)
	}
	return keys
}

// similarity blends the IDF-weighted cosines of the article's terms and
// entities with the story's centroids. Comparing with the centroid, not
// with the closest member, keeps one shared name from chaining distinct
// events together (measured: nearest-member linking lost 0.1 precision).
func (o *Online) similarity(f *Features, s *story) float64 {
	o.refreshNorms(s)
	t := o.cosine(f.Terms, s.terms, s.termNorm, o.termDF)
	if len(f.Entities) == 0 || len(s.entities) == 0 {
		return t * (1 - o.cfg.EntityWeight/2)
	}
	return (1-o.cfg.EntityWeight)*t + o.cfg.EntityWeight*o.cosine(f.Entities, s.entities, s.entityNorm, o.entityDF)
}

// refreshNorms recomputes a story's centroid norms when it changed or the
// IDF weights drifted.
func (o *Online) refreshNorms(s *story) {
	if s.normDocs > 0 && o.docs <= s.normDocs+s.normDocs/50 {
		return
	}
	s.termNorm = o.norm(s.terms, o.termDF)
	s.entityNorm = o.norm(s.entities, o.entityDF)
	s.normDocs = o.docs
}

func (o *Online) norm(centroid map[string]float64, df map[string]*docFreq) float64 {
	var n float64
	for k, c := range centroid {
		w := c * o.idf(df, k)
		n += w * w
	}
	return math.Sqrt(n)
}

// cosine compares an article's counts with a story's centroid, both with
// sublinear term frequency, weighted by current IDF; centroidNorm is the
// centroid's weighted norm.
func (o *Online) cosine(a, centroid map[string]float64, centroidNorm float64, df map[string]*docFreq) float64 {
	var dot, na float64
	for k, n := range a {
		idf := o.idf(df, k)
		w := (1 + math.Log(n)) * idf
		na += w * w
		if c, ok := centroid[k]; ok {
			dot += w * c * idf
		}
	}
	if na == 0 || centroidNorm == 0 {
		return 0
	}
	return dot / (math.Sqrt(na) * centroidNorm)
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
