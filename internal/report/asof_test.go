package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/model"
)

// TestRunningPeriodIsAsOfToday makes the report of a year that has not
// ended: it is made as of today, says so, counts what waits today, not at
// the end of the year, and shows no months to come.
func TestRunningPeriodIsAsOfToday(t *testing.T) {
	c := &model.Config{Title: "Idébanken", FeedbackDays: 30, Units: []model.Unit{{ID: "ua", Name: "A"}}}
	// Submitted in November, its feedback due in December: overdue at the
	// year's end, not today.
	open := idea("2026-001", "ua", "2026-11-20", "", "", "")
	today := date("2026-12-01")
	r := Make(c, []*model.Idea{open}, Options{Period: period(t, "2026"), Today: today})
	if r.AsOf != today || r.End() != today {
		t.Fatalf("as of %v, end %v; want %v", r.AsOf, r.End(), today)
	}
	if len(r.Backlog.Items) != 1 || r.Backlog.Overdue.Count != 0 || r.Backlog.Items[0].Age != 11 {
		t.Errorf("backlog today: %+v, overdue %d", r.Backlog.Items, r.Backlog.Overdue.Count)
	}
	if n := len(r.Inflow.Monthly); n != 12 {
		t.Errorf("%d months of inflow, want 12 (December has begun)", n)
	}
	early := Make(c, []*model.Idea{open}, Options{Period: period(t, "2026"), Today: date("2026-11-21")})
	if n := len(early.Inflow.Monthly); n != 11 {
		t.Errorf("on 2026-11-21: %d months of inflow, want 11", n)
	}
	info := Info{Title: c.Title, Units: map[string]string{}, Lang: model.Swedish}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, r, info); err != nil {
		t.Fatal(err)
	}
	text := md.String()
	if !strings.Contains(text, "Perioden pågår: rapporten visar läget den 2026-12-01.") {
		t.Errorf("the report does not say it is as of today:\n%s", text)
	}
	if strings.Contains(text, "2026-12-31 var") || strings.Contains(text, "Det som väntar vid periodens slut") {
		t.Errorf("the report states the end of the year as fact:\n%s", text)
	}
	if !strings.Contains(text, "Den 2026-12-01 var 1 idéer öppna, varav 0 försenade") {
		t.Errorf("the backlog is not as of today:\n%s", text)
	}
	ended := Make(c, []*model.Idea{open}, Options{Period: period(t, "2026"), Today: date("2027-01-10")})
	if !ended.AsOf.IsZero() || ended.Backlog.Overdue.Count != 1 {
		t.Errorf("an ended year: as of %v, overdue %d", ended.AsOf, ended.Backlog.Overdue.Count)
	}
}

// TestWriteHTMLIsThePage checks that idebank report --format html writes
// the HTML of the site's report page, charts included.
func TestWriteHTMLIsThePage(t *testing.T) {
	c := &model.Config{Title: "Idébanken", FeedbackDays: 30, Units: []model.Unit{{ID: "ua", Name: "A"}}}
	ideas := []*model.Idea{idea("2026-001", "ua", "2026-01-05", "2026-01-20", "", ""), idea("2026-002", "ua", "2026-02-05", "", "", "")}
	r := Make(c, ideas, Options{Period: period(t, "2026"), Today: date("2026-11-21")})
	info := Info{Title: c.Title, Units: map[string]string{"ua": "A"}, Lang: model.Swedish, IdeaURL: "https://example.org/idebanken/idea/"}
	var out bytes.Buffer
	if err := WriteHTML(&out, r, info); err != nil {
		t.Fatal(err)
	}
	head, body, _ := PageHTML(r, info)
	charts := ChartsHTML(r, info)
	page := out.String()
	for name, part := range map[string]string{"head": head, "charts": charts, "body": body} {
		if !strings.Contains(page, part) {
			t.Errorf("the page lacks the site's %s", name)
		}
	}
	if n := strings.Count(page, "<svg"); n != 3 || strings.Count(page, "<figcaption>") != 3 {
		t.Errorf("%d charts, want 3 in figures", n)
	}
	if !strings.Contains(page, `<a href="https://example.org/idebanken/idea/2026-001/" title="`) {
		t.Error("an idea's id is not linked to its page")
	}
}

// TestCSVHasLabels checks that each row of the CSV has the codes and the
// labels in the report's language.
func TestCSVHasLabels(t *testing.T) {
	c := &model.Config{Title: "Idébanken", FeedbackDays: 30, Units: []model.Unit{{ID: "ua", Name: "Förvaltning A"}}}
	r := Make(c, []*model.Idea{idea("2026-001", "ua", "2026-01-05", "2026-01-20", "", "")}, Options{Period: period(t, "2026")})
	var out bytes.Buffer
	if err := WriteCSV(&out, r, Info{Title: c.Title, Units: map[string]string{"ua": "Förvaltning A"}, Lang: model.Swedish}); err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(out.String(), "\uFEFF")))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "period,section,section_label,measure,measure_label,group,group_label,idea,title,value" {
		t.Fatalf("header %s", got)
	}
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		if row[2] == "" || row[4] == "" || strings.HasPrefix(row[2], "report.") || strings.HasPrefix(row[4], "report.") {
			t.Errorf("a row without its labels: %q", row)
		}
		seen[row[3]+"="+row[6]] = true
	}
	if !seen["by-unit=Förvaltning A"] || !seen["by-kind=Förbättringsförslag"] {
		t.Errorf("groups not named: %v", seen)
	}
}
