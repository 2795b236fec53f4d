// Package storetest is the conformance suite that every Parallax store must
// pass. Each store's tests call Run with a function that opens a fresh,
// empty store.
package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// Stores bundles the services of one store under test.
type Stores struct {
	Articles    parallax.ArticleService
	Stories     parallax.StoryService
	Sources     parallax.SourceService
	Lines       parallax.SourceLineService
	Annotations parallax.AnnotationService
	Search      parallax.SearchService
	Subs        parallax.SubscriptionService
	Jobs        parallax.JobService
	// Changes is the database's change stamp (server.Changes).
	Changes func(context.Context) (string, error)
}

// Run runs the whole suite. open must return services on a new empty store
// and arrange its cleanup with t.Cleanup.
func Run(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("PutArticles", func(t *testing.T) { testPutArticles(t, open(t)) })
	t.Run("PutDecodedHash", func(t *testing.T) { testPutDecodedHash(t, open(t)) })
	t.Run("PutInvalidBatch", func(t *testing.T) { testPutInvalidBatch(t, open(t)) })
	t.Run("FindArticles", func(t *testing.T) { testFindArticles(t, open(t)) })
	t.Run("PublishedOffset", func(t *testing.T) { testPublishedOffset(t, open(t)) })
	t.Run("AssignStories", func(t *testing.T) { testAssignStories(t, open(t)) })
	t.Run("StoryFilters", func(t *testing.T) { testStoryFilters(t, open(t)) })
	t.Run("Reassign", func(t *testing.T) { testReassign(t, open(t)) })
	t.Run("AssignUnknownArticle", func(t *testing.T) { testAssignUnknownArticle(t, open(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, open(t)) })
	t.Run("MergeStories", func(t *testing.T) { testMergeStories(t, open(t)) })
	t.Run("Sources", func(t *testing.T) { testSources(t, open(t)) })
	t.Run("SourceLines", func(t *testing.T) { testSourceLines(t, open(t)) })
	t.Run("FindArticlesByKeys", func(t *testing.T) { testFindArticlesByKeys(t, open(t)) })
	t.Run("Annotations", func(t *testing.T) { testAnnotations(t, open(t)) })
	t.Run("StableKeys", func(t *testing.T) { testStableKeys(t, open(t)) })
	t.Run("Search", func(t *testing.T) { testSearch(t, open(t)) })
	t.Run("Subscriptions", func(t *testing.T) { testSubscriptions(t, open(t)) })
	t.Run("ClaimDue", func(t *testing.T) { testClaimDue(t, open(t)) })
	t.Run("Jobs", func(t *testing.T) { testJobs(t, open(t)) })
	t.Run("JobsConcurrent", func(t *testing.T) { testJobsConcurrent(t, open(t)) })
	t.Run("Changes", func(t *testing.T) { testChanges(t, open(t)) })
}

// NewArticle returns a valid article keyed by its content.
func NewArticle(source, title, text string, published time.Time) *parallax.Article {
	a := &parallax.Article{Source: source, Title: title, Text: text, Published: published}
	if !published.IsZero() {
		a.PublishedMethod, a.PublishedPrecision = parallax.PublishedMetadata, parallax.PrecisionTime
	}
	a.ContentHash = parallax.ContentHash(title, text)
	a.Key = parallax.ArticleKey(a, false, "")
	return a
}

func put(t *testing.T, s Stores, as ...*parallax.Article) []parallax.PutResult {
	t.Helper()
	res, err := s.Articles.PutArticles(context.Background(), as)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	return res
}

func outcomes(res []parallax.PutResult) []parallax.PutOutcome {
	out := make([]parallax.PutOutcome, len(res))
	for i, r := range res {
		out[i] = r.Outcome
	}
	return out
}

func equalOutcomes(a, b []parallax.PutOutcome) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var day = time.Date(2026, 1, 27, 9, 0, 0, 0, time.UTC)

func testPutArticles(t *testing.T, s Stores) {
	a := NewArticle("Outlet A", "Title one", "Body one.", day)
	b := NewArticle("Outlet B", "Title two", "Body two.", day)
	res := put(t, s, a, b)
	if got, want := outcomes(res), []parallax.PutOutcome{parallax.Added, parallax.Added}; !equalOutcomes(got, want) {
		t.Fatalf("first put: %v, want %v", got, want)
	}
	if res[0].ID == 0 || res[0].ID == res[1].ID || a.ID != res[0].ID {
		t.Fatalf("IDs not assigned: results %+v, a.ID %d", res, a.ID)
	}

	again := NewArticle("Outlet A", "Title one", "Body one.", day)
	res2 := put(t, s, again)
	if res2[0].Outcome != parallax.Unchanged || res2[0].ID != res[0].ID {
		t.Errorf("re-put: %+v, want unchanged id %d", res2[0], res[0].ID)
	}

	edited := NewArticle("Outlet A", "Title one", "Body one, corrected.", day)
	edited.Key = a.Key
	res3 := put(t, s, edited)
	if res3[0].Outcome != parallax.Updated || res3[0].ID != res[0].ID {
		t.Errorf("edited put: %+v, want updated id %d", res3[0], res[0].ID)
	}
	got, err := s.Articles.FindArticleByID(context.Background(), res[0].ID)
	if err != nil {
		t.Fatalf("FindArticleByID: %v", err)
	}
	if got.Text != "Body one, corrected." || got.ContentHash != edited.ContentHash {
		t.Errorf("after update: text %q hash %q", got.Text, got.ContentHash)
	}
	if _, total, _ := s.Articles.FindArticles(context.Background(), parallax.ArticleFilter{}); total != 2 {
		t.Errorf("total articles = %d, want 2", total)
	}
}

// testPutDecodedHash: an article stored again from the same decoded input
// is unchanged even when cleaned otherwise; cleaned again without a
// decoded hash, it is updated and keeps the one stored.
func testPutDecodedHash(t *testing.T, s Stores) {
	version := func(text, decoded string) *parallax.Article {
		a := NewArticle("Outlet A", "Title", text, day)
		a.Key, a.DecodedHash = "k", decoded
		return a
	}
	steps := []struct {
		a    *parallax.Article
		want parallax.PutOutcome
		text string
	}{
		{version("Lede.\n\nBody.", "d1"), parallax.Added, "Lede.\n\nBody."},
		{version("Body.", ""), parallax.Updated, "Body."},              // cleaned again
		{version("Lede.\n\nBody.", "d1"), parallax.Unchanged, "Body."}, // the same input
		{version("Lede, corrected.\n\nBody.", "d2"), parallax.Updated, "Lede, corrected.\n\nBody."},
		{version("Body.", "d1"), parallax.Updated, "Body."}, // the first input is not the stored one now
	}
	for i, st := range steps {
		res := put(t, s, st.a)
		got, err := s.Articles.FindArticleByID(context.Background(), res[0].ID)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if res[0].Outcome != st.want || got.Text != st.text {
			t.Errorf("step %d: %v, text %q; want %v, %q", i, res[0].Outcome, got.Text, st.want, st.text)
		}
	}
	// the text as decoded is kept with the cleaned text, and given empty
	// when the stored text is as decoded
	for _, decoded := range []string{"Lede.\n\nBody, as decoded.", ""} {
		a := version("Body, cleaned "+decoded, "")
		a.DecodedText = decoded
		res := put(t, s, a)
		got, err := s.Articles.FindArticleByID(context.Background(), res[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.DecodedText != decoded {
			t.Errorf("decoded text %q, want %q", got.DecodedText, decoded)
		}
	}
}

func testPutInvalidBatch(t *testing.T, s Stores) {
	good := NewArticle("Outlet A", "Good", "Body.", day)
	bad := NewArticle("Outlet A", "Bad", "Body.", day)
	bad.Text = "   "
	_, err := s.Articles.PutArticles(context.Background(), []*parallax.Article{good, bad})
	if code := parallax.ErrorCode(err); code != parallax.EINVALID {
		t.Fatalf("error code = %q (%v), want %q", code, err, parallax.EINVALID)
	}
	if _, total, _ := s.Articles.FindArticles(context.Background(), parallax.ArticleFilter{}); total != 0 {
		t.Errorf("a rejected batch stored %d articles", total)
	}
}

func testFindArticles(t *testing.T, s Stores) {
	ctx := context.Background()
	var all []*parallax.Article
	for i, src := range []string{"A", "B", "A", "C", "A"} {
		all = append(all, NewArticle(src, "Title "+string(rune('a'+i)), "Body "+string(rune('a'+i)), day))
	}
	all[1].ExternalID, all[1].URL, all[1].CanonicalURL = "ext-1", "https://b.example/x?utm_source=y", "https://b.example/x"
	all[1].Byline, all[1].Language = "Jo Writer", "en"
	put(t, s, all...)

	got, total, err := s.Articles.FindArticles(ctx, parallax.ArticleFilter{Source: ptr("A"), Limit: 2})
	if err != nil {
		t.Fatalf("FindArticles: %v", err)
	}
	if total != 3 || len(got) != 2 || got[0].ID != all[0].ID || got[1].ID != all[2].ID {
		t.Errorf("source A, limit 2: total %d, got %d articles", total, len(got))
	}
	if got[0].Text != "" {
		t.Errorf("listing without WithText loaded text %q", got[0].Text)
	}
	got, _, _ = s.Articles.FindArticles(ctx, parallax.ArticleFilter{Source: ptr("A"), Offset: 2, WithText: true})
	if len(got) != 1 || got[0].ID != all[4].ID || got[0].Text != "Body e" {
		t.Errorf("source A offset 2: %+v", got)
	}
	b, err := s.Articles.FindArticleByID(ctx, all[1].ID)
	if err != nil {
		t.Fatalf("FindArticleByID: %v", err)
	}
	want := all[1]
	if b.Source != "B" || b.ExternalID != want.ExternalID || b.URL != want.URL || b.CanonicalURL != want.CanonicalURL ||
		b.Byline != want.Byline || b.Language != "en" || b.Key != want.Key || b.Title != want.Title ||
		b.PublishedMethod != parallax.PublishedMetadata || b.PublishedPrecision != parallax.PrecisionTime ||
		b.IngestedAt.IsZero() || b.SourceID == 0 {
		t.Errorf("round trip lost fields: got %+v", b)
	}
	var walked []int64
	err = parallax.EachArticlePage(ctx, s.Articles, parallax.ArticleFilter{Limit: 2}, func(page []*parallax.Article) error {
		if len(page) > 2 {
			t.Errorf("page of %d articles, limit 2", len(page))
		}
		for _, a := range page {
			walked = append(walked, a.ID)
		}
		return nil
	})
	if err != nil || len(walked) != 5 || walked[0] != all[0].ID || walked[4] != all[4].ID {
		t.Errorf("EachArticlePage walked %v (err %v), want all 5 in ID order", walked, err)
	}
	unassigned, total, _ := s.Articles.FindArticles(ctx, parallax.ArticleFilter{Unassigned: true})
	if total != 5 || len(unassigned) != 5 {
		t.Errorf("unassigned = %d, want 5", total)
	}
	got, total, err = s.Articles.FindArticles(ctx, parallax.ArticleFilter{Source: ptr("A"), AfterID: all[0].ID, NoTotal: true})
	if err != nil || total != -1 || len(got) != 2 || got[0].ID != all[2].ID || got[1].ID != all[4].ID {
		t.Errorf("source A after the first, no total: total %d, %d articles (err %v)", total, len(got), err)
	}
	walked = walked[:0]
	err = parallax.EachArticlePage(ctx, s.Articles, parallax.ArticleFilter{Source: ptr("A"), Offset: 1, Limit: 1}, func(page []*parallax.Article) error {
		for _, a := range page {
			walked = append(walked, a.ID)
		}
		return nil
	})
	if err != nil || !slices.Equal(walked, []int64{all[2].ID, all[4].ID}) {
		t.Errorf("EachArticlePage from offset 1, one a page, walked %v (err %v), want the second and third of A", walked, err)
	}
}

func testPublishedOffset(t *testing.T, s Stores) {
	tokyo := time.FixedZone("JST", 9*3600)
	pub := time.Date(2026, 1, 27, 8, 30, 0, 0, tokyo)
	a := NewArticle("A", "T", "B", pub)
	put(t, s, a)
	got, err := s.Articles.FindArticleByID(context.Background(), a.ID)
	if err != nil {
		t.Fatalf("FindArticleByID: %v", err)
	}
	if !got.Published.Equal(pub) {
		t.Errorf("published = %v, want %v", got.Published, pub)
	}
	if _, off := got.Published.Zone(); off != 9*3600 {
		t.Errorf("published offset = %d, want %d", off, 9*3600)
	}
	none := NewArticle("A", "Undated", "B", time.Time{})
	put(t, s, none)
	if got, _ := s.Articles.FindArticleByID(context.Background(), none.ID); !got.Published.IsZero() {
		t.Errorf("unknown date came back as %v", got.Published)
	}
}

// testStoryFilters: stories by outlet, language and date, in each order.
func testStoryFilters(t *testing.T, s Stores) {
	ctx := context.Background()
	a1 := NewArticle("Ledger", "Big", "x", day)
	a2 := NewArticle("Wire", "Big too", "y", day.Add(time.Hour))
	a3 := NewArticle("Herald", "Big three", "z", day.Add(2*time.Hour))
	b1 := NewArticle("Ledger", "Recent", "w", day.Add(72*time.Hour))
	c1 := NewArticle("Zeitung", "Deutsch", "v", day.Add(24*time.Hour))
	c2 := NewArticle("Zeitung", "Deutsch zwei", "u", day.Add(25*time.Hour))
	c1.Language, c2.Language = "de", "de"
	put(t, s, a1, a2, a3, b1, c1, c2)
	err := s.Stories.AssignStories(ctx, []parallax.Assignment{
		{ArticleID: a1.ID, StoryID: a1.ID, StorylineID: a1.ID, Title: "Big"},
		{ArticleID: a2.ID, StoryID: a1.ID, StorylineID: a1.ID},
		{ArticleID: a3.ID, StoryID: a1.ID, StorylineID: a1.ID},
		{ArticleID: b1.ID, StoryID: b1.ID, StorylineID: b1.ID, Title: "Recent"},
		{ArticleID: c1.ID, StoryID: c1.ID, StorylineID: c1.ID, Title: "Deutsch"},
		{ArticleID: c2.ID, StoryID: c1.ID, StorylineID: c1.ID},
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(f parallax.StoryFilter) []int64 {
		t.Helper()
		stories, total, err := s.Stories.FindStories(ctx, f)
		if err != nil {
			t.Fatalf("FindStories(%+v): %v", f, err)
		}
		if total != len(stories) {
			t.Errorf("FindStories(%+v): total %d, %d stories", f, total, len(stories))
		}
		var out []int64
		for _, st := range stories {
			out = append(out, st.ID)
		}
		return out
	}
	for _, tt := range []struct {
		name   string
		filter parallax.StoryFilter
		want   []int64
	}{
		{"recent", parallax.StoryFilter{}, []int64{b1.ID, c1.ID, a1.ID}},
		{"sources", parallax.StoryFilter{Sort: parallax.SortSources}, []int64{a1.ID, b1.ID, c1.ID}},
		{"articles", parallax.StoryFilter{Sort: parallax.SortArticles}, []int64{a1.ID, c1.ID, b1.ID}},
		{"source", parallax.StoryFilter{Source: "Ledger"}, []int64{b1.ID, a1.ID}},
		{"language", parallax.StoryFilter{Language: "de"}, []int64{c1.ID}},
		{"since", parallax.StoryFilter{Since: day.Add(25 * time.Hour)}, []int64{b1.ID, c1.ID}},
		{"all of them", parallax.StoryFilter{Source: "Ledger", Since: day.Add(3 * time.Hour), Sort: parallax.SortSources}, []int64{b1.ID}},
		{"unknown source", parallax.StoryFilter{Source: "Nobody"}, nil},
	} {
		if got := ids(tt.filter); !slices.Equal(got, tt.want) {
			t.Errorf("%s: stories %v, want %v", tt.name, got, tt.want)
		}
	}
	if _, _, err := s.Stories.FindStories(ctx, parallax.StoryFilter{Sort: "best"}); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Errorf("unknown order: %v, want EINVALID", err)
	}
}

func testAssignStories(t *testing.T, s Stores) {
	ctx := context.Background()
	a := NewArticle("A", "First", "x", day)
	b := NewArticle("B", "Second", "y", day.Add(48*time.Hour))
	c := NewArticle("A", "Third", "z", day.Add(24*time.Hour))
	put(t, s, a, b, c)
	err := s.Stories.AssignStories(ctx, []parallax.Assignment{
		{ArticleID: a.ID, StoryID: a.ID, StorylineID: a.ID, Title: "First"},
		{ArticleID: b.ID, StoryID: a.ID, StorylineID: a.ID, DuplicateOf: a.ID},
		{ArticleID: c.ID, StoryID: c.ID, StorylineID: a.ID, Title: "Third"},
	})
	if err != nil {
		t.Fatalf("AssignStories: %v", err)
	}
	st, err := s.Stories.FindStoryByID(ctx, a.ID)
	if err != nil {
		t.Fatalf("FindStoryByID: %v", err)
	}
	if st.Title != "First" || st.Articles != 2 || st.Sources != 2 || st.StorylineID != a.ID {
		t.Errorf("story = %+v", st)
	}
	if !st.FirstPublished.Equal(day) || !st.LastPublished.Equal(day.Add(48*time.Hour)) {
		t.Errorf("story dates = %v .. %v", st.FirstPublished, st.LastPublished)
	}
	stories, total, err := s.Stories.FindStories(ctx, parallax.StoryFilter{StorylineID: &a.ID})
	if err != nil || total != 2 || len(stories) != 2 {
		t.Fatalf("FindStories by storyline: %d stories, total %d, err %v", len(stories), total, err)
	}
	if stories[0].ID != a.ID {
		t.Errorf("most recent story first: got %d, want %d", stories[0].ID, a.ID)
	}
	got, _ := s.Articles.FindArticleByID(ctx, b.ID)
	if got.StoryID != a.ID || got.StorylineID != a.ID || got.DuplicateOf != a.ID {
		t.Errorf("article b: story %d storyline %d dup %d", got.StoryID, got.StorylineID, got.DuplicateOf)
	}
	if _, n, _ := s.Articles.FindArticles(ctx, parallax.ArticleFilter{Unassigned: true}); n != 0 {
		t.Errorf("unassigned after assignment = %d", n)
	}
	if _, n, _ := s.Articles.FindArticles(ctx, parallax.ArticleFilter{Assigned: true}); n != 3 {
		t.Errorf("assigned after assignment = %d, want 3", n)
	}
	byStory, n, _ := s.Articles.FindArticles(ctx, parallax.ArticleFilter{StoryID: &a.ID})
	if n != 2 || byStory[0].ID != a.ID || byStory[1].ID != b.ID {
		t.Errorf("articles of story %d: %d", a.ID, n)
	}
}

func testReassign(t *testing.T, s Stores) {
	ctx := context.Background()
	a := NewArticle("A", "First", "x", day)
	b := NewArticle("B", "Second", "y", day)
	put(t, s, a, b)
	assign := func(as ...parallax.Assignment) {
		t.Helper()
		if err := s.Stories.AssignStories(ctx, as); err != nil {
			t.Fatalf("AssignStories: %v", err)
		}
	}
	assign(parallax.Assignment{ArticleID: a.ID, StoryID: a.ID, StorylineID: a.ID},
		parallax.Assignment{ArticleID: b.ID, StoryID: b.ID, StorylineID: b.ID})
	assign(parallax.Assignment{ArticleID: b.ID, StoryID: a.ID, StorylineID: a.ID})
	old, err := s.Stories.FindStoryByID(ctx, b.ID)
	if err != nil {
		t.Fatalf("FindStoryByID: %v", err)
	}
	if old.Articles != 0 || old.Sources != 0 {
		t.Errorf("story left behind still counts %d articles, %d sources", old.Articles, old.Sources)
	}
	if st, _ := s.Stories.FindStoryByID(ctx, a.ID); st.Articles != 2 {
		t.Errorf("story gained an article but counts %d", st.Articles)
	}
}

func testAssignUnknownArticle(t *testing.T, s Stores) {
	ctx := context.Background()
	a := NewArticle("A", "First", "x", day)
	put(t, s, a)
	err := s.Stories.AssignStories(ctx, []parallax.Assignment{
		{ArticleID: a.ID, StoryID: a.ID, StorylineID: a.ID},
		{ArticleID: a.ID + 1000, StoryID: a.ID, StorylineID: a.ID},
	})
	if code := parallax.ErrorCode(err); code != parallax.ENOTFOUND {
		t.Fatalf("error code = %q (%v), want %q", code, err, parallax.ENOTFOUND)
	}
	if _, n, _ := s.Articles.FindArticles(ctx, parallax.ArticleFilter{Unassigned: true}); n != 1 {
		t.Errorf("failed batch was partly applied: %d unassigned, want 1", n)
	}
	if err := s.Stories.AssignStories(ctx, []parallax.Assignment{{ArticleID: a.ID}}); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Errorf("zero story ID: error %v, want invalid", err)
	}
}

func testNotFound(t *testing.T, s Stores) {
	ctx := context.Background()
	if _, err := s.Articles.FindArticleByID(ctx, 42); parallax.ErrorCode(err) != parallax.ENOTFOUND {
		t.Errorf("FindArticleByID(42): %v, want not found", err)
	}
	if _, err := s.Stories.FindStoryByID(ctx, 42); parallax.ErrorCode(err) != parallax.ENOTFOUND {
		t.Errorf("FindStoryByID(42): %v, want not found", err)
	}
	stories, total, err := s.Stories.FindStories(ctx, parallax.StoryFilter{IDs: []int64{}})
	if err != nil || total != 0 || len(stories) != 0 {
		t.Errorf("FindStories(no IDs) = %d, %d, %v", len(stories), total, err)
	}
}

func testSources(t *testing.T, s Stores) {
	ctx := context.Background()
	put(t, s, NewArticle("Beta", "1", "x", day), NewArticle("Alpha", "2", "y", day), NewArticle("Beta", "3", "z", day))
	srcs, total, err := s.Sources.FindSources(ctx, parallax.SourceFilter{})
	if err != nil {
		t.Fatalf("FindSources: %v", err)
	}
	if total != 2 || srcs[0].Name != "Alpha" || srcs[0].Articles != 1 || srcs[1].Name != "Beta" || srcs[1].Articles != 2 {
		t.Errorf("sources = %+v (total %d)", srcs, total)
	}
	one, _, _ := s.Sources.FindSources(ctx, parallax.SourceFilter{Name: ptr("Beta")})
	if len(one) != 1 || one[0].Name != "Beta" {
		t.Errorf("FindSources(name Beta) = %+v", one)
	}
}

func testMergeStories(t *testing.T, s Stores) {
	ctx := context.Background()
	a := NewArticle("A", "First", "x", day)
	b := NewArticle("B", "Second", "y", day.Add(24*time.Hour))
	c := NewArticle("C", "Third", "z", day.Add(48*time.Hour))
	put(t, s, a, b, c)
	err := s.Stories.AssignStories(ctx, []parallax.Assignment{
		{ArticleID: a.ID, StoryID: a.ID, StorylineID: a.ID},
		{ArticleID: b.ID, StoryID: b.ID, StorylineID: b.ID},
		{ArticleID: c.ID, StoryID: c.ID, StorylineID: c.ID},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Stories.MergeStories(ctx, b.ID, a.ID); err != nil {
		t.Fatalf("MergeStories: %v", err)
	}
	// An alias of an alias resolves too.
	if err := s.Stories.MergeStories(ctx, a.ID, c.ID); err != nil {
		t.Fatalf("MergeStories: %v", err)
	}
	for _, id := range []int64{a.ID, b.ID, c.ID} {
		st, err := s.Stories.FindStoryByID(ctx, id)
		if err != nil {
			t.Fatalf("FindStoryByID(%d): %v", id, err)
		}
		if st.ID != c.ID || st.Articles != 3 || st.Sources != 3 || !st.FirstPublished.Equal(day) {
			t.Errorf("story %d resolves to %+v", id, st)
		}
	}
	if _, n, _ := s.Stories.FindStories(ctx, parallax.StoryFilter{}); n != 1 {
		t.Errorf("%d stories after merging three into one", n)
	}
	if err := s.Stories.MergeStories(ctx, c.ID, c.ID); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Errorf("self-merge: %v", err)
	}
	if err := s.Stories.MergeStories(ctx, 999, c.ID); parallax.ErrorCode(err) != parallax.ENOTFOUND {
		t.Errorf("merge of a missing story: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }

func testSourceLines(t *testing.T, s Stores) {
	ctx := context.Background()
	const boiler, body, other = 11, 22, 33
	huge := uint64(1) << 63 // hashes use all 64 bits
	sight := func(src, key string, title uint64, lines ...uint64) parallax.LineSighting {
		return parallax.LineSighting{Source: src, ArticleKey: key, Title: title, Lines: lines}
	}
	steps := [][]parallax.LineSighting{
		{sight("S", "k1", 1, boiler, body, huge)},
		// A second version of k1's article, same title: counts once.
		{sight("S", "k1b", 1, boiler, body)},
		// Recording a sighting again changes nothing.
		{sight("S", "k1", 1, boiler, body, huge), sight("S", "k2", 2, boiler, huge)},
		{sight("S", "k3", 3, boiler), sight("S", "k4", 4, boiler), sight("T", "t1", 1, other, boiler)},
	}
	var recorded map[string]map[uint64]parallax.LineCount
	for i, st := range steps {
		var err error
		if recorded, err = s.Lines.RecordLines(ctx, st); err != nil {
			t.Fatalf("RecordLines step %d: %v", i, err)
		}
	}
	// the last step's counts, as RecordLines returns them: its own
	// paragraphs, with the titles recorded before it
	wantRecorded := map[string]map[uint64]parallax.LineCount{
		"S": {boiler: {Titles: parallax.LineTitleCap, Articles: []string{"k1", "k2", "k3"}}},
		"T": {boiler: {Titles: 1, Articles: []string{"t1"}}, other: {Titles: 1, Articles: []string{"t1"}}},
	}
	if !reflect.DeepEqual(recorded, wantRecorded) {
		t.Errorf("RecordLines returned %+v, want %+v", recorded, wantRecorded)
	}
	got, err := s.Lines.LineCounts(ctx, "S", []uint64{boiler, body, huge, other, boiler})
	if err != nil {
		t.Fatalf("LineCounts: %v", err)
	}
	want := map[uint64]parallax.LineCount{
		boiler: {Titles: parallax.LineTitleCap, Articles: []string{"k1", "k2", "k3"}},
		body:   {Titles: 1, Articles: []string{"k1"}},
		huge:   {Titles: 2, Articles: []string{"k1", "k2"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LineCounts(S) = %+v, want %+v", got, want)
	}
	if got, _ := s.Lines.LineCounts(ctx, "T", []uint64{boiler}); got[boiler].Titles != 1 {
		t.Errorf("counts leak across sources: %+v", got)
	}
	if got, err := s.Lines.LineCounts(ctx, "Unknown", []uint64{boiler}); err != nil || len(got) != 0 {
		t.Errorf("LineCounts(unknown source) = %+v, %v", got, err)
	}
}

func testFindArticlesByKeys(t *testing.T, s Stores) {
	ctx := context.Background()
	a, b, c := NewArticle("S", "1", "x", day), NewArticle("S", "2", "y", day), NewArticle("S", "3", "z", day)
	put(t, s, a, b, c)
	got, n, err := s.Articles.FindArticles(ctx, parallax.ArticleFilter{Keys: []string{c.Key, a.Key, "missing"}, WithText: true})
	if err != nil || n != 2 || len(got) != 2 || got[0].Key != a.Key || got[1].Key != c.Key || got[1].Text != "z" {
		t.Errorf("FindArticles(keys) = %d articles (total %d), %v", len(got), n, err)
	}
	if got, n, err := s.Articles.FindArticles(ctx, parallax.ArticleFilter{Keys: []string{}}); err != nil || n != 0 || len(got) != 0 {
		t.Errorf("FindArticles(no keys) = %d articles (total %d), %v", len(got), n, err)
	}
}

func testAnnotations(t *testing.T, s Stores) {
	ctx := context.Background()
	a, b := NewArticle("S", "One", "first text", day), NewArticle("S", "Two", "second text", day)
	put(t, s, a, b)
	stale := func(version string) []int64 {
		t.Helper()
		as, err := s.Annotations.StaleArticles(ctx, version, 10)
		if err != nil {
			t.Fatalf("StaleArticles: %v", err)
		}
		var ids []int64
		for _, x := range as {
			if x.Text == "" {
				t.Errorf("stale article %d without its text", x.ID)
			}
			ids = append(ids, x.ID)
		}
		return ids
	}
	if got := stale("v1"); !reflect.DeepEqual(got, []int64{a.ID, b.ID}) {
		t.Errorf("stale before annotating = %v", got)
	}
	err := s.Annotations.PutAnnotations(ctx, []*parallax.ArticleAnnotation{
		{ArticleID: a.ID, ContentHash: a.ContentHash, Version: "v1", Data: []byte(`{"sentences":[]}`)}})
	if err != nil {
		t.Fatalf("PutAnnotations: %v", err)
	}
	if got := stale("v1"); !reflect.DeepEqual(got, []int64{b.ID}) {
		t.Errorf("stale after annotating one = %v", got)
	}
	if got := stale("v2"); !reflect.DeepEqual(got, []int64{a.ID, b.ID}) {
		t.Errorf("stale for a new analyzer version = %v", got)
	}
	// new text makes the annotation stale
	a2 := *a
	a2.Text = "first text, corrected"
	a2.ContentHash = parallax.ContentHash(a2.Title, a2.Text)
	put(t, s, &a2)
	if got := stale("v1"); !reflect.DeepEqual(got, []int64{a.ID, b.ID}) {
		t.Errorf("stale after the text changed = %v", got)
	}
	got, err := s.Annotations.FindAnnotations(ctx, []int64{a.ID, b.ID, 999})
	if err != nil || len(got) != 1 || string(got[a.ID].Data) != `{"sentences":[]}` || got[a.ID].Version != "v1" {
		t.Errorf("FindAnnotations = %+v, %v", got, err)
	}
	err = s.Annotations.PutAnnotations(ctx, []*parallax.ArticleAnnotation{{ArticleID: 999, ContentHash: "x", Version: "v1", Data: []byte("{}")}})
	if parallax.ErrorCode(err) != parallax.ENOTFOUND {
		t.Errorf("annotation of a missing article: %v", err)
	}
}

// testStableKeys stores an article keyed by its input's own ID, a key
// that holds a NUL between its parts, and finds it again by that key.
func testStableKeys(t *testing.T, s Stores) {
	ctx := context.Background()
	a := NewArticle("The Ledger", "Title", "text", day)
	a.ExternalID = "ledger-1"
	a.Key = parallax.ArticleKey(a, true, "")
	put(t, s, a)
	got, _, err := s.Articles.FindArticles(ctx, parallax.ArticleFilter{Keys: []string{a.Key}})
	if err != nil || len(got) != 1 || got[0].Key != a.Key {
		t.Fatalf("FindArticles(key %q) = %+v, %v", a.Key, got, err)
	}
	b := *a
	if res := put(t, s, &b); res[0].Outcome != parallax.Unchanged {
		t.Errorf("the same article again: %s", res[0].Outcome)
	}
	_, err = s.Lines.RecordLines(ctx, []parallax.LineSighting{{Source: "The Ledger", ArticleKey: a.Key, Title: 1, Lines: []uint64{7}}})
	if err != nil {
		t.Fatal(err)
	}
	if c, err := s.Lines.LineCounts(ctx, "The Ledger", []uint64{7}); err != nil || len(c[7].Articles) != 1 || c[7].Articles[0] != a.Key {
		t.Errorf("LineCounts = %+v, %v", c, err)
	}
}

func testSearch(t *testing.T, s Stores) {
	ctx := context.Background()
	a := NewArticle("Ledger", "Bridge collapses in Brennmoor", "The Halvard Bridge collapsed on Monday, injuring 14 people.", day)
	b := NewArticle("Wire", "Mayor vows answers", "Mayor Ilse Vandermeer promised an inquiry into the bridge.", day)
	c := NewArticle("Radio", "Orchestra season opens", "The city orchestra opened its season.", day)
	put(t, s, a, b, c)
	ids := func(q string) []int64 {
		t.Helper()
		hits, err := s.Search.Search(ctx, q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		var out []int64
		for _, h := range hits {
			out = append(out, h.ArticleID)
			if h.Snippet == "" || h.Title == "" || h.Source == "" {
				t.Errorf("Search(%q) hit without snippet, title or source: %+v", q, h)
			}
		}
		return out
	}
	if got := ids("bridge"); len(got) != 2 {
		t.Errorf("bridge: %v", got)
	}
	if got := ids("Vandermeer bridge"); !reflect.DeepEqual(got, []int64{b.ID}) {
		t.Errorf("all words must match: %v", got)
	}
	if got := ids(`orchestra" OR "bridge`); !reflect.DeepEqual(got, []int64{}) && got != nil {
		t.Errorf("operators in the query must not work: %v", got)
	}
	if got := ids("!!! ***"); len(got) != 0 {
		t.Errorf("a query without words: %v", got)
	}
	// an updated text is searched as updated
	a2 := *a
	a2.Text = "The Halvard Bridge collapsed on Monday; a ferry now runs."
	a2.ContentHash = parallax.ContentHash(a2.Title, a2.Text)
	put(t, s, &a2)
	if got := ids("ferry"); !reflect.DeepEqual(got, []int64{a.ID}) {
		t.Errorf("ferry after the update: %v", got)
	}
	if got := ids("injuring"); len(got) != 0 {
		t.Errorf("the old text is still found: %v", got)
	}
}

func testSubscriptions(t *testing.T, s Stores) {
	ctx := context.Background()
	sub := &parallax.Subscription{URL: "https://news.example/feed.xml", Interval: 15 * time.Minute}
	created, err := s.Subs.AddSubscription(ctx, sub)
	if err != nil || !created || sub.ID == 0 || sub.Added.IsZero() || sub.NextFetch.IsZero() {
		t.Fatalf("add: created %v, %+v, %v", created, sub, err)
	}
	again := &parallax.Subscription{URL: sub.URL, Interval: time.Hour}
	created, err = s.Subs.AddSubscription(ctx, again)
	if err != nil || created || again.ID != sub.ID || again.Interval != time.Hour {
		t.Fatalf("add again: created %v, %+v, %v", created, again, err)
	}
	if _, err := s.Subs.AddSubscription(ctx, &parallax.Subscription{URL: "https://x.example/", Interval: time.Second}); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Fatalf("interval of a second: %v, want invalid", err)
	}
	other := &parallax.Subscription{URL: "https://other.example/sitemap.xml", Interval: time.Hour}
	if _, err := s.Subs.AddSubscription(ctx, other); err != nil {
		t.Fatal(err)
	}

	// the fetch record round-trips
	fetched := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	again.Title, again.Kind, again.ETag, again.LastModified = "News", "feed", `"v1"`, "Sun, 01 Mar 2026 09:00:00 GMT"
	again.LastFetch, again.LastSuccess, again.LastError, again.Failures = fetched, fetched.Add(-time.Hour), "HTTP 500", 2
	again.Collected, again.NextFetch = 7, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := s.Subs.UpdateSubscription(ctx, again); err != nil {
		t.Fatal(err)
	}
	got, err := s.Subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{ID: &again.ID})
	if err != nil || len(got) != 1 {
		t.Fatalf("find by ID: %v, %v", got, err)
	}
	want := *again
	if !reflect.DeepEqual(*got[0], want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", *got[0], want)
	}

	// due: other is due since it was added, again only in 2100
	soon := time.Now().Add(time.Hour)
	due, err := s.Subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{DueBy: soon})
	if err != nil || len(due) != 1 || due[0].ID != other.ID {
		t.Errorf("due by %v: %v, %v", soon, due, err)
	}
	byURL, err := s.Subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{URL: &other.URL})
	if err != nil || len(byURL) != 1 || byURL[0].ID != other.ID {
		t.Errorf("by URL: %v, %v", byURL, err)
	}

	if err := s.Subs.RemoveSubscription(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Subs.RemoveSubscription(ctx, other.ID); parallax.ErrorCode(err) != parallax.ENOTFOUND {
		t.Errorf("remove twice: %v, want not found", err)
	}
	other.NextFetch = fetched
	if err := s.Subs.UpdateSubscription(ctx, other); parallax.ErrorCode(err) != parallax.ENOTFOUND {
		t.Errorf("update removed: %v, want not found", err)
	}
	all, err := s.Subs.FindSubscriptions(ctx, parallax.SubscriptionFilter{})
	if err != nil || len(all) != 1 {
		t.Errorf("all after remove: %v, %v", all, err)
	}

	// collected URLs: marking twice changes nothing
	urls := []string{"https://news.example/a", "https://news.example/b"}
	for range 2 {
		if err := s.Subs.MarkCollected(ctx, urls); err != nil {
			t.Fatal(err)
		}
	}
	seen, err := s.Subs.Collected(ctx, append(urls, "https://news.example/c"))
	if err != nil || !reflect.DeepEqual(seen, map[string]bool{urls[0]: true, urls[1]: true}) {
		t.Errorf("collected: %v, %v", seen, err)
	}
}

func testJobs(t *testing.T, s Stores) {
	ctx := context.Background()
	jobs := []*parallax.Job{
		{Kind: parallax.JobIngest, Key: "ingest:a", Payload: []byte(`{"name":"a"}`)},
		{Kind: parallax.JobIngest, Key: "ingest:b", Payload: []byte{0, 1, 2, 255}},
		{Kind: parallax.JobAnnotate, Payload: []byte(`{"keys":["x"]}`)},
	}
	if n, err := s.Jobs.EnqueueJobs(ctx, jobs); err != nil || n != 3 {
		t.Fatalf("enqueue: %d, %v", n, err)
	}
	// keyed jobs are enqueued once; unkeyed ones each time
	if n, err := s.Jobs.EnqueueJobs(ctx, jobs); err != nil || n != 1 {
		t.Fatalf("enqueue again: %d, %v", n, err)
	}
	c, err := s.Jobs.CountJobs(ctx)
	if err != nil || c != (parallax.JobCounts{Queued: 4, Ingest: 2}) {
		t.Errorf("counts: %+v, %v", c, err)
	}
	a, err := s.Jobs.ClaimJob(ctx, "w1", time.Minute)
	if err != nil || a == nil || a.Key != "ingest:a" || a.Attempts != 1 || string(a.Payload) != `{"name":"a"}` {
		t.Fatalf("first claim: %+v, %v", a, err)
	}
	b, err := s.Jobs.ClaimJob(ctx, "w2", time.Minute)
	if err != nil || b == nil || b.Key != "ingest:b" || !reflect.DeepEqual(b.Payload, []byte{0, 1, 2, 255}) {
		t.Fatalf("second claim: %+v, %v", b, err)
	}
	if err := s.Jobs.ExtendJob(ctx, a.ID, "w2", time.Minute); parallax.ErrorCode(err) != parallax.ECONFLICT {
		t.Errorf("extend another worker's job: %v", err)
	}
	if err := s.Jobs.ExtendJob(ctx, a.ID, "w1", time.Minute); err != nil {
		t.Errorf("extend: %v", err)
	}
	if err := s.Jobs.FinishJob(ctx, a.ID, "w1", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Jobs.FinishJob(ctx, a.ID, "w1", ""); parallax.ErrorCode(err) != parallax.ECONFLICT {
		t.Errorf("finish twice: %v", err)
	}
	// a failure queues the job again, with its error, until the last attempt
	if err := s.Jobs.FinishJob(ctx, b.ID, "w2", "decode: bad bytes"); err != nil {
		t.Fatal(err)
	}
	for attempt := 2; attempt <= parallax.MaxJobAttempts; attempt++ {
		j, err := s.Jobs.ClaimJob(ctx, "w3", time.Minute)
		if err != nil || j == nil || j.ID != b.ID || j.Attempts != attempt || j.LastError != "decode: bad bytes" {
			t.Fatalf("claim of the failed job, attempt %d: %+v, %v", attempt, j, err)
		}
		if err := s.Jobs.FinishJob(ctx, j.ID, "w3", "decode: bad bytes"); err != nil {
			t.Fatal(err)
		}
	}
	c, _ = s.Jobs.CountJobs(ctx)
	if c != (parallax.JobCounts{Queued: 2, Done: 1, Failed: 1}) {
		t.Errorf("counts after failures: %+v", c)
	}

	// a worker that dies loses its lease, and another worker takes the job
	dead, err := s.Jobs.ClaimJob(ctx, "dies", time.Millisecond)
	if err != nil || dead == nil {
		t.Fatalf("claim: %+v, %v", dead, err)
	}
	time.Sleep(5 * time.Millisecond)
	next, err := s.Jobs.ClaimJob(ctx, "w4", time.Minute)
	if err != nil || next == nil || next.ID != dead.ID || next.Attempts != 2 {
		t.Fatalf("claim after the lease expired: %+v, %v", next, err)
	}
	if err := s.Jobs.FinishJob(ctx, dead.ID, "dies", ""); parallax.ErrorCode(err) != parallax.ECONFLICT {
		t.Errorf("the dead worker finished a job it lost: %v", err)
	}
	if err := s.Jobs.FinishJob(ctx, next.ID, "w4", ""); err != nil {
		t.Fatal(err)
	}
	last, _ := s.Jobs.ClaimJob(ctx, "w4", time.Minute)
	if last == nil || last.Kind != parallax.JobAnnotate {
		t.Fatalf("last job: %+v", last)
	}
	s.Jobs.FinishJob(ctx, last.ID, "w4", "")
	if j, err := s.Jobs.ClaimJob(ctx, "w4", time.Minute); j != nil || err != nil {
		t.Errorf("claim from an empty queue: %+v, %v", j, err)
	}
}

// testJobsConcurrent has four workers drain a queue at once: every job
// is done exactly once.
func testJobsConcurrent(t *testing.T, s Stores) {
	ctx := context.Background()
	const n = 60
	var jobs []*parallax.Job
	for i := range n {
		jobs = append(jobs, &parallax.Job{Kind: parallax.JobIngest, Key: fmt.Sprint("job-", i), Payload: []byte(fmt.Sprint(i))})
	}
	if _, err := s.Jobs.EnqueueJobs(ctx, jobs); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			worker := fmt.Sprint("w", w)
			for {
				j, err := s.Jobs.ClaimJob(ctx, worker, time.Minute)
				if err != nil {
					t.Errorf("%s: claim: %v", worker, err)
					return
				}
				if j == nil {
					return
				}
				mu.Lock()
				seen[string(j.Payload)]++
				mu.Unlock()
				if err := s.Jobs.FinishJob(ctx, j.ID, worker, ""); err != nil {
					t.Errorf("%s: finish: %v", worker, err)
				}
			}
		})
	}
	wg.Wait()
	if len(seen) != n {
		t.Errorf("%d distinct jobs done, want %d", len(seen), n)
	}
	for p, k := range seen {
		if k != 1 {
			t.Errorf("job %s done %d times", p, k)
		}
	}
	if c, _ := s.Jobs.CountJobs(ctx); c.Done != n {
		t.Errorf("counts: %+v", c)
	}
}

func testClaimDue(t *testing.T, s Stores) {
	ctx := context.Background()
	for _, u := range []string{"https://a.example/feed", "https://b.example/feed"} {
		if _, err := s.Subs.AddSubscription(ctx, &parallax.Subscription{URL: u, Interval: time.Hour}); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now().Add(time.Minute)
	got := map[string]bool{}
	for range 2 {
		sub, err := s.Subs.ClaimDue(ctx, now, time.Hour)
		if err != nil || sub == nil {
			t.Fatalf("claim: %+v, %v", sub, err)
		}
		got[sub.URL] = true
	}
	if len(got) != 2 {
		t.Errorf("claimed %v: the same source twice", got)
	}
	if sub, err := s.Subs.ClaimDue(ctx, now, time.Hour); sub != nil || err != nil {
		t.Errorf("a third claim got %+v, %v; both are leased", sub, err)
	}
	if sub, err := s.Subs.ClaimDue(ctx, now.Add(2*time.Hour), time.Hour); sub == nil || err != nil {
		t.Errorf("after the lease: %+v, %v", sub, err)
	}
}

// testChanges: every commit moves the change stamp: storing, assigning
// and annotating.
func testChanges(t *testing.T, s Stores) {
	ctx := context.Background()
	stamp := func() string {
		t.Helper()
		v, err := s.Changes(ctx)
		if err != nil || v == "" {
			t.Fatalf("Changes: %q, %v", v, err)
		}
		return v
	}
	a := NewArticle("Ledger", "Bridge collapses", "Text.", time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	writes := []struct {
		name  string
		write func() error
	}{
		{"PutArticles", func() error { _, err := s.Articles.PutArticles(ctx, []*parallax.Article{a}); return err }},
		{"AssignStories", func() error {
			return s.Stories.AssignStories(ctx, []parallax.Assignment{{ArticleID: a.ID, StoryID: a.ID, StorylineID: a.ID, Title: a.Title}})
		}},
		{"PutAnnotations", func() error {
			return s.Annotations.PutAnnotations(ctx, []*parallax.ArticleAnnotation{{ArticleID: a.ID, ContentHash: a.ContentHash, Version: "v1", Data: []byte("{}")}})
		}},
	}
	for _, w := range writes {
		before := stamp()
		if err := w.write(); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if after := stamp(); after == before {
			t.Errorf("%s left the change stamp at %s", w.name, after)
		}
	}
}
