package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
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

	gh := newFakeRepo(t)
	gh.openIssue(12, "eva", "[Tillbud] "+hostileTitle, body, "idé", "kind:incident")
	// An open pull request of an earlier version, which took no ref for
	// its id: its title holds it.
	gh.pulls = append(gh.pulls, fakePull{Number: 30, Title: "2026-002 Annan idé", Head: "idebank/issue-11", Base: "main"})
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
	// the next free id is 2026-003, taken by its ref.
	if tree.BaseTree != "t0" || len(tree.Tree) != 1 || !strings.HasPrefix(tree.Tree[0].Path, "ideas/2026/2026-003-halt-ute-stage-approved") ||
		tree.Tree[0].Mode != "100644" {
		t.Fatalf("tree: %+v", tree)
	}
	if refs := gh.made("POST", "/repos/org/repo/git/refs"); len(refs) != 2 || refs[0].Body != `{"ref":"refs/idebank/ids/2026-003","sha":"c0"}`+"\n" ||
		!strings.HasPrefix(refs[1].Body, `{"ref":"refs/heads/idebank/issue-12","sha":"`) {
		t.Errorf("refs: %v", refs)
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
	if l := gh.issues[12].Labels; !slices.Equal(l, []string{"idé", "kind:incident", "stage:submitted"}) {
		t.Errorf("labels: %v", l)
	}
	if c := gh.issues[12].Comments; len(c) != 1 || !strings.Contains(c[0].Body, "2026-003") || !strings.Contains(c[0].Body, "#101") {
		t.Errorf("comment: %v", c)
	}

	// Again, as when the workflow runs twice: the pull request is there,
	// so no second idea.
	gh.calls = nil
	env2, out2, _ := gh.env(dir, `{"issue": {"number": 12}}`)
	if code := Main([]string{"intake"}, env2); code != ExitOK || len(gh.made("POST", "/repos/org/repo/git/trees")) != 0 {
		t.Errorf("a second run: exit %d, calls %v\n%s", code, gh.calls, out2)
	}
}

func TestIntakeAsksForWhatIsMissing(t *testing.T) {
	dir := intakeBank(t)
	gh := newFakeRepo(t)
	gh.openIssue(13, "eva", "[Förbättringsförslag] Något", "Bara lite text.", "kind:improvement")
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

// formIssue opens issue n on gh as the improvement form writes it, by eva,
// with text in every section.
func formIssue(t *testing.T, dir string, gh *fakeRepo, n int, title, text string) {
	t.Helper()
	templates, err := issueform.ReadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := bankConfig(t, dir)
	form, err := issueform.Parse(cfg, templates, model.KindImprovement, "")
	if err != nil {
		t.Fatal(err)
	}
	answer := &issueform.Answer{Kind: model.KindImprovement, Unit: "skola", Name: "Eva Exempel"}
	for _, s := range form.Sections {
		answer.Sections = append(answer.Sections, issueform.Section{ID: s.ID, Heading: s.Heading, Text: text})
	}
	body, err := issueform.Format(cfg, templates, answer)
	if err != nil {
		t.Fatal(err)
	}
	gh.openIssue(n, "eva", title, body, "idé", "kind:improvement")
}

// TestIntakeRefusedThenRetried: where the repository's settings do not let
// Actions create pull requests, GitHub answers 403. Intake says on the
// issue and in the job summary what an administrator must change, exits
// with its own status, and the run after the change reuses the branch and
// the id instead of failing with "Reference already exists".
func TestIntakeRefusedThenRetried(t *testing.T) {
	dir := intakeBank(t)
	gh := newFakeRepo(t)
	gh.summary = filepath.Join(t.TempDir(), "summary.md")
	formIssue(t, dir, gh, 12, "[Förbättringsförslag] Bättre schema", "Schemat krockar.")
	gh.refusePulls = true
	env, out, errOut := gh.env(dir, "")
	if code := Main([]string{"intake", "--issue", "12", "--today", "2026-03-20"}, env); code != ExitRefused {
		t.Fatalf("exit %d, want %d\n%s%s", code, ExitRefused, out, errOut)
	}
	comments := gh.issues[12].Comments
	if len(comments) != 1 {
		t.Fatalf("comments: %v", comments)
	}
	for _, want := range []string{"2026-002", "`idebank/issue-12`", "Settings → Actions → General", "https://github.com/org/repo/settings/actions",
		"**Allow GitHub Actions to create and approve pull requests**", "Kör sedan arbetsflödet *intake* igen",
		"GitHub Actions is not permitted to create or approve pull requests."} {
		if !strings.Contains(comments[0].Body, want) {
			t.Errorf("the comment lacks %q:\n%s", want, comments[0].Body)
		}
	}
	summary, err := os.ReadFile(gh.summary)
	if err != nil || !strings.HasPrefix(string(summary), "## Idébanken: pull requesten för ärende #12 kunde inte öppnas\n\n") ||
		!strings.Contains(string(summary), "Allow GitHub Actions to create and approve pull requests") {
		t.Errorf("the job summary (%v):\n%s", err, summary)
	}
	if !strings.Contains(errOut.String(), "ärende #12: GitHub nekade") {
		t.Errorf("stderr: %s", errOut)
	}
	if _, ok := gh.file("idebank/issue-12", "ideas/2026/2026-002-battre-schema.md"); !ok {
		t.Fatalf("the branch does not hold the idea: %v", gh.refs)
	}
	if slices.ContainsFunc(gh.issues[12].Labels, func(l string) bool { return strings.HasPrefix(l, "stage:") }) {
		t.Errorf("the issue counts as taken in before its pull request is open: %v", gh.issues[12].Labels)
	}

	// The administrator changes the setting, the submitter edits the issue,
	// and the workflow runs again.
	gh.refusePulls = false
	formIssue(t, dir, gh, 12, "[Förbättringsförslag] Bättre scheman", "Schemat krockar ofta.")
	gh.issues[12].Comments = comments
	gh.calls = nil
	env, out, errOut = gh.env(dir, "")
	if code := Main([]string{"intake", "--issue", "12", "--today", "2026-03-21"}, env); code != ExitOK {
		t.Fatalf("retry: exit %d\n%s%s", code, out, errOut)
	}
	if refs := gh.made("POST", "/repos/org/repo/git/refs"); len(refs) != 1 || refs[0].Status != 422 || !strings.Contains(refs[0].Body, "refs/idebank/ids/2026-002") {
		t.Errorf("the retry made refs again: %v", refs)
	}
	if u := gh.made("PATCH", "/repos/org/repo/git/refs/heads/idebank/issue-12"); len(u) != 1 || !strings.Contains(u[0].Body, `"force":true`) {
		t.Errorf("the branch was not moved to the new commit: %v", u)
	}
	content, ok := gh.file("idebank/issue-12", "ideas/2026/2026-002-battre-scheman.md")
	if !ok || !strings.Contains(content, "id: 2026-002") || !strings.Contains(content, "Schemat krockar ofta.") {
		t.Errorf("the branch does not hold the edited idea with the same id: %v\n%s", gh.trees[gh.commits[gh.refs["refs/heads/idebank/issue-12"]].Tree], content)
	}
	if len(gh.pulls) != 1 || gh.pulls[0].Head != "idebank/issue-12" || gh.pulls[0].Title != "2026-002 Bättre scheman" {
		t.Errorf("pull requests: %+v", gh.pulls)
	}
	if c := gh.issues[12].Comments; len(c) != 1 || !strings.Contains(c[0].Body, "Tack för din idé! Den är registrerad som **2026-002**") {
		t.Errorf("the explanation was not replaced by the thanks: %v", c)
	}
}

// TestIntakeRace: two issues taken in at the same moment see the same
// files and the same refs, and both want 2026-002. Creating the id's ref
// succeeds for one; the other takes 2026-003.
func TestIntakeRace(t *testing.T) {
	dir := intakeBank(t)
	gh := newFakeRepo(t)
	formIssue(t, dir, gh, 12, "[Förbättringsförslag] Första", "Text ett.")
	formIssue(t, dir, gh, 13, "[Förbättringsförslag] Andra", "Text två.")
	var both sync.WaitGroup
	both.Add(2)
	// Each intake waits at its first try of 2026-002 until the other has
	// chosen it too.
	gh.beforeRef = func(ref string) {
		if ref == "refs/idebank/ids/2026-002" {
			both.Done()
			both.Wait()
		}
	}
	codes := make([]int, 2)
	var done sync.WaitGroup
	for i, n := range []string{"12", "13"} {
		done.Add(1)
		go func() {
			defer done.Done()
			env, _, _ := gh.env(dir, "")
			codes[i] = Main([]string{"intake", "--issue", n, "--today", "2026-03-20"}, env)
		}()
	}
	done.Wait()
	if codes[0] != ExitOK || codes[1] != ExitOK {
		t.Fatalf("exits %v", codes)
	}
	var ids []string
	for _, p := range gh.pulls {
		id, _, _ := strings.Cut(p.Title, " ")
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"2026-002", "2026-003"}) {
		t.Errorf("the two intakes took %v", ids)
	}
	if _, ok := gh.refs["refs/idebank/ids/2026-003"]; !ok {
		t.Errorf("refs: %v", gh.refs)
	}
}

// TestIntakeTitles: a title with line breaks, and one of 10,000
// characters, give a file that passes its check and a pull request title
// GitHub takes.
func TestIntakeTitles(t *testing.T) {
	long := strings.Repeat("Längre rubrik ", 715)[:10000]
	for _, tt := range []struct{ name, title, want string }{
		{"line breaks", "[Förbättringsförslag] Rad ett\nstage: approved\r\n\tRad tre", "Rad ett stage: approved Rad tre"},
		{"10,000 characters", "[Förbättringsförslag] " + long, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := intakeBank(t)
			gh := newFakeRepo(t)
			formIssue(t, dir, gh, 12, tt.title, "Text.")
			env, out, errOut := gh.env(dir, "")
			if code := Main([]string{"intake", "--issue", "12", "--today", "2026-03-20"}, env); code != ExitOK {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			if len(gh.pulls) != 1 {
				t.Fatalf("pull requests: %v", gh.pulls)
			}
			pr := gh.pulls[0].Title
			if n := utf8.RuneCountInString(pr); n > 256 || strings.ContainsAny(pr, "\r\n\t") {
				t.Errorf("pull request title of %d characters: %q", n, pr)
			}
			var name, content string
			for p, c := range gh.trees[gh.commits[gh.refs["refs/heads/idebank/issue-12"]].Tree] {
				name, content = p, c
			}
			var ds diag.List
			idea := ideafile.Parse(name, []byte(content), &ds)
			if idea == nil || ds.Len() > 0 {
				t.Fatalf("the file does not parse:\n%s\n%v", content, ds.Items())
			}
			if n := utf8.RuneCountInString(idea.Title); n > check.MaxTitle || strings.ContainsAny(idea.Title, "\r\n\t") || (tt.want != "" && idea.Title != tt.want) {
				t.Errorf("title of %d characters: %q", n, idea.Title)
			}
			if tt.want == "" && !strings.HasSuffix(idea.Title, "…") {
				t.Errorf("a cut title does not say so: %q", idea.Title)
			}
			if pr != "2026-002 "+idea.Title {
				t.Errorf("pull request title %q, file title %q", pr, idea.Title)
			}
			if len(name) > 150 {
				t.Errorf("file name of %d bytes: %s", len(name), name)
			}
			res := lintFiles(t, dir, name, content)
			for _, d := range res {
				t.Errorf("the check: %s", d)
			}
		})
	}
}

// TestIntakeAsksAboutPersonalData: an answer that holds a personal
// identity number or a phone number is asked about on the issue, and
// nothing is committed.
func TestIntakeAsksAboutPersonalData(t *testing.T) {
	for _, text := range []string{"Ring mig på 070-123 45 67.", "Gäller eleven 19121212-1212."} {
		t.Run(text, func(t *testing.T) {
			dir := intakeBank(t)
			gh := newFakeRepo(t)
			formIssue(t, dir, gh, 12, "[Förbättringsförslag] Bättre schema", text)
			env, out, errOut := gh.env(dir, "")
			if code := Main([]string{"intake", "--issue", "12"}, env); code != ExitOK {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			for _, c := range gh.calls {
				if c.Method != "GET" && c.Path != "/repos/org/repo/issues/12/comments" {
					t.Errorf("something was written before the submitter answered: %s %s", c.Method, c.Path)
				}
			}
			c := gh.issues[12].Comments
			if len(c) != 1 || !strings.Contains(c[0].Body, "”Nuläge / problem” verkar innehålla ett") || !strings.Contains(c[0].Body, "redigera ärendet och ta bort numret") {
				t.Errorf("the question: %v", c)
			}
			if strings.Contains(c[0].Body, "070-123") || strings.Contains(c[0].Body, "1212-1212") {
				t.Errorf("the question repeats the number: %s", c[0].Body)
			}
		})
	}
}

// lintFiles writes a file into the bank at dir and returns the check's
// errors about it.
func lintFiles(t *testing.T, dir, name, content string) []string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	_ = os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := loadBank(dir, model.Date{Year: 2026, Month: 3, Day: 20})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range b.Res.Diags {
		if d.Path == name && d.Severity == diag.Error {
			out = append(out, d.Location()+" "+i18n.Render(model.Swedish, d.Msg))
		}
	}
	return out
}
