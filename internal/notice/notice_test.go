package notice

import (
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// TestStepTellsTheOriginal: the submitter of an idea rejected as a
// duplicate is told where the original stands and where to follow it,
// its title escaped; without the bank at hand, or for an original that is
// gone, the id alone.
func TestStepTellsTheOriginal(t *testing.T) {
	orig := &model.Idea{ID: "2025-003", Title: "Halkrisk vid *entrén* @alla", Stage: model.StageDeveloping,
		Discussion: "https://github.com/kommun/idebanken/issues/7"}
	dup := &model.Idea{ID: "2026-010", Title: "Hal trappa", Stage: model.StageRejected,
		Submitter: model.Submitter{Name: "Per", GitHub: "per"},
		Screening: &model.Screening{Outcome: model.ScreenReject, Feedback: "Samma idé.", DuplicateOf: "2025-003"}}
	cfg := &model.Config{BaseURL: "https://example.org/idebanken/"}
	w := Writer{Lang: model.Swedish, Cfg: cfg, Idea: func(id model.ID) *model.Idea {
		if id == orig.ID {
			return orig
		}
		return nil
	}}
	got := w.Step(dup, model.StageSubmitted, "https://example.org/idebanken/idea/2026-010/")
	for _, want := range []string{
		"Din idé är samma som **2025-003** *Halkrisk vid &#42;entrén&#42; @\u200balla*, som redan finns i idébanken och nu är i steget Vidareutvecklas.",
		"Den finns här: https://example.org/idebanken/idea/2025-003/",
		"Diskussionen: https://github.com/kommun/idebanken/issues/7",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the notice lacks %q:\n%s", want, got)
		}
	}

	w.Idea = nil
	if got := w.Step(dup, model.StageSubmitted, ""); !strings.Contains(got, "Din idé är samma som idé **2025-003**, som redan finns i idébanken") {
		t.Errorf("without the bank, the notice does not name the original:\n%s", got)
	}
	other := *dup
	other.Screening = &model.Screening{Outcome: model.ScreenReject, Feedback: "Nej."}
	if got := w.Step(&other, model.StageSubmitted, ""); strings.Contains(got, "samma som") {
		t.Errorf("a rejection that is no duplicate speaks of an original:\n%s", got)
	}
}

// TestActorsOwnRoles: who may take a step is named in the bank's own
// words for a role of its own process, and in the catalogue's without a
// configuration.
func TestActorsOwnRoles(t *testing.T) {
	p := &model.Process{Roles: []model.RoleDef{{ID: "idea-coach", Label: model.Label{SV: "Idécoach", EN: "Idea coach"}}}}
	w := Writer{Lang: model.Swedish, Cfg: &model.Config{Process: p}}
	if got := w.actors([]workflow.Actor{"idea-coach", workflow.Submitter}); !strings.Contains(got, "Idécoach") || strings.Contains(got, "actor.") {
		t.Errorf("actors = %q", got)
	}
	if got := (Writer{Lang: model.English}).actors([]workflow.Actor{"ambassador"}); strings.Contains(got, "actor.") {
		t.Errorf("actors without a configuration = %q", got)
	}
}
