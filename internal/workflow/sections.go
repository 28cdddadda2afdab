package workflow

import "github.com/idebanken/idebanken/internal/model"

// SectionSpec describes a stage section: the fields it must always hold,
// whatever the transition that added it.
type SectionSpec struct {
	Name     string
	Required []string // relative to the section
	// Dates lists the section's dates in the order they happen, relative to
	// the section ("" for a section whose own date is "date").
	Dates []string
}

// Sections lists the stage sections in the order of the process.
var Sections = []SectionSpec{
	{Name: "screening", Required: []string{"date", "by", "criteria", "criteria.mission", "criteria.mission.met",
		"criteria.reach", "criteria.reach.met", "criteria.benefit", "criteria.benefit.met",
		"criteria.value", "criteria.value.short", "criteria.value.long", "outcome", "feedback"},
		Dates: []string{"date"}},
	{Name: "proposal", Required: []string{"date", "by", "summary"}, Dates: []string{"date"}},
	{Name: "decision", Required: []string{"date", "by", "outcome", "motivation"}, Dates: []string{"date"}},
	{Name: "plan", Required: []string{"date", "by", "summary"}, Dates: []string{"date"}},
	{Name: "implementation", Dates: []string{"started", "communicated.date", "completed"}},
	{Name: "outcome", Required: []string{"date", "by", "effects", "lessons"}, Dates: []string{"date", "reported_to.date"}},
	{Name: "withdrawn", Required: []string{"date", "reason"}, Dates: []string{"date"}},
}

// Subsections are optional parts of sections that, once present, must be
// complete.
var Subsections = []SectionSpec{
	{Name: "implementation.communicated", Required: []string{"date", "by", "channel"}},
	{Name: "outcome.reported_to", Required: []string{"body", "date"}},
}

// Present reports whether idea holds the section or field named by a
// Requirement's Section.
func Present(idea *model.Idea, section string) bool {
	switch section {
	case "screening":
		return idea.Screening != nil
	case "proposal":
		return idea.Proposal != nil
	case "decision":
		return idea.Decision != nil
	case "plan":
		return idea.Plan != nil
	case "implementation":
		return idea.Implementation != nil
	case "implementation.started":
		return idea.Implementation != nil && !idea.Implementation.Started.IsZero()
	case "implementation.communicated":
		return idea.Implementation != nil && idea.Implementation.Communicated != nil
	case "implementation.completed":
		return idea.Implementation != nil && !idea.Implementation.Completed.IsZero()
	case "outcome":
		return idea.Outcome != nil
	case "withdrawn":
		return idea.Withdrawn != nil
	}
	return false
}

// OutcomeOf returns the outcome written in a section that has one.
func OutcomeOf(idea *model.Idea, section string) string {
	switch section {
	case "screening":
		if idea.Screening != nil {
			return string(idea.Screening.Outcome)
		}
	case "decision":
		if idea.Decision != nil {
			return string(idea.Decision.Outcome)
		}
	}
	return ""
}

// SignerOf returns the login in a section's "by", or "" if it has none.
func SignerOf(idea *model.Idea, section string) string {
	switch section {
	case "screening":
		if idea.Screening != nil {
			return idea.Screening.By
		}
	case "proposal":
		if idea.Proposal != nil {
			return idea.Proposal.By
		}
	case "decision":
		if idea.Decision != nil {
			return idea.Decision.By
		}
	case "plan":
		if idea.Plan != nil {
			return idea.Plan.By
		}
	case "implementation.communicated":
		if idea.Implementation != nil && idea.Implementation.Communicated != nil {
			return idea.Implementation.Communicated.By
		}
	case "outcome":
		if idea.Outcome != nil {
			return idea.Outcome.By
		}
	}
	return ""
}

// SignerPath returns the field path of a section's "by".
func SignerPath(section string) string { return section + ".by" }
