package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.md")
	if err := WriteFile(name, []byte("ett"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(name, []byte("två"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(name)
	if err != nil || string(got) != "två" {
		t.Fatalf("got %q, %v", got, err)
	}
	info, _ := os.Stat(name)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("an existing file's permissions changed to %v", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(filepath.Join(dir, "no-such-dir", "a.md"), []byte("x"), 0o644); err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestErrorNamesTheFile: a write that fails names the file asked for, not
// the temporary file beside it, whose name means nothing to a user.
func TestErrorNamesTheFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "no-such-folder", "report.md")
	err := WriteFile(name, []byte("x"), 0o644)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != name {
		t.Errorf("error %v, want one about %s", err, name)
	}
}
