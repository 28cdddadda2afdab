package main

import (
	"runtime/debug"

	"github.com/idebanken/idebanken/internal/cli"
)

// buildMemoryLimit returns the soft memory limit of idebank build for a
// bank of n ideas. A site of 10,000 ideas allocates several times its live
// heap over the build, most of it briefly; without a limit the collector
// lets the heap grow past 400 MB, and 300 MiB holds it there at no cost.
// But the live heap grows with the bank, by some memPerIdea an idea: a
// fixed limit that it passes makes the collector run without pause (a bank
// of 100,000 ideas took 139 s under 300 MiB, 74 s without a limit), so
// the limit grows with it. It is set once the files are read, before they
// are parsed and checked: under the 300 MiB of a bank not yet sized, the
// check of 100,000 ideas (its heap grows to 680 MB) ran the collector
// without pause for a quarter of the build. GOMEMLIMIT in the environment
// overrides it.
//
// The process's memory follows the limit closely (at 100,000 ideas the
// peak RSS was within 15 MiB of it), so memPerIdea is what a build may
// take an idea, and the bar of 1.5 GB at 100,000 ideas bounds it. The heap
// holds more than the live objects: spans that the collector cannot give
// back as a few live objects remain in each, 350-430 MB beside a live
// heap of 500-560 MB at 100,000 ideas (runtime/metrics, 2026-12-02). At
// 12 KiB an idea that left the collector 250-300 MB to collect into, and
// it ran 15 times; at 13 KiB 12 times, the build 7 % faster, the peak RSS
// 1.34 GB.
func buildMemoryLimit(n int) int64 {
	return max(minMemoryLimit, int64(n)*memPerIdea)
}

const (
	minMemoryLimit = 300 << 20
	memPerIdea     = 13 << 10
)

// buildGCPercent is the collector's GOGC during idebank build. Most of
// what a build allocates is kept to its end (the ideas, the parts of their
// pages), so at the default of 100 the collector ran a dozen times while
// the heap grew, marking all of it each time, to find little garbage. At
// 400 it runs about half as often on 10,000 ideas, and the memory limit
// bounds the heap all the same. GOGC in the environment overrides it.
const buildGCPercent = 400

// tuneMemory sets the collector for the command that args run: for idebank
// build, buildGCPercent and a memory limit that env.BankSize sizes to the
// bank once it is read, each unless the environment sets its own. It is
// done here, in the program, because the settings are the whole process's:
// a test that runs a build in its own process keeps its collector.
func tuneMemory(args []string, env *cli.Env) {
	if len(args) == 0 || args[0] != "build" {
		return
	}
	if env.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(minMemoryLimit) // until the bank's size is known
		env.BankSize = func(n int) { debug.SetMemoryLimit(buildMemoryLimit(n)) }
	}
	if env.Getenv("GOGC") == "" {
		debug.SetGCPercent(buildGCPercent)
	}
}
