package gitrepo

import (
	"errors"
	"io"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
)

// History reads the changes of stage of every idea along the first-parent
// line from rev: the main line, where a pull request's change counts from
// when it was merged. dir is the idea bank's folder in the repository ("" for
// the root). Commits found in cache are not read again; new ones are added
// to it.
//
// It makes one pass over the history and compares only the trees that
// changed: where a commit's ideas/ folder has the hash of its parent's,
// nothing below it is read. (go-git's Log with a path filter diffs whole
// trees per commit and is far too slow for this.)
func (r *Repo) History(rev, dir string, cache *history.Cache) (*history.History, error) {
	start, err := r.Commit(rev)
	if err != nil {
		return nil, err
	}
	shallow := map[plumbing.Hash]bool{}
	if hs, err := r.repo.Storer.Shallow(); err == nil {
		for _, h := range hs {
			shallow[h] = true
		}
	}
	w := &walker{r: r, base: path.Join(dir, snapshot.IdeasDir), trees: map[plumbing.Hash]*object.Tree{}, stages: map[plumbing.Hash]model.Stage{}}
	h := &history.History{Head: start.Hash.String()}
	for hash := start.Hash; !hash.IsZero(); {
		h.Commits++
		if cs, ok := cache.Get(hash.String()); ok {
			h.Add(cs.Steps...)
			h.Shallow = h.Shallow || cs.Shallow
			hash = plumbing.NewHash(cs.Parent)
			continue
		}
		c, err := r.repo.CommitObject(hash)
		if err != nil {
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				h.Shallow = true
				break
			}
			return nil, err
		}
		h.Read++
		var cs history.CommitSteps
		var parent *object.Commit
		if len(c.ParentHashes) > 0 {
			parent, err = r.repo.CommitObject(c.ParentHashes[0])
			switch {
			case err == nil && !shallow[hash]:
				cs.Parent = parent.Hash.String()
			case err == nil || errors.Is(err, plumbing.ErrObjectNotFound):
				cs.Shallow, parent = true, nil
			default:
				return nil, err
			}
		}
		if !cs.Shallow {
			// At a shallow boundary what the commit changed is unknown:
			// its files are not steps it took.
			if cs.Steps, err = w.steps(c, parent); err != nil {
				return nil, err
			}
		}
		cache.Put(hash.String(), cs)
		h.Add(cs.Steps...)
		h.Shallow = h.Shallow || cs.Shallow
		hash = plumbing.NewHash(cs.Parent)
	}
	h.Finish()
	return h, nil
}

// walker compares the ideas/ folders of commits, keeping recently decoded
// trees: each commit's parent is the next commit read.
type walker struct {
	r      *Repo
	base   string // the ideas folder's path in the repository
	trees  map[plumbing.Hash]*object.Tree
	stages map[plumbing.Hash]model.Stage
}

func (w *walker) tree(h plumbing.Hash) (*object.Tree, error) {
	if t, ok := w.trees[h]; ok {
		return t, nil
	}
	t, err := w.r.repo.TreeObject(h)
	if err != nil {
		return nil, err
	}
	if len(w.trees) > 256 {
		clear(w.trees) // the walk moves on; old trees are not asked for again
	}
	w.trees[h] = t
	return t, nil
}

// ideasHash returns the hash of the ideas folder in a commit, or the zero
// hash when it has none.
func (w *walker) ideasHash(c *object.Commit) (plumbing.Hash, error) {
	if c == nil {
		return plumbing.ZeroHash, nil
	}
	t, err := w.tree(c.TreeHash)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	e, err := t.FindEntry(w.base)
	if errors.Is(err, object.ErrEntryNotFound) || errors.Is(err, object.ErrDirectoryNotFound) || (err == nil && e.Mode != filemode.Dir) {
		return plumbing.ZeroHash, nil
	}
	if err != nil {
		return plumbing.ZeroHash, err
	}
	return e.Hash, nil
}

// file is an idea file that a commit added, removed or changed.
type file struct {
	path     string
	old, new plumbing.Hash // zero where there is none
}

func (w *walker) steps(c, parent *object.Commit) ([]history.Step, error) {
	now, err := w.ideasHash(c)
	if err != nil {
		return nil, err
	}
	before, err := w.ideasHash(parent)
	if err != nil {
		return nil, err
	}
	if now == before {
		return nil, nil
	}
	var files []file
	if err := w.diff(before, now, w.base, &files); err != nil {
		return nil, err
	}
	// A file removed at one path and added at another with the same id
	// was renamed: compare its stages across the rename.
	removed := map[model.ID]plumbing.Hash{}
	for _, f := range files {
		if f.new.IsZero() {
			removed[ideafile.IDFromPath(f.path)] = f.old
		}
	}
	login := noReplyLogin(c.Author.Email)
	var steps []history.Step
	for _, f := range files {
		if f.new.IsZero() {
			continue
		}
		id := ideafile.IDFromPath(f.path)
		if id == "" {
			continue
		}
		old := f.old
		if old.IsZero() {
			old = removed[id]
		}
		to, err := w.stage(f.new)
		if err != nil {
			return nil, err
		}
		from, err := w.stage(old)
		if err != nil {
			return nil, err
		}
		if to == from || to == "" {
			continue
		}
		steps = append(steps, history.Step{ID: id, Path: strings.TrimPrefix(f.path, path.Dir(w.base)+"/"),
			From: from, To: to, Commit: c.Hash.String(), When: c.Committer.When.UTC(), Author: c.Author.Name, Login: login})
	}
	return steps, nil
}

// diff lists the files that differ between two trees, reading only the
// subtrees whose hashes differ.
func (w *walker) diff(a, b plumbing.Hash, dir string, out *[]file) error {
	if a == b {
		return nil
	}
	var ea, eb []object.TreeEntry
	if !a.IsZero() {
		t, err := w.tree(a)
		if err != nil {
			return err
		}
		ea = t.Entries
	}
	if !b.IsZero() {
		t, err := w.tree(b)
		if err != nil {
			return err
		}
		eb = t.Entries
	}
	i, j := 0, 0
	for i < len(ea) || j < len(eb) {
		var x, y *object.TreeEntry
		switch {
		case j >= len(eb):
			x = &ea[i]
			i++
		case i >= len(ea):
			y = &eb[j]
			j++
		default:
			switch c := strings.Compare(sortKey(&ea[i]), sortKey(&eb[j])); {
			case c < 0:
				x = &ea[i]
				i++
			case c > 0:
				y = &eb[j]
				j++
			default:
				x, y = &ea[i], &eb[j]
				i, j = i+1, j+1
			}
		}
		if err := w.pair(x, y, dir, out); err != nil {
			return err
		}
	}
	return nil
}

// pair compares one name in two trees; either side may be missing.
func (w *walker) pair(x, y *object.TreeEntry, dir string, out *[]file) error {
	var xd, yd, xf, yf plumbing.Hash
	name := ""
	for _, e := range []*object.TreeEntry{x, y} {
		if e != nil {
			name = e.Name
		}
	}
	if x != nil {
		if x.Mode == filemode.Dir {
			xd = x.Hash
		} else if x.Mode.IsFile() {
			xf = x.Hash
		}
	}
	if y != nil {
		if y.Mode == filemode.Dir {
			yd = y.Hash
		} else if y.Mode.IsFile() {
			yf = y.Hash
		}
	}
	p := dir + "/" + name
	if xd != yd {
		if err := w.diff(xd, yd, p, out); err != nil {
			return err
		}
	}
	if xf != yf && strings.HasSuffix(name, ".md") {
		*out = append(*out, file{path: p, old: xf, new: yf})
	}
	return nil
}

// sortKey is an entry's name as git sorts tree entries: a folder as if its
// name ended in a slash.
func sortKey(e *object.TreeEntry) string {
	if e.Mode == filemode.Dir {
		return e.Name + "/"
	}
	return e.Name
}

// stage returns the stage of the idea file in blob h ("" for none),
// reading only the front of it.
func (w *walker) stage(h plumbing.Hash) (model.Stage, error) {
	if h.IsZero() {
		return "", nil
	}
	if s, ok := w.stages[h]; ok {
		return s, nil
	}
	b, err := w.r.repo.BlobObject(h)
	if err != nil {
		return "", err
	}
	rd, err := b.Reader()
	if err != nil {
		return "", err
	}
	defer rd.Close()
	head := make([]byte, 8192) // the stage line is near the top
	n, err := io.ReadFull(rd, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", err
	}
	s := ideafile.LooseStage(head[:n])
	w.stages[h] = s
	return s, nil
}

// noReplyLogin returns the GitHub login in a no-reply address
// (12345+login@users.noreply.github.com), or "".
func noReplyLogin(email string) string {
	local, ok := strings.CutSuffix(strings.ToLower(email), "@users.noreply.github.com")
	if !ok {
		return ""
	}
	if _, after, found := strings.Cut(local, "+"); found {
		local = after
	}
	if !model.ValidLogin(local) {
		return ""
	}
	return local
}
