package main

import (
	"bytes"
	"math"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/cli"
	"github.com/idebanken/idebanken/internal/corpus"
)

// collector returns the collector's GOGC and memory limit, changing
// neither.
func collector() (gc int, limit int64) {
	gc = debug.SetGCPercent(100)
	debug.SetGCPercent(gc)
	return gc, debug.SetMemoryLimit(-1)
}

// restoreCollector puts the collector back as it is now when the test
// ends.
func restoreCollector(tb testing.TB) {
	gc, limit := collector()
	tb.Cleanup(func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	})
}

// TestTuneMemory: idebank build runs with the collector of buildGCPercent
// and a memory limit sized to the bank, unless the environment sets them;
// every other command, and the package cli a test runs a build with,
// leave the collector alone.
func TestTuneMemory(t *testing.T) {
	restoreCollector(t)
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	none := func(string) string { return "" }

	env := cli.Env{Getenv: none}
	tuneMemory([]string{"check"}, &env)
	if gc, limit := collector(); gc != 100 || limit != math.MaxInt64 || env.BankSize != nil {
		t.Errorf("check: GOGC %d, limit %d, a bank size hook %v; want the collector untouched", gc, limit, env.BankSize != nil)
	}

	tuneMemory([]string{"build"}, &env)
	if gc, limit := collector(); gc != buildGCPercent || limit != minMemoryLimit || env.BankSize == nil {
		t.Fatalf("build: GOGC %d, limit %d; want %d and %d with a bank size hook", gc, limit, buildGCPercent, minMemoryLimit)
	}
	env.BankSize(100000)
	if _, limit := collector(); limit != 100000*memPerIdea {
		t.Errorf("build of 100,000 ideas: limit %d, want %d", limit, 100000*memPerIdea)
	}

	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	env = cli.Env{Getenv: func(k string) string { return map[string]string{"GOGC": "200", "GOMEMLIMIT": "1GiB"}[k] }}
	tuneMemory([]string{"build"}, &env)
	if gc, limit := collector(); gc != 100 || limit != math.MaxInt64 || env.BankSize != nil {
		t.Errorf("build with GOGC and GOMEMLIMIT set: GOGC %d, limit %d; want the environment's (the runtime read them)", gc, limit)
	}

	// A build run through the package, as the tests run it, keeps the
	// test's collector.
	bank := t.TempDir()
	if err := corpus.WriteDir(bank, 20, 1); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	code := cli.Main([]string{"build", "--out", filepath.Join(t.TempDir(), "site")}, cli.Env{Stdout: &bytes.Buffer{}, Stderr: &stderr,
		Getenv: none, Now: func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) }, Dir: bank})
	if code != cli.ExitOK {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	if gc, limit := collector(); gc != 100 || limit != math.MaxInt64 {
		t.Errorf("cli.Main build changed the collector: GOGC %d, limit %d", gc, limit)
	}
}

// BenchmarkBuildCommand10k is all of `idebank build` on 10,000 ideas but
// the process start: reading and checking the files, building the site and
// writing it into a fresh folder, with the collector set as the program
// sets it. bench/site.sh measures the same against Hugo, as a program.
func BenchmarkBuildCommand10k(b *testing.B) {
	bank := b.TempDir()
	if err := corpus.WriteDir(bank, 10000, 1); err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	restoreCollector(b)
	i := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		i++
		var stderr bytes.Buffer
		env := cli.Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, Getenv: func(string) string { return "" },
			Now: func() time.Time { return now }, Dir: bank}
		args := []string{"build", "--out", filepath.Join(out, strconv.Itoa(i))}
		tuneMemory(args, &env)
		if code := cli.Main(args, env); code != cli.ExitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}
