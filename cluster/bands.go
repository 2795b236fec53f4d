package cluster

import "slices"

// bandIndex maps LSH band keys to the articles whose signatures have
// them. Nearly every band key is one article's alone, so the first
// article of a key is kept in a flat map and only the others in slices:
// that halves what near-duplicate detection costs per active article.
type bandIndex struct {
	first map[uint64]int64
	more  map[uint64][]int64
}

func newBandIndex() bandIndex {
	return bandIndex{first: map[uint64]int64{}, more: map[uint64][]int64{}}
}

// add indexes article id under band key k.
func (b bandIndex) add(k uint64, id int64) {
	if _, ok := b.first[k]; !ok {
		b.first[k] = id
		return
	}
	b.more[k] = append(b.more[k], id)
}

// each calls fn with the articles under k, in the order they were added.
func (b bandIndex) each(k uint64, fn func(id int64)) {
	id, ok := b.first[k]
	if !ok {
		return
	}
	fn(id)
	for _, id := range b.more[k] {
		fn(id)
	}
}

// remove drops article id from band key k.
func (b bandIndex) remove(k uint64, id int64) {
	first, ok := b.first[k]
	if !ok {
		return
	}
	more := b.more[k]
	if first == id {
		if len(more) == 0 {
			delete(b.first, k)
			return
		}
		b.first[k] = more[0]
		more = more[1:]
	} else if i := slices.Index(more, id); i >= 0 {
		more = slices.Delete(more, i, i+1)
	}
	if len(more) == 0 {
		delete(b.more, k)
	} else {
		b.more[k] = more
	}
}
