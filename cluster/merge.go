package cluster

import (
	"slices"
	"sort"
)

// merges finds stories among those touched by a batch that turn out to be
// one with another active story: centroid similarity, including the time
// factor, at least MergeThreshold. Each is merged into the larger story
// (the older on a tie), whose ID is kept; the pairs are returned in the
// order applied, From → Into.
func (o *Online) merges(touched map[int64]bool) [][2]int64 {
	var ss []*story
	seen := map[*story]bool{}
	for id := range touched {
		if s := o.stories[o.resolve(id)]; s != nil && !seen[s] {
			seen[s] = true
			ss = append(ss, s)
		}
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].before(ss[j]) })
	var out [][2]int64
	for _, s := range ss {
		if o.stories[s.id] != s || s.size < s.mergeChecked+s.mergeChecked/2 {
			// A story is compared again once it has grown by half
			// since its last comparison: a centroid moves little with one
			// more article, and a large story is touched by most batches.
			// A small story meeting it is compared as it grows.
			continue
		}
		s.mergeChecked = s.size
		best, score := o.bestStoryFor(s)
		if best == nil || score < o.cfg.MergeThreshold {
			continue
		}
		from, into := s, best
		if into.size < from.size || into.size == from.size && older(from, into) {
			from, into = into, from
		}
		o.merge(from, into)
		out = append(out, [2]int64{from.id, into.id})
	}
	return out
}

// older reports whether story a began before b, by first article, then
// by rank.
func older(a, b *story) bool {
	if !a.first.Equal(b.first) {
		return a.first.Before(b.first)
	}
	return a.before(b)
}

// bestStoryFor returns the active story most similar to s, other than s.
func (o *Online) bestStoryFor(s *story) (*story, float64) {
	f := &feat{Features: &Features{Published: s.first}, terms: s.terms, ents: s.entities}
	var best *story
	bestScore := 0.0
	for _, c := range o.candidates(f) {
		if c == s {
			continue
		}
		if decay(gap(s.first, s.last, c.first, c.last), o.cfg.TimeScale) < bestScore {
			continue // cannot win: its similarity is at most 1
		}
		score := o.storySimilarity(s, c)
		if score > bestScore || score == bestScore && best != nil && c.before(best) {
			best, bestScore = c, score
		}
	}
	return best, bestScore
}

// storySimilarity compares two stories' centroids, with the time factor
// on the gap between their spans.
func (o *Online) storySimilarity(a, b *story) float64 {
	o.refreshNorms(a)
	o.refreshNorms(b)
	t := o.centroidCosine(a.terms, b.terms, a.termNorm, b.termNorm)
	e := o.centroidCosine(a.entities, b.entities, a.entityNorm, b.entityNorm)
	sim := (1-o.cfg.EntityWeight)*t + o.cfg.EntityWeight*e
	return sim * decay(gap(a.first, a.last, b.first, b.last), o.cfg.TimeScale)
}

// centroidCosine is the IDF-weighted cosine of two centroids whose
// weighted norms are given (refreshNorms keeps them): only the shared
// keys are visited, from the smaller centroid.
func (o *Online) centroidCosine(a, b map[key]float64, na, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	var dot float64
	for k, w := range a {
		if v, ok := b[k]; ok {
			idf := o.idf(k)
			dot += w * v * idf * idf
		}
	}
	return dot / (na * nb)
}

// merge folds story from into story into, in memory.
func (o *Online) merge(from, into *story) {
	for k, w := range from.terms {
		into.terms[k] += w
	}
	for k, w := range from.entities {
		into.entities[k] += w
	}
	if len(into.terms) > 2*o.cfg.CentroidTerms {
		o.prune(into.terms, o.cfg.CentroidTerms)
	}
	into.size += from.size
	into.normDocs = 0
	if !from.first.IsZero() && (into.first.IsZero() || from.first.Before(into.first)) {
		into.first = from.first
	}
	if from.last.After(into.last) {
		into.last = from.last
	}
	for k := range from.keys {
		p := o.postings[k]
		i := slices.Index(p, from)
		if _, ok := into.keys[k]; ok {
			if i >= 0 {
				p = slices.Delete(p, i, i+1)
			}
		} else if i >= 0 {
			p[i] = into
		} else {
			p = append(p, into)
		}
		o.postings[k] = p
		into.keys[k] = struct{}{}
	}
	from.gone = true
	delete(o.stories, from.id)
	o.aliases[from.id] = into.id
}

// resolve follows merge aliases to the story an ID now names.
func (o *Online) resolve(id int64) int64 {
	for {
		next, ok := o.aliases[id]
		if !ok {
			return id
		}
		id = next
	}
}
