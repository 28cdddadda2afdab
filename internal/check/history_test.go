package check

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/yamlx"
)

func TestHistory(t *testing.T) {
	idea := &model.Idea{ID: "2026-001", Path: "ideas/2026/2026-001-x.md", Stage: model.StageDeveloping,
		Submitted: model.Date{Year: 2026, Month: 3, Day: 1},
		Screening: &model.Screening{Date: model.Date{Year: 2026, Month: 3, Day: 20}, Outcome: model.ScreenDevelop}}
	keys := yamlx.Fields{"stage": {Pos: diag.Pos{Line: 5, Col: 1}}, "screening.date": {Pos: diag.Pos{Line: 10, Col: 3}}}
	at := func(day int) time.Time { return time.Date(2026, 3, day, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		steps []history.Step
		want  string // rule@line, comma-separated
	}{
		{"agrees", []history.Step{{To: "submitted", When: at(1)}, {From: "submitted", To: "developing", When: at(21)}}, ""},
		{"dated after its merge", []history.Step{{To: "submitted", When: at(1)}, {From: "submitted", To: "developing", When: at(15)}}, "history-date@10"},
		{"past the check", []history.Step{{To: "submitted", When: at(1)}, {From: "submitted", To: "approved", When: at(2)}, {From: "approved", To: "developing", When: at(25)}},
			"history-step@5,history-step@5"}, // neither change is a step
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range tt.steps {
				tt.steps[i].ID, tt.steps[i].Commit = "2026-001", "0123456789abcdef"
			}
			ds := History(&Result{Ideas: []*model.Idea{idea}, Keys: []yamlx.Fields{keys}}, &history.History{Steps: map[model.ID][]history.Step{"2026-001": tt.steps}})
			var got []string
			for _, d := range ds {
				if d.Severity != diag.Warning {
					t.Errorf("%s is an error; history only warns", d.Text(model.English))
				}
				got = append(got, fmt.Sprintf("%s@%d", d.Rule, d.Pos.Line))
			}
			if strings.Join(got, ",") != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}
