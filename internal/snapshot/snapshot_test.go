package snapshot

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLinksAreNotFollowed: a link under ideas/ is noted, and what it points
// at is never read, wherever that is.
func TestLinksAreNotFollowed(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(secret, []byte("hemligt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "ideas", "2026"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "ideas", "2026", "2026-001-x.md")); err != nil {
		t.Fatal(err)
	}
	s, err := FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Ideas) != 1 || !s.Ideas[0].Symlink || s.Ideas[0].Data != nil {
		t.Errorf("the link: %+v", s.Ideas)
	}
}
