package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/pipeline"
)

// pgSchema returns a DSN for a new schema of the test PostgreSQL,
// dropped after the test.
func pgSchema(t *testing.T) string {
	t.Helper()
	return pgSchemaB(t)
}

// pgSchemaB is pgSchema for tests and benchmarks.
func pgSchemaB(t testing.TB) string {
	t.Helper()
	base := os.Getenv("PARALLAX_TEST_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "parallax_w_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("PostgreSQL at %s: %v", base, err)
	}
	t.Cleanup(func() { admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE") })
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

// workerCorpus is the demo corpus, the seeds when ../shared is beside the
// repository, and up to n real headlines from the UCI set (or the
// synthetic stream without it).
func workerCorpus(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	paths := []string{demoDir(t)}
	if seeds, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt"); len(seeds) > 0 {
		paths = append(paths, seeds...)
	}
	stream := filepath.Join(dir, "stream.jsonl")
	if f, err := os.Open("../../../shared/data/clustering/uci-headlines.jsonl"); err == nil {
		var b bytes.Buffer
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for i := 0; i < n && sc.Scan(); i++ {
			b.Write(sc.Bytes())
			b.WriteByte('\n')
		}
		f.Close()
		write(t, stream, b.Bytes())
	} else {
		writeStream(t, stream, n)
	}
	return append(paths, stream)
}

// partition returns the stories of a store as sorted lists of article
// keys, with each article's content hash and the key it duplicates:
// what must agree between two deployments, whatever their IDs.
func partition(t *testing.T, db string) (stories []string, articles map[string]string) {
	t.Helper()
	st, err := openStore(&env{getenv: func(string) string { return "" }}, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, _, err := st.articles.FindArticles(context.Background(), parallax.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	keyOf := map[int64]string{}
	for _, a := range all {
		keyOf[a.ID] = a.Key
	}
	byStory := map[int64][]string{}
	articles = map[string]string{}
	for _, a := range all {
		byStory[a.StoryID] = append(byStory[a.StoryID], a.Key)
		articles[a.Key] = a.ContentHash + " dup=" + keyOf[a.DuplicateOf]
	}
	for _, keys := range byStory {
		sort.Strings(keys)
		stories = append(stories, strings.Join(keys, "|"))
	}
	sort.Strings(stories)
	return stories, articles
}

type jobState struct {
	parallax.JobCounts
	Unassigned int `json:"unassigned_articles"`
}

func jobsOf(t *testing.T, db string) jobState {
	t.Helper()
	return jobsOfB(t, db)
}

func jobsOfB(t testing.TB, db string) jobState {
	t.Helper()
	var s jobState
	r := runCLI(&testing.T{}, nil, "", "jobs", "--json", "--db", db)
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		t.Fatalf("jobs: %v: %s %s", err, r.stdout, r.stderr)
	}
	return s
}

// waitDrained waits until every job is done and every article assigned
// and annotated.
func waitDrained(t *testing.T, db string, timeout time.Duration) jobState {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := jobsOf(t, db)
		if s.Queued+s.Running == 0 && s.Unassigned == 0 && s.Done > 0 {
			// the last annotate jobs may be queued just after
			time.Sleep(300 * time.Millisecond)
			if s2 := jobsOf(t, db); s2.Queued+s2.Running == 0 && s2.Done == s.Done {
				return s2
			}
			continue
		}
		if time.Now().After(deadline) {
			t.Fatalf("the queue did not drain: %+v", s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func annotated(t *testing.T, db string) (articles, current int) {
	t.Helper()
	st, err := openStore(&env{getenv: func(string) string { return "" }}, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, _, err := st.articles.FindArticles(context.Background(), parallax.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(all))
	for i, a := range all {
		ids[i] = a.ID
	}
	anns, err := st.annots.FindAnnotations(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if an := anns[a.ID]; an != nil && an.ContentHash == a.ContentHash {
			current++
		}
	}
	return len(all), current
}

// TestWorkersAgree: the same corpus ingested by one process on SQLite and
// by three concurrent workers on PostgreSQL gives the same articles and
// the same stories, up to IDs.
func TestWorkersAgree(t *testing.T) {
	corpus := workerCorpus(t, 1500)
	lite := filepath.Join(t.TempDir(), "one.db")
	if s, r := ingestJSON(t, lite, corpus...); r.code != 0 || s.Failed != 0 {
		t.Fatalf("SQLite ingest: exit %d, %+v", r.code, s)
	}
	pg := pgSchema(t)
	r := mustRun(t, append([]string{"ingest", "--queue", "--json", "--db", pg}, corpus...)...)
	var q struct{ Inputs, Jobs, New int }
	if err := json.Unmarshal([]byte(r.stdout), &q); err != nil || q.Jobs < 8 || q.New != q.Jobs {
		t.Fatalf("enqueue: %s, %v", r.stdout, err)
	}
	// enqueueing again adds nothing
	if r := mustRun(t, append([]string{"ingest", "--queue", "--json", "--db", pg}, corpus...)...); !strings.Contains(r.stdout, `"new":0`) {
		t.Errorf("enqueue again: %s", r.stdout)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	logs := make([]*syncBuffer, 3)
	for i := range 3 {
		logs[i] = &syncBuffer{}
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: logs[i], getenv: func(string) string { return "" }}
		wg.Go(func() {
			run(ctx, e, []string{"worker", "--db", pg, "--name", fmt.Sprint("w", i), "--collect=false", "--lease", "10s", "--assign-after", "5m"})
		})
	}
	state := waitDrained(t, pg, 3*time.Minute)
	// the leader compares the stories it changed once the queue is idle
	raw, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	deadline := time.Now().Add(time.Minute)
	for {
		var stories, analysed int
		raw.QueryRow(`SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM analyses)`).Scan(&stories, &analysed)
		if analysed == stories {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("the leader compared %d of %d stories", analysed, stories)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	leaders, assigns := 0, 0
	for i, l := range logs {
		if strings.Contains(l.String(), "msg=leading") {
			leaders++
		}
		// with --assign-after far away, the leader waits for every
		// ingest job and assigns once, in publication order, as the
		// single SQLite process does
		assigns += strings.Count(l.String(), "msg=assigned")
		if strings.Contains(l.String(), "level=ERROR") {
			t.Errorf("worker %d logged errors:\n%s", i, l.String())
		}
	}
	if leaders != 1 || assigns != 1 || state.Failed != 0 {
		t.Errorf("%d leaders, %d assignment passes, jobs %+v", leaders, assigns, state)
	}

	want, wantArticles := partition(t, lite)
	got, gotArticles := partition(t, pg)
	if len(gotArticles) != len(wantArticles) {
		t.Errorf("%d articles on PostgreSQL, %d on SQLite", len(gotArticles), len(wantArticles))
	}
	for k, v := range wantArticles {
		if gotArticles[k] != v {
			t.Errorf("article %q: %q on PostgreSQL, %q on SQLite", k, gotArticles[k], v)
			break
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%d stories on PostgreSQL, %d on SQLite; they differ", len(got), len(want))
		for _, g := range got {
			if !slices.Contains(want, g) {
				t.Logf("only on PostgreSQL: %s", g)
			}
		}
		for _, g := range want {
			if !slices.Contains(got, g) {
				t.Logf("only on SQLite: %s", g)
			}
		}
	}
	if n, cur := annotated(t, pg); cur != n {
		t.Errorf("%d of %d articles annotated on PostgreSQL", cur, n)
	}
	t.Logf("%d articles in %d stories, %d jobs", len(wantArticles), len(want), state.Done)
}

// syncBuffer is a bytes.Buffer for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestWorkerFailover runs three worker processes on PostgreSQL, kills one
// with SIGKILL while it works on a job and then the leader while it
// assigns, and checks that the run completes with every article stored
// once, assigned once and annotated.
func TestWorkerFailover(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs worker processes")
	}
	dir := t.TempDir()
	bin := buildBinary(t)
	const n = 3000
	stream := filepath.Join(dir, "stream.jsonl")
	writeStream(t, stream, n)
	pg := pgSchema(t)
	mustRun(t, "ingest", "--queue", "--db", pg, stream)
	raw, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	count := func(q string) int {
		var c int
		if err := raw.QueryRow(q).Scan(&c); err != nil {
			return -1
		}
		return c
	}

	type proc struct {
		cmd *exec.Cmd
		log *syncBuffer
	}
	start := func(name string) *proc {
		p := &proc{log: &syncBuffer{}}
		p.cmd = exec.Command(bin, "worker", "--db", pg, "--name", name, "--collect=false", "--lease", "2s", "--assign-after", "1m")
		p.cmd.Stderr = p.log
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
		return p
	}
	procs := map[string]*proc{}
	for _, name := range []string{"w1", "w2", "w3"} {
		procs[name] = start(name)
	}
	leaderOf := func() string {
		for name, p := range procs {
			if strings.Contains(p.log.String(), "msg=leading") && p.cmd.ProcessState == nil {
				return name
			}
		}
		return ""
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(2 * time.Minute)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}

	// a worker that is not the leader dies in the middle of an ingest job
	var victim string
	waitFor("an ingest job to run", func() bool {
		lead := leaderOf()
		var w string
		raw.QueryRow(`SELECT worker FROM jobs WHERE state = 'running' AND worker <> $1 LIMIT 1`, lead).Scan(&w)
		victim = w
		return w != "" && lead != ""
	})
	procs[victim].cmd.Process.Signal(syscall.SIGKILL)
	procs[victim].cmd.Wait()
	t.Logf("killed %s during a job", victim)

	// the leader dies while it assigns stories
	waitFor("the leader to start assigning", func() bool {
		return count(`SELECT count(*) FROM articles WHERE story_id IS NOT NULL`) > 0
	})
	lead := leaderOf()
	assigned := count(`SELECT count(*) FROM articles WHERE story_id IS NOT NULL`)
	procs[lead].cmd.Process.Signal(syscall.SIGKILL)
	procs[lead].cmd.Wait()
	t.Logf("killed the leader %s with %d of %d articles assigned", lead, assigned, n)
	if assigned >= n {
		t.Fatal("the leader had finished before it was killed; the test proved nothing")
	}
	// the survivor takes over
	var survivor string
	for name := range procs {
		if name != victim && name != lead {
			survivor = name
		}
	}
	waitFor("the survivor to lead", func() bool { return strings.Contains(procs[survivor].log.String(), "msg=leading") })
	waitFor("the run to complete", func() bool {
		return count(`SELECT count(*) FROM articles WHERE story_id IS NULL`) == 0 &&
			count(`SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')`) == 0 &&
			count(`SELECT count(*) FROM articles a JOIN annotations n ON n.article_id = a.id AND n.content_hash = a.content_hash`) == n
	})
	for _, c := range []struct {
		name  string
		query string
		want  int
	}{
		{"articles", `SELECT count(*) FROM articles`, n},
		{"distinct external IDs", `SELECT count(DISTINCT external_id) FROM articles`, n},
		{"failed jobs", `SELECT count(*) FROM jobs WHERE state = 'failed'`, 0},
		{"retried jobs", `SELECT count(*) FROM jobs WHERE attempts > 1`, -2},
		{"stories whose article count is wrong", `SELECT count(*) FROM stories s
			WHERE s.article_count != (SELECT count(*) FROM articles a WHERE a.story_id = s.id)`, 0},
		{"articles in a missing story", `SELECT count(*) FROM articles a
			WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)`, 0},
	} {
		got := count(c.query)
		if c.want == -2 {
			if got < 1 {
				t.Errorf("%s = %d: the killed worker's job was not taken over", c.name, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s = %d, want %d", c.name, got, c.want)
		}
	}
}

// TestExportImport moves a SQLite database to PostgreSQL: the same
// articles (keys and texts), the same stories, the same sources; a
// second import changes nothing.
func TestExportImport(t *testing.T) {
	corpus := workerCorpus(t, 600)
	dir := t.TempDir()
	lite := filepath.Join(dir, "one.db")
	if s, r := ingestJSON(t, lite, corpus...); r.code != 0 || s.Failed != 0 {
		t.Fatalf("ingest: exit %d, %+v", r.code, s)
	}
	mustRun(t, "sources", "add", "--db", lite, "--no-discover", "--interval", "2h", "https://courier.example/rss.xml")
	dump := filepath.Join(dir, "dump.jsonl")
	mustRun(t, "export", "--db", lite, "--out", dump)
	pg := pgSchema(t)
	migrations, _ := filepath.Glob("../../postgres/migrations/*.sql")
	if r := mustRun(t, "migrate", "--db", pg); !strings.Contains(r.stdout, fmt.Sprintf("schema at migration %d\n", len(migrations))) {
		t.Errorf("migrate: %q", r.stdout)
	}
	var first, second pipeline.Summary
	json.Unmarshal([]byte(mustRun(t, "import", "--json", "--db", pg, dump).stdout), &first)
	json.Unmarshal([]byte(mustRun(t, "import", "--json", "--db", pg, dump).stdout), &second)
	want, wantArticles := partition(t, lite)
	got, gotArticles := partition(t, pg)
	if first.Added != len(wantArticles) || first.Failed != 0 || second.Added+second.Updated != 0 || second.Unchanged != len(wantArticles) {
		t.Errorf("imports: %+v then %+v", first, second)
	}
	if !slices.Equal(got, want) || len(gotArticles) != len(wantArticles) {
		t.Errorf("%d stories of %d articles on PostgreSQL, %d of %d on SQLite", len(got), len(gotArticles), len(want), len(wantArticles))
	}
	for k, v := range wantArticles {
		if gotArticles[k] != v {
			t.Errorf("article %q: %q after import, %q before", k, gotArticles[k], v)
			break
		}
	}
	if r := mustRun(t, "sources", "list", "--db", pg); !strings.Contains(r.stdout, "https://courier.example/rss.xml") || !strings.Contains(r.stdout, "2h0m0s") {
		t.Errorf("sources after import:\n%s", r.stdout)
	}
	if n, cur := annotated(t, pg); cur != n {
		t.Errorf("%d of %d articles annotated after import", cur, n)
	}
	// a broken line is reported and the rest goes in
	bad := filepath.Join(dir, "bad.jsonl")
	write(t, bad, []byte(`{"parallax_export":1,"article":{"key":"k1","source":"S","title":"T","text":"Body text here."}}
not json
{"id":"x","text":"an input record, not an export"}
`))
	var s pipeline.Summary
	r := runCLI(t, nil, "", "import", "--json", "--db", lite, bad)
	json.Unmarshal([]byte(r.stdout), &s)
	if s.Added != 1 || s.Failed != 2 || !strings.Contains(r.stdout, "bad.jsonl:2") || !strings.Contains(r.stdout, "bad.jsonl:3") {
		t.Errorf("bad lines: exit %d, %s", r.code, r.stdout)
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// buildBinary builds parallax once for the tests that run it as a
// process.
func buildBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parallax-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "parallax")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// TestWorkerDrainsOnSIGTERM: a worker told to stop finishes the job it
// holds and marks it done, rather than leaving it to its lease.
func TestWorkerDrainsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a worker process")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	stream := filepath.Join(dir, "stream.jsonl")
	writeStream(t, stream, 1024)
	pg := pgSchema(t)
	mustRun(t, "ingest", "--queue", "--db", pg, stream)
	raw, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	cmd := exec.Command(bin, "worker", "--db", pg, "--name", "drainer", "--collect=false", "--lead=false", "--lease", "1m")
	log := &syncBuffer{}
	cmd.Stderr = log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var id int64
	deadline := time.Now().Add(time.Minute)
	for id == 0 {
		raw.QueryRow(`SELECT id FROM jobs WHERE state = 'running'`).Scan(&id)
		if time.Now().After(deadline) {
			t.Fatal("no job started")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("worker exit: %v\n%s", err, log.String())
	}
	var state string
	raw.QueryRow(`SELECT state FROM jobs WHERE id = $1`, id).Scan(&state)
	if state != "done" {
		t.Errorf("the job held at SIGTERM is %q, want done", state)
	}
	var running int
	raw.QueryRow(`SELECT count(*) FROM jobs WHERE state = 'running'`).Scan(&running)
	if running != 0 {
		t.Errorf("%d jobs left running", running)
	}
}
