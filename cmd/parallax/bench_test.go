package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestBench runs the bench command on a small stream and checks that it
// prints every figure, measured: rates above zero, no failed requests,
// stories of the sizes asked for where the stream has them.
func TestBench(t *testing.T) {
	r := mustRun(t, "bench", "--articles", "1500", "--pages", "40", "--active", "500", "--duration", "500ms", "--clients", "4")
	seen := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var f map[string]any
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		name, _ := f["figure"].(string)
		seen[name]++
		num := func(k string) float64 {
			v, ok := f[k].(float64)
			if !ok {
				t.Errorf("%s: no number %q in %s", name, k, line)
			}
			return v
		}
		switch name {
		case "ingest_text":
			if num("articles") != 1500 || num("articles_per_s") <= 0 {
				t.Errorf("ingest_text: %s", line)
			}
		case "memory":
			if num("peak_rss_mb") <= 0 || num("bytes_per_article") <= 0 {
				t.Errorf("memory: %s", line)
			}
		case "clustering_quality":
			if p := num("bcubed_precision"); p <= 0 || p > 1 || num("events") < 100 {
				t.Errorf("clustering_quality: %s", line)
			}
		case "story_build":
			if num("articles") < 1 || num("cold_ms") <= 0 {
				t.Errorf("story_build: %s", line)
			}
		case "api_latency":
			if num("errors") != 0 || num("requests_per_s") <= 0 || num("p95_ms") < num("p50_ms") {
				t.Errorf("api_latency: %s", line)
			}
		case "ingest_html":
			if num("pages") != 40 || num("go_trafilatura_pages_per_s") <= 0 || num("go_readability_pages_per_s") <= 0 || num("ratio_to_go_trafilatura") <= 0 {
				t.Errorf("ingest_html: %s", line)
			}
		case "clustering":
			if num("active") != 500 || num("articles_per_s") <= 0 {
				t.Errorf("clustering: %s", line)
			}
		default:
			t.Errorf("unknown figure %q", name)
		}
	}
	want := map[string]int{"ingest_text": 1, "memory": 1, "clustering_quality": 1, "story_build": 3, "api_latency": 2, "ingest_html": 1, "clustering": 1}
	for k, n := range want {
		if seen[k] != n {
			t.Errorf("%d %s figures, want %d", seen[k], k, n)
		}
	}
}
