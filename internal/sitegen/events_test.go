package sitegen

import (
	"reflect"
	"testing"

	"github.com/idebanken/idebanken/internal/report"
	theme "github.com/idebanken/idebanken/site"
)

// TestReportsFromTheViewsEvents: the reports the site makes from the
// events its views were made with are the reports made from the ideas
// alone, for the shipped bank and the example bank's own process.
func TestReportsFromTheViewsEvents(t *testing.T) {
	for name, res := range banks(t) {
		s, err := prepare(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: NewMemory()})
		if err != nil {
			t.Fatal(err)
		}
		var opts []report.Options
		for _, p := range []string{"2025", "2026", "2026-Q1", "2026-Q4"} {
			period, err := report.ParsePeriod(p)
			if err != nil {
				t.Fatal(err)
			}
			opts = append(opts, report.Options{Period: period, OmitFacts: true})
		}
		got := report.MakeAllFrom(res.Config, res.Ideas, opts, s.eventsOf)
		want := report.MakeAll(res.Config, res.Ideas, opts)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the reports from the views' events differ from those of the ideas", name)
		}
	}
}
