package cli

import (
	"bytes"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/corpus"
)

// BenchmarkBuildCommand10k is all of `idebank build` on 10,000 ideas but
// the process start: reading and checking the files, building the site and
// writing it into a fresh folder, with the collector set as the command
// sets it. bench/site.sh measures the same against Hugo, as a program.
func BenchmarkBuildCommand10k(b *testing.B) {
	bank := b.TempDir()
	if err := corpus.WriteDir(bank, 10000, 1); err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	// runBuildCmd sets the collector for the whole process: put it back.
	gc := debug.SetGCPercent(100)
	defer debug.SetGCPercent(gc)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // -1 only reads it
	i := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		i++
		var stderr bytes.Buffer
		env := Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, Getenv: func(string) string { return "" },
			Now: func() time.Time { return now }, Dir: bank}
		if code := runBuildCmd([]string{"--out", filepath.Join(out, strconv.Itoa(i))}, env); code != ExitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}
