package cluster

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

// sweep drops the articles keep rejects.
func (b bandIndex) sweep(keep func(id int64) bool) {
	for k, id := range b.first {
		rest := b.more[k]
		if len(rest) == 0 { // the common case, without allocating
			if !keep(id) {
				delete(b.first, k)
			}
			continue
		}
		kept := make([]int64, 0, 1+len(rest))
		if keep(id) {
			kept = append(kept, id)
		}
		for _, m := range rest {
			if keep(m) {
				kept = append(kept, m)
			}
		}
		switch len(kept) {
		case 0:
			delete(b.first, k)
			delete(b.more, k)
		case 1:
			b.first[k] = kept[0]
			delete(b.more, k)
		default:
			b.first[k], b.more[k] = kept[0], kept[1:]
		}
	}
}
