package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/analyze/quote"
	"github.com/parallax-news/parallax/eval"
)

// TestTrainQuotes fits a model to a small brat corpus in which one verb
// no lexicon knows ("fumed") makes attributions and another ("parked")
// does not, and reads the model back.
func TestTrainQuotes(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	names := []string{"Ann Lee", "The senator", "Bo Chen", "The mayor", "Officials", "Dana Ruiz"}
	for k := range 40 {
		name := names[k%len(names)]
		a := fmt.Sprintf("%s fumed about the plan to close the school.", name)
		b := fmt.Sprintf(" %s parked the car near the old station.", name)
		text := a + b
		cue := strings.Index(text, "fumed about")
		content := cue + len("fumed about ")
		ann := fmt.Sprintf("T1\tSource 0 %d\t%s\nT2\tCue %d %d\tfumed about\nT3\tContent %d %d\tthe plan to close the school\n"+
			"T4\tAttribution %d %d\tfumed about\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
			len(name), name, cue, cue+len("fumed about"), content, len(a)-1, cue, cue+len("fumed about"))
		doc := fmt.Sprintf("doc%02d", k)
		if err := os.WriteFile(filepath.Join(dir, "text", doc+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "attributions", doc+"_a1b2.ann"), []byte(ann), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "model.tsv")
	r := mustRun(t, "train", "quotes", "--out", out, dir)
	if !strings.Contains(r.stdout, "40 documents") || !strings.Contains(r.stdout, "(40 attributions)") {
		t.Errorf("train printed %q", r.stdout)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := quote.ReadModel(f)
	if err != nil {
		t.Fatal(err)
	}
	if m.Weights["w:fumed"] <= 0 || m.Weights["w:parked"] >= 0 {
		t.Errorf("weights: fumed %.2f, parked %.2f", m.Weights["w:fumed"], m.Weights["w:parked"])
	}
	// the rules know no "fumed"; eval prints its metrics as JSON last
	r = mustRun(t, "eval", "quotes", "--rules-only", dir)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	var m2 eval.QuoteMetrics
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &m2); err != nil {
		t.Fatalf("eval quotes: %v in %q", err, r.stdout)
	}
	if m2.Gold != 40 || m2.System != 0 {
		t.Errorf("eval quotes --rules-only: %d gold, %d found; want 40 and none", m2.Gold, m2.System)
	}
	if r := runCLI(t, nil, "", "train", "clusters", dir); r.code == 0 || !strings.Contains(r.stderr, "unknown model") {
		t.Errorf("train clusters: exit %d, stderr %q", r.code, r.stderr)
	}
}
