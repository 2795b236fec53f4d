package main

import (
	"encoding/json"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// TestPostgresEndToEnd runs ingest and story on the real PostgreSQL of
// these machines, in a schema of its own: the same commands, another
// store.
func TestPostgresEndToEnd(t *testing.T) {
	dsn := pgSchema(t)

	r := runCLI(t, nil, "", "ingest", "--json", "--db", dsn, demoDir(t))
	if r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	var sum struct{ Added, Assigned, Annotated int }
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil || sum.Added != 10 || sum.Assigned != 10 || sum.Annotated != 10 {
		t.Fatalf("ingest summary %q: %v", r.stdout, err)
	}
	if r := runCLI(t, nil, "", "ingest", "--json", "--db", dsn, demoDir(t)); r.code != 0 || !json.Valid([]byte(r.stdout)) {
		t.Fatalf("second ingest: exit %d: %s", r.code, r.stderr)
	} else {
		var again struct{ Added, Updated, Unchanged int }
		json.Unmarshal([]byte(r.stdout), &again)
		if again.Added+again.Updated != 0 || again.Unchanged != 10 {
			t.Errorf("second ingest changed something: %s", r.stdout)
		}
	}
	r = runCLI(t, nil, "", "story", "1", "--json", "--db", dsn)
	if r.code != 0 {
		t.Fatalf("story: exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Articles  []struct{ ID int64 }
		Conflicts []struct{ Slot string }
		Quotes    []struct{ Speaker string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Articles) != 6 || len(rep.Conflicts) == 0 || len(rep.Quotes) == 0 {
		t.Errorf("story 1 on PostgreSQL: %d articles, %d conflicts, %d quotes, %v", len(rep.Articles), len(rep.Conflicts), len(rep.Quotes), err)
	}
}
