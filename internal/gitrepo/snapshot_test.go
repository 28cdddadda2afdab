package gitrepo

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// objectAt returns the hash of the tree or blob at p in the head commit
// ("" for its root tree).
func (r *testRepo) objectAt(p string) plumbing.Hash {
	r.t.Helper()
	head, err := r.repo.Head()
	if err != nil {
		r.t.Fatal(err)
	}
	c, err := r.repo.CommitObject(head.Hash())
	if err != nil {
		r.t.Fatal(err)
	}
	tree, err := c.Tree()
	if err != nil {
		r.t.Fatal(err)
	}
	if p == "" {
		return tree.Hash
	}
	e, err := tree.FindEntry(p)
	if err != nil {
		r.t.Fatal(err)
	}
	return e.Hash
}

// looseObject returns the file of object h in the repository's store.
func (r *testRepo) looseObject(h plumbing.Hash) string {
	s := h.String()
	return filepath.Join(r.dir, ".git", "objects", s[:2], s[2:])
}

func (r *testRepo) snapshotErr() error {
	r.t.Helper()
	repo, err := Open(r.dir)
	if err != nil {
		r.t.Fatal(err)
	}
	defer repo.Close()
	_, err = repo.Snapshot("HEAD", "")
	return err
}

// A base that cannot be read whole is an error naming what is missing,
// never a smaller snapshot: an unreadable ideas/ taken as empty would let a
// change bring back an idea that was rejected, as a "new" file.
func TestSnapshotFailsClosed(t *testing.T) {
	for _, c := range []struct {
		name, path string
		corrupt    bool // overwrite the object instead of removing it
	}{
		{"ideas tree missing", "ideas", false},
		{"year tree missing", "ideas/2026", false},
		{"idea blob missing", "ideas/2026/2026-001-x.md", false},
		{"config blob missing", "idebank.yaml", false},
		{"year tree corrupt", "ideas/2026", true},
		{"idea blob corrupt", "ideas/2026/2026-001-x.md", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newRepo(t)
			r.write("idebank.yaml", "title: T\n")
			r.write("ideas/2025/2025-001-y.md", idea("submitted"))
			r.write("ideas/2026/2026-001-x.md", idea("rejected"))
			r.commit("ideas", "A", "a@example.org")
			if err := r.snapshotErr(); err != nil {
				t.Fatalf("intact repository: %v", err)
			}
			obj := r.looseObject(r.objectAt(c.path))
			if c.corrupt {
				if err := os.Chmod(obj, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(obj, []byte("not zlib at all"), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if err := os.Remove(obj); err != nil {
				t.Fatal(err)
			}
			err := r.snapshotErr()
			var oe *ObjectError
			if !errors.As(err, &oe) {
				t.Fatalf("got %v, want an *ObjectError", err)
			}
			if oe.Path != c.path || oe.Rev != "HEAD" {
				t.Errorf("names %q at %q, want %q at HEAD", oe.Path, oe.Rev, c.path)
			}
			if !strings.Contains(err.Error(), c.path) {
				t.Errorf("message %q does not name %s", err, c.path)
			}
		})
	}
}

// A root tree that is gone is named too.
func TestSnapshotRootMissing(t *testing.T) {
	r := newRepo(t)
	r.write("idebank.yaml", "title: T\n")
	r.commit("c", "A", "a@example.org")
	if err := os.Remove(r.looseObject(r.objectAt(""))); err != nil {
		t.Fatal(err)
	}
	var oe *ObjectError
	if err := r.snapshotErr(); !errors.As(err, &oe) || oe.Path != "/" {
		t.Fatalf("got %v, want an *ObjectError for /", err)
	}
}

// idebank.yaml as a link in a git tree is noted as one and never read: its
// target is not in the snapshot.
func TestSnapshotConfigSymlink(t *testing.T) {
	r := newRepo(t)
	r.write("ideas/2026/2026-001-x.md", idea("submitted"))
	r.commit("c", "A", "a@example.org")
	// A tree whose idebank.yaml is a link to a secret, made as git would
	// store it: a blob holding the target, with the mode of a link.
	target := "/etc/secret-target"
	blob := r.repo.Storer.NewEncodedObject()
	blob.SetType(plumbing.BlobObject)
	w, _ := blob.Writer()
	_, _ = w.Write([]byte(target))
	_ = w.Close()
	bh, err := r.repo.Storer.SetEncodedObject(blob)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := r.repo.Head()
	c, _ := r.repo.CommitObject(head.Hash())
	tree, _ := c.Tree()
	entries := append([]object.TreeEntry{{Name: "idebank.yaml", Mode: filemode.Symlink, Hash: bh}}, tree.Entries...)
	slices.SortFunc(entries, func(a, b object.TreeEntry) int { return strings.Compare(a.Name, b.Name) })
	nt := &object.Tree{Entries: entries}
	o := r.repo.Storer.NewEncodedObject()
	if err := nt.Encode(o); err != nil {
		t.Fatal(err)
	}
	th, err := r.repo.Storer.SetEncodedObject(o)
	if err != nil {
		t.Fatal(err)
	}
	nc := *c
	nc.TreeHash, nc.ParentHashes = th, []plumbing.Hash{c.Hash}
	co := r.repo.Storer.NewEncodedObject()
	if err := nc.Encode(co); err != nil {
		t.Fatal(err)
	}
	ch, err := r.repo.Storer.SetEncodedObject(co)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := Open(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	s, err := repo.Snapshot(ch.String(), "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Config == nil || !s.Config.Symlink || s.Config.Data != nil {
		t.Fatalf("config %+v, want a link that is not read", s.Config)
	}
}
