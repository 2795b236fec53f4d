package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/parallax-news/parallax/postgres"
)

// TestLeadership: one leader per schema at a time; when the leader's
// connections close (its process died), another takes over.
func TestLeadership(t *testing.T) {
	ctx := context.Background()
	first := openDB(t)
	second := postgres.NewDB(first.DSN)
	if err := second.Open(); err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	// a deployment in another schema has a leader of its own
	other := openDB(t)

	lead, err := first.TryLead(ctx)
	if err != nil || lead == nil {
		t.Fatalf("first: %v, %v", lead, err)
	}
	if err := lead.Check(ctx); err != nil {
		t.Errorf("check: %v", err)
	}
	if l, err := second.TryLead(ctx); l != nil || err != nil {
		t.Fatalf("second became leader beside the first: %v, %v", l, err)
	}
	if l, err := other.TryLead(ctx); l == nil || err != nil {
		t.Errorf("the other schema has no leader of its own: %v", err)
	} else {
		l.Release()
	}

	// the leader's session ends as when its process dies
	if err := second.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_locks
		WHERE locktype = 'advisory' AND classid = 1885434476 AND objid = hashtext(current_schema())::oid`); err != nil {
		t.Fatal(err)
	}
	if err := lead.Check(ctx); err == nil {
		t.Error("a closed leader still checks as leader")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		l, err := second.TryLead(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if l != nil {
			l.Release()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no takeover within 5 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
