package budget

import (
	"errors"
	"testing"
	"time"
)

func TestRunWithinBudget(t *testing.T) {
	for _, d := range []time.Duration{0, -1, time.Minute} {
		v, err := Run(d, func() int { return 7 })
		if err != nil || v != 7 {
			t.Errorf("Run(%s) = %d, %v; want 7, nil", d, v, err)
		}
	}
}

// TestRunOverrun blocks the work until the test releases it, so the budget
// is certainly overrun whatever the machine's speed.
func TestRunOverrun(t *testing.T) {
	release := make(chan struct{})
	ended := make(chan struct{})
	v, err := Run(time.Millisecond, func() int {
		<-release
		close(ended)
		return 7
	})
	if !errors.Is(err, ErrExceeded) || v != 0 {
		t.Fatalf("Run = %d, %v; want 0, ErrExceeded", v, err)
	}
	if got := Abandoned(); got != 1 {
		t.Errorf("Abandoned() = %d while the work runs; want 1", got)
	}
	close(release)
	<-ended
	waitAbandoned(t, 0)
}

// TestRunBoundsAbandoned checks that Run starts no new work while
// MaxAbandoned overrunning calls still run, and resumes once one ends.
func TestRunBoundsAbandoned(t *testing.T) {
	releases := make([]chan struct{}, MaxAbandoned)
	for i := range releases {
		releases[i] = make(chan struct{})
		rel := releases[i]
		if _, err := Run(time.Millisecond, func() int { <-rel; return 0 }); !errors.Is(err, ErrExceeded) {
			t.Fatalf("call %d: %v; want ErrExceeded", i, err)
		}
	}
	started := make(chan struct{})
	result := make(chan error, 1)
	go func() {
		_, err := Run(time.Minute, func() int { close(started); return 1 })
		result <- err
	}()
	select {
	case <-started:
		t.Fatalf("work started with %d calls abandoned", MaxAbandoned)
	case <-time.After(50 * time.Millisecond):
	}
	close(releases[0])
	<-started
	if err := <-result; err != nil {
		t.Fatalf("Run after a release: %v", err)
	}
	for _, rel := range releases[1:] {
		close(rel)
	}
	waitAbandoned(t, 0)
}

func waitAbandoned(t *testing.T, want int) {
	t.Helper()
	for range 1000 {
		if Abandoned() == want {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("Abandoned() = %d; want %d", Abandoned(), want)
}
