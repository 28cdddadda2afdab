package workflow

import (
	"slices"

	"github.com/idebanken/idebanken/internal/model"
)

// Funnel returns the stages by which the reports measure how far ideas
// have come, in the process's order: first the stage every idea starts at,
// which an idea has passed once it has taken any step, then each stage of
// the main and the quick line (MainLine). The side tracks (a pause, a
// refusal, a withdrawal) are ends or waits, not steps forward. The list is
// shared and must not be changed.
func (f *Flow) Funnel() []model.Stage { return f.funnel }

func (f *Flow) funnelStages() []model.Stage {
	main, quick, _ := f.MainLine()
	start := f.Process.Start()
	out := []model.Stage{start}
	for _, s := range f.Stages() {
		if s != start && (slices.Contains(main, s) || slices.Contains(quick, s)) {
			out = append(out, s)
		}
	}
	return out
}

// Reached reports, for each stage of Funnel in its order, whether the
// events of an idea (Events) show it has come that far: has left the
// first stage, or has been at the stage.
func (f *Flow) Reached(events []Event, out []bool) {
	start := f.Process.Start()
	for k, s := range f.funnel {
		out[k] = slices.ContainsFunc(events, func(e Event) bool {
			if s == start {
				return e.To != "" && e.To != start
			}
			return e.To == s
		})
	}
}

// RevisitOf returns the day by which an idea at stage st is to be taken
// up again, and the field that gives it: where st is a wait (a stage with
// a step to itself, as v1's pause is screened anew), the revisit date (a
// date field named Revisit) of a section that a step to st records, with
// the outcome the step needs. The date is zero where there is none: a
// stage that is no wait, or a wait without a date.
func (f *Flow) RevisitOf(idea *model.Idea, st model.Stage) (field string, d model.Date) {
	if _, wait := f.Lookup(st, st); !wait {
		return "", model.Date{}
	}
	for _, r := range f.Rows {
		if r.To != st {
			continue
		}
		for _, q := range r.Requires {
			def := f.Process.Section(q.Section)
			if def == nil {
				continue
			}
			if fd, ok := def.Field(Revisit); !ok || fd.Type != model.FieldDate {
				continue
			}
			if q.Outcome != "" && outcomeOf(idea, q.Section) != q.Outcome {
				continue
			}
			field := q.Section + "." + Revisit
			if d := idea.Value(field).Date; !d.IsZero() {
				return field, d
			}
		}
	}
	return "", model.Date{}
}
