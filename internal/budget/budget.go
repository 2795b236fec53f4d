// Package budget bounds the time one piece of work may take.
//
// Go cannot stop a running goroutine, so work that overruns its budget is
// abandoned, not killed: the caller gets ErrExceeded and moves on while the
// work finishes in the background and its result is dropped. At most
// MaxAbandoned pieces of work run abandoned at once; past that, Run waits
// for one of them to end before it starts more, so that a stream of
// pathological inputs costs bounded CPU and memory rather than an
// unbounded pile of goroutines.
package budget

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// MaxAbandoned is the number of overrunning calls that may run on after
// their callers gave up on them.
const MaxAbandoned = 4

// ErrExceeded is returned, wrapped with the budget, by Run when the work
// overran.
var ErrExceeded = errors.New("time budget exceeded")

var (
	mu        sync.Mutex
	abandoned int
	freed     = sync.NewCond(&mu)
)

// Run calls f and waits for it at most d. With d <= 0 it calls f with no
// limit. When d passes first, Run returns the zero T and an error wrapping
// ErrExceeded; f runs on and its result is dropped.
func Run[T any](d time.Duration, f func() T) (T, error) {
	if d <= 0 {
		return f(), nil
	}
	mu.Lock()
	for abandoned >= MaxAbandoned {
		freed.Wait()
	}
	mu.Unlock()

	done := make(chan T, 1)
	var (
		once   sync.Once
		gaveUp bool
	)
	settle := func(abandon bool) bool {
		// settle is called by whichever of the caller and the work is
		// first to finish; it reports whether the caller gave up.
		once.Do(func() {
			gaveUp = abandon
			if abandon {
				mu.Lock()
				abandoned++
				mu.Unlock()
			}
		})
		return gaveUp
	}
	go func() {
		v := f()
		if settle(false) {
			mu.Lock()
			abandoned--
			mu.Unlock()
			freed.Broadcast()
			return
		}
		done <- v
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case v := <-done:
		return v, nil
	case <-t.C:
		if !settle(true) {
			// the work finished as the timer fired
			return <-done, nil
		}
		var zero T
		return zero, fmt.Errorf("%w (%s)", ErrExceeded, d)
	}
}

// Abandoned is the number of overrunning calls still running.
func Abandoned() int {
	mu.Lock()
	defer mu.Unlock()
	return abandoned
}
