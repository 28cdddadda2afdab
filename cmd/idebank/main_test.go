package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain makes the test binary double as the idebank command: testscript
// puts a copy of it named idebank on the scripts' PATH, and running that
// copy runs main, the program itself.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"idebank": main})
}

// TestScripts runs the end-to-end scripts in testdata/script. Each builds an
// idea bank (and, for changes, a git repository, with go-git) and runs the
// command on it.
//
// Besides the standard testscript commands, the scripts have:
//
//	exits N PROG [ARGS...]  run PROG and require the exit status N
//	gitinit [DIR]           create a git repository in DIR (default: the current folder), branch main
//	gitcommit MESSAGE       stage every change of the worktree, deletions too, and commit it
//	gittag NAME             tag HEAD
//
// Commits have a fixed author and date, so their hashes are the same on
// every run. PATH holds only the idebank command: no git program is
// reachable, as none is needed.
//
// IDEBANK_SCRIPTS=DIR runs the scripts in DIR instead (for example scripts
// that show a bug, kept out of testdata until it is fixed); UPDATE_SCRIPTS=1
// rewrites the files that cmp compares with.
func TestScripts(t *testing.T) {
	bin, err := exec.LookPath("idebank")
	if err != nil {
		t.Fatalf("testscript.Main did not put idebank on PATH: %v", err)
	}
	binDir := filepath.Dir(bin)
	dir := filepath.Join("testdata", "script")
	if d := os.Getenv("IDEBANK_SCRIPTS"); d != "" {
		dir = d
	}
	testscript.Run(t, testscript.Params{
		Dir:                 dir,
		RequireUniqueNames:  true,
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", binDir)
			// The scripts get no other variables from the environment, but
			// say plainly that messages are in the configuration's language
			// and the format is not GitHub's unless a script asks.
			env.Setenv("IDEBANK_LANG", "")
			env.Setenv("LANG", "C")
			env.Setenv("GITHUB_ACTIONS", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":       cmdExits,
			"gitinit":     cmdGitInit,
			"gitcommit":   cmdGitCommit,
			"gittag":      cmdGitTag,
			"fill":        cmdFill,
			"gitrmobj":    cmdGitRmObj,
			"shippedbank": cmdShippedBank,
			"append":      cmdAppend,
			"nokeys":      cmdNoKeys,
		},
	})
}

// cmdExits runs a program and checks its exit status, which "! exec" cannot
// tell apart (1: problems found, 2: could not run).
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits N PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdFill fills in a file as a person would in an editor: "fill FILE N OLD
// NEW" replaces the Nth line (from 1) that holds OLD with the same line
// with OLD replaced by NEW, and fails when there is no such line.
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: fill FILE N OLD NEW")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 1 {
		ts.Fatalf("fill: bad line count %q", args[1])
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	lines := strings.SplitAfter(string(data), "\n")
	for i, l := range lines {
		if strings.Contains(l, args[2]) {
			if n--; n == 0 {
				lines[i] = strings.Replace(l, args[2], args[3], 1)
				ts.Check(os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644))
				return
			}
		}
	}
	ts.Fatalf("fill: %s has no line %d holding %q", args[0], n, args[2])
}

func cmdGitInit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 1 {
		ts.Fatalf("usage: gitinit [DIR]")
	}
	dir := "."
	if len(args) == 1 {
		dir = args[0]
	}
	_, err := git.PlainInitWithOptions(ts.MkAbs(dir), &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	ts.Check(err)
}

// openRepo opens the repository that holds the script's current folder.
func openRepo(ts *testscript.TestScript) *git.Repository {
	r, err := git.PlainOpenWithOptions(ts.MkAbs("."), &git.PlainOpenOptions{DetectDotGit: true})
	ts.Check(err)
	return r
}

// epoch is the date of the first commit; each later one is a minute later.
var epoch = time.Date(2026, 1, 5, 9, 0, 0, 0, time.FixedZone("CET", 3600))

func cmdGitCommit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: gitcommit MESSAGE")
	}
	r := openRepo(ts)
	wt, err := r.Worktree()
	ts.Check(err)
	ts.Check(wt.AddWithOptions(&git.AddOptions{All: true}))
	n := 0
	if head, err := r.Head(); err == nil {
		commits, err := r.Log(&git.LogOptions{From: head.Hash()})
		ts.Check(err)
		ts.Check(commits.ForEach(func(*object.Commit) error { n++; return nil }))
	}
	sig := &object.Signature{Name: "Test Testsson", Email: "test@example.org", When: epoch.Add(time.Duration(n) * time.Minute)}
	h, err := wt.Commit(args[0], &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		ts.Fatalf("gitcommit: %v", err)
	}
	fmt.Fprintf(ts.Stdout(), "%s\n", h)
}

func cmdGitTag(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: gittag NAME")
	}
	r := openRepo(ts)
	head, err := r.Head()
	ts.Check(err)
	_, err = r.CreateTag(args[0], head.Hash(), nil)
	ts.Check(err)
}

// cmdGitRmObj removes from the repository's store the tree or blob at a
// path of the head commit, as a damaged or partial clone would lack it.
func cmdGitRmObj(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: gitrmobj PATH")
	}
	r := openRepo(ts)
	head, err := r.Head()
	ts.Check(err)
	c, err := r.CommitObject(head.Hash())
	ts.Check(err)
	tree, err := c.Tree()
	ts.Check(err)
	e, err := tree.FindEntry(args[0])
	ts.Check(err)
	h := e.Hash.String()
	ts.Check(os.Remove(ts.MkAbs(filepath.Join(".git", "objects", h[:2], h[2:]))))
}
