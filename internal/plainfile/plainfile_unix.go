//go:build linux || darwin

package plainfile

import (
	"io"
	"io/fs"
	"syscall"
)

// Only on the systems whose calls it was written for.
var read, write = readSys, writeSys

func readSys(name string, limit int64) ([]byte, int64, error) {
	fd, err := retry(func() (int, error) { return syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, 0, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if uint32(st.Mode)&syscall.S_IFMT == syscall.S_IFDIR {
		return nil, 0, &fs.PathError{Op: "read", Path: name, Err: ErrFolder}
	}
	if st.Size > limit {
		return nil, st.Size, nil
	}
	return readRest(func(b []byte) (int, error) {
		n, err := retry(func() (int, error) { return syscall.Read(fd, b) })
		if err != nil {
			return 0, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}, st.Size, limit)
}

func writeSys(name string, data []byte, perm fs.FileMode) error {
	fd, err := retry(func() (int, error) {
		return syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, uint32(perm.Perm()))
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		// At most 1 GB a call, as package os: macOS refuses more than
		// 2 GB in one.
		chunk := data[:min(len(data), 1<<30)]
		n, err := retry(func() (int, error) { return syscall.Write(fd, chunk) })
		if err == nil && n == 0 {
			err = io.ErrUnexpectedEOF // nothing written, and no reason given
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// retry calls f again while it is interrupted by a signal, as package os
// does: the Go runtime sends signals to preempt goroutines.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
