package edit

import (
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/banktest"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// TestSkeletonOwnProcess: advance writes the example bank's own section
// and criteria as its process describes them.
func TestSkeletonOwnProcess(t *testing.T) {
	cfg := banktest.Example(t)
	flow := workflow.Of(cfg)
	opts := Options{Today: model.Date{Year: 2026, Month: 11, Day: 30}, By: func(workflow.Requirement) string { return "jonasberg" }, Process: cfg.Process}
	for _, c := range []struct {
		from, to model.Stage
		want     []string
	}{
		{"workshop", "developing", []string{"workshop:", "date: 2026-11-30", "by: jonasberg", `summary: ""`}},
		{"submitted", "workshop", []string{"tenant-benefit:", "sustainability:", "feasible:", "effect:", "effort:", "gain:", "outcome: workshop"}},
	} {
		tr, ok := flow.Lookup(c.from, c.to)
		if !ok {
			t.Fatalf("%s → %s is not a step", c.from, c.to)
		}
		src := []byte("---\nid: 2026-002\nstage: " + string(c.from) + "\n---\nText.\n")
		res, err := Advance(src, tr, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(string(res.Data), w) {
				t.Errorf("%s → %s: the file lacks %q:\n%s", c.from, c.to, w, res.Data)
			}
		}
		if strings.Contains(string(res.Data), "mission") {
			t.Errorf("%s → %s: v1's criteria in a bank with its own:\n%s", c.from, c.to, res.Data)
		}
	}
}

// TestSkeletonOwnParts: what a step of the bank's own needs beyond a
// section's required fields (a field, a group) is in the skeleton too,
// as the section describes it.
func TestSkeletonOwnParts(t *testing.T) {
	yaml := banktest.ExampleYAML(t)
	for _, r := range [][2]string{
		{"fields: {date: date, by: login, participants: text, insight: text, summary: text, material: url}",
			"fields: {date: date, by: login, participants: text, insight: text, summary: text, material: url, visit.date: date, visit.by: login, visit.place: text}"},
		{"required: [date, by, summary]\n    followup:", "required: [date, by, summary, visit.date, visit.place]\n    followup:"},
		{"        - {section: workshop}\n", "        - {section: workshop}\n        - {section: workshop.visit}\n"},
		{"        - {section: followup}\n", "        - {section: followup}\n        - {section: followup.tenants_asked}\n"},
	} {
		if !strings.Contains(yaml, r[0]) {
			t.Fatalf("the example no longer has %q", r[0])
		}
		yaml = strings.Replace(yaml, r[0], r[1], 1)
	}
	cfg := banktest.Config(t, yaml)
	flow := workflow.Of(cfg)
	opts := Options{Today: model.Date{Year: 2026, Month: 11, Day: 30}, By: func(workflow.Requirement) string { return "jonasberg" }, Process: cfg.Process}
	for _, c := range []struct {
		from, to model.Stage
		want     string
	}{
		{"workshop", "developing", "workshop:\n  date: 2026-11-30\n  by: jonasberg\n  summary: \"\"\n  visit:\n    date: 2026-11-30\n    place: \"\"\n"},
		{"implementing", "followed-up", "followup:\n  date: 2026-11-30\n  by: jonasberg\n  result: \"\"\n  tenants_asked:\n"},
	} {
		tr, ok := flow.Lookup(c.from, c.to)
		if !ok {
			t.Fatalf("%s → %s is not a step", c.from, c.to)
		}
		res, err := Advance([]byte("---\nid: 2026-002\nstage: "+string(c.from)+"\n---\nText.\n"), tr, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(res.Data), c.want) {
			t.Errorf("%s → %s: the file lacks\n%s\nit is:\n%s", c.from, c.to, c.want, res.Data)
		}
	}
}

// TestRevisitOwnWait: a revisit date goes with a step away from a wait
// and stays with a step that keeps the idea waiting, whatever the bank
// calls the outcome that pauses it.
func TestRevisitOwnWait(t *testing.T) {
	example := banktest.ExampleYAML(t)
	yaml := strings.Replace(example, "{section: screening, outcome: pause}", "{section: screening, outcome: wait}", 1)
	if yaml == example {
		t.Fatal("the example no longer pauses with {section: screening, outcome: pause}")
	}
	cfg := banktest.Config(t, yaml)
	src := "---\nid: 2026-008\nstage: paused\nscreening:\n  date: 2026-06-10\n  by: saraholm\n  outcome: wait\n  feedback: Vi tar upp den i mars.\n  revisit: 2027-03-01\n---\nText.\n"
	flow := workflow.Of(cfg)
	opts := Options{Today: model.Date{Year: 2026, Month: 11, Day: 30}, By: func(workflow.Requirement) string { return "saraholm" }, Process: cfg.Process}
	for _, c := range []struct {
		to   model.Stage
		kept bool
	}{
		{"paused", true},
		{"developing", false},
		{"workshop", false},
	} {
		tr, ok := flow.Lookup("paused", c.to)
		if !ok {
			t.Fatalf("paused → %s is not a step", c.to)
		}
		res, err := Advance([]byte(src), tr, opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(res.Data), "revisit: 2027-03-01"); got != c.kept {
			t.Errorf("paused → %s: revisit kept %v, want %v:\n%s", c.to, got, c.kept, res.Data)
		}
		removed := false
		for _, ch := range res.Changes {
			removed = removed || ch.Path == "screening.revisit" && ch.Kind == Removed
		}
		if removed == c.kept {
			t.Errorf("paused → %s: the changes %v say revisit removed %v", c.to, res.Changes, removed)
		}
	}
}
