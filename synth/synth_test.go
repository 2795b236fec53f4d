package synth

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func all(cfg Config) []Article {
	g := New(cfg)
	var out []Article
	for a, ok := g.Next(); ok; a, ok = g.Next() {
		out = append(out, a)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Articles = 2000
	a, b := all(cfg), all(cfg)
	if len(a) != 2000 || len(b) != 2000 {
		t.Fatalf("%d and %d articles, want 2000", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("article %d differs between two runs with one seed:\n%+v\n%+v", i, a[i], b[i])
		}
	}
	cfg.Seed = 2
	if c := all(cfg); c[0].Text == a[0].Text {
		t.Error("another seed gives the same first article")
	}
}

// TestShape checks the properties the benchmarks rely on: publication
// order, unique URLs, power-law event sizes, copies across outlets and
// several languages.
func TestShape(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Articles = 20_000
	arts := all(cfg)
	sizes := map[int]int{}
	langs := map[string]int{}
	urls := map[string]bool{}
	bySource := map[string]string{}
	copies := 0
	for i, a := range arts {
		if i > 0 && a.Published.Before(arts[i-1].Published) {
			t.Fatalf("article %d published before article %d", i, i-1)
		}
		if urls[a.URL] {
			t.Fatalf("URL %s twice", a.URL)
		}
		urls[a.URL] = true
		bySource[a.URL] = a.Source
		sizes[a.Event]++
		langs[a.Language]++
		if a.Title == "" || len(a.Text) < 100 {
			t.Fatalf("article %d is too thin: %+v", i, a)
		}
		if a.CopyOf != "" {
			if bySource[a.CopyOf] == a.Source {
				t.Errorf("%s copies an article of its own outlet", a.URL)
			}
			copies++
		}
	}
	single, big := 0, 0
	for _, n := range sizes {
		if n == 1 {
			single++
		}
		if n >= 50 {
			big++
		}
	}
	t.Logf("%d events: %d with one article, %d with 50 or more; languages %v; %d copies", len(sizes), single, big, langs, copies)
	if single < len(sizes)/3 || big == 0 {
		t.Errorf("event sizes are not heavy-tailed: %d of %d singletons, %d of 50+", single, len(sizes), big)
	}
	if len(langs) < 4 || langs["en"] < len(arts)/2 {
		t.Errorf("languages %v", langs)
	}
	if share := float64(copies) / float64(len(arts)); share < 0.05 || share > 0.15 {
		t.Errorf("copies are %.3f of the stream, want about 0.12", share)
	}
}

func TestPage(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Articles = 1
	a := all(cfg)[0]
	a.Title = `<script>x</script>`
	p := Page(a)
	if strings.Contains(p, "<script>x") || !strings.Contains(p, "&lt;script&gt;") {
		t.Errorf("page does not escape the title")
	}
	if !strings.Contains(p, a.Published.Format("2006-01-02T15:04:05Z07:00")) {
		t.Error("page lacks the publication time")
	}
}

// TestEventsRedrawn checks that an event drawn again from its seed when
// its first article is taken is the event the plan was made with (its
// first article opens it, at its start), and that finished events are
// let go.
func TestEventsRedrawn(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Articles = 3000
	g := New(cfg)
	seen := map[int]bool{}
	most := 0
	for a, ok := g.Next(); ok; a, ok = g.Next() {
		if !seen[a.Event] {
			seen[a.Event] = true
			if start := g.draw(a.Event).start.Truncate(time.Minute); !a.Published.Equal(start) {
				t.Fatalf("event %d: first article at %v, the redrawn event starts at %v", a.Event, a.Published, start)
			}
		}
		most = max(most, len(g.running))
	}
	if len(seen) != g.Events() {
		t.Errorf("%d events in the stream, %d planned", len(seen), g.Events())
	}
	if len(g.running) != 0 {
		t.Errorf("%d events still held after the stream", len(g.running))
	}
	if most >= g.Events()/2 {
		t.Errorf("%d of %d events held at once", most, g.Events())
	}
	t.Logf("%d events, at most %d held at once", g.Events(), most)
}

// TestTwins checks that a twin event shares the kind of an earlier
// event (language and two thirds of its topic words) and not its names,
// and that without Twins no event is one.
func TestTwins(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Articles = 3000
	if g := New(cfg); slices.ContainsFunc(g.twins, func(tw int32) bool { return tw >= 0 }) {
		t.Fatal("twins planned with Twins 0")
	}
	cfg.Twins = 0.5
	g := New(cfg)
	n := 0
	for id, tw := range g.twins {
		if tw < 0 {
			continue
		}
		n++
		e, of := g.draw(id), g.draw(int(tw))
		if e.lang != of.lang || !slices.Equal(e.topic[:twinTopic], of.topic[:twinTopic]) || slices.Equal(e.topic, of.topic) {
			t.Fatalf("event %d, twin of %d: language %d/%d, topics %v / %v", id, tw, e.lang, of.lang, e.topic, of.topic)
		}
		if e.place == of.place && e.org == of.org {
			t.Errorf("event %d shares place and organisation with %d", id, tw)
		}
	}
	if n < g.Events()/3 || n > 2*g.Events()/3 {
		t.Errorf("%d twins among %d events, want about half", n, g.Events())
	}
}
