package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/storetest"
)

// BenchmarkPutArticles stores batches of 256 new 3 KB articles; one
// iteration is one batch.
func BenchmarkPutArticles(b *testing.B) {
	db := sqlite.NewDB(filepath.Join(b.TempDir(), "bench.db"))
	if err := db.Open(); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := sqlite.NewArticleService(db)
	body := strings.Repeat("The council approved the harbour budget on Tuesday after a long debate. ", 40)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		batch := make([]*parallax.Article, 256)
		for i := range batch {
			n++
			batch[i] = storetest.NewArticle(fmt.Sprintf("Outlet %d", n%50), fmt.Sprintf("Title %d", n), body+fmt.Sprint(n), day)
		}
		if _, err := svc.PutArticles(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*256)/b.Elapsed().Seconds(), "articles/s")
}
