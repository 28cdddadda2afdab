package sitegen

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	theme "github.com/idebanken/idebanken/site"
)

// corpusResult parses n generated ideas as the build command does: read
// into a snapshot, then checked. It fails on any error, so a benchmark can
// never measure a build of nothing.
func corpusResult(tb testing.TB, n int) *check.Result {
	tb.Helper()
	s := &snapshot.Snapshot{Config: &snapshot.File{Path: snapshot.ConfigFile, Data: []byte(corpus.Config), Size: int64(len(corpus.Config))}}
	for _, f := range corpus.Generate(n, 1) {
		s.Ideas = append(s.Ideas, snapshot.File{Path: f.Path, Data: f.Data, Size: int64(len(f.Data))})
	}
	s.Sort()
	res := check.Lint(s, today)
	if res.Config == nil {
		tb.Fatalf("corpus configuration: %v", res.Diags)
	}
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			tb.Errorf("%s", d.Text(model.English))
		}
	}
	if len(res.Ideas) != n {
		tb.Fatalf("parsed %d ideas, want %d", len(res.Ideas), n)
	}
	return res
}

// TestCorpusBuilds keeps the build benchmarks honest: the generated corpus
// builds without error, into memory and into a folder, the same files,
// with a page for every idea.
func TestCorpusBuilds(t *testing.T) {
	const n = 2000
	res := corpusResult(t, n)
	m := NewMemory()
	if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: m}); err != nil {
		t.Fatal(err)
	}
	for _, idea := range res.Ideas {
		if _, ok := m.File("idea/" + string(idea.ID) + "/index.html"); !ok {
			t.Fatalf("no page for %s", idea.ID)
		}
	}
	for _, name := range []string{"index.html", "idea/index.html", "search.json", "ideas.json", "feed.xml"} {
		if b, ok := m.File(name); !ok || len(b) == 0 {
			t.Errorf("no %s", name)
		}
	}

	root := t.TempDir()
	out := filepath.Join(root, "out")
	d, err := OpenDir(out, filepath.Join(root, "bank"))
	if err != nil {
		t.Fatal(err)
	}
	if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: d}); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	for _, name := range m.Names() {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// A fresh folder takes ideas.json as it is made (see streamer),
		// the memory whole: the same bytes.
		if want, _ := m.File(name); !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes in the folder, %d in memory", name, len(got), len(want))
		}
	}
}

// BenchmarkBuild10k builds the site of 10,000 ideas, already parsed, into
// memory: rendering every page, the search index, the similarity index,
// open data and feeds.
func BenchmarkBuild10k(b *testing.B) { benchBuild10k(b, false) }

// BenchmarkBuild10kWithoutSimilar is BenchmarkBuild10k without the
// similarity index: the two side by side give what the index costs a
// build.
func BenchmarkBuild10kWithoutSimilar(b *testing.B) { benchBuild10k(b, true) }

func benchBuild10k(b *testing.B, noSimilar bool) {
	res := corpusResult(b, 10000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		m := NewMemory()
		if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: m, noSimilar: noSimilar}); err != nil {
			b.Fatal(err)
		}
	}
	// On a machine shared with other work the wall time says more of the
	// others than of the build; the processor time the build took is
	// nearly the same however busy the machine is.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkBuildDir10k is the build half of `idebank build` on 10,000
// ideas: the same build into a fresh folder on disk, each file written
// atomically, and the manifest.
func BenchmarkBuildDir10k(b *testing.B) {
	res := corpusResult(b, 10000)
	root := b.TempDir()
	i := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		i++
		out := filepath.Join(root, "out", "site"+strconv.Itoa(i))
		d, err := OpenDir(out, filepath.Join(root, "bank"))
		if err != nil {
			b.Fatal(err)
		}
		if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: d}); err != nil {
			b.Fatal(err)
		}
		if err := d.Close(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
