package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalClustering checks eval clustering end to end on a twin set:
// the last line is JSON with the story scores and the storylines' scored
// the same way.
func TestEvalClustering(t *testing.T) {
	r := mustRun(t, "eval", "clustering", filepath.Join("..", "..", "cluster", "testdata", "shootings-weekend.jsonl"))
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	var m struct {
		BCubedPrecision float64 `json:"bcubed_precision"`
		Articles        int     `json:"articles"`
		GoldClusters    int     `json:"gold_clusters"`
		Storylines      struct {
			Articles          int `json:"articles"`
			PredictedClusters int `json:"predicted_clusters"`
		} `json:"storylines"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &m); err != nil {
		t.Fatalf("last line %q: %v", lines[len(lines)-1], err)
	}
	if m.Articles != 6 || m.GoldClusters != 2 || m.BCubedPrecision != 1 || m.Storylines.Articles != 6 || m.Storylines.PredictedClusters < 1 {
		t.Errorf("metrics %+v, want 6 articles in 2 gold stories kept apart, and storylines scored", m)
	}
	if !strings.Contains(r.stdout, "storylines as clusters") {
		t.Errorf("output lacks the storylines' line:\n%s", r.stdout)
	}
}
