package edit

import (
	"os"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/config"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// TestSkeletonOwnProcess: advance writes the example bank's own section
// and criteria as its process describes them.
func TestSkeletonOwnProcess(t *testing.T) {
	data, err := os.ReadFile("../../examples/bostadsbolaget/idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	cfg := config.Parse(data, &diags)
	if cfg == nil || diags.Len() > 0 {
		t.Fatalf("the example configuration: %v", diags.Items())
	}
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
