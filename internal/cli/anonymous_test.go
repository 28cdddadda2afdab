package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// anonConfig has Petra, who holds a role, and submits an idea anonymously.
const anonConfig = `title: Testbanken
repository: testkommunen/idebanken
organisation: Testkommunen
base_url: https://example.org/idebanken/
units:
  - {id: skola, name: Skolförvaltningen}
people:
  - {login: amb, name: Anna Ambassadör, roles: [ambassador], units: [skola]}
  - {login: petra, name: Petra Projekt, roles: [project-lead]}
`

const anonSubmitted = `---
id: 2026-001
title: Tystare matsal
kind: improvement
stage: submitted
submitted: 2026-03-02
submitter: {anonymous: true}
unit: skola
---
Ljuddämpande plattor i matsalen.
`

const anonRejected = `---
id: 2026-001
title: Tystare matsal
kind: improvement
stage: rejected
submitted: 2026-03-02
submitter: {anonymous: true}
unit: skola
screening:
  date: 2026-03-10
  by: amb
  criteria:
    mission: {met: false}
    reach: {met: true}
    benefit: {met: true}
    value: {short: 2, long: 2}
  outcome: reject
  feedback: Ligger utanför uppdraget.
---
Ljuddämpande plattor i matsalen.
`

const namedIdea = `---
id: 2026-002
title: Cykelställ vid skolan
kind: improvement
stage: submitted
submitted: 2026-03-02
submitter: {name: Eva Exempel, github: eva}
unit: skola
---
Fler cykelställ.
`

// anonBank makes a repository where Petra's commits add her anonymous
// idea together with someone else's, and merge its screening: every
// commit that touches the anonymous idea carries her name and address.
func anonBank(t *testing.T) (dir string, commits []plumbing.Hash) {
	t.Helper()
	dir = t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := r.Worktree()
	when := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	commit := func(files map[string]string) {
		for name, content := range files {
			write(t, filepath.Join(dir, filepath.FromSlash(name)), content)
		}
		if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
			t.Fatal(err)
		}
		when = when.Add(24 * time.Hour)
		sig := &object.Signature{Name: "Petra Projekt", Email: "4711+petra@users.noreply.github.com", When: when}
		h, err := wt.Commit("c", &git.CommitOptions{Author: sig, Committer: sig})
		if err != nil {
			t.Fatal(err)
		}
		commits = append(commits, h)
	}
	commit(map[string]string{"idebank.yaml": anonConfig, "ideas/2026/2026-001-tystare-matsal.md": anonSubmitted,
		"ideas/2026/2026-002-cykelstall.md": namedIdea})
	commit(map[string]string{"ideas/2026/2026-001-tystare-matsal.md": anonRejected})
	return dir, commits
}

// forbidden returns what no output may hold about Petra's anonymous idea:
// her name, her login, and the commits that carry them.
func forbidden(commits []plumbing.Hash) []string {
	out := []string{"Petra", "petra"}
	for _, c := range commits {
		out = append(out, c.String()[:7])
	}
	return out
}

// TestAnonymousNamedNowhere builds the site of a bank whose anonymous
// submitter holds a role and made every commit, and searches every built
// file for her name, her login and her commits.
func TestAnonymousNamedNowhere(t *testing.T) {
	dir, commits := anonBank(t)
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := runMain(t, dir, "build", "--out", out)
	if code != ExitOK {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	files := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		for _, s := range forbidden(commits) {
			// The named idea's page shows the commit that added it, with
			// no name: that ties nobody to the anonymous idea beside it.
			if strings.Contains(string(data), s) && !(s == commits[0].String()[:7] && rel == filepath.Join("idea", "2026-002", "index.html")) {
				t.Errorf("%s holds %q", rel, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "idea", "2026-001", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The history is still shown, without its commits: the test is not
	// passed by a page that lost its timeline.
	if !strings.Contains(string(page), "Anna Ambassadör") || strings.Count(string(page), "<li><time>") < 2 {
		t.Errorf("the anonymous idea's page lost its signer or its history:\n%s", page)
	}
	if files < 10 {
		t.Errorf("only %d files built", files)
	}
	named, err := os.ReadFile(filepath.Join(out, "idea", "2026-002", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(named), "/commit/"+commits[0].String()) {
		t.Error("the named idea's page does not show its commit: the rule hides more than anonymous ideas")
	}
}

// TestAnonymousCheckMessages makes changes to the anonymous idea that its
// submitter may not make, and reads every message of check (in each
// format, GitHub's annotations among them) and the pull-request comment
// for her login.
func TestAnonymousCheckMessages(t *testing.T) {
	dir, commits := anonBank(t)
	base := commits[len(commits)-1].String()
	// Petra withdraws her idea, which an anonymous submitter cannot (she
	// has no login in it), and rewrites the ambassador's feedback, which
	// is the ambassador's to sign.
	withdrawn := strings.Replace(anonSubmitted, "stage: submitted", "stage: withdrawn", 1)
	withdrawn = strings.Replace(withdrawn, "unit: skola\n", "unit: skola\nwithdrawn: {date: 2026-03-12, reason: Inte aktuellt.}\n", 1)
	feedback := strings.Replace(anonRejected, "Ligger utanför uppdraget.", "Bra idé ändå.", 1)
	for _, tt := range []struct {
		name, base, file string
	}{
		{"withdrawal", commits[0].String(), withdrawn},
		{"edited feedback", base, feedback},
	} {
		t.Run(tt.name, func(t *testing.T) {
			write(t, filepath.Join(dir, "ideas/2026/2026-001-tystare-matsal.md"), tt.file)
			for _, format := range []string{"text", "json", "github"} {
				code, stdout, stderr := runMain(t, dir, "check", "--base", tt.base, "--actor", "petra", "--format", format)
				if code != ExitProblems {
					t.Fatalf("%s: exit %d, want 1\n%s%s", format, code, stdout, stderr)
				}
				if !strings.Contains(stdout, "permission") {
					t.Errorf("%s: no permission error:\n%s", format, stdout)
				}
				for _, s := range forbidden(commits) {
					if strings.Contains(stdout+stderr, s) {
						t.Errorf("%s: the output holds %q:\n%s%s", format, s, stdout, stderr)
					}
				}
			}
			r, _ := git.PlainOpen(dir)
			if err := r.Storer.SetReference(plumbing.NewHashReference("refs/remotes/origin/master", plumbing.NewHash(tt.base))); err != nil {
				t.Fatal(err)
			}
			c := struct{ Body string }{prCommentBody(t, dir, prRun{opener: "petra",
				reviews: `[{"user": {"login": "petra"}, "state": "APPROVED", "commit_id": "h2"}]`})}
			if !strings.Contains(c.Body, "2026-001") {
				t.Errorf("the comment does not speak of the idea:\n%s", c.Body)
			}
			for _, s := range forbidden(commits) {
				if strings.Contains(c.Body, s) {
					t.Errorf("the comment holds %q:\n%s", s, c.Body)
				}
			}
		})
	}
}

// TestBuildRefusesScriptBaseURL: --base-url is refused, before anything
// is built, where it is no web address.
func TestBuildRefusesScriptBaseURL(t *testing.T) {
	dir, _ := anonBank(t)
	out := filepath.Join(t.TempDir(), "site")
	code, _, stderr := runMain(t, dir, "build", "--out", out, "--base-url", "javascript:alert(1)//")
	if code != ExitCannot || !strings.Contains(stderr, "javascript:alert(1)//") {
		t.Errorf("exit %d, want 2 with the reason:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("something was built: %v", err)
	}
}
