package segment

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "It rained. Then it stopped!", []string{"It rained.", "Then it stopped!"}},
		{"titles and initials", "Dr. Smith met Gen. J. R. Allen on Friday. They talked.", []string{"Dr. Smith met Gen. J. R. Allen on Friday.", "They talked."}},
		{"dotted abbreviation mid-sentence", "The U.S. military said so.", []string{"The U.S. military said so."}},
		{"dotted abbreviation at the end", "He flew to the U.S. The trip was long.", []string{"He flew to the U.S.", "The trip was long."}},
		{"month abbreviation", "It happened on Sept. 30 in Tokyo. Nobody saw it.", []string{"It happened on Sept. 30 in Tokyo.", "Nobody saw it."}},
		{"quote then attribution", `"We won. It was hard," he said. "Next year too."`, []string{`"We won.`, `It was hard," he said.`, `"Next year too."`}},
		{"question in quotes", `"Why now?" she asked. Nobody knew.`, []string{`"Why now?" she asked.`, "Nobody knew."}},
		{"closing quote after the dot", `He said: “It is over.” Then he left.`, []string{`He said: “It is over.”`, "Then he left."}},
		{"line breaks end headings and items", "Background\nThe alliance dates to 1951\n- item one\n- item two", []string{"Background", "The alliance dates to 1951", "- item one", "- item two"}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"company suffix ends a sentence", "He joined Acme Inc. The firm grew.", []string{"He joined Acme Inc.", "The firm grew."}},
		{"company suffix mid-sentence", "Acme Inc. said on Monday it grew.", []string{"Acme Inc. said on Monday it grew."}},
		{"german ordinal date", "Er kam am 3. Oktober an. Sie nicht.", []string{"Er kam am 3. Oktober an.", "Sie nicht."}},
		{"german abbreviation", "Das gilt z.B. für Bonn. Nicht für Köln.", []string{"Das gilt z.B. für Bonn.", "Nicht für Köln."}},
		{"german spaced abbreviation", "Das gilt z. B. für Bonn. Nicht für Köln.", []string{"Das gilt z. B. für Bonn.", "Nicht für Köln."}},
		{"spanish plural initials", "Lo dijo EE. UU. La UE calló.", []string{"Lo dijo EE. UU.", "La UE calló."}},
		{"spanish plural initials mid-sentence", "EE. UU. respondió el lunes.", []string{"EE. UU. respondió el lunes."}},
		{"french title", "M. Macron a parlé. Mme. Le Pen aussi.", []string{"M. Macron a parlé.", "Mme. Le Pen aussi."}},
		{"spanish inverted marks", "¿Quién ganó? ¡Nosotros! Fue difícil.", []string{"¿Quién ganó?", "¡Nosotros!", "Fue difícil."}},
		{"japanese", "高市首相は述べた。台湾について話した。", []string{"高市首相は述べた。", "台湾について話した。"}},
		{"ellipsis", "He paused… Then he spoke.", []string{"He paused…", "Then he spoke."}},
		{"capital letter before a stop", "It ended World War I. Then peace came.", []string{"It ended World War I.", "Then peace came."}},
		{"no terminal", "A heading without a stop", []string{"A heading without a stop"}},
		{"empty", "  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.text) {
				got = append(got, tt.text[sp.Start:sp.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The U.S. isn't year-earlier.", []string{"The", "U.S.", "isn't", "year-earlier", "."}},
		{"$1,200.50 at 10:30 a.m. on 3/5", []string{"$", "1,200.50", "at", "10:30", "a.m.", "on", "3/5"}},
		{"“Quote,” she said—twice", []string{"“", "Quote", ",", "”", "she", "said", "—", "twice"}},
		{"World War I. Then", []string{"World", "War", "I.", "Then"}},
		{"the 1960s. Then", []string{"the", "1960", "s", ".", "Then"}},
		{"Takaichi’s 75-year-old", []string{"Takaichi’s", "75", "-", "year-old"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, tok := range Tokens(tt.text) {
				got = append(got, tok.Text(tt.text))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestHasWord(t *testing.T) {
	for _, tt := range []struct {
		text, w string
		want    bool
	}{
		{"small groups marched", "small", true},
		{"Small groups marched", "small", false},
		{"smaller groups, small", "small", true}, // the second occurrence is whole
		{"a smallish group", "small", false},
		{"élan", "lan", false}, // a letter outside ASCII joins the word
		{"", "small", false},
	} {
		if got := HasWord(tt.text, tt.w); got != tt.want {
			t.Errorf("HasWord(%q, %q) = %v, want %v", tt.text, tt.w, got, tt.want)
		}
	}
}

// TestTokensMatchUnicodeClasses: on the demo corpus, mixed scripts and
// every ASCII character, Tokens splits as the Unicode classes say.
func TestTokensMatchUnicodeClasses(t *testing.T) {
	texts := []string{
		"Japan-U.S. talks at 10:30 a.m.; 1,200.5 yen, 9/11, don't, year-earlier.",
		"Takaiichi (高市早苗) said «non» — 3 ½ times; ｅｘａｍｐｌｅ ١٢٣ naïve café",
		"\t\v\f\r\n\u0085\u00a0 x",
	}
	var ascii []byte
	for c := range 128 {
		ascii = append(ascii, byte(c), 'a', byte(c), '1', byte(c), ' ')
	}
	texts = append(texts, string(ascii))
	files, err := filepath.Glob("../../demo/corpus/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("demo corpus: %v (%d files)", err, len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		if got, want := Tokens(text), unicodeTokens(text); !slices.Equal(got, want) {
			t.Errorf("Tokens differ from the Unicode classes on %.60q", text)
		}
	}
}

func BenchmarkTokens(b *testing.B) {
	text := strings.Repeat("Prime Minister Sanae Takaichi told parliament on Monday that a Taiwan crisis could be a \"survival-threatening situation\" for Japan, the U.S. ally said at 10:30 a.m. ", 30)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokens(text)
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		sentence, rest string
	}{
		{"BRENNMOOR, March 2 (Northline Wire) - Part of a road bridge gave way.", "Part of a road bridge gave way."},
		{"SEOUL, South Korea — The launch was delayed by a day.", "The launch was delayed by a day."},
		{"Paris (AFP) – The strike will go on through the week.", "The strike will go on through the week."},
		{"The bridge - which opened in 1965 - was closed on Monday.", ""},
		{"Officials said on Monday. SEOUL - more news followed here.", ""},
		{"TOKYO — Too short.", ""}, // fewer than four tokens would be left
		{"Ab - the rest of the sentence goes on.", ""},
		{"NATO - which has 32 members - met on Monday in Brussels.", ""}, // a name, not a place
		{"BERLIN - 12 people were hurt in the blast on Monday.", "12 people were hurt in the blast on Monday."},
		{"KYIV — “We will not give up,” the mayor said on Sunday.", "“We will not give up,” the mayor said on Sunday."},
		{"", ""},
	}
	for _, tt := range tests {
		toks := Tokens(tt.sentence)
		k := Dateline(tt.sentence, toks)
		got := ""
		if k > 0 {
			got = tt.sentence[toks[k].Start:]
		}
		if got != tt.rest {
			t.Errorf("Dateline(%q) leaves %q, want %q", tt.sentence, got, tt.rest)
		}
	}
}

// TestSentenceBound checks that text without full stops is cut into
// sentences of at most maxSentence tokens, at a comma where there is one.
func TestSentenceBound(t *testing.T) {
	text := strings.Repeat("the bridge held and the river rose, ", 400) // 3,200 tokens
	ss := Sentences(text)
	if len(ss) < 3200/maxSentence {
		t.Fatalf("%d sentences, want at least %d", len(ss), 3200/maxSentence)
	}
	for _, s := range ss {
		if n := len(Tokens(text[s.Start:s.End])); n > maxSentence {
			t.Errorf("sentence of %d tokens, want at most %d", n, maxSentence)
		}
		if text[s.End-1] != ',' && s.End != len(strings.TrimRight(text, " ")) {
			t.Errorf("sentence ends with %q, want a comma", text[s.End-1:])
		}
	}
}

// TestWords checks that Words answers as HasWord does, for a short text
// and for one long enough to be indexed.
func TestWords(t *testing.T) {
	for _, text := range []string{
		"The alliance held. Alliance members met; a well-known envoy spoke.",
		strings.Repeat("The alliance held. Alliance members met; a well-known envoy spoke. ", 2000),
	} {
		ws := NewWords(text)
		for _, w := range []string{"alliance", "Alliance", "allian", "members", "well-known", "known", "envoys", "held"} {
			if got, want := ws.Has(w), HasWord(text, w); got != want {
				t.Errorf("%d-byte text: Has(%q) = %v, HasWord %v", len(text), w, got, want)
			}
		}
	}
}
