package i18n

import (
	"testing"

	"github.com/idebanken/idebanken/internal/model"
)

// TestName: a stage or role of the bank's own renders as its label in the
// language the message is read in; v1's actors keep the catalogue's words
// for a sentence.
func TestName(t *testing.T) {
	p := &model.Process{
		Stages: []model.StageDef{{ID: "piloting", Label: model.Label{SV: "Provas i liten skala", EN: "Being piloted"}}},
		Roles:  []model.RoleDef{{ID: "idea-coach", Label: model.Label{SV: "Idécoach", EN: "Idea coach"}}, {ID: "ambassador", Label: model.Label{SV: "Ambassadör", EN: "Ambassador"}}},
	}
	for _, c := range []struct {
		key  string
		lang model.Lang
		want string
	}{
		{"stage.piloting", model.Swedish, "Provas i liten skala"},
		{"stage.piloting", model.English, "Being piloted"},
		{"actor.idea-coach", model.Swedish, "Idécoach"},
		{"actor.ambassador", model.Swedish, T(model.Swedish, "actor.ambassador")},
		{"actor.submitter", model.English, T(model.English, "actor.submitter")},
		{"stage.submitted", model.Swedish, T(model.Swedish, "stage.submitted")},
	} {
		got := Render(c.lang, M("report.funnel-past", Name(p, c.key)))
		if want := Render(c.lang, M("report.funnel-past", c.want)); got != want {
			t.Errorf("%s in %s: %q, want %q", c.key, c.lang, got, want)
		}
	}
}
