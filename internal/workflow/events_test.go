package workflow_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/banktest"
	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// exampleFlow is the rules of the example bank's own process.
func exampleFlow(t *testing.T) *workflow.Flow {
	t.Helper()
	return workflow.Of(banktest.Example(t))
}

func parse(t *testing.T, flow *workflow.Flow, front string) *model.Idea {
	t.Helper()
	var diags diag.List
	idea := ideafile.ParseFor(flow.Process, "ideas/2026/2026-001-x.md", []byte("---\nid: 2026-001\n"+front+"---\nText.\n"), &diags)
	if idea == nil || diags.Len() > 0 {
		t.Fatalf("the idea: %v", diags.Items())
	}
	return idea
}

// TestEvents: the steps an idea's file records, on the default process
// and on the example's, each taken on the date the process says.
func TestEvents(t *testing.T) {
	example := exampleFlow(t)
	for _, c := range []struct {
		name  string
		flow  *workflow.Flow
		front string
		// want lists the events as "date field to stage", to "-" for
		// what happens within a stage.
		want []string
	}{
		{
			name: "v1 quick win: the unit manager's yes is within quick-win, the start of the work the step",
			flow: workflow.Default,
			front: `stage: implementing
submitted: 2026-01-10
screening: {date: 2026-01-12, by: a, outcome: quick-win, feedback: f,
  criteria: {mission: {met: true}, reach: {met: true}, benefit: {met: true}, value: {short: 1, long: 1}}}
decision: {date: 2026-01-20, by: b, outcome: approve, motivation: m, implementer: c}
implementation: {started: 2026-02-01}
`,
			want: []string{
				"2026-01-10 submitted submitted submitted",
				"2026-01-12 screening.date quick-win quick-win",
				"2026-01-20 decision.date - quick-win",
				"2026-02-01 implementation.started implementing implementing",
			},
		},
		{
			name: "v1 main line: the announcement and the report are within their stages",
			flow: workflow.Default,
			front: `stage: evaluated
submitted: 2026-01-10
screening: {date: 2026-01-12, by: a, outcome: develop, feedback: f,
  criteria: {mission: {met: true}, reach: {met: true}, benefit: {met: true}, value: {short: 1, long: 1}}}
proposal: {date: 2026-01-15, by: a, summary: s}
decision: {date: 2026-01-20, by: b, outcome: approve, motivation: m, implementer: c}
plan: {date: 2026-01-25, by: c, summary: s}
implementation:
  started: 2026-02-01
  communicated: {date: 2026-02-03, by: d, channel: intranätet}
  completed: 2026-03-01
outcome: {date: 2026-04-01, by: e, effects: x, lessons: y, reported_to: {body: nämnden, date: 2026-04-20}}
`,
			want: []string{
				"2026-01-10 submitted submitted submitted",
				"2026-01-12 screening.date developing developing",
				"2026-01-15 proposal.date proposed proposed",
				"2026-01-20 decision.date approved approved",
				"2026-01-25 plan.date planning planning",
				"2026-02-01 implementation.started implementing implementing",
				"2026-02-03 implementation.communicated.date - implementing",
				"2026-03-01 implementation.completed implemented implemented",
				"2026-04-01 outcome.date evaluated evaluated",
				"2026-04-20 outcome.reported_to.date - evaluated",
			},
		},
		{
			name: "v1 re-screened: the decision to pause, left from before, is a step to paused",
			flow: workflow.Default,
			front: `stage: developing
submitted: 2026-01-10
screening: {date: 2026-03-01, by: a, outcome: develop, feedback: f,
  criteria: {mission: {met: true}, reach: {met: true}, benefit: {met: true}, value: {short: 1, long: 1}}}
proposal: {date: 2026-01-15, by: a, summary: s}
decision: {date: 2026-01-20, by: b, outcome: pause, motivation: m}
`,
			want: []string{
				"2026-01-10 submitted submitted submitted",
				"2026-01-15 proposal.date proposed proposed",
				"2026-01-20 decision.date paused paused",
				"2026-03-01 screening.date developing developing",
			},
		},
		{
			name: "example: the workshop stage and the step out of it",
			flow: example,
			front: `stage: developing
submitted: 2026-02-10
screening: {date: 2026-02-20, by: a, outcome: workshop, feedback: f,
  criteria: {tenant-benefit: {met: true}, sustainability: {met: true}, feasible: {met: true}, effect: {effort: 1, gain: 2}}}
workshop: {date: 2026-03-05, by: b, summary: s}
`,
			want: []string{
				"2026-02-10 submitted submitted submitted",
				"2026-02-20 screening.date workshop workshop",
				"2026-03-05 workshop.date developing developing",
			},
		},
		{
			name: "example: the decision basis is within developing, management's decision the step",
			flow: example,
			front: `stage: decided
submitted: 2026-01-10
screening: {date: 2026-01-25, by: a, outcome: develop, feedback: f,
  criteria: {tenant-benefit: {met: true}, sustainability: {met: true}, feasible: {met: true}, effect: {effort: 1, gain: 2}}}
proposal: {date: 2026-03-01, by: b, summary: s}
decision: {date: 2026-04-10, by: c, outcome: approve, motivation: m, implementer: d}
`,
			want: []string{
				"2026-01-10 submitted submitted submitted",
				"2026-01-25 screening.date developing developing",
				"2026-03-01 proposal.date - developing",
				"2026-04-10 decision.date decided decided",
			},
		},
		{
			name: "example: followed up on the follow-up's date, the completion within implementing",
			flow: example,
			front: `stage: followed-up
submitted: 2026-01-10
screening: {date: 2026-01-12, by: a, outcome: quick-win, feedback: f,
  criteria: {tenant-benefit: {met: true}, sustainability: {met: true}, feasible: {met: true}, effect: {effort: 1, gain: 2}}}
decision: {date: 2026-01-20, by: b, outcome: approve, motivation: m, implementer: c}
implementation: {started: 2026-02-01, completed: 2026-04-30}
followup: {date: 2026-06-15, by: c, result: r}
`,
			want: []string{
				"2026-01-10 submitted submitted submitted",
				"2026-01-12 screening.date quick-win quick-win",
				"2026-01-20 decision.date - quick-win",
				"2026-02-01 implementation.started implementing implementing",
				"2026-04-30 implementation.completed - implementing",
				"2026-06-15 followup.date followed-up followed-up",
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			idea := parse(t, c.flow, c.front)
			var got []string
			for _, e := range c.flow.Events(idea) {
				to := string(e.To)
				if to == "" {
					to = "-"
				}
				got = append(got, fmt.Sprintf("%s %s %s %s", e.Date, e.Field, to, e.Stage))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestStageAt: the stage at a date is the last step on or before it.
func TestStageAt(t *testing.T) {
	example := exampleFlow(t)
	quickWin := parse(t, workflow.Default, `stage: implementing
submitted: 2026-01-10
screening: {date: 2026-01-12, by: a, outcome: quick-win, feedback: f,
  criteria: {mission: {met: true}, reach: {met: true}, benefit: {met: true}, value: {short: 1, long: 1}}}
decision: {date: 2026-01-20, by: b, outcome: approve, motivation: m, implementer: c}
implementation: {started: 2026-02-01}
`)
	workshop := parse(t, example, `stage: workshop
submitted: 2026-02-10
screening: {date: 2026-02-20, by: a, outcome: workshop, feedback: f,
  criteria: {tenant-benefit: {met: true}, sustainability: {met: true}, feasible: {met: true}, effect: {effort: 1, gain: 2}}}
`)
	for _, c := range []struct {
		flow      *workflow.Flow
		idea      *model.Idea
		day       string
		stage     model.Stage
		sinceWant string
	}{
		{workflow.Default, quickWin, "2026-01-09", "", "0000-00-00"},
		{workflow.Default, quickWin, "2026-01-10", "submitted", "2026-01-10"},
		{workflow.Default, quickWin, "2026-01-25", "quick-win", "2026-01-12"},
		{workflow.Default, quickWin, "2026-02-01", "implementing", "2026-02-01"},
		{example, workshop, "2026-02-19", "submitted", "2026-02-10"},
		{example, workshop, "2026-03-01", "workshop", "2026-02-20"},
	} {
		d, err := model.ParseDate(c.day)
		if err != nil {
			t.Fatal(err)
		}
		st, since := workflow.StageAt(c.flow.Events(c.idea), d)
		if st != c.stage || (st != "" && since.String() != c.sinceWant) {
			t.Errorf("%s on %s: %q since %s, want %q since %s", c.idea.Stage, c.day, st, since, c.stage, c.sinceWant)
		}
	}
}

// TestEditHandlers: those who may correct an idea's text and classify it
// are the process's own screeners: v1's ambassadors and innovation group,
// the example's idea coaches and innovation group.
func TestEditHandlers(t *testing.T) {
	for _, c := range []struct {
		flow *workflow.Flow
		want []workflow.Actor
	}{
		{workflow.Default, []workflow.Actor{"ambassador", "innovation-group", "admin"}},
		{exampleFlow(t), []workflow.Actor{"idea-coach", "innovation-group", "admin"}},
	} {
		for _, field := range []string{"title", "kind", "body", "unit", "tags"} {
			rules := c.flow.EditRules(field, workflow.PhaseActive)
			if len(rules) != 1 || !slices.Equal(rules[0].By, c.want) {
				t.Errorf("%s while active: %+v, want one rule by %v", field, rules, c.want)
			}
		}
		open := c.flow.EditRules("title", workflow.PhaseOpen)
		if len(open) != 1 || !slices.Equal(open[0].By, append([]workflow.Actor{workflow.Submitter}, c.want...)) {
			t.Errorf("title while open: %+v", open)
		}
	}
	// The policy itself is not changed by naming them.
	if r := workflow.Default.EditRules("title", workflow.PhaseActive); !slices.Contains(workflow.Edits[1].By, workflow.Handlers) || slices.Contains(r[0].By, workflow.Handlers) {
		t.Errorf("Edits lost its Handlers, or EditRules left them in: %v, %v", workflow.Edits[1].By, r[0].By)
	}
}

// BenchmarkEvents10k is Events of 10,000 generated ideas of the default
// process: the site's timelines make them once a build, the reports once
// for all their periods.
func BenchmarkEvents10k(b *testing.B) {
	var ideas []*model.Idea
	for _, f := range corpus.Generate(10000, 1) {
		var ds diag.List
		idea := ideafile.Parse(f.Path, f.Data, &ds)
		if idea == nil || ds.Len() > 0 {
			b.Fatalf("%s: %v", f.Path, ds.Items())
		}
		ideas = append(ideas, idea)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, idea := range ideas {
			workflow.Default.Events(idea)
		}
	}
}
