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
