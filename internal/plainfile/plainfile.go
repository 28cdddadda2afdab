// Package plainfile reads and writes whole regular files in few system
// calls, for the thousands of small files an idea bank is read from and a
// site is written to.
//
// An os.File registers with the runtime's poller when it is opened, which
// for a regular file takes five system calls that fail or change nothing,
// and it registers a cleanup with the runtime, to close it if nobody does. Reading or writing a file whole in
// one call needs none of that: on Linux and macOS these functions open,
// read or write, and close, and nothing else. Elsewhere they use package
// os.
package plainfile

import (
	"errors"
	"io/fs"
)

// ErrFolder is the error of Read for a name that is a folder.
var ErrFolder = errors.New("is a folder, not a file")

// Read returns the content of the file name and its size. A file larger
// than limit bytes is not read: Read returns nil and its size.
func Read(name string, limit int64) (data []byte, size int64, err error) {
	return read(name, limit)
}

// Write writes data as the file name, made with perm (before the umask)
// if it does not exist, and emptied first if it does.
func Write(name string, data []byte, perm fs.FileMode) error {
	return write(name, data, perm)
}
