package ideafile

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
)

// FuzzParse reads any bytes as an idea file: it never panics, returns nil
// only with an error that says why, places every problem inside the file,
// and a file it reads without problems encodes and reads back the same.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../../ideas/*/*.md")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("\uFEFF---  \r\nid: 2026-001\r\n---\r\n"))
	f.Add([]byte("---\na: &a [1]\nb: *a\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ds diag.List
		idea := Parse("ideas/2026/2026-001-x.md", data, &ds)
		if idea == nil && ds.Len() == 0 {
			t.Fatal("nothing read, and no problem says why")
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, d := range ds.Items() {
			if d.Pos.Line < 0 || d.Pos.Line > lines || d.Pos.Col < 0 {
				t.Fatalf("%s is outside the file's %d lines", d.Text(model.English), lines)
			}
		}
		if idea == nil || ds.Len() > 0 || idea.Stage != model.StageSubmitted || idea.Screening != nil || idea.ID == "" {
			return
		}
		again, err := Encode(New{ID: idea.ID, Title: idea.Title, Kind: idea.Kind, Submitted: idea.Submitted, Submitter: idea.Submitter,
			Unit: idea.Unit, Tags: idea.Tags, Discussion: idea.Discussion, Body: idea.Body})
		if err != nil {
			t.Fatal(err)
		}
		var ds2 diag.List
		back := Parse("ideas/2026/2026-001-x.md", again, &ds2)
		if back == nil || back.Title != idea.Title || back.Submitter.Name != idea.Submitter.Name || back.Unit != idea.Unit {
			t.Fatalf("encoding changed the idea:\n%s\n---\n%s", data, again)
		}
	})
}
