package compare_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/demo"
	"github.com/parallax-news/parallax/internal/demotest"
)

type gold struct {
	Stories     map[string][]string
	QuoteGroups []struct {
		Speaker  string
		Variants []struct{ Article, Text string }
	} `json:"quote_groups"`
	Entities []struct {
		Name     string
		Variants []string
	}
	Timexes []struct {
		Article, Value string
		Background     bool
	}
}

// collapse returns the demo's bridge-collapse story, annotated, with
// article IDs in corpus order, and the demo gold.
func collapse(t testing.TB) ([]compare.Input, map[string]int64, gold) {
	t.Helper()
	var g gold
	if err := json.Unmarshal(demo.Gold, &g); err != nil {
		t.Fatal(err)
	}
	members := map[string]bool{}
	for _, id := range g.Stories["collapse"] {
		members[id] = true
	}
	var in []compare.Input
	ids := map[string]int64{}
	for _, a := range demotest.Articles(t) {
		if !members[a.ExternalID] {
			continue
		}
		a.ID = int64(len(ids) + 1)
		ids[a.ExternalID] = a.ID
		ann := analyze.Annotate(a.Text, analyze.Options{Published: a.Published, Language: a.Language})
		in = append(in, compare.Input{Article: a, Annotation: ann})
	}
	return in, ids, g
}

// TestDemoQuoteGroup checks that the quote the demo plants in five
// renderings (verbatim, truncated, wire copy, paraphrase, translation)
// forms one group with its speaker.
func TestDemoQuoteGroup(t *testing.T) {
	in, ids, g := collapse(t)
	an := compare.Compare(in)
	for _, group := range g.QuoteGroups {
		var found *parallax.ReportQuote
		for i, q := range an.Quotes {
			for _, v := range q.Variants {
				if strings.Contains(v.Text, group.Variants[0].Text) {
					found = &an.Quotes[i]
				}
			}
		}
		if found == nil {
			t.Fatalf("no group holds %q; groups: %+v", group.Variants[0].Text, an.Quotes)
		}
		if !strings.Contains(found.Speaker, "Vandermeer") {
			t.Errorf("speaker = %q, want %s", found.Speaker, group.Speaker)
		}
		for _, v := range group.Variants {
			has := false
			for _, id := range found.ArticleIDs {
				has = has || id == ids[v.Article]
			}
			if !has {
				t.Errorf("the group misses %s's rendering %q (group: %+v)", v.Article, v.Text, found.Variants)
			}
		}
	}
}

func TestDemoEntitiesAndTimeline(t *testing.T) {
	in, ids, g := collapse(t)
	an := compare.Compare(in)
	// one entity per name: a name one article types (the dateline's
	// Brennmoor, a place) and another leaves untyped is one entity
	byName := map[string]string{}
	for _, e := range an.Entities {
		if other, ok := byName[e.Name]; ok {
			t.Errorf("%q is two entities: %s and %s", e.Name, other, e.Type)
		}
		byName[e.Name] = e.Type
	}
	for _, ge := range g.Entities {
		if len(ge.Variants) == 0 {
			continue
		}
		var e *parallax.ReportEntity
		for i := range an.Entities {
			if an.Entities[i].Name == ge.Name {
				e = &an.Entities[i]
			}
		}
		if e == nil {
			t.Errorf("no entity %q", ge.Name)
			continue
		}
		names := strings.Join(append([]string{e.Name}, e.Aliases...), "|")
		for _, v := range ge.Variants {
			if !strings.Contains(names, v) {
				t.Errorf("%s: variant %q not among %s", ge.Name, v, names)
			}
		}
	}
	events := map[string]parallax.TimelineEvent{}
	for _, e := range an.Timeline {
		events[e.Date] = e
	}
	for _, gt := range g.Timexes {
		id, ok := ids[gt.Article]
		if !ok {
			continue // another story's date
		}
		e, ok := events[gt.Value]
		if !ok {
			t.Errorf("timeline lacks %s (%s)", gt.Value, gt.Article)
			continue
		}
		has := false
		for _, a := range e.ArticleIDs {
			has = has || a == id
		}
		if !has || e.Background != gt.Background {
			t.Errorf("event %s: articles %v, background %v; want article %d, background %v", gt.Value, e.ArticleIDs, e.Background, id, gt.Background)
		}
	}
	for i := 1; i < len(an.Timeline); i++ {
		if an.Timeline[i-1].Date > an.Timeline[i].Date {
			t.Errorf("timeline out of order: %s before %s", an.Timeline[i-1].Date, an.Timeline[i].Date)
		}
	}
}

func TestCompareEmpty(t *testing.T) {
	an := compare.Compare(nil)
	if len(an.Entities)+len(an.Quotes)+len(an.Timeline) != 0 {
		t.Errorf("Compare(nil) = %+v", an)
	}
}

// TestDemoConflictsAndClaims checks the planted disagreements (the number
// of injured, where the bridge broke), and that the brief and claims
// quote the articles.
func TestDemoConflictsAndClaims(t *testing.T) {
	in, ids, _ := collapse(t)
	var g struct {
		Conflicts []struct {
			Slot   string
			Values []struct {
				Value    string
				Articles []string
			}
		}
	}
	if err := json.Unmarshal(demo.Gold, &g); err != nil {
		t.Fatal(err)
	}
	an := compare.Compare(in)
	// every planted conflict: each gold value is a value of one found
	// conflict, given by exactly the gold articles of this story
	for _, gc := range g.Conflicts {
		var found *parallax.Conflict
		for i, c := range an.Conflicts {
			for _, v := range c.Values {
				if strings.Contains(v.Value, gc.Values[0].Value) {
					found = &an.Conflicts[i]
				}
			}
		}
		if found == nil {
			t.Errorf("conflict %q not found among %+v", gc.Slot, an.Conflicts)
			continue
		}
		for _, gv := range gc.Values {
			var want []int64
			for _, a := range gv.Articles {
				if id, ok := ids[a]; ok {
					want = append(want, id)
				}
			}
			ok := false
			for _, v := range found.Values {
				if strings.Contains(v.Value, gv.Value) {
					ok = true
					if !sameIDs(v.ArticleIDs, want) {
						t.Errorf("%s = %s: articles %v, want %v", gc.Slot, v.Value, v.ArticleIDs, want)
					}
				}
			}
			if !ok {
				t.Errorf("%s: value %q missing from %+v", gc.Slot, gv.Value, found.Values)
			}
		}
	}
	text := map[int64]string{}
	for _, x := range in {
		text[x.Article.ID] = x.Article.Text
	}
	statuses := map[string]int{}
	for _, c := range an.Claims {
		statuses[c.Status]++
		for _, e := range c.Evidence {
			if !strings.Contains(text[e.ArticleID], e.Sentence) {
				t.Errorf("claim evidence %q is not in article %d", e.Sentence, e.ArticleID)
			}
		}
	}
	for _, s := range []string{parallax.Corroborated, parallax.SingleSource, parallax.Conflicting} {
		if statuses[s] == 0 {
			t.Errorf("no %s claim among %v", s, statuses)
		}
	}
	if len(an.Brief) == 0 {
		t.Fatal("no brief")
	}
	for _, b := range an.Brief {
		cited := false
		for _, id := range b.ArticleIDs {
			cited = cited || strings.Contains(text[id], b.Text)
		}
		if !cited {
			t.Errorf("brief sentence %q is in none of the articles it cites %v", b.Text, b.ArticleIDs)
		}
	}
	if an.Brief[0].Status != parallax.Corroborated {
		t.Errorf("the brief opens with a %s sentence", an.Brief[0].Status)
	}
}

func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[int64]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

func TestAddRelated(t *testing.T) {
	own := []parallax.TimelineEvent{{Date: "2026-01-26"}, {Date: "2025-11"}}
	related := []parallax.TimelineEvent{{Date: "2025-11-07"}, {Date: "2026-01-26"}, {Date: "1960", Background: true}}
	got := compare.AddRelated(own, 4, related)
	var dates []string
	for _, e := range got {
		dates = append(dates, e.Date)
		if e.Date == "2025-11-07" && e.StoryID != 4 {
			t.Errorf("related date not marked with its story: %+v", e)
		}
		if e.Date == "2026-01-26" && e.StoryID != 0 {
			t.Errorf("the story's own date marked as related: %+v", e)
		}
	}
	if want := "2025-11 2025-11-07 2026-01-26"; strings.Join(dates, " ") != want {
		t.Errorf("timeline = %v, want %s", dates, want)
	}
}

func TestVagueVsPrecise(t *testing.T) {
	texts := []string{
		"The prime minister enjoys a 47% approval rating, a poll showed on Monday.",
		"The prime minister has enjoyed high approval ratings since taking office.",
		"The prime minister spoke about the alliance on Monday.",
	}
	var in []compare.Input
	for i, text := range texts {
		a := &parallax.Article{ID: int64(i + 1), Source: "Outlet " + string(rune('A'+i)), Text: text, Language: "en"}
		in = append(in, compare.Input{Article: a, Annotation: analyze.Annotate(text, analyze.Options{Language: "en"})})
	}
	an := compare.Compare(in)
	if len(an.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v", an.Conflicts)
	}
	c := an.Conflicts[0]
	if c.Kind != parallax.ConflictVagueVsPrecise || c.Slot != "approval rating" || len(c.Values) != 2 ||
		c.Values[0].Value != "47%" || !sameIDs(c.Values[0].ArticleIDs, []int64{1}) ||
		c.Values[1].Value != "high approval ratings" || !sameIDs(c.Values[1].ArticleIDs, []int64{2}) {
		t.Errorf("conflict = %+v", c)
	}
	for _, cl := range an.Claims {
		if cl.Status == parallax.Conflicting {
			t.Errorf("a vague wording made a claim conflicting: %+v", cl)
		}
	}
}

func TestFraming(t *testing.T) {
	texts := map[string]string{
		"A": "The council voted on Tuesday to close the harbour bridge for repairs. Officials slammed the contractor for the delays.",
		"B": "The council voted on Tuesday to close the harbour bridge for repairs. Repairs will take a year.",
		"C": "The council voted on Tuesday to close the harbour bridge for repairs.",
		"D": "Ferries will run every hour while the bridge is closed to traffic.",
	}
	var in []compare.Input
	for i, src := range []string{"A", "B", "C", "D"} {
		a := &parallax.Article{ID: int64(i + 1), Source: src, Title: "Headline " + src, Text: texts[src], Language: "en"}
		in = append(in, compare.Input{Article: a, Annotation: analyze.Annotate(a.Text, analyze.Options{Language: "en"})})
	}
	an := compare.Compare(in)
	by := map[string]parallax.OutletFraming{}
	for _, f := range an.Framing {
		by[f.Source] = f
	}
	if f := by["A"]; len(f.LoadedTerms) != 1 || f.LoadedTerms[0] != "slammed" || len(f.Omits) != 0 || f.Headlines[0] != "Headline A" {
		t.Errorf("A = %+v", f)
	}
	if f := by["D"]; len(f.Omits) != 1 || !strings.Contains(f.Omits[0], "close the harbour bridge") {
		t.Errorf("D should leave out the closure the others report: %+v", f)
	}
	if f := by["B"]; len(f.LoadedTerms) != 0 || len(f.Omits) != 0 {
		t.Errorf("B = %+v", f)
	}
}

func TestActions(t *testing.T) {
	texts := []string{
		"China imposed a ban on Japanese seafood imports after the remarks. Beijing has also warned Tokyo.",
		"The United States reaffirmed its commitment to Japan on Friday. An attack on Taiwan would change that.",
		"China banned Japanese seafood, officials in Tokyo said.",
		"Extended deterrence: Washington reaffirmed its commitments to Japan.",
	}
	in := englishInputs(texts)
	got := actionsOf(in)
	want := map[string][]int64{
		"United States support Japan": {2, 4}, // a capital acts as its state
		"China threaten Japan":        {1},
	}
	for k, ids := range want {
		if !sameIDs(got[k], ids) {
			t.Errorf("%s: articles %v, want %v (all: %v)", k, got[k], ids, got)
		}
	}
	for k := range got {
		if strings.Contains(k, "attack") {
			t.Errorf("a noun taken for an act: %s", k)
		}
	}
}

// actionsOf compares in and returns its actions as "actor class target"
// with their articles.
func actionsOf(in []compare.Input) map[string][]int64 {
	got := map[string][]int64{}
	for _, a := range compare.Compare(in).Actions {
		got[a.Actor+" "+a.Class+" "+a.Target] = a.ArticleIDs
	}
	return got
}

// englishInputs annotates texts as undated English articles of outlets
// A, B, C, … with IDs from 1.
func englishInputs(texts []string) []compare.Input {
	return datedInputs(time.Time{}, texts)
}

// datedInputs is englishInputs with articles published at ref.
func datedInputs(ref time.Time, texts []string) []compare.Input {
	var in []compare.Input
	for i, text := range texts {
		a := &parallax.Article{ID: int64(i + 1), Source: string(rune('A' + i)), Text: text, Published: ref, Language: "en"}
		in = append(in, compare.Input{Article: a, Annotation: analyze.Annotate(text, analyze.Options{Published: ref, Language: "en"})})
	}
	return in
}

func TestTitleAndSpeakerConflicts(t *testing.T) {
	texts := []string{
		"U.S. Ambassador George Glass said China's actions were very unhelpful to regional stability.",
		"Then-U.S. Ambassador George Glass said in a statement that the alliance remained strong.",
		"\"Our goal is to reunite the family as soon as possible this week,\" Attorney General Janet Reno said.",
		"\"Our goal is to reunite the family as soon as possible this week,\" Gregory Craig told reporters.",
	}
	in := englishInputs(texts)
	var slots []string
	for _, c := range compare.Compare(in).Conflicts {
		slots = append(slots, c.Slot)
		if strings.HasPrefix(c.Slot, "title of") && (len(c.Values) != 2 || c.Values[0].Value != "Ambassador" || c.Values[1].Value != "then-Ambassador") {
			t.Errorf("title conflict = %+v", c)
		}
		if strings.HasPrefix(c.Slot, "speaker of") && (len(c.Values) != 2 || c.Values[0].Value != "Janet Reno" || c.Values[1].Value != "Gregory Craig") {
			t.Errorf("speaker conflict = %+v", c)
		}
	}
	if strings.Join(slots, "|") != "speaker of “Our goal is to reunite the family as soon as possible this week”|title of George Glass" {
		t.Errorf("conflicts = %q", slots)
	}
}

func TestDateConflict(t *testing.T) {
	ref := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC) // a Wednesday
	texts := []string{
		"The Halvard Bridge collapsed into the Brenn River on Monday morning, officials in Brennmoor said.",
		"The Halvard Bridge collapsed into the Brenn River on Tuesday morning, officials in Brennmoor said.",
	}
	in := datedInputs(ref, texts)
	an := compare.Compare(in)
	if len(an.Conflicts) != 1 || !strings.HasPrefix(an.Conflicts[0].Slot, "date of:") || len(an.Conflicts[0].Values) != 2 ||
		an.Conflicts[0].Values[0].Value != "2026-03-02" || an.Conflicts[0].Values[1].Value != "2026-03-03" {
		t.Fatalf("conflicts = %+v", an.Conflicts)
	}
	if len(an.Claims) == 0 || an.Claims[0].Status != parallax.Conflicting {
		t.Errorf("claims = %+v", an.Claims)
	}
}

func TestVenueConflict(t *testing.T) {
	for _, tc := range []struct {
		name  string
		texts []string
		want  []string // venue kinds, most outlets first; none for no conflict
	}{{
		name: "interview against rally",
		texts: []string{
			"Mayor Ilse Vandermeer said the harbour tax would rise, speaking on the Radio Kessel programme on Monday. \"We cannot keep the ferries running without it,\" Vandermeer said.",
			"\"We cannot keep the ferries running without it,\" Vandermeer told listeners during a radio interview.",
			"\"We cannot keep the ferries running without it,\" Mayor Ilse Vandermeer said. The statement, made at a campaign rally in Brennmoor, drew applause.",
		},
		want: []string{"broadcast or interview (Radio Kessel programme; radio interview)", "public event (campaign rally)"},
	}, {
		name: "the same kind of occasion",
		texts: []string{
			"\"We cannot keep the ferries running without it,\" Mayor Ilse Vandermeer said at a press conference.",
			"\"We cannot keep the ferries running without it,\" Vandermeer told a news conference on Monday.",
		},
	}, {
		name: "an outlet reporting two occasions is not compared",
		texts: []string{
			"\"We cannot keep the ferries running without it,\" Mayor Ilse Vandermeer said at a press conference. She repeated it later on a radio show.",
			"\"We cannot keep the ferries running without it,\" Vandermeer said at a rally.",
		},
	}, {
		name: "in the event of is no venue",
		texts: []string{
			"\"We cannot keep the ferries running without it,\" Mayor Ilse Vandermeer said, warning of cuts in the event of a storm.",
			"\"We cannot keep the ferries running without it,\" Vandermeer said during a radio interview.",
		},
	}, {
		name: "different statements are not compared",
		texts: []string{
			"\"We cannot keep the ferries running without it,\" Mayor Ilse Vandermeer said during a radio interview.",
			"\"The orchestra will tour Japan next spring with a new programme,\" Vandermeer said at a rally.",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			in := englishInputs(tc.texts)
			var got []string
			for _, c := range compare.Compare(in).Conflicts {
				if strings.HasPrefix(c.Slot, "venue of") {
					for _, v := range c.Values {
						got = append(got, v.Value)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("venues = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestAmountConflicts(t *testing.T) {
	texts := []string{
		"Prime Minister Sanae Takaichi's approval rating stands at 47% after the remarks, a poll showed.",
		"Prime Minister Sanae Takaichi's approval rating stands at 52% after the remarks, a poll showed.",
		"The 75-year-old alliance between Japan and the United States is under strain, officials said.",
		"The 66-year-old alliance between Japan and the United States is under strain, officials said.",
		// different facts with numbers of one thing are no disagreement
		"Qualcomm shares fell 1.5 percent to $65.09 in the morning as traders weighed the offer.",
		"Rescuers freed 21 of the more than 200 schoolgirls held in the forest, the army said on Friday.",
		"The army said 21 schoolgirls held in the forest were freed on Friday after long talks.",
	}
	in := englishInputs(texts)
	got := map[string]string{}
	for _, c := range compare.Compare(in).Conflicts {
		if c.Kind != parallax.ConflictValues || strings.HasPrefix(c.Slot, "date of") {
			continue
		}
		var vs []string
		for _, v := range c.Values {
			vs = append(vs, fmt.Sprintf("%s %v", v.Value, v.ArticleIDs))
		}
		got[c.Slot] = strings.Join(vs, " | ")
	}
	want := map[string]string{
		"approval rating (%)": "47% [1] | 52% [2]",
		"alliance (year)":     "66-year-old [4] | 75-year-old [3]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("conflicts = %v, want %v", got, want)
	}
}

// TestActionsNotDone: a negated verb, a possibility, a condition and a
// question report no act; the same act stated plainly does.
func TestActionsNotDone(t *testing.T) {
	in := englishInputs([]string{
		"The treaty does not require Japan to defend the United States, officials in Tokyo said.",
		"The treaty obliges America to protect Japan, but it doesn't explicitly require Japan to defend the United States.",
		"If Japan were to stand aside while the United States fought, the alliance would suffer.",
		"Will China impose sanctions on Japan this year?",
		"Analysts said China might impose sanctions on Japan.",
		"China imposed sanctions on Japan on Friday.",
		"An official noted that Takaichi's commitment to aid U.S. forces if engaged in Taiwan's defense was clear.",
		"Prime Minister Sanae Takaichi warned of the collapse of the alliance between Japan and the United States.",
		"Japanese PM Takaichi warns that failing to defend US forces in a Taiwan crisis would collapse the alliance.",
	})
	got := actionsOf(in)
	want := map[string][]int64{"China coerce Japan": {6}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions = %v, want %v", got, want)
	}
}

// TestQuoteTranslations checks that two renderings of one statement
// which quote different words in the same place of the same sentence
// (another translation of a term) form one quote group, and that
// different statements in similar sentences do not.
func TestQuoteTranslations(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"another translation",
			"Prime Minister Sanae Takaichi stated that a Chinese military assault on Taiwan could constitute a “survival-threatening situation” for Japan.",
			"Prime Minister Sanae Takaichi stated that any military contingency involving Taiwan would constitute an “existential crisis” for Japan.",
			true},
		{"different things called different names",
			"President Carla Mendes said that the new pension plan for teachers was “a disaster” for the country.",
			"President Carla Mendes said that the harbour deal with the port authority was “a triumph” for the country.",
			false},
		{"different speakers",
			"Prime Minister Sanae Takaichi stated that a Chinese military assault on Taiwan could constitute a “survival-threatening situation” for Japan.",
			"Foreign Minister Wang Yi stated that any military contingency involving Taiwan would constitute an “existential crisis” for Japan.",
			false},
		{"same frame, other words around",
			"Mayor Ruth Abernethy said that the bridge inquiry would constitute a “turning point” for Brennmoor.",
			"Mayor Ruth Abernethy said that the river festival would constitute a “new beginning” for Brennmoor.",
			false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := compare.Compare(englishInputs([]string{tt.a, tt.b}))
			together := false
			for _, q := range r.Quotes {
				if len(q.ArticleIDs) == 2 {
					together = true
				}
			}
			if together != tt.same {
				t.Errorf("one group = %v, want %v; groups: %+v", together, tt.same, r.Quotes)
			}

		})
	}
}

// TestLearnedQuotesFromSources checks that the story report shows the
// quote model's attributions only from speakers that can be sources, and
// with a verb that can report words.
func TestLearnedQuotesFromSources(t *testing.T) {
	texts := []string{
		"Protesters were frustrated that the police released only part of the video from the shooting.",
		"The episode underscores a divergence in diplomatic priorities between the two old partners.",
		"Takaiichi has enjoyed high approval ratings since taking office in October 2025.",
	}
	in := englishInputs(texts)
	learned := 0
	for _, x := range in {
		for _, q := range x.Annotation.Quotes {
			if q.Learned {
				learned++
			}
		}
	}
	if learned != len(texts) {
		t.Fatalf("%d learned quotes in the annotations, want each text's (the test needs the model to find them)", learned)
	}
	r := compare.Compare(in)
	if len(r.Quotes) != 1 || r.Quotes[0].Variants[0].ArticleID != in[0].Article.ID || !r.Quotes[0].Learned {
		t.Errorf("report quotes %+v, want the protesters' only, marked learned", r.Quotes)
	}
	// a statement the rules read is not marked
	r = compare.Compare(englishInputs([]string{"The mayor said the bridge would reopen in the spring after repairs."}))
	if len(r.Quotes) != 1 || r.Quotes[0].Learned {
		t.Errorf("report quotes %+v, want one, not learned", r.Quotes)
	}
}

// TestEstimatedTimeline checks that a date only an undated article's
// relative expression gives is marked as estimated in the timeline.
func TestEstimatedTimeline(t *testing.T) {
	story := time.Date(2025, 11, 7, 0, 0, 0, 0, time.UTC)
	dated := &parallax.Article{ID: 1, Source: "A", Language: "en", Published: story,
		Text: "On November 7, 2025, the prime minister spoke in parliament about the crisis."}
	undated := &parallax.Article{ID: 2, Source: "B", Language: "en",
		Text: "The unease stems from remarks the prime minister made in parliament last month."}
	in := []compare.Input{
		{Article: dated, Annotation: analyze.Annotate(dated.Text, analyze.Options{Language: "en", Published: story})},
		{Article: undated, Annotation: analyze.Annotate(undated.Text, analyze.Options{Language: "en", Fallback: story})},
	}
	got := map[string]bool{}
	for _, e := range compare.Compare(in).Timeline {
		got[e.Date] = e.Estimated
	}
	if want := map[string]bool{"2025-11-07": false, "2025-10": true}; !reflect.DeepEqual(got, want) {
		t.Errorf("estimated dates %v, want %v", got, want)
	}
}

// TestTitleConflictsInOrder checks that a person given a title with two
// different qualifiers yields the same conflicts in the same order every
// time, whatever the order of the maps they were gathered in.
func TestTitleConflictsInOrder(t *testing.T) {
	in := englishInputs([]string{
		"On Monday, U.S. Ambassador George Glass said the alliance remained strong after the talks in Tokyo.",
		"On Monday, former U.S. Ambassador George Glass said the alliance remained strong after the talks in Tokyo.",
		"On Monday, then-U.S. Ambassador George Glass said the alliance remained strong after the talks in Tokyo.",
	})
	var first string
	for i := range 20 {
		var got []string
		for _, c := range compare.Compare(in).Conflicts {
			if strings.HasPrefix(c.Slot, "title of") {
				got = append(got, c.Values[0].Value+" / "+c.Values[1].Value)
			}
		}
		if len(got) != 2 {
			t.Fatalf("title conflicts = %q, want two", got)
		}
		if s := strings.Join(got, " | "); i == 0 {
			first = s
		} else if s != first {
			t.Fatalf("run %d: %q, first run %q", i, s, first)
		}
	}
}

// TestDatelines: the wire dateline that opens an article is no part of
// its claims, brief or timeline, and the same sentence with and without
// one is one claim; a dash later in the text or after a word that is no
// place in capitals is left alone.
func TestDatelines(t *testing.T) {
	ref := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	texts := []string{
		"BRENNMOOR, March 2 (Northline Wire) - Part of a road bridge in the river city gave way during the morning rush hour, injuring 17 people.\n\nRescue crews from three fire stations pulled six people from the water.",
		"Part of a road bridge in the river city gave way during the morning rush hour, injuring 17 people.\n\nPolice closed both banks of the river - and the ferries - until further notice.",
		"Paris (AFP) — Rescue crews from three fire stations pulled six people from the water on Monday.\n\nThe Mayor - who visited the site - promised a full investigation of the collapse.",
	}
	in := datedInputs(ref, texts)
	before := in[0].Annotation.Sentences[0].Text
	an := compare.Compare(in)
	if in[0].Annotation.Sentences[0].Text != before {
		t.Error("Compare changed its input's sentences")
	}
	var claims []string
	for _, c := range an.Claims {
		claims = append(claims, fmt.Sprintf("%s %v: %s", c.Status, c.ArticleIDs, c.Text))
		for _, e := range c.Evidence {
			if strings.Contains(e.Sentence, "(") {
				t.Errorf("evidence keeps a dateline: %q", e.Sentence)
			}
		}
	}
	want := []string{
		"corroborated [1 2]: Part of a road bridge in the river city gave way during the morning rush hour, injuring 17 people.",
		"corroborated [1 3]: Rescue crews from three fire stations pulled six people from the water.",
		"single_source [2]: Police closed both banks of the river - and the ferries - until further notice.",
		"single_source [3]: The Mayor - who visited the site - promised a full investigation of the collapse.",
	}
	if strings.Join(claims, "\n") != strings.Join(want, "\n") {
		t.Errorf("claims:\n%s\nwant:\n%s", strings.Join(claims, "\n"), strings.Join(want, "\n"))
	}
	for _, e := range an.Timeline {
		if e.Date == "2026-03-02" && strings.Contains(e.Text, "AFP") {
			t.Errorf("timeline text keeps a dateline: %q", e.Text)
		}
	}
}

// TestRelayedQuotes checks that a quote relaying another ("Fu warned
// …, according to Xinhua") gives way to the quote it relays, while a
// statement that only mentions a saying ("what she described as") stays.
func TestRelayedQuotes(t *testing.T) {
	r := compare.Compare(englishInputs([]string{
		"Envoy Fu Cong spoke at the United Nations on Tuesday. " +
			"Fu warned against any illegal attempts to revive militarism, according to the official news agency Xinhua. " +
			"Fu added that Takaichi was refusing to retract what she described as a situation threatening Japan's survival.",
	}))
	var got []string
	for _, q := range r.Quotes {
		got = append(got, q.Speaker+": "+q.Text)
	}
	want := []string{
		"Fu Cong: against any illegal attempts to revive militarism",
		"Fu Cong: Takaichi was refusing to retract what she described as a situation threatening Japan's survival",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
