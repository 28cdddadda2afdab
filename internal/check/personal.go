package check

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
)

// Incidents and deviations may name the people involved. The repository and
// the site are public, so the check refuses what identifies a person beyond
// doubt. Messages never repeat what they found: CI logs are public too.

// idPrefix is the id at the start of a file name, which is no phone
// number.
var idPrefix = regexp.MustCompile(`^[0-9]{4}-[0-9]{3,}-?`)

// fileKeys are the messages about a file name (whose slug can hold no
// e-mail address).
var fileKeys = map[string]string{"lint.pnr": "lint.pnr-file", "lint.phone": "lint.phone-file"}

// freeText lists the fields whose text the site or GitHub shows, beside
// the body and the tags.
var freeText = []string{
	"title", "submitter.name", "discussion", "screening.feedback", "screening.criteria.mission.note", "screening.criteria.reach.note",
	"screening.criteria.benefit.note", "screening.criteria.value.note", "proposal.summary",
	"proposal.resources", "decision.motivation", "decision.resources", "plan.summary",
	"outcome.effects", "outcome.lessons", "outcome.reported_to.body",
	"implementation.communicated.channel", "withdrawn.reason",
}

func textOf(idea *model.Idea, field string) string {
	s, d, p, o := idea.Screening, idea.Decision, idea.Proposal, idea.Outcome
	switch {
	case field == "title":
		return idea.Title
	case field == "submitter.name":
		return idea.Submitter.Name
	case field == "discussion":
		return idea.Discussion
	case s != nil && field == "screening.feedback":
		return s.Feedback
	case s != nil && field == "screening.criteria.mission.note":
		return s.Criteria.Mission.Note
	case s != nil && field == "screening.criteria.reach.note":
		return s.Criteria.Reach.Note
	case s != nil && field == "screening.criteria.benefit.note":
		return s.Criteria.Benefit.Note
	case s != nil && field == "screening.criteria.value.note":
		return s.Criteria.Value.Note
	case p != nil && field == "proposal.summary":
		return p.Summary
	case p != nil && field == "proposal.resources":
		return p.Resources
	case d != nil && field == "decision.motivation":
		return d.Motivation
	case d != nil && field == "decision.resources":
		return d.Resources
	case idea.Plan != nil && field == "plan.summary":
		return idea.Plan.Summary
	case o != nil && field == "outcome.effects":
		return o.Effects
	case o != nil && field == "outcome.lessons":
		return o.Lessons
	case o != nil && o.ReportedTo != nil && field == "outcome.reported_to.body":
		return o.ReportedTo.Body
	case idea.Implementation != nil && idea.Implementation.Communicated != nil && field == "implementation.communicated.channel":
		return idea.Implementation.Communicated.Channel
	case idea.Withdrawn != nil && field == "withdrawn.reason":
		return idea.Withdrawn.Reason
	}
	return ""
}

// personalData reports personal identity numbers and phone numbers as
// errors, and e-mail addresses as warnings, in every text of the idea that
// is shown: its fields, its body line by line, and its file name, which
// new and intake make from the title.
func personalData(idea *model.Idea, out *diag.List) {
	for _, f := range freeText {
		if t := textOf(idea, f); t != "" {
			scanPersonal(t, func(rule diag.Severity, key string) {
				report(out, idea.Path, idea.Fields.Lookup(f), rule, key, f)
			})
		}
	}
	for i, line := range strings.Split(idea.Body, "\n") {
		pos := model.Pos{Line: idea.BodyLine + i, Col: 1}
		scanPersonal(line, func(rule diag.Severity, key string) {
			report(out, idea.Path, pos, rule, key, "")
		})
	}
	// new and intake make the name from the title, hyphens for spaces.
	name := idPrefix.ReplaceAllString(strings.TrimSuffix(path.Base(idea.Path), ".md"), "")
	scanPersonal(name, func(rule diag.Severity, key string) {
		if file := fileKeys[key]; file != "" {
			out.Add(diag.Diagnostic{Path: idea.Path, Severity: rule, Rule: diag.RulePersonalData, Msg: i18n.M(file)})
		}
	})
}

func report(out *diag.List, path string, pos model.Pos, sev diag.Severity, key, field string) {
	m := i18n.M(key + "-body")
	if field != "" {
		m = i18n.M(key, field)
	}
	out.Add(diag.Diagnostic{Path: path, Pos: pos, Severity: sev, Rule: diag.RulePersonalData, Msg: m})
}

func scanPersonal(s string, found func(diag.Severity, string)) {
	for _, k := range personal.Find(s) {
		switch k {
		case personal.PersonalNumber:
			found(diag.Error, "lint.pnr")
		case personal.Phone:
			found(diag.Error, "lint.phone")
		case personal.Email:
			found(diag.Warning, "lint.email")
		}
	}
}

// containsPersonal reports whether s holds a personal identity number or a
// phone number.
func containsPersonal(s string) bool {
	found := false
	scanPersonal(s, func(sev diag.Severity, _ string) { found = found || sev == diag.Error })
	return found
}

// ContainsPersonalNumber reports whether s holds a Swedish personal identity
// number or co-ordination number with a valid check digit, in any of the
// forms personal.Normalize reads.
func ContainsPersonalNumber(s string) bool {
	return slices.Contains(personal.Find(s), personal.PersonalNumber)
}
