package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
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

// TestReadUpTo: whatever size the file had when it was looked at, all of
// it is read, up to the limit.
func TestReadUpTo(t *testing.T) {
	text := strings.Repeat("idé ", 300) // 1,500 bytes
	for _, c := range []struct{ size, limit, want int }{
		{len(text) + 1, 1 << 20, len(text)}, // as stat'ed
		{10, 1 << 20, len(text)},            // it grew since
		{1 << 16, 1 << 20, len(text)},       // it shrank since
		{len(text) + 1, 100, 100},           // over the limit
		{1, 0, 0},
	} {
		got, err := readUpTo(iotest.OneByteReader(strings.NewReader(text)), c.size, c.limit)
		if err != nil || string(got) != text[:c.want] {
			t.Errorf("size %d, limit %d: %d bytes, %v; want %d", c.size, c.limit, len(got), err, c.want)
		}
		got, err = readUpTo(strings.NewReader(text), c.size, c.limit)
		if err != nil || string(got) != text[:c.want] {
			t.Errorf("size %d, limit %d, whole reads: %d bytes, %v; want %d", c.size, c.limit, len(got), err, c.want)
		}
	}
}
