package gitrepo

import (
	"errors"
	"io"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
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
	h, err := r.history(start, dir, cache)
	if err != nil {
		return nil, &HistoryError{Rev: rev, Err: err}
	}
	return h, nil
}

func (r *Repo) history(start *object.Commit, dir string, cache *history.Cache) (*history.History, error) {
	shallow := map[plumbing.Hash]bool{}
	if hs, err := r.repo.Storer.Shallow(); err == nil {
		for _, h := range hs {
			shallow[h] = true
		}
	}
	w := &walker{r: r, base: path.Join(dir, snapshot.IdeasDir), trees: map[plumbing.Hash]rawTree{}, stages: map[plumbing.Hash]model.Stage{}}
	h := &history.History{Head: start.Hash.String()}
	for hash := start.Hash; !hash.IsZero(); {
		h.Commits++
		if cs, ok := cache.Get(hash.String()); ok {
			h.Add(cs.Steps...)
			h.Shallow = h.Shallow || cs.Shallow
			hash = plumbing.NewHash(cs.Parent)
			continue
		}
		c, err := r.readRawCommit(hash)
		if err != nil {
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				h.Shallow = true
				break
			}
			return nil, err
		}
		h.Read++
		var cs history.CommitSteps
		var parent *rawCommit
		if !c.parent.IsZero() {
			parent, err = r.readRawCommit(c.parent)
			switch {
			case err == nil && !shallow[hash]:
				cs.Parent = parent.hash.String()
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
	trees  map[plumbing.Hash]rawTree
	stages map[plumbing.Hash]model.Stage
	err    error // the first error met below a tree being compared
}

func (w *walker) tree(h plumbing.Hash) (rawTree, error) {
	if t, ok := w.trees[h]; ok {
		return t, nil
	}
	t, err := w.r.readRawTree(h)
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
func (w *walker) ideasHash(c *rawCommit) (plumbing.Hash, error) {
	if c == nil {
		return plumbing.ZeroHash, nil
	}
	h := c.tree
	for _, part := range strings.Split(w.base, "/") {
		t, err := w.tree(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		e, ok, err := t.find(part)
		if err != nil || !ok || !e.dir {
			return plumbing.ZeroHash, err
		}
		h = e.hash
	}
	return h, nil
}

// file is an idea file that a commit added, removed or changed.
type file struct {
	path     string
	old, new plumbing.Hash // zero where there is none
}

func (w *walker) steps(c, parent *rawCommit) ([]history.Step, error) {
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
	login := noReplyLogin(c.authorEmail)
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
			From: from, To: to, Commit: c.hash.String(), When: c.when, Author: c.authorName, Login: login})
	}
	return steps, nil
}

// diff lists the files that differ between two trees, reading only the
// subtrees whose hashes differ. Both trees are in git's order, so one pass
// over each pairs their entries.
func (w *walker) diff(a, b plumbing.Hash, dir string, out *[]file) error {
	if a == b {
		return nil
	}
	var ta, tb rawTree
	var err error
	if !a.IsZero() {
		if ta, err = w.tree(a); err != nil {
			return err
		}
	}
	if !b.IsZero() {
		if tb, err = w.tree(b); err != nil {
			return err
		}
	}
	var x, y rawEntry
	i, j := 0, 0
	readX := func() (bool, error) {
		if i >= len(ta) {
			return false, nil
		}
		x, i, err = ta.next(i)
		return err == nil, err
	}
	readY := func() (bool, error) {
		if j >= len(tb) {
			return false, nil
		}
		y, j, err = tb.next(j)
		return err == nil, err
	}
	hasX, err := readX()
	if err != nil {
		return err
	}
	hasY, err := readY()
	if err != nil {
		return err
	}
	for hasX || hasY {
		switch c := cmpOrEnd(hasX, hasY, &x, &y); {
		case c < 0:
			w.pair(&x, nil, dir, out)
			hasX, err = readX()
		case c > 0:
			w.pair(nil, &y, dir, out)
			hasY, err = readY()
		default:
			if x.hash != y.hash || x.dir != y.dir {
				w.pair(&x, &y, dir, out)
			}
			if hasX, err = readX(); err == nil {
				hasY, err = readY()
			}
		}
		if err != nil {
			return err
		}
	}
	return w.err
}

// cmpOrEnd compares the current entries of two trees, where a tree that has
// ended sorts after everything.
func cmpOrEnd(hasX, hasY bool, x, y *rawEntry) int {
	switch {
	case !hasY:
		return -1
	case !hasX:
		return 1
	}
	return compareEntries(x, y)
}

// pair compares one name in two trees; either side may be missing. Errors
// from the folders below are kept in w.err, so that the walk over a tree's
// entries stays simple.
func (w *walker) pair(x, y *rawEntry, dir string, out *[]file) {
	var xd, yd, xf, yf plumbing.Hash
	var name []byte
	if x != nil {
		name = x.name
		if x.dir {
			xd = x.hash
		} else if x.file {
			xf = x.hash
		}
	}
	if y != nil {
		name = y.name
		if y.dir {
			yd = y.hash
		} else if y.file {
			yf = y.hash
		}
	}
	p := dir + "/" + string(name)
	if xd != yd && w.err == nil {
		w.err = w.diff(xd, yd, p, out)
	}
	if xf != yf && strings.HasSuffix(p, ".md") {
		*out = append(*out, file{path: p, old: xf, new: yf})
	}
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
