package cluster

import (
	"math"
	"slices"
	"sort"
	"time"
)

// add puts an article's features into a story, creating the story if
// needed, and indexes them.
func (o *Online) add(f *feat, storyID, storylineID int64) {
	storyID = o.resolve(storyID)
	s := o.stories[storyID]
	if s == nil {
		s = &story{id: storyID, storyline: storylineID, rank: f.Rank}
		o.newSlot(s)
		o.stories[storyID] = s
	}
	if f.ID == storyID {
		// the founder, when Warm meets it after other members
		s.rank = f.Rank
	}
	s.storyline = storylineID
	s.size++
	s.addMember(f.Features)
	s.normDocs = 0
	addNormalized(&s.terms, &f.terms)
	addNormalized(&s.entities, &f.ents)
	s.heads = addHeads(s.heads, f.heads)
	if s.terms.len() > 2*o.cfg.CentroidTerms {
		s.terms.keepTop(o.cfg.CentroidTerms, o.keyLess)
	}
	if !f.Published.IsZero() {
		if s.first.IsZero() || f.Published.Before(s.first) {
			s.first = f.Published
		}
		if f.Published.After(s.last) {
			o.setLast(s, f.Published)
		}
		if f.Published.After(o.newest) {
			o.newest = f.Published
		}
	}
	fresh := o.scratchKeys[:0]
	for _, k := range o.lookupKeys(f) {
		if _, ok := slices.BinarySearch(s.keys, k); !ok {
			fresh = append(fresh, k)
		}
	}
	if len(fresh) > 0 {
		slices.Sort(fresh)
		fresh = slices.Compact(fresh)
		for _, k := range fresh {
			o.postings[k] = append(o.postings[k], s.slot)
		}
		s.keys = mergeKeys(s.keys, fresh)
	}
	o.scratchKeys = fresh
	if !f.Signature.Empty() {
		o.members[f.ID] = member{story: storyID, rank: f.Rank, signature: f.Signature, published: f.Published.UnixMicro()}
		for _, key := range f.Signature.bandKeys() {
			o.dups.add(key, f.ID)
		}
	}
}

// mergeKeys merges the ascending keys b, none of them in a, into the
// ascending keys a, in place when a has the room, grown as grownCap
// says: inserting them one by one left them up to half empty.
func mergeKeys(a, b []key) []key {
	n := len(a) + len(b)
	if n > cap(a) {
		grown := make([]key, len(a), grownCap(len(a), n))
		copy(grown, a)
		a = grown
	}
	i, j := len(a)-1, len(b)-1
	a = a[:n]
	for out := n - 1; j >= 0; out-- {
		if i >= 0 && a[i] > b[j] {
			a[out] = a[i]
			i--
		} else {
			a[out] = b[j]
			j--
		}
	}
	return a
}

// addNormalized adds an article's sublinear counts, scaled to unit
// length, to a centroid, so that long articles do not outweigh short ones.
func addNormalized(centroid, counts *vec) {
	var norm float64
	for _, n := range counts.w {
		w := logWeight(n)
		norm += w * w
	}
	if norm == 0 {
		return
	}
	norm = math.Sqrt(norm)
	centroid.addScaled(counts, func(n float32) float32 { return float32(logWeight(n) / norm) })
}

// bestN returns the n best of xs by better, best first. It keeps the best
// n in a heap as it goes, whose root is the worst of them, so that picking
// a few among thousands costs little more than reading them.
func bestN[T any](xs []T, n int, better func(a, b T) bool) []T {
	if n <= 0 {
		return nil
	}
	h := make([]T, 0, min(n, len(xs)))
	down := func(i int) {
		for {
			w, l, r := i, 2*i+1, 2*i+2
			if l < len(h) && better(h[w], h[l]) {
				w = l
			}
			if r < len(h) && better(h[w], h[r]) {
				w = r
			}
			if w == i {
				return
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for _, x := range xs {
		if len(h) < n {
			h = append(h, x)
			for i := len(h) - 1; i > 0; {
				parent := (i - 1) / 2
				if !better(h[parent], h[i]) {
					break
				}
				h[i], h[parent] = h[parent], h[i]
				i = parent
			}
			continue
		}
		if better(x, h[0]) {
			h[0] = x
			down(0)
		}
	}
	sort.Slice(h, func(i, j int) bool { return better(h[i], h[j]) })
	return h
}

// evict forgets stories whose last article is more than Window older than
// the newest article seen, so memory follows the window, not the archive.
// Stories without dates stay.
//
// It runs when the clock has moved a fiftieth of the window since the last
// sweep, so its cost per article stays constant.
func (o *Online) evict(now time.Time) {
	if now.IsZero() || now.Before(o.newest) {
		now = o.newest
	}
	if now.IsZero() {
		return
	}
	o.evictMembers(now)
	if now.Sub(o.lastEvict) < o.cfg.Window/50 {
		return
	}
	o.lastEvict = now
	cutoff := now.Add(-o.cfg.Window)
	var evicted []*story
	for id, s := range o.stories {
		if !s.last.IsZero() && s.last.Before(cutoff) {
			s.gone = true
			delete(o.stories, id)
			evicted = append(evicted, s)
		}
	}
	if len(evicted) == 0 {
		return // nothing left the window: the sweeps below would find nothing
	}
	for id, m := range o.members {
		if _, ok := o.stories[o.resolve(m.story)]; !ok {
			o.forget(id, m)
		}
	}
	for k, p := range o.postings {
		kept := p[:0]
		for _, sl := range p {
			if !o.slots[sl].gone {
				kept = append(kept, sl)
			}
		}
		if len(kept) == 0 {
			kept = nil
		}
		o.postings[k] = kept
	}
	for _, s := range evicted {
		o.release(s)
	}
}

// evictMembers forgets the signatures of dated articles published more
// than twice DuplicateWindow before now. A copy must be published within
// DuplicateWindow of its original, so only an article arriving that far
// out of order could still need them, and it is still placed in its
// story by similarity, just not marked as a copy. Signatures and their
// band keys are a third of the clusterer's memory per article; kept for
// the whole Window, they would make it grow with the window's length.
//
// It sweeps when the clock has moved a quarter of DuplicateWindow, so its
// cost per article stays constant.
func (o *Online) evictMembers(now time.Time) {
	if o.cfg.DuplicateWindow <= 0 || now.Sub(o.lastMemberEvict) < o.cfg.DuplicateWindow/4 {
		return
	}
	o.lastMemberEvict = now
	cutoff := now.Add(-2 * o.cfg.DuplicateWindow)
	for id, m := range o.members {
		if at := m.at(); !at.IsZero() && at.Before(cutoff) {
			o.forget(id, m)
		}
	}
}

// forget drops an article's signature and its band keys.
func (o *Online) forget(id int64, m member) {
	delete(o.members, id)
	for _, k := range m.signature.bandKeys() {
		o.dups.remove(k, id)
	}
}

// gap is the time between two spans, zero when they overlap or a date is
// unknown.
func gap(aFirst, aLast, bFirst, bLast time.Time) time.Duration {
	if aFirst.IsZero() || bFirst.IsZero() {
		return 0
	}
	switch {
	case aLast.Before(bFirst):
		return bFirst.Sub(aLast)
	case bLast.Before(aFirst):
		return aFirst.Sub(bLast)
	}
	return 0
}
