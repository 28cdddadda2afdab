package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/idebanken/idebanken/internal/issueform"
	"github.com/idebanken/idebanken/internal/model"
)

// mainLine is a repository on disk whose main line a test commits to, as
// merged pull requests do.
type mainLine struct {
	t    *testing.T
	dir  string
	wt   *git.Worktree
	when time.Time
}

func newMainLine(t *testing.T, files map[string]string) *mainLine {
	t.Helper()
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := r.Worktree()
	m := &mainLine{t: t, dir: dir, wt: wt, when: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}
	m.commit(files)
	return m
}

func (m *mainLine) commit(files map[string]string) plumbing.Hash {
	m.t.Helper()
	for name, content := range files {
		p := filepath.Join(m.dir, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			m.t.Fatal(err)
		}
	}
	if err := m.wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		m.t.Fatal(err)
	}
	m.when = m.when.Add(24 * time.Hour)
	sig := &object.Signature{Name: "Merge", Email: "noreply@github.com", When: m.when}
	h, err := m.wt.Commit("merge", &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		m.t.Fatal(err)
	}
	return h
}

// TestNotifyJourney follows one idea from the issue form to its
// evaluation, through a stage visited twice (paused, developing and
// proposed again) and a push whose notify run GitHub cancelled: the
// submitter is told of every step exactly once, in order, each with the
// justification the step carried, and the issue's label follows.
func TestNotifyJourney(t *testing.T) {
	files := map[string]string{"idebank.yaml": journeyConfig}
	for _, k := range model.Kinds {
		data, err := os.ReadFile(filepath.Join("..", "..", "templates", string(k)+".md"))
		if err != nil {
			t.Fatal(err)
		}
		files["templates/"+string(k)+".md"] = string(data)
	}
	repo := newMainLine(t, files)
	gh := newFakeRepo(t)

	// The employee fills in the form; intake proposes the idea.
	cfg := bankConfig(t, repo.dir)
	templates, err := issueform.ReadTemplates(repo.dir)
	if err != nil {
		t.Fatal(err)
	}
	form, _ := issueform.Parse(cfg, templates, model.KindImprovement, "")
	answer := &issueform.Answer{Kind: model.KindImprovement, Unit: "skola"}
	for _, s := range form.Sections {
		answer.Sections = append(answer.Sections, issueform.Section{ID: s.ID, Heading: s.Heading, Text: "Schemat krockar varje vecka."})
	}
	body, err := issueform.Format(cfg, templates, answer)
	if err != nil {
		t.Fatal(err)
	}
	gh.openIssue(12, "eva", "[Förbättringsförslag] Bättre schema", body, "idé", "kind:improvement")
	env, out, errOut := gh.env(repo.dir, "")
	if code := Main([]string{"intake", "--issue", "12", "--today", "2026-03-02"}, env); code != ExitOK {
		t.Fatalf("intake: exit %d\n%s%s", code, out, errOut)
	}
	if len(gh.pulls) != 1 {
		t.Fatalf("intake opened %d pull requests", len(gh.pulls))
	}
	var path, content string
	for p, c := range gh.trees[gh.commits[gh.refs["refs/heads/"+gh.pulls[0].Head]].Tree] {
		path, content = p, c
	}
	_, frontMatter, _ := strings.Cut(content, "---\n")
	frontMatter, text, _ := strings.Cut(frontMatter, "---\n")
	at := func(stage string, sections ...string) map[string]string {
		fm := strings.Replace(frontMatter, "stage: submitted\n", "stage: "+stage+"\n", 1)
		return map[string]string{path: "---\n" + fm + strings.Join(sections, "") + "---\n" + text}
	}
	notify := func() {
		t.Helper()
		env, out, errOut := gh.env(repo.dir, "")
		if code := Main([]string{"notify"}, env); code != ExitOK {
			t.Fatalf("notify: exit %d\n%s%s", code, out, errOut)
		}
	}
	repo.commit(at("submitted")) // the intake's pull request is merged
	notify()

	screening := func(date, outcome, feedback string) string {
		return fmt.Sprintf("screening:\n  date: %s\n  by: amb\n  criteria:\n    mission: {met: true}\n    reach: {met: true}\n    benefit: {met: true}\n"+
			"    value: {short: 3, long: 4}\n  outcome: %s\n  feedback: %q\n", date, outcome, feedback)
	}
	proposal := func(date, summary string) string {
		return fmt.Sprintf("proposal:\n  date: %s\n  by: inno\n  summary: %q\n", date, summary)
	}
	decision := func(date, outcome, motivation string) string {
		s := fmt.Sprintf("decision:\n  date: %s\n  by: chef\n  outcome: %s\n  motivation: %q\n", date, outcome, motivation)
		if outcome == "approve" {
			s += "  implementer: inno\n"
		}
		return s
	}
	plan := "plan:\n  date: 2026-05-25\n  by: inno\n  summary: \"Planen: börja i höst.\"\n"
	started := "implementation:\n  started: 2026-06-01\n  communicated: {date: 2026-06-02, by: komm, channel: intranätet}\n"
	completed := started + "  completed: 2026-08-30\n"
	outcome := "outcome:\n  date: 2026-09-10\n  by: inno\n  effects: \"Färre krockar, nöjdare personal.\"\n  lessons: \"Börja tidigt.\"\n"

	s1 := screening("2026-03-10", "pause", "Vänta på budgeten, @alice vet mer.")
	s2 := screening("2026-04-01", "develop", "Nu finns budget: utveckla idén.")
	s3 := screening("2026-05-02", "develop", "Omorganisationen är klar: vidare.")
	p1, p2 := proposal("2026-04-10", "Underlag ett."), proposal("2026-05-10", "Underlag två.")
	d1 := decision("2026-04-20", "pause", "Ledningen pausar under omorganisationen.")
	d2 := decision("2026-05-20", "approve", "Ledningen godkänner: genomför i höst.")

	type push struct {
		files  map[string]string
		notify bool
	}
	journey := []push{
		{at("paused", s1), true},
		{at("developing", s2), false}, // the run GitHub cancelled
		{at("proposed", s2, p1), true},
		{at("paused", s2, p1, d1), true},
		{at("paused", s2, p1, strings.Replace(d1, "omorganisationen.", "omorganisationen (stavfel rättat).", 1)), true}, // an edit, no step
		{at("developing", s3, p1, d1), true},
		{at("proposed", s3, p2, d1), true},
		{at("approved", s3, p2, d2), true},
		{at("planning", s3, p2, d2, plan), true},
		{at("implementing", s3, p2, d2, plan, started), true},
		{at("implemented", s3, p2, d2, plan, completed), true},
		{at("evaluated", s3, p2, d2, plan, completed, outcome), true},
	}
	for _, p := range journey {
		repo.commit(p.files)
		if p.notify {
			notify()
		}
	}
	notify() // a re-run tells nothing again

	want := []struct{ stage, justification string }{
		{"Pausad", "Vänta på budgeten, @\u200balice vet mer."},
		{"Vidareutvecklas", "Nu finns budget&#58; utveckla idén."},
		{"Beslutsunderlag klart", "Underlag ett."},
		{"Pausad", "Ledningen pausar under omorganisationen."},
		{"Vidareutvecklas", "Omorganisationen är klar&#58; vidare."},
		{"Beslutsunderlag klart", "Underlag två."},
		{"Beslutad", "Ledningen godkänner&#58; genomför i höst."},
		{"Planeras", "Planen&#58; börja i höst."},
		{"Genomförs", ""},
		{"Genomförd", ""},
		{"Utvärderad", "Färre krockar, nöjdare personal."},
	}
	comments := gh.issues[12].Comments
	if len(comments) != 1+len(want) {
		var got []string
		for _, c := range comments {
			got = append(got, c.Body)
		}
		t.Fatalf("%d comments, want the intake's and %d steps:\n%s", len(comments), len(want), strings.Join(got, "\n----\n"))
	}
	if !strings.Contains(comments[0].Body, "Tack för din idé") {
		t.Errorf("the first comment is not the intake's: %s", comments[0].Body)
	}
	for i, w := range want {
		c := comments[i+1].Body
		if !strings.HasPrefix(c, "<!-- idebank:step 2026-001 ") || !strings.Contains(c, "@eva ") ||
			!strings.Contains(c, "till **"+w.stage+"**") || (w.justification != "" && !strings.Contains(c, "> "+w.justification+"\n")) {
			t.Errorf("step %d: want %s with %q, got\n%s", i+1, w.stage, w.justification, c)
		}
	}
	if got := gh.issues[12].Labels; !slices.Equal(got, []string{"idé", "kind:improvement", "stage:evaluated"}) {
		t.Errorf("labels %v, want only the last stage's", got)
	}
	if i := gh.issues[12]; i.State != "closed" || i.Reason != "completed" {
		t.Errorf("the issue is %s (%s), want closed as completed", i.State, i.Reason)
	}
}

const journeyConfig = `title: Testbanken
organisation: Testkommunen
base_url: https://example.org/idebanken/
units:
  - {id: skola, name: Skolförvaltningen}
people:
  - {login: amb, name: Anna Ambassadör, roles: [ambassador]}
  - {login: inno, name: Ingrid Innovation, roles: [innovation-group, project-lead]}
  - {login: chef, name: Cecilia Chef, roles: [management]}
  - {login: komm, name: Kim Kommunikatör, roles: [communicator]}
`

func TestUntold(t *testing.T) {
	steps := []toldStep{
		{ID: "2026-001", Stage: "paused", Date: "2026-03-10", Commit: "aaa"},
		{ID: "2026-001", Stage: "developing", Date: "2026-04-01", Commit: "bbb"},
		{ID: "2026-001", Stage: "paused", Date: "2026-04-20", Commit: "ccc"},
	}
	for _, tt := range []struct {
		name string
		told []toldStep
		want []string // the commits of the steps left to tell
	}{
		{"nothing told", nil, []string{"aaa", "bbb", "ccc"}},
		{"by commit", []toldStep{{ID: "2026-001", Stage: "paused", Date: "2026-03-10", Commit: "aaa"}}, []string{"bbb", "ccc"}},
		{"a visit again is another step", []toldStep{{ID: "2026-001", Stage: "paused", Date: "2026-04-20", Commit: "ccc"}}, []string{"aaa", "bbb"}},
		{"history rewritten: by stage and date", []toldStep{{ID: "2026-001", Stage: "paused", Date: "2026-04-20", Commit: "fff"}}, []string{"aaa", "bbb"}},
		{"an old marker tells the first visit", []toldStep{{ID: "2026-001", Stage: "paused"}, {ID: "2026-001", Stage: "developing"}}, []string{"ccc"}},
		{"another idea's marker", []toldStep{{ID: "2026-002", Stage: "paused", Date: "2026-03-10", Commit: "aaa"}}, []string{"aaa", "bbb", "ccc"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range untold(steps, tt.told) {
				got = append(got, s.Commit)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("untold: %v, want %v", got, tt.want)
			}
		})
	}
	// The marker reads back as it was written.
	s := steps[2]
	if got := toldSteps([]string{"text\n" + stepMarker(s) + "\nmore"}); len(got) != 1 || got[0] != s {
		t.Errorf("toldSteps(stepMarker(%v)) = %v", s, got)
	}
}

// TestNotifyGoesOnPastAGoneIssue: an idea whose issue is deleted or
// locked does not keep the others from being told; the run fails so that
// it shows, and says which.
func TestNotifyGoesOnPastAGoneIssue(t *testing.T) {
	other := strings.NewReplacer("2026-001", "2026-002", "issues/42", "issues/43").Replace(submitted)
	otherDev := strings.NewReplacer("2026-001", "2026-002", "issues/42", "issues/43").Replace(developing)
	dir, _, _ := gitRepo(t, map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted, "ideas/2026/2026-002-y.md": other},
		map[string]string{"ideas/2026/2026-001-x.md": developing, "ideas/2026/2026-002-y.md": otherDev})
	gh := newFakeRepo(t)
	gh.openIssue(43, "eva", "Andra", "...", "idé", "stage:submitted") // issue 42 is gone
	env, out, errOut := gh.env(dir, "")
	if code := Main([]string{"notify"}, env); code != ExitProblems {
		t.Fatalf("exit %d, want %d\n%s%s", code, ExitProblems, out, errOut)
	}
	if c := gh.issues[43].Comments; len(c) != 1 || !strings.Contains(c[0].Body, "idebank:step 2026-002 developing@") {
		t.Errorf("the other idea was not told: %v", c)
	}
	if !strings.Contains(errOut.String(), "2026-001: ärende #42 går inte att skriva i (404 Not Found)") {
		t.Errorf("stderr: %s", errOut)
	}
}

// TestNotifyDays: a step older than --days before the head's commit is not
// looked for (a push costs calls only for recent ideas); --days 0 reads the
// whole history; a negative number is refused.
func TestNotifyDays(t *testing.T) {
	repo := newMainLine(t, map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted})
	repo.commit(map[string]string{"ideas/2026/2026-001-x.md": developing})
	repo.when = repo.when.AddDate(0, 2, 0) // two months later, another change
	repo.commit(map[string]string{"README.md": "x"})
	for _, tt := range []struct {
		args  []string
		code  int
		posts int
	}{
		{nil, ExitOK, 0},
		{[]string{"--days", "90"}, ExitOK, 1},
		{[]string{"--days", "0"}, ExitOK, 1},
		{[]string{"--days", "-1"}, ExitCannot, 0},
	} {
		gh := newFakeRepo(t)
		gh.openIssue(42, "eva", "Idé", "...", "idé", "stage:submitted")
		env, out, errOut := gh.env(repo.dir, "")
		if code := Main(append([]string{"notify"}, tt.args...), env); code != tt.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tt.args, code, tt.code, out, errOut)
		}
		if n := len(gh.issues[42].Comments); n != tt.posts {
			t.Errorf("%v: %d notices, want %d", tt.args, n, tt.posts)
		}
	}
}
