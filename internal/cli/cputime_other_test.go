//go:build !unix

package cli

// cpuTime is 0 where the processor time cannot be read.
func cpuTime() int64 { return 0 }
