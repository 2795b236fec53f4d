package cluster

import (
	"math"
	"slices"
	"sort"
)

// vec is a sparse vector over interned keys: the keys in ascending order
// and their weights. Stories' centroids and articles' counts are vecs,
// not maps: two vecs meet by one merge of their keys, and an entry costs
// 8 bytes instead of a map slot's 20 and more (measured: the centroids'
// maps were most of the clusterer's heap).
type vec struct {
	k []key
	w []float32
}

func (v *vec) len() int { return len(v.k) }

// vecOf builds a vec from interned pairs in any order; a key given twice
// adds its weights.
func vecOf(ks []key, ws []float32) vec {
	idx := make([]int, len(ks))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return ks[idx[a]] < ks[idx[b]] })
	v := vec{k: make([]key, 0, len(ks)), w: make([]float32, 0, len(ks))}
	for _, i := range idx {
		if n := len(v.k); n > 0 && v.k[n-1] == ks[i] {
			v.w[n-1] += ws[i]
			continue
		}
		v.k, v.w = append(v.k, ks[i]), append(v.w, ws[i])
	}
	return v
}

// grownCap is the capacity for a story's slice of have entries that must
// hold n: room to grow by a quarter, except for a new slice, sized to
// fit, since most stories of a large window keep their first article's.
func grownCap(have, n int) int {
	if have == 0 {
		return n
	}
	return n + n/4
}

// addScaled adds scale(w) of each entry of u to v.
func (v *vec) addScaled(u *vec, scale func(float32) float32) {
	// the union's size, so that the merge runs once, from the back, in
	// place when v has the room
	n := len(v.k)
	for i, j := 0, 0; j < len(u.k); {
		switch {
		case i == len(v.k) || u.k[j] < v.k[i]:
			n++
			j++
		case u.k[j] == v.k[i]:
			i++
			j++
		default:
			i++
		}
	}
	if n > cap(v.k) {
		c := grownCap(len(v.k), n)
		k, w := make([]key, len(v.k), c), make([]float32, len(v.k), c)
		copy(k, v.k)
		copy(w, v.w)
		v.k, v.w = k, w
	}
	i, j := len(v.k)-1, len(u.k)-1
	v.k, v.w = v.k[:n], v.w[:n]
	for out := n - 1; j >= 0; out-- {
		switch {
		case i >= 0 && v.k[i] > u.k[j]:
			v.k[out], v.w[out] = v.k[i], v.w[i]
			i--
		case i >= 0 && v.k[i] == u.k[j]:
			v.k[out], v.w[out] = v.k[i], v.w[i]+scale(u.w[j])
			i--
			j--
		default:
			v.k[out], v.w[out] = u.k[j], scale(u.w[j])
			j--
		}
	}
}

// keepTop keeps the n heaviest entries of v; equal weights are ordered
// by tieFirst, so the result never depends on the order of insertion.
func (v *vec) keepTop(n int, tieFirst func(a, b key) bool) {
	if len(v.k) <= n {
		return
	}
	idx := make([]int32, len(v.k))
	for i := range idx {
		idx[i] = int32(i)
	}
	kept := bestN(idx, n, func(a, b int32) bool {
		if wa, wb := v.w[a], v.w[b]; wa != wb {
			return wa > wb
		}
		return tieFirst(v.k[a], v.k[b])
	})
	slices.Sort(kept)
	for out, i := range kept {
		v.k[out], v.w[out] = v.k[i], v.w[i]
	}
	v.k, v.w = slices.Clip(v.k[:n]), slices.Clip(v.w[:n])
}

// dot is the dot product of an article's weighted vector with a
// centroid: one merge of their sorted keys.
func dot(v *wvec, c *vec) float64 { return dotSkipping(v, c, nil) }

// dotSkipping is dot without the keys that skip marks (nil: none).
func dotSkipping(v *wvec, c *vec, skip []bool) float64 {
	var d float64
	i, j := 0, 0
	for i < len(v.keys) && j < len(c.k) {
		switch a, b := v.keys[i], c.k[j]; {
		case a < b:
			i++
		case a > b:
			j++
		default:
			if skip == nil || !skip[a] {
				d += v.u[i] * float64(c.w[j])
			}
			i++
			j++
		}
	}
	return d
}

// logWeight is the sublinear weight of a count, 1 + ln n.
func logWeight(n float32) float64 { return 1 + math.Log(float64(n)) }
