package cluster_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/demo"
	"github.com/parallax-news/parallax/eval"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/synth"
)

type gold struct {
	Stories    map[string][]string `json:"stories"`
	Storylines map[string][]string `json:"storylines"`
	Duplicates []struct {
		Article     string `json:"article"`
		DuplicateOf string `json:"duplicate_of"`
	} `json:"duplicates"`
}

// demoArticles decodes the demo corpus as ingest does, with IDs in file
// order.
func demoArticles(t *testing.T) []*parallax.Article {
	t.Helper()
	d := input.NewDecoder()
	d.Now = func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) }
	var out []*parallax.Article
	err := fs.WalkDir(demo.Corpus, "corpus", func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		f, err := demo.Corpus.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		kind, _ := input.KindOf(path)
		for rec := range d.Decode(filepath.Base(path), kind, f) {
			if rec.Err != nil {
				t.Fatalf("%s: %v", rec.Origin, rec.Err)
			}
			rec.Article.ID = int64(len(out) + 1)
			out = append(out, rec.Article)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// partition renders groups of external IDs canonically, for comparison.
func partition(groups map[string][]string) string {
	var parts []string
	for _, g := range groups {
		g = append([]string(nil), g...)
		sort.Strings(g)
		parts = append(parts, strings.Join(g, ","))
	}
	sort.Strings(parts)
	return strings.Join(parts, " | ")
}

// run clusters the articles in batches and applies merges to the
// assignments already made, as the store does.
func run(articles []*parallax.Article, batch int) map[int64]parallax.Assignment {
	o := cluster.NewOnline(cluster.DefaultConfig())
	out := map[int64]parallax.Assignment{}
	for i := 0; i < len(articles); i += batch {
		for _, a := range o.Assign(articles[i:min(i+batch, len(articles))]) {
			out[a.ArticleID] = a
		}
		for _, m := range o.Merges() {
			for id, a := range out {
				if a.StoryID == m[0] {
					a.StoryID = m[1]
					out[id] = a
				}
			}
		}
	}
	return out
}

func group(articles []*parallax.Article, as map[int64]parallax.Assignment, key func(parallax.Assignment) int64) map[string][]string {
	out := map[string][]string{}
	for _, a := range articles {
		k := key(as[a.ID])
		out[string(rune(k))] = append(out[string(rune(k))], a.ExternalID)
	}
	return out
}

func TestOnlineDemoCorpus(t *testing.T) {
	var g gold
	if err := json.Unmarshal(demo.Gold, &g); err != nil {
		t.Fatal(err)
	}
	wantStorylines := map[string][]string{}
	for name, stories := range g.Storylines {
		for _, s := range stories {
			wantStorylines[name] = append(wantStorylines[name], g.Stories[s]...)
		}
	}
	articles := demoArticles(t)
	byExt := map[string]*parallax.Article{}
	for _, a := range articles {
		byExt[a.ExternalID] = a
	}
	for _, batch := range []int{len(articles), 1} {
		as := run(articles, batch)
		if got, want := partition(group(articles, as, func(a parallax.Assignment) int64 { return a.StoryID })), partition(g.Stories); got != want {
			t.Errorf("batch %d stories:\n got %s\nwant %s", batch, got, want)
		}
		if got, want := partition(group(articles, as, func(a parallax.Assignment) int64 { return a.StorylineID })), partition(wantStorylines); got != want {
			t.Errorf("batch %d storylines:\n got %s\nwant %s", batch, got, want)
		}
		for _, d := range g.Duplicates {
			if got := as[byExt[d.Article].ID].DuplicateOf; got != byExt[d.DuplicateOf].ID {
				t.Errorf("batch %d: %s duplicate_of = %d, want %d", batch, d.Article, got, byExt[d.DuplicateOf].ID)
			}
		}
		dups := 0
		for _, a := range as {
			if a.DuplicateOf != 0 {
				dups++
			}
		}
		if dups != len(g.Duplicates) {
			t.Errorf("batch %d: %d duplicates, want %d", batch, dups, len(g.Duplicates))
		}
	}
}

// TestOnlineOrder feeds the demo one article at a time in shuffled orders,
// the worst case for an online clusterer: the stories may differ little
// from those of the ordered stream (BCubed F1 at least 0.9 against it), and
// no order may merge two gold stories.
func TestOnlineOrder(t *testing.T) {
	var g gold
	if err := json.Unmarshal(demo.Gold, &g); err != nil {
		t.Fatal(err)
	}
	goldOf := map[string]string{}
	for name, ids := range g.Stories {
		for _, id := range ids {
			goldOf[id] = name
		}
	}
	articles := demoArticles(t)
	labels := func(arts []*parallax.Article, as map[int64]parallax.Assignment) map[string]string {
		out := map[string]string{}
		for _, a := range arts {
			out[a.ExternalID] = fmt.Sprint(as[a.ID].StoryID)
		}
		return out
	}
	ordered := labels(articles, run(articles, len(articles)))
	for seed := int64(1); seed <= 8; seed++ {
		shuffled := append([]*parallax.Article(nil), articles...)
		rand.New(rand.NewSource(seed)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := labels(shuffled, run(shuffled, 1))
		if m := eval.ScoreClustering(got, ordered); m.BCubedF1 < 0.9 {
			t.Errorf("seed %d: BCubed F1 %.3f against the ordered run", seed, m.BCubedF1)
		}
		if m := eval.ScoreClustering(got, goldOf); m.BCubedPrecision < 1 {
			t.Errorf("seed %d: a shuffled order merged gold stories (BCubed precision %.3f)", seed, m.BCubedPrecision)
		}
	}
}

func TestOnlineWarmAndStableIDs(t *testing.T) {
	articles := demoArticles(t)
	first := run(articles[:5], 5)
	for _, a := range articles[:5] {
		a.StoryID, a.StorylineID = first[a.ID].StoryID, first[a.ID].StorylineID
	}
	o := cluster.NewOnline(cluster.DefaultConfig())
	o.Warm(articles[:5])
	for _, as := range o.Assign(articles[5:]) {
		if as.ArticleID == 10 && as.StoryID != 1 {
			t.Errorf("Kestrel's collapse report joined story %d after a warm start, want the collapse story 1", as.StoryID)
		}
	}
}

func TestOnlineTimeSeparatesEvents(t *testing.T) {
	text := "A magnitude 6.8 earthquake struck the coastal city of Port Alba on Tuesday, collapsing buildings and killing at least 40 people, officials said. Rescue teams searched the rubble through the night."
	day := time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC)
	mk := func(id int64, published time.Time, source string) *parallax.Article {
		return &parallax.Article{ID: id, Source: source, Title: "Earthquake strikes Port Alba", Text: text + " Report " + source, Published: published}
	}
	as := run([]*parallax.Article{mk(1, day, "A"), mk(2, day.Add(6*time.Hour), "B"), mk(3, day.Add(120*24*time.Hour), "C")}, 3)
	if as[2].StoryID != as[1].StoryID {
		t.Errorf("same-day reports split: %+v", as)
	}
	if as[3].StoryID == as[1].StoryID {
		t.Errorf("an earthquake four months later joined the first one's story")
	}
}

// TestOnlineUndatedOrder: undated articles are placed by the stories the
// dated articles made, whatever order they come in. U2 alone is too far
// from the bridge story; U1, close to it, shares U2's rescue words. Taken
// one after the other, U2 would join the story after U1 and found one of
// its own before it.
func TestOnlineUndatedOrder(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	bridge := "The Kessel harbour bridge collapsed on Monday and commuters on the eastern span were injured. "
	rescue := "Divers from the Brennmoor quay ferry station searched the cold water with sonar boats overnight. "
	batch := func(first, second string) []*parallax.Article {
		return []*parallax.Article{
			{ID: 1, Key: "s", Source: "A", Title: "Harbour bridge collapses", Published: day, Text: strings.Repeat(bridge, 4)},
			{ID: 2, Key: "other", Source: "B", Title: "Council passes budget", Published: day,
				Text: strings.Repeat("The council passed next year's budget with more money for schools. ", 4)},
			{ID: 3, Key: first, Source: "C", Title: "Bridge collapse: divers search", Text: strings.Repeat(bridge, 3) + strings.Repeat(rescue, 2)},
			{ID: 4, Key: second, Source: "D", Title: "Divers search the water", Text: strings.Repeat(rescue, 4)},
		}
	}
	run := func(articles []*parallax.Article) map[int64]int64 {
		got := map[int64]int64{}
		for _, as := range cluster.NewOnline(cluster.DefaultConfig()).Assign(articles) {
			got[as.ArticleID] = as.StoryID
		}
		return got
	}
	// the keys put U1 (3) first, then U2 (4) first
	a, b := run(batch("k1", "k2")), run(batch("k2", "k1"))
	if a[3] != 1 || a[4] != 1 {
		t.Errorf("U1 first: %v, want both with the bridge story", a)
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the order of the undated articles changed the stories: %v and %v", a, b)
	}
}

// TestOnlineMinorityLanguages: in a stream that is mostly English, the
// events reported in German, French and Spanish stay apart. Their function
// words (not all in the stopword lists, as in real text) are in every
// article of their language; weighed against all documents they looked
// rare, and each language collapsed into one story (measured on this
// stream: 3,373 German articles of 496 events in one story).
func TestOnlineMinorityLanguages(t *testing.T) {
	cfg := synth.DefaultConfig()
	cfg.Articles = 3000
	g := synth.New(cfg)
	o := cluster.NewOnline(cluster.DefaultConfig())
	var articles []*parallax.Article
	event := map[int64]int{}
	lang := map[int64]string{}
	for id := int64(1); ; id++ {
		a, ok := g.Next()
		if !ok {
			break
		}
		articles = append(articles, a.Stored(id))
		event[id], lang[id] = a.Event, a.Language
	}
	story := map[int64]int64{}
	for _, as := range o.Assign(articles) {
		story[as.ArticleID] = as.StoryID
	}
	// BCubed precision per language: the share of each article's story
	// that reports its event
	members := map[int64][]int64{}
	for id, s := range story {
		members[s] = append(members[s], id)
	}
	sum, n := map[string]float64{}, map[string]int{}
	for id, s := range story {
		same := 0
		for _, m := range members[s] {
			if event[m] == event[id] {
				same++
			}
		}
		sum[lang[id]] += float64(same) / float64(len(members[s]))
		n[lang[id]]++
	}
	for l, total := range sum {
		if p := total / float64(n[l]); p < 0.95 {
			t.Errorf("%s: BCubed precision %.3f over %d articles; want at least 0.95", l, p, n[l])
		}
	}
}

// TestOnlineIDsDoNotMatter stores the same stream under two sets of IDs,
// as a single process and workers sharing PostgreSQL do, and checks that
// the stories are the same. Headlines alone tie often, so they exercise
// every tie-break. The real UCI headlines are used when ../shared is
// beside the repository: on them, breaking ties by ID fails this test;
// the synthetic headlines stand in otherwise.
func TestOnlineIDsDoNotMatter(t *testing.T) {
	cfg := synth.DefaultConfig()
	cfg.Articles = 3000
	g := synth.New(cfg)
	var stream []*parallax.Article
	for {
		a, ok := g.Next()
		if !ok {
			break
		}
		stream = append(stream, &parallax.Article{Key: a.URL, ExternalID: a.URL, Title: a.Title, Text: a.Title,
			Language: a.Language, Published: a.Published.Truncate(24 * time.Hour)})
	}
	// real headlines, when ../shared is beside the repository
	if f, err := os.Open("../../shared/data/clustering/uci-headlines.jsonl"); err == nil {
		stream = stream[:0]
		dec := input.NewDecoder()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for i := 0; i < 1500 && sc.Scan(); i++ {
			a, _, err := dec.DecodeJSON(sc.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			stream = append(stream, a)
		}
		f.Close()
	}
	ids := rand.New(rand.NewSource(1)).Perm(len(stream))
	partitionWith := func(id func(i int) int64) string {
		articles := make([]*parallax.Article, len(stream))
		for i, a := range stream {
			c := *a
			c.ID = id(i)
			articles[i] = &c
		}
		as := run(articles, 500)
		return partition(group(articles, as, func(a parallax.Assignment) int64 { return a.StoryID }))
	}
	inOrder := partitionWith(func(i int) int64 { return int64(i + 1) })
	permuted := partitionWith(func(i int) int64 { return int64(ids[i] + 1) })
	if inOrder != permuted {
		t.Errorf("the stories depend on article IDs")
	}
}

// TestOnlineEviction checks that a story older than the window leaves
// memory with its articles' signatures: a copy of an evicted article is no
// duplicate of it, while a copy inside the window is.
func TestOnlineEviction(t *testing.T) {
	text, other, art := cluster.BridgeText, cluster.FerryText, cluster.DayArticle
	for _, tt := range []struct {
		name    string
		copyDay int
		evict   bool
		dup     bool
	}{
		{"copy inside the window", 5, false, true},
		{"copy after eviction", 31, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := cluster.DefaultConfig()
			cfg.Window, cfg.DuplicateWindow = 10*24*time.Hour, 365*24*time.Hour
			o := cluster.NewOnline(cfg)
			o.Assign([]*parallax.Article{art(1, "a", text, 0)})
			if tt.evict {
				o.Assign([]*parallax.Article{art(2, "b", other, 30)})
			}
			as := o.Assign([]*parallax.Article{art(3, "c", text, tt.copyDay)})
			if got := as[0].DuplicateOf != 0; got != tt.dup {
				t.Errorf("duplicate = %v (of %d), want %v", got, as[0].DuplicateOf, tt.dup)
			}
		})
	}
}

// TestOnlinePrepare checks that batches prepared ahead, all of them
// before the first is assigned, are assigned as Assign assigns them, with
// the same merges.
func TestOnlinePrepare(t *testing.T) {
	cfg := synth.DefaultConfig()
	cfg.Articles = 2000
	g := synth.New(cfg)
	var stream []*parallax.Article
	for a, ok := g.Next(); ok; a, ok = g.Next() {
		stream = append(stream, &parallax.Article{ID: int64(len(stream) + 1), Key: a.URL, Title: a.Title, Text: a.Text,
			Language: a.Language, Published: a.Published})
	}
	direct, ahead := cluster.NewOnline(cluster.DefaultConfig()), cluster.NewOnline(cluster.DefaultConfig())
	var prepared []func() []parallax.Assignment
	for batch := range slices.Chunk(stream, 256) {
		prepared = append(prepared, ahead.Prepare(batch))
	}
	i, merges := 0, 0
	for batch := range slices.Chunk(stream, 256) {
		want, got := direct.Assign(batch), prepared[i]()
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("batch %d: prepared assignments differ from Assign's", i)
		}
		wantMerges, gotMerges := direct.Merges(), ahead.Merges()
		if !reflect.DeepEqual(gotMerges, wantMerges) {
			t.Fatalf("batch %d: merges %v, want %v", i, gotMerges, wantMerges)
		}
		i, merges = i+1, merges+len(wantMerges)
	}
	t.Logf("%d batches, %d merges", i, merges)
}

// TestOnlineCountriesApart: two earthquakes on one day, in Turkey and
// Syria and in Morocco, share their words and the U.S. Geological Survey
// but not the states their headlines name, and stay two stories; a
// report headlined on Syria alone joins the Turkey and Syria quake; and
// two reports of a shooting in the United States stay one though only
// one headline names the country (domestic news seldom does). In file
// order and shuffled.
func TestOnlineCountriesApart(t *testing.T) {
	for seed, m := range clusterOrders(t, "testdata/countries.jsonl") {
		if m.BCubedPrecision < 1 || m.BCubedRecall < 1 {
			t.Errorf("seed %d: BCubed P %.3f R %.3f, want the three events as three stories", seed, m.BCubedPrecision, m.BCubedRecall)
		}
	}
}

// TestOnlineShootingsApart clusters two mass shootings six days apart
// in one country (testdata/shootings.jsonl, written for this test): the
// Atlanta-area spa shootings and the Boulder supermarket shooting, whose
// later reports name the earlier one ("the second mass shooting in a
// week, after … Atlanta"). Their words are those of any shooting, and
// no headline names a state the gazetteer lists as one: what keeps them
// apart is where each happens, down to the town a text writes before its
// state ("Boulder, Colorado"). In the nine orders none of the Boulder
// articles may join the Atlanta story; before, all six were one story in
// every order. A report may still stand alone (recall floor 0.85: the
// texts are short).
func TestOnlineShootingsApart(t *testing.T) {
	for seed, m := range clusterOrders(t, "testdata/shootings.jsonl") {
		if m.BCubedPrecision < 1 || m.BCubedRecall < 0.85 {
			t.Errorf("seed %d: BCubed P %.3f R %.3f, want the two shootings apart", seed, m.BCubedPrecision, m.BCubedRecall)
		}
	}
}

// TestOnlineTrialsApart clusters two criminal trials in one Manhattan
// courthouse over the same weeks (testdata/trials.jsonl, written for this
// test; the second trial's dates are moved to overlap the first's): jury
// selection, the star witness, the verdict. They share their city and
// the words of any trial ("jury", "prosecutors", "pleaded not guilty");
// who stands trial, who judges and who testifies differ. The entity
// conflict compares those names without places, states' adjectives and
// sentence-opening common words: all six reports were one story before,
// in every order. Each trial's reports span two and a half weeks, and in
// five orders one of them stands alone (recall 0.778; floor 0.75).
func TestOnlineTrialsApart(t *testing.T) {
	for seed, m := range clusterOrders(t, "testdata/trials.jsonl") {
		if m.BCubedPrecision < 1 || m.BCubedRecall < 0.75 {
			t.Errorf("seed %d: BCubed P %.3f R %.3f, want the two trials apart", seed, m.BCubedPrecision, m.BCubedRecall)
		}
	}
}

// TestOnlineTwinsApart clusters three more pairs of events of one kind,
// each in one country and written for this test after the shootings and
// the trials (testdata):
//   - quakes-nepal: the magnitude 7.8 quake of 25 April 2015 centred in
//     Gorkha and the 7.3 quake of 12 May near Everest, whose reports name
//     the first ("the April 25 quake");
//   - attacks-uk: the Manchester Arena bombing and the London Bridge
//     attack twelve days later, whose first report names the bombing;
//   - hurricanes: Harvey in Texas and Irma in Florida two weeks later,
//     whose first report names Harvey;
//   - quakes-mexico: the magnitude 8.1 quake off Chiapas and the 7.1
//     quake near Puebla twelve days later, which struck Mexico City and
//     whose first report names the first ("a magnitude 8.1 quake off
//     Chiapas");
//   - shootings-weekend: the El Paso Walmart shooting and the Dayton
//     shooting thirteen hours later, whose reports name El Paso, Texas,
//     and its Walmart.
//
// The first three were apart in all nine orders before any change for
// them. The Mexican quakes were one story in file order: Mexico City is
// the capital, so the gazetteer reads it as Mexico, which the first story
// names, and the actor cosine (0.18) is above the conflict's floor
// (raising the floor to 0.2 parted them but cost the giveme5w1h set
// 0.021 of F1). What parts them is the headline's figure: the 7.1 quake's
// story never writes "7.1" (see Features.figures); the gold sets are
// unchanged by it. The weekend shootings were one story in five orders:
// the Dayton reports name El Paso, Texas and Walmart, so the Dayton story
// names what the El Paso headlines are about. What parts them is that
// their headlines never name each other's places (headlinesApart), for an
// article joining a story as for two stories merging; in one order a
// report of the El Paso shooting stands alone (recall 0.778, floor 0.75).
//
// Two more pairs came with the world's cities (analyze/entity/cities.tsv):
//   - collapses-india: building collapses in Surat and, four days later,
//     in Pune, whose first report names the first; written to check the
//     list, one story in all nine orders before it;
//   - stabbings-germany: the knife attacks in Solingen and in Mannheim
//     (whose dates are moved to a week later), whose first report names
//     the first; written before the list's rules were run on it, one
//     story in three orders before.
//
// Both are apart in all nine orders now: each story's headlines are about
// a city the other's never name (headlinesApart).
func TestOnlineTwinsApart(t *testing.T) {
	for _, tc := range []struct {
		file   string
		recall float64
	}{{"quakes-nepal", 0.85}, {"attacks-uk", 0.85}, {"hurricanes", 0.85}, {"quakes-mexico", 0.85}, {"shootings-weekend", 0.75}, {"collapses-india", 0.85}, {"stabbings-germany", 0.85}, {"crashes-brazil", 0.85}, {"wildfires-california", 0.85}} {
		file := tc.file
		for seed, m := range clusterOrders(t, "testdata/"+file+".jsonl") {
			if m.BCubedPrecision < 1 || m.BCubedRecall < tc.recall {
				t.Errorf("%s, seed %d: BCubed P %.3f R %.3f, want the two events apart", file, seed, m.BCubedPrecision, m.BCubedRecall)
			}
		}
	}
}

// clusterOrders clusters the articles of a JSONL file in file order and
// in eight shuffled orders, one at a time, and scores each against the
// file's stories.
func clusterOrders(t *testing.T, path string) []eval.ClusterMetrics {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var articles []*parallax.Article
	goldOf := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct {
			ID, Source, Title, Text, Story string
			Published                      time.Time
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		articles = append(articles, &parallax.Article{ID: int64(len(articles) + 1), ExternalID: r.ID, Source: r.Source,
			Title: r.Title, Text: r.Text, Published: r.Published, Language: "en"})
		goldOf[r.ID] = r.Story
	}
	var out []eval.ClusterMetrics
	for seed := int64(0); seed <= 8; seed++ {
		order := append([]*parallax.Article(nil), articles...)
		if seed > 0 {
			rand.New(rand.NewSource(seed)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		as := run(order, 1)
		got := map[string]string{}
		for _, a := range order {
			got[a.ExternalID] = fmt.Sprint(as[a.ID].StoryID)
		}
		out = append(out, eval.ScoreClustering(got, goldOf))
	}
	return out
}
