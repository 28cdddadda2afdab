package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/idebanken/idebanken/internal/model"
)

// halkrisk is an idea in the bank that the new ideas of these tests
// repeat in other words.
const halkrisk = `---
id: 2025-003
title: Halkrisk vid entrén till stadshuset
kind: incident
stage: developing
submitted: 2025-11-02
submitter: {name: Eva Exempel}
unit: skola
tags: [halka]
screening: {date: 2025-11-10, by: amb, criteria: {mission: {met: true}, reach: {met: true}, benefit: {met: true}, value: {short: 3, long: 3}}, outcome: develop, feedback: Bra.}
---
Trappan vid stadshusets huvudentré blir isig på vintern och flera har halkat. Sanda tidigare på morgonen.
`

// halTrappa is the same idea sent in again.
const halTrappa = `---
id: 2026-002
title: Isig trappa vid stadshusets entré
kind: incident
stage: submitted
submitted: 2026-03-02
submitter: {name: Per Exempel}
unit: skola
---
Trappan utanför entrén till stadshuset är hal på morgnarna när det fryser.
`

// TestPRCommentShowsSimilar: the comment on a pull request that adds an
// idea lists the ideas of the bank most like it, with stage and link.
func TestPRCommentShowsSimilar(t *testing.T) {
	dir, base, _ := gitRepo(t, map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted,
		"ideas/2025/2025-003-halkrisk.md": halkrisk}, map[string]string{})
	r, _ := git.PlainOpen(dir)
	if err := r.Storer.SetReference(plumbing.NewHashReference("refs/remotes/origin/master", base)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ideas/2026/2026-002-isig-trappa.md"), []byte(halTrappa), 0o644); err != nil {
		t.Fatal(err)
	}
	c := struct{ Body string }{prCommentBody(t, dir, prRun{opener: "per"})}
	want := "**Liknande idéer som redan finns, för **2026-002****\n\n- **2025-003** *Halkrisk vid entrén till stadshuset* · Vidareutvecklas · https://example.org/idebanken/idea/2025-003/\n"
	if !strings.Contains(c.Body, want) {
		t.Errorf("the comment lacks\n%s\n----\n%s", want, c.Body)
	}
	// 2026-001 is neither changed nor like the new idea: it is nowhere.
	if strings.Contains(c.Body, "2026-001") {
		t.Errorf("an idea with nothing in common is listed as similar:\n%s", c.Body)
	}
}

// TestIntakeShowsSimilar: intake's comment on the issue of a new idea
// lists the ideas of the bank most like it.
func TestIntakeShowsSimilar(t *testing.T) {
	dir := intakeBank(t)
	if err := os.MkdirAll(filepath.Join(dir, "ideas", "2025"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ideas/2025/2025-003-halkrisk.md"), []byte(halkrisk), 0o644); err != nil {
		t.Fatal(err)
	}
	gh := newFakeRepo(t)
	formIssue(t, dir, gh, 12, "[Förbättringsförslag] Isig trappa vid stadshusets entré", "Trappan utanför entrén till stadshuset är isig och hal på morgnarna.")
	env, out, errOut := gh.env(dir, "")
	if code := Main([]string{"intake", "--issue", "12", "--today", "2026-03-20"}, env); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	comments := gh.issues[12].Comments
	if len(comments) != 1 {
		t.Fatalf("comments: %v", comments)
	}
	for _, want := range []string{"Liknande idéer som redan finns", "**2025-003** *Halkrisk vid entrén till stadshuset* · Vidareutvecklas"} {
		if !strings.Contains(comments[0].Body, want) {
			t.Errorf("the comment lacks %q:\n%s", want, comments[0].Body)
		}
	}
}

// TestNewShowsSimilar: idebank new names the ideas most like the new one
// before it writes the file.
func TestNewShowsSimilar(t *testing.T) {
	dir := newTestBank(t, "sv", map[string]string{"ideas/2025/2025-003-halkrisk.md": halkrisk})
	run := runNewTest(t, dir, NewOptions{Kind: "incident", Title: "Isig trappa vid stadshusets entré", Unit: "skola", Name: "Per Exempel", Tags: []string{"halka"},
		Today: model.Date{Year: 2026, Month: 3, Day: 20}}, "", false)
	want := "Liknande idéer finns redan. Är det samma idé, stöd hellre den som finns i dess diskussion:\n  2025-003 Halkrisk vid entrén till stadshuset (Vidareutvecklas)\n"
	if !strings.Contains(run.out, want) || strings.Index(run.out, want) > strings.Index(run.out, "Skapade") {
		t.Errorf("new does not show the similar idea before it writes:\n%s", run.out)
	}
}
