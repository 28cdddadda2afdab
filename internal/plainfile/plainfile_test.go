package plainfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// impls are the ways this system reads and writes: the one Read and Write
// use, and package os, which it must do the same as.
var impls = []struct {
	name  string
	read  func(string, int64) ([]byte, int64, error)
	write func(string, []byte, fs.FileMode) error
}{
	{"used", read, write},
	{"os", readOS, writeOS},
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("å"), 3000) // 6,000 bytes
	files := map[string][]byte{"empty": {}, "small": []byte("id: 2026-001\n"), "big": big}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, impl := range impls {
		for _, c := range []struct {
			name     string
			limit    int64
			data     []byte
			size     int64
			tooLarge bool
		}{
			{"empty", 100, []byte{}, 0, false},
			{"small", 100, files["small"], 13, false},
			{"small", 13, files["small"], 13, false}, // exactly the limit
			{"small", 12, nil, 13, true},
			{"big", 1 << 20, big, 6000, false},
			{"big", 5999, nil, 6000, true},
		} {
			data, size, err := impl.read(filepath.Join(dir, c.name), c.limit)
			if err != nil {
				t.Errorf("%s: %s, limit %d: %v", impl.name, c.name, c.limit, err)
				continue
			}
			if size != c.size || !bytes.Equal(data, c.data) || (data == nil) != c.tooLarge {
				t.Errorf("%s: %s, limit %d: %d bytes (nil %v), size %d; want %d bytes, size %d", impl.name, c.name, c.limit, len(data), data == nil, size, len(c.data), c.size)
			}
		}
		if _, _, err := impl.read(dir, 100); !errors.Is(err, ErrFolder) {
			t.Errorf("%s: a folder: %v, want ErrFolder", impl.name, err)
		}
		_, _, err := impl.read(filepath.Join(dir, "missing"), 100)
		var pe *fs.PathError
		if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != filepath.Join(dir, "missing") {
			t.Errorf("%s: a missing file: %v, want a path error that it does not exist", impl.name, err)
		}
	}
}

func TestWrite(t *testing.T) {
	for _, impl := range impls {
		dir := t.TempDir()
		name := filepath.Join(dir, "index.html")
		long := bytes.Repeat([]byte("<p>rad</p>\n"), 100000) // 1.1 MB: more than one write may take
		for _, data := range [][]byte{long, []byte("short"), {}} {
			if err := impl.write(name, data, 0o644); err != nil {
				t.Fatalf("%s: %v", impl.name, err)
			}
			got, err := os.ReadFile(name)
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("%s: wrote %d bytes, read back %d (%v)", impl.name, len(data), len(got), err)
			}
		}
		// The rights of a new file are those os.WriteFile gives one, the
		// umask taken off.
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
		ref := filepath.Join(dir, "ref.html")
		if err := os.WriteFile(ref, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := impl.write(name, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err1 := os.Stat(name)
		want, err2 := os.Stat(ref)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if got.Mode() != want.Mode() {
			t.Errorf("%s: rights %v, want %v as os.WriteFile gives", impl.name, got.Mode(), want.Mode())
		}
		err := impl.write(filepath.Join(dir, "no-such-folder", "index.html"), []byte("x"), 0o644)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: into a missing folder: %v, want that it does not exist", impl.name, err)
		}
	}
}

// TestReadRest: whatever size the file had when it was looked at, all of
// it is read, up to the limit, however little each read returns.
func TestReadRest(t *testing.T) {
	text := strings.Repeat("idé ", 300) // 1,500 bytes
	for _, c := range []struct {
		size, limit int64
		want        int // bytes; -1 for none, over the limit
	}{
		{int64(len(text)), 1 << 20, len(text)}, // as stat'ed
		{10, 1 << 20, len(text)},               // it grew since
		{1 << 16, 1 << 20, len(text)},          // it shrank since
		{int64(len(text)), 1500, len(text)},    // exactly the limit
		{10, 100, -1},                          // grew past the limit
		{0, 0, -1},
	} {
		for _, r := range []io.Reader{strings.NewReader(text), iotest.OneByteReader(strings.NewReader(text))} {
			got, size, err := readRest(r.Read, c.size, c.limit)
			switch {
			case err != nil:
				t.Errorf("size %d, limit %d: %v", c.size, c.limit, err)
			case c.want < 0 && (got != nil || size <= c.limit):
				t.Errorf("size %d, limit %d: %d bytes, size %d; want none, a size over the limit", c.size, c.limit, len(got), size)
			case c.want >= 0 && (string(got) != text[:c.want] || size != int64(c.want)):
				t.Errorf("size %d, limit %d: %d bytes, size %d; want %d", c.size, c.limit, len(got), size, c.want)
			}
		}
	}
}
