package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEntityScorer scores a small brat file: a found name, a name of the
// wrong type, a missed one, a spurious one, a name inside a gold "other"
// that counts neither way, and two mentions of one person that the
// system resolves to two entities.
func TestEntityScorer(t *testing.T) {
	dir := t.TempDir()
	text := "Sanae Takaichi met Fu Cong in Tokyo. Takaichi cited the Iraq War and NATO."
	ann := "T1\tperson 0 14\tSanae Takaichi\n" +
		"T2\tperson 19 26\tFu Cong\n" +
		"T3\tplace 30 35\tTokyo\n" +
		"T4\tperson 37 45\tTakaichi\n" +
		"T5\tother 56 64\tIraq War\n" +
		"*\tCoref T1 T4\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := LoadEntities(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Mentions) != 5 || docs[0].Mentions[3].Entity != docs[0].Mentions[0].Entity {
		t.Fatalf("loaded %+v", docs)
	}
	sys := []EntityMention{
		{Span{0, 14}, "person", 0},        // right
		{Span{19, 26}, "organisation", 1}, // wrong type
		// Tokyo missed
		{Span{37, 45}, "person", 2}, // right span, but another entity
		{Span{56, 60}, "place", 3},  // "Iraq" inside "Iraq War": not scored
		{Span{69, 73}, "place", 4},  // "NATO" is not in the gold: spurious
		{Span{30, 35}, "other", 5},  // type other: not scored
	}
	var s EntityScorer
	s.Add(docs[0], sys)
	m := s.Metrics()
	if m.Gold != 4 || m.System != 4 {
		t.Fatalf("gold %d system %d, want 4 and 4", m.Gold, m.System)
	}
	// exact: Sanae Takaichi, Takaichi (2 of 4 found, 2 of 4 gold)
	if m.Exact.Precision != 0.5 || m.Exact.Recall != 0.5 {
		t.Errorf("exact %+v, want P 0.5 R 0.5", m.Exact)
	}
	// span: Fu Cong too
	if m.Span.Precision != 0.75 || m.Span.Recall != 0.75 {
		t.Errorf("span %+v, want P 0.75 R 0.75", m.Span)
	}
	// resolution over the three spans found: the two Takaichi mentions
	// are apart, so each has recall 1/2; precision is 1 everywhere
	if m.Resolution.Precision != 1 || m.Resolution.Recall != 0.667 {
		t.Errorf("resolution %+v, want P 1 R 0.667", m.Resolution)
	}
	kinds := map[string]int{}
	for _, e := range s.Errors {
		kinds[e.Kind]++
	}
	if kinds["type"] != 1 || kinds["missed"] != 1 || kinds["spurious"] != 1 {
		t.Errorf("errors %+v", s.Errors)
	}
}

// TestLoadEntitiesFromJSONL reads a text named as one record of a JSON
// Lines file of articles, and fails clearly on an id the file lacks.
func TestLoadEntitiesFromJSONL(t *testing.T) {
	dir := t.TempDir()
	lines := `{"id": "a1", "text": "Nothing here."}` + "\n" + `{"id": "b2", "title": "T", "text": "Nico Rosberg won."}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "set.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "gold")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	ann := "# text: ../set.jsonl#b2\nT1\tperson 0 12\tNico Rosberg\n"
	if err := os.WriteFile(filepath.Join(sub, "b2.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := LoadEntities(sub)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Text != "Nico Rosberg won." || len(docs[0].Mentions) != 1 {
		t.Fatalf("loaded %+v", docs)
	}
	ann = "# text: ../set.jsonl#zz\nT1\tperson 0 4\tNico\n"
	if err := os.WriteFile(filepath.Join(sub, "b2.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadEntities(sub); err == nil || !strings.Contains(err.Error(), `no record "zz"`) {
		t.Errorf("missing record: err %v", err)
	}
}
