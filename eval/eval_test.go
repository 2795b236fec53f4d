package eval_test

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/parallax-news/parallax/eval"
	"github.com/parallax-news/parallax/extract"
)

func TestURLDate(t *testing.T) {
	tests := map[string]string{
		"https://x.example/2025/11/07/pm-remarks":     "2025-11-07",
		"https://x.example/news/2025-11-07-pm":        "2025-11-07",
		"https://x.example/a_20251107_b.html":         "2025-11-07",
		"https://x.example/2025/11/pm":                "",
		"https://x.example/2025/02/30/bad":            "",
		"https://x.example/id/1234567890123/article":  "",
		"https://x.example/2019/12/31/new-years-eve/": "2019-12-31",
	}
	for u, want := range tests {
		got, ok := extract.URLDate(u)
		if (want == "") == ok || (ok && got.Format(time.DateOnly) != want) {
			t.Errorf("URLDate(%q) = %v, %v; want %q", u, got, ok, want)
		}
	}
}

func TestSnippetScore(t *testing.T) {
	c := eval.ExtractionCase{With: []string{"alpha beta", "gamma"}, Without: []string{"menu", "footer text"}}
	var s eval.SnippetScore
	s.Add(c, "alpha   beta and menu")
	if s.TP != 1 || s.FN != 1 || s.FP != 1 || s.TN != 1 {
		t.Fatalf("score = %+v", s)
	}
	m := s.Metrics()
	if !near(m.Precision, 0.5) || !near(m.Recall, 0.5) || !near(m.F1, 0.5) || !near(m.Accuracy, 0.5) {
		t.Errorf("metrics = %+v", m)
	}
	jst := time.FixedZone("JST", 9*3600)
	var d eval.DateScore
	d.Add("https://x.example/2025/11/07/a", time.Date(2025, 11, 7, 1, 0, 0, 0, jst)) // 6 November in UTC
	d.Add("https://x.example/2025/11/07/b", time.Date(2025, 11, 8, 0, 0, 0, 0, time.UTC))
	d.Add("https://x.example/no-date", time.Time{})
	if d.Pages != 2 || d.Matching != 1 {
		t.Errorf("date score = %+v", d)
	}
}

func TestScoreClustering(t *testing.T) {
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
	perfect := eval.ScoreClustering(map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}, gold)
	if !near(perfect.BCubedF1, 1) || !near(perfect.PairwiseF1, 1) || perfect.PredictedClusters != 2 {
		t.Errorf("perfect = %+v", perfect)
	}
	// One cluster for everything: BCubed precision (3*3/5 + 2*2/5)/5 = 13/25.
	all := eval.ScoreClustering(map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x"}, gold)
	if !near(all.BCubedRecall, 1) || !near(all.BCubedPrecision, 13.0/25) {
		t.Errorf("all-in-one = %+v", all)
	}
	// Pairs: 4 gold pairs (3 + 1), 10 predicted, 4 right.
	if !near(all.PairwisePrecision, 0.4) || !near(all.PairwiseRecall, 1) {
		t.Errorf("all-in-one pairwise = %+v", all)
	}
	// Singletons, with one item missing from the prediction.
	single := eval.ScoreClustering(map[string]string{"a": "1", "b": "2", "c": "3", "d": "4"}, gold)
	if !near(single.BCubedPrecision, 1) || single.PairwiseRecall != 0 || single.PredictedClusters != 5 {
		t.Errorf("singletons = %+v", single)
	}
}

// near compares metrics with a tolerance: sums run in map order, so the
// last bits of a float vary from run to run.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestClusterDisagreements(t *testing.T) {
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2", "f": "3"}
	pred := map[string]string{"a": "x", "b": "y", "c": "x", "d": "y", "e": "y"}
	got := eval.ClusterDisagreements(pred, gold)
	want := []eval.ClusterDisagreement{
		{Kind: "split", Label: "1", Parts: map[string][]string{"x": {"a", "c"}, "y": {"b"}}},
		{Kind: "merge", Label: "y", Parts: map[string][]string{"1": {"b"}, "2": {"d", "e"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ClusterDisagreements = %+v, want %+v", got, want)
	}
	if got := eval.ClusterDisagreements(gold, gold); len(got) != 0 {
		t.Errorf("gold against itself = %+v, want none", got)
	}
}
