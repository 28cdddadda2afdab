package check

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
	"github.com/idebanken/idebanken/internal/snapshot"
)

var ruleToday = model.Date{Year: 2026, Month: 11, Day: 21}

const validIdea = `---
id: 2026-001
title: X
kind: improvement
stage: submitted
submitted: 2026-11-10
submitter: {name: Eva Exempel}
unit: skola
---
Text.
`

// rulesInArchives returns the rule of every line of every want section.
func rulesInArchives(t *testing.T) map[diag.Rule]int {
	t.Helper()
	files, err := filepath.Glob("testdata/*/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	rule := regexp.MustCompile(`\[([a-z-]+)\]$`)
	seen := make(map[diag.Rule]int)
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name != "want" {
				continue
			}
			for _, line := range strings.Split(strings.TrimSpace(string(af.Data)), "\n") {
				if m := rule.FindStringSubmatch(line); m != nil {
					seen[diag.Rule(m[1])]++
				}
			}
		}
	}
	return seen
}

// rulesCoveredHere are the rules that no archive can produce (the harness
// always supplies a configuration, a file over the size limit does not
// belong in testdata, and an archive has no git history); the tests below
// and in history_test.go produce them.
var rulesCoveredHere = []diag.Rule{diag.RuleRead, diag.RuleTooLarge, diag.RuleHistoryStep, diag.RuleHistoryDate}

// TestEveryRuleHasACase makes sure that each rule is produced by at least
// one case, so that a new rule comes with its test.
func TestEveryRuleHasACase(t *testing.T) {
	seen := rulesInArchives(t)
	for r := range seen {
		if !slices.Contains(diag.Rules, r) {
			t.Errorf("a want section names the rule %q, which is not in diag.Rules", r)
		}
	}
	for _, r := range diag.Rules {
		if seen[r] == 0 && !slices.Contains(rulesCoveredHere, r) {
			t.Errorf("no case produces the rule %q", r)
		}
	}
	dup := make(map[diag.Rule]bool)
	for _, r := range diag.Rules {
		if dup[r] {
			t.Errorf("diag.Rules lists %q twice", r)
		}
		dup[r] = true
	}
}

// TestRulesListed checks that every rule constant of rules.go is in
// diag.Rules, the list the documentation follows.
func TestRulesListed(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../diag/rules.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		vs, ok := node.(*ast.ValueSpec)
		if !ok || len(vs.Values) != 1 {
			return true
		}
		if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Rule" {
			return true
		}
		lit, ok := vs.Values[0].(*ast.BasicLit)
		if !ok {
			return true
		}
		s, _ := strconv.Unquote(lit.Value)
		n++
		if !slices.Contains(diag.Rules, diag.Rule(s)) {
			t.Errorf("the rule %s (%q) is missing from diag.Rules", vs.Names[0].Name, s)
		}
		return true
	})
	if n != len(diag.Rules) {
		t.Errorf("rules.go declares %d rules, diag.Rules lists %d", n, len(diag.Rules))
	}
}

func TestReadMissingConfig(t *testing.T) {
	s := &snapshot.Snapshot{Ideas: []snapshot.File{{Path: "ideas/2026/2026-001-x.md", Data: []byte(validIdea), Size: int64(len(validIdea))}}}
	res := Lint(s, ruleToday)
	if res.Config != nil {
		t.Error("Config is set without a configuration file")
	}
	if len(res.Diags) != 1 || res.Diags[0].Rule != diag.RuleRead || res.Diags[0].Path != snapshot.ConfigFile || res.Diags[0].Severity != diag.Error {
		t.Fatalf("want one read error for idebank.yaml, got:\n%s", render(res.Diags))
	}
	if got := res.Diags[0].Text(model.English); !strings.Contains(got, "idebank.yaml is missing") {
		t.Errorf("message: %s", got)
	}
}

func TestTooLarge(t *testing.T) {
	cfg := matrixConfig(t)
	big := []byte(validIdea + strings.Repeat("Mer text.\n", ideafile.MaxSize/10+1))
	at := func(t *testing.T, res *Result, path string) {
		t.Helper()
		var found []diag.Diagnostic
		for _, d := range res.Diags {
			if d.Rule == diag.RuleTooLarge {
				found = append(found, d)
			}
		}
		if len(found) != 1 || found[0].Path != path || found[0].Pos != (diag.Pos{Line: 1, Col: 1}) {
			t.Fatalf("want one too-large error at %s:1:1, got:\n%s", path, render(res.Diags))
		}
		if len(res.Diags) != 1 {
			t.Errorf("a file too large to read is reported once, got:\n%s", render(res.Diags))
		}
	}
	t.Run("read", func(t *testing.T) {
		s := &snapshot.Snapshot{Config: cfg, Ideas: []snapshot.File{{Path: "ideas/2026/2026-001-x.md", Data: big, Size: int64(len(big))}}}
		at(t, Lint(s, ruleToday), "ideas/2026/2026-001-x.md")
	})
	t.Run("not-read", func(t *testing.T) {
		// As snapshot.FromDir leaves it: the size, no data.
		s := &snapshot.Snapshot{Config: cfg, Ideas: []snapshot.File{{Path: "ideas/2026/2026-001-x.md", Size: 5 << 20}}}
		res := Lint(s, ruleToday)
		at(t, res, "ideas/2026/2026-001-x.md")
		if got := res.Diags[0].Text(model.English); !strings.Contains(got, "5120 kB") {
			t.Errorf("the message names the size: %s", got)
		}
	})
	t.Run("config", func(t *testing.T) {
		s := &snapshot.Snapshot{Config: &snapshot.File{Path: snapshot.ConfigFile, Size: 2 << 20}}
		res := Lint(s, ruleToday)
		if res.Config != nil {
			t.Error("a configuration too large to read gave a Config")
		}
		at(t, res, snapshot.ConfigFile)
	})
	t.Run("config-read", func(t *testing.T) {
		data := append(bytes.Clone(cfg.Data), []byte("# "+strings.Repeat("x", 1<<20)+"\n")...)
		s := &snapshot.Snapshot{Config: &snapshot.File{Path: snapshot.ConfigFile, Data: data, Size: int64(len(data))}}
		at(t, Lint(s, ruleToday), snapshot.ConfigFile)
	})
}

func TestSymlinkUnderIdeas(t *testing.T) {
	s := &snapshot.Snapshot{Config: matrixConfig(t), Ideas: []snapshot.File{{Path: "ideas/2026/2026-001-x.md", Symlink: true}}}
	res := Lint(s, ruleToday)
	if len(res.Diags) != 1 || res.Diags[0].Rule != diag.RuleFileName || res.Diags[0].Path != "ideas/2026/2026-001-x.md" {
		t.Fatalf("want one file-name error for the link, got:\n%s", render(res.Diags))
	}
}

// TestFindPersonalNumber: the forms of a personal identity number the scan
// of the files finds, with a valid check digit only.
func TestFindPersonalNumber(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"811218-9876", true},
		{"8112189876", true},
		{"811218 9876", true},
		{"811218+9876", true},
		{"19811218-9876", true},
		{"198112189876", true},
		{"eleven (811218-9876) sa", true},
		{"811218-9875", false},   // wrong check digit
		{"811278-9873", true},    // co-ordination number, day 18 + 60
		{"811278-9872", false},   // co-ordination number, wrong check digit
		{"811318-9876", false},   // month 13
		{"811200-9874", false},   // day 0
		{"2026-03-02", false},    // a date
		{"20260302", false},      // a date without hyphens
		{"212000-0142", false},   // an organisation number: month 20
		{"1811218-98765", false}, // digits run on at both ends
		{"40 000 kr", false},
		{"", false},
	} {
		if got := slices.Contains(personal.Find(c.s), personal.PersonalNumber); got != c.want {
			t.Errorf("personal.Find finds a number in(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestUntouchedFilesWarn checks that a change is blocked only by its own
// files: errors elsewhere become warnings, unless the configuration changed.
func TestUntouchedFilesWarn(t *testing.T) {
	cfg := matrixConfig(t)
	broken := strings.Replace(validIdea, "unit: skola", "unit: skolan", 1)
	other := strings.Replace(validIdea, "2026-001", "2026-002", 1)
	base := snap(cfg, map[string]string{"ideas/2026/2026-001-x.md": broken})
	head := snap(cfg, map[string]string{"ideas/2026/2026-001-x.md": broken, "ideas/2026/2026-002-y.md": other})
	res := CheckChange(Change{Base: base, Head: head, Actor: "nisse", Today: ruleToday})
	if res.Errors() != 0 || len(res.Diags) != 1 || res.Diags[0].Severity != diag.Warning {
		t.Errorf("want one warning for the untouched file, got:\n%s", render(res.Diags))
	}
	// The same change, but the broken file is the one changed.
	// (The innovation group adds to the text of the idea, as those who handle
	// it may.)
	head = snap(cfg, map[string]string{"ideas/2026/2026-001-x.md": broken + "Mer.\n"})
	res = CheckChange(Change{Base: base, Head: head, Actor: "inno", Today: ruleToday})
	if res.Errors() != 1 {
		t.Errorf("want the error in the changed file, got:\n%s", render(res.Diags))
	}
}
