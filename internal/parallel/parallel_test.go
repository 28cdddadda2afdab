package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestForCallsEachOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 17, 1000} {
		calls := make([]atomic.Int32, n)
		For(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: item %d called %d times, want 1", n, i, c)
			}
		}
	}
}

func TestForUsesTheCores(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one core")
	}
	// Two items that each wait for the other can only finish if they run
	// at the same time; one after the other, the first waits in vain.
	a, b := make(chan struct{}), make(chan struct{})
	wait := func(c chan struct{}) bool {
		select {
		case <-c:
			return true
		case <-time.After(5 * time.Second):
			return false
		}
	}
	var alone atomic.Bool
	For(2, func(i int) {
		if i == 0 {
			close(a)
			if !wait(b) {
				alone.Store(true)
			}
		} else {
			close(b)
			if !wait(a) {
				alone.Store(true)
			}
		}
	})
	if alone.Load() {
		t.Error("the two items did not run at the same time")
	}
}
