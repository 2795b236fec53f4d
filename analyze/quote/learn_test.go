package quote

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/analyze/segment"
)

// TestCandidates checks the candidate attributions of short texts, as
// "speaker | cue | content", beside what the rules found.
func TestCandidates(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a verb no lexicon knows", `Protesters were frustrated that the police released only part of the video.`,
			// candidates may nest; the model's choice keeps one of them
			[]string{"Protesters|were frustrated|that the police released only part of the video", "the police|released|only part of the video"}},
		{"a particle joins the cue", `The senator fumed about the deal in a speech.`,
			[]string{"The senator|fumed about|the deal in a speech"}},
		{"what the rules found is no candidate", `The minister said the bridge would reopen.`, nil},
		{"a participle after a determiner", `The frustrated voters left early.`, nil},
		{"a negated verb", `The committee did not identify the officials.`, nil},
		{"a passive verb", `The officials were identified by the committee.`, nil},
		{"a thing as the subject", `The warning matters because it highlights an uncomfortable truth.`, nil},
		{"after a possessive", `The Prime Minister's comments reveal the balance Japan must strike.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, sents := segment.Tokens(tt.text), segment.Sentences(tt.text)
			found := FindByRules(tt.text, toks, sents)
			var got []string
			for _, c := range Candidates(tt.text, toks, sents, found) {
				s := func(sp Span) string { return tt.text[sp.Start:sp.End] }
				got = append(got, s(c.Quote.Speaker)+"|"+s(c.Quote.Cue)+"|"+s(c.Quote.Content))
				if len(c.Features) == 0 {
					t.Errorf("candidate %q has no features", got[len(got)-1])
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTrain checks that a model learns which words make attributions,
// and that the same examples give the same model.
func TestTrain(t *testing.T) {
	var examples []Example
	for range 50 {
		examples = append(examples,
			Example{Features: []string{"w:decried", "s:cap"}, Positive: true},
			Example{Features: []string{"w:collapsed", "s:cap"}, Positive: false},
			Example{Features: []string{"w:collapsed", "s:lower"}, Positive: false},
			Example{Features: []string{"w:rare"}, Positive: true}, // seen too rarely below
		)
	}
	examples = examples[:len(examples)-3*4] // "w:rare" stays, 38 times
	m := Train(examples, 8, 3)
	if p := m.Prob([]string{"w:decried", "s:cap"}); p < 0.8 {
		t.Errorf("P(decried) = %.2f, want it high", p)
	}
	if p := m.Prob([]string{"w:collapsed", "s:cap"}); p > 0.2 {
		t.Errorf("P(collapsed) = %.2f, want it low", p)
	}
	if _, ok := m.Weights["w:unseen"]; ok {
		t.Error("a feature never seen has a weight")
	}
	var a, b bytes.Buffer
	m.WriteTo(&a)
	Train(examples, 8, 3).WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same examples gave two models")
	}
	few := Train(examples[:8], 8, 3) // "w:decried" seen twice
	if _, ok := few.Weights["w:decried"]; ok {
		t.Error("a feature seen fewer than minCount times has a weight")
	}
}

// TestModelRoundTrip writes a model and reads it back.
func TestModelRoundTrip(t *testing.T) {
	m := &Model{Bias: -0.5, Threshold: 0.25, Weights: map[string]float64{"w:decried": 1.25, "n:that": 0.5, "s:lower": -0.75}}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Bias != m.Bias || got.Threshold != m.Threshold || len(got.Weights) != len(m.Weights) {
		t.Fatalf("got %+v, want %+v", got, m)
	}
	for f, w := range m.Weights {
		if got.Weights[f] != w {
			t.Errorf("weight of %s = %v, want %v", f, got.Weights[f], w)
		}
	}
}

func TestReadModelErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":      "",
		"header":     "weights\n",
		"bias":       "bias\tx\tthreshold\t0.2\n",
		"threshold":  "bias\t0.1\tthreshold\thigh\n",
		"no weight":  "bias\t0.1\tthreshold\t0.2\nw:said\n",
		"bad weight": "bias\t0.1\tthreshold\t0.2\nw:said\tmany\n",
	} {
		if _, err := ReadModel(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestShippedModel checks the model built into Parallax: it is there,
// and Find keeps a likely attribution that the rules miss.
func TestShippedModel(t *testing.T) {
	if model == nil {
		t.Fatal("no shipped model: run parallax train quotes ../shared/data/quotes/polnear/train")
	}
	if model.Threshold <= 0 || model.Threshold >= 1 || len(model.Weights) < 1000 {
		t.Fatalf("model: threshold %.2f, %d weights", model.Threshold, len(model.Weights))
	}
	text := `Protesters were frustrated that the police released only part of the video.`
	toks, sents := segment.Tokens(text), segment.Sentences(text)
	if rules := FindByRules(text, toks, sents); len(rules) != 0 {
		t.Fatalf("the rules found %+v; the test needs a case they miss", rules)
	}
	qs := Find(text, sents)
	if len(qs) != 1 || text[qs[0].Cue.Start:qs[0].Cue.End] != "were frustrated" {
		t.Errorf("Find = %+v, want the protesters' frustration", qs)
	}
	if got := FindWith(text, toks, sents, nil); len(got) != 0 {
		t.Errorf("FindWith without a model = %+v, want the rules' nothing", got)
	}
}

func TestNamesSource(t *testing.T) {
	for speaker, want := range map[string]bool{
		"Takaichi": true, "she": true, "Small groups of protesters": true, "the appeals court": true,
		"A new poll": true, "44 percent": true, "U.S. officials": true, "Japan’s Ambassador to the U.S., Shigeo Yamada": true,
		"Ivanka Trump, the nominee's eldest daughter": true, "Experts on North Korea": true,
		"the episode": false, "Washington’s steadfast backing of Tokyo": false, "operations": false,
		"The Japanese pacifist constitution": false, "": false,
	} {
		if got := NamesSource(speaker); got != want {
			t.Errorf("NamesSource(%q) = %v, want %v", speaker, got, want)
		}
	}
}

// TestCandidateReflexive checks that a reflexive and its preposition
// belong to a candidate's cue, as PolNeAR marks "distanced himself from".
func TestCandidateReflexive(t *testing.T) {
	text := "Takaiichi warned of the collapse of the alliance, but she distanced herself from previous statements in which she hinted at a military response."
	cs := Candidates(text, segment.Tokens(text), segment.Sentences(text), FindByRules(text, segment.Tokens(text), segment.Sentences(text)))
	for _, c := range cs {
		if text[c.Quote.Cue.Start:c.Quote.Cue.End] == "distanced herself from" {
			if got := text[c.Quote.Content.Start:c.Quote.Content.End]; !strings.HasPrefix(got, "previous statements") {
				t.Errorf("content %q, want it to open with \"previous statements\"", got)
			}
			return
		}
	}
	t.Errorf("no candidate with the cue \"distanced herself from\" among %+v", cs)
}

func TestStatement(t *testing.T) {
	for _, tt := range []struct {
		content string
		want    bool
	}{
		{"the United Nations on Tuesday", false},
		{"vast wealth", false},
		{"that the plan had failed", true},
		{"Japan must act now", true},
		{"to dial back on her remarks", true},
		{`"We will rebuild."`, true},
		{"", false},
	} {
		if got := Statement(tt.content); got != tt.want {
			t.Errorf("Statement(%q) = %v, want %v", tt.content, got, tt.want)
		}
	}
}

func TestReporting(t *testing.T) {
	for cue, want := range map[string]bool{
		"reaffirmed": true, "pressed": true, "has repeatedly wondered": true, "distanced herself from": true,
		"were frustrated": true, "called for": true, "has called": true, "said:": true,
		"appeared": false, "can appear": false, "may once have seemed": false, "enjoyed": false,
		"was drawing": false, "took": false, "made": false, "is looking": false, "has become": false,
	} {
		if got := Reporting(cue); got != want {
			t.Errorf("Reporting(%q) = %v, want %v", cue, got, want)
		}
	}
}

// TestCandidateCondition checks that a candidate's content that opens
// with a condition runs on to the condition's main clause, past the
// ", and" that joins the condition's parts.
func TestCandidateCondition(t *testing.T) {
	text := "She considered that if American forces, which operate jointly with us, come under attack, and Japan does nothing and merely withdraws, the alliance will collapse."
	toks, sents := segment.Tokens(text), segment.Sentences(text)
	for _, c := range Candidates(text, toks, sents, FindByRules(text, toks, sents)) {
		if text[c.Quote.Cue.Start:c.Quote.Cue.End] == "considered" {
			if got := text[c.Quote.Content.Start:c.Quote.Content.End]; !strings.HasSuffix(got, "the alliance will collapse") {
				t.Errorf("content %q, want it to end with the main clause", got)
			}
			return
		}
	}
	t.Fatal("no candidate with the cue \"considered\"")
}
