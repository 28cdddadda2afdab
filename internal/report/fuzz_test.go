package report

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
)

// FuzzReport computes and writes a report over an idea of any content and
// a period of any text: it never panics, and every figure's count is the
// number of ideas it lists.
func FuzzReport(f *testing.F) {
	for _, file := range corpus.Generate(20, 3) {
		f.Add(file.Data, "2025")
	}
	f.Add([]byte("---\nid: 2026-001\nsubmitted: 2026-02-29\n---\n"), "2026-Q1")
	f.Add([]byte("---\nid: 2026-001\nsubmitted: 2026-01-01\nscreening: {date: 2025-01-01}\n---\n"), "2026-01-01..2026-01-01")
	c := &model.Config{Title: "T", FeedbackDays: 30, Units: []model.Unit{{ID: "skola", Name: "S"}}}
	f.Fuzz(func(t *testing.T, data []byte, period string) {
		p, err := ParsePeriod(period)
		if err != nil {
			return
		}
		var ds diag.List
		idea := ideafile.Parse("ideas/2026/2026-001-x.md", data, &ds)
		if idea == nil {
			return
		}
		r := Make(c, []*model.Idea{idea}, Options{Period: p})
		if all := MakeAll(c, []*model.Idea{idea}, []Options{{Period: p.Previous()}, {Period: p}}); !reflect.DeepEqual(all[1], r) {
			t.Fatal("MakeAll's report differs from Make's")
		}
		for _, fig := range []Figure{r.Inflow.Total, r.QuickWins, r.Backlog.Overdue, r.Response.WithinLimit} {
			if fig.Count != len(fig.IDs) {
				t.Fatalf("a count of %d with %d ideas", fig.Count, len(fig.IDs))
			}
		}
		var b bytes.Buffer
		info := Info{Title: "T", Lang: model.Swedish}
		for _, w := range []func(*bytes.Buffer) error{
			func(b *bytes.Buffer) error { return WriteMarkdown(b, r, info) },
			func(b *bytes.Buffer) error { return WriteCSV(b, r, info) },
			func(b *bytes.Buffer) error { return WriteJSON(b, r, info) },
			func(b *bytes.Buffer) error { return WriteHTML(b, r, info) },
		} {
			b.Reset()
			if err := w(&b); err != nil {
				t.Fatal(err)
			}
		}
	})
}
