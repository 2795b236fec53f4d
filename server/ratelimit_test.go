package server

import (
	"testing"
	"time"
)

func TestLimiterRefills(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(2, func() time.Time { return now })
	for i := range 4 { // a burst of twice the rate
		if !l.allow("a") {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	if l.allow("a") {
		t.Fatal("past the burst, allowed")
	}
	if !l.allow("b") {
		t.Fatal("another client refused")
	}
	now = now.Add(500 * time.Millisecond) // one token back at 2/s
	if !l.allow("a") || l.allow("a") {
		t.Error("refill is not one token per half second")
	}
}
