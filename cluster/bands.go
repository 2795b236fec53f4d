package cluster

import "slices"

// bandIndex maps LSH band keys to the articles whose signatures have
// them. Nearly every band key is one article's alone, so the first
// article of a key is kept in a flat map and only the others in slices:
// that halves what near-duplicate detection costs per active article.
// The first article's entry is flagged when the key has others, so that
// the common cases, a key of one article looked up or removed, touch one
// map and not two.
type bandIndex struct {
	first map[uint64]int64
	more  map[uint64][]int64
}

// hasMore flags an entry of first whose key has more articles. Article
// IDs are positive and far below it.
const hasMore = int64(1) << 62

func newBandIndex() bandIndex {
	return bandIndex{first: map[uint64]int64{}, more: map[uint64][]int64{}}
}

// add indexes article id under band key k.
func (b bandIndex) add(k uint64, id int64) {
	v, ok := b.first[k]
	if !ok {
		b.first[k] = id
		return
	}
	b.first[k] = v | hasMore
	b.more[k] = append(b.more[k], id)
}

// each calls fn with the articles under k, in the order they were added.
func (b bandIndex) each(k uint64, fn func(id int64)) {
	v, ok := b.first[k]
	if !ok {
		return
	}
	fn(v &^ hasMore)
	if v&hasMore != 0 {
		for _, id := range b.more[k] {
			fn(id)
		}
	}
}

// remove drops article id from band key k.
func (b bandIndex) remove(k uint64, id int64) {
	v, ok := b.first[k]
	switch {
	case !ok:
		return
	case v == id:
		delete(b.first, k)
		return
	case v&hasMore == 0:
		return // another article's key
	}
	more := b.more[k]
	if v&^hasMore == id {
		v, more = more[0], more[1:]
	} else if i := slices.Index(more, id); i >= 0 {
		more = slices.Delete(more, i, i+1)
	}
	if len(more) == 0 {
		delete(b.more, k)
		b.first[k] = v &^ hasMore
	} else {
		b.more[k] = more
		b.first[k] = v | hasMore
	}
}
