package workflow

import (
	"reflect"
	"slices"
	"testing"

	"github.com/idebanken/idebanken/internal/model"
)

var v1Screeners = []Actor{RoleActor(model.RoleAmbassador), RoleActor(model.RoleInnovationGroup)}
var v1Implementers = []Actor{Implementer, RoleActor(model.RoleProjectLead)}

func v1Screening(outcome model.ScreeningOutcome, met bool) []Requirement {
	return []Requirement{{Section: "screening", Outcome: string(outcome), Met: v1Met(met), CriteriaMet: met, Signers: v1Screeners}}
}

func v1Decision(outcome model.DecisionOutcome, by model.Role) Requirement {
	r := Requirement{Section: "decision", Outcome: string(outcome), Signers: []Actor{RoleActor(by)}}
	if outcome == model.DecideApprove {
		r.Fields = []string{"implementer"}
	}
	return r
}

var v1ReScreen = []model.Stage{model.StageSubmitted, model.StagePaused}

// v1Rows is the workflow table of the contract, v1, as it was written in Go.
var v1Rows = []Row{
	{nil, model.StageSubmitted, []Actor{Anyone}, nil},
	{v1ReScreen, model.StageDeveloping, v1Screeners, v1Screening(model.ScreenDevelop, true)},
	{v1ReScreen, model.StageQuickWin, v1Screeners, v1Screening(model.ScreenQuickWin, true)},
	{v1ReScreen, model.StagePaused, v1Screeners, v1Screening(model.ScreenPause, false)},
	{v1ReScreen, model.StageRejected, v1Screeners, v1Screening(model.ScreenReject, false)},
	{[]model.Stage{model.StageDeveloping}, model.StageProposed, []Actor{RoleActor(model.RoleInnovationGroup)},
		[]Requirement{{Section: "proposal", Signers: []Actor{RoleActor(model.RoleInnovationGroup)}}}},
	{[]model.Stage{model.StageProposed}, model.StageApproved, []Actor{RoleActor(model.RoleManagement)},
		[]Requirement{v1Decision(model.DecideApprove, model.RoleManagement)}},
	{[]model.Stage{model.StageProposed}, model.StageRejected, []Actor{RoleActor(model.RoleManagement)},
		[]Requirement{v1Decision(model.DecideReject, model.RoleManagement)}},
	{[]model.Stage{model.StageProposed}, model.StagePaused, []Actor{RoleActor(model.RoleManagement)},
		[]Requirement{v1Decision(model.DecidePause, model.RoleManagement)}},
	{[]model.Stage{model.StageQuickWin}, model.StageImplementing, []Actor{RoleActor(model.RoleUnitManager)},
		[]Requirement{v1Decision(model.DecideApprove, model.RoleUnitManager), {Section: "implementation.started"}}},
	{[]model.Stage{model.StageQuickWin}, model.StageRejected, []Actor{RoleActor(model.RoleUnitManager)},
		[]Requirement{v1Decision(model.DecideReject, model.RoleUnitManager)}},
	{[]model.Stage{model.StageApproved}, model.StagePlanning, v1Implementers,
		[]Requirement{{Section: "plan", Signers: v1Implementers}}},
	{[]model.Stage{model.StagePlanning}, model.StageImplementing, v1Implementers,
		[]Requirement{{Section: "implementation.started"},
			{Section: "implementation.communicated", Signers: []Actor{RoleActor(model.RoleCommunicator)}}}},
	{[]model.Stage{model.StageImplementing}, model.StageImplemented, v1Implementers,
		[]Requirement{{Section: "implementation.completed"}}},
	{[]model.Stage{model.StageImplemented}, model.StageEvaluated,
		[]Actor{RoleActor(model.RoleProjectLead), RoleActor(model.RoleInnovationGroup)},
		[]Requirement{{Section: "outcome", Signers: []Actor{RoleActor(model.RoleProjectLead), RoleActor(model.RoleInnovationGroup)}}}},
	{v1NonFinal(), model.StageWithdrawn, []Actor{Submitter}, []Requirement{{Section: "withdrawn"}}},
}

func v1NonFinal() []model.Stage {
	var s []model.Stage
	for _, st := range model.Stages {
		if !st.Final() {
			s = append(s, st)
		}
	}
	return s
}

func v1Met(met bool) []string {
	if met {
		return []string{"mission", "reach", "benefit"}
	}
	return nil
}

// TestDefaultIsV1: the default process, read from its YAML, makes exactly
// the workflow table of the contract.
func TestDefaultIsV1(t *testing.T) {
	if len(Default.Rows) != len(v1Rows) {
		t.Fatalf("%d rows, want %d", len(Default.Rows), len(v1Rows))
	}
	for i := range v1Rows {
		if !reflect.DeepEqual(Default.Rows[i], v1Rows[i]) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, Default.Rows[i], v1Rows[i])
		}
	}
}

// TestMainLineIsV1: the ways the start page shows, derived from the
// default process, are v1's as they were once listed by hand.
func TestMainLineIsV1(t *testing.T) {
	main, quick, side := Default.MainLine()
	for _, c := range []struct {
		name      string
		got, want []model.Stage
	}{
		{"main", main, []model.Stage{"submitted", "developing", "proposed", "approved", "planning", "implementing", "implemented", "evaluated"}},
		{"quick", quick, []model.Stage{"quick-win", "implementing", "implemented"}},
		{"side", side, []model.Stage{"paused", "rejected", "withdrawn"}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s line %v, want %v", c.name, c.got, c.want)
		}
	}
}
