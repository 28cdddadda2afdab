package check

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
)

// TestLintCached: after each edit of a bank (a file changed, one added
// with another's id, one removed, the configuration changed), LintCached
// with the cache of the edits before gives what Lint gives, and keeps the
// idea of every file that did not change, and none of their positions.
func TestLintCached(t *testing.T) {
	s := corpusSnapshot(300)
	c := NewCache()
	text := func(ds []diag.Diagnostic) string {
		var b bytes.Buffer
		for _, d := range ds {
			fmt.Fprintln(&b, d.Text(model.English))
		}
		return b.String()
	}
	same := func(step string) *Result {
		t.Helper()
		got, want := LintCached(s, benchToday, c), Lint(s, benchToday)
		if text(got.Diags) != text(want.Diags) {
			t.Errorf("%s: LintCached says\n%s\nLint says\n%s", step, text(got.Diags), text(want.Diags))
		}
		if got.Keys != nil {
			t.Errorf("%s: the positions of %d files kept", step, len(got.Keys))
		}
		if len(got.Ideas) != len(want.Ideas) || got.Files != want.Files {
			t.Errorf("%s: %d ideas of %d files, want %d of %d", step, len(got.Ideas), got.Files, len(want.Ideas), want.Files)
		}
		for i := range got.Ideas {
			if got.Ideas[i].Path != want.Ideas[i].Path || got.Ideas[i].Title != want.Ideas[i].Title {
				t.Fatalf("%s: idea %d is %s, want %s", step, i, got.Ideas[i].Path, want.Ideas[i].Path)
			}
		}
		return got
	}
	first := same("first")
	// A title changed: that file is parsed again, the others are kept.
	s.Ideas[5].Data = bytes.Replace(bytes.Clone(s.Ideas[5].Data), []byte("title: "), []byte("title: Ny "), 1)
	second := same("a title changed")
	for i := range second.Ideas {
		if kept := second.Ideas[i] == first.Ideas[i]; kept == (i == 5) {
			t.Errorf("idea %d kept: %v", i, kept)
		}
	}
	// A file with another's id: both get the cross-file error.
	dup := s.Ideas[7]
	dup.Path = "ideas/2026/2026-999-kopia.md"
	s.Ideas = append(s.Ideas, dup)
	s.Sort()
	if res := same("a duplicate id"); res.Errors() == 0 {
		t.Error("a duplicate id gave no error")
	}
	// Removed again, and another removed.
	s.Ideas = slices.DeleteFunc(s.Ideas, func(f snapshot.File) bool { return f.Path == dup.Path || f.Path == s.Ideas[9].Path })
	same("files removed")
	// The configuration changed: everything is checked again.
	cfg := *s.Config
	cfg.Data = append(bytes.Clone(cfg.Data), []byte("\nfeedback_days: 1\n")...)
	s.Config = &cfg
	same("the configuration changed")
}
