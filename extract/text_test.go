package extract_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/demo"
	"github.com/parallax-news/parallax/extract"
)

type demoGold struct {
	Boilerplate      map[string][]string `json:"boilerplate"`
	RepeatedCaptions map[string]string   `json:"repeated_captions"`
	Bylines          map[string]string   `json:"bylines"`
}

type demoArticle struct {
	ID, Title, Text string
}

// demoArticles returns the demo corpus as title and raw text per external
// ID, as ingest would see it.
func demoArticles(t *testing.T) map[string]demoArticle {
	t.Helper()
	out := map[string]demoArticle{}
	err := fs.WalkDir(demo.Corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := demo.Corpus.ReadFile(path)
		if err != nil {
			return err
		}
		name := filepath.Base(path)
		if strings.HasSuffix(name, ".txt") {
			title, body, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
			out[name] = demoArticle{ID: name, Title: title, Text: body}
			return nil
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var a demoArticle
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				return err
			}
			out[a.ID] = a
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCleanDemoCorpus checks cleanup against the demo's gold: every
// planted boilerplate line goes, every other line of the body stays, a
// caption printed twice stays once, and bylines are found.
func TestCleanDemoCorpus(t *testing.T) {
	var gold demoGold
	if err := json.Unmarshal(demo.Gold, &gold); err != nil {
		t.Fatal(err)
	}
	for id, a := range demoArticles(t) {
		t.Run(id, func(t *testing.T) {
			res := extract.CleanBody(a.Title, a.Text)
			kept := map[string]int{}
			for _, p := range res.Paragraphs {
				kept[p]++
			}
			boiler := gold.Boilerplate[id]
			for _, b := range boiler {
				if kept[b] > 0 {
					t.Errorf("boilerplate kept: %q", b)
				}
			}
			for _, line := range strings.Split(a.Text, "\n") {
				line = strings.TrimSpace(line)
				if line == "" || slices.Contains(boiler, line) || line == a.Title || strings.HasPrefix(line, "By ") {
					continue
				}
				if kept[line] == 0 {
					t.Errorf("body line dropped: %q", line)
				}
			}
			if c, ok := gold.RepeatedCaptions[id]; ok && kept[c] != 1 {
				t.Errorf("caption kept %d times, want once", kept[c])
			}
			if want := gold.Bylines[id]; res.Byline != want {
				t.Errorf("byline = %q, want %q", res.Byline, want)
			}
		})
	}
}

func TestCleanTextRules(t *testing.T) {
	para := "The council approved the budget on Tuesday after a long debate about the harbour, the ferries and the roads of the town."
	tests := []struct {
		name      string
		raw       string
		wantTitle string
		keep      []string
		drop      []string
	}{
		{
			name:      "headline with abbreviations stays the title",
			raw:       "U.S. and Japan Sign Pact as Dr. Mori Looks On\n" + para,
			wantTitle: "U.S. and Japan Sign Pact as Dr. Mori Looks On",
			keep:      []string{para},
		},
		{
			name:      "lede without headline",
			raw:       "Officials said the ferry service would resume on Monday. The operator had suspended it after the storm damaged two piers, and repairs took longer than expected because parts had to be shipped.\n" + para,
			wantTitle: "Officials said the ferry service would resume on Monday.",
			keep:      []string{"Officials said the ferry service would resume on Monday. The operator had suspended it after the storm damaged two piers, and repairs took longer than expected because parts had to be shipped.", para},
		},
		{
			name: "teasers after a related heading go",
			raw:  "Budget passes\n" + para + "\n" + para + " Again.\nRelated stories\nMayor opens new library in the old town\nLocal team wins the cup after extra time",
			keep: []string{para},
			drop: []string{"Related stories", "Mayor opens new library in the old town"},
		},
		{
			name: "a related heading followed by reported text is not a tail",
			raw:  "Budget passes\n" + para + "\nRead more\n\"We are pleased,\" the mayor said after the vote, adding that the roads would come first.",
			keep: []string{"\"We are pleased,\" the mayor said after the vote, adding that the roads would come first."},
		},
		{
			name: "an explainer's question heading is not a tail",
			raw:  "Panama Papers explained\nThe Panama Papers are 11.5 million documents leaked from Mossack Fonseca, a law firm.\nWhat is Mossack Fonseca?\nMossack Fonseca is a Panamanian law firm that set up offshore companies for clients.",
			keep: []string{"What is Mossack Fonseca?", "Mossack Fonseca is a Panamanian law firm that set up offshore companies for clients."},
		},
		{
			name: "menu, repeat and prompts go",
			raw:  "Budget passes\nHome | News | Sport | Weather\nA photo caption of the council chamber on Tuesday. Photo: Jo Bloggs\nA photo caption of the council chamber on Tuesday. Photo: Jo Bloggs\n" + para + "\nShare this article\nSign up for our newsletter",
			keep: []string{"A photo caption of the council chamber on Tuesday. Photo: Jo Bloggs", para},
			drop: []string{"Home | News | Sport | Weather", "Share this article", "Sign up for our newsletter"},
		},
		{
			name: "inline teasers for other articles go",
			raw:  "Budget passes\n" + para + "\nMayor opens new library in the old town Read more\nResidents asked where they could read more about the plan.\n" + para + " Again.",
			keep: []string{para, para + " Again.", "Residents asked where they could read more about the plan."},
			drop: []string{"Mayor opens new library in the old town Read more"},
		},
		{
			name: "a closing paragraph with new names stays",
			raw:  "Budget passes\n" + para + "\n" + para + " Again.\nTransport Minister Ada Okoro will visit the harbour on Friday.",
			keep: []string{"Transport Minister Ada Okoro will visit the harbour on Friday."},
		},
		{
			name: "a self-promoting tail goes",
			raw:  "Budget passes\n" + para + "\n" + para + " Again.\nGot a story? Email us at tips@example.com or call our newsroom.",
			drop: []string{"Got a story? Email us at tips@example.com or call our newsroom."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extract.CleanText(tt.raw)
			if tt.wantTitle != "" && res.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", res.Title, tt.wantTitle)
			}
			body := strings.Join(res.Paragraphs, "\n")
			for _, k := range tt.keep {
				if !slices.Contains(res.Paragraphs, k) {
					t.Errorf("dropped %q\nbody:\n%s", k, body)
				}
			}
			for _, d := range tt.drop {
				if slices.Contains(res.Paragraphs, d) {
					t.Errorf("kept %q", d)
				}
			}
			if n := strings.Count(body, "A photo caption"); n > 1 {
				t.Errorf("caption kept %d times", n)
			}
		})
	}
}

func TestCleanBodyKeepsHeadlineOnlyRecords(t *testing.T) {
	res := extract.CleanBody("Fed official says weak data caused by weather", "Fed official says weak data caused by weather")
	if len(res.Paragraphs) != 1 {
		t.Errorf("paragraphs = %q, want the headline kept as the body", res.Paragraphs)
	}
}

// TestCleanSeeds checks the real scraped seeds when ../shared is present:
// the caption printed twice stays once, and the boilerplate the issue
// names (about-the-site blocks, related teasers, share and sign-in
// prompts, disclaimers, comment headers) is gone while section headings
// of the article itself stay.
func TestCleanSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/corpus/seeds not present")
	}
	var all strings.Builder
	var dropped []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := extract.CleanText(string(data))
		body := res.Text()
		all.WriteString(body)
		for _, d := range res.Dropped {
			dropped = append(dropped, d.Text)
		}
		if strings.Count(body, "Photo / Kazuhiro NOGI / AFP") > 1 {
			t.Errorf("%s: caption kept twice", filepath.Base(f))
		}
	}
	text := all.String()
	for _, bad := range []string{"Related Articles", "Sign in to join the conversation", "AI-generated", "passionately independent", "One thought on", "crypto ETF"} {
		if strings.Contains(text, bad) {
			t.Errorf("boilerplate %q kept", bad)
		}
	}
	for _, good := range []string{"Joint Actions", "Export Restrictions", "two popular pandas departed Tokyo", "Fu considered that Taiwan's return"} {
		if !strings.Contains(text, good) {
			t.Errorf("article text %q lost; dropped: %q", good, dropped)
		}
	}
}
