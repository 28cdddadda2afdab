// Package gitrepo reads snapshots of an idea bank from a git repository
// with go-git, so that checking a change needs no git program.
package gitrepo

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

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

// OpenError is returned by Open for a repository that is there but cannot
// be opened: a .git that points nowhere, a configuration git cannot read.
type OpenError struct {
	Dir string
	Err error
}

func (e *OpenError) Error() string {
	return fmt.Sprintf("the git repository of %s cannot be opened: %v", e.Dir, e.Err)
}

func (e *OpenError) Unwrap() error { return e.Err }

// HistoryError is returned by History for a commit, or a tree or file of
// it, that the repository cannot read.
type HistoryError struct {
	Rev string
	Err error
}

func (e *HistoryError) Error() string {
	return fmt.Sprintf("the history from %q cannot be read from the repository: %v", e.Rev, e.Err)
}

func (e *HistoryError) Unwrap() error { return e.Err }

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
		return nil, &OpenError{Dir: dir, Err: err}
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
		return nil, &OpenError{Dir: dir, Err: err}
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

// Dir returns the repository's git folder on disk (its .git), or "" where
// it is not on disk.
func (r *Repo) Dir() string {
	if r.store == nil {
		return ""
	}
	return r.store.Filesystem().Root()
}

// Commit resolves rev (a branch, tag, commit hash or an expression such as
// HEAD~1) to a commit.
func (r *Repo) Commit(rev string) (*object.Commit, error) {
	h, err := r.repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		// go-git says "reference not found" also for a reference to a
		// commit it cannot read: that is a damaged repository, not a
		// revision to fetch.
		// A hash the repository does not have is a revision to fetch.
		if h, ok := r.reference(rev); ok {
			if _, cerr := r.repo.CommitObject(h); cerr != nil && !(plumbing.IsHash(rev) && errors.Is(cerr, plumbing.ErrObjectNotFound)) {
				return nil, &ObjectError{Rev: rev, Commit: h.String(), Err: cerr}
			}
		}
		return nil, &RevisionError{Rev: rev, Err: err}
	}
	c, err := r.repo.CommitObject(*h)
	if err != nil {
		return nil, &ObjectError{Rev: rev, Commit: h.String(), Err: err}
	}
	return c, nil
}

// reference returns the hash that rev names as a hash or a reference, as
// git rev-parse looks for it, without reading the object.
func (r *Repo) reference(rev string) (plumbing.Hash, bool) {
	if plumbing.IsHash(rev) {
		return plumbing.NewHash(rev), true
	}
	for _, name := range []string{rev, "refs/" + rev, "refs/tags/" + rev, "refs/heads/" + rev, "refs/remotes/" + rev} {
		if ref, err := r.repo.Reference(plumbing.ReferenceName(name), true); err == nil && !ref.Hash().IsZero() {
			return ref.Hash(), true
		}
	}
	return plumbing.ZeroHash, false
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
//
// It fails closed: a tree or blob that the repository lacks or cannot
// decode is an *ObjectError naming it, never taken as an empty folder or a
// missing file, so that a change is never checked against less than the
// base holds.
func (r *Repo) Snapshot(rev, dir string) (*snapshot.Snapshot, error) {
	return r.SnapshotLike(rev, dir, nil)
}

// SnapshotLike is Snapshot for a revision that is much like the snapshot
// like: a file under ideas/ whose blob has the hash of a file of like (the
// same bytes, under any name) takes its bytes from like instead of being
// read from the repository. With one idea of 10,000 changed, checking the
// change then reads one idea blob of the base, not 10,000. The bytes are
// exactly the blob's, since its hash says so; only a blob that is read can
// be found unreadable. The trees, and the configuration, are always read.
func (r *Repo) SnapshotLike(rev, dir string, like *snapshot.Snapshot) (*snapshot.Snapshot, error) {
	c, err := r.Commit(rev)
	if err != nil {
		return nil, err
	}
	tree, err := c.Tree()
	if err != nil {
		return nil, &ObjectError{Rev: rev, Path: "/", Err: err}
	}
	if dir != "" && dir != "." {
		for _, part := range strings.Split(path.Clean(dir), "/") {
			e := entry(tree, part)
			if e == nil || e.Mode != filemode.Dir {
				return &snapshot.Snapshot{}, nil
			}
			if tree, err = r.tree(e.Hash); err != nil {
				return nil, &ObjectError{Rev: rev, Path: dir, Err: err}
			}
		}
	}
	s, err := r.fromTree(tree, knownBlobs(like))
	if oe, ok := err.(*ObjectError); ok {
		oe.Rev = rev
		if dir != "" && dir != "." {
			oe.Path = path.Join(dir, oe.Path)
		}
	}
	return s, err
}

// ObjectError is returned by Snapshot for a part of a revision that the
// repository cannot read: a tree, or the blob of a file.
type ObjectError struct {
	Rev  string
	Path string // the folder or file, from the repository root
	// Commit is the hash of the commit that cannot be read, where it is
	// the commit itself (Path is then "").
	Commit string
	Err    error
}

func (e *ObjectError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("the commit %s of revision %q cannot be read from the repository: %v", e.Commit, e.Rev, e.Err)
	}
	return fmt.Sprintf("%s at revision %q cannot be read from the repository: %v", e.Path, e.Rev, e.Err)
}

func (e *ObjectError) Unwrap() error { return e.Err }

// entry returns the entry of t called name, or nil.
func entry(t *object.Tree, name string) *object.TreeEntry {
	for i := range t.Entries {
		if t.Entries[i].Name == name {
			return &t.Entries[i]
		}
	}
	return nil
}

// tree reads the tree object h. A tree that is missing is an error, as
// any other: go-git's own path lookups take it for a missing folder.
func (r *Repo) tree(h plumbing.Hash) (*object.Tree, error) {
	return object.GetTree(r.repo.Storer, h)
}

// knownBlobs returns the files of like by the hash of their blob.
func knownBlobs(like *snapshot.Snapshot) map[plumbing.Hash]*snapshot.File {
	if like == nil {
		return nil
	}
	known := make(map[plumbing.Hash]*snapshot.File, len(like.Ideas)+1)
	add := func(f *snapshot.File) {
		if f != nil && !f.Symlink && f.Data != nil {
			known[plumbing.ComputeHash(plumbing.BlobObject, f.Data)] = f
		}
	}
	for i := range like.Ideas {
		add(&like.Ideas[i])
	}
	return known
}

// blob returns the file p whose blob is h: from known where it holds h,
// else read from the repository.
func (r *Repo) blob(known map[plumbing.Hash]*snapshot.File, h plumbing.Hash, p string) (*snapshot.File, error) {
	if f := known[h]; f != nil {
		return &snapshot.File{Path: p, Data: f.Data, Size: f.Size}, nil
	}
	return r.readBlob(h, p)
}

// fromTree reads the snapshot of a tree, the blobs in known from there.
func (r *Repo) fromTree(tree *object.Tree, known map[plumbing.Hash]*snapshot.File) (*snapshot.Snapshot, error) {
	s := &snapshot.Snapshot{}
	if e := entry(tree, snapshot.ConfigFile); e != nil {
		switch {
		case e.Mode == filemode.Symlink:
			// Noted, never read: its target could be anything, and the
			// check refuses it without saying what it points to.
			s.Config = &snapshot.File{Path: snapshot.ConfigFile, Symlink: true}
		case e.Mode.IsFile():
			// Read always: the base's configuration is the authority a
			// change is judged by, and must be there to be read.
			f, err := r.readBlob(e.Hash, snapshot.ConfigFile)
			if err != nil {
				return nil, err
			}
			s.Config = f
		}
	}
	e := entry(tree, snapshot.IdeasDir)
	if e == nil || e.Mode != filemode.Dir {
		return s, nil
	}
	if err := r.walk(e.Hash, snapshot.IdeasDir, s, 0, known); err != nil {
		return nil, err
	}
	s.Sort()
	return s, nil
}

// maxDepth bounds the folders under ideas/ that are read: ideas are one
// folder deep, and a tree that refers to itself must not loop.
const maxDepth = 32

// walk adds the files of the tree h, at path dir, to s.
func (r *Repo) walk(h plumbing.Hash, dir string, s *snapshot.Snapshot, depth int, known map[plumbing.Hash]*snapshot.File) error {
	if depth > maxDepth {
		return &ObjectError{Path: dir, Err: errors.New("folders nested too deep")}
	}
	t, err := r.tree(h)
	if err != nil {
		return &ObjectError{Path: dir, Err: err}
	}
	for _, e := range t.Entries {
		if snapshot.IsIgnored(e.Name) || e.Mode == filemode.Submodule {
			continue
		}
		p := dir + "/" + e.Name
		switch {
		case e.Mode == filemode.Dir:
			if err := r.walk(e.Hash, p, s, depth+1, known); err != nil {
				return err
			}
		case e.Mode == filemode.Symlink:
			s.Ideas = append(s.Ideas, snapshot.File{Path: p, Symlink: true})
		default:
			f, err := r.blob(known, e.Hash, p)
			if err != nil {
				return err
			}
			s.Ideas = append(s.Ideas, *f)
		}
	}
	return nil
}

func (r *Repo) readBlob(h plumbing.Hash, p string) (*snapshot.File, error) {
	b, err := object.GetBlob(r.repo.Storer, h)
	if err != nil {
		return nil, &ObjectError{Path: p, Err: err}
	}
	f := &snapshot.File{Path: p, Size: b.Size}
	if b.Size > snapshot.ReadLimit {
		return f, nil
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, &ObjectError{Path: p, Err: err}
	}
	defer rd.Close()
	f.Data, err = io.ReadAll(rd)
	if err == nil && int64(len(f.Data)) != b.Size {
		err = fmt.Errorf("%d bytes read of %d", len(f.Data), b.Size)
	}
	if err != nil {
		return nil, &ObjectError{Path: p, Err: err}
	}
	return f, nil
}
