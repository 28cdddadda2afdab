// Package atomicfile writes files so that a reader, or a crash, never sees
// half of one: the data goes to a temporary file beside the target, which
// is then renamed over it.
package atomicfile

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to name atomically, with permissions perm for a
// new file (an existing file keeps its own).
func WriteFile(name string, data []byte, perm os.FileMode) error {
	return write(name, data, perm, true)
}

// WriteFileNoSync is WriteFile without the fsync: a reader never sees half
// a file, but a crash may lose the new content. For files that can be made
// again, such as a built site.
func WriteFileNoSync(name string, data []byte, perm os.FileMode) error {
	return write(name, data, perm, false)
}

func write(name string, data []byte, perm os.FileMode, sync bool) (err error) {
	if info, err := os.Stat(name); err == nil {
		perm = info.Mode().Perm()
	}
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if sync {
		if err = tmp.Sync(); err != nil {
			return err
		}
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
