package edit

import (
	"errors"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// FuzzAdvance takes every step there is from whatever stage a file gives:
// the edit either refuses with an *Error, leaving nothing half done, or
// gives a file at the new stage in which every value it does not name
// reads as before and the lines it does not touch are as they were.
func FuzzAdvance(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, a := range ar.Files {
			if a.Name == "before" {
				f.Add(a.Data)
			}
		}
	}
	for _, s := range pathStarts {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Open(data)
		if err != nil {
			return
		}
		var ds diag.List
		if ideafile.Parse("ideas/2026/2026-001-x.md", data, &ds) == nil {
			return // not an idea file that can be read at all
		}
		from, _ := d.Get("stage")
		for _, to := range workflow.Default.Next(model.Stage(from)) {
			tr, _ := workflow.Default.Lookup(model.Stage(from), to)
			res, err := Advance(data, tr, Options{Today: pathsToday, By: func(workflow.Requirement) string { return "amb" }})
			if err != nil {
				if !errors.As(err, new(*Error)) {
					t.Fatalf("%s → %s: %v is not an *Error", from, to, err)
				}
				continue
			}
			after, err := Open(res.Data)
			if err != nil {
				t.Fatalf("%s → %s: the result does not open: %v\n%s", from, to, err, res.Data)
			}
			if got, _ := after.Get("stage"); got != string(to) {
				t.Fatalf("%s → %s: the stage is %q\n%s", from, to, got, res.Data)
			}
			checkSurgical(t, data, res)
		}
	})
}
