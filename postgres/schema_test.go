package postgres_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateSchema = flag.Bool("update-schema", false, "rewrite docs/schema.sql from the migrations")

// TestSchemaDoc keeps docs/schema.sql, the plain-SQL description of the
// schema, equal to the PostgreSQL migrations it is made of.
func TestSchemaDoc(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations: %v", err)
	}
	var b strings.Builder
	b.WriteString("-- The Parallax schema on PostgreSQL: its migrations (postgres/migrations)\n" +
		"-- in order. SQLite has the same tables (sqlite/migrations), with FTS5\n" +
		"-- for search instead of a tsvector column. Regenerate with\n" +
		"--   go test ./postgres -run TestSchemaDoc -update-schema\n")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("\n-- ---- " + filepath.Base(f) + "\n\n")
		b.Write(data)
	}
	doc := filepath.Join("..", "docs", "schema.sql")
	if *updateSchema {
		if err := os.WriteFile(doc, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(doc)
	if err != nil || string(got) != b.String() {
		t.Errorf("docs/schema.sql is not the migrations (%v); run go test ./postgres -run TestSchemaDoc -update-schema", err)
	}
}
