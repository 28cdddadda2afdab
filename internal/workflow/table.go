// Package workflow is the improvement process as data: which changes of
// stage exist, who may make each, and what an idea file must hold after it.
//
// The validator enforces this table and the site shows it, so the two can
// never disagree.
package workflow

import "github.com/idebanken/idebanken/internal/model"

// Actor is someone who may make a change of stage: a role, or one of the
// people an idea itself names.
type Actor string

// The actors that are not roles.
const (
	Anyone      Actor = "anyone"      // every employee
	Submitter   Actor = "submitter"   // the submitter's own GitHub login
	Implementer Actor = "implementer" // the login in decision.implementer
)

// RoleActor returns the Actor for a role.
func RoleActor(r model.Role) Actor { return Actor(r) }

// Role returns the role an Actor stands for, and false for Anyone, Submitter
// and Implementer.
func (a Actor) Role() (model.Role, bool) {
	r := model.Role(a)
	return r, r.Valid()
}

// Requirement is something an idea file must hold after a change of stage.
type Requirement struct {
	// Section is the section (or, with a dot, the field of a section) that
	// must be present: one of the names in Sections, or
	// "implementation.started", "implementation.communicated",
	// "implementation.completed".
	Section string
	// Outcome, when set, is the value the section's outcome must have.
	Outcome string
	// CriteriaMet requires the screening criteria mission, reach and benefit
	// to be met.
	CriteriaMet bool
	// Fields are further fields of the section that must be present, such as
	// the implementer of an approving decision.
	Fields []string
	// Signers may sign the section (its "by"), each in the idea's unit.
	Signers []Actor
}

// Transition is one allowed change of stage.
type Transition struct {
	From     model.Stage // "" for a new file
	To       model.Stage
	Actors   []Actor
	Requires []Requirement
}

// Key identifies a Transition.
type Key struct{ From, To model.Stage }

// Row is one line of the workflow table as people read it: one or more
// stages from which the same change may be made.
type Row struct {
	From []model.Stage // nil for a new file
	To   model.Stage
	// Actors may make the change.
	Actors   []Actor
	Requires []Requirement
}

var screeners = []Actor{RoleActor(model.RoleAmbassador), RoleActor(model.RoleInnovationGroup)}
var implementers = []Actor{Implementer, RoleActor(model.RoleProjectLead)}

func screening(outcome model.ScreeningOutcome, met bool) []Requirement {
	return []Requirement{{Section: "screening", Outcome: string(outcome), CriteriaMet: met, Signers: screeners}}
}

func decision(outcome model.DecisionOutcome, by model.Role) Requirement {
	r := Requirement{Section: "decision", Outcome: string(outcome), Signers: []Actor{RoleActor(by)}}
	if outcome == model.DecideApprove {
		r.Fields = []string{"implementer"}
	}
	return r
}

var reScreen = []model.Stage{model.StageSubmitted, model.StagePaused}

// Rows is the workflow table, in the order of the process.
var Rows = []Row{
	{nil, model.StageSubmitted, []Actor{Anyone}, nil},
	{reScreen, model.StageDeveloping, screeners, screening(model.ScreenDevelop, true)},
	{reScreen, model.StageQuickWin, screeners, screening(model.ScreenQuickWin, true)},
	{reScreen, model.StagePaused, screeners, screening(model.ScreenPause, false)},
	{reScreen, model.StageRejected, screeners, screening(model.ScreenReject, false)},
	{[]model.Stage{model.StageDeveloping}, model.StageProposed, []Actor{RoleActor(model.RoleInnovationGroup)},
		[]Requirement{{Section: "proposal", Signers: []Actor{RoleActor(model.RoleInnovationGroup)}}}},
	{[]model.Stage{model.StageProposed}, model.StageApproved, []Actor{RoleActor(model.RoleManagement)},
		[]Requirement{decision(model.DecideApprove, model.RoleManagement)}},
	{[]model.Stage{model.StageProposed}, model.StageRejected, []Actor{RoleActor(model.RoleManagement)},
		[]Requirement{decision(model.DecideReject, model.RoleManagement)}},
	{[]model.Stage{model.StageProposed}, model.StagePaused, []Actor{RoleActor(model.RoleManagement)},
		[]Requirement{decision(model.DecidePause, model.RoleManagement)}},
	{[]model.Stage{model.StageQuickWin}, model.StageImplementing, []Actor{RoleActor(model.RoleUnitManager)},
		[]Requirement{decision(model.DecideApprove, model.RoleUnitManager), {Section: "implementation.started"}}},
	{[]model.Stage{model.StageQuickWin}, model.StageRejected, []Actor{RoleActor(model.RoleUnitManager)},
		[]Requirement{decision(model.DecideReject, model.RoleUnitManager)}},
	{[]model.Stage{model.StageApproved}, model.StagePlanning, implementers,
		[]Requirement{{Section: "plan", Signers: implementers}}},
	{[]model.Stage{model.StagePlanning}, model.StageImplementing, implementers,
		[]Requirement{{Section: "implementation.started"},
			{Section: "implementation.communicated", Signers: []Actor{RoleActor(model.RoleCommunicator)}}}},
	{[]model.Stage{model.StageImplementing}, model.StageImplemented, implementers,
		[]Requirement{{Section: "implementation.completed"}}},
	{[]model.Stage{model.StageImplemented}, model.StageEvaluated,
		[]Actor{RoleActor(model.RoleProjectLead), RoleActor(model.RoleInnovationGroup)},
		[]Requirement{{Section: "outcome", Signers: []Actor{RoleActor(model.RoleProjectLead), RoleActor(model.RoleInnovationGroup)}}}},
	{nonFinal(), model.StageWithdrawn, []Actor{Submitter}, []Requirement{{Section: "withdrawn"}}},
}

func nonFinal() []model.Stage {
	var s []model.Stage
	for _, st := range model.Stages {
		if !st.Final() {
			s = append(s, st)
		}
	}
	return s
}

var table = func() map[Key]*Transition {
	t := make(map[Key]*Transition)
	for _, r := range Rows {
		froms := r.From
		if froms == nil {
			froms = []model.Stage{""}
		}
		for _, f := range froms {
			t[Key{f, r.To}] = &Transition{From: f, To: r.To, Actors: r.Actors, Requires: r.Requires}
		}
	}
	return t
}()

// outcomeKey is a section and the outcome it records.
type outcomeKey struct{ section, outcome string }

// leadsTo holds, from the table, the stage each outcome of a screening or
// a decision leads to: the stage of the steps that record that outcome
// and nothing else. (A quick win's approval together with its start leads
// further, to implementing.)
var leadsTo = func() map[outcomeKey]model.Stage {
	m := map[outcomeKey]model.Stage{}
	for _, r := range Rows {
		if len(r.Requires) == 1 && r.Requires[0].Outcome != "" {
			m[outcomeKey{r.Requires[0].Section, r.Requires[0].Outcome}] = r.To
		}
	}
	return m
}()

// LeadsTo returns the stage that section (screening or decision) with
// outcome leads to, or "" when the table has no such step.
func LeadsTo(section, outcome string) model.Stage {
	return leadsTo[outcomeKey{section, outcome}]
}

// Lookup returns the transition from one stage to another, and false when
// the process has no such change. A new file has from "".
func Lookup(from, to model.Stage) (*Transition, bool) {
	t, ok := table[Key{from, to}]
	return t, ok
}

// Next returns the stages an idea at s may move to, in the order of Stages.
func Next(s model.Stage) []model.Stage {
	var next []model.Stage
	for _, to := range model.Stages {
		if _, ok := table[Key{s, to}]; ok {
			next = append(next, to)
		}
	}
	return next
}

// MayAct reports whether login is one of actors for idea: holds the role
// in the idea's unit, or is the person the idea names (its submitter, or
// the implementer its decision appoints).
func MayAct(cfg *model.Config, idea *model.Idea, login string, actors []Actor) bool {
	for _, a := range actors {
		switch a {
		case Anyone:
			return true
		case Submitter:
			// An anonymous submitter has no login (the check refuses one):
			// a login beside anonymous: true proves nothing.
			if !idea.Submitter.Anonymous && model.SameLogin(idea.Submitter.GitHub, login) {
				return true
			}
		case Implementer:
			if idea.Decision != nil && model.SameLogin(idea.Decision.Implementer, login) {
				return true
			}
		default:
			if r, ok := a.Role(); ok && cfg.Holds(login, r, idea.Unit) {
				return true
			}
		}
	}
	return false
}
