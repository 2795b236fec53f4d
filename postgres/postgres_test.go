package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/parallax-news/parallax/postgres"
	"github.com/parallax-news/parallax/storetest"
)

// testDSN is the PostgreSQL the tests use: PARALLAX_TEST_POSTGRES, or the
// server these machines run (trust authentication, database test).
func testDSN() string {
	if dsn := os.Getenv("PARALLAX_TEST_POSTGRES"); dsn != "" {
		return dsn
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// openDB returns a store in a new schema of its own, dropped after the
// test.
func openDB(t *testing.T) *postgres.DB {
	t.Helper()
	admin, err := sql.Open("pgx", testDSN())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "parallax_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("PostgreSQL at %s: %v (set PARALLAX_TEST_POSTGRES to another server)", testDSN(), err)
	}
	t.Cleanup(func() { admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE") })
	sep := "?"
	if strings.Contains(testDSN(), "?") {
		sep = "&"
	}
	db := postgres.NewDB(testDSN() + sep + "search_path=" + schema)
	if err := db.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Stores {
		db := openDB(t)
		return storetest.Stores{
			Articles:    postgres.NewArticleService(db),
			Stories:     postgres.NewStoryService(db),
			Sources:     postgres.NewSourceService(db),
			Lines:       postgres.NewSourceLineService(db),
			Annotations: postgres.NewAnnotationService(db),
			Search:      postgres.NewSearchService(db),
			Subs:        postgres.NewSubscriptionService(db),
			Jobs:        postgres.NewJobService(db),
			Changes:     db.Changes,
		}
	})
}

// TestOpenTwice checks that a second worker opening a migrated database
// applies nothing and keeps the data.
func TestOpenTwice(t *testing.T) {
	db := openDB(t)
	again := postgres.NewDB(db.DSN)
	if err := again.Open(); err != nil {
		t.Fatalf("second Open: %v", err)
	}
	again.Close()
}
