package check

import "github.com/idebanken/idebanken/internal/model"

// dateFields lists every date of an idea file in the order of the process.
var dateFields = []string{
	"submitted", "screening.date", "screening.revisit", "proposal.date", "decision.date", "plan.date",
	"implementation.started", "implementation.communicated.date", "implementation.completed",
	"outcome.date", "outcome.reported_to.date", "withdrawn.date",
}

// dateOf returns the date at path, or the zero Date.
func dateOf(idea *model.Idea, path string) model.Date {
	switch path {
	case "submitted":
		return idea.Submitted
	case "screening.date", "screening.revisit":
		if s := idea.Screening; s != nil {
			if path == "screening.revisit" {
				return s.Revisit
			}
			return s.Date
		}
	case "proposal.date":
		if idea.Proposal != nil {
			return idea.Proposal.Date
		}
	case "decision.date":
		if idea.Decision != nil {
			return idea.Decision.Date
		}
	case "plan.date":
		if idea.Plan != nil {
			return idea.Plan.Date
		}
	case "implementation.started", "implementation.completed", "implementation.communicated.date":
		if im := idea.Implementation; im != nil {
			switch path {
			case "implementation.started":
				return im.Started
			case "implementation.completed":
				return im.Completed
			}
			if im.Communicated != nil {
				return im.Communicated.Date
			}
		}
	case "outcome.date", "outcome.reported_to.date":
		if o := idea.Outcome; o != nil {
			if path == "outcome.date" {
				return o.Date
			}
			if o.ReportedTo != nil {
				return o.ReportedTo.Date
			}
		}
	case "withdrawn.date":
		if idea.Withdrawn != nil {
			return idea.Withdrawn.Date
		}
	}
	return model.Date{}
}

// requirementDates lists, for the section a workflow requirement names, the
// dates that step adds, each later than or equal to the one before.
var requirementDates = map[string][]string{
	"screening":                   {"screening.date"},
	"proposal":                    {"proposal.date"},
	"decision":                    {"decision.date"},
	"plan":                        {"plan.date"},
	"implementation.started":      {"implementation.started"},
	"implementation.communicated": {"implementation.communicated.date"},
	"implementation.completed":    {"implementation.completed"},
	"outcome":                     {"outcome.date", "outcome.reported_to.date"},
	"withdrawn":                   {"withdrawn.date"},
}
