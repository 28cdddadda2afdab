// Package parallel runs the items of a job on all cores.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for every i in [0, n), on as many goroutines as there
// are cores, and returns when every call has returned. Calls may run in any
// order and at the same time, so fn must only touch what is i's own.
//
// Each goroutine takes the next i from a shared counter. Handing the items
// out over a channel instead made each worker wait for the sender to be
// scheduled, item after item: on two cores, idebank build of 10,000 ideas
// took a fifth longer so, in wall and in CPU time.
func For(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
