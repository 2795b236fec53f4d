package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestIngestSurvivesSIGKILL kills `parallax ingest` at random moments of a
// large ingest, runs it again to completion, and checks that no article is
// lost or stored twice, that SQLite's integrity check passes, and that
// every article is assigned and every story's counts match its articles.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 4,000 articles")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "parallax")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	const n = 4000
	input := filepath.Join(dir, "stream.jsonl")
	writeStream(t, input, n)
	db := filepath.Join(dir, "crash.db")
	r := rand.New(rand.NewSource(7))
	partial, duringAssignment := 0, 0
	for i := 0; i < 6; i++ {
		cmd := exec.Command(bin, "ingest", "--db", db, "--quiet", input)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Later kills come later, so that they also land while stories
		// are being assigned, after the rerun has stored everything.
		time.Sleep(time.Duration(300+i*800+r.Intn(600)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		stored, assigned := counts(t, db)
		t.Logf("run %d killed with %d articles stored, %d assigned", i+1, stored, assigned)
		if stored < n || assigned < n {
			partial++
		}
		if stored == n && assigned < n {
			duringAssignment++
		}
	}
	if partial == 0 {
		t.Fatal("no run was killed before it finished; the test proved nothing")
	}
	if duringAssignment == 0 {
		t.Log("no kill landed during story assignment this time")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, bin, "ingest", "--db", db, "--quiet", input).CombinedOutput(); err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}

	checkIntegrity(t, db)
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	checks := []struct {
		name  string
		query string
		want  int
	}{
		{"articles", `SELECT count(*) FROM articles`, n},
		{"distinct external IDs", `SELECT count(DISTINCT external_id) FROM articles`, n},
		{"unassigned articles", `SELECT count(*) FROM articles WHERE story_id IS NULL`, 0},
		{"stories whose article count is wrong", `SELECT count(*) FROM stories s
			WHERE s.article_count != (SELECT count(*) FROM articles a WHERE a.story_id = s.id)`, 0},
		{"articles in a missing story", `SELECT count(*) FROM articles a
			WHERE a.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)`, 0},
	}
	for _, c := range checks {
		var got int
		if err := raw.QueryRow(c.query).Scan(&got); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got != c.want {
			t.Errorf("%s = %d, want %d", c.name, got, c.want)
		}
	}
}

// writeStream writes n synthetic articles, ten per event, as JSONL.
func writeStream(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		event := i / 10
		body := strings.Repeat(fmt.Sprintf("Officials in Town%d reported event%d developments on the harbour%d project. ", event, event, event), 20)
		rec := map[string]string{
			"id": fmt.Sprintf("a%d", i), "source": fmt.Sprintf("Outlet %d", i%7),
			"title":     fmt.Sprintf("Event %d update from outlet %d", event, i%7),
			"text":      body + fmt.Sprintf("Article %d adds its own sentence.", i),
			"published": day.Add(time.Duration(event) * 6 * time.Hour).Format(time.RFC3339),
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
}

// counts reads how many articles are stored and assigned, tolerating a
// database that the first kill left without tables.
func counts(t *testing.T, db string) (stored, assigned int) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := raw.QueryRow(`SELECT count(*), count(story_id) FROM articles`).Scan(&stored, &assigned); err != nil {
		return 0, 0
	}
	return stored, assigned
}
