package cluster

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestWords(t *testing.T) {
	got := words("U.S. envoy's 7.1-magnitude quake (in São Paulo) — 2,000 dead")
	want := []string{"U.S", "envoy's", "7.1-magnitude", "quake", "in", "São", "Paulo", "2", "000", "dead"}
	if !slices.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
}

func TestTerm(t *testing.T) {
	for in, want := range map[string]string{
		"Protests": "protest", "protesting": "protest", "cities": "city", "Takaichi's": "takaichi",
		"the": "", "a": "", "crisis": "crisis", "buses": "bus", "agreed": "agreed", "injured": "injur",
	} {
		if got := term(in); got != want {
			t.Errorf("term(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEntities(t *testing.T) {
	got := map[string]float64{}
	ws, marks := scan("The Prime Minister Sanae Takaichi met Fu Cong in New York. In Tokyo, officials waited.")
	addEntities(got, ws, marks, 1, nil, nil)
	for _, want := range []string{"prime minister sanae takaichi", "fu cong", "new york", "tokyo"} {
		if got[want] == 0 {
			t.Errorf("entity %q missing: %v", want, got)
		}
	}
	if got["the prime minister sanae takaichi"] != 0 || got["in tokyo"] != 0 {
		t.Errorf("sentence-initial function words kept: %v", got)
	}
}

func TestEntitySpellingsMeet(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"Talks with the U.S. ended.", "us"},
		{"Talks with the US ended.", "us"},
		{"Japan's leader spoke.", "japan"},
		{"Sanae Takaiichi spoke.", "sanae takaichi"},
		{"Sanae Takaichi spoke.", "sanae takaichi"},
		{"The mayor of São Paulo spoke.", "sao paulo"},
	} {
		got := map[string]float64{}
		ws, marks := scan(tc.text)
		addEntities(got, ws, marks, 1, nil, nil)
		if got[tc.want] == 0 {
			t.Errorf("%q: entities %v, want %q", tc.text, got, tc.want)
		}
	}
}

func TestEntitiesNotFromCapitals(t *testing.T) {
	// A headline in title case capitalises every word: only the names the
	// body gives count from it.
	f := Extract(&parallax.Article{
		Title: "Japan PM Says U.S. Alliance Would Collapse if Tokyo Ignored Crisis",
		Text:  "Alliance ties are strong, the prime minister of Japan said in Tokyo. The alliance with the U.S. has lasted decades.",
	})
	for _, bad := range []string{"japan pm says us alliance would collapse", "aliance", "says", "would collapse"} {
		if f.Entities[bad] != 0 {
			t.Errorf("entity %q from capitals: %v", bad, f.Entities)
		}
	}
	// the title adds its weight to the body's names it contains
	for e, want := range map[string]float64{"japan": 1 + titleWeight, "tokyo": 1 + titleWeight, "us": 1 + titleWeight} {
		if f.Entities[e] != want {
			t.Errorf("entity %q = %v, want %v: %v", e, f.Entities[e], want, f.Entities)
		}
	}
	// a sentence-case title keeps its capitals as names
	g := Extract(&parallax.Article{Title: "Quake strikes near Brennmoor, officials say", Text: "A quake struck."})
	if g.Entities["brenmor"] != titleWeight { // folded as entity.Fold folds
		t.Errorf("sentence-case title: %v", g.Entities)
	}
}

func TestMinhashNearDuplicates(t *testing.T) {
	base := "Part of a road bridge in the river city of Brennmoor gave way during the morning rush hour on Monday, injuring 17 people, emergency services said. The section that fell was on the western approach near the rail depot."
	a := Extract(&parallax.Article{Text: base})
	b := Extract(&parallax.Article{Text: "Skip to main content. " + base + " Comments are closed."})
	c := Extract(&parallax.Article{Text: "A completely different report about the council budget and the harbour ferries, which were delayed by storms on Tuesday and Wednesday this week."})
	if sim := a.Signature.Similarity(&b.Signature); sim < 0.75 {
		t.Errorf("wire copy with chrome: similarity %.2f", sim)
	}
	if sim := a.Signature.Similarity(&c.Signature); sim > 0.1 {
		t.Errorf("unrelated texts: similarity %.2f", sim)
	}
	if short := Extract(&parallax.Article{Text: "Too short to compare."}); !short.Signature.Empty() {
		t.Errorf("short text got a signature")
	}
}

func TestBestN(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	better := func(a, b int) bool { return a > b }
	for trial := 0; trial < 500; trial++ {
		xs := r.Perm(1 + r.Intn(60))
		n := 1 + r.Intn(len(xs))
		got := bestN(append([]int(nil), xs...), n, better)
		want := append([]int(nil), xs...)
		slices.SortFunc(want, func(a, b int) int { return b - a })
		if !slices.Equal(got, want[:n]) {
			t.Fatalf("bestN(%v, %d) = %v, want %v", xs, n, got, want[:n])
		}
	}
}

// TestPlacesLongestName checks that a place's longest name wins and the
// words inside it name nothing else.
func TestPlacesLongestName(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Flooding in West Virginia", []string{"West Virginia"}},
		{"Drought grips New Mexico and Texas", []string{"New Mexico", "Texas"}},
		{"Virginia and West Virginia", []string{"Virginia", "West Virginia"}},
		{"Atlanta-area spas, Georgia", []string{"Atlanta", "Georgia"}},
		{"Quake in New South Wales", []string{"New South Wales"}},
		{"Gunman kills 9 in Dayton's Oregon District", []string{"Dayton"}},
		{"58 killed near the Mandalay Bay hotel in Las Vegas", []string{"Las Vegas"}},
		{"Fans in Dortmund and Leipzig", []string{"Dortmund", "Leipzig"}},
		{"Rally on Georgia Avenue in Washington", []string{"United States"}},
	} {
		var got []string
		placesIn(words(tc.text), true, func(c string, _ bool, _, _ int) { got = append(got, c) })
		if !slices.Equal(got, tc.want) {
			t.Errorf("placesIn(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"7.1": "7.1", "7.1-magnitude": "7.1", "8": "", "U.S": "", "1.2.3": "", "7.": "", ".5": "", "2.5bn": "", "v1.2": "",
	} {
		if got := decimal(in); got != want {
			t.Errorf("decimal(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTownBeforeState checks that a town the gazetteer lacks counts where
// the text writes it before its state, and only where the state closes
// its clause.
func TestTownBeforeState(t *testing.T) {
	for _, tc := range []struct {
		text string
		town string
		want bool
	}{
		{"A gunman opened fire in Boulder, Colorado, on Monday.", "boulder", true},
		{"The church in Sutherland Springs, Texas.", "sutherland springs", true},
		{"Like Los Angeles, Chicago ended the reign of a coach.", "like los angeles", false},
		{"In Boulder, Colorado, a gunman opened fire.", "boulder", true},
		{"A gunman opened fire in San Ysidro, California, on Saturday.", "san ysidro", true},
	} {
		body, marks := scan(tc.text)
		got := slices.ContainsFunc(countriesOf("", body, marks), func(c countryCount) bool { return c.name == tc.town })
		if got != tc.want {
			t.Errorf("%q: town %q counted %v, want %v", tc.text, tc.town, got, tc.want)
		}
	}
}

// TestTownInHeadline checks that a headline names a town its text places
// before its state, possessive or not, and that the headline is then
// about the state too.
func TestTownInHeadline(t *testing.T) {
	body, marks := scan("A gunman opened fire in Uvalde, Texas, on Tuesday.")
	for _, title := range []string{"Gunman kills 21 in Uvalde's school", "Uvalde gunman shot his grandmother"} {
		main := map[string]bool{}
		for _, c := range countriesOf(title, body, marks) {
			if c.main > 0 {
				main[c.name] = true
			}
		}
		if !main["uvalde"] || !main["Texas"] {
			t.Errorf("%q: about %v, want uvalde and Texas", title, main)
		}
	}
}

// TestWorldCityPlaced checks that a city of the world's list counts as
// a place where the text places it, and then in its headline too, and
// not where its name is a surname.
func TestWorldCityPlaced(t *testing.T) {
	for _, tc := range []struct {
		title, text, city string
		named, main       bool
	}{
		{"Solingen mourns victims", "A man stabbed three people in Solingen on Friday. Solingen mourned.", "Solingen", true, true},
		{"Toll rises", "Rescuers came from Pune, India, on Sunday.", "Pune", true, false},
		{"Rodriguez under fire", "Rodriguez says an inquiry is under way.", "Rodriguez", false, false},
		{"Dortmund fans march", "Fans of the club marched on Saturday.", "Dortmund", false, false},
		{"Police officer stabbed in Mannheim", "A man attacked a rally.", "Mannheim", true, true},
	} {
		body, marks := scan(tc.text)
		var named, main bool
		for _, c := range countriesOf(tc.title, body, marks) {
			if c.name == tc.city {
				named, main = c.named > 0, c.main > 0
			}
		}
		if named != tc.named || main != tc.main {
			t.Errorf("%q / %q: %s named %v main %v, want %v %v", tc.title, tc.text, tc.city, named, main, tc.named, tc.main)
		}
	}
}

// TestHeadWords checks the words a headline's names give: folded, without
// kind words, and with the parts of a hyphenated name.
func TestHeadWords(t *testing.T) {
	tests := []struct {
		title, text string
		want        []string
	}{
		{"Borel fire destroys Havilah, a historic town in Kern County", "The fire burned on.", []string{"borel", "havilah", "kern"}},
		{"Gunman kills 8 at three Atlanta-area massage spas", "Police said the gunman fled.", []string{"atlanta", "atlantarea"}},
		{"Max Verstappen narrowly avoids crash with Kimi Raikkonen", "The race went on.", []string{"kimi", "max", "raikonen", "verstapen"}},
		{"police say the gunman fled", "Police said so.", []string{}},
	}
	for _, tt := range tests {
		f := Extract(&parallax.Article{Title: tt.title, Text: tt.text, Language: "en"})
		if !slices.Equal(f.heads, tt.want) {
			t.Errorf("%q: heads %q, want %q", tt.title, f.heads, tt.want)
		}
	}
}
