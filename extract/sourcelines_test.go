package extract

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestDropSourceRepeats(t *testing.T) {
	const (
		lede       = "The council voted on Tuesday to close the bridge."
		body       = "Engineers found cracks in two of the piers last month."
		background = "The bridge opened in 1961 and carries 40,000 cars a day."
		tip        = "Do you have a story? Email our newsroom at tips@example.org or call us."
		label      = "Advertisement"
		signup     = "Sign up for our morning newsletter and get the news that matters in your inbox before breakfast, every weekday, free of charge, with no ads, and unsubscribe at any time you like."
	)
	tests := []struct {
		name     string
		paras    []string
		repeated []bool
		want     []bool
	}{
		{"nothing repeated", []string{lede, body}, []bool{false, false}, nil},
		{"tail run", []string{lede, body, tip}, []bool{false, false, true}, []bool{false, false, true}},
		{"head run", []string{tip, label, lede, body}, []bool{true, true, false, false}, []bool{true, true, false, false}},
		{"background in the middle stays", []string{lede, background, body}, []bool{false, true, false}, nil},
		{"label in the middle goes", []string{lede, label, body}, []bool{false, true, false}, []bool{false, true, false}},
		{"long chrome in the middle goes", []string{lede, signup, body}, []bool{false, true, false}, []bool{false, true, false}},
		{"label not repeated stays", []string{lede, label, body}, []bool{false, false, false}, nil},
		{"everything repeated keeps everything", []string{lede, body}, []bool{true, true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DropSourceRepeats(tt.paras, tt.repeated); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DropSourceRepeats = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDropSourceRepeatsComposes checks the property the pipeline relies on:
// cleaning with a repeated set and again with a larger one equals cleaning
// once with the larger one, unless the larger one would empty the article.
func TestDropSourceRepeatsComposes(t *testing.T) {
	pool := []string{"Advertisement", "A sentence about the vote.", "Another sentence here.",
		"Subscribe to our newsletter for more", "Photo", "Background on the bridge, built in 1961."}
	rng := rand.New(rand.NewPCG(1, 2))
	apply := func(paras []string, rep func(string) bool) []string {
		r := make([]bool, len(paras))
		for i, p := range paras {
			r[i] = rep(p)
		}
		drop := DropSourceRepeats(paras, r)
		var out []string
		for i, p := range paras {
			if drop == nil || !drop[i] {
				out = append(out, p)
			}
		}
		return out
	}
	for range 2000 {
		paras := make([]string, 1+rng.IntN(7))
		for i := range paras {
			paras[i] = pool[rng.IntN(len(pool))]
		}
		small, large := map[string]bool{}, map[string]bool{}
		for _, p := range pool {
			if rng.IntN(3) == 0 {
				small[p] = true
			}
			if small[p] || rng.IntN(3) == 0 {
				large[p] = true
			}
		}
		once := apply(paras, func(p string) bool { return large[p] })
		if len(once) == len(paras) {
			continue // nothing dropped, or everything would have been
		}
		twice := apply(apply(paras, func(p string) bool { return small[p] }), func(p string) bool { return large[p] })
		if !reflect.DeepEqual(once, twice) {
			t.Fatalf("paras %q, small %v, large %v: once %q, twice %q", paras, small, large, once, twice)
		}
	}
}

func TestLineHash(t *testing.T) {
	if LineHash("Read  More") != LineHash("read more") {
		t.Error("LineHash depends on case or spacing")
	}
	if LineHash("read more") == LineHash("read less") {
		t.Error("LineHash collides on different text")
	}
}
