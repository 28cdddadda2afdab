package sitegen

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders a and b in one step: whoever looks at either
// name sees one whole folder or the other.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
		return exchangeByRenames(a, b) // a file system without the call
	}
	if err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}

// swappable reports whether the folder out, of info, can be swapped for a
// stage beside it: not a mount point (another file system than its
// parent's) and ours, so that the new folder may have its owner.
func swappable(out string, info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	parent, err := os.Stat(filepath.Dir(out))
	if err != nil {
		return false
	}
	pst, ok := parent.Sys().(*syscall.Stat_t)
	return ok && st.Dev == pst.Dev && int(st.Uid) == os.Getuid()
}
