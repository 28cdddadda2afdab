package model

import (
	"strings"
	"testing"
)

// fullIdea holds every section of v1, each field given.
func fullIdea() *Idea {
	d := Date{Year: 2026, Month: 3, Day: 1}
	return &Idea{Title: "T", Discussion: "https://example.org/1", Submitted: d, Submitter: Submitter{Name: "N"},
		Screening: &Screening{Date: d, By: "a", Outcome: ScreenDevelop, Feedback: "F", Revisit: d, DuplicateOf: "2026-001",
			Criteria: Criteria{"mission": {Met: true, Note: "n"}, "value": {Scores: map[string]int{"short": 3}}}},
		Proposal:       &Proposal{Date: d, By: "b", Summary: "S", Cost: 5, Resources: "R"},
		Decision:       &Decision{Date: d, By: "c", Outcome: DecideApprove, Motivation: "M", Implementer: "i", Resources: "R"},
		Plan:           &Plan{Date: d, By: "p", Summary: "S"},
		Implementation: &Implementation{Started: d, Completed: d, Communicated: &Communication{Date: d, By: "k", Channel: "C"}},
		Outcome:        &Outcome{Date: d, By: "o", Effects: "E", Lessons: "L", ReportedTo: &Report{Body: "B", Date: d}},
		Withdrawn:      &Withdrawal{Date: d, Reason: "R"},
	}
}

// valuePaths are the fields of v1's sections as the file names them.
var valuePaths = []string{"title", "discussion", "submitter.name", "submitted",
	"screening.date", "screening.by", "screening.outcome", "screening.feedback", "screening.revisit", "screening.duplicate_of",
	"screening.criteria.mission.met", "screening.criteria.mission.note", "screening.criteria.value.short",
	"proposal.date", "proposal.by", "proposal.summary", "proposal.cost", "proposal.resources",
	"decision.date", "decision.by", "decision.outcome", "decision.motivation", "decision.implementer", "decision.resources",
	"plan.date", "plan.by", "plan.summary",
	"implementation.started", "implementation.completed", "implementation.communicated.date", "implementation.communicated.by", "implementation.communicated.channel",
	"outcome.date", "outcome.by", "outcome.effects", "outcome.lessons", "outcome.reported_to.body", "outcome.reported_to.date",
	"withdrawn.date", "withdrawn.reason"}

// TestValueEveryField: every field of v1's sections is read by the name
// the file gives it, as its type, and an absent section gives none.
func TestValueEveryField(t *testing.T) {
	full, empty := fullIdea(), &Idea{}
	for _, p := range valuePaths {
		v := full.Value(p)
		if !v.Set || v.Text == "" && v.Date.IsZero() && v.Number == 0 {
			t.Errorf("Value(%q) = %+v, want it set", p, v)
		}
		if strings.Contains(p, ".") && p != "submitter.name" && !full.Has(p) {
			t.Errorf("Has(%q) is false", p)
		}
		if p != "screening.criteria.mission.met" && empty.Value(p).Set {
			t.Errorf("Value(%q) of an empty idea is set", p)
		}
	}
	if v := full.Value("screening.date"); v.Date != (Date{Year: 2026, Month: 3, Day: 1}) {
		t.Errorf("screening.date = %+v", v)
	}
	if v := full.Value("proposal.cost"); v.Number != 5 {
		t.Errorf("proposal.cost = %+v", v)
	}
	if v := full.Value("decision.outcome"); v.Text != "approve" {
		t.Errorf("decision.outcome = %+v", v)
	}
	for _, p := range []string{"screening", "implementation.communicated", "outcome.reported_to", "withdrawn"} {
		if !full.Has(p) || empty.Has(p) {
			t.Errorf("%s: Has %v, in an empty idea %v", p, full.Has(p), empty.Has(p))
		}
	}
	for _, p := range []string{"screening.nothing", "nothing", "screening.date.day", "sections"} {
		if full.Value(p).Set {
			t.Errorf("Value(%q) is set", p)
		}
	}
}

// BenchmarkValue reads every field of v1's sections once.
func BenchmarkValue(b *testing.B) {
	idea := fullIdea()
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range valuePaths {
			if !idea.Value(p).Set {
				b.Fatal(p)
			}
		}
	}
}
