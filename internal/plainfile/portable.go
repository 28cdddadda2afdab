package plainfile

import (
	"io"
	"io/fs"
	"os"
)

// readOS is read through package os, for the systems without readSys,
// and for the tests to hold readSys to.
func readOS(name string, limit int64) ([]byte, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if info.IsDir() {
		return nil, 0, &fs.PathError{Op: "read", Path: name, Err: ErrFolder}
	}
	if info.Size() > limit {
		return nil, info.Size(), nil
	}
	return readRest(f.Read, info.Size(), limit)
}

// readRest reads with r to the end, into a buffer made for size bytes and
// a byte to spare, to see the end in the first read. A file that has
// grown since its size was taken is read on, up to limit bytes; one that
// goes past the limit is not returned, only its size so far.
func readRest(r func([]byte) (int, error), size, limit int64) ([]byte, int64, error) {
	b := make([]byte, 0, min(size, limit)+1)
	for int64(len(b)) <= limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r(b[len(b):min(int64(cap(b)), limit+1)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, int64(len(b)), nil
		}
		if err != nil {
			return nil, 0, err
		}
	}
	return nil, int64(len(b)), nil
}

// writeOS is write through package os.
func writeOS(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}
