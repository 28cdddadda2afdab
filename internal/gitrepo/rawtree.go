package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// rawTree is a git tree object as stored: entries of "mode name\0hash".
// The history walk compares the trees of thousands of commits; reading
// their entries in place, without decoding each into strings, is most of
// what makes it fast.
type rawTree []byte

// rawEntry is one entry of a rawTree; its slices point into the tree.
type rawEntry struct {
	dir  bool
	file bool // a regular or executable file, not a link or submodule
	name []byte
	hash plumbing.Hash
}

var errBadTree = errors.New("malformed tree object")

// next reads the entry at off and returns it with the offset of the next.
func (t rawTree) next(off int) (rawEntry, int, error) {
	sp := bytes.IndexByte(t[off:], ' ')
	if sp < 0 {
		return rawEntry{}, 0, errBadTree
	}
	mode := t[off : off+sp]
	rest := off + sp + 1
	nul := bytes.IndexByte(t[rest:], 0)
	if nul < 0 || rest+nul+1+20 > len(t) {
		return rawEntry{}, 0, errBadTree
	}
	var e rawEntry
	e.name = t[rest : rest+nul]
	copy(e.hash[:], t[rest+nul+1:rest+nul+21])
	switch string(mode) {
	case "40000", "040000":
		e.dir = true
	case "100644", "100755", "100664":
		e.file = true
	}
	return e, rest + nul + 21, nil
}

// find returns the entry called name, and false if there is none.
func (t rawTree) find(name string) (rawEntry, bool, error) {
	for off := 0; off < len(t); {
		e, next, err := t.next(off)
		if err != nil {
			return rawEntry{}, false, err
		}
		if string(e.name) == name {
			return e, true, nil
		}
		off = next
	}
	return rawEntry{}, false, nil
}

// compareEntries orders entries as git sorts a tree: by name, a folder as
// if its name ended in a slash.
func compareEntries(a, b *rawEntry) int {
	n := min(len(a.name), len(b.name))
	if c := bytes.Compare(a.name[:n], b.name[:n]); c != 0 {
		return c
	}
	ca, cb := byte(0), byte(0)
	if len(a.name) > n {
		ca = a.name[n]
	} else if a.dir {
		ca = '/'
	}
	if len(b.name) > n {
		cb = b.name[n]
	} else if b.dir {
		cb = '/'
	}
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

// readRawTree reads the tree object h as stored.
func (r *Repo) readRawTree(h plumbing.Hash) (rawTree, error) {
	buf, err := r.readRaw(plumbing.TreeObject, h)
	if err != nil {
		return nil, fmt.Errorf("tree %s: %w", h, err)
	}
	return buf, nil
}

// readRaw reads the bytes of object h of type t as stored, undecoded.
func (r *Repo) readRaw(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	o, err := r.repo.Storer.EncodedObject(t, h)
	if err != nil {
		return nil, err
	}
	rd, err := o.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	buf := make([]byte, o.Size())
	if _, err := io.ReadFull(rd, buf); err != nil {
		return nil, err
	}
	return buf, nil
}

// rawCommit is what the history walk needs of a commit.
type rawCommit struct {
	hash, tree, parent plumbing.Hash // parent: the first, or zero
	authorName         string
	authorEmail        string
	when               time.Time // the committer's time: when it reached the branch
}

// readRawCommit reads the header of commit h without decoding the rest.
func (r *Repo) readRawCommit(h plumbing.Hash) (*rawCommit, error) {
	buf, err := r.readRaw(plumbing.CommitObject, h)
	if err != nil {
		return nil, fmt.Errorf("commit %s: %w", h, err)
	}
	c := &rawCommit{hash: h}
	for len(buf) > 0 {
		line := buf
		if nl := bytes.IndexByte(buf, '\n'); nl >= 0 {
			line, buf = buf[:nl], buf[nl+1:]
		} else {
			buf = nil
		}
		if len(line) == 0 {
			break // the message follows
		}
		key, val, _ := bytes.Cut(line, []byte(" "))
		switch string(key) {
		case "tree":
			c.tree = plumbing.NewHash(string(val))
		case "parent":
			if c.parent.IsZero() {
				c.parent = plumbing.NewHash(string(val))
			}
		case "author":
			c.authorName, c.authorEmail, _ = signature(val)
		case "committer":
			_, _, c.when = signature(val)
		}
	}
	if c.tree.IsZero() {
		return nil, fmt.Errorf("commit %s: no tree", h)
	}
	return c, nil
}

// signature reads "Name <email> 1700000000 +0100".
func signature(b []byte) (name, email string, when time.Time) {
	open := bytes.LastIndexByte(b, '<')
	end := bytes.LastIndexByte(b, '>')
	if open < 0 || end < open {
		return string(bytes.TrimSpace(b)), "", time.Time{}
	}
	name = string(bytes.TrimSpace(b[:open]))
	email = string(b[open+1 : end])
	fields := bytes.Fields(b[end+1:])
	if len(fields) >= 1 {
		if secs, err := strconv.ParseInt(string(fields[0]), 10, 64); err == nil {
			when = time.Unix(secs, 0).UTC()
		}
	}
	return name, email, when
}
