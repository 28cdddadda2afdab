package process

import (
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/yamlx"
	"gopkg.in/yaml.v3"
)

// TestDefault: the process of v1 reads without a problem and has what v1
// has.
func TestDefault(t *testing.T) {
	p := Default()
	if got := p.StageIDs(); len(got) != len(model.Stages) {
		t.Fatalf("stages %v, want %v", got, model.Stages)
	}
	for i, s := range model.Stages {
		if p.Stages[i].ID != s {
			t.Errorf("stage %d is %s, want %s", i, p.Stages[i].ID, s)
		}
		if p.IsFinal(s) != s.Final() {
			t.Errorf("%s final: %v", s, p.IsFinal(s))
		}
	}
	if len(p.Roles) != 6 || p.Role(model.RoleAdmin) != nil {
		t.Errorf("the roles of the process are %v: v1 has six, and admin holds the rules, not a step", p.RoleIDs())
	}
	for i, r := range p.Roles {
		if model.Roles[i] != r.ID {
			t.Errorf("role %d is %s, want %s", i, r.ID, model.Roles[i])
		}
	}
	for _, s := range []string{"screening", "proposal", "decision", "plan", "implementation", "outcome", "withdrawn"} {
		if sec := p.Section(s); sec == nil || !sec.Builtin {
			t.Errorf("no builtin section %s", s)
		}
	}
	if got := strings.Join(p.Outcomes("screening"), " "); got != "develop quick-win pause reject" {
		t.Errorf("screening outcomes %s", got)
	}
	if got := strings.Join(p.Outcomes("decision"), " "); got != "approve reject pause" {
		t.Errorf("decision outcomes %s", got)
	}
	withdraw := p.Steps[len(p.Steps)-1]
	if withdraw.To != model.StageWithdrawn || len(withdraw.From) != 9 {
		t.Errorf("the step to withdrawn is from %v", withdraw.From)
	}
}

func decodeText(t *testing.T, src string) (*model.Process, []diag.Diagnostic) {
	t.Helper()
	var diags diag.List
	d := yamlx.NewDecoder("idebank.yaml", 0, &diags)
	root, ok := d.Parse([]byte(src))
	if !ok {
		t.Fatalf("parse: %v", diags.Items())
	}
	var p *model.Process
	d.Map(root, "", []string{"process"}, func(k string, v *yaml.Node) { p = Decode(d, v, "process") })
	return p, diags.Items()
}

// small is a process of three stages and one section of its own, each case
// below breaks it in one place.
const small = `process:
  stages:
    - {id: submitted, sv: Registrerad, en: Submitted}
    - {id: workshop, sv: Verkstad, en: Workshop}
    - {id: done, sv: Klar, en: Done}
  final: [done]
  sections:
    workshop:
      sv: Verkstad
      en: Workshop
      fields: {date: date, by: login, summary: text}
      required: [date, by, summary]
  steps:
    - from: [submitted]
      to: workshop
      by: [ambassador]
      needs:
        - {section: screening, outcome: workshop, met: [mission]}
    - from: [workshop]
      to: done
      by: [innovation-group]
      needs:
        - {section: workshop}
`

func TestSmall(t *testing.T) {
	p, ds := decodeText(t, small)
	if len(ds) > 0 {
		t.Fatalf("problems: %v", ds)
	}
	if got := strings.Join(p.Outcomes("screening"), " "); got != "workshop" {
		t.Errorf("screening outcomes %s", got)
	}
	if s := p.Section("workshop"); s == nil || s.Builtin || len(s.Fields) != 3 {
		t.Errorf("workshop section %+v", s)
	}
	if len(p.Roles) != len(Default().Roles) || len(p.Criteria) != 4 {
		t.Errorf("the roles and criteria of v1 are not the default: %d, %d", len(p.Roles), len(p.Criteria))
	}
}

// TestInvalid: each way a process cannot work is refused, on its line.
func TestInvalid(t *testing.T) {
	for _, c := range []struct {
		name, old, new, key string
		line                int
	}{
		{"unreachable", "    - from: [workshop]\n      to: done", "    - from: [done]\n      to: workshop", "process.unreachable", 5},
		{"from final", "from: [workshop]", "from: [workshop, done]", "process.from-final", 19},
		{"unknown role", "by: [innovation-group]", "by: [innovators]", "process.unknown-role", 19},
		{"unknown section", "{section: workshop}", "{section: verkstad}", "process.unknown-section", 23},
		{"unknown field", "{section: workshop}", "{section: workshop.notes}", "process.unknown-field", 23},
		{"unknown criterion", "met: [mission]", "met: [missions]", "process.unknown-criterion", 18},
		{"section unused", "{section: workshop}", "{section: screening}", "process.section-unused", 8},
		{"stage label", "{id: done, sv: Klar, en: Done}", "{id: done, sv: Klar}", "process.label", 5},
		{"section label", "      en: Workshop\n      fields", "      fields", "process.label", 8},
		{"unknown final", "final: [done]", "final: [klar]", "process.unknown-stage", 6},
		{"field type", "summary: text}", "summary: prose}", "yaml.enum", 11},
		{"builtin section changed", "    workshop:\n      sv: Verkstad\n      en: Workshop\n      fields: {date: date, by: login, summary: text}",
			"    plan:\n      sv: Verkstad\n      en: Workshop\n      fields: {date: date, by: login, summary: text, cost: number}", "process.section-builtin-changed", 8},
		{"reserved section", "    workshop:\n      sv: Verkstad", "    title:\n      sv: Verkstad", "process.section-builtin", 8},
		{"required field", "required: [date, by, summary]", "required: [date, by, summary, notes]", "process.required-field", 12},
		{"no steps", "  steps:", "  stepz:", "yaml.unknown-suggest", 13},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(small, strings.ReplaceAll(c.old, "\\n", "\n"), strings.ReplaceAll(c.new, "\\n", "\n"), 1)
			if src == small {
				t.Fatalf("the case changes nothing")
			}
			_, ds := decodeText(t, src)
			for _, d := range ds {
				if d.Msg.Key == c.key && d.Pos.Line == c.line {
					return
				}
			}
			t.Errorf("no %s on line %d; got %v", c.key, c.line, ds)
		})
	}
}

// TestDefaultWrittenOut: the default process copied under process:, as
// docs/process.md tells a bank to start, is a process that works, v1's
// sections and all; the labels the bank gives v1's sections are its own.
func TestDefaultWrittenOut(t *testing.T) {
	var b strings.Builder
	b.WriteString("process:\n")
	for _, l := range strings.Split(string(defaultYAML), "\n") {
		if l != "" {
			b.WriteString("  " + l)
		}
		b.WriteString("\n")
	}
	src := strings.Replace(b.String(), "    sv: Förbereda genomförandet", "    sv: Planen", 1)
	if src == b.String() {
		t.Fatal("the default has no plan section to relabel")
	}
	p, ds := decodeText(t, src)
	if len(ds) > 0 {
		t.Fatalf("the default written out: %v", ds)
	}
	def := Default()
	if len(p.Sections) != len(def.Sections) || len(p.Stages) != len(def.Stages) || len(p.Steps) != len(def.Steps) {
		t.Errorf("%d sections, %d stages, %d steps; the default has %d, %d, %d", len(p.Sections), len(p.Stages), len(p.Steps),
			len(def.Sections), len(def.Stages), len(def.Steps))
	}
	if s := p.Section("plan"); s == nil || !s.Builtin || s.Label.SV != "Planen" || s.Label.EN != def.Section("plan").Label.EN {
		t.Errorf("the plan section: %+v", s)
	}
	if def.Section("plan").Label.SV != "Förbereda genomförandet" {
		t.Error("a bank's label changed the default")
	}
}
