package workflow

import (
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
)

// Phase is where an idea is in the process, as far as what may be edited
// in its file: its stage before the change.
type Phase string

// The phases of an idea.
const (
	// PhaseOpen is the stage a new idea starts at: not yet screened.
	PhaseOpen Phase = "open"
	// PhaseActive is every stage after it that is not final.
	PhaseActive Phase = "active"
	// PhaseFinal is a stage that no step leaves.
	PhaseFinal Phase = "final"
)

// Phases lists every valid Phase, in the order of the process.
var Phases = []Phase{PhaseOpen, PhaseActive, PhaseFinal}

// PhaseOf returns the phase of stage s in the process: a stage that the
// step of a new file leads to is open, a final stage final.
func (f *Flow) PhaseOf(s model.Stage) Phase {
	switch {
	case f.Final(s):
		return PhaseFinal
	case f.startsAt(s):
		return PhaseOpen
	}
	return PhaseActive
}

func (f *Flow) startsAt(s model.Stage) bool {
	_, ok := f.Lookup("", s)
	return ok
}

// Signers stands, in an EditRule, for those who may sign the section the
// rule is about, as the idea's path through the process says.
const Signers Actor = "signers"

// Handlers stands, in Edits, for those who handle new ideas: the roles
// that may take the steps out of the process's first stage (v1's
// ambassadors and innovation group; the example's idea coaches too).
// EditRules names them.
const Handlers Actor = "handlers"

// EditRule says who may change a field of an idea file that is already
// merged, in which phases. A change of a field is allowed when one rule
// for the field and the phase of the file before the change lets every
// author, or one approver, do it (see check). A field that no rule covers
// in a phase is frozen there.
//
// The fields that a change of stage adds are the step's, and checked with
// the step; the rules are for everything else a change touches.
type EditRule struct {
	// Field is a key of the idea file ("title", "screening"), "body" for
	// the Markdown, or a part of a section with a dot
	// ("implementation.started").
	Field  string
	Phases []Phase
	By     []Actor
	// Once: the field may be set where it was empty, by By, and never
	// changed or removed after that.
	Once bool
}

var (
	byAdmin       = RoleActor(model.RoleAdmin)
	bySubmitter   = []Actor{Submitter, Handlers, byAdmin}
	byHandlers    = []Actor{Handlers, byAdmin}
	bySigners     = []Actor{Signers, byAdmin}
	byImplementer = []Actor{Implementer, RoleActor(model.RoleProjectLead), byAdmin}
	byAdminOnly   = []Actor{byAdmin}
	inNotFinal    = []Phase{PhaseOpen, PhaseActive}
	inOpen        = []Phase{PhaseOpen}
	inActive      = []Phase{PhaseActive}
	inFinal       = []Phase{PhaseFinal}
)

// Edits is the policy: for every field of an idea file, who may change it
// at which phase. id, submitted and submitter never change (but for making
// the submitter anonymous), and stage changes only by a step of the table.
//
//   - The idea's text (title, kind, body) is the submitter's while it is
//     open, and those who handle it (Handlers: in v1 ambassadors and the
//     innovation group) may correct it until it is final; then it is
//     frozen.
//   - Its classification (tags, related, unit) is for those who handle it;
//     the submitter may set tags and related ideas while it is open.
//   - discussion is set once, by those who handle new ideas (intake writes
//     it into a new file), and never pointed at another issue: notify
//     comments there.
//   - A section is rewritten only by someone who may sign it, until the idea
//     is final; an evaluation may still be completed (reported_to) by its
//     signers once the idea is evaluated.
//   - An admin may change any of these at any phase: to remove personal
//     data from a final idea (idebank forget), for one.
var Edits = []EditRule{
	{Field: "title", Phases: inOpen, By: bySubmitter},
	{Field: "title", Phases: inActive, By: byHandlers},
	{Field: "kind", Phases: inOpen, By: bySubmitter},
	{Field: "kind", Phases: inActive, By: byHandlers},
	{Field: "body", Phases: inOpen, By: bySubmitter},
	{Field: "body", Phases: inActive, By: byHandlers},
	{Field: "tags", Phases: inOpen, By: bySubmitter},
	{Field: "tags", Phases: []Phase{PhaseActive, PhaseFinal}, By: byHandlers},
	{Field: "related", Phases: inOpen, By: bySubmitter},
	{Field: "related", Phases: []Phase{PhaseActive, PhaseFinal}, By: byHandlers},
	{Field: "unit", Phases: inNotFinal, By: byHandlers},
	{Field: "discussion", Phases: Phases, By: byHandlers, Once: true},
	{Field: "screening", Phases: inNotFinal, By: bySigners},
	{Field: "proposal", Phases: inNotFinal, By: bySigners},
	{Field: "decision", Phases: inNotFinal, By: bySigners},
	{Field: "plan", Phases: inNotFinal, By: bySigners},
	{Field: "implementation.started", Phases: inNotFinal, By: byImplementer},
	{Field: "implementation.communicated", Phases: inNotFinal, By: bySigners},
	{Field: "implementation.completed", Phases: inNotFinal, By: byImplementer},
	{Field: "outcome", Phases: Phases, By: bySigners},
	{Field: "withdrawn", Phases: inNotFinal, By: []Actor{Submitter, byAdmin}},
	// What the rules above leave frozen at a inFinal stage, an byAdmin may
	// still change.
	{Field: "title", Phases: inFinal, By: byAdminOnly},
	{Field: "kind", Phases: inFinal, By: byAdminOnly},
	{Field: "body", Phases: inFinal, By: byAdminOnly},
	{Field: "unit", Phases: inFinal, By: byAdminOnly},
	{Field: "screening", Phases: inFinal, By: byAdminOnly},
	{Field: "proposal", Phases: inFinal, By: byAdminOnly},
	{Field: "decision", Phases: inFinal, By: byAdminOnly},
	{Field: "plan", Phases: inFinal, By: byAdminOnly},
	{Field: "implementation.started", Phases: inFinal, By: byAdminOnly},
	{Field: "implementation.communicated", Phases: inFinal, By: byAdminOnly},
	{Field: "implementation.completed", Phases: inFinal, By: byAdminOnly},
	{Field: "withdrawn", Phases: inFinal, By: byAdminOnly},
}

// editFields lists the fields Edits has rules for, in the order of the
// file.
var editFields = func() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range Edits {
		if !seen[r.Field] {
			seen[r.Field] = true
			out = append(out, r.Field)
		}
	}
	return out
}()

// EditFields returns every field of an idea file that the edit policy
// judges: those of Edits, then each section of the process that Edits
// does not name, and its signed groups.
func (f *Flow) EditFields() []string {
	out := slices.Clone(editFields)
	for _, s := range f.Process.Sections {
		// A section judged by its parts (implementation) is not judged
		// whole as well.
		parts := slices.ContainsFunc(editFields, func(e string) bool { return strings.HasPrefix(e, s.ID+".") })
		if !parts && !slices.Contains(out, s.ID) {
			out = append(out, s.ID)
		}
	}
	for _, s := range f.Signed() {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// EditRules returns the rules for field in phase: those of Edits, or for a
// section of the process's own, that its signers (or, for one without a
// "by", those who handle ideas) may rewrite it until the idea is final, and
// an admin after.
func (f *Flow) EditRules(field string, p Phase) []EditRule {
	var rules []EditRule
	switch by := byHandlers; {
	case slices.Contains(editFields, field):
		rules = editRules(field, p)
	case p == PhaseFinal:
		rules = []EditRule{{Field: field, Phases: inFinal, By: byAdminOnly}}
	default:
		if slices.Contains(f.Signed(), field) {
			by = bySigners
		}
		rules = []EditRule{{Field: field, Phases: inNotFinal, By: by}}
	}
	for i, r := range rules {
		if j := slices.Index(r.By, Handlers); j >= 0 {
			rules[i].By = slices.Concat(r.By[:j], f.handlers, r.By[j+1:])
		}
	}
	return rules
}

// handlersOf returns the roles that may take the steps out of the first
// stage of the process, in the order of its steps.
func (f *Flow) handlersOf() []Actor {
	var out []Actor
	start := f.Process.Start()
	for _, to := range f.Next(start) {
		t, _ := f.Lookup(start, to)
		for _, a := range t.Actors {
			if _, ok := a.Role(); ok && !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

func editRules(field string, p Phase) []EditRule {
	var out []EditRule
	for _, r := range Edits {
		if r.Field != field {
			continue
		}
		for _, q := range r.Phases {
			if q == p {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
