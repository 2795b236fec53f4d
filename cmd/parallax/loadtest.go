package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// loadResult is what a bounded load test measured.
type loadResult struct {
	Clients   int     `json:"clients"`
	Seconds   float64 `json:"seconds"`
	Requests  int     `json:"requests"`
	Errors    int     `json:"errors"`
	PerSecond float64 `json:"requests_per_second"`
	P50ms     float64 `json:"p50_ms"`
	P95ms     float64 `json:"p95_ms"`
	P99ms     float64 `json:"p99_ms"`
	MaxMs     float64 `json:"max_ms"`
}

// loadTest has clients goroutines request the URLs in turn for d, each
// waiting for its answer before the next (a closed loop, so the load is
// bounded by the clients), and measures every request. A status other
// than 200 or a transport error is an error.
//
// Clients accept gzip, as browsers do, and read the bytes as sent
// without unzipping them: the clients share the machine with the server,
// and unzipping the 2 MB report of a large story took more of its two
// cores than the server did.
func loadTest(ctx context.Context, urls []string, clients int, d time.Duration) loadResult {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}, Timeout: 30 * time.Second}
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			var mine []time.Duration
			bad := 0
			for i := c; ctx.Err() == nil; i++ {
				t0 := time.Now()
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, urls[i%len(urls)], nil)
				req.Header.Set("Accept-Encoding", "gzip")
				resp, err := client.Do(req)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if ctx.Err() != nil {
					break // the test ended during this request
				}
				mine = append(mine, time.Since(t0))
				if err != nil || resp.StatusCode != http.StatusOK {
					bad++
				}
			}
			mu.Lock()
			lat, errs = append(lat, mine...), errs+bad
			mu.Unlock()
		})
	}
	wg.Wait()
	el := time.Since(start)
	slices.Sort(lat)
	q := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	r := loadResult{Clients: clients, Seconds: el.Seconds(), Requests: len(lat), Errors: errs,
		PerSecond: float64(len(lat)) / el.Seconds(), P50ms: q(0.50), P95ms: q(0.95), P99ms: q(0.99)}
	if len(lat) > 0 {
		r.MaxMs = float64(lat[len(lat)-1].Microseconds()) / 1000
	}
	return r
}

func runLoadtest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "loadtest", "[--clients 32] [--duration 10s] URL…")
	clients := fs.Int("clients", 32, "concurrent clients, each sending its next request when the last is answered")
	d := fs.Duration("duration", 10*time.Second, "how long to run")
	urls, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(urls) == 0 || *clients < 1 {
		fs.Usage()
		return errUsage
	}
	r := loadTest(ctx, urls, *clients, *d)
	fmt.Fprintf(e.stderr, "%d requests in %.1fs (%.0f/s), %d errors; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
		r.Requests, r.Seconds, r.PerSecond, r.Errors, r.P50ms, r.P95ms, r.P99ms, r.MaxMs)
	return json.NewEncoder(e.stdout).Encode(r)
}
