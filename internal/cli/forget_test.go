package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
)

const annasIdea = "\uFEFF---\n" + `id: 2026-001
title: "Annas idé om schemat"   # a comment stays
kind: improvement
stage: developing
submitted: 2026-03-02
submitter:
  name: Anna Åberg
  github: anna
unit: skola
screening:
  date: 2026-03-10
  by: amb
  criteria:
    mission: {met: true}
    reach: {met: true}
    benefit: {met: true}
    value: {short: 3, long: 4}
  outcome: develop
  feedback: "Tack anna åberg, bra idé! Vi hör av oss till Anna Åbergs chef."
---
Jag, Anna Åberg, föreslår ett nytt schema. Annas kollega håller med.
`

const othersIdea = `---
id: 2026-002
title: Annat
kind: improvement
stage: submitted
submitted: 2026-03-05
submitter: {name: Bo Berg}
unit: skola
---
Inget om henne här.
`

func TestForget(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": strings.ReplaceAll(annasIdea, "\n", "\r\n"),
		"ideas/2026/2026-002-y.md": othersIdea}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before, err := snapshot.FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	env, out, errOut := quietEnv(dir)
	if code := Main([]string{"forget", "--name", "Anna Åberg", "--login", "anna"}, env); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "ideas/2026/2026-001-x.md"))
	text := string(got)
	for _, gone := range []string{"Anna Åberg", "anna åberg", "github: anna", "name:"} {
		if strings.Contains(text, gone) {
			t.Errorf("%q is still in the file:\n%s", gone, text)
		}
	}
	for _, kept := range []string{"\uFEFF---\r\n", "# a comment stays\r\n", "anonymous: true\r\n", "Jag, [namn borttaget], föreslår",
		"Tack [namn borttaget], bra idé!", "[namn borttaget]s chef", "Annas kollega"} {
		if !strings.Contains(text, kept) {
			t.Errorf("%q is missing:\n%s", kept, text)
		}
	}
	if other, _ := os.ReadFile(filepath.Join(dir, "ideas/2026/2026-002-y.md")); string(other) != othersIdea {
		t.Error("another idea changed")
	}
	// The change is one the check lets through: making a submitter
	// anonymous is the one change of submitter allowed.
	after, err := snapshot.FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	res := check.CheckChange(check.Change{Base: before, Head: after, Today: model.Date{Year: 2026, Month: 3, Day: 20}})
	if res.Errors() != 0 {
		for _, d := range res.Diags {
			t.Errorf("%s", d.Text(model.English))
		}
	}
}

// TestForgetListsWhatItCannotChange: a name in a comment, in a block
// text the program does not rewrite, in a file that cannot be read, and
// in the file's name is listed, each with its place, and forget exits 1.
func TestForgetListsWhatItCannotChange(t *testing.T) {
	dir := t.TempDir()
	block := strings.Replace(othersIdea, "unit: skola\n", "unit: skola # frågor till Anna Åberg\ntags: [anna  åberg]\n", 1)
	block = strings.Replace(block, "submitter: {name: Bo Berg}\n", "submitter:\n  name: Bo Berg\n", 1)
	block = strings.Replace(block, "title: Annat\n", "title: |\n  Annat från\n  Anna Åberg\n", 1)
	files := map[string]string{"idebank.yaml": testConfig,
		"ideas/2026/2026-002-y.md":          block,
		"ideas/2026/2026-003-anna-aberg.md": strings.Replace(othersIdea, "2026-002", "2026-003", 1),
		"ideas/2026/2026-004-z.md":          "---\nid: [2026-004\n---\nAnna Åberg\n"}
	for name, content := range files {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	env, out, errOut := quietEnv(dir)
	if code := Main([]string{"forget", "--name", "Anna Åberg"}, env); code != ExitProblems {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"ideas/2026/2026-002-y.md: title kan inte ändras säkert",
		"ideas/2026/2026-002-y.md:5: namnet står kvar här",
		"ideas/2026/2026-002-y.md:11: namnet står kvar här",
		"ideas/2026/2026-003-anna-aberg.md: filnamnet innehåller namnet",
		"ideas/2026/2026-004-z.md: filen går inte att läsa",
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("the output lacks %q:\n%s", want, errOut)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "ideas/2026/2026-002-y.md"))
	if strings.Contains(string(got), "anna  åberg") || !strings.Contains(string(got), "[namn borttaget]") {
		t.Errorf("the tag was not changed:\n%s", got)
	}
}
