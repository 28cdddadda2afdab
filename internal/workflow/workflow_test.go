package workflow

import (
	"slices"
	"testing"

	"github.com/idebanken/idebanken/internal/model"
)

func TestTableMatchesRows(t *testing.T) {
	n := 0
	for _, r := range Default.Rows {
		froms := r.From
		if froms == nil {
			froms = []model.Stage{""}
		}
		for _, f := range froms {
			n++
			tr, ok := Default.Lookup(f, r.To)
			if !ok || tr.From != f || tr.To != r.To {
				t.Errorf("Default.Lookup(%q, %q) = %v, %v", f, r.To, tr, ok)
			}
			if len(r.Actors) == 0 {
				t.Errorf("%q → %q: nobody may make the step", f, r.To)
			}
			if f != "" && len(r.Requires) == 0 {
				t.Errorf("%q → %q requires nothing", f, r.To)
			}
		}
	}
	if len(Default.table) != n {
		t.Errorf("the table has %d entries, the rows %d: a pair is listed twice", len(Default.table), n)
	}
	if n != 28 {
		t.Errorf("%d steps, want the contract's 28", n)
	}
	if _, ok := Default.Lookup("", model.StageSubmitted); !ok {
		t.Error("a new file starts at submitted")
	}
	for _, s := range model.Stages {
		if _, ok := Default.Lookup("", s); ok != (s == model.StageSubmitted) {
			t.Errorf("Default.Lookup(new, %s) = %v", s, ok)
		}
	}
}

func TestNext(t *testing.T) {
	for _, c := range []struct {
		from model.Stage
		want []model.Stage
	}{
		{"", []model.Stage{"submitted"}},
		{"submitted", []model.Stage{"developing", "quick-win", "paused", "rejected", "withdrawn"}},
		{"paused", []model.Stage{"developing", "quick-win", "paused", "rejected", "withdrawn"}},
		{"developing", []model.Stage{"proposed", "withdrawn"}},
		{"proposed", []model.Stage{"approved", "paused", "rejected", "withdrawn"}},
		{"quick-win", []model.Stage{"implementing", "rejected", "withdrawn"}},
		{"approved", []model.Stage{"planning", "withdrawn"}},
		{"planning", []model.Stage{"implementing", "withdrawn"}},
		{"implementing", []model.Stage{"implemented", "withdrawn"}},
		{"implemented", []model.Stage{"evaluated", "withdrawn"}},
		{"evaluated", nil},
		{"rejected", nil},
		{"withdrawn", nil},
	} {
		if got := Default.Next(c.from); !slices.Equal(got, c.want) {
			t.Errorf("Default.Next(%q) = %v, want %v", c.from, got, c.want)
		}
	}
}

func TestPaths(t *testing.T) {
	for _, s := range model.Stages {
		ps := Default.Paths(s)
		if len(ps) == 0 {
			t.Errorf("no path to %s", s)
			continue
		}
		for i, p := range ps {
			if p[0].From != "" || p[0].To != model.StageSubmitted {
				t.Errorf("%s: path %d does not start with a new file", s, i)
			}
			if p[len(p)-1].To != s {
				t.Errorf("%s: path %d ends at %s", s, i, p[len(p)-1].To)
			}
			seen := map[model.Stage]bool{}
			for j, tr := range p {
				if j > 0 && tr.From != p[j-1].To {
					t.Errorf("%s: path %d is broken at step %d", s, i, j)
				}
				if seen[tr.To] {
					t.Errorf("%s: path %d visits %s twice", s, i, tr.To)
				}
				seen[tr.To] = true
			}
			if i > 0 && len(p) < len(ps[i-1]) {
				t.Errorf("%s: paths are not shortest first", s)
			}
		}
		if s.Final() && len(Default.Next(s)) != 0 {
			t.Errorf("the final stage %s has a next stage: %v", s, Default.Next(s))
		}
		if !s.Final() && len(Default.Next(s)) == 0 {
			t.Errorf("the stage %s is a dead end", s)
		}
	}
	// The shortest paths of the contract.
	for s, want := range map[model.Stage][]model.Stage{
		"submitted":    {"submitted"},
		"developing":   {"submitted", "developing"},
		"planning":     {"submitted", "developing", "proposed", "approved", "planning"},
		"implementing": {"submitted", "quick-win", "implementing"},
		"evaluated":    {"submitted", "quick-win", "implementing", "implemented", "evaluated"},
		"withdrawn":    {"submitted", "withdrawn"},
	} {
		var got []model.Stage
		for _, tr := range Default.Paths(s)[0] {
			got = append(got, tr.To)
		}
		if !slices.Equal(got, want) {
			t.Errorf("shortest path to %s: %v, want %v", s, got, want)
		}
	}
	// The main line to evaluated is one of the paths.
	main := []model.Stage{"submitted", "developing", "proposed", "approved", "planning", "implementing", "implemented", "evaluated"}
	found := false
	for _, p := range Default.Paths(model.StageEvaluated) {
		var got []model.Stage
		for _, tr := range p {
			got = append(got, tr.To)
		}
		found = found || slices.Equal(got, main)
	}
	if !found {
		t.Error("the main line is not a path to evaluated")
	}
	if Default.Paths("") != nil || Default.Paths("nope") != nil {
		t.Error("paths to no stage")
	}
}

func TestRequirements(t *testing.T) {
	p := Default.Paths(model.StagePlanning)[0]
	var got []string
	for _, r := range p.Requirements() {
		got = append(got, r.Section+":"+r.Outcome)
	}
	want := []string{"screening:develop", "proposal:", "decision:approve", "plan:"}
	if !slices.Equal(got, want) {
		t.Errorf("requirements to planning: %v, want %v", got, want)
	}
	for _, row := range Default.Rows {
		for _, r := range row.Requires {
			if r.Outcome == string(model.DecideApprove) && !slices.Contains(r.Fields, "implementer") {
				t.Errorf("a decision to approve (%v → %s) does not need an implementer", row.From, row.To)
			}
			if r.CriteriaMet != (r.Section == "screening" && (r.Outcome == "develop" || r.Outcome == "quick-win")) {
				t.Errorf("%v → %s: criteria %v for %s %s", row.From, row.To, r.CriteriaMet, r.Section, r.Outcome)
			}
		}
	}
}

func TestMaySection(t *testing.T) {
	for _, c := range []struct {
		stage   model.Stage
		section string
		want    bool
	}{
		{"submitted", "screening", false},
		{"submitted", "withdrawn", false},
		{"developing", "screening", true},
		{"developing", "proposal", true}, // proposed → paused → developing
		{"developing", "decision", true}, // a decision to pause, before a re-screening
		{"developing", "plan", false},    // a plan is a mistake here
		{"developing", "implementation", false},
		{"quick-win", "decision", true}, // paused by decision, then re-screened
		{"quick-win", "plan", false},
		{"proposed", "proposal", true},
		{"proposed", "plan", false},
		{"approved", "decision", true},
		{"approved", "plan", false},
		{"planning", "plan", true},
		{"planning", "implementation", false},
		{"implementing", "implementation", true},
		{"implementing", "implementation.started", true},
		{"implementing", "implementation.communicated", true},
		{"implementing", "implementation.completed", false},
		{"implementing", "outcome", false},
		{"implemented", "implementation.completed", true},
		{"implemented", "outcome", false},
		{"evaluated", "outcome", true},
		{"evaluated", "withdrawn", false},
		{"paused", "screening", true},
		{"paused", "plan", false},
		{"rejected", "decision", true},
		{"rejected", "plan", false},
		{"withdrawn", "withdrawn", true},
		{"withdrawn", "plan", true},     // withdrawn from planning
		{"withdrawn", "outcome", false}, // evaluated is final
		{"withdrawn", "implementation.completed", true},
	} {
		if got := Default.MaySection(c.stage, c.section); got != c.want {
			t.Errorf("Default.MaySection(%s, %s) = %v, want %v", c.stage, c.section, got, c.want)
		}
	}
	// A section some step requires may be held at the stage that step leads to.
	for _, row := range Default.Rows {
		for _, r := range row.Requires {
			if !Default.MaySection(row.To, r.Section) {
				t.Errorf("the step to %s requires %s, but MaySection says no", row.To, r.Section)
			}
		}
	}
}

func TestActors(t *testing.T) {
	for _, a := range []Actor{Anyone, Submitter, Implementer} {
		if _, ok := a.Role(); ok {
			t.Errorf("%s is a role", a)
		}
	}
	for _, r := range model.Roles {
		if got, ok := RoleActor(r).Role(); !ok || got != r {
			t.Errorf("RoleActor(%s).Role() = %s, %v", r, got, ok)
		}
	}
	for _, row := range Default.Rows {
		for _, a := range row.Actors {
			if _, ok := a.Role(); !ok && a != Anyone && a != Submitter && a != Implementer {
				t.Errorf("%v → %s: unknown actor %q", row.From, row.To, a)
			}
		}
	}
}

// TestLeadsTo: every step that records an outcome and nothing else leads
// to one stage for it, whatever stage it starts from, and every outcome
// has such a step.
func TestLeadsTo(t *testing.T) {
	for _, r := range Default.Rows {
		if len(r.Requires) != 1 || r.Requires[0].Outcome == "" {
			continue
		}
		req := r.Requires[0]
		if got := Default.LeadsTo(req.Section, req.Outcome); got != r.To {
			t.Errorf("%s %s leads to %s in one row and %s in another", req.Section, req.Outcome, r.To, got)
		}
	}
	for _, o := range model.ScreeningOutcomes {
		if Default.LeadsTo("screening", string(o)) == "" {
			t.Errorf("no step for the screening outcome %s", o)
		}
	}
	for _, o := range model.DecisionOutcomes {
		if Default.LeadsTo("decision", string(o)) == "" {
			t.Errorf("no step for the decision outcome %s", o)
		}
	}
	if got := Default.LeadsTo("screening", "quick-win"); got != model.StageQuickWin {
		t.Errorf("quick-win leads to %s", got)
	}
	if got := Default.LeadsTo("decision", "approve"); got != model.StageApproved {
		t.Errorf("an approval leads to %s", got)
	}
}

// TestFunnel: the funnel's steps are the stages forward of the process,
// from its first stage through the main and the quick line, in the
// process's order; not the waits and the ends aside.
func TestFunnel(t *testing.T) {
	want := []model.Stage{"submitted", "developing", "quick-win", "proposed", "approved", "planning", "implementing", "implemented", "evaluated"}
	if got := Default.Funnel(); !slices.Equal(got, want) {
		t.Errorf("Funnel = %v, want %v", got, want)
	}
	d := func(s string) model.Date { v, _ := model.ParseDate(s); return v }
	paused := &model.Idea{Stage: model.StagePaused, Submitted: d("2026-01-10"),
		Screening: &model.Screening{Date: d("2026-01-20"), Outcome: model.ScreenPause, Revisit: d("2026-09-01")}}
	reached := make([]bool, len(want))
	Default.Reached(Default.Events(paused), reached)
	if !reached[0] || slices.Contains(reached[1:], true) {
		t.Errorf("a paused idea reached %v: it has moved on from the first stage and no further", reached)
	}
	if f, r := Default.RevisitOf(paused, model.StagePaused); f != "screening.revisit" || r != d("2026-09-01") {
		t.Errorf("RevisitOf a pause = %s %v", f, r)
	}
	// A revisit date left with another outcome is no wait's.
	dev := *paused
	dev.Stage, dev.Screening = model.StageDeveloping, &model.Screening{Date: d("2026-01-20"), Outcome: model.ScreenDevelop, Revisit: d("2026-09-01")}
	if _, r := Default.RevisitOf(&dev, model.StageDeveloping); !r.IsZero() {
		t.Errorf("RevisitOf developing = %v, want none", r)
	}
}
