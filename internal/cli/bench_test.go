package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/model"
)

// writeCorpus writes n generated ideas and their configuration into a new
// folder and returns it.
func writeCorpus(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "idebank.yaml"), []byte(corpus.Config), 0o644); err != nil {
		tb.Fatal(err)
	}
	for _, f := range corpus.Generate(n, 1) {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// BenchmarkBuildCommand10k is all of `idebank build` on 10,000 ideas but
// the process start: reading and checking the files, building the site and
// writing it into a fresh folder. bench/site.sh measures the same against
// Hugo, as a program.
func BenchmarkBuildCommand10k(b *testing.B) {
	bank := writeCorpus(b, 10000)
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
