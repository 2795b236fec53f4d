package cluster

import (
	"slices"
	"testing"
)

func TestVec(t *testing.T) {
	v := vecOf([]key{7, 2, 9, 2}, []float32{1, 2, 3, 4})
	if !slices.Equal(v.k, []key{2, 7, 9}) || !slices.Equal(v.w, []float32{6, 1, 3}) {
		t.Fatalf("vecOf: %v %v, want keys 2 7 9 with 6 1 3", v.k, v.w)
	}
	double := func(w float32) float32 { return 2 * w }
	for _, tt := range []struct {
		name  string
		room  int // spare capacity, so that the merge runs in place
		add   vec
		wantK []key
		wantW []float32
	}{
		{"disjoint, growing", 0, vec{k: []key{1, 8, 10}, w: []float32{1, 1, 1}}, []key{1, 2, 7, 8, 9, 10}, []float32{2, 6, 1, 2, 3, 2}},
		{"overlapping, in place", 4, vec{k: []key{2, 9, 11}, w: []float32{1, 2, 3}}, []key{2, 7, 9, 11}, []float32{8, 1, 7, 6}},
		{"nothing", 0, vec{}, []key{2, 7, 9}, []float32{6, 1, 3}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := vec{k: make([]key, 3, 3+tt.room), w: make([]float32, 3, 3+tt.room)}
			copy(c.k, v.k)
			copy(c.w, v.w)
			c.addScaled(&tt.add, double)
			if !slices.Equal(c.k, tt.wantK) || !slices.Equal(c.w, tt.wantW) {
				t.Errorf("got %v %v, want %v %v", c.k, c.w, tt.wantK, tt.wantW)
			}
		})
	}
	// the two heaviest, the tie at 3 broken by the smaller key, kept in
	// key order
	top := vecOf([]key{5, 1, 4, 3}, []float32{3, 1, 9, 3})
	top.keepTop(2, func(a, b key) bool { return a < b })
	if !slices.Equal(top.k, []key{3, 4}) || !slices.Equal(top.w, []float32{3, 9}) {
		t.Errorf("keepTop: %v %v, want keys 3 4", top.k, top.w)
	}
	art := &wvec{keys: []key{2, 8, 9}, u: []float64{1, 5, 2}}
	if got := dot(art, &v); got != 6*1+3*2 {
		t.Errorf("dot = %v, want 12", got)
	}
}
