package compare_test

import (
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
)

// BenchmarkCompare200 compares a 200-article story: the demo's collapse
// story repeated, each copy a different article.
func BenchmarkCompare200(b *testing.B) {
	base, _, _ := collapse(b)
	var in []compare.Input
	for i := 0; len(in) < 200; i++ {
		x := base[i%len(base)]
		a := *x.Article
		a.ID = int64(len(in) + 1)
		in = append(in, compare.Input{Article: &a, Annotation: x.Annotation})
	}
	b.ReportAllocs()
	for b.Loop() {
		compare.Compare(in)
	}
	_ = parallax.Corroborated
}
