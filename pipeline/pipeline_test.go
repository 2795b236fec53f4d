package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/sqlite"
)

type env struct {
	db       *sqlite.DB
	articles *sqlite.ArticleService
	stories  *sqlite.StoryService
}

func newEnv(t *testing.T) *env {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "p.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &env{db: db, articles: sqlite.NewArticleService(db), stories: sqlite.NewStoryService(db)}
}

func (e *env) pipeline() *pipeline.Pipeline {
	p := pipeline.New(e.articles, e.stories, input.NewDecoder(), cluster.Singleton{})
	p.Lines = sqlite.NewSourceLineService(e.db)
	p.Annotations = sqlite.NewAnnotationService(e.db)
	return p
}

func (e *env) ingestJSONL(t *testing.T, lines ...string) pipeline.Summary {
	t.Helper()
	p := e.pipeline()
	p.Stdin = strings.NewReader(strings.Join(lines, "\n"))
	sum, err := p.Ingest(context.Background(), []string{"-"})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func (e *env) texts(t *testing.T) map[string]string {
	t.Helper()
	as, _, err := e.articles.FindArticles(context.Background(), parallax.ArticleFilter{WithText: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, a := range as {
		out[a.Key] = a.Text
	}
	return out
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIngestTwiceIsIdempotent(t *testing.T) {
	e := newEnv(t)
	dir := writeFiles(t, map[string]string{
		"a.txt":         "Title A\nBody of A on March 3, 2026.",
		"sub/b.txt":     "Title B\nBody of B.",
		"feed.jsonl":    `{"id":"1","source":"S","title":"C","text":"Body C"}` + "\n" + `{"id":"2","source":"S","title":"D","text":"Body D"}`,
		"empty.txt":     "",
		"broken.jsonl":  `{"id":"x","source":"S","text":"ok"}` + "\n{oops\n",
		"np/item1.json": `{"maintext":"NP body","source_domain":"np.example","title":"NP","filename":"item1"}`,
	})
	ctx := context.Background()
	sum, err := e.pipeline().Ingest(ctx, []string{dir, filepath.Join(dir, "nope.txt")})
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	if sum.Added != 6 || sum.Failed != 3 || sum.Assigned != 6 || sum.Annotated != 6 {
		t.Errorf("first run: %+v", sum)
	}
	reasons := map[string]string{}
	for _, f := range sum.Failures {
		reasons[strings.TrimPrefix(f.Origin, dir+"/")] = f.Reason
	}
	for origin, want := range map[string]string{"empty.txt": "empty input", "broken.jsonl:2": "invalid JSON", "nope.txt": "no such file"} {
		if !strings.Contains(reasons[origin], want) {
			t.Errorf("failure for %s = %q, want %q (all: %v)", origin, reasons[origin], want, reasons)
		}
	}

	sum2, err := e.pipeline().Ingest(ctx, []string{dir})
	if err != nil {
		t.Fatalf("second Ingest: %v", err)
	}
	if sum2.Added != 0 || sum2.Updated != 0 || sum2.Unchanged != 6 || sum2.Assigned != 0 || sum2.Annotated != 0 {
		t.Errorf("second run changed something: %+v", sum2)
	}
	stories, total, _ := e.stories.FindStories(ctx, parallax.StoryFilter{})
	if total != 6 {
		t.Errorf("stories = %d, want one per article", total)
	}
	for _, st := range stories {
		if st.Articles != 1 || st.StorylineID != st.ID {
			t.Errorf("story %+v is not a singleton", st)
		}
	}
}

func TestCancelledIngestLosesNothing(t *testing.T) {
	e := newEnv(t)
	var lines []string
	for i := range 50 {
		lines = append(lines, `{"id":"`+string(rune('A'+i%26))+strings.Repeat("x", i)+`","source":"S","text":"Body number `+strings.Repeat("y", i)+`"}`)
	}
	dir := writeFiles(t, map[string]string{"big.jsonl": strings.Join(lines, "\n")})
	ctx, cancel := context.WithCancel(context.Background())
	p := e.pipeline()
	p.BatchSize = 10
	p.Progress = func(pr pipeline.Progress) {
		if pr.Summary.Added >= 20 {
			cancel()
		}
	}
	sum, err := p.Ingest(ctx, []string{dir})
	if err == nil {
		t.Fatal("cancelled ingest returned no error")
	}
	_, stored, _ := e.articles.FindArticles(context.Background(), parallax.ArticleFilter{})
	if stored != sum.Added || stored < 20 || stored == 50 {
		t.Fatalf("stored %d, summary says added %d", stored, sum.Added)
	}
	if err := e.db.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	// A rerun finishes the work: the rest is added and everything assigned.
	sum2, err := e.pipeline().Ingest(context.Background(), []string{dir})
	if err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if sum2.Added+sum2.Unchanged != 50 || sum2.Unchanged != stored || sum2.Assigned != 50 {
		t.Errorf("rerun: %+v", sum2)
	}
}

func TestStdin(t *testing.T) {
	e := newEnv(t)
	p := e.pipeline()
	p.Stdin = strings.NewReader(`{"source":"S","title":"From stdin","text":"Body","published":"2026-01-01"}` + "\n")
	var last pipeline.Progress
	p.Progress = func(pr pipeline.Progress) { last = pr }
	sum, err := p.Ingest(context.Background(), []string{"-"})
	if err != nil || sum.Added != 1 {
		t.Fatalf("stdin ingest: %+v, %v", sum, err)
	}
	if last.BytesTotal != -1 || last.BytesDone == 0 || last.InputsDone != 1 {
		t.Errorf("progress = %+v", last)
	}
	as, _, _ := e.articles.FindArticles(context.Background(), parallax.ArticleFilter{})
	if as[0].Published.Format(time.DateOnly) != "2026-01-01" || as[0].PublishedPrecision != parallax.PrecisionDay {
		t.Errorf("published = %v", as[0].Published)
	}
}

func TestIdentityRules(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ingest := func(jsonl string) pipeline.Summary {
		t.Helper()
		p := e.pipeline()
		p.Stdin = strings.NewReader(jsonl)
		sum, err := p.Ingest(ctx, []string{"-"})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	// Two records with their own IDs share a URL: both are kept.
	sum := ingest(`{"id":"1","url":"https://x.example/a","source":"X","text":"One headline"}` + "\n" +
		`{"id":"2","url":"https://x.example/a","source":"X","text":"Another headline"}`)
	if sum.Added != 2 {
		t.Errorf("records sharing a URL: %+v", sum)
	}
	// A record with a stable ID whose text changed is updated in place.
	if sum := ingest(`{"id":"1","url":"https://x.example/a","source":"X","text":"One headline, corrected"}`); sum.Updated != 1 {
		t.Errorf("corrected record: %+v", sum)
	}
	// Without an ID, a changed page at the same URL is a new version, and
	// the same page again is unchanged.
	page := `{"url":"https://x.example/b?utm_source=feed","source":"X","text":"Page v1"}`
	if sum := ingest(page); sum.Added != 1 {
		t.Errorf("page v1: %+v", sum)
	}
	if sum := ingest(`{"url":"https://x.example/b","source":"X","text":"Page v1"}`); sum.Unchanged != 1 {
		t.Errorf("same page via canonical URL: %+v", sum)
	}
	if sum := ingest(`{"url":"https://x.example/b","source":"X","text":"Page v2"}`); sum.Added != 1 {
		t.Errorf("page v2: %+v", sum)
	}
	if _, n, _ := e.articles.FindArticles(ctx, parallax.ArticleFilter{}); n != 4 {
		t.Errorf("stored %d articles, want 4", n)
	}
}

// TestSourceBoilerplate ingests articles of one outlet that share an
// about-the-outlet line at the end, a "Photo gallery" label and, in some,
// a background paragraph. The line and the label go; the background stays. Whether
// the articles arrive together or one per ingest, the stored texts end up
// the same, and re-ingesting changes nothing.
func TestSourceBoilerplate(t *testing.T) {
	const (
		tip        = "The Daily Example has been published by Example Media in Springfield since 1887."
		background = "The harbour bridge opened in 1961 and carries 40,000 cars a day."
	)
	record := func(id, source, title string, paras ...string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "source": source, "title": title, "text": strings.Join(paras, "\n")})
		return string(b)
	}
	var records []string
	for i, topic := range []string{"bridge", "ferry", "tram", "harbour", "port"} {
		paras := []string{"The council debated the " + topic + " on Tuesday.", "Photo gallery",
			"Officials said the " + topic + " plan would cost more than planned."}
		if i%2 == 0 {
			paras = append(paras[:1:1], background, paras[1], paras[2])
		}
		records = append(records, record(topic, "Daily Example", "News about the "+topic, append(paras, tip)...))
	}
	// Versions of one article share their title: their common last
	// paragraph is not taken for boilerplate.
	for _, v := range []string{"v1", "v2", "v3"} {
		records = append(records, record(v, "Other", "One story", "Lede of "+v+" about the market.", "The market closes at noon on Sundays."))
	}

	together := newEnv(t)
	if sum := together.ingestJSONL(t, records...); sum.Added != len(records) {
		t.Fatalf("ingest together: %+v", sum)
	}
	apart := newEnv(t)
	recleaned := 0
	for _, r := range records {
		recleaned += apart.ingestJSONL(t, r).Recleaned
	}
	if recleaned == 0 {
		t.Error("no article stored earlier was cleaned again")
	}
	want := together.texts(t)
	if got := apart.texts(t); !reflect.DeepEqual(got, want) {
		t.Errorf("ingested one by one:\n%v\ntogether:\n%v", got, want)
	}
	backgrounds := 0
	for key, text := range want {
		if strings.Contains(text, tip) || strings.Contains(text, "Photo gallery") {
			t.Errorf("%s kept boilerplate: %q", key, text)
		}
		if strings.Contains(text, background) {
			backgrounds++
		}
		if strings.HasPrefix(key, "Other") && !strings.Contains(text, "closes at noon") {
			t.Errorf("%s lost a paragraph its versions share: %q", key, text)
		}
	}
	if backgrounds != 3 {
		t.Errorf("%d articles keep the background paragraph, want 3", backgrounds)
	}
	for name, e := range map[string]*env{"together": together, "apart": apart} {
		if sum := e.ingestJSONL(t, records...); sum.Unchanged != len(records) || sum.Recleaned != 0 {
			t.Errorf("%s: re-ingest changed something: %+v", name, sum)
		}
	}
}

// TestIngestAnnotates checks that stored articles carry their annotations,
// with offsets into the stored text, and that a corrected text is
// annotated again.
func TestIngestAnnotates(t *testing.T) {
	e := newEnv(t)
	rec := `{"id":"1","source":"S","published":"2026-01-28","title":"Alliance","text":"Prime Minister Sanae Takaichi said on Monday that the alliance would hold."}`
	if sum := e.ingestJSONL(t, rec); sum.Annotated != 1 {
		t.Fatalf("ingest: %+v", sum)
	}
	as, _, _ := e.articles.FindArticles(context.Background(), parallax.ArticleFilter{WithText: true})
	ann, err := sqlite.NewAnnotationService(e.db).FindAnnotations(context.Background(), []int64{as[0].ID})
	if err != nil || ann[as[0].ID] == nil {
		t.Fatalf("FindAnnotations: %v, %v", ann, err)
	}
	var got struct {
		Timexes []struct {
			Start, End int
			Value      string
		}
		Quotes []struct{ Speaker struct{ Canonical string } }
	}
	if err := json.Unmarshal(ann[as[0].ID].Data, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Timexes) != 1 || got.Timexes[0].Value != "2026-01-26" || string([]rune(as[0].Text)[got.Timexes[0].Start:got.Timexes[0].End]) != "Monday" {
		t.Errorf("timexes = %+v", got.Timexes)
	}
	if len(got.Quotes) != 1 || got.Quotes[0].Speaker.Canonical != "Sanae Takaichi" {
		t.Errorf("quotes = %+v", got.Quotes)
	}
	corrected := strings.Replace(rec, "on Monday", "on Tuesday", 1)
	if sum := e.ingestJSONL(t, corrected); sum.Updated != 1 || sum.Annotated != 1 {
		t.Errorf("corrected record: %+v", sum)
	}
}

// TestInputTimeout: an input that overruns its budget keeps the articles
// read so far and is reported, naming it; nothing stored is lost.
func TestInputTimeout(t *testing.T) {
	e := newEnv(t)
	lines := []string{
		`{"id":"1","source":"S","title":"One","text":"The first article."}`,
		`{"id":"2","source":"S","title":"Two","text":"The second article."}`,
		`{"id":"3","source":"S","title":"Three","text":"The third article."}`,
	}
	p := e.pipeline()
	p.InputTimeout = time.Nanosecond // over as soon as the first record is in
	p.Stdin = strings.NewReader(strings.Join(lines, "\n"))
	sum, err := p.Ingest(context.Background(), []string{"-"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || sum.Failed != 1 || sum.Failures[0].Origin != "-" ||
		!strings.Contains(sum.Failures[0].Reason, "after 1 records") || !strings.Contains(sum.Failures[0].Reason, "--input-timeout") {
		t.Fatalf("summary = %+v", sum)
	}
	if sum := e.ingestJSONL(t, lines...); sum.Added != 2 || sum.Unchanged != 1 || sum.Failed != 0 {
		t.Errorf("without the budget: %+v", sum)
	}
}

// TestAnnotationTimeout: an article whose annotation overruns the budget
// is stored unannotated, reported, and not tried again on re-ingest. The
// long article takes about half a second to annotate here, far over the
// 10 ms budget; the short one is stored first under the default budget,
// since whether it fits in 10 ms depends on how busy the machine is.
func TestAnnotationTimeout(t *testing.T) {
	e := newEnv(t)
	var long strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&long, "Mayor Ana Ruiz said on Monday that crane %d would be inspected. ", i)
	}
	rec, err := json.Marshal(map[string]string{"id": "long", "source": "S", "published": "2026-01-28", "title": "Cranes", "text": long.String()})
	if err != nil {
		t.Fatal(err)
	}
	short := `{"id":"short","source":"S","published":"2026-01-28","title":"Crane","text":"Mayor Ana Ruiz said on Monday that the crane would be inspected."}`
	ingest := func(budget time.Duration, lines ...string) pipeline.Summary {
		p := e.pipeline()
		p.ArticleTimeout = budget
		p.Stdin = strings.NewReader(strings.Join(lines, "\n"))
		sum, err := p.Ingest(context.Background(), []string{"-"})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := ingest(input.DefaultArticleTimeout, short); sum.Added != 1 || sum.Annotated != 1 || len(sum.Warnings) != 0 {
		t.Fatalf("short article: %+v", sum)
	}
	sum := ingest(10*time.Millisecond, string(rec), short)
	if sum.Added != 1 || sum.Unchanged != 1 || sum.Annotated != 1 || len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0].Reason, "annotation stopped") {
		t.Fatalf("summary = %+v", sum)
	}
	as, _, err := e.articles.FindArticles(context.Background(), parallax.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{as[0].ID, as[1].ID}
	anns, err := sqlite.NewAnnotationService(e.db).FindAnnotations(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	timexes := map[string]int{}
	for _, a := range as {
		var got struct{ Timexes []json.RawMessage }
		if anns[a.ID] == nil || json.Unmarshal(anns[a.ID].Data, &got) != nil {
			t.Fatalf("article %s: annotation %v", a.ExternalID, anns[a.ID])
		}
		timexes[a.ExternalID] = len(got.Timexes)
	}
	if timexes["long"] != 0 || timexes["short"] != 1 {
		t.Errorf("timexes per article = %v; want the long one empty", timexes)
	}
	if sum := ingest(10*time.Millisecond, string(rec), short); sum.Unchanged != 2 || sum.Annotated != 0 || len(sum.Warnings) != 0 {
		t.Errorf("re-ingest: %+v", sum)
	}
}

// TestManyFilesInOrder: single-article files are decoded several at a
// time, yet stored in input order, with failures named and progress
// counting every input; a JSONL file among them streams in its turn.
func TestManyFilesInOrder(t *testing.T) {
	e := newEnv(t)
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("a%02d.txt", i)] = fmt.Sprintf("Headline %d\n\nBody of article %d, about harbour crane %d.\n", i, i, i)
	}
	files["a30.txt"] = "" // empty: fails
	files["a40.jsonl"] = `{"id":"j1","source":"S","title":"J1","text":"First line."}` + "\n" +
		`{"id":"j2","source":"S","title":"J2","text":"Second line."}`
	files["b00.html"] = `<html><head><title>Page</title><meta property="og:site_name" content="Gazette"></head><body><article><p>A crane collapsed at the harbour on Thursday, the port said.</p></article></body></html>`
	dir := writeFiles(t, files)
	p := e.pipeline()
	p.BatchSize = 7
	var last pipeline.Progress
	p.Progress = func(pr pipeline.Progress) { last = pr }
	sum, err := p.Ingest(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 62 || sum.Failed != 1 || !strings.HasSuffix(sum.Failures[0].Origin, "a30.txt") {
		t.Fatalf("summary = %+v", sum)
	}
	if last.InputsDone != 62 || last.Inputs != 62 {
		t.Errorf("progress = %+v; want all 62 inputs done", last)
	}
	as, _, err := e.articles.FindArticles(context.Background(), parallax.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// IDs are given as articles are stored: sorting by ID gives the order
	sort.Slice(as, func(i, j int) bool { return as[i].ID < as[j].ID })
	var got []string
	for _, a := range as {
		got = append(got, a.Title)
	}
	want := []string{}
	for i := range 60 {
		switch i {
		case 30:
		case 40:
			want = append(want, "J1", "J2", fmt.Sprintf("Headline %d", i)) // a40.jsonl sorts before a40.txt
		default:
			want = append(want, fmt.Sprintf("Headline %d", i))
		}
	}
	want = append(want, "Page")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored in order %v\nwant %v", got, want)
	}
}

// staleAtAssign is an assigner that records, at its first call, which
// articles still wait for their annotation.
type staleAtAssign struct {
	cluster.Singleton
	annotations *sqlite.AnnotationService
	stale       []string
	called      bool
}

func (s *staleAtAssign) Assign(articles []*parallax.Article) []parallax.Assignment {
	if !s.called {
		s.called = true
		as, err := s.annotations.StaleArticles(context.Background(), analyze.Version, 100)
		if err != nil {
			panic(err)
		}
		for _, a := range as {
			s.stale = append(s.stale, a.ExternalID)
		}
	}
	return s.Singleton.Assign(articles)
}

// TestDatedAnnotatedWhileStoring: dated articles are annotated as their
// batch is stored, before assignment; an undated one waits for its
// story's date. All end annotated.
func TestDatedAnnotatedWhileStoring(t *testing.T) {
	e := newEnv(t)
	p := e.pipeline()
	probe := &staleAtAssign{annotations: sqlite.NewAnnotationService(e.db)}
	p.Assigner = probe
	p.Stdin = strings.NewReader(strings.Join([]string{
		`{"id":"d1","source":"S","published":"2026-01-28","title":"One","text":"The council met on Monday to discuss the harbour budget for next year."}`,
		`{"id":"d2","source":"T","published":"2026-01-29","title":"Two","text":"The mayor said on Tuesday that the ferry terminal would be expanded."}`,
		`{"id":"u1","source":"U","title":"Three","text":"Officials said on Monday that the harbour works would start in spring."}`,
	}, "\n"))
	sum, err := p.Ingest(context.Background(), []string{"-"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(probe.stale, []string{"u1"}) {
		t.Errorf("waiting for annotation at assignment: %v, want only the undated u1", probe.stale)
	}
	if sum.Annotated != 3 {
		t.Errorf("summary: %+v", sum)
	}
	if left, _ := probe.annotations.StaleArticles(context.Background(), analyze.Version, 100); len(left) != 0 {
		t.Errorf("%d articles left unannotated", len(left))
	}
}

var _ pipeline.Preparer = (*cluster.Online)(nil)

// preparing is an Online clusterer that counts how its batches reach it.
type preparing struct {
	*cluster.Online
	prepared, assigned int
}

func (p *preparing) Prepare(articles []*parallax.Article) func() []parallax.Assignment {
	p.prepared++
	return p.Online.Prepare(articles)
}

func (p *preparing) Assign(articles []*parallax.Article) []parallax.Assignment {
	p.assigned++
	return p.Online.Assign(articles)
}

// TestPreparedBatches: a Preparer gets every batch through Prepare, and
// the stories are those that Assign makes.
func TestPreparedBatches(t *testing.T) {
	lines := []string{
		`{"id":"a1","source":"S","published":"2026-01-28","title":"Harbour crane collapses","text":"A harbour crane collapsed on Monday at the container terminal, officials said."}`,
		`{"id":"a2","source":"T","published":"2026-01-28","title":"Crane collapse at harbour","text":"The container terminal's crane collapsed on Monday; the harbour authority said nobody was hurt."}`,
		`{"id":"b1","source":"S","published":"2026-01-29","title":"Council approves ferry budget","text":"The council approved the ferry budget for next year after a long debate on fares."}`,
		`{"id":"b2","source":"T","published":"2026-01-29","title":"Ferry budget approved","text":"After a debate on fares, the council approved next year's ferry budget."}`,
		`{"id":"c1","source":"U","published":"2026-01-30","title":"Museum reopens","text":"The city museum reopened its west wing after two years of restoration work."}`,
	}
	stories := func(a pipeline.Assigner) map[string]int64 {
		e := newEnv(t)
		p := e.pipeline()
		p.Assigner, p.BatchSize = a, 2
		p.Stdin = strings.NewReader(strings.Join(lines, "\n"))
		if _, err := p.Ingest(context.Background(), []string{"-"}); err != nil {
			t.Fatal(err)
		}
		as, _, err := e.articles.FindArticles(context.Background(), parallax.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int64{}
		for _, a := range as {
			out[a.ExternalID] = a.StoryID
		}
		return out
	}
	probe := &preparing{Online: cluster.NewOnline(cluster.DefaultConfig())}
	got := stories(probe)
	if probe.prepared != 3 || probe.assigned != 0 {
		t.Errorf("prepared %d batches and assigned %d directly, want 3 and 0", probe.prepared, probe.assigned)
	}
	// the interface alone hides Prepare: batches go through Assign
	plain := struct{ pipeline.Assigner }{cluster.NewOnline(cluster.DefaultConfig())}
	if want := stories(plain); !reflect.DeepEqual(got, want) {
		t.Errorf("stories of prepared batches %v, want %v", got, want)
	}
	if got["a1"] != got["a2"] || got["b1"] != got["b2"] || got["a1"] == got["b1"] || got["c1"] == 0 {
		t.Errorf("stories %v", got)
	}
}

// writeGate is the real story store, with the writing of the first batch
// of assignments held until clustering has reached the second batch, and
// the writing of the batch numbered failAt refused.
type writeGate struct {
	parallax.StoryService
	writes   int
	second   chan struct{} // closed when the second batch is clustered
	failAt   int
	overlaps bool
}

func (g *writeGate) AssignStories(ctx context.Context, as []parallax.Assignment) error {
	g.writes++
	if g.writes == g.failAt {
		return errors.New("disk full")
	}
	if g.writes == 1 && g.second != nil {
		// a deadlock guard, not a speed check: a pipeline that clusters
		// only after writing never reaches the second batch here
		select {
		case <-g.second:
			g.overlaps = true
		case <-time.After(30 * time.Second):
		}
	}
	return g.StoryService.AssignStories(ctx, as)
}

// counting is cluster.Singleton that closes second when asked to assign
// its second batch.
type counting struct {
	cluster.Singleton
	calls  int
	second chan struct{}
}

func (c *counting) Assign(as []*parallax.Article) []parallax.Assignment {
	c.calls++
	if c.calls == 2 {
		close(c.second)
	}
	return c.Singleton.Assign(as)
}

func fiveArticles() []string {
	var lines []string
	for i := range 5 {
		lines = append(lines, fmt.Sprintf(`{"id":"a%d","source":"S","published":"2026-01-2%d","title":"Story number %d","text":"Text of story number %d, about its own matter."}`, i, i, i, i))
	}
	return lines
}

// TestAssignWritesBehind: the next batch is clustered while the previous
// batch's assignments are written.
func TestAssignWritesBehind(t *testing.T) {
	e := newEnv(t)
	p := e.pipeline()
	second := make(chan struct{})
	gate := &writeGate{StoryService: e.stories, second: second}
	p.Stories, p.Assigner, p.BatchSize = gate, &counting{second: second}, 2
	p.Stdin = strings.NewReader(strings.Join(fiveArticles(), "\n"))
	sum, err := p.Ingest(context.Background(), []string{"-"})
	if err != nil {
		t.Fatal(err)
	}
	if !gate.overlaps {
		t.Error("the second batch was clustered only after the first batch's assignments were written")
	}
	if sum.Assigned != 5 || gate.writes != 3 {
		t.Errorf("assigned %d in %d writes, want 5 in 3", sum.Assigned, gate.writes)
	}
}

// TestAssignWriteFails: a write that fails stops assigning with its
// error; what was written stays, and the next run assigns the rest.
func TestAssignWriteFails(t *testing.T) {
	e := newEnv(t)
	p := e.pipeline()
	p.Stories, p.BatchSize = &writeGate{StoryService: e.stories, failAt: 2}, 2
	p.Stdin = strings.NewReader(strings.Join(fiveArticles(), "\n"))
	_, err := p.Ingest(context.Background(), []string{"-"})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("ingest: %v, want the write's error", err)
	}
	unassigned := func() int {
		_, n, err := e.articles.FindArticles(context.Background(), parallax.ArticleFilter{Unassigned: true})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := unassigned(); n != 3 {
		t.Errorf("%d articles unassigned after the failed write, want 3", n)
	}
	var sum pipeline.Summary
	if err := e.pipeline().AssignPending(context.Background(), &sum); err != nil {
		t.Fatal(err)
	}
	if n := unassigned(); n != 0 || sum.Assigned != 3 {
		t.Errorf("%d unassigned, %d assigned by the next run, want 0 and 3", n, sum.Assigned)
	}
}

// TestAssignBatchesSmallerThanStoreBatches: by default an ingest stores
// articles in batches of DefaultBatchSize but clusters them in steps of
// at most DefaultAssignBatchSize, on which the stories depend.
func TestAssignBatchesSmallerThanStoreBatches(t *testing.T) {
	e := newEnv(t)
	p := e.pipeline()
	as := &counting{second: make(chan struct{})}
	p.Assigner = as
	var lines []string
	for i := range 600 {
		lines = append(lines, fmt.Sprintf(`{"id":"n%d","source":"S","title":"Item %d","text":"Item %d of a long list."}`, i, i, i))
	}
	stored := 0
	p.Progress = func(pr pipeline.Progress) { stored = pr.Summary.Added }
	p.Stdin = strings.NewReader(strings.Join(lines, "\n"))
	sum, err := p.Ingest(context.Background(), []string{"-"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 600 || stored != 600 {
		t.Fatalf("added %d (%d in the last progress report), want 600", sum.Added, stored)
	}
	if want := (600 + pipeline.DefaultAssignBatchSize - 1) / pipeline.DefaultAssignBatchSize; as.calls != want {
		t.Errorf("clustered in %d steps, want %d", as.calls, want)
	}
}

// TestCleanAgainFromDecoded: an article cleaned of its outlet's
// paragraphs as the evidence arrives ends as if cleaned once with all of
// it: cleaning again starts from the text as decoded, since cleaning what
// an earlier step left can differ (once every paragraph is an outlet
// repeat, none is dropped, but the first step had dropped one already).
// Ingested one by one or together, the texts are the same, and ingesting
// again changes nothing.
func TestCleanAgainFromDecoded(t *testing.T) {
	const (
		a = "Readers can reach the newsroom at any hour through the tip line."
		b = "The council meets again in the spring to review the budget."
		c = "Officials have promised a full report on the matter by summer."
	)
	record := func(id string, paras ...string) string {
		data, _ := json.Marshal(map[string]string{"id": id, "source": "Daily Example", "title": "Story " + id,
			"text": strings.Join(paras, "\n")})
		return string(data)
	}
	records := []string{
		record("1", a, b, c),
		record("2", a, "The ferry fares rise by a tenth from Monday, the operator said."),
		record("3", a, "A new tram line opens in the east of the city next year."),
		record("4", b, c, "Shops on the high street report their best month since 2019."),
		record("5", b, c, "The museum's west wing reopens after two years of work."),
	}
	const first = "id:Daily Example\x001"
	apart := newEnv(t)
	for i, r := range records {
		apart.ingestJSONL(t, r)
		if i == 2 {
			// the tip line is known for boilerplate; the rest not yet
			if got := apart.texts(t)[first]; got != b+"\n\n"+c {
				t.Fatalf("article 1 after three records: %q", got)
			}
		}
	}
	together := newEnv(t)
	together.ingestJSONL(t, records...)
	want := together.texts(t)
	if got := want[first]; got != a+"\n\n"+b+"\n\n"+c {
		t.Errorf("article 1, every paragraph an outlet repeat: %q, want all kept", got)
	}
	if got := apart.texts(t); !reflect.DeepEqual(got, want) {
		t.Errorf("ingested one by one:\n%v\ntogether:\n%v", got, want)
	}
	for name, e := range map[string]*env{"apart": apart, "together": together} {
		before := e.texts(t)
		sum := e.ingestJSONL(t, records...)
		if sum.Unchanged != len(records) || sum.Updated != 0 || sum.Recleaned != 0 {
			t.Errorf("%s: re-ingest changed something: %+v", name, sum)
		}
		if got := e.texts(t); !reflect.DeepEqual(got, before) {
			t.Errorf("%s: texts after re-ingest:\n%v\nbefore:\n%v", name, got, before)
		}
	}
}
