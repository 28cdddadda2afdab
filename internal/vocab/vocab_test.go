package vocab

import (
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

func TestFind(t *testing.T) {
	cfg := &model.Config{Units: []model.Unit{
		{ID: "kultur-och-utbildning", Name: "Kultur- och utbildningsförvaltningen"},
		{ID: "skola", Name: "Skolförvaltningen"},
	}}
	for _, c := range []struct {
		what, s, want string
	}{
		{"stage", "developing", "developing"},
		{"stage", "Vidareutvecklas", "developing"},
		{"stage", "vidareutvecklas", "developing"},
		{"stage", "Being developed", "developing"},
		{"stage", "quick win", "quick-win"},
		{"stage", "Snabb vinst", "quick-win"},
		{"stage", "aterTAGEN", "withdrawn"},
		{"stage", "Återtagen", "withdrawn"},
		{"stage", "GENOMFÖRS", "implementing"},
		{"stage", "genomfors", "implementing"},
		{"stage", "nowhere", ""},
		{"stage", "", ""},
		{"kind", "förbättringsförslag", "improvement"},
		{"kind", "Forbattringsforslag", "improvement"},
		{"kind", "Tillbud", "incident"},
		{"kind", "problem utan lösning", "problem"},
		{"kind", "deviation", "deviation"},
		{"role", "Idéambassadör", "ambassador"},
		{"role", "ideambassador", "ambassador"},
		{"role", "Innovation group", "innovation-group"},
		{"unit", "skola", "skola"},
		{"unit", "Kultur- och utbildningsförvaltningen", "kultur-och-utbildning"},
		{"unit", "kultur- och utbildningsforvaltningen", "kultur-och-utbildning"},
		{"unit", "SKOLFÖRVALTNINGEN", "skola"},
		{"unit", "Skolan", ""},
	} {
		var got string
		var ok bool
		switch c.what {
		case "stage":
			var s model.Stage
			s, ok = Stage(cfg, c.s)
			got = string(s)
		case "kind":
			var k model.Kind
			k, ok = Kind(c.s)
			got = string(k)
		case "role":
			var r model.Role
			r, ok = Role(cfg, c.s)
			got = string(r)
		case "unit":
			got, ok = Unit(cfg, c.s)
		}
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s %q = %q, %v; want %q", c.what, c.s, got, ok, c.want)
		}
	}
}

// TestIDWinsOverLabel: a label that is another term's id names that term.
func TestIDWinsOverLabel(t *testing.T) {
	terms := []Term{{ID: "a", Labels: []string{"b"}}, {ID: "b", Labels: []string{"B"}}}
	if id, _ := Find(terms, "b"); id != "b" {
		t.Errorf("Find(b) = %q, want b", id)
	}
}

func TestList(t *testing.T) {
	got := i18n.Render(model.Swedish, i18n.M("lint.step", List(Stages(nil)[:2], model.Swedish), ""))
	if !strings.HasPrefix(got, "submitted (Registrerad), developing (Vidareutvecklas)") {
		t.Errorf("got %q", got)
	}
	en := i18n.Render(model.English, i18n.M("lint.step", List(Stages(nil)[1:2], model.English), ""))
	if !strings.HasPrefix(en, "developing (Being developed)") {
		t.Errorf("got %q", en)
	}
}

// TestProcessLabels: a process of the bank's own names its stages and
// roles, and they are found by its labels.
func TestProcessLabels(t *testing.T) {
	cfg := &model.Config{Process: &model.Process{
		Stages: []model.StageDef{{ID: "workshop", Label: model.Label{SV: "Nytänkandeverkstad", EN: "Innovation workshop"}}},
		Roles:  []model.RoleDef{{ID: "facilitator", Label: model.Label{SV: "Processledare", EN: "Facilitator"}}},
	}}
	if s, ok := Stage(cfg, "nytankandeverkstad"); !ok || s != "workshop" {
		t.Errorf("Stage = %q, %v", s, ok)
	}
	if s, ok := Stage(cfg, "INNOVATION WORKSHOP"); !ok || s != "workshop" {
		t.Errorf("Stage = %q, %v", s, ok)
	}
	if r, ok := Role(cfg, "Processledare"); !ok || r != "facilitator" {
		t.Errorf("Role = %q, %v", r, ok)
	}
	if _, ok := Stage(cfg, "developing"); ok {
		t.Error("a stage the process does not have is found")
	}
}
