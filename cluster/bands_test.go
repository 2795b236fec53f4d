package cluster

import (
	"slices"
	"testing"
)

func TestBandIndex(t *testing.T) {
	b := newBandIndex()
	for _, x := range []struct {
		k  uint64
		id int64
	}{{1, 10}, {1, 11}, {1, 12}, {2, 20}, {3, 30}, {3, 31}} {
		b.add(x.k, x.id)
	}
	ids := func(k uint64) []int64 {
		var out []int64
		b.each(k, func(id int64) { out = append(out, id) })
		return out
	}
	if got := ids(1); !slices.Equal(got, []int64{10, 11, 12}) {
		t.Errorf("key 1: %v", got)
	}
	for _, x := range []struct {
		k  uint64
		id int64
	}{{1, 10}, {2, 20}, {3, 31}, {4, 40}} {
		b.remove(x.k, x.id)
	}
	for k, want := range map[uint64][]int64{1: {11, 12}, 2: nil, 3: {30}, 4: nil} {
		if got := ids(k); !slices.Equal(got, want) {
			t.Errorf("after removal, key %d: %v, want %v", k, got, want)
		}
	}
	if b.first[3] != 30 {
		t.Errorf("key 3 left with one article: entry %#x, want 30 unflagged", b.first[3])
	}
	if len(b.first) != 2 || len(b.more) != 1 {
		t.Errorf("after removal: %d first, %d more", len(b.first), len(b.more))
	}
}
