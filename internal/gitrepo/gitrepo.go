// Package gitrepo reads snapshots of an idea bank from a git repository
// with go-git, so that checking a change needs no git program.
package gitrepo

import (
	"errors"
	"fmt"
	"io"
	"path"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/idebanken/idebanken/internal/snapshot"
)

// ErrNotRepository is returned by Open for a folder outside any repository.
var ErrNotRepository = errors.New("not in a git repository")

// RevisionError is returned for a revision that the repository lacks.
type RevisionError struct {
	Rev string
	Err error
}

func (e *RevisionError) Error() string {
	return fmt.Sprintf("revision %q is not in the repository (a shallow clone may lack it: fetch more history): %v", e.Rev, e.Err)
}

func (e *RevisionError) Unwrap() error { return e.Err }

// Repo is a git repository on disk.
type Repo struct {
	repo  *git.Repository
	store *filesystem.Storage
}

// Open opens the repository that holds dir, looking in dir's parents for
// the .git folder as git does. Close it when done.
func Open(dir string) (*Repo, error) {
	r, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, fmt.Errorf("%s: %w", dir, ErrNotRepository)
		}
		return nil, err
	}
	fsStore, ok := r.Storer.(*filesystem.Storage)
	if !ok {
		return &Repo{repo: r}, nil
	}
	// Reading a history reads thousands of objects from a few packs: keep
	// the packs open instead of opening one for every object, and cache
	// more of what was decoded (the trees that consecutive commits share).
	store := filesystem.NewStorageWithOptions(fsStore.Filesystem(), cache.NewObjectLRU(256*cache.MiByte),
		filesystem.Options{KeepDescriptors: true})
	var wt billy.Filesystem
	if w, err := r.Worktree(); err == nil {
		wt = w.Filesystem
	}
	r, err = git.Open(store, wt)
	if err != nil {
		return nil, err
	}
	return &Repo{repo: r, store: store}, nil
}

// Close releases the files the repository keeps open.
func (r *Repo) Close() error {
	if r.store == nil {
		return nil
	}
	return r.store.Close()
}

// Commit resolves rev (a branch, tag, commit hash or an expression such as
// HEAD~1) to a commit.
func (r *Repo) Commit(rev string) (*object.Commit, error) {
	h, err := r.repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return nil, &RevisionError{Rev: rev, Err: err}
	}
	c, err := r.repo.CommitObject(*h)
	if err != nil {
		return nil, fmt.Errorf("revision %q: %w", rev, err)
	}
	return c, nil
}

// Root returns the folder of the repository's working tree.
func (r *Repo) Root() (string, error) {
	wt, err := r.repo.Worktree()
	if err != nil {
		return "", err
	}
	return wt.Filesystem.Root(), nil
}

// Snapshot reads the configuration and the files under ideas/ as they are
// at rev, in the folder dir of the repository ("" for its root: an idea bank
// may live in a folder of a larger repository).
func (r *Repo) Snapshot(rev, dir string) (*snapshot.Snapshot, error) {
	c, err := r.Commit(rev)
	if err != nil {
		return nil, err
	}
	tree, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("revision %q: %w", rev, err)
	}
	if dir != "" && dir != "." {
		tree, err = tree.Tree(dir)
		if errors.Is(err, object.ErrDirectoryNotFound) {
			return &snapshot.Snapshot{}, nil
		}
		if err != nil {
			return nil, fmt.Errorf("revision %q: %w", rev, err)
		}
	}
	return FromTree(tree)
}

// FromTree reads the snapshot of a tree.
func FromTree(tree *object.Tree) (*snapshot.Snapshot, error) {
	s := &snapshot.Snapshot{}
	if e, err := tree.FindEntry(snapshot.ConfigFile); err == nil && e.Mode.IsFile() {
		f, err := readBlob(tree, e, snapshot.ConfigFile)
		if err != nil {
			return nil, err
		}
		s.Config = f
	}
	ideas, err := tree.Tree(snapshot.IdeasDir)
	if errors.Is(err, object.ErrDirectoryNotFound) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	w := object.NewTreeWalker(ideas, true, nil)
	defer w.Close()
	for {
		name, e, err := w.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if snapshot.IsIgnored(path.Base(name)) || e.Mode == filemode.Dir || e.Mode == filemode.Submodule {
			continue
		}
		p := snapshot.IdeasDir + "/" + name
		if e.Mode == filemode.Symlink {
			s.Ideas = append(s.Ideas, snapshot.File{Path: p, Symlink: true})
			continue
		}
		f, err := readBlob(ideas, &e, p)
		if err != nil {
			return nil, err
		}
		s.Ideas = append(s.Ideas, *f)
	}
	s.Sort()
	return s, nil
}

func readBlob(t *object.Tree, e *object.TreeEntry, p string) (*snapshot.File, error) {
	b, err := t.TreeEntryFile(e)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	f := &snapshot.File{Path: p, Size: b.Size}
	if b.Size > snapshot.ReadLimit {
		return f, nil
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	defer rd.Close()
	f.Data, err = io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return f, nil
}
