// Package atomicfile writes files so that a reader, or a crash, never sees
// half of one: the data goes to a temporary file beside the target, which
// is then renamed over it. A program that is interrupted calls Abandon to
// remove the temporary files it is writing; IsTemp names one that a kill
// left behind, for the check to report.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// tempMark is what a temporary file's name holds: ".<name>.tmp-<random>".
const tempMark = ".tmp-"

// IsTemp reports whether the base name name is one of the temporary files
// this package writes.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempMark)
}

// live are the temporary files being written, to be removed if the
// program is interrupted.
var live = struct {
	sync.Mutex
	names     map[string]bool
	abandoned bool
}{names: map[string]bool{}}

// ErrAbandoned is returned by a write begun after Abandon.
var ErrAbandoned = errors.New("atomicfile: the program is stopping")

// Abandon removes every temporary file being written and makes every
// later write fail: for a program that was told to stop, before it exits.
// A file being renamed into place stays whole, old or new.
func Abandon() {
	live.Lock()
	defer live.Unlock()
	live.abandoned = true
	for name := range live.names {
		os.Remove(name)
		delete(live.names, name)
	}
}

// Hook, when set, is called with the name of each temporary file once it
// is written and before it is renamed into place. Tests use it to
// interrupt a write in the middle.
var Hook func(tmp string)

// WriteFile writes data to name atomically, with permissions perm for a
// new file (an existing file keeps its own).
func WriteFile(name string, data []byte, perm os.FileMode) (err error) {
	// A fault is the file's, for whoever reads of it: not the temporary
	// file's, whose name means nothing to them.
	defer func() {
		var pe *fs.PathError
		if errors.As(err, &pe) && IsTemp(filepath.Base(pe.Path)) {
			pe.Path = name
		}
	}()
	if info, err := os.Stat(name); err == nil {
		perm = info.Mode().Perm()
	}
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	live.Lock()
	if live.abandoned {
		live.Unlock()
		return ErrAbandoned
	}
	tmp, err := os.CreateTemp(dir, "."+base+tempMark+"*")
	if err == nil {
		live.names[tmp.Name()] = true
	}
	live.Unlock()
	if err != nil {
		return err
	}
	defer func() {
		live.Lock()
		delete(live.names, tmp.Name())
		live.Unlock()
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if Hook != nil {
		Hook(tmp.Name())
	}
	return os.Rename(tmp.Name(), name)
}
