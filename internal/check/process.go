package check

import (
	"slices"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// process checks the idea's stage against the workflow: the sections its
// path requires, the sections it must not have yet, who signed each, and
// the order of the dates along the path.
func (l *ideaLinter) process() {
	idea := l.idea
	p, gs := l.flow.BestPath(idea, l.from)
	if p == nil {
		return // the change check reports a step that does not exist
	}
	for _, g := range gs {
		switch g.Kind {
		case workflow.GapMissing:
			l.errorf("stage", diag.RuleMissing, "lint.missing-section", string(idea.Stage), g.Req.Section, stepArg(g.Step))
		case workflow.GapOutcome:
			if outcomeOf(idea, g.Req.Section) == "" || l.refused(g.Req.Section+".outcome") {
				continue // a missing or refused outcome has its own error
			}
			l.errorf(g.Req.Section+".outcome", diag.RuleOutcome, "lint.outcome", g.Req.Section,
				outcomeOf(idea, g.Req.Section), string(idea.Stage), g.Req.Outcome)
		}
		// Unmet criteria and missing fields are reported by sections(),
		// which checks them whatever the stage.
	}
	for _, spec := range l.flow.Sections {
		if l.keys.Is(spec.Name, yamlx.Mapping) && !l.flow.MaySection(idea.Stage, spec.Name) {
			l.errorf(spec.Name, diag.RuleUnexpected, "lint.unexpected", spec.Name, string(idea.Stage))
		}
	}
	l.signers(p)
	l.dateOrder(p)
}

// outcomeOf returns the outcome written in a section.
func outcomeOf(idea *model.Idea, section string) string {
	return idea.Value(section + ".outcome").Text
}

func stepArg(t *workflow.Transition) i18n.Message {
	if t.From == "" {
		return i18n.M("lint.step-new", string(t.To))
	}
	return i18n.M("lint.step", string(t.From), string(t.To))
}

// signers checks that each section's "by" holds a role that may sign it, in
// the idea's unit. The path decides where it matters: a decision on a quick
// win is a unit manager's, after a proposal management's.
func (l *ideaLinter) signers(p workflow.Path) {
	idea := l.idea
	onPath := signersOnPath(p)
	for _, sec := range l.flow.Signed() {
		field := sec + ".by"
		login := idea.Value(field).Text
		if login == "" {
			continue // a missing "by" is a missing required field
		}
		if l.cfg.Person(login) == nil {
			l.unknownPerson(field, login)
			continue
		}
		if l.cfg.Unit(idea.Unit) == nil {
			continue // who may sign depends on the unit, whose error comes first
		}
		signers, ok := onPath[sec]
		if !ok {
			signers = anySigners(l.flow, sec)
		}
		if workflow.MayAct(l.cfg, idea, login, signers) {
			continue
		}
		var holders []any
		for _, a := range signers {
			if r, ok := a.Role(); ok {
				for _, h := range l.cfg.Holders(r, idea.Unit) {
					if !slices.Contains(holders, any(h)) {
						holders = append(holders, h)
					}
				}
			}
		}
		l.errorf(field, diag.RuleRole, "lint.role", login, actorList(l.flow.Process, signers), idea.Unit, i18n.List(holders))
	}
}

// signersOnPath returns who may sign each section along p: the last step
// that writes a section decides.
func signersOnPath(p workflow.Path) map[string][]workflow.Actor {
	on := make(map[string][]workflow.Actor)
	for _, r := range p.Requirements() {
		if len(r.Signers) > 0 {
			on[r.Section] = r.Signers
		}
	}
	return on
}

// signersFor returns who may sign section of idea: as the path the idea
// took says, or anyone the workflow lets sign it anywhere.
func signersFor(flow *workflow.Flow, idea *model.Idea, section string) []workflow.Actor {
	if p, _ := flow.BestPath(idea, nil); p != nil {
		if s, ok := signersOnPath(p)[section]; ok {
			return s
		}
	}
	return anySigners(flow, section)
}

// anySigners returns everyone the workflow lets sign section on any path.
func anySigners(flow *workflow.Flow, section string) []workflow.Actor {
	var all []workflow.Actor
	for _, row := range flow.Rows {
		for _, r := range row.Requires {
			if r.Section != section {
				continue
			}
			for _, a := range r.Signers {
				if !slices.Contains(all, a) {
					all = append(all, a)
				}
			}
		}
	}
	return all
}

// actorList names actors as the process p does: a role of the bank's own
// by its label.
func actorList(p *model.Process, actors []workflow.Actor) i18n.Or {
	l := make(i18n.Or, len(actors))
	for i, a := range actors {
		l[i] = i18n.Name(p, "actor."+string(a))
	}
	return l
}

// dateOrder checks that no step is dated before the step before it. Dates
// added by one step (the start and the announcement of an implementation)
// may come in either order.
func (l *ideaLinter) dateOrder(p workflow.Path) {
	idea := l.idea
	prevField, prev := "submitted", idea.Submitted
	for ti, t := range p {
		stepField, stepMax := prevField, prev
		for _, r := range t.Requires {
			if p.Superseded(ti, r) {
				continue
			}
			dates := l.flow.RequirementDates(r.Section)
			for i, f := range dates {
				d := idea.Value(f).Date
				if d.IsZero() {
					continue
				}
				cmpField, cmpDate := prevField, prev
				if i > 0 { // a later date of the same section
					cmpField, cmpDate = dates[i-1], idea.Value(dates[i-1]).Date
				}
				if !cmpDate.IsZero() && d.Before(cmpDate) {
					l.errorf(f, diag.RuleDateOrder, "lint.date-order", f, d.String(), cmpField, cmpDate.String())
				}
				if d.After(stepMax) {
					stepField, stepMax = f, d
				}
			}
		}
		prevField, prev = stepField, stepMax
	}
}
