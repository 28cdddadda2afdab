package check

import (
	"reflect"
	"slices"
	"testing"

	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Every field of an idea file is under the edit policy, in every phase: a
// field added to the format without a rule fails here, not silently open.
// (id, submitted and submitter never change; stage changes by a step;
// implementation is judged by its parts.)
func TestEveryFieldHasEditRules(t *testing.T) {
	fields := []string{"body", "implementation.started", "implementation.communicated", "implementation.completed"}
	for _, k := range ideafile.TopKeys {
		switch k {
		case "id", "submitted", "submitter", "stage", "implementation":
		default:
			fields = append(fields, k)
		}
	}
	for _, f := range fields {
		if !slices.Contains(workflow.Default.EditFields(), f) {
			t.Errorf("workflow.Edits has no rule for %s", f)
			continue
		}
		for _, p := range workflow.Phases {
			if len(workflow.Default.EditRules(f, p)) == 0 {
				t.Errorf("workflow.Edits leaves %s with no rule in the phase %s", f, p)
			}
		}
	}
	for _, f := range workflow.Default.EditFields() {
		if !slices.Contains(fields, f) {
			t.Errorf("workflow.Edits has a rule for %s, which is no field of an idea file", f)
		}
	}
}

// fieldValue tells a field that is set from one that is not, for every
// field of the policy: a field it did not know would compare equal always,
// and no change of it would be checked.
func TestFieldValueSeesEveryField(t *testing.T) {
	d := model.Date{Year: 2026, Month: 3, Day: 2}
	full := &model.Idea{
		Title: "T", Kind: model.KindProblem, Body: "B", Tags: []string{"a"}, Unit: "u",
		Discussion: "https://example.org/1", Related: []model.ID{"2025-001"},
		Screening: &model.Screening{By: "a"}, Proposal: &model.Proposal{By: "a"}, Decision: &model.Decision{By: "a"},
		Plan: &model.Plan{By: "a"}, Outcome: &model.Outcome{By: "a"}, Withdrawn: &model.Withdrawal{Date: d},
		Implementation: &model.Implementation{Started: d, Completed: d, Communicated: &model.Communication{By: "a"}},
	}
	empty := &model.Idea{}
	for _, f := range workflow.Default.EditFields() {
		if reflect.DeepEqual(fieldValue(full, f), fieldValue(empty, f)) {
			t.Errorf("fieldValue does not tell %s set from not set", f)
		}
	}
	// A started implementation without an announcement has none, as a file
	// without implementation has none.
	started := &model.Idea{Implementation: &model.Implementation{Started: d}}
	if !reflect.DeepEqual(fieldValue(started, "implementation.communicated"), fieldValue(empty, "implementation.communicated")) {
		t.Error("an implementation without communicated differs from none")
	}
	if !reflect.DeepEqual(fieldValue(&model.Idea{Tags: []string{}}, "tags"), fieldValue(empty, "tags")) {
		t.Error("tags: [] differs from no tags")
	}
}
