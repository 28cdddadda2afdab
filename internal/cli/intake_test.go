package cli

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/issueform"
	"github.com/idebanken/idebanken/internal/model"
)

// intakeBank writes an idea bank with the repository's own templates.
func intakeBank(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted}
	for _, k := range model.Kinds {
		data, err := os.ReadFile(filepath.Join("..", "..", "templates", string(k)+".md"))
		if err != nil {
			t.Fatal(err)
		}
		files["templates/"+string(k)+".md"] = string(data)
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// hostileTitle and hostileText try to break out of YAML, Markdown, HTML
// and a shell, wherever the text might be pasted.
const hostileTitle = `Halt "ute": stage: approved <script>alert(1)</script> $(rm -rf /) ` + "`id`"

const hostileText = "---\nstage: approved\nid: 2026-999\n---\n# Rubrik\n<img src=x onerror=alert(1)> && | ; ${HOME} 'citat' \"dubbla\"\n- [x] lista\n\tflik"

func TestIntake(t *testing.T) {
	dir := intakeBank(t)
	templates, err := issueform.ReadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := bankConfig(t, dir)
	answer := &issueform.Answer{Kind: model.KindIncident, Unit: "skola", Name: "Eva Exempel", Tags: []string{"halka"}}
	form, err := issueform.Parse(cfg, templates, model.KindIncident, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range form.Sections {
		answer.Sections = append(answer.Sections, issueform.Section{ID: s.ID, Heading: s.Heading, Text: hostileText})
	}
	body, err := issueform.Format(cfg, templates, answer)
	if err != nil {
		t.Fatal(err)
	}
	issueJSON, _ := json.Marshal(map[string]any{"number": 12, "title": "[Tillbud] " + hostileTitle, "body": body,
		"html_url": "https://github.com/org/repo/issues/12", "user": map[string]string{"login": "eva"},
		"labels": []map[string]string{{"name": "idé"}, {"name": "kind:incident"}}})

	gh := newFakeGitHub(t)
	gh.on("GET", "/repos/org/repo/issues/12", string(issueJSON))
	gh.pulls(`[{"number": 30, "title": "2026-002 Annan idé", "head": {"ref": "idebank/issue-11"}}]`)
	gh.on("GET", "/repos/org/repo", `{"default_branch": "main"}`)
	gh.on("GET", "/repos/org/repo/git/ref/heads/main", `{"object": {"sha": "aaa"}}`)
	gh.on("GET", "/repos/org/repo/git/commits/aaa", `{"sha": "aaa", "tree": {"sha": "ttt"}}`)
	gh.on("POST", "/repos/org/repo/git/trees", `{"sha": "nnn"}`)
	gh.on("POST", "/repos/org/repo/git/commits", `{"sha": "ccc"}`)
	gh.on("POST", "/repos/org/repo/git/refs", `{"ref": "refs/heads/idebank/issue-12"}`)
	gh.on("POST", "/repos/org/repo/pulls", `{"number": 31}`)
	gh.on("POST", "/repos/org/repo/issues/12/labels", `[]`)
	gh.on("GET", "/repos/org/repo/issues/12/comments", `[]`)
	gh.on("POST", "/repos/org/repo/issues/12/comments", `{"id": 5}`)
	env, out, errOut := gh.env(dir, `{"action": "opened", "issue": {"number": 12}}`)
	if code := Main([]string{"intake", "--today", "2026-03-20"}, env); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}

	trees := gh.made("POST", "/repos/org/repo/git/trees")
	if len(trees) != 1 {
		t.Fatalf("trees: %v", gh.calls)
	}
	var tree struct {
		BaseTree string `json:"base_tree"`
		Tree     []struct{ Path, Mode, Type, Content string }
	}
	if err := json.Unmarshal([]byte(trees[0].Body), &tree); err != nil {
		t.Fatal(err)
	}
	// 2026-001 is in the files and 2026-002 in an open intake pull request:
	// the next free id is 2026-003.
	if tree.BaseTree != "ttt" || len(tree.Tree) != 1 || !strings.HasPrefix(tree.Tree[0].Path, "ideas/2026/2026-003-halt-ute-stage-approved") ||
		tree.Tree[0].Mode != "100644" {
		t.Fatalf("tree: %+v", tree)
	}
	var ds diag.List
	idea := ideafile.Parse(tree.Tree[0].Path, []byte(tree.Tree[0].Content), &ds)
	if idea == nil || ds.Len() > 0 {
		t.Fatalf("the file does not parse:\n%s\n%v", tree.Tree[0].Content, ds.Items())
	}
	if idea.ID != "2026-003" || idea.Stage != model.StageSubmitted || idea.Title != hostileTitle || idea.Unit != "skola" ||
		idea.Submitter.Name != "Eva Exempel" || idea.Submitter.GitHub != "eva" || idea.Discussion != "https://github.com/org/repo/issues/12" {
		t.Errorf("the idea: %+v", idea)
	}
	if strings.Count(idea.Body, "<img src=x onerror=alert(1)> && | ; ${HOME}") != len(form.Sections) {
		t.Errorf("the text did not survive intact:\n%s", idea.Body)
	}
	pr := gh.made("POST", "/repos/org/repo/pulls")
	if len(pr) != 1 || !strings.Contains(pr[0].Body, `"head":"idebank/issue-12"`) || !strings.Contains(pr[0].Body, `"base":"main"`) ||
		strings.Contains(strings.ToLower(pr[0].Body), "closes") {
		t.Errorf("pull request: %v", pr)
	}
	if l := gh.made("POST", "/repos/org/repo/issues/12/labels"); len(l) != 1 || !strings.Contains(l[0].Body, "stage:submitted") {
		t.Errorf("labels: %v", l)
	}
	if c := gh.made("POST", "/repos/org/repo/issues/12/comments"); len(c) != 1 || !strings.Contains(c[0].Body, "2026-003") || !strings.Contains(c[0].Body, "#31") {
		t.Errorf("comment: %v", c)
	}

	// Again, as when the workflow runs twice: the pull request is there,
	// so no second idea.
	gh2 := newFakeGitHub(t)
	gh2.on("GET", "/repos/org/repo/issues/12", string(issueJSON))
	gh2.pulls(`[{"number": 31, "title": "2026-003 x", "head": {"ref": "idebank/issue-12"}}]`)
	env2, out2, _ := gh2.env(dir, `{"issue": {"number": 12}}`)
	if code := Main([]string{"intake"}, env2); code != ExitOK || len(gh2.made("POST", "/repos/org/repo/git/trees")) != 0 {
		t.Errorf("a second run: exit %d, calls %v\n%s", code, gh2.calls, out2)
	}
}

func TestIntakeAsksForWhatIsMissing(t *testing.T) {
	dir := intakeBank(t)
	issueJSON, _ := json.Marshal(map[string]any{"number": 13, "title": "[Förbättringsförslag] Något", "body": "Bara lite text.",
		"user": map[string]string{"login": "eva"}, "labels": []map[string]string{{"name": "kind:improvement"}}})
	gh := newFakeGitHub(t)
	gh.on("GET", "/repos/org/repo/issues/13", string(issueJSON))
	gh.pulls(`[]`)
	gh.on("GET", "/repos/org/repo/issues/13/comments", `[]`)
	gh.on("POST", "/repos/org/repo/issues/13/comments", `{"id": 6}`)
	env, out, errOut := gh.env(dir, "")
	if code := Main([]string{"intake", "--issue", "13"}, env); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if len(gh.made("POST", "/repos/org/repo/git/trees")) != 0 {
		t.Error("an idea was proposed although the form lacks its unit")
	}
	c := gh.made("POST", "/repos/org/repo/issues/13/comments")
	if len(c) != 1 || !strings.Contains(c[0].Body, "Redigera ärendet") {
		t.Errorf("no comment asking for what is missing: %v", c)
	}
}

func bankConfig(t *testing.T, dir string) *model.Config {
	t.Helper()
	b, err := loadBank(dir, model.Date{Year: 2026, Month: 3, Day: 20})
	if err != nil || b.Res.Config == nil {
		t.Fatalf("config: %v", err)
	}
	return b.Res.Config
}

// pulls answers the list of pull requests as GitHub does: filtered by
// the head "owner:branch" when one is asked for.
func (f *fakeGitHub) pulls(list string) {
	var all []struct {
		Head struct{ Ref string } `json:"head"`
	}
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(list), &all); err != nil {
		f.t.Fatal(err)
	}
	_ = json.Unmarshal([]byte(list), &raw)
	f.mux.HandleFunc("GET /repos/org/repo/pulls", func(w http.ResponseWriter, r *http.Request) {
		head := r.URL.Query().Get("head")
		var out []json.RawMessage
		for i, pr := range all {
			if head == "" || head == "org:"+pr.Head.Ref {
				out = append(out, raw[i])
			}
		}
		if out == nil {
			out = []json.RawMessage{}
		}
		_ = json.NewEncoder(w).Encode(out)
	})
}
