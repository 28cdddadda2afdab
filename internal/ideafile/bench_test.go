package ideafile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/process"
)

// BenchmarkParse reads every idea file of the shipped bank, from the one
// just submitted to the one evaluated and reported: the parse the check
// and the build make of every file, and what it allocates.
func BenchmarkParse(b *testing.B) {
	paths, err := filepath.Glob("../../ideas/*/*.md")
	if err != nil || len(paths) == 0 {
		b.Fatal("no idea files", err)
	}
	files := make([][]byte, len(paths))
	for i, p := range paths {
		if files[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	p := process.Default()
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range files {
			var ds diag.List
			if ParseFor(p, paths[i], data, &ds) == nil {
				b.Fatal(paths[i], ds.Items())
			}
		}
	}
}
