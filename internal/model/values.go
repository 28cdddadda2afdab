package model

import (
	"strconv"
	"strings"
)

// Value is what one field of an idea file holds, in the form its type
// gives it: a text (also a login, a web address or an outcome), a date or
// a number. Set is false when the file does not give the field, or gives
// it blank.
type Value struct {
	Text   string
	Date   Date
	Number int
	Set    bool
}

// Section is a section of a bank's own process (one that v1 does not have),
// as the idea file gives it: the value of each of its fields by name, a
// dotted name for a field of a group in it.
type Section struct {
	Values map[string]Value
}

func text(s string) Value { return Value{Text: s, Set: s != ""} }
func date(d Date) Value   { return Value{Date: d, Set: !d.IsZero()} }

// Has reports whether the idea holds the section, the group in a section
// ("implementation.communicated") or the field named by path.
func (idea *Idea) Has(path string) bool {
	switch path {
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
	case "implementation.communicated":
		return idea.Implementation != nil && idea.Implementation.Communicated != nil
	case "outcome":
		return idea.Outcome != nil
	case "outcome.reported_to":
		return idea.Outcome != nil && idea.Outcome.ReportedTo != nil
	case "withdrawn":
		return idea.Withdrawn != nil
	}
	top, rest, dotted := strings.Cut(path, ".")
	if !dotted {
		return idea.Sections[top] != nil
	}
	if s := idea.Sections[top]; s != nil {
		if s.Values[rest].Set {
			return true
		}
		for k, v := range s.Values { // a group is there when one of its fields is
			if v.Set && strings.HasPrefix(k, rest+".") {
				return true
			}
		}
		return false
	}
	return idea.Value(path).Set
}

// Value returns the value of the field at path (screening.date,
// implementation.communicated.by, screening.criteria.mission.note,
// workshop.summary), whatever section holds it. This is the one place that
// maps the fields of the v1 sections to their types; the rest of the
// program asks for a field by the name the process gives it.
func (idea *Idea) Value(path string) Value {
	top, rest, _ := strings.Cut(path, ".")
	switch top {
	case "title":
		return text(idea.Title)
	case "discussion":
		return text(idea.Discussion)
	case "submitter":
		if rest == "name" {
			return text(idea.Submitter.Name)
		}
	case "submitted":
		return date(idea.Submitted)
	case "screening":
		s := idea.Screening
		if s == nil {
			break
		}
		switch rest {
		case "date":
			return date(s.Date)
		case "by":
			return text(s.By)
		case "outcome":
			return text(string(s.Outcome))
		case "feedback":
			return text(s.Feedback)
		case "revisit":
			return date(s.Revisit)
		case "duplicate_of":
			return text(string(s.DuplicateOf))
		}
		if c, ok := strings.CutPrefix(rest, "criteria."); ok {
			id, field, _ := strings.Cut(c, ".")
			a, ok := s.Criteria[id]
			if !ok {
				break
			}
			switch field {
			case "note":
				return text(a.Note)
			case "met":
				return Value{Text: strconv.FormatBool(a.Met), Set: true}
			}
			if n, ok := a.Scores[field]; ok {
				return Value{Number: n, Set: true}
			}
		}
	case "proposal":
		p := idea.Proposal
		if p == nil {
			break
		}
		switch rest {
		case "date":
			return date(p.Date)
		case "by":
			return text(p.By)
		case "summary":
			return text(p.Summary)
		case "cost":
			return Value{Number: p.Cost, Set: p.Cost != 0}
		case "resources":
			return text(p.Resources)
		}
	case "decision":
		d := idea.Decision
		if d == nil {
			break
		}
		switch rest {
		case "date":
			return date(d.Date)
		case "by":
			return text(d.By)
		case "outcome":
			return text(string(d.Outcome))
		case "motivation":
			return text(d.Motivation)
		case "implementer":
			return text(d.Implementer)
		case "resources":
			return text(d.Resources)
		}
	case "plan":
		p := idea.Plan
		if p == nil {
			break
		}
		switch rest {
		case "date":
			return date(p.Date)
		case "by":
			return text(p.By)
		case "summary":
			return text(p.Summary)
		}
	case "implementation":
		im := idea.Implementation
		if im == nil {
			break
		}
		switch rest {
		case "started":
			return date(im.Started)
		case "completed":
			return date(im.Completed)
		}
		if c := im.Communicated; c != nil {
			switch rest {
			case "communicated.date":
				return date(c.Date)
			case "communicated.by":
				return text(c.By)
			case "communicated.channel":
				return text(c.Channel)
			}
		}
	case "outcome":
		o := idea.Outcome
		if o == nil {
			break
		}
		switch rest {
		case "date":
			return date(o.Date)
		case "by":
			return text(o.By)
		case "effects":
			return text(o.Effects)
		case "lessons":
			return text(o.Lessons)
		}
		if r := o.ReportedTo; r != nil {
			switch rest {
			case "reported_to.body":
				return text(r.Body)
			case "reported_to.date":
				return date(r.Date)
			}
		}
	case "withdrawn":
		w := idea.Withdrawn
		if w == nil {
			break
		}
		switch rest {
		case "date":
			return date(w.Date)
		case "reason":
			return text(w.Reason)
		}
	default:
		if s := idea.Sections[top]; s != nil {
			return s.Values[rest]
		}
	}
	return Value{}
}

// Part returns the content of a section or of a group in one, for telling
// whether a change altered it.
func (idea *Idea) Part(path string) any {
	switch path {
	case "screening":
		return idea.Screening
	case "proposal":
		return idea.Proposal
	case "decision":
		return idea.Decision
	case "plan":
		return idea.Plan
	case "implementation":
		return idea.Implementation
	case "implementation.communicated":
		if idea.Implementation != nil {
			return idea.Implementation.Communicated
		}
		return nil
	case "outcome":
		return idea.Outcome
	case "withdrawn":
		return idea.Withdrawn
	}
	top, rest, dotted := strings.Cut(path, ".")
	s := idea.Sections[top]
	if s == nil {
		return nil
	}
	if !dotted {
		return s
	}
	part := map[string]Value{}
	for k, v := range s.Values {
		if strings.HasPrefix(k, rest+".") {
			part[k] = v
		}
	}
	return part
}
