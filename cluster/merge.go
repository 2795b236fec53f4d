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
		best := o.bestStoryFor(s, o.cfg.MergeThreshold)
		if best == nil {
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

// bestStoryFor returns the active story most similar to s, other than s,
// if its similarity is at least floor; nil if none is.
func (o *Online) bestStoryFor(s *story, floor float64) *story {
	f := &feat{Features: &Features{Published: s.first}, terms: s.terms, ents: s.entities}
	var best *story
	bestScore := floor
	o.refreshNorms(s)
	for _, c := range o.candidates(f) {
		if c == s {
			continue
		}
		// the time factor times the similarity bounds the score, and so
		// does the time factor times the entity cosine's mix with the
		// highest term cosine: skip the term cosine, the costly part, for
		// stories that cannot reach the best so far
		tf := decay(gap(s.first, s.last, c.first, c.last), o.cfg.TimeScale)
		if tf < bestScore {
			continue
		}
		o.refreshNorms(c)
		e := o.centroidCosine(&s.entities, &c.entities, s.entityNorm, c.entityNorm, nil)
		fullTexts := s.words >= o.cfg.Conflict.Words*s.size && c.words >= o.cfg.Conflict.Words*c.size
		if o.mix(1, e)*tf < bestScore || o.cfg.Conflict.Countries && e < countryCosine &&
			(statesApart(s.countries, c.countries) || fullTexts && (headlinesApart(s.countries, c.countries) || statesApart(s.figures, c.figures))) {
			continue
		}
		// stories of full texts are told apart by who takes part; those of
		// headlines name too few people, and only their names in all
		names := e
		if fullTexts {
			names = o.centroidCosine(&s.entities, &c.entities, s.actorNorm, c.actorNorm, o.notActor)
		}
		scale := o.cfg.Conflict.merge(names, s.entities.len(), c.entities.len())
		if o.mix(1, e)*tf*scale < bestScore {
			continue
		}
		score := o.mix(o.centroidCosine(&s.terms, &c.terms, s.termNorm, c.termNorm, nil), e) * tf * scale
		if !(best == nil && score >= bestScore || score > bestScore || score == bestScore && best != nil && c.before(best)) {
			continue
		}
		if fullTexts && names < o.cfg.Conflict.Heads && len(s.heads) > 0 && len(c.heads) > 0 &&
			(!o.namesAny(&c.entities, s.heads) || !o.namesAny(&s.entities, c.heads)) {
			continue // one never names what the other's headlines are about
		}
		best, bestScore = c, score
	}
	return best
}

// centroidCosine is the IDF-weighted cosine of two centroids whose
// weighted norms are given (refreshNorms keeps them), in one merge of
// their keys, without the keys that skip marks (nil: none; the norms
// must leave them out too).
func (o *Online) centroidCosine(a, b *vec, na, nb float64, skip []bool) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	var dot float64
	for i, j := 0, 0; i < len(a.k) && j < len(b.k); {
		switch ka, kb := a.k[i], b.k[j]; {
		case ka < kb:
			i++
		case ka > kb:
			j++
		default:
			if skip == nil || !skip[ka] {
				idf := o.idf(ka)
				dot += float64(a.w[i]) * float64(b.w[j]) * idf * idf
			}
			i++
			j++
		}
	}
	return dot / (na * nb)
}

// merge folds story from into story into, in memory.
func (o *Online) merge(from, into *story) {
	same := func(w float32) float32 { return w }
	into.terms.addScaled(&from.terms, same)
	into.entities.addScaled(&from.entities, same)
	if into.terms.len() > 2*o.cfg.CentroidTerms {
		into.terms.keepTop(o.cfg.CentroidTerms, o.keyLess)
	}
	into.size += from.size
	into.words += from.words
	into.heads = addHeads(into.heads, from.heads)
	for _, c := range from.countries {
		into.countries = addCount(into.countries, c, len(into.countries)+1)
	}
	for _, c := range from.figures {
		into.figures = addCount(into.figures, c, maxFigures)
	}
	into.normDocs = 0
	if !from.first.IsZero() && (into.first.IsZero() || from.first.Before(into.first)) {
		into.first = from.first
	}
	if from.last.After(into.last) {
		o.setLast(into, from.last)
	}
	for _, k := range from.keys {
		p := o.postings[k]
		i := slices.Index(p, from.slot)
		if at, ok := slices.BinarySearch(into.keys, k); ok {
			if i >= 0 {
				p = slices.Delete(p, i, i+1)
			}
		} else {
			if i >= 0 {
				p[i] = into.slot
			} else {
				p = append(p, into.slot)
			}
			into.keys = slices.Insert(into.keys, at, k)
		}
		o.postings[k] = p
	}
	o.release(from) // no posting holds it now
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
