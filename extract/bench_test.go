package extract_test

import (
	"os"
	"testing"

	"github.com/parallax-news/parallax/extract"
)

func BenchmarkHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/news.html")
	if err != nil {
		b.Fatal(err)
	}
	ex := extract.NewExtractor()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ex.HTML(data, "https://gazette.example/2026/03/05/harbour-crane-collapse", ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCleanText(b *testing.B) {
	files := []string{"../demo/corpus/kestrel-news-online.txt", "../demo/corpus/civic-observer.txt"}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			extract.CleanText(t)
		}
	}
}
