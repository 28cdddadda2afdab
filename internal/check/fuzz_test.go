package check

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
)

// addSeeds seeds f with the shipped example ideas.
func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("../../ideas/*/*.md")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
}

// checkDiagnostics fails t unless every diagnostic is one a user can act
// on: a known rule, a message from the catalogue, a position in the file.
func checkDiagnostics(t *testing.T, data []byte, ds []diag.Diagnostic) {
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, d := range ds {
		if !slices.Contains(diag.Rules, d.Rule) {
			t.Errorf("unknown rule %q", d.Rule)
		}
		if !i18n.Has(d.Msg.Key) {
			t.Errorf("message key %q is not in the catalogue", d.Msg.Key)
		}
		if d.Pos.Line < 0 || (data != nil && d.Pos.Line > lines) {
			t.Errorf("%s: line %d outside the file's %d lines", d.Text(model.English), d.Pos.Line, lines)
		}
	}
}

// FuzzLint runs the whole validator over one idea file of any content.
func FuzzLint(f *testing.F) {
	addSeeds(f)
	cfg, err := os.ReadFile("testdata/idebank.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &snapshot.Snapshot{
			Config: &snapshot.File{Path: snapshot.ConfigFile, Data: cfg, Size: int64(len(cfg))},
			Ideas:  []snapshot.File{{Path: "ideas/2026/2026-001-x.md", Data: data, Size: int64(len(data))}},
		}
		res := Lint(s, model.Date{Year: 2026, Month: 11, Day: 21})
		checkDiagnostics(t, data, res.Diags)
		if len(res.Ideas) == 0 && res.Errors() == 0 {
			t.Error("the file was not read, and no error says why")
		}
	})
}

// FuzzConfig runs the validator with a configuration of any content.
func FuzzConfig(f *testing.F) {
	for _, name := range []string{"../../idebank.yaml", "testdata/idebank.yaml"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	idea, err := os.ReadFile(filepath.Join("testdata", "fuzz-idea.md"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, cfg []byte) {
		s := &snapshot.Snapshot{
			Config: &snapshot.File{Path: snapshot.ConfigFile, Data: cfg, Size: int64(len(cfg))},
			Ideas:  []snapshot.File{{Path: "ideas/2026/2026-001-x.md", Data: idea, Size: int64(len(idea))}},
		}
		res := Lint(s, model.Date{Year: 2026, Month: 11, Day: 21})
		checkDiagnostics(t, nil, res.Diags)
		if res.Config == nil && res.Errors() == 0 {
			t.Error("the configuration was not read, and no error says why")
		}
	})
}
