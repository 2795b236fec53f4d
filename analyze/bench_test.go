package analyze_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/analyze"
)

// BenchmarkAnnotate annotates a typical 5 KB English news article: the
// demo corpus's longest texts, joined.
func BenchmarkAnnotate(b *testing.B) {
	var parts []string
	size := 0
	for _, a := range demoArticles(b) {
		if size >= 5000 {
			break
		}
		parts = append(parts, a.Text)
		size += len(a.Text)
	}
	text := strings.Join(parts, "\n\n")[:5000]
	ref := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		analyze.Annotate(text, analyze.Options{Published: ref, Language: "en"})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
