package yamlx

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/diag"
)

// BenchmarkParse compares Parse with yaml.v3 alone (what Parse did before
// it had a fast path) on a real idea, a generated one with every stage
// filled in, and the repository's configuration.
func BenchmarkParse(b *testing.B) {
	real, err := os.ReadFile(filepath.Join("..", "..", "ideas", "2026", "2026-008-halkrisk-vid-entren-till-solbackens-forskola.md"))
	if err != nil {
		b.Fatal(err)
	}
	config, err := os.ReadFile(filepath.Join("..", "..", "idebank.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	var generated []byte
	for _, f := range corpus.Generate(200, 1) {
		if fm, _ := frontMatter(f.Data); len(fm) > len(generated) {
			generated = fm
		}
	}
	realFM, _ := frontMatter(real)
	for _, in := range []struct {
		name string
		src  []byte
	}{{"idea", realFM}, {"generated", generated}, {"config", config}} {
		if _, ok := parseFast(in.src, nil); !ok {
			b.Fatalf("%s: not taken by the fast path", in.name)
		}
		b.Run(in.name+"/yaml.v3", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.src)))
			for b.Loop() {
				if _, err := v3(in.src); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(in.name+"/Parse", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.src)))
			var diags diag.List
			d := NewDecoder("x", 0, &diags)
			for b.Loop() {
				if _, ok := d.Parse(in.src); !ok {
					b.Fatal(diags)
				}
			}
		})
	}
}
