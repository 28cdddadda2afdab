package cli

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/idebanken/idebanken/internal/model"
)

// TestProvokedFailures provokes the failures that come from below the
// program, from Go's template engine, go-git, the file system and GitHub's
// API, and fails when a line said of them is not a text of the catalogue
// (their own English may only be quoted inside one), or does not name
// what it is about.
func TestProvokedFailures(t *testing.T) {
	bank := func(t *testing.T, lang string, files map[string]string) string {
		all := map[string]string{"ideas/2026/2026-001-x.md": string(ideaWithTitle("X"))}
		for k, v := range files {
			all[k] = v
		}
		return newTestBank(t, lang, all)
	}
	// layout is the bank's own theme, the built-in one with line 3 of
	// idea.html given text added.
	layout := func(t *testing.T, lang, add string) string {
		files := map[string]string{}
		layouts, _ := filepath.Glob("../../site/*/*")
		for _, p := range layouts {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			if filepath.Base(p) == "idea.html" {
				lines := strings.SplitAfter(text, "\n")
				lines[2] = strings.TrimSuffix(lines[2], "\n") + add + "\n"
				text = strings.Join(lines, "")
			}
			files["site/"+filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p)] = text
		}
		return bank(t, lang, files)
	}
	// repo is a repository of two commits whose second commit, or its
	// tree, has been overwritten with what is not a git object.
	repo := func(t *testing.T, lang string, what string) string {
		dir, _, head := gitRepo(t, map[string]string{"idebank.yaml": strings.ReplaceAll(editTestConfig, "%LANG%", lang), "ideas/2026/2026-001-x.md": string(ideaWithTitle("X"))},
			map[string]string{"ideas/2026/2026-001-x.md": string(ideaWithTitle("Y"))})
		h := head
		if what == "tree" {
			r, _ := git.PlainOpen(dir)
			c, err := r.CommitObject(head)
			if err != nil {
				t.Fatal(err)
			}
			h = c.TreeHash
		}
		p := filepath.Join(dir, ".git", "objects", h.String()[:2], h.String()[2:])
		if err := os.Chmod(p, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("not a git object"), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	type run struct {
		dir  string
		args []string
		env  func(Env) Env
	}
	// github answers pr-comment's requests, the one to method and path
	// with status and body.
	github := func(t *testing.T, lang, method, path string, status int, header, body string) run {
		dir, base, _ := gitRepo(t, map[string]string{"idebank.yaml": strings.Replace(testConfig, "units:", "language: "+lang+"\nunits:", 1), "ideas/2026/2026-001-x.md": submitted}, map[string]string{})
		r, _ := git.PlainOpen(dir)
		if err := r.Storer.SetReference(plumbing.NewHashReference("refs/remotes/origin/master", base)); err != nil {
			t.Fatal(err)
		}
		gh := newFakeGitHub(t)
		for _, ep := range [][2]string{{"GET", "/repos/org/repo/pulls/7"}, {"GET", "/repos/org/repo/pulls/7/reviews"}, {"GET", "/repos/org/repo/issues/7/comments"}, {"POST", "/repos/org/repo/issues/7/comments"}} {
			if ep[0] == method && ep[1] == path {
				gh.mux.HandleFunc(method+" "+path, func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", "application/json")
					if k, v, ok := strings.Cut(header, ": "); ok {
						w.Header().Set(k, v)
					}
					w.WriteHeader(status)
					fmt.Fprint(w, body)
				})
				continue
			}
			reply := `[]`
			if ep[1] == "/repos/org/repo/pulls/7" {
				reply = `{"number": 7, "user": {"login": "eva"}, "base": {"ref": "master"}, "head": {"sha": "h2"}}`
			}
			gh.on(ep[0], ep[1], reply)
		}
		env, _, _ := gh.env(dir, `{"pull_request": {"number": 7}}`)
		return run{dir, []string{"pr-comment"}, func(e Env) Env {
			// The bank's language, not the environment's.
			e.Getenv = func(k string) string {
				if k == "IDEBANK_LANG" {
					return ""
				}
				return env.Getenv(k)
			}
			e.HTTP = env.HTTP
			return e
		}}
	}
	const pulls, comments = "/repos/org/repo/pulls/7", "/repos/org/repo/issues/7/comments"
	for _, lang := range []string{"sv", "en"} {
		for _, c := range []struct {
			name string
			make func(t *testing.T) run
			want string // a part of what is said: the file, commit or setting
		}{
			{"theme-function", func(t *testing.T) run {
				return run{layout(t, lang, "{{ nope . }}"), []string{"build", "--out", "OUT"}, nil}
			}, "site/layouts/idea.html:3: "},
			{"theme-field", func(t *testing.T) run {
				return run{layout(t, lang, "{{ .Data.Nope }}"), []string{"build", "--out", "OUT"}, nil}
			}, "site/layouts/idea.html:3: "},
			{"theme-template", func(t *testing.T) run {
				return run{layout(t, lang, `{{ template "nosuch" . }}`), []string{"build", "--out", "OUT"}, nil}
			}, "idea/2026-001/index.html"},
			{"theme-no-assets", func(t *testing.T) run {
				return run{bank(t, lang, map[string]string{"site/layouts/base.html": "x"}), []string{"build", "--out", "OUT"}, nil}
			}, "site/"},
			{"out-is-bank", func(t *testing.T) run { return run{bank(t, lang, nil), []string{"build", "--out", "."}, nil} }, "_site"},
			{"out-in-ideas", func(t *testing.T) run { return run{bank(t, lang, nil), []string{"build", "--out", "ideas/site"}, nil} }, "ideas/"},
			{"out-holds-bank", func(t *testing.T) run {
				return run{bank(t, lang, map[string]string{"other/idebank.yaml": "x"}), []string{"build", "--out", "other"}, nil}
			}, "idebank.yaml"},
			{"out-not-empty", func(t *testing.T) run {
				return run{bank(t, lang, map[string]string{"docs/a.txt": "x"}), []string{"build", "--out", "docs"}, nil}
			}, "docs"},
			{"out-under-a-file", func(t *testing.T) run {
				return run{bank(t, lang, map[string]string{"a.txt": "x"}), []string{"build", "--out", "a.txt/site"}, nil}
			}, "a.txt"},
			{"git-commit-damaged", func(t *testing.T) run { return run{repo(t, lang, "commit"), []string{"check", "--base", "HEAD"}, nil} }, `"HEAD"`},
			{"git-commit-damaged-history", func(t *testing.T) run { return run{repo(t, lang, "commit"), []string{"check", "--history"}, nil} }, `"HEAD"`},
			{"git-tree-damaged-history", func(t *testing.T) run { return run{repo(t, lang, "tree"), []string{"build", "--out", "OUT"}, nil} }, "git fsck"},
			{"git-tree-damaged-base", func(t *testing.T) run { return run{repo(t, lang, "tree"), []string{"check", "--base", "HEAD"}, nil} }, `"HEAD"`},
			{"github-401", func(t *testing.T) run {
				return github(t, lang, "GET", pulls, 401, "", `{"message": "Bad credentials"}`)
			}, "GITHUB_TOKEN"},
			{"github-404", func(t *testing.T) run { return github(t, lang, "GET", pulls, 404, "", `{"message": "Not Found"}`) }, pulls},
			{"github-500", func(t *testing.T) run { return github(t, lang, "GET", pulls, 500, "", `{"message": "Server Error"}`) }, "500"},
			{"github-403", func(t *testing.T) run {
				return github(t, lang, "POST", comments, 403, "", `{"message": "Resource not accessible by integration"}`)
			}, "docs/github-setup.md"},
			{"github-rate-limit", func(t *testing.T) run {
				return github(t, lang, "POST", comments, 403, "X-RateLimit-Remaining: 0", `{"message": "API rate limit exceeded for installation"}`)
			}, "GitHub"},
			{"github-422", func(t *testing.T) run {
				return github(t, lang, "POST", comments, 422, "", `{"message": "Validation Failed", "errors": [{"resource": "IssueComment", "field": "body", "code": "custom", "message": "body is too long (maximum is 65536 characters)"}]}`)
			}, "body is too long"},
		} {
			t.Run(lang+"/"+c.name, func(t *testing.T) {
				r := c.make(t)
				env, out, errOut := quietEnv(r.dir)
				if r.env != nil {
					env = r.env(env)
				}
				code := Main(slicesReplace(r.args, "OUT", filepath.Join(t.TempDir(), "site")), env)
				said := errOut.String()
				if code != ExitCannot || !strings.Contains(said, c.want) {
					t.Errorf("exit %d; want 2 and a message that says %q:\n%s%s", code, c.want, out, said)
				}
				lines := catalogueLines(t, model.Lang(lang))
				for _, l := range uncatalogued(lines, said) {
					t.Errorf("not from the catalogue: %q", l)
				}
			})
		}
	}
}
