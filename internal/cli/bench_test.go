package cli

import (
	"bytes"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/model"
)

// BenchmarkBuildCommand10k is all of `idebank build` on 10,000 ideas but
// the process start: reading and checking the files, building the site and
// writing it into a fresh folder. bench/site.sh measures the same against
// Hugo, as a program.
func BenchmarkBuildCommand10k(b *testing.B) {
	bank := b.TempDir()
	if err := corpus.WriteDir(bank, 10000, 1); err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	today := model.Date{Year: 2026, Month: 11, Day: 21}
	i := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		i++
		var stderr bytes.Buffer
		opts := &BuildOptions{Stdout: &bytes.Buffer{}, Stderr: &stderr, Dir: bank, Out: filepath.Join(out, strconv.Itoa(i)), Today: today}
		if code := runBuild(opts, model.English); code != ExitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}
