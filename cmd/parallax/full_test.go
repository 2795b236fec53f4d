package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFullDatabase fills the database (SQLite's max_page_count stands in
// for a full disk and fails writes with the same SQLITE_FULL) and checks
// that ingest says so, that nothing stored before is lost, that serve goes
// on answering reads while its writes fail, and that the same ingest
// completes once there is room, without duplicates.
func TestFullDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	mustRun(t, "ingest", "--db", db, demoDir(t))
	before := len(articleRecords(t, db))
	token := strings.TrimSpace(mustRun(t, "token", "--db", db, "--rotate").stdout)
	info, err := os.Stat(db) // closed, so checkpointed: the whole database
	if err != nil {
		t.Fatal(err)
	}
	limited := fmt.Sprintf("sqlite:%s?max_size=%d", db, info.Size()+64<<10)

	var big strings.Builder
	for i := range 400 {
		fmt.Fprintf(&big, `{"id":"f%d","source":"Filler %d","title":"Harbour report %d","text":"%s"}`+"\n", i, i%7, i,
			strings.Repeat(fmt.Sprintf("Report %d on the harbour cranes and the inspections that followed. ", i), 30))
	}
	path := filepath.Join(dir, "big.jsonl")
	write(t, path, []byte(big.String()))

	r := runCLI(t, nil, "", "ingest", "--db", limited, path)
	if r.code == 0 || !strings.Contains(r.stderr, "the database is full") {
		t.Fatalf("ingest into a full database: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	if got := len(articleRecords(t, db)); got < before {
		t.Fatalf("%d articles after the failed ingest; %d before", got, before)
	}

	base, _ := startServe(t, limited)
	if status, body := call(t, "GET", base+"api/v1/articles", "", nil); status != http.StatusOK {
		t.Fatalf("read from a full database: %d %s", status, body)
	}
	status, body := call(t, "POST", base+"api/v1/ingest", token, []byte(big.String()[:60000]))
	var msg struct{ Error string }
	if status != http.StatusInsufficientStorage || json.Unmarshal([]byte(body), &msg) != nil || !strings.Contains(msg.Error, "the database is full") {
		t.Errorf("POST /api/v1/ingest into a full database: %d %s; want 507 saying so", status, body)
	}
	for _, page := range []string{"", "api/v1/stories", "api/v1/articles"} {
		if status, body := call(t, "GET", base+page, "", nil); status != http.StatusOK {
			t.Errorf("GET /%s after a failed write: %d %s", page, status, body)
		}
	}

	sum, r := ingestJSON(t, db, path)
	if r.code != 0 || sum.Failed != 0 {
		t.Fatalf("ingest with room: exit %d, %+v\n%s", r.code, sum, r.stderr)
	}
	if got := len(articleRecords(t, db)); got != before+400 {
		t.Errorf("%d articles in the end; want %d, each once", got, before+400)
	}
	checkIntegrity(t, db)
}

// TestServeDrainsOnSIGTERM: serve told to stop while an API ingest runs
// finishes that ingest, answers it, and exits cleanly.
func TestServeDrainsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a serve process")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	stream := filepath.Join(dir, "stream.jsonl")
	writeStream(t, stream, 2048)
	body, err := os.ReadFile(stream)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0", "--collect=false", "--max-body", fmt.Sprint(64<<20))
	cmd.Env = append(os.Environ(), "PARALLAX_TOKEN=drain-test-token")
	out, errb := &syncBuffer{}, &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	base := waitFor(t, func() string { return serveURL.FindString(out.String()) })

	type answer struct {
		status int
		body   string
	}
	answered := make(chan answer, 1)
	go func() {
		status, body := call(t, "POST", base+"api/v1/ingest", "drain-test-token", body)
		answered <- answer{status, body}
	}()
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// in flight once its first batch is stored
	waitFor(t, func() string {
		var n int
		raw.QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
		return map[bool]string{true: "stored"}[n > 0]
	})
	cmd.Process.Signal(syscall.SIGTERM)
	a := <-answered
	if a.status != http.StatusOK || !strings.Contains(a.body, `"added":2048`) {
		t.Errorf("the ingest in flight at SIGTERM: %d %s", a.status, a.body)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve exit: %v\n%s", err, errb.String())
	}
}

var serveURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

// waitFor polls f until it returns something, for up to a minute.
func waitFor(t *testing.T, f func() string) string {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if s := f(); s != "" {
			return s
		}
	}
	t.Fatal("gave up waiting")
	return ""
}
