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

// TestBuildLetsGo: a build that keeps no views holds, once they are made,
// no parsed file's body, no search entries (search.json is written) and no
// timeline in a view (each page makes its own), while a build that keeps
// views for serve holds its files as they are.
func TestBuildLetsGo(t *testing.T) {
	res := corpusResult(t, 50)
	out := NewMemory()
	s, err := prepare(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if s.search != nil {
		t.Error("the search entries are kept")
	}
	if _, ok := out.File("search.json"); !ok {
		t.Error("search.json is not written")
	}
	for i, idea := range s.opts.Ideas {
		if idea == res.Ideas[i] || idea.Body != "" || (idea.Screening != nil && idea.Screening.Criteria != nil) {
			t.Fatalf("%s: the parsed file is kept", idea.ID)
		}
	}
	for _, v := range s.ideas {
		if v.Timeline != nil {
			t.Fatalf("%s: the view holds its timeline", v.ID)
		}
		if len(s.pageView(v).Timeline) == 0 {
			t.Fatalf("%s: the page has no timeline", v.ID)
		}
	}
	kept, err := prepare(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: NewMemory(), Views: NewViewCache()})
	if err != nil {
		t.Fatal(err)
	}
	if kept.search == nil || kept.opts.Ideas[0] != res.Ideas[0] {
		t.Error("a build for serve lets go of what the next one needs")
	}
}
