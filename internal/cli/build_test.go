package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/corpus"
)

// TestBuildSizedBeforeTheCheck: a build tells BankSize how many files
// there are under ideas/ once they are read, before they are parsed (a
// file that is no idea is counted): main sizes the memory limit by it, and
// the check of a large bank under the limit of one not yet sized ran the
// collector without pause.
func TestBuildSizedBeforeTheCheck(t *testing.T) {
	bank := t.TempDir()
	if err := corpus.WriteDir(bank, 20, 1); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(bank, "ideas", "*", "*.md"))
	if err != nil || len(files) != 20 {
		t.Fatalf("%d idea files, %v", len(files), err)
	}
	broken := filepath.Join(filepath.Dir(files[0]), "broken.md")
	if err := os.WriteFile(broken, []byte("---\nid: [\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sized := -1
	env := Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" },
		Now: func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) }, Dir: bank,
		BankSize: func(n int) { sized = n }}
	if code := runBuildCmd([]string{"--out", filepath.Join(t.TempDir(), "site")}, env); code != ExitProblems {
		t.Fatalf("build: exit %d, want 1 for the broken file:\n%s", code, env.Stderr)
	}
	if sized != 21 {
		t.Errorf("BankSize told %d, want the 21 files", sized)
	}
}
