package collect

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/input"
)

// BenchmarkCollectPages fetches and extracts article pages from a local
// server with no pause between requests: the cost of collection itself,
// apart from politeness waits and the network.
func BenchmarkCollectPages(b *testing.B) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/news/{n}", func(w http.ResponseWriter, r *http.Request) {
		n := r.PathValue("n")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Harbour report %s</title></head><body><nav>Home | News</nav><article><h1>Harbour report %s</h1>%s</article></body></html>`,
			n, n, strings.Repeat("<p>The harbour board met on Monday to discuss the berths and the dredging plan for the outer channel, officials said.</p>", 30))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := NewFetcher(Config{AllowPrivate: true, HostInterval: time.Nanosecond, Retries: 0})
	c := NewCollector(f, input.NewDecoder(), nil)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		rec, _ := c.page(ctx, Item{URL: fmt.Sprintf("%s/news/%d", srv.URL, i)})
		if rec.Err != nil {
			b.Fatal(rec.Err)
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "pages/s")
}
