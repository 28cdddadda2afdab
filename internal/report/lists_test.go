package report

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/model"
)

// TestPageLists checks that with Info.ListMax a report's page shows no
// list longer than that, links instead to a List that holds every entry
// of the list in order, its pages no longer than they should be, and its
// links to the ideas made for the folders the site writes them to.
func TestPageLists(t *testing.T) {
	ideas := parseCorpus(t, corpus.Generate(600, 3))
	c := &model.Config{Title: "Idébanken", FeedbackDays: 30}
	for _, id := range []string{"kultur-och-utbildning", "vard-och-omsorg", "samhallsbyggnad"} {
		c.Units = append(c.Units, model.Unit{ID: id, Name: id})
	}
	const max = 4
	// Pages of a few entries, so that the lists have many.
	defer func(i, r, s int) { idsPerPage, rowsPerPage, resultsPerPage = i, r, s }(idsPerPage, rowsPerPage, resultsPerPage)
	idsPerPage, rowsPerPage, resultsPerPage = 40, 3, 5
	href := regexp.MustCompile(`<a href="([^"]*)"`)
	td := regexp.MustCompile(`(?s)<td[ >].*?</td>`)
	for _, name := range []string{"2025", "2025-Q2"} {
		r := Make(c, ideas, Options{Period: period(t, name), OmitFacts: true})
		info := Info{Title: c.Title, Lang: model.Swedish, IdeaURL: "../../idea/", ListMax: max}
		_, full, none := PageHTML(r, Info{Title: c.Title, Lang: model.Swedish, IdeaURL: "../../idea/"})
		if len(none) > 0 {
			t.Errorf("%s: without ListMax, %d lists", name, len(none))
		}
		_, body, lists := PageHTML(r, info)
		if len(body)*4 > len(full) {
			t.Errorf("%s: the page is %d bytes with its lists apart, %d with them", name, len(body), len(full))
		}
		// What each list should hold, in order, by its name.
		want := map[string][]model.ID{"quick-wins": r.QuickWins.IDs}
		for _, g := range r.Inflow.ByKind {
			want["kind-"+g.Key] = g.Figure.IDs
		}
		for _, g := range r.Inflow.ByUnit {
			want["unit-"+g.Key] = g.Figure.IDs
		}
		for _, s := range r.Funnel {
			want["funnel-"+s.Step] = s.Figure.IDs
		}
		for _, it := range r.Backlog.Items {
			want["waiting-"+string(it.Stage)] = append(want["waiting-"+string(it.Stage)], it.ID)
			if it.Overdue {
				want["overdue"] = append(want["overdue"], it.ID)
			}
		}
		for key, rs := range map[string][]Result{"implemented": r.Implemented, "evaluated": r.Evaluated} {
			for _, res := range rs {
				want[key] = append(want[key], res.ID)
			}
		}
		if len(lists) < 10 {
			t.Fatalf("%s: only %d lists of their own", name, len(lists))
		}
		for _, l := range lists {
			if !strings.Contains(body, `<a href="`+l.Name+`/">`) {
				t.Errorf("%s: the page does not link to %s/", name, l.Name)
			}
			w, ok := want[l.Name]
			if !ok {
				t.Errorf("%s: a list %q", name, l.Name)
				continue
			}
			if l.Count != len(w) || l.Count <= max || l.Heading == "" {
				t.Errorf("%s: list %s of %d (heading %q), want %d", name, l.Name, l.Count, l.Heading, len(w))
			}
			per := idsPerPage
			switch {
			case l.Name == "overdue":
				per = rowsPerPage
			case l.Name == "implemented" || l.Name == "evaluated":
				per = resultsPerPage
			}
			var got []model.ID
			for n, p := range l.Pages {
				prefix := "../../../idea/"
				if n > 0 {
					prefix = "../../../../../idea/"
				}
				var here []model.ID
				for _, m := range href.FindAllStringSubmatch(p, -1) {
					id, ok := strings.CutPrefix(m[1], prefix)
					if !ok {
						t.Fatalf("%s: page %d of %s links to %s, want it under %s", name, n+1, l.Name, m[1], prefix)
					}
					here = append(here, model.ID(strings.TrimSuffix(id, "/")))
				}
				if len(here) > per || n < len(l.Pages)-1 && len(here) != per {
					t.Errorf("%s: page %d of %d of %s holds %d, want %d a page", name, n+1, len(l.Pages), l.Name, len(here), per)
				}
				got = append(got, here...)
			}
			if len(l.Pages) < 2 && l.Count > per {
				t.Errorf("%s: list %s of %d on one page", name, l.Name, l.Count)
			}
			if !slices.Equal(got, w) {
				t.Errorf("%s: list %s holds %v\nwant %v", name, l.Name, got, w)
			}
			delete(want, l.Name)
		}
		for key, w := range want {
			if len(w) > max {
				t.Errorf("%s: %d in %s, but no list of their own", name, len(w), key)
			}
		}
		// On the page itself, no run of more than max links to ideas.
		for _, cell := range td.FindAllString(body, -1) {
			if n := strings.Count(cell, `href="../../idea/`); n > max {
				t.Errorf("%s: a cell of the page with %d ideas: %.200s", name, n, cell)
			}
		}
		if n := strings.Count(body, "<h4>"); n > 2*max {
			t.Errorf("%s: %d results on the page", name, n)
		}
	}
}
