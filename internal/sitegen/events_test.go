package sitegen

import (
	"encoding/json"
	"testing"

	"github.com/idebanken/idebanken/internal/report"
	theme "github.com/idebanken/idebanken/site"
)

// TestReportsFromTheViewsEvents: the reports the site makes from the
// events its views were made with, and from what it keeps of the parsed
// files once it has let go of the rest (letGo), are the reports made from
// the ideas alone, for the shipped bank and the example bank's own
// process.
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
		if len(s.opts.Ideas) != len(res.Ideas) || s.opts.Ideas[0] == res.Ideas[0] || s.opts.Ideas[0].Body != "" {
			t.Fatalf("%s: the build holds on to the parsed files", name)
		}
		got := report.MakeAllFrom(res.Config, s.opts.Ideas, opts, s.eventsOf)
		want := report.MakeAll(res.Config, res.Ideas, opts)
		// The reports hold the ideas they cover, for their titles: they
		// are compared as they are written.
		info := report.Info{Title: res.Config.Title, Lang: res.Config.Language, Process: res.Config.Process, IdeaURL: "../../idea/"}
		for i := range want {
			g, _ := json.Marshal(got[i])
			w, _ := json.Marshal(want[i])
			gh, gb, _ := report.PageHTML(got[i], info)
			wh, wb, _ := report.PageHTML(want[i], info)
			if string(g) != string(w) || gh != wh || gb != wb {
				t.Errorf("%s, %s: the reports from the views' events differ from those of the ideas", name, want[i].Period.Name)
			}
		}
	}
}
