package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// fakeGitHub answers like the GitHub REST API for the endpoints a test
// registers, and records every request it gets.
type fakeGitHub struct {
	t      *testing.T
	mux    *http.ServeMux
	server *httptest.Server
	mu     sync.Mutex
	calls  []call
	// summary is the job summary's file (GITHUB_STEP_SUMMARY), or "".
	summary string
}

type call struct {
	Method, Path string
	Body         string
	Query        url.Values
	Status       int // the status the fake answered
}

// statusWriter remembers the status of an answer.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func newFakeGitHub(t *testing.T) *fakeGitHub {
	f := &fakeGitHub{t: t, mux: http.NewServeMux()}
	f.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if got := r.Header.Get("Authorization"); got != "Bearer test-token" {
			t.Errorf("%s %s: Authorization %q", r.Method, r.URL.Path, got)
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		sw := &statusWriter{ResponseWriter: w}
		f.mux.ServeHTTP(sw, r)
		f.mu.Lock()
		f.calls = append(f.calls, call{r.Method, r.URL.Path, string(body), r.URL.Query(), sw.status})
		f.mu.Unlock()
	}))
	t.Cleanup(func() {
		f.server.Close()
		f.holdToGitHub()
	})
	return f
}

// githubREST is what GitHub's REST API description says of each operation
// the commands use: testdata/github-rest.json, derived from the npm package
// @octokit/openapi (see its _source).
var githubREST = sync.OnceValues(func() (map[string]struct {
	Statuses    []int
	Query, Body []string
}, error) {
	data, err := os.ReadFile(filepath.Join("testdata", "github-rest.json"))
	if err != nil {
		return nil, err
	}
	var ops map[string]json.RawMessage
	if err := json.Unmarshal(data, &ops); err != nil {
		return nil, err
	}
	out := map[string]struct {
		Statuses    []int
		Query, Body []string
	}{}
	for k, raw := range ops {
		if strings.HasPrefix(k, "_") {
			continue
		}
		var op struct {
			Statuses    []int
			Query, Body []string
		}
		if err := json.Unmarshal(raw, &op); err != nil {
			return nil, err
		}
		out[k] = op
	}
	return out, nil
})

var pathParam = regexp.MustCompile(`\{[a-z_]+\}`)

// holdToGitHub checks every request the fake answered against GitHub's
// description: an operation GitHub has, with query parameters and body
// fields it takes, answered with a status it gives. A fake that drifts
// from GitHub fails here, not in production.
func (f *fakeGitHub) holdToGitHub() {
	ops, err := githubREST()
	if err != nil {
		f.t.Fatal(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.calls {
		var found string
		for key := range ops {
			method, tmpl, _ := strings.Cut(key, " ")
			if method != c.Method {
				continue
			}
			if templateMatch(tmpl, c.Path) && (found == "" || len(key) > len(found)) {
				found = key
			}
		}
		if found == "" {
			f.t.Errorf("%s %s: GitHub's REST API has no such operation (testdata/github-rest.json)", c.Method, c.Path)
			continue
		}
		op := ops[found]
		// GitHub answers any operation 401 for a token it does not
		// accept, and 429 past a rate limit; the description lists them
		// for none.
		if !slices.Contains(op.Statuses, c.Status) && c.Status != http.StatusUnauthorized && c.Status != http.StatusTooManyRequests {
			f.t.Errorf("%s %s: the fake answered %d; GitHub answers %s with %v", c.Method, c.Path, c.Status, found, op.Statuses)
		}
		for q := range c.Query {
			if !slices.Contains(op.Query, q) {
				f.t.Errorf("%s %s: query parameter %q that %s does not take", c.Method, c.Path, q, found)
			}
		}
		var body map[string]json.RawMessage
		if json.Unmarshal([]byte(c.Body), &body) == nil {
			for k := range body {
				if !slices.Contains(op.Body, k) {
					f.t.Errorf("%s %s: body field %q that %s does not take", c.Method, c.Path, k, found)
				}
			}
		}
	}
}

// templateMatch reports whether path is an address of the operation
// tmpl, e.g. /repos/{owner}/{repo}/issues/{issue_number}, in org/repo.
func templateMatch(tmpl, path string) bool {
	tmpl = strings.NewReplacer("{owner}", "org", "{repo}", "repo").Replace(tmpl)
	var re strings.Builder
	re.WriteString("^")
	last := 0
	for _, loc := range pathParam.FindAllStringIndex(tmpl, -1) {
		re.WriteString(regexp.QuoteMeta(tmpl[last:loc[0]]))
		if tmpl[loc[0]:loc[1]] == "{ref}" {
			re.WriteString(".+") // a ref holds slashes
		} else {
			re.WriteString("[^/]+")
		}
		last = loc[1]
	}
	re.WriteString(regexp.QuoteMeta(tmpl[last:]) + "$")
	return regexp.MustCompile(re.String()).MatchString(path)
}

// on answers method and path with reply, a JSON text.
func (f *fakeGitHub) on(method, path, reply string) {
	f.mux.HandleFunc(method+" "+path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if method == "POST" {
			w.WriteHeader(http.StatusCreated)
		}
		fmt.Fprint(w, reply)
	})
}

// made returns the requests made with method to path.
func (f *fakeGitHub) made(method, path string) []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []call
	for _, c := range f.calls {
		if c.Method == method && c.Path == path {
			out = append(out, c)
		}
	}
	return out
}

// env returns the world of a command run against the fake API, from dir,
// with the event payload event (a JSON text, or "").
func (f *fakeGitHub) env(dir, event string) (Env, *bytes.Buffer, *bytes.Buffer) {
	vars := map[string]string{"GITHUB_TOKEN": "test-token", "GITHUB_REPOSITORY": "org/repo",
		"GITHUB_API_URL": f.server.URL + "/", "GITHUB_SERVER_URL": "https://github.com", "IDEBANK_LANG": "sv"}
	if f.summary != "" {
		vars["GITHUB_STEP_SUMMARY"] = f.summary
	}
	if event != "" {
		p := filepath.Join(f.t.TempDir(), "event.json")
		if err := os.WriteFile(p, []byte(event), 0o644); err != nil {
			f.t.Fatal(err)
		}
		vars["GITHUB_EVENT_PATH"] = p
	}
	var out, errOut bytes.Buffer
	return Env{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }, Dir: dir, HTTP: f.server.Client(),
		Now: func() time.Time { return time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC) }}, &out, &errOut
}

const testConfig = `title: Testbanken
organisation: Testkommunen
base_url: https://example.org/idebanken/
units:
  - {id: skola, name: Skolförvaltningen}
people:
  - {login: amb, name: Anna Ambassadör, roles: [ambassador], units: [skola]}
  - {login: inno, name: Ingrid Innovation, roles: [innovation-group]}
`

const submitted = `---
id: 2026-001
title: "Bättre schema <b>nu</b>"
kind: improvement
stage: submitted
submitted: 2026-03-02
submitter: {name: Eva Exempel, github: eva}
unit: skola
discussion: https://github.com/org/repo/issues/42
---
Ett nytt schema.
`

const developing = `---
id: 2026-001
title: "Bättre schema <b>nu</b>"
kind: improvement
stage: developing
submitted: 2026-03-02
submitter: {name: Eva Exempel, github: eva}
unit: skola
discussion: https://github.com/org/repo/issues/42
screening:
  date: 2026-03-10
  by: amb
  criteria:
    mission: {met: true}
    reach: {met: true}
    benefit: {met: true}
    value: {short: 3, long: 4}
  outcome: develop
  feedback: "Bra idé! Prata med @alice om <script>x</script>."
---
Ett nytt schema.
`

// gitRepo makes a repository with the files of before committed on
// master, then the files of after committed; it returns the folder and
// both commits.
func gitRepo(t *testing.T, before, after map[string]string) (string, plumbing.Hash, plumbing.Hash) {
	t.Helper()
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := r.Worktree()
	when := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	commit := func(files map[string]string) plumbing.Hash {
		for name, content := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			_ = os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
			t.Fatal(err)
		}
		when = when.Add(time.Hour)
		sig := &object.Signature{Name: "T", Email: "t@example.org", When: when}
		h, err := wt.Commit("c", &git.CommitOptions{Author: sig, AllowEmptyCommits: true})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	a := commit(before)
	b := commit(after)
	return dir, a, b
}

func TestNotify(t *testing.T) {
	dir, before, after := gitRepo(t, map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted},
		map[string]string{"ideas/2026/2026-001-x.md": developing})
	gh := newFakeRepo(t)
	gh.openIssue(42, "eva", "[Förbättringsförslag] Bättre schema", "...", "idé", "stage:submitted")
	env, out, errOut := gh.env(dir, fmt.Sprintf(`{"before": %q, "after": %q}`, before, after))
	if code := Main([]string{"notify"}, env); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	posted := gh.made("POST", "/repos/org/repo/issues/42/comments")
	if len(posted) != 1 {
		t.Fatalf("%d comments posted, want 1: %v", len(posted), gh.calls)
	}
	var c struct{ Body string }
	_ = json.Unmarshal([]byte(posted[0].Body), &c)
	for _, want := range []string{"<!-- idebank:step 2026-001 developing@2026-03-10 " + after.String() + " -->", "@eva ", "**Vidareutvecklas**", "Registrerad",
		"Återkoppling från idéambassadören", "@\u200balice", "&#60;script&#62;", "https://example.org/idebanken/idea/2026-001/"} {
		if !strings.Contains(c.Body, want) {
			t.Errorf("the comment lacks %q:\n%s", want, c.Body)
		}
	}
	if strings.Contains(c.Body, "<script>") || strings.Contains(c.Body, "<b>") {
		t.Errorf("markup from the file reached the comment:\n%s", c.Body)
	}
	if l := gh.made("POST", "/repos/org/repo/issues/42/labels"); len(l) != 1 || l[0].Body != `["stage:developing"]`+"\n" {
		t.Errorf("labels: %v", l)
	}
	if len(gh.made("DELETE", "/repos/org/repo/issues/42/labels/stage:submitted")) != 1 || !slices.Equal(gh.issues[42].Labels, []string{"idé", "stage:developing"}) {
		t.Errorf("the old stage label was not removed: %v", gh.issues[42].Labels)
	}

	// Run again, as a re-run workflow does: the comment is there, so
	// nothing is posted twice, and the labels are right.
	gh.calls = nil
	env2, out2, errOut2 := gh.env(dir, fmt.Sprintf(`{"before": %q, "after": %q}`, before, after))
	if code := Main([]string{"notify"}, env2); code != ExitOK {
		t.Fatalf("second run: exit %d\n%s%s", code, out2, errOut2)
	}
	for _, c := range gh.calls {
		if c.Method != "GET" {
			t.Errorf("the second run changed something: %s %s %s", c.Method, c.Path, c.Body)
		}
	}
}

func TestNotifyClosesAtFinalStage(t *testing.T) {
	rejected := strings.Replace(strings.Replace(developing, "stage: developing", "stage: rejected", 1), "outcome: develop", "outcome: reject", 1)
	dir, before, after := gitRepo(t, map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted},
		map[string]string{"ideas/2026/2026-001-x.md": rejected})
	gh := newFakeRepo(t)
	gh.openIssue(42, "eva", "[Förbättringsförslag] Bättre schema", "...", "idé", "stage:submitted")
	env, out, errOut := gh.env(dir, "")
	if code := Main([]string{"notify", "--base", before.String(), "--head", after.String()}, env); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	closed := gh.made("PATCH", "/repos/org/repo/issues/42")
	if len(closed) != 1 || !strings.Contains(closed[0].Body, `"state":"closed"`) || !strings.Contains(closed[0].Body, `"state_reason":"not_planned"`) {
		t.Errorf("the issue was not closed as not planned: %v", closed)
	}
}

func TestPRComment(t *testing.T) {
	dir, base, _ := gitRepo(t, map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted}, map[string]string{})
	// The pull request's change is in the working tree; its base is on
	// origin/master, as in a CI checkout.
	r, _ := git.PlainOpen(dir)
	if err := r.Storer.SetReference(plumbing.NewHashReference("refs/remotes/origin/master", base)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ideas/2026/2026-001-x.md"), []byte(developing), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, reviews, comments string
		method, path            string
		want                    []string
	}{
		{"first run, not approved yet", `[]`, `[]`, "POST", "/repos/org/repo/issues/7/comments",
			[]string{"**2026-001**", "går från **Registrerad** till **Vidareutvecklas**", "`amb`", "⏳", "Det här behöver rättas (1)",
				"idéambassadör eller innovationsgruppen"}},
		{"approved: the comment is edited", `[{"user": {"login": "inno"}, "state": "APPROVED", "commit_id": "h1"}, {"user": {"login": "inno"}, "state": "COMMENTED", "commit_id": "h2"}, {"user": {"login": "amb"}, "state": "APPROVED", "commit_id": "h2"}]`,
			`[{"id": 99, "body": "<!-- idebank:pr-comment  -->\nold"}]`, "PATCH", "/repos/org/repo/issues/comments/99",
			[]string{"✅ klart: `amb`", "Inga fel"}}, // inno approved an earlier commit: that does not count
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := prCommentBody(t, dir, prRun{opener: "eva", reviews: tt.reviews, comments: tt.comments, method: tt.method, path: tt.path})
			for _, want := range append(tt.want, "<!-- idebank:pr-comment  -->") {
				if !strings.Contains(body, want) {
					t.Errorf("the comment lacks %q:\n%s", want, body)
				}
			}
		})
	}
}

// issues answers the list of a repository's issues as GitHub does: by
// state ("open" unless asked) and by every label asked for, one page.
func (f *fakeGitHub) issues(list string) {
	var all []struct {
		State  string
		Labels []struct{ Name string }
	}
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(list), &all); err != nil {
		f.t.Fatal(err)
	}
	_ = json.Unmarshal([]byte(list), &raw)
	f.mux.HandleFunc("GET /repos/org/repo/issues", func(w http.ResponseWriter, r *http.Request) {
		state := r.URL.Query().Get("state")
		if state == "" {
			state = "open"
		}
		out := []json.RawMessage{}
	issues:
		for i, is := range all {
			if state != "all" && is.State != state {
				continue
			}
			for _, want := range strings.Split(r.URL.Query().Get("labels"), ",") {
				if want != "" && !slices.ContainsFunc(is.Labels, func(l struct{ Name string }) bool { return l.Name == want }) {
					continue issues
				}
			}
			out = append(out, raw[i])
		}
		_ = json.NewEncoder(w).Encode(out)
	})
}

func TestRemind(t *testing.T) {
	old := strings.Replace(submitted, "submitted: 2026-03-02", "submitted: 2026-01-02", 1)
	dir := t.TempDir()
	for name, content := range map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": old} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.WriteFile(p, []byte(content), 0o644)
	}
	marked := func(number int, state, labels string) string {
		return fmt.Sprintf(`{"number": %d, "state": %q, "body": "<!-- idebank:remind list -->\nold list", "labels": [%s]}`, number, state, labels)
	}
	// The ideas' own issues and a pull request, which are not the list.
	others := `{"number": 42, "state": "open", "body": "### Förvaltning\n\nskola"}, {"number": 43, "state": "open", "body": "<!-- idebank:remind list -->", "pull_request": {"url": "x"}}`
	for _, tt := range []struct {
		name, issues string
		args         []string
		patch        int    // the issue edited, or 0
		state        string // the state it is given, or ""
		post         bool   // whether an issue is opened
	}{
		{"opens the list", `[` + others + `]`, nil, 0, "", true},
		{"updates it, its label dropped", `[` + others + `, ` + marked(5, "open", "") + `]`, nil, 5, "", false},
		{"updates one opened by an earlier version", `[` + others + `, {"number": 4, "state": "open", "body": "old", "labels": [{"name": "idebank:påminnelse"}]}]`, nil, 4, "", false},
		{"opens the closed one again, not a second", `[` + others + `, ` + marked(5, "closed", "") + `]`, nil, 5, "open", false},
		{"closes it when nothing waits", `[` + others + `, ` + marked(5, "open", `{"name": "idebank:påminnelse"}`) + `]`, []string{"--today", "2026-01-10"}, 5, "closed", false},
		{"leaves the closed one when nothing waits", `[` + others + `, ` + marked(5, "closed", "") + `]`, []string{"--today", "2026-01-10"}, 0, "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			gh := newFakeGitHub(t)
			gh.issues(tt.issues)
			gh.on("POST", "/repos/org/repo/issues", `{"number": 6}`)
			gh.on("PATCH", fmt.Sprintf("/repos/org/repo/issues/%d", tt.patch), fmt.Sprintf(`{"number": %d}`, tt.patch))
			env, out, errOut := gh.env(dir, "")
			if code := Main(append([]string{"remind"}, tt.args...), env); code != ExitOK {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			posted := gh.made("POST", "/repos/org/repo/issues")
			if tt.post != (len(posted) == 1) || len(posted) > 1 {
				t.Fatalf("issues opened: %v", posted)
			}
			if tt.post {
				if b := posted[0].Body; !strings.Contains(b, "2026-001") || !strings.Contains(b, `"labels":["idebank:påminnelse"]`) ||
					!strings.Contains(b, "| 77 |") || !strings.Contains(b, `"body":"<!-- idebank:remind list -->\n`) {
					t.Errorf("the list issue: %v", b)
				}
			}
			var patched []call
			for _, c := range gh.calls {
				if c.Method == "PATCH" {
					patched = append(patched, c)
				}
			}
			if tt.patch == 0 {
				if len(patched) != 0 {
					t.Errorf("edited: %v", patched)
				}
				return
			}
			if len(patched) != 1 || patched[0].Path != fmt.Sprintf("/repos/org/repo/issues/%d", tt.patch) {
				t.Fatalf("want issue %d edited, got %v", tt.patch, patched)
			}
			var req struct{ Body, State string }
			_ = json.Unmarshal([]byte(patched[0].Body), &req)
			if req.State != tt.state || !strings.HasPrefix(req.Body, "<!-- idebank:remind list -->\n") {
				t.Errorf("the edit: state %q, want %q; body %q", req.State, tt.state, req.Body)
			}
		})
	}
}

// TestPRCommentHostileFileName: a file name with backticks and a mention
// stays a code span in the comment, and mentions nobody.
func TestPRCommentHostileFileName(t *testing.T) {
	dir, base, _ := gitRepo(t, map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted}, map[string]string{})
	r, _ := git.PlainOpen(dir)
	if err := r.Storer.SetReference(plumbing.NewHashReference("refs/remotes/origin/master", base)); err != nil {
		t.Fatal(err)
	}
	name := "ideas/2026/2026-002-`@mallory` <img src=x> www.evil.example #1.md"
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte("inte en idé\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := struct{ Body string }{prCommentBody(t, dir, prRun{opener: "eva"})}
	if !strings.Contains(c.Body, "``"+name) {
		t.Errorf("the file name is not in a code span:\n%s", c.Body)
	}
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(c.Body), &html); err != nil {
		t.Fatal(err)
	}
	// Outside code, no mention, reference, address or element from the name.
	outside := regexp.MustCompile(`(?s)<code>.*?</code>`).ReplaceAllString(html.String(), "")
	for _, bad := range []string{"@mallory", "<img", "www.evil", "#1"} {
		if strings.Contains(outside, bad) {
			t.Errorf("%q outside code in\n%s", bad, html.String())
		}
	}
}

// prRun is one run of pr-comment on pull request 7 against a fake GitHub.
// Empty fields take what most tests want: no reviews, no comments yet, and
// a new comment posted.
type prRun struct {
	opener   string   // the login that opened the pull request
	reviews  string   // the reviews GitHub answers, as JSON
	comments string   // the comments already on the pull request, as JSON
	method   string   // how the comment is written: POST, or PATCH to edit
	path     string   // where it is written
	args     []string // the flags after pr-comment
}

// prCommentBody runs r in dir and returns the body of the one comment it
// wrote, failing the test on any other exit or number of writes.
func prCommentBody(t *testing.T, dir string, r prRun) string {
	t.Helper()
	or := func(s, def string) string {
		if s == "" {
			return def
		}
		return s
	}
	method, path := or(r.method, "POST"), or(r.path, "/repos/org/repo/issues/7/comments")
	gh := newFakeGitHub(t)
	gh.on("GET", "/repos/org/repo/pulls/7", `{"number": 7, "user": {"login": "`+r.opener+`"}, "base": {"ref": "master"}, "head": {"sha": "h2"}}`)
	gh.on("GET", "/repos/org/repo/pulls/7/reviews", or(r.reviews, `[]`))
	gh.on("GET", "/repos/org/repo/issues/7/comments", or(r.comments, `[]`))
	gh.on(method, path, `{"id": 99}`)
	env, out, errOut := gh.env(dir, `{"pull_request": {"number": 7}}`)
	if code := Main(append([]string{"pr-comment"}, r.args...), env); code != ExitOK {
		t.Fatalf("pr-comment: exit %d\n%s%s", code, out, errOut)
	}
	made := gh.made(method, path)
	if len(made) != 1 {
		t.Fatalf("want one %s %s, got calls %v", method, path, gh.calls)
	}
	var c struct{ Body string }
	if err := json.Unmarshal([]byte(made[0].Body), &c); err != nil {
		t.Fatalf("the comment's body: %v", err)
	}
	return c.Body
}
