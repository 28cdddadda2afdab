package gitrepo

import (
	"fmt"
	"io"
)

// File reads the file at path p (slash-separated, from the repository's
// root) as it is in commit rev: one idea as it was when it took a step.
func (r *Repo) File(rev, p string) ([]byte, error) {
	c, err := r.Commit(rev)
	if err != nil {
		return nil, err
	}
	f, err := c.File(p)
	if err != nil {
		return nil, fmt.Errorf("%s in %s: %w", p, rev, err)
	}
	rd, err := f.Reader()
	if err != nil {
		return nil, fmt.Errorf("%s in %s: %w", p, rev, err)
	}
	defer rd.Close()
	return io.ReadAll(rd)
}
