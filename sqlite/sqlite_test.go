package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"

	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/storetest"
)

func openDB(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Stores {
		db := openDB(t, filepath.Join(t.TempDir(), "parallax.db"))
		return storetest.Stores{
			Articles:    sqlite.NewArticleService(db),
			Stories:     sqlite.NewStoryService(db),
			Sources:     sqlite.NewSourceService(db),
			Lines:       sqlite.NewSourceLineService(db),
			Annotations: sqlite.NewAnnotationService(db),
			Search:      sqlite.NewSearchService(db),
			Subs:        sqlite.NewSubscriptionService(db),
			Jobs:        sqlite.NewJobService(db),
			Changes:     db.Changes,
		}
	})
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parallax.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	a := storetest.NewArticle("A", "T", "B", day)
	if _, err := sqlite.NewArticleService(db).PutArticles(context.Background(), []*parallax.Article{a}); err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	db2 := openDB(t, path) // migrations run again and must be no-ops
	if err := db2.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.NewArticleService(db2).FindArticleByID(context.Background(), a.ID); err != nil {
		t.Errorf("article lost on reopen: %v", err)
	}
}

func TestOpenBadPath(t *testing.T) {
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "missing-dir", "x.db"))
	if err := db.Open(); err == nil {
		db.Close()
		t.Fatal("Open in a missing directory succeeded")
	}
}

var day = time.Date(2026, 1, 27, 9, 0, 0, 0, time.UTC)

func TestWALAndForeignKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parallax.db")
	db := openDB(t, path)
	a := storetest.NewArticle("A", "T", "B", day)
	if _, err := sqlite.NewArticleService(db).PutArticles(context.Background(), []*parallax.Article{a}); err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Errorf("no WAL file after a write: %v", err)
	}
	// A story in a storyline that does not exist must be refused by the
	// foreign key, which proves enforcement is on.
	if err := db.Exec(context.Background(), `INSERT INTO stories (id, storyline_id, created_at, updated_at) VALUES (1, 999, 0, 0)`); err == nil {
		t.Error("foreign keys are not enforced")
	}
}

// TestSourceLinesMigration: a database whose source_lines is still the
// WITHOUT ROWID table of migration 003 keeps its rows through 011.
func TestSourceLinesMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parallax.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	sight := parallax.LineSighting{Source: "S", ArticleKey: "k1", Title: 1, Lines: []uint64{7, 1 << 63}}
	if _, err := sqlite.NewSourceLineService(db).RecordLines(ctx, []parallax.LineSighting{sight}); err != nil {
		t.Fatal(err)
	}
	// back to the layout before 011
	for _, q := range []string{
		`CREATE TABLE old_lines (source_id INTEGER NOT NULL REFERENCES sources (id), line INTEGER NOT NULL,
			title INTEGER NOT NULL, article_key TEXT NOT NULL, PRIMARY KEY (source_id, line, title)) WITHOUT ROWID`,
		`INSERT INTO old_lines SELECT source_id, line, title, article_key FROM source_lines`,
		`DROP TABLE source_lines`,
		`ALTER TABLE old_lines RENAME TO source_lines`,
		`DELETE FROM schema_migrations WHERE version = 11`,
	} {
		if err := db.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db2 := openDB(t, path)
	got, err := sqlite.NewSourceLineService(db2).LineCounts(ctx, "S", []uint64{7, 1 << 63})
	if err != nil || len(got) != 2 || got[7].Articles[0] != "k1" || got[1<<63].Titles != 1 {
		t.Errorf("lines after migration = %+v, %v", got, err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var schema string
	if err := raw.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE name = 'source_lines'`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(schema, "WITHOUT ROWID") {
		t.Errorf("source_lines is still %s", schema)
	}
}

// TestFindByKeysUsesKeyIndex: unassigned articles looked up by key are
// found through the key index. SQLite's planner once preferred the index
// on story_id for "IS NULL" and scanned every unassigned article per
// lookup, which made assigning a large ingest quadratic.
func TestFindByKeysUsesKeyIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parallax.db")
	db := openDB(t, path)
	var as []*parallax.Article
	var keys []string
	for i := range 300 {
		as = append(as, storetest.NewArticle("S", fmt.Sprintf("title %d", i), "body", day))
	}
	if _, err := sqlite.NewArticleService(db).PutArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, a := range as[:256] { // a batch, as the pipeline asks for
		keys = append(keys, a.Key)
	}
	for _, f := range []parallax.ArticleFilter{
		{Keys: keys, Unassigned: true, WithText: true},
		{Keys: keys, Assigned: true},
	} {
		query, count, args := db.Store().FindArticlesSQL(f)
		for _, q := range []string{query, count} {
			if got := queryPlan(t, raw, q, args); !strings.Contains(got, "(key=?)") {
				t.Errorf("unassigned %v, assigned %v: plan %q does not look articles up by key", f.Unassigned, f.Assigned, got)
			}
		}
	}
	// a page of a walk starts at its first ID
	for _, f := range []parallax.ArticleFilter{
		{AfterID: as[100].ID, Limit: 1000, WithText: true},
		{AfterID: as[100].ID, Limit: 1000, Unassigned: true},
		{AfterID: as[100].ID, Limit: 1000, Assigned: true, WithText: true},
	} {
		query, _, args := db.Store().FindArticlesSQL(f)
		if got := queryPlan(t, raw, query, args); !strings.Contains(got, "id>?") {
			t.Errorf("unassigned %v, assigned %v: plan %q does not start the page at its first ID", f.Unassigned, f.Assigned, got)
		}
	}
}

// queryPlan returns SQLite's plan for query, its steps joined by "; ".
func queryPlan(t *testing.T, db *sql.DB, query string, args []any) string {
	t.Helper()
	rows, err := db.Query("EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "; ")
}

// TestMmapBytes: reads map the file by default, and not with MmapBytes 0,
// as /proc/self/maps shows.
func TestMmapBytes(t *testing.T) {
	maps := func() string {
		b, err := os.ReadFile("/proc/self/maps")
		if err != nil {
			t.Skip("no /proc/self/maps:", err)
		}
		return string(b)
	}
	maps()
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		mmap   int64
		mapped bool
	}{{"default.db", sqlite.DefaultMmapBytes, true}, {"unmapped.db", 0, false}} {
		path := filepath.Join(dir, tc.name)
		db := sqlite.NewDB(path)
		if db.MmapBytes != sqlite.DefaultMmapBytes {
			t.Fatalf("NewDB: MmapBytes %d", db.MmapBytes)
		}
		db.MmapBytes = tc.mmap
		if err := db.Open(); err != nil {
			t.Fatal(err)
		}
		as := sqlite.NewArticleService(db)
		a := storetest.NewArticle("Ledger", "Bridge collapses", "Text.", time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
		if _, err := as.PutArticles(context.Background(), []*parallax.Article{a}); err != nil {
			t.Fatal(err)
		}
		if _, err := as.FindArticleByID(context.Background(), a.ID); err != nil {
			t.Fatal(err)
		}
		// (the WAL index, path-shm, is mapped either way)
		if got := strings.Contains(maps(), path+"\n"); got != tc.mapped {
			t.Errorf("%s (MmapBytes %d): mapped %v, want %v", tc.name, tc.mmap, got, tc.mapped)
		}
		db.Close()
	}
}

// TestChangesAcrossHandles: the change stamp holds still while nothing is
// written, and moves when another handle on the file (another process)
// commits.
func TestChangesAcrossHandles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	db, other := openDB(t, path), openDB(t, path)
	first, err := db.Changes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	as := sqlite.NewArticleService(db)
	if _, _, err := as.FindArticles(ctx, parallax.ArticleFilter{}); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.Changes(ctx); again != first {
		t.Errorf("a read moved the stamp: %s → %s", first, again)
	}
	a := storetest.NewArticle("Ledger", "Bridge collapses", "Text.", time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	if _, err := sqlite.NewArticleService(other).PutArticles(ctx, []*parallax.Article{a}); err != nil {
		t.Fatal(err)
	}
	if after, _ := db.Changes(ctx); after == first {
		t.Errorf("another handle's commit left the stamp at %s", after)
	}
}
