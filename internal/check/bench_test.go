package check

import (
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
)

var benchToday = model.Date{Year: 2026, Month: 11, Day: 21}

func corpusSnapshot(n int) *snapshot.Snapshot {
	s := &snapshot.Snapshot{Config: &snapshot.File{Path: snapshot.ConfigFile, Data: []byte(corpus.Config)}}
	for _, f := range corpus.Generate(n, 1) {
		s.Ideas = append(s.Ideas, snapshot.File{Path: f.Path, Data: f.Data, Size: int64(len(f.Data))})
	}
	s.Sort()
	return s
}

// TestCorpusIsValid keeps the generator honest: a benchmark over files
// that fail early would measure nothing.
func TestCorpusIsValid(t *testing.T) {
	res := Lint(corpusSnapshot(2000), benchToday)
	for _, d := range res.Diags {
		t.Errorf("%s", d.Text(model.English))
	}
	if len(res.Ideas) != 2000 {
		t.Errorf("parsed %d ideas, want 2000", len(res.Ideas))
	}
}

// BenchmarkLint10k checks 10,000 ideas already in memory: parsing, every
// lint rule and the checks across files.
func BenchmarkLint10k(b *testing.B) {
	s := corpusSnapshot(10000)
	b.ResetTimer()
	for b.Loop() {
		if res := Lint(s, benchToday); res.Errors() != 0 {
			b.Fatal("corpus has errors")
		}
	}
}

// BenchmarkCheckDir10k is what `idebank check` does on 10,000 ideas: read
// them from disk, then lint.
func BenchmarkCheckDir10k(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.WriteDir(dir, 10000, 1); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		s, err := snapshot.FromDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		if res := Lint(s, benchToday); res.Errors() != 0 {
			b.Fatal("corpus has errors")
		}
	}
}
