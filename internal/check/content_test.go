package check

import (
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
)

// TestRepositoryContent keeps the shipped example municipality valid, and
// keeps it an example of everything: every stage and kind, an anonymous
// submitter, a quick win carried out, a paused idea.
func TestRepositoryContent(t *testing.T) {
	s, err := snapshot.FromDir("../..")
	if err != nil {
		t.Fatal(err)
	}
	res := Lint(s, model.DateOf(time.Now()))
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			t.Errorf("%s", d.Text(model.English))
		}
	}
	if len(res.Ideas) < 15 {
		t.Errorf("%d example ideas, want at least 15", len(res.Ideas))
	}
	stages, kinds := map[model.Stage]bool{}, map[model.Kind]bool{}
	anonymous, quickWin := false, false
	for _, idea := range res.Ideas {
		stages[idea.Stage] = true
		kinds[idea.Kind] = true
		anonymous = anonymous || idea.Submitter.Anonymous
		if idea.Screening != nil && idea.Screening.Outcome == model.ScreenQuickWin && idea.Has("implementation.started") {
			quickWin = true
		}
	}
	for _, st := range model.Stages {
		if !stages[st] {
			t.Errorf("no example idea at stage %s", st)
		}
	}
	for _, k := range model.Kinds {
		if !kinds[k] {
			t.Errorf("no example idea of kind %s", k)
		}
	}
	if !anonymous {
		t.Error("no example with an anonymous submitter")
	}
	if !quickWin {
		t.Error("no example of a quick win carried out")
	}
}
