package snapshot

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestReread: after each edit of a working tree, the snapshot read before
// it and brought up to date by Reread of the names that changed is the
// snapshot FromDir reads.
func TestReread(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(ConfigFile, "title: A\n")
	write("ideas/2026/2026-001-a.md", "a")
	write("ideas/2026/2026-003-c.md", "c")
	s, err := FromDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		name    string
		edit    func()
		rel     string
		changed bool
	}{
		{"changed", func() { write("ideas/2026/2026-001-a.md", "a2") }, "ideas/2026/2026-001-a.md", true},
		{"added between", func() { write("ideas/2026/2026-002-b.md", "b") }, "ideas/2026/2026-002-b.md", true},
		{"removed", func() { os.Remove(filepath.Join(root, "ideas/2026/2026-003-c.md")) }, "ideas/2026/2026-003-c.md", true},
		{"a swap file", func() { write("ideas/2026/.2026-001-a.md.swp", "x") }, "ideas/2026/.2026-001-a.md.swp", false},
		{"a folder", func() { os.Mkdir(filepath.Join(root, "ideas/2027"), 0o755) }, "ideas/2027", false},
		{"outside ideas", func() { write("README.md", "x") }, "README.md", false},
		{"the configuration", func() { write(ConfigFile, "title: B\n") }, ConfigFile, true},
		{"a link", func() { os.Symlink("/etc/passwd", filepath.Join(root, "ideas/2026/2026-004-d.md")) }, "ideas/2026/2026-004-d.md", true},
	} {
		step.edit()
		changed, err := s.Reread(root, step.rel)
		if err != nil || changed != step.changed {
			t.Errorf("%s: Reread = %v, %v; want %v", step.name, changed, err, step.changed)
		}
		want, err := FromDir(root)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(s, want) {
			t.Errorf("%s: the snapshot is not FromDir's:\n%+v\n%+v", step.name, s, want)
		}
	}
}
