package cluster

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/synth"
)

// TestIndexConsistent runs a synthetic stream through a clusterer that
// evicts and merges often, and checks after each batch that postings,
// slots and stories agree: a posting never names a story evicted or
// merged away, even once its slot is reused.
func TestIndexConsistent(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Window = 3 * 24 * time.Hour
	cfg.MergeThreshold = 0.12 // merge more than the default, to exercise it
	cfg.Conflict.Heads = 0    // which the headline check would rule out on this stream
	o := NewOnline(cfg)
	scfg := synth.DefaultConfig()
	scfg.Articles = 3000
	g := synth.New(scfg)
	var batch []*parallax.Article
	merges, reused := 0, false
	for id := int64(1); ; id++ {
		a, ok := g.Next()
		if ok {
			batch = append(batch, a.Stored(id))
		}
		if len(batch) < 100 && ok {
			continue
		}
		free := len(o.free)
		o.Assign(batch)
		merges += len(o.Merges())
		reused = reused || len(o.free) < free
		batch = batch[:0]
		checkIndex(t, o)
		if !ok || t.Failed() {
			break
		}
	}
	if merges == 0 || !reused {
		t.Errorf("the stream exercised too little: %d merges, slots reused: %v", merges, reused)
	}
}

func checkIndex(t *testing.T, o *Online) {
	t.Helper()
	for id, s := range o.stories {
		if s.gone || o.slots[s.slot] != s || s.id != id {
			t.Fatalf("story %d: gone %v, slot %d holds another", id, s.gone, s.slot)
		}
		if o.hits[s.slot].last != stamp(s.last) {
			t.Fatalf("story %d: slot's last %d, story's %v", id, o.hits[s.slot].last, s.last)
		}
		for _, v := range []vec{s.terms, s.entities} {
			if !slices.IsSorted(v.k) || len(slices.Compact(slices.Clone(v.k))) != len(v.k) || len(v.k) != len(v.w) {
				t.Fatalf("story %d: centroid keys not strictly ascending", id)
			}
		}
		for _, k := range s.keys {
			if !slices.Contains(o.postings[k], s.slot) {
				t.Fatalf("story %d: key %q without its posting", id, o.names[k])
			}
		}
	}
	for k, p := range o.postings {
		for i, sl := range p {
			s := o.slots[sl]
			if s == nil || o.stories[s.id] != s {
				t.Fatalf("posting %q holds slot %d, which no active story has", o.names[k], sl)
			}
			if _, ok := slices.BinarySearch(s.keys, key(k)); !ok || slices.Index(p, sl) != i {
				t.Fatalf("posting %q holds story %d, which is not indexed under it or twice", o.names[k], s.id)
			}
		}
	}
	for _, sl := range o.free {
		if o.slots[sl] != nil {
			t.Fatalf("free slot %d holds story %d", sl, o.slots[sl].id)
		}
	}
}

func TestStampOrdersAsBefore(t *testing.T) {
	times := []time.Time{
		{},
		time.Date(1200, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 999, time.UTC),
		time.Unix(0, 0),
		time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 27, 8, 0, 0, 1, time.UTC),
		time.Date(2026, 11, 27, 9, 0, 0, 1, time.FixedZone("CET", 3600)), // the same instant as the last
		time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	for _, a := range times {
		for _, b := range times {
			if got, want := stamp(a) < stamp(b), a.Before(b); got != want {
				t.Errorf("stamp(%v) < stamp(%v) = %v, Before says %v", a, b, got, want)
			}
		}
	}
	if stamp(time.Time{}) != math.MinInt64 {
		t.Error("the zero time is not first")
	}
}

// TestMembersLeaveAfterDuplicateWindow checks that signatures are kept
// for twice the duplicate window, not the whole window, and that a copy
// arriving after its original's signature left still joins its story.
func TestMembersLeaveAfterDuplicateWindow(t *testing.T) {
	text, other, art := BridgeText, FerryText, DayArticle
	cfg := DefaultConfig()
	cfg.DuplicateWindow = 2 * 24 * time.Hour
	o := NewOnline(cfg)
	o.Assign([]*parallax.Article{art(1, "a", text, 0)})
	if as := o.Assign([]*parallax.Article{art(2, "b", text, 1)}); as[0].DuplicateOf != 1 {
		t.Fatalf("copy a day later: duplicate of %d, want 1", as[0].DuplicateOf)
	}
	o.Assign([]*parallax.Article{art(3, "c", other, 6)}) // four days past twice the window
	if _, ok := o.members[1]; ok {
		t.Error("article 1's signature kept five days past twice the duplicate window")
	}
	if _, ok := o.members[3]; !ok {
		t.Error("article 3's signature dropped")
	}
	as := o.Assign([]*parallax.Article{art(4, "d", text, 1)}) // out of order
	if as[0].DuplicateOf != 0 || as[0].StoryID != 1 {
		t.Errorf("late copy: %+v, want story 1 and no original", as[0])
	}
	checkIndex(t, o)
}

// TestWarmForgetsOldSignatures warms a clusterer with stored articles
// over 40 days, a page at a time, and checks that it keeps the
// signatures of the last twice DuplicateWindow only, as assignment would.
func TestWarmForgetsOldSignatures(t *testing.T) {
	o := NewOnline(DefaultConfig()) // duplicate window 7 days
	var page []*parallax.Article
	for d := range 40 {
		for i, text := range []string{BridgeText, FerryText} {
			id := int64(2*d + i + 1)
			a := DayArticle(id, fmt.Sprint(id), text, d)
			a.StoryID, a.StorylineID = id, id
			page = append(page, a)
		}
		if len(page) == 10 {
			o.Warm(page)
			page = nil
		}
	}
	o.Warm(page)
	newest := DayArticle(0, "", BridgeText, 39).Published
	for id, m := range o.members {
		if newest.Sub(m.at()) > 2*o.cfg.DuplicateWindow+o.cfg.DuplicateWindow/4+5*24*time.Hour {
			t.Errorf("article %d of %s kept after warming to %s", id, m.at().Format(time.DateOnly), newest.Format(time.DateOnly))
		}
	}
	if len(o.members) == 0 || len(o.members) > 2*(14+2+5) {
		t.Errorf("%d signatures kept of 80 over 40 days", len(o.members))
	}
	checkIndex(t, o)
}

// BridgeText and FerryText are two unrelated short articles, and
// DayArticle dates an article d days after 1 March 2026: the fixtures of
// this package's eviction tests, internal and external.
const (
	BridgeText = "The eastern span of the Halvard Bridge fell into the Brenn River on Monday, injuring fourteen people, " +
		"after engineers had warned for months that corroded bearings were cracking under heavy trucks."
	FerryText = "Harbour authorities in Kessel opened a new ferry terminal on Friday after two years of construction work " +
		"delayed by storms, strikes and a shortage of steel for the pier."
)

func DayArticle(id int64, key, text string, d int) *parallax.Article {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d)
	return &parallax.Article{ID: id, Key: key, Source: key, Title: text[:40], Text: text, Language: "en", Published: day}
}

// TestMemberAt checks that a member's date survives its pointer-free
// form, the unknown date included.
func TestMemberAt(t *testing.T) {
	for _, at := range []time.Time{{}, time.Date(2025, 11, 7, 9, 30, 15, 250_000_000, time.UTC)} {
		m := member{published: at.UnixMicro()}
		if got := m.at(); !got.Equal(at) || got.IsZero() != at.IsZero() {
			t.Errorf("member of %v: at() = %v", at, got)
		}
	}
}

// TestMergeKeys checks the merge of a story's new keys into its keys.
func TestMergeKeys(t *testing.T) {
	for _, c := range []struct{ a, b, want []key }{
		{nil, []key{2, 5}, []key{2, 5}},
		{[]key{3}, []key{1, 2}, []key{1, 2, 3}},
		{[]key{1, 4, 9}, []key{2, 5, 10}, []key{1, 2, 4, 5, 9, 10}},
		{[]key{7, 8}, []key{1}, []key{1, 7, 8}},
		{append(make([]key, 0, 8), 2, 4), []key{3}, []key{2, 3, 4}}, // in place
	} {
		a := slices.Clone(c.a)
		if c.a != nil && cap(c.a) > len(c.a) {
			a = c.a
		}
		got := mergeKeys(a, c.b)
		if !slices.Equal(got, c.want) {
			t.Errorf("mergeKeys(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
		if c.a == nil && cap(got) != len(got) {
			t.Errorf("new keys %v: capacity %d, want %d", got, cap(got), len(got))
		}
	}
}

// TestConflictScale checks the factor by which differing names scale a
// score.
func TestConflictScale(t *testing.T) {
	for _, tt := range []struct {
		e           float64
		n, m, least int
		want        float64
	}{
		{0, 3, 3, 3, 0},       // no name shared
		{0.025, 5, 4, 3, 0.5}, // half the cosine that counts
		{0.05, 3, 3, 3, 1},    // enough shared
		{0, 2, 9, 3, 1},       // too few names on one side to tell
		{0, 9, 9, 0, 1},       // check off
	} {
		if got := conflictScale(tt.e, tt.n, tt.m, tt.least, 0.05); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("conflictScale(%v, %d, %d, %d) = %v, want %v", tt.e, tt.n, tt.m, tt.least, got, tt.want)
		}
	}
	// an article shorter than Words is spared
	c := Conflict{Words: 50, Entities: 3, Cosine: 0.05}
	if got := c.join(func() float64 { return 0 }, 49, 5, 5); got != 1 {
		t.Errorf("join of a 49-word article = %v, want 1", got)
	}
	if got := c.join(func() float64 { return 0 }, 50, 5, 5); got != 0 {
		t.Errorf("join of a 50-word article sharing no name = %v, want 0", got)
	}
}
