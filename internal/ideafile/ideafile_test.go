package ideafile

import (
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/process"
)

const fm = "id: 2026-001\ntitle: X\n"

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		name, data       string
		front, body      string
		yamlLine, bodyAt int
	}{
		{"plain", "---\n" + fm + "---\nText.\n", fm, "Text.\n", 1, 5},
		{"bom", "\uFEFF---\n" + fm + "---\nText.\n", fm, "Text.\n", 1, 5},
		{"crlf", "---\r\nid: 2026-001\r\ntitle: X\r\n---\r\nText.\r\nMer.\r\n", fm, "Text.\nMer.\n", 1, 5},
		{"bom-crlf", "\uFEFF---\r\nid: 2026-001\r\ntitle: X\r\n---\r\nText.\r\n", fm, "Text.\n", 1, 5},
		{"trailing-spaces", "---  \n" + fm + "--- \t\nText.\n", fm, "Text.\n", 1, 5},
		{"no-final-newline", "---\n" + fm + "---", fm, "", 1, 5},
		{"empty-front-matter", "---\n---\nText.\n", "", "Text.\n", 1, 3},
		{"body-with-fence", "---\n" + fm + "---\nText.\n---\nMer.\n", fm, "Text.\n---\nMer.\n", 1, 5},
		{"blank-lines", "---\n\n" + fm + "\n---\n\nText.\n", "\n" + fm + "\n", "\nText.\n", 1, 7},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			doc, ok := Split("f.md", []byte(c.data), &l)
			if !ok || l.Len() != 0 {
				t.Fatalf("Split: %v %v", ok, l.Items())
			}
			if string(doc.FrontMatter) != c.front {
				t.Errorf("front matter %q, want %q", doc.FrontMatter, c.front)
			}
			if string(doc.Body) != c.body {
				t.Errorf("body %q, want %q", doc.Body, c.body)
			}
			if doc.YAMLLine != c.yamlLine || doc.BodyLine != c.bodyAt {
				t.Errorf("YAMLLine %d BodyLine %d, want %d %d", doc.YAMLLine, doc.BodyLine, c.yamlLine, c.bodyAt)
			}
		})
	}
}

func TestSplitRefuses(t *testing.T) {
	for _, c := range []struct {
		name, data string
		pos        diag.Pos
		rule       diag.Rule
		key        string
	}{
		{"empty", "", diag.Pos{Line: 1, Col: 1}, diag.RuleFrontMatter, "file.empty"},
		{"blank", " \n\t\n", diag.Pos{Line: 1, Col: 1}, diag.RuleFrontMatter, "file.empty"},
		{"bom-only", "\uFEFF", diag.Pos{Line: 1, Col: 1}, diag.RuleFrontMatter, "file.empty"},
		{"no-front-matter", "# Rubrik\n\nText.\n", diag.Pos{Line: 1, Col: 1}, diag.RuleFrontMatter, "file.no-front-matter"},
		{"front-matter-later", "\n---\n" + fm + "---\n", diag.Pos{Line: 1, Col: 1}, diag.RuleFrontMatter, "file.no-front-matter"},
		{"four-dashes", "----\n" + fm + "----\n", diag.Pos{Line: 1, Col: 1}, diag.RuleFrontMatter, "file.no-front-matter"},
		{"unclosed", "---\n" + fm + "Text.\n", diag.Pos{Line: 1, Col: 1}, diag.RuleFrontMatter, "file.unclosed"},
		{"only-fence", "---\n", diag.Pos{Line: 1, Col: 1}, diag.RuleFrontMatter, "file.unclosed"},
		{"nul", "---\nid: 2026\x00-001\n---\n", diag.Pos{Line: 2, Col: 9}, diag.RuleEncoding, "file.binary"},
		{"latin1", "---\ntitle: B\xe4ttre\n---\n", diag.Pos{Line: 2, Col: 9}, diag.RuleEncoding, "file.not-utf8"},
		{"too-large", "---\n" + strings.Repeat("x", MaxSize), diag.Pos{Line: 1, Col: 1}, diag.RuleTooLarge, "file.too-large"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			if _, ok := Split("f.md", []byte(c.data), &l); ok {
				t.Fatal("Split accepted it")
			}
			items := l.Items()
			if len(items) != 1 {
				t.Fatalf("want one diagnostic, got %+v", items)
			}
			d := items[0]
			if d.Pos != c.pos || d.Rule != c.rule || d.Msg.Key != c.key || d.Path != "f.md" || d.Severity != diag.Error {
				t.Errorf("got %v %s %s, want %v %s %s", d.Pos, d.Rule, d.Msg.Key, c.pos, c.rule, c.key)
			}
		})
	}
}

func TestParse(t *testing.T) {
	src := "\uFEFF---\r\n" + strings.ReplaceAll(`id: 2026-007
title: Digital felanmälan
kind: problem
stage: developing
submitted: 2026-03-02
submitter: {name: Annica, github: annicat, anonymous: false}
unit: skola
tags: [lokaler, it]
discussion: https://github.com/org/repo/issues/42
related: [2025-101]
screening:
  date: 2026-03-10
  by: alice
  criteria:
    mission: {met: true, note: M}
    reach: {met: true}
    benefit: {met: false}
    value: {short: 2, long: 5}
  outcome: develop
  feedback: "Bra"
  revisit: 2026-09-01
proposal: {date: 2026-04-02, by: bertil, summary: S, cost: 40000, resources: R}
implementation:
  started: 2026-05-15
  communicated: {date: 2026-05-16, by: erik, channel: intranätet}
outcome:
  reported_to: {body: servicenämnden, date: 2026-11-15}
withdrawn: {date: 2026-03-05, reason: R}
`, "\n", "\r\n") + "---\r\n\r\nText.\r\n"
	var l diag.List
	idea, keys := Decode(process.Default(), "ideas/2026/2026-007-x.md", []byte(src), &l)
	if idea == nil || l.Len() != 0 {
		t.Fatalf("Parse: %v", l.Items())
	}
	if idea.ID != "2026-007" || idea.Title != "Digital felanmälan" || idea.Kind != model.KindProblem ||
		idea.Stage != model.StageDeveloping || idea.Submitted.String() != "2026-03-02" || idea.Unit != "skola" {
		t.Errorf("top: %+v", idea)
	}
	if idea.Submitter != (model.Submitter{Name: "Annica", GitHub: "annicat"}) {
		t.Errorf("submitter: %+v", idea.Submitter)
	}
	if strings.Join(idea.Tags, ",") != "lokaler,it" || len(idea.Related) != 1 || idea.Related[0] != "2025-101" {
		t.Errorf("lists: %v %v", idea.Tags, idea.Related)
	}
	s := idea.Screening
	if s == nil || s.By != "alice" || !s.Criteria["mission"].Met || s.Criteria["mission"].Note != "M" || s.Criteria["benefit"].Met ||
		s.Criteria["value"].Scores["short"] != 2 || s.Criteria["value"].Scores["long"] != 5 || s.Outcome != model.ScreenDevelop ||
		s.Feedback != "Bra" || s.Revisit.String() != "2026-09-01" {
		t.Errorf("screening: %+v", s)
	}
	if p := idea.Proposal; p == nil || p.Cost != 40000 || p.Resources != "R" {
		t.Errorf("proposal: %+v", p)
	}
	if im := idea.Implementation; im == nil || im.Started.String() != "2026-05-15" || im.Communicated == nil ||
		im.Communicated.By != "erik" || im.Communicated.Channel != "intranätet" || !im.Completed.IsZero() {
		t.Errorf("implementation: %+v", im)
	}
	if o := idea.Outcome; o == nil || o.ReportedTo == nil || o.ReportedTo.Body != "servicenämnden" {
		t.Errorf("outcome: %+v", o)
	}
	if idea.Decision != nil || idea.Plan != nil {
		t.Error("sections that are not in the file")
	}
	if idea.Body != "\nText.\n" || idea.BodyLine != 31 {
		t.Errorf("body %q at %d", idea.Body, idea.BodyLine)
	}
	// Positions are those of the file: the BOM and the CRs change nothing.
	for path, want := range map[string]diag.Pos{
		"id":                           {Line: 2, Col: 1},
		"screening.criteria.reach.met": {Line: 17, Col: 13},
		"implementation.communicated":  {Line: 26, Col: 3},
		"withdrawn.reason":             {Line: 29, Col: 31},
	} {
		if got := keys.Lookup(path); got != want {
			t.Errorf("%s at %v, want %v", path, got, want)
		}
	}
}

func TestParseProblems(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		want       []string // line:col rule
	}{
		{"list", "- a\n- b\n", []string{"2:1 front-matter"}},
		{"scalar", "text\n", []string{"2:1 front-matter"}},
		{"tab", "id: 2026-001\nsubmitter:\n\tname: X\n", []string{"4:1 yaml-syntax"}},
		{"duplicate", "id: 2026-001\nid: 2026-002\n", []string{"3:1 duplicate-field"}},
		{"alias", "title: &t X\nunit: *t\n", []string{"2:8 yaml-alias", "3:7 yaml-alias"}},
		{"bad-date", "submitted: 2026-02-30\n", []string{"2:12 invalid-date"}},
		{"short-year", "submitted: 26-03-01\n", []string{"2:12 invalid-date"}},
		{"id-form", "id: 26-1\n", []string{"2:5 id-format"}},
		{"id-number", "id: 2026001\n", []string{"2:5 id-format"}},
		{"number-as-text", "title: 2026\nunit: 42\n", nil},
		{"bool-as-text", "title: yes\nunit: true\n", []string{"3:7 field-type"}},
		{"quoted-number-accepted", "proposal: {cost: '40000'}\n", nil},
		{"text-as-number", "proposal: {cost: 'fyrtio tusen'}\n", []string{"2:18 field-type"}},
		{"text-as-bool", "submitter: {anonymous: 'ja'}\n", []string{"2:24 field-type"}},
		{"value-range", "screening: {criteria: {value: {short: 0, long: 6}}}\n", []string{"2:39 invalid-value", "2:48 invalid-value"}},
		{"negative-cost", "proposal: {cost: -1}\n", []string{"2:18 invalid-value"}},
		{"enum", "kind: idé\nstage: Submitted\n", []string{"2:7 invalid-value", "3:8 invalid-value"}},
		{"unknown", "titel: X\n", []string{"2:1 unknown-field"}},
		{"key-not-text", "[a]: x\n", []string{"2:1 field-type"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			Parse("f.md", []byte("---\n"+c.yaml+"---\nText.\n"), &l)
			var got []string
			for _, d := range l.Items() {
				got = append(got, strings.Join([]string{itoa(d.Pos.Line) + ":" + itoa(d.Pos.Col), string(d.Rule)}, " "))
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func itoa(n int) string {
	return strings.TrimSpace(strings.Replace(string(rune('0'+n/10))+string(rune('0'+n%10)), "0", " ", 1))
}
