package check

import (
	"os"
	"testing"

	"golang.org/x/tools/txtar"

	rendering "github.com/idebanken/idebanken/internal/render"
)

// TestWorstMarkdownPasses: the texts that BenchmarkWorstMarkdown (in
// internal/render) measures pass the whole check, so that what it
// measures is the most that a file the check lets through costs the build.
func TestWorstMarkdownPasses(t *testing.T) {
	cfg, err := os.ReadFile("testdata/idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range rendering.Worst(rendering.MaxText) {
		ar := &txtar.Archive{Files: []txtar.File{{Name: "ideas/2026/2026-001-x.md", Data: []byte(validIdea[:len(validIdea)-len("Text.\n")] + body)}}}
		res := runArchive(ar, cfg, archiveOpts{today: ruleToday})
		for _, d := range res.Diags {
			t.Errorf("%s: %v", name, d)
		}
	}
}
