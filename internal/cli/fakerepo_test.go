package cli

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// fakeRepo is a repository on the fake GitHub that keeps what is done to
// it, in the shape of GitHub's REST API: issues with their comments,
// labels and state; git refs, trees and commits through the Git Data API;
// pull requests. Each answer has the status and body GitHub gives
// (api.github.com, as described in @octokit/openapi), errors included.
type fakeRepo struct {
	*fakeGitHub
	mu       sync.Mutex
	issues   map[int]*fakeIssue
	comments int                          // the last comment id
	refs     map[string]string            // "refs/heads/main" → commit sha
	commits  map[string]fakeCommit        // sha → commit
	trees    map[string]map[string]string // sha → path → content
	pulls    []fakePull
	// refusePulls makes creating a pull request fail as it does where
	// the repository's settings do not let Actions create them.
	refusePulls bool
	// beforeRef, when set, runs before a ref is created: a test races
	// another intake there.
	beforeRef func(ref string)
}

type fakeIssue struct {
	Number   int
	Title    string
	Body     string
	State    string
	Reason   string
	Labels   []string
	User     string
	Comments []fakeComment
}

type fakeComment struct {
	ID   int64
	Body string
}

type fakeCommit struct {
	Message, Tree, Parent string
}

type fakePull struct {
	Number            int
	Title, Head, Base string
	Body              string
}

func newFakeRepo(t *testing.T) *fakeRepo {
	f := &fakeRepo{fakeGitHub: newFakeGitHub(t), issues: map[int]*fakeIssue{}, refs: map[string]string{},
		commits: map[string]fakeCommit{}, trees: map[string]map[string]string{}}
	f.trees["t0"] = map[string]string{}
	f.commits["c0"] = fakeCommit{Message: "start", Tree: "t0"}
	f.refs["refs/heads/main"] = "c0"
	f.routes()
	return f
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// apiError answers as GitHub does when it refuses a request.
func apiError(w http.ResponseWriter, status int, message, doc string) {
	reply(w, status, map[string]string{"message": message, "documentation_url": doc, "status": strconv.Itoa(status)})
}

func hash(parts ...string) string {
	h := sha1.Sum([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:])
}

func (f *fakeRepo) issueJSON(i *fakeIssue) map[string]any {
	labels := []map[string]string{}
	for _, l := range i.Labels {
		labels = append(labels, map[string]string{"name": l})
	}
	return map[string]any{"number": i.Number, "title": i.Title, "body": i.Body, "state": i.State, "labels": labels,
		"user": map[string]string{"login": i.User}, "html_url": fmt.Sprintf("https://github.com/org/repo/issues/%d", i.Number)}
}

func (f *fakeRepo) routes() {
	m := f.mux
	issue := func(w http.ResponseWriter, r *http.Request) *fakeIssue {
		n, _ := strconv.Atoi(r.PathValue("n"))
		i := f.issues[n]
		if i == nil {
			apiError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/issues/issues#get-an-issue")
		}
		return i
	}
	decode := func(r *http.Request, v any) {
		if err := json.NewDecoder(r.Body).Decode(v); err != nil {
			f.t.Errorf("%s %s: body: %v", r.Method, r.URL.Path, err)
		}
	}
	m.HandleFunc("GET /repos/org/repo", func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, map[string]any{"name": "repo", "full_name": "org/repo", "default_branch": "main"})
	})
	m.HandleFunc("GET /repos/org/repo/issues/{n}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		if i := issue(w, r); i != nil {
			reply(w, 200, f.issueJSON(i))
		}
	})
	m.HandleFunc("PATCH /repos/org/repo/issues/{n}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		var req struct {
			State       *string `json:"state"`
			StateReason *string `json:"state_reason"`
			Body        *string `json:"body"`
		}
		decode(r, &req)
		if i := issue(w, r); i != nil {
			if req.State != nil {
				i.State = *req.State
			}
			if req.StateReason != nil {
				i.Reason = *req.StateReason
			}
			if req.Body != nil {
				i.Body = *req.Body
			}
			reply(w, 200, f.issueJSON(i))
		}
	})
	m.HandleFunc("GET /repos/org/repo/issues/{n}/comments", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		if i := issue(w, r); i != nil {
			out := []map[string]any{}
			for _, c := range i.Comments {
				out = append(out, map[string]any{"id": c.ID, "body": c.Body})
			}
			reply(w, 200, out)
		}
	})
	m.HandleFunc("POST /repos/org/repo/issues/{n}/comments", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		var req struct{ Body string }
		decode(r, &req)
		if req.Body == "" {
			apiError(w, 422, "Validation Failed", "https://docs.github.com/rest/issues/comments#create-an-issue-comment")
			return
		}
		if i := issue(w, r); i != nil {
			f.comments++
			i.Comments = append(i.Comments, fakeComment{ID: int64(f.comments), Body: req.Body})
			reply(w, 201, map[string]any{"id": f.comments, "body": req.Body})
		}
	})
	m.HandleFunc("PATCH /repos/org/repo/issues/comments/{id}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		var req struct{ Body string }
		decode(r, &req)
		id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
		for _, i := range f.issues {
			for k := range i.Comments {
				if i.Comments[k].ID == id {
					i.Comments[k].Body = req.Body
					reply(w, 200, map[string]any{"id": id, "body": req.Body})
					return
				}
			}
		}
		apiError(w, 404, "Not Found", "https://docs.github.com/rest/issues/comments#update-an-issue-comment")
	})
	m.HandleFunc("POST /repos/org/repo/issues/{n}/labels", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		var req []string
		decode(r, &req)
		if i := issue(w, r); i != nil {
			for _, l := range req {
				if !slices.Contains(i.Labels, l) {
					i.Labels = append(i.Labels, l)
				}
			}
			reply(w, 200, f.issueJSON(i)["labels"])
		}
	})
	m.HandleFunc("DELETE /repos/org/repo/issues/{n}/labels/{name}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		if i := issue(w, r); i != nil {
			k := slices.Index(i.Labels, r.PathValue("name"))
			if k < 0 {
				apiError(w, 404, "Label does not exist", "https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue")
				return
			}
			i.Labels = slices.Delete(i.Labels, k, k+1)
			reply(w, 200, f.issueJSON(i)["labels"])
		}
	})
	m.HandleFunc("GET /users/{login}", func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, map[string]any{"login": r.PathValue("login"), "name": ""})
	})

	// The Git Data API.
	m.HandleFunc("GET /repos/org/repo/git/ref/{ref...}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		name := "refs/" + r.PathValue("ref")
		sha, ok := f.refs[name]
		if !ok {
			apiError(w, 404, "Not Found", "https://docs.github.com/rest/git/refs#get-a-reference")
			return
		}
		reply(w, 200, map[string]any{"ref": name, "object": map[string]string{"sha": sha, "type": "commit"}})
	})
	m.HandleFunc("GET /repos/org/repo/git/matching-refs/{ref...}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		prefix := "refs/" + r.PathValue("ref")
		out := []map[string]any{}
		var names []string
		for name := range f.refs {
			if strings.HasPrefix(name, prefix) {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		for _, name := range names {
			out = append(out, map[string]any{"ref": name, "object": map[string]string{"sha": f.refs[name], "type": "commit"}})
		}
		reply(w, 200, out)
	})
	m.HandleFunc("POST /repos/org/repo/git/refs", func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Ref, Sha string }
		decode(r, &req)
		if f.beforeRef != nil {
			f.beforeRef(req.Ref)
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		if !strings.HasPrefix(req.Ref, "refs/") || strings.Count(req.Ref, "/") < 2 {
			apiError(w, 422, "Reference name must start with 'refs/' and have at least two slashes.", "https://docs.github.com/rest/git/refs#create-a-reference")
			return
		}
		if _, ok := f.refs[req.Ref]; ok {
			apiError(w, 422, "Reference already exists", "https://docs.github.com/rest/git/refs#create-a-reference")
			return
		}
		if _, ok := f.commits[req.Sha]; !ok {
			apiError(w, 422, "Object does not exist", "https://docs.github.com/rest/git/refs#create-a-reference")
			return
		}
		f.refs[req.Ref] = req.Sha
		reply(w, 201, map[string]any{"ref": req.Ref, "object": map[string]string{"sha": req.Sha, "type": "commit"}})
	})
	m.HandleFunc("PATCH /repos/org/repo/git/refs/{ref...}", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Sha   string
			Force bool
		}
		decode(r, &req)
		f.mu.Lock()
		defer f.mu.Unlock()
		name := "refs/" + r.PathValue("ref")
		if _, ok := f.refs[name]; !ok {
			apiError(w, 422, "Reference does not exist", "https://docs.github.com/rest/git/refs#update-a-reference")
			return
		}
		if _, ok := f.commits[req.Sha]; !ok {
			apiError(w, 422, "Object does not exist", "https://docs.github.com/rest/git/refs#update-a-reference")
			return
		}
		if !req.Force && f.commits[req.Sha].Parent != f.refs[name] {
			apiError(w, 422, "Update is not a fast forward", "https://docs.github.com/rest/git/refs#update-a-reference")
			return
		}
		f.refs[name] = req.Sha
		reply(w, 200, map[string]any{"ref": name, "object": map[string]string{"sha": req.Sha, "type": "commit"}})
	})
	m.HandleFunc("GET /repos/org/repo/git/commits/{sha}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		c, ok := f.commits[r.PathValue("sha")]
		if !ok {
			apiError(w, 404, "Not Found", "https://docs.github.com/rest/git/commits#get-a-commit-object")
			return
		}
		parents := []map[string]string{}
		if c.Parent != "" {
			parents = append(parents, map[string]string{"sha": c.Parent})
		}
		reply(w, 200, map[string]any{"sha": r.PathValue("sha"), "message": c.Message, "tree": map[string]string{"sha": c.Tree}, "parents": parents})
	})
	m.HandleFunc("POST /repos/org/repo/git/trees", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			BaseTree string `json:"base_tree"`
			Tree     []struct{ Path, Mode, Type, Content string }
		}
		decode(r, &req)
		f.mu.Lock()
		defer f.mu.Unlock()
		base, ok := f.trees[req.BaseTree]
		if !ok {
			apiError(w, 422, "Invalid tree info", "https://docs.github.com/rest/git/trees#create-a-tree")
			return
		}
		t := map[string]string{}
		for p, c := range base {
			t[p] = c
		}
		parts := []string{req.BaseTree}
		for _, e := range req.Tree {
			if e.Mode != "100644" || e.Type != "blob" || strings.HasPrefix(e.Path, "/") {
				apiError(w, 422, "Invalid tree info", "https://docs.github.com/rest/git/trees#create-a-tree")
				return
			}
			t[e.Path] = e.Content
			parts = append(parts, e.Path, e.Content)
		}
		sha := hash(parts...)
		f.trees[sha] = t
		reply(w, 201, map[string]any{"sha": sha})
	})
	m.HandleFunc("POST /repos/org/repo/git/commits", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Message, Tree string
			Parents       []string
		}
		decode(r, &req)
		f.mu.Lock()
		defer f.mu.Unlock()
		if _, ok := f.trees[req.Tree]; !ok || len(req.Parents) != 1 {
			apiError(w, 422, "Tree SHA does not exist", "https://docs.github.com/rest/git/commits#create-a-commit")
			return
		}
		sha := hash(req.Message, req.Tree, req.Parents[0])
		f.commits[sha] = fakeCommit{Message: req.Message, Tree: req.Tree, Parent: req.Parents[0]}
		reply(w, 201, map[string]any{"sha": sha, "message": req.Message, "tree": map[string]string{"sha": req.Tree}})
	})

	// Pull requests.
	m.HandleFunc("GET /repos/org/repo/pulls", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		head := r.URL.Query().Get("head")
		out := []map[string]any{}
		for _, p := range f.pulls {
			if head == "" || head == "org:"+p.Head {
				out = append(out, map[string]any{"number": p.Number, "title": p.Title, "state": "open",
					"head": map[string]string{"ref": p.Head}, "base": map[string]string{"ref": p.Base}})
			}
		}
		reply(w, 200, out)
	})
	m.HandleFunc("POST /repos/org/repo/pulls", func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Title, Head, Base, Body string }
		decode(r, &req)
		f.mu.Lock()
		defer f.mu.Unlock()
		switch {
		case f.refusePulls:
			apiError(w, 403, "GitHub Actions is not permitted to create or approve pull requests.", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request")
			return
		case len([]rune(req.Title)) > 256 || strings.ContainsAny(req.Title, "\r\n"):
			apiError(w, 422, "Validation Failed", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request")
			return
		}
		if _, ok := f.refs["refs/heads/"+req.Head]; !ok {
			apiError(w, 422, "Validation Failed", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request")
			return
		}
		for _, p := range f.pulls {
			if p.Head == req.Head {
				apiError(w, 422, "A pull request already exists for org:"+req.Head+".", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request")
				return
			}
		}
		n := 100 + len(f.pulls)
		f.pulls = append(f.pulls, fakePull{Number: n, Title: req.Title, Head: req.Head, Base: req.Base, Body: req.Body})
		reply(w, 201, map[string]any{"number": n, "title": req.Title, "head": map[string]string{"ref": req.Head}})
	})
}

// file returns the content of path on branch, and whether it is there.
func (f *fakeRepo) file(branch, path string) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.commits[f.refs["refs/heads/"+branch]]
	if !ok {
		return "", false
	}
	content, ok := f.trees[c.Tree][path]
	return content, ok
}

// openIssue opens issue n with a title, a body and labels, by user.
func (f *fakeRepo) openIssue(n int, user, title, body string, labels ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.issues[n] = &fakeIssue{Number: n, Title: title, Body: body, State: "open", User: user, Labels: labels}
}
