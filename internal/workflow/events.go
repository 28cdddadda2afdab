package workflow

import (
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
)

// Event is one dated thing an idea file records: its submission, or a date
// in one of its sections.
type Event struct {
	Date model.Date
	// Field is the date's path in the file: "submitted", "screening.date",
	// "implementation.communicated.date".
	Field string
	// Section is the section the date is in ("" for the submission), and
	// Outcome the outcome it records, if any.
	Section, Outcome string
	// By is the login that signed the part of the section the date is in;
	// "" where nobody signs it.
	By string
	// To is the stage the event takes the idea to; "" for what happens
	// within a stage (an announcement, the report of an evaluation, a
	// unit manager's yes that the start of the work carries out).
	To model.Stage
	// Stage is the stage the idea is at after the event.
	Stage model.Stage
}

// Events lists what idea's file records, in the order of the dates (on one
// day, in the order of the process): the steps of the path its file
// follows and what happened between them. Each step is taken on the latest
// date of what it needs, the parts signed by others than those who take it
// aside (a communicator's announcement, a decision basis the innovation
// group wrote before management decided): a quick win is at quick-win
// until its work starts, though the unit manager said yes before. The
// dates of the sections the path does not name, left from an earlier
// visit of a stage, are steps to the stage that records them. A step the
// file no longer records (a screening replaced by a new one) is not seen.
//
// The site's timeline and the reports' stage at a date are both made from
// it, so that the two cannot disagree.
func (f *Flow) Events(idea *model.Idea) []Event {
	start := f.Process.Start()
	// Made in room on the stack, then copied to a slice of their number:
	// the site keeps every idea's events to its end, and room for 8 was
	// 100 MB of the heap at 100,000 ideas, of which they filled a third.
	var room [8]Event
	ev := room[:1]
	ev[0] = Event{Date: idea.Submitted, Field: "submitted", To: start}
	path, _ := f.BestPath(idea, nil)
	placed := func(field string) bool {
		return slices.ContainsFunc(ev, func(e Event) bool { return e.Field == field })
	}
	for i, t := range path {
		if t.From == "" {
			continue
		}
		first := len(ev)
		step, stepOwn := -1, false
		for _, r := range t.Requires {
			if path.Superseded(i, r) || !idea.Has(r.Section) ||
				(r.Outcome != "" && outcomeOf(idea, r.Section) != r.Outcome) {
				continue
			}
			own := len(r.Signers) == 0 || slices.Equal(r.Signers, t.Actors)
			for _, field := range f.RequirementDates(r.Section) {
				// A group's dates (outcome.reported_to.date) are the
				// step's only where the step names the group.
				if rest, _ := strings.CutPrefix(field, r.Section+"."); field != r.Section && strings.Contains(rest, ".") {
					continue
				}
				d := idea.Value(field).Date
				if d.IsZero() || placed(field) {
					continue
				}
				ev = append(ev, f.event(idea, field, d))
				if step < 0 || (own && !stepOwn) || (own == stepOwn && !d.Before(ev[step].Date)) {
					step, stepOwn = len(ev)-1, own
				}
			}
		}
		if step >= first {
			ev[step].To = t.To
		}
	}
	for _, field := range f.dates[1:] {
		d := idea.Value(field).Date
		if d.IsZero() || placed(field) || strings.HasSuffix(field, "."+Revisit) {
			continue
		}
		e := f.event(idea, field, d)
		if !pathNames(path, e.Section) {
			e.To = f.stageRecording(e.Section, e.Outcome)
		}
		ev = append(ev, e)
	}
	slices.SortStableFunc(ev, func(a, b Event) int { return a.Date.Compare(b.Date) })
	at := start
	for i := range ev {
		if ev[i].To != "" {
			at = ev[i].To
		}
		ev[i].Stage = at
	}
	return slices.Clone(ev)
}

// event makes the event of the date at field.
func (f *Flow) event(idea *model.Idea, field string, d model.Date) Event {
	section, _, _ := strings.Cut(field, ".")
	e := Event{Date: d, Field: field, Section: section, Outcome: outcomeOf(idea, section)}
	part := field[:strings.LastIndexByte(field, '.')]
	if v := idea.Value(part + ".by"); v.Set {
		e.By = v.Text
	} else if v := idea.Value(section + ".by"); v.Set && part == section {
		e.By = v.Text
	}
	return e
}

// pathNames reports whether a step of p requires section or a part of it.
func pathNames(p Path, section string) bool {
	for _, t := range p {
		for _, r := range t.Requires {
			if topSection(r.Section) == section {
				return true
			}
		}
	}
	return false
}

// stageRecording returns the stage of the first step that requires
// section with outcome (or, when the section records none, at all), or ""
// when no step does.
func (f *Flow) stageRecording(section, outcome string) model.Stage {
	for _, row := range f.Rows {
		for _, r := range row.Requires {
			if r.Section == section && (r.Outcome == "" || r.Outcome == outcome) {
				return row.To
			}
		}
	}
	return ""
}

// StageAt returns the stage that events (an idea's, as Events lists them)
// put it at on day d, and since when; "" when it was not yet submitted.
func StageAt(events []Event, d model.Date) (model.Stage, model.Date) {
	if len(events) == 0 || events[0].Date.IsZero() || events[0].Date.After(d) {
		return "", model.Date{}
	}
	var at model.Stage
	var since model.Date
	for _, e := range events {
		if e.Date.After(d) {
			break
		}
		if e.To != "" {
			at, since = e.To, e.Date
		}
	}
	return at, since
}
