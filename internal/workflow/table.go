// Package workflow is the improvement process as rules: which changes of
// stage exist, who may make each, and what an idea file must hold after it.
// The rules are made from a process (model.Process): the bank's own, or
// the default of v1, so that the validator enforces what the site shows
// and the two can never disagree.
package workflow

import (
	"slices"
	"strings"
	"sync"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/process"
)

// Actor is someone who may make a change of stage: a role, or one of the
// people an idea itself names.
type Actor string

// The actors that are not roles.
const (
	Anyone      Actor = process.Anyone      // every employee
	Submitter   Actor = process.Submitter   // the submitter's own GitHub login
	Implementer Actor = process.Implementer // the login in decision.implementer
)

// RoleActor returns the Actor for a role.
func RoleActor(r model.Role) Actor { return Actor(r) }

// Role returns the role an Actor stands for, and false for Anyone, Submitter
// and Implementer.
func (a Actor) Role() (model.Role, bool) {
	if a == Anyone || a == Submitter || a == Implementer || a == "" {
		return "", false
	}
	return model.Role(a), true
}

// Requirement is something an idea file must hold after a change of stage.
type Requirement struct {
	// Section is the section (or, with a dot, the field or group of a
	// section) that must be present, as the process names it:
	// "screening", "implementation.started".
	Section string
	// Outcome, when set, is the value the section's outcome must have.
	Outcome string
	// Met are the criteria of the assessment that must be met.
	Met []string
	// CriteriaMet is true when Met names any criterion.
	CriteriaMet bool
	// Fields are further fields of the section that must be present, such as
	// the implementer of an approving decision.
	Fields []string
	// Signers may sign the section (its "by"), each in the idea's unit;
	// empty for a part of a section that nobody signs.
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

// Flow is the rules of one process.
type Flow struct {
	// Process is what the rules are made from.
	Process *model.Process
	// Rows is the workflow table, in the order of the process: first the
	// new file, then the steps as the process lists them.
	Rows []Row
	// Sections are the sections of the process; Subsections the groups in
	// them, which once present must be complete.
	Sections, Subsections []SectionSpec

	// What the checks ask for every idea, made once: the lists below are
	// shared and must not be changed.
	signed, dates, texts []string
	reqDates             map[string][]string

	handlers []Actor // who Handlers stands for

	table   map[Key]*Transition
	paths   map[model.Stage][]Path
	mayHold map[model.Stage]map[string]bool
	leadsTo map[outcomeKey]model.Stage
	funnel  []model.Stage
}

var flows sync.Map // *model.Process → *Flow

// For returns the rules of p, made once for each process.
func For(p *model.Process) *Flow {
	if p == nil {
		p = process.Default()
	}
	if f, ok := flows.Load(p); ok {
		return f.(*Flow)
	}
	f, _ := flows.LoadOrStore(p, build(p))
	return f.(*Flow)
}

// Of returns the rules of cfg's process, the default when cfg has none.
func Of(cfg *model.Config) *Flow {
	if cfg == nil {
		return Default
	}
	return For(cfg.Process)
}

// Default is the rules of the process of v1.
var Default = For(process.Default())

func build(p *model.Process) *Flow {
	f := &Flow{Process: p}
	f.Rows = append(f.Rows, Row{nil, p.Start(), []Actor{Anyone}, nil})
	for _, st := range p.Steps {
		f.Rows = append(f.Rows, Row{st.From, st.To, actors(st.By), requirements(p, st)})
	}
	f.table = make(map[Key]*Transition)
	for _, r := range f.Rows {
		froms := r.From
		if froms == nil {
			froms = []model.Stage{""}
		}
		for _, from := range froms {
			f.table[Key{from, r.To}] = &Transition{From: from, To: r.To, Actors: r.Actors, Requires: r.Requires}
		}
	}
	f.Sections, f.Subsections = sectionSpecs(p)
	f.leadsTo = map[outcomeKey]model.Stage{}
	for _, r := range f.Rows {
		if len(r.Requires) == 1 && r.Requires[0].Outcome != "" {
			k := outcomeKey{r.Requires[0].Section, r.Requires[0].Outcome}
			if _, ok := f.leadsTo[k]; !ok {
				f.leadsTo[k] = r.To
			}
		}
	}
	f.signed = f.signedParts()
	f.dates = append([]string{"submitted"}, f.Fields(model.FieldDate)...)
	f.texts = f.Fields(model.FieldText)
	f.reqDates = map[string][]string{}
	for _, r := range f.Rows {
		for _, q := range r.Requires {
			f.reqDates[q.Section] = f.requirementDates(q.Section)
		}
	}
	f.handlers = f.handlersOf()
	f.paths = f.allPaths()
	f.mayHold = f.holdable()
	f.funnel = f.funnelStages()
	return f
}

func actors(by []string) []Actor {
	out := make([]Actor, len(by))
	for i, b := range by {
		out[i] = Actor(b)
	}
	return out
}

// requirements turns the needs of a step into requirements. A need of a
// field of a section another need of the step names (decision.implementer
// beside decision) is a field that section must have.
func requirements(p *model.Process, st model.StepDef) []Requirement {
	var rs []Requirement
	for _, n := range st.Needs {
		top, field, dotted := strings.Cut(n.Section, ".")
		if dotted && slices.ContainsFunc(st.Needs, func(o model.Need) bool { return o.Section == top }) {
			continue
		}
		r := Requirement{Section: n.Section, Outcome: n.Outcome, Met: n.Met, CriteriaMet: len(n.Met) > 0}
		for _, o := range st.Needs {
			if t, f, ok := strings.Cut(o.Section, "."); ok && t == n.Section {
				r.Fields = append(r.Fields, f)
			}
		}
		// Who signs: the section's "by", or a group's; a field on its own
		// is signed by nobody.
		if sec := p.Section(top); sec != nil {
			group := ""
			if dotted {
				group = field
				if !slices.Contains(sec.Groups(), field) {
					group = "-"
				}
			}
			if group != "-" && sec.Signer(group) {
				by := n.SignedBy
				if len(by) == 0 {
					by = st.By
				}
				r.Signers = actors(by)
			}
		}
		rs = append(rs, r)
	}
	return rs
}

// outcomeKey is a section and the outcome it records.
type outcomeKey struct{ section, outcome string }

// LeadsTo returns the stage that section (screening or decision) with
// outcome leads to, or "" when the table has no such step: the stage of
// the first step that records that outcome and nothing else. (A quick
// win's approval together with its start leads further, to implementing.)
func (f *Flow) LeadsTo(section, outcome string) model.Stage {
	return f.leadsTo[outcomeKey{section, outcome}]
}

// Lookup returns the transition from one stage to another, and false when
// the process has no such change. A new file has from "".
func (f *Flow) Lookup(from, to model.Stage) (*Transition, bool) {
	t, ok := f.table[Key{from, to}]
	return t, ok
}

// Next returns the stages an idea at s may move to, in the order of the
// process's stages.
func (f *Flow) Next(s model.Stage) []model.Stage {
	var next []model.Stage
	for _, to := range f.Process.Stages {
		if _, ok := f.table[Key{s, to.ID}]; ok {
			next = append(next, to.ID)
		}
	}
	return next
}

// Stages returns the stages of the process in order.
func (f *Flow) Stages() []model.Stage { return f.Process.StageIDs() }

// Final reports whether no change of stage may follow s.
func (f *Flow) Final(s model.Stage) bool { return f.Process.IsFinal(s) }

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
