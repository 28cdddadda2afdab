package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/model"
)

// testRepo is a repository on disk that a test commits to.
type testRepo struct {
	t    *testing.T
	dir  string
	repo *git.Repository
	when time.Time
}

func newRepo(t *testing.T) *testRepo {
	t.Helper()
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return &testRepo{t: t, dir: dir, repo: r, when: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
}

func idea(stage string) string {
	return fmt.Sprintf("---\nid: 2026-001\ntitle: X\nstage: %s\n---\nText.\n", stage)
}

func (r *testRepo) write(name, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *testRepo) remove(name string) {
	r.t.Helper()
	if err := os.Remove(filepath.Join(r.dir, filepath.FromSlash(name))); err != nil {
		r.t.Fatal(err)
	}
}

// commit commits everything as author, a day after the last commit.
func (r *testRepo) commit(msg, author, email string) plumbing.Hash {
	r.t.Helper()
	wt, err := r.repo.Worktree()
	if err != nil {
		r.t.Fatal(err)
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		r.t.Fatal(err)
	}
	r.when = r.when.Add(24 * time.Hour)
	sig := &object.Signature{Name: author, Email: email, When: r.when}
	h, err := wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true})
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

func (r *testRepo) history(cache *history.Cache) *history.History {
	r.t.Helper()
	repo, err := Open(r.dir)
	if err != nil {
		r.t.Fatal(err)
	}
	h, err := repo.History("HEAD", "", cache)
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

func steps(h *history.History, id model.ID) string {
	s := ""
	for _, st := range h.Steps[id] {
		s += fmt.Sprintf("%s→%s@%s by %s/%s; ", st.From, st.To, st.When.Format("01-02"), st.Author, st.Login)
	}
	return s
}

func TestHistorySteps(t *testing.T) {
	r := newRepo(t)
	r.write("idebank.yaml", "title: X\n")
	r.write("ideas/2026/2026-001-x.md", idea("submitted"))
	r.commit("Ny idé", "Eva Exempel", "eva@example.org") // 03-02
	r.write("ideas/2026/2026-001-x.md", idea("developing"))
	r.commit("Bedömd", "Anna Ambassadör", "4711+amb@users.noreply.github.com") // 03-03
	r.write("README.md", "unrelated")
	r.commit("Annat", "Bo", "bo@example.org") // 03-04: nothing under ideas/
	r.remove("ideas/2026/2026-001-x.md")
	r.write("ideas/2026/2026-001-battre-namn.md", idea("developing"))
	r.commit("Nytt namn", "Bo", "bo@example.org") // 03-05: a rename keeps the stage
	r.write("ideas/2026/2026-001-battre-namn.md", idea("proposed")+"More.\n")
	r.write("ideas/2026/2026-002-y.md", "---\nid: 2026-002\nstage: submitted\n---\n")
	r.commit("Underlag", "Ingrid", "ingrid@example.org") // 03-06

	h := r.history(nil)
	want := "→submitted@03-02 by Eva Exempel/; submitted→developing@03-03 by Anna Ambassadör/amb; developing→proposed@03-06 by Ingrid/; "
	if got := steps(h, "2026-001"); got != want {
		t.Errorf("steps of 2026-001:\n got %s\nwant %s", got, want)
	}
	if got := steps(h, "2026-002"); got != "→submitted@03-06 by Ingrid/; " {
		t.Errorf("steps of 2026-002: %s", got)
	}
	if h.Shallow || h.Commits != 5 || h.Read != 5 {
		t.Errorf("shallow %v, commits %d, read %d", h.Shallow, h.Commits, h.Read)
	}
}

// TestHistoryMerge: on the main line a pull request's step counts from its
// merge, by whoever merged it.
func TestHistoryMerge(t *testing.T) {
	r := newRepo(t)
	r.write("ideas/2026/2026-001-x.md", idea("submitted"))
	base := r.commit("Ny idé", "Eva", "eva@example.org")
	wt, _ := r.repo.Worktree()
	if err := wt.Checkout(&git.CheckoutOptions{Branch: "refs/heads/pr", Create: true}); err != nil {
		t.Fatal(err)
	}
	r.write("ideas/2026/2026-001-x.md", idea("developing"))
	pr := r.commit("Bedömd", "Anna", "anna@example.org")
	if err := wt.Checkout(&git.CheckoutOptions{Branch: "refs/heads/master"}); err != nil {
		t.Fatal(err)
	}
	// A merge commit by the ambassador who merged, with the pull request
	// as its second parent.
	prCommit, _ := r.repo.CommitObject(pr)
	r.when = r.when.Add(48 * time.Hour)
	sig := object.Signature{Name: "Merger", Email: "m@example.org", When: r.when}
	merge := &object.Commit{Author: sig, Committer: sig, Message: "Merge", TreeHash: prCommit.TreeHash, ParentHashes: []plumbing.Hash{base, pr}}
	obj := r.repo.Storer.NewEncodedObject()
	if err := merge.Encode(obj); err != nil {
		t.Fatal(err)
	}
	mh, err := r.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.repo.Storer.SetReference(plumbing.NewHashReference("refs/heads/master", mh)); err != nil {
		t.Fatal(err)
	}
	h := r.history(nil)
	if got := steps(h, "2026-001"); got != "→submitted@03-02 by Eva/; submitted→developing@03-05 by Merger/; " {
		t.Errorf("steps: %s", got)
	}
}

// TestHistoryCache: a second reading after one more commit reads only it.
func TestHistoryCache(t *testing.T) {
	r := newRepo(t)
	for i, st := range []string{"submitted", "developing", "proposed"} {
		r.write("ideas/2026/2026-001-x.md", idea(st))
		r.commit(fmt.Sprint(i), "A", "a@example.org")
	}
	path := filepath.Join(t.TempDir(), "cache.json")
	c := history.LoadCache(path)
	first := r.history(c)
	if err := c.Save(path); err != nil {
		t.Fatal(err)
	}
	r.write("ideas/2026/2026-001-x.md", idea("approved"))
	r.commit("beslut", "A", "a@example.org")
	second := r.history(history.LoadCache(path))
	if first.Read != 3 || second.Read != 1 || second.Commits != 4 {
		t.Errorf("read %d then %d of %d commits; want 3, then 1 of 4", first.Read, second.Read, second.Commits)
	}
	if steps(second, "2026-001") != steps(r.history(nil), "2026-001") {
		t.Errorf("the cached history differs from a fresh one:\n%s\n%s", steps(second, "2026-001"), steps(r.history(nil), "2026-001"))
	}
}

// TestHistoryShallow clones with depth 1, as CI checkouts do: the history
// says it is incomplete, and the boundary commit's files are not steps.
func TestHistoryShallow(t *testing.T) {
	r := newRepo(t)
	for _, st := range []string{"submitted", "developing", "proposed"} {
		r.write("ideas/2026/2026-001-x.md", idea(st))
		r.commit(st, "A", "a@example.org")
	}
	clone := shallowCopy(t, r)
	repo, err := Open(clone)
	if err != nil {
		t.Fatal(err)
	}
	h, err := repo.History("HEAD", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Shallow || h.Commits != 1 || len(h.Steps["2026-001"]) != 0 {
		t.Errorf("shallow %v, commits %d, steps %v", h.Shallow, h.Commits, h.Steps)
	}
}

// shallowCopy makes what a clone with depth 1 holds: a repository with
// the head commit, its trees and blobs, and a shallow file naming the
// commit, whose parent is then missing.
func shallowCopy(t *testing.T, r *testRepo) string {
	t.Helper()
	dir := t.TempDir()
	dst, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	head, err := r.repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	c, err := r.repo.CommitObject(head.Hash())
	if err != nil {
		t.Fatal(err)
	}
	copyObject := func(h plumbing.Hash) {
		o, err := r.repo.Storer.EncodedObject(plumbing.AnyObject, h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := dst.Storer.SetEncodedObject(o); err != nil {
			t.Fatal(err)
		}
	}
	copyObject(c.Hash)
	copyObject(c.TreeHash)
	tree, _ := c.Tree()
	walker := object.NewTreeWalker(tree, true, nil)
	for {
		_, e, err := walker.Next()
		if err != nil {
			break
		}
		copyObject(e.Hash)
	}
	walker.Close()
	if err := dst.Storer.SetShallow([]plumbing.Hash{c.Hash}); err != nil {
		t.Fatal(err)
	}
	if err := dst.Storer.SetReference(plumbing.NewHashReference(plumbing.Master, c.Hash)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNoReplyLogin(t *testing.T) {
	for in, want := range map[string]string{
		"4711+amb@users.noreply.github.com": "amb", "amb@users.noreply.github.com": "amb",
		"anna@kommun.se": "", "x+@users.noreply.github.com": "", "": "",
	} {
		if got := noReplyLogin(in); got != want {
			t.Errorf("noReplyLogin(%q) = %q, want %q", in, got, want)
		}
	}
}
