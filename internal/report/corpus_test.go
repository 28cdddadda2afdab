package report

import (
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
)

func parseCorpus(t testing.TB, files []corpus.File) []*model.Idea {
	t.Helper()
	var ideas []*model.Idea
	for _, f := range files {
		var ds diag.List
		idea := ideafile.Parse(f.Path, f.Data, &ds)
		if idea == nil || ds.Len() > 0 {
			t.Fatalf("%s: %v", f.Path, ds.Items())
		}
		ideas = append(ideas, idea)
	}
	return ideas
}
