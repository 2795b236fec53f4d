package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnnotate checks the annotation of one text: offsets index the text
// as given, and "on Monday" is resolved against --published.
func TestAnnotate(t *testing.T) {
	text := "Prime Minister Sanae Takaichi said on Monday that the alliance would hold."
	r := runCLI(t, nil, text, "annotate", "--published", "2025-11-12", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Text     string
		Entities []struct {
			Start, End int
			Text, Type string
		}
		Quotes  []struct{ Kind string }
		Timexes []struct{ Text, Value string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Text != text || len(got.Quotes) != 1 || len(got.Timexes) != 1 || got.Timexes[0].Value != "2025-11-10" {
		t.Errorf("got %+v, want the text, one quote and Monday as 2025-11-10", got)
	}
	for _, e := range got.Entities {
		if string([]rune(text)[e.Start:e.End]) != e.Text {
			t.Errorf("entity %+v: the offsets do not give its text", e)
		}
	}
	if r := runCLI(t, nil, "", "annotate", "--batch", "--lang", "en", "x.txt"); r.code == 0 {
		t.Error("--batch with --lang: exit 0, want a usage error")
	}
}

// TestAnnotateBatch checks annotate --batch: one line per article of
// text files and JSONL, in order, each named; a bad file is named on
// standard error without stopping the others; two runs print the same.
func TestAnnotateBatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Bridge reopens\n\nThe Harbour Bridge reopened on Tuesday, the transport minister said.\n")
	write("b.jsonl", `{"id":"b1","source":"Wire","title":"Storm","text":"The storm reached the coast on Friday, officials said.","published":"2025-03-10T08:00:00Z","language":"en"}`+"\n"+
		`{"id":"b2","source":"Wire","title":"Vote","text":"Lawmakers voted on Wednesday to approve the budget.","published":"2025-03-12T08:00:00Z"}`+"\n")
	write("c.txt", "\x00\x01\x02 binary junk \xff\xfe")
	r := runCLI(t, nil, "", "annotate", "--batch", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3 (two JSONL records and a.txt):\n%s", len(lines), r.stdout)
	}
	var origins []string
	for _, l := range lines {
		var b struct {
			Origin     string
			Annotation struct {
				Text    string
				Timexes []struct{ Value string }
			}
		}
		if err := json.Unmarshal([]byte(l), &b); err != nil {
			t.Fatal(err)
		}
		origins = append(origins, filepath.Base(b.Origin))
		if strings.HasPrefix(b.Annotation.Text, "The storm") && (len(b.Annotation.Timexes) != 1 || b.Annotation.Timexes[0].Value != "2025-03-07") {
			t.Errorf("storm timexes %+v, want Friday resolved against the record's date, 2025-03-07", b.Annotation.Timexes)
		}
	}
	if strings.Join(origins, " ") != "a.txt b.jsonl:1 b.jsonl:2" {
		t.Errorf("origins %v, want a.txt, b.jsonl:1, b.jsonl:2", origins)
	}
	if !strings.Contains(r.stderr, "c.txt") {
		t.Errorf("stderr %q does not name the binary file", r.stderr)
	}
	if again := runCLI(t, nil, "", "annotate", "--batch", dir); again.stdout != r.stdout {
		t.Error("a second run printed something else")
	}
	if r := runCLI(t, nil, "", "annotate", "--batch", filepath.Join(dir, "c.txt")); r.code == 0 || !strings.Contains(r.stderr, "nothing annotated") {
		t.Errorf("only a bad file: exit %d, stderr %q; want a failure saying nothing was annotated", r.code, r.stderr)
	}
}
