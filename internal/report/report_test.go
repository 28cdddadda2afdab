package report

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func period(t *testing.T, s string) Period {
	t.Helper()
	p, err := ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var cfg = &model.Config{FeedbackDays: 30, Units: []model.Unit{{ID: "skola", Name: "Skolan"}, {ID: "omsorg", Name: "Omsorgen"}}}

// idea makes an idea submitted on sub, screened (develop) on scr if scr is
// not "", and so on for a decision (approve) and completion.
func idea(id, unit, sub, scr, dec, done string) *model.Idea {
	i := &model.Idea{ID: model.ID(id), Title: "Idé " + id, Unit: unit, Kind: model.KindImprovement,
		Stage: model.StageSubmitted, Submitted: date(sub)}
	if scr != "" {
		i.Screening = &model.Screening{Date: date(scr), Outcome: model.ScreenDevelop}
		i.Stage = model.StageDeveloping
	}
	if dec != "" {
		i.Proposal = &model.Proposal{Date: date(dec)}
		i.Decision = &model.Decision{Date: date(dec), Outcome: model.DecideApprove}
		i.Stage = model.StageApproved
	}
	if done != "" {
		i.Implementation = &model.Implementation{Started: date(done), Completed: date(done)}
		i.Stage = model.StageImplemented
	}
	return i
}

func TestEmptyPeriod(t *testing.T) {
	ideas := []*model.Idea{idea("2026-001", "skola", "2026-03-10", "2026-03-20", "", "")}
	r := Make(cfg, ideas, Options{Period: period(t, "2024")})
	if r.Inflow.Total.Count != 0 || len(r.Facts) != 0 || len(r.Backlog.Items) != 0 || r.Response.FirstFeedback.Figure.Count != 0 {
		t.Errorf("an empty period has figures: %+v", r)
	}
	for _, s := range r.Funnel {
		if s.Figure.Count != 0 || s.Share != 0 {
			t.Errorf("funnel %s: %+v", s.Step, s)
		}
	}
	if c := r.Comparison[2]; c.Current != nil {
		t.Errorf("a median of no ideas is %v, want none", *c.Current)
	}
}

func TestOneIdea(t *testing.T) {
	ideas := []*model.Idea{idea("2026-001", "skola", "2026-03-10", "2026-03-20", "", "")}
	r := Make(cfg, ideas, Options{Period: period(t, "2026-03")})
	if r.Inflow.Total.Count != 1 || !slices.Equal(r.Inflow.Total.IDs, []model.ID{"2026-001"}) {
		t.Errorf("inflow %+v", r.Inflow.Total)
	}
	if g := r.Inflow.ByUnit[0]; g.Key != "skola" || g.Figure.Count != 1 {
		t.Errorf("by unit %+v", r.Inflow.ByUnit)
	}
	ff := r.Response.FirstFeedback
	if ff.Figure.Count != 1 || ff.Median != 10 || ff.P90 != 10 || r.Response.WithinShare != 1 {
		t.Errorf("first feedback %+v, within %v", ff, r.Response.WithinShare)
	}
	if s := r.Funnel[0]; s.Step != "submitted" || s.Figure.Count != 1 || s.Share != 1 {
		t.Errorf("funnel %+v", s)
	}
	// On 2026-03-31 the idea is being developed, since 2026-03-20.
	if len(r.Backlog.Items) != 1 || r.Backlog.Items[0].Stage != model.StageDeveloping || r.Backlog.Items[0].Age != 11 {
		t.Errorf("backlog %+v", r.Backlog.Items)
	}
}

func TestUnitFilter(t *testing.T) {
	ideas := []*model.Idea{
		idea("2026-001", "skola", "2026-03-10", "", "", ""),
		idea("2026-002", "omsorg", "2026-03-11", "", "", ""),
		idea("2026-003", "omsorg", "2026-03-12", "", "", ""),
	}
	r := Make(cfg, ideas, Options{Period: period(t, "2026"), Unit: "omsorg"})
	if r.Inflow.Total.Count != 2 || !slices.Equal(r.Units, []string{"omsorg"}) {
		t.Errorf("unit filter: %d ideas, units %v", r.Inflow.Total.Count, r.Units)
	}
	for _, f := range r.Facts {
		if f.ID == "2026-001" {
			t.Errorf("a fact of another unit's idea: %+v", f)
		}
	}
}

// TestCrossingTheBoundary follows an idea submitted at the end of Q1 and
// screened in Q2: each quarter counts what happened in it.
func TestCrossingTheBoundary(t *testing.T) {
	ideas := []*model.Idea{idea("2026-001", "skola", "2026-03-30", "2026-04-10", "", "")}
	q1 := Make(cfg, ideas, Options{Period: period(t, "2026-Q1")})
	q2 := Make(cfg, ideas, Options{Period: period(t, "2026-Q2")})
	if q1.Inflow.Total.Count != 1 || q2.Inflow.Total.Count != 0 {
		t.Errorf("inflow Q1 %d, Q2 %d; want 1, 0", q1.Inflow.Total.Count, q2.Inflow.Total.Count)
	}
	if q1.Response.FirstFeedback.Figure.Count != 0 || q2.Response.FirstFeedback.Median != 11 {
		t.Errorf("first feedback Q1 %+v, Q2 %+v", q1.Response.FirstFeedback, q2.Response.FirstFeedback)
	}
	if b := q1.Backlog.Items; len(b) != 1 || b[0].Stage != model.StageSubmitted || b[0].Age != 1 || b[0].Overdue {
		t.Errorf("Q1 backlog %+v", b)
	}
	// The funnel follows Q1's ideas to date: this one has been screened.
	if q1.Funnel[0].Figure.Count != 1 {
		t.Errorf("Q1 funnel %+v", q1.Funnel[0])
	}
	if q2.Comparison[0].Previous == nil || *q2.Comparison[0].Previous != 1 {
		t.Errorf("Q2 compared with Q1: %+v", q2.Comparison[0])
	}
}

func TestLeadTimesAndOverdue(t *testing.T) {
	ideas := []*model.Idea{
		idea("2026-001", "skola", "2026-01-01", "2026-01-04", "", ""), // 3 days
		idea("2026-002", "skola", "2026-01-01", "2026-01-11", "", ""), // 10
		idea("2026-003", "skola", "2026-01-01", "2026-02-10", "", ""), // 40: late
		idea("2026-004", "skola", "2026-01-01", "2026-01-06", "", ""), // 5
		idea("2026-005", "omsorg", "2026-01-01", "", "", ""),          // never screened
		idea("2026-006", "omsorg", "2026-01-01", "2026-01-02", "2026-02-01", "2026-03-01"),
	}
	r := Make(cfg, ideas, Options{Period: period(t, "2026-Q1")})
	ff := r.Response.FirstFeedback
	// 1, 3, 5, 10, 40: median 5; nearest rank ceil(0.9*5) = 5th: 40.
	if ff.Figure.Count != 5 || ff.Median != 5 || ff.P90 != 40 {
		t.Errorf("first feedback %+v", ff)
	}
	if r.Response.WithinLimit.Count != 4 || r.Response.WithinShare != 0.8 {
		t.Errorf("within %+v %v", r.Response.WithinLimit, r.Response.WithinShare)
	}
	if d := r.Response.ToDecision; d.Figure.Count != 1 || d.Median != 31 {
		t.Errorf("to decision %+v", d)
	}
	if d := r.Response.ToImplementation; d.Figure.Count != 1 || d.Median != 59 {
		t.Errorf("to implementation %+v", d)
	}
	if !slices.Equal(r.Backlog.Overdue.IDs, []model.ID{"2026-005"}) {
		t.Errorf("overdue %+v", r.Backlog.Overdue)
	}
	// An even number of values: the median is the mean of the middle two.
	var l Lead
	for _, d := range []int{3, 10, 40, 5} {
		l.add("x", d, true)
	}
	l.finish()
	if l.Median != 7.5 || l.P90 != 40 {
		t.Errorf("median of 3, 5, 10, 40 = %v, p90 %v", l.Median, l.P90)
	}
	// The days stay in the order of the ids they are of.
	if !slices.Equal(l.Days, []int{3, 10, 40, 5}) {
		t.Errorf("days after finish: %v", l.Days)
	}
}

func TestPeriods(t *testing.T) {
	for _, tt := range []struct{ in, from, to, prev, prevFrom, prevTo string }{
		{"2026", "2026-01-01", "2026-12-31", "2025", "2025-01-01", "2025-12-31"},
		{"2026-Q2", "2026-04-01", "2026-06-30", "2026-Q1", "2026-01-01", "2026-03-31"},
		{"2026-q1", "2026-01-01", "2026-03-31", "2025-Q4", "2025-10-01", "2025-12-31"},
		{"2026-01", "2026-01-01", "2026-01-31", "2025-12", "2025-12-01", "2025-12-31"},
		{"2024-03", "2024-03-01", "2024-03-31", "2024-02", "2024-02-01", "2024-02-29"},
		{"2026-01-01..2026-06-30", "2026-01-01", "2026-06-30", "2025-07-04..2025-12-31", "2025-07-04", "2025-12-31"}, // 181 days each,
	} {
		p := period(t, tt.in)
		q := p.Previous()
		if p.From.String() != tt.from || p.To.String() != tt.to || q.Name != tt.prev || q.From.String() != tt.prevFrom || q.To.String() != tt.prevTo {
			t.Errorf("%s: %s..%s, previous %s %s..%s", tt.in, p.From, p.To, q.Name, q.From, q.To)
		}
	}
	for _, bad := range []string{"", "26", "2026-13", "2026-Q5", "2026-02-30..2026-03-01", "2026-03-01..2026-02-01", "förra året"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted it", bad)
		}
	}
}

// TestGolden writes the report of a generated idea bank in each format
// and compares it with testdata; go test -update rewrites the files.
func TestGolden(t *testing.T) {
	c := &model.Config{Title: "Idébanken", Organisation: "Benchkommunen", FeedbackDays: 30, Language: model.Swedish}
	for _, id := range []string{"kultur-och-utbildning", "vard-och-omsorg", "samhallsbyggnad"} {
		c.Units = append(c.Units, model.Unit{ID: id, Name: id})
	}
	ideas := parseCorpus(t, corpus.Generate(60, 7))
	r := Make(c, ideas, Options{Period: period(t, "2025")})
	info := Info{Title: c.Title, Organisation: c.Organisation, Lang: model.Swedish}
	for _, g := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"testdata/report-2025.md", func(b *bytes.Buffer) error { return WriteMarkdown(b, r, info) }},
		{"testdata/report-2025.csv", func(b *bytes.Buffer) error { return WriteCSV(b, r, info) }},
	} {
		var got bytes.Buffer
		if err := g.write(&got); err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(g.file, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(g.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s differs; run go test -update and read the diff", g.file)
		}
	}
}

func TestCSVForSpreadsheets(t *testing.T) {
	ideas := []*model.Idea{idea("2026-001", "skola", "2026-03-10", "", "", "")}
	ideas[0].Title = "=HYPERLINK(\"http://evil.example\";\"klicka\")"
	r := Make(cfg, ideas, Options{Period: period(t, "2026")})
	var b bytes.Buffer
	if err := WriteCSV(&b, r, Info{Lang: model.Swedish}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if !strings.HasPrefix(s, "\uFEFFperiod;section;") || !strings.Contains(s, "\r\n") {
		t.Errorf("not a Swedish spreadsheet's CSV: %q", s[:40])
	}
	if strings.Contains(s, ";=HYPERLINK") || !strings.Contains(s, "'=HYPERLINK") {
		t.Errorf("a formula in a title would run: %q", s)
	}
	b.Reset()
	_ = WriteCSV(&b, r, Info{Lang: model.English})
	if !strings.HasPrefix(b.String(), "\uFEFFperiod,section,") {
		t.Errorf("English CSV is not comma-separated: %q", b.String()[:30])
	}
}

// TestDaysBetween checks the quick count of days against the time
// package's, over leap years, month ends and days past a month's end.
func TestDaysBetween(t *testing.T) {
	var dates []model.Date
	for _, y := range []int{1, 2, 99, 100, 400, 1600, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9999} {
		for m := time.January; m <= time.December; m++ {
			for _, d := range []int{1, 2, 15, 28, 29, 30, 31, 32, 0, -3} {
				dates = append(dates, model.Date{Year: y, Month: m, Day: d})
			}
		}
	}
	dates = append(dates, model.Date{}, model.Date{Year: 2026, Month: 13, Day: 1}, model.Date{Year: 10000, Month: 1, Day: 1})
	for _, a := range dates {
		for i := 0; i < len(dates); i += 7 {
			b := dates[i]
			if got, want := daysBetween(a, b), a.DaysUntil(b); got != want {
				t.Fatalf("daysBetween(%+v, %+v) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// TestMakeAllIsMake checks that the reports MakeAll makes in one pass are
// the ones Make makes one at a time, facts and all.
func TestMakeAllIsMake(t *testing.T) {
	ideas := parseCorpus(t, corpus.Generate(500, 3))
	c := &model.Config{FeedbackDays: 30}
	for _, id := range []string{"kultur-och-utbildning", "vard-och-omsorg", "samhallsbyggnad"} {
		c.Units = append(c.Units, model.Unit{ID: id, Name: id})
	}
	var opts []Options
	for _, name := range []string{"2024", "2025", "2025-Q1", "2025-Q4", "2026-02", "2019", "2025-03-03..2025-09-03"} {
		for _, unit := range []string{"", "samhallsbyggnad"} {
			opts = append(opts, Options{Period: period(t, name), Unit: unit}, Options{Period: period(t, name), Unit: unit, OmitFacts: true})
		}
	}
	all := MakeAll(c, ideas, opts)
	for i, o := range opts {
		if want := Make(c, ideas, o); !reflect.DeepEqual(all[i], want) {
			t.Errorf("%+v: MakeAll's report differs from Make's", o)
		}
		if len(all[i].Facts) > 0 == (o.OmitFacts || all[i].Inflow.Total.Count+len(all[i].Backlog.Items) == 0) {
			t.Errorf("%+v: %d facts", o, len(all[i].Facts))
		}
	}
}

// TestSupport counts the ideas screened as another's duplicate in the
// period as support for the original, the most supported first, in every
// format.
func TestSupport(t *testing.T) {
	dup := func(id, of, scr string) *model.Idea {
		i := idea(id, "omsorg", "2026-02-01", scr, "", "")
		i.Screening.Outcome, i.Screening.DuplicateOf, i.Stage = model.ScreenReject, model.ID(of), model.StageRejected
		return i
	}
	ideas := []*model.Idea{
		idea("2025-003", "skola", "2025-05-01", "", "", ""),
		idea("2025-004", "skola", "2025-05-02", "", "", ""),
		dup("2026-001", "2025-004", "2026-02-10"),
		dup("2026-002", "2025-003", "2026-02-11"),
		dup("2026-003", "2025-003", "2026-03-01"),
		dup("2026-004", "2025-003", "2025-12-01"), // screened in the period before
	}
	r := Make(cfg, ideas, Options{Period: period(t, "2026")})
	want := []Support{{"2025-003", "Idé 2025-003", []model.ID{"2026-002", "2026-003"}}, {"2025-004", "Idé 2025-004", []model.ID{"2026-001"}}}
	if !reflect.DeepEqual(r.Support, want) {
		t.Fatalf("Support = %v, want %v", r.Support, want)
	}
	var md, html bytes.Buffer
	if err := WriteMarkdown(&md, r, Info{Lang: model.Swedish}); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&html, r, Info{Lang: model.Swedish}); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"md": md.String(), "html": html.String()} {
		if !strings.Contains(out, "2 till föreslog samma sak (2026-002, 2026-003)") {
			t.Errorf("%s: the support of 2025-003 is not counted:\n%s", name, out)
		}
	}
	facts := 0
	for _, f := range r.Facts {
		if f.Measure == "support" {
			facts++
		}
	}
	if facts != 3 {
		t.Errorf("%d support facts, want 3", facts)
	}
}

// TestUnlistedFigureIsNone: a figure that MakeAll made room for but that
// lists no idea, a completion of an idea without a submission date, is
// one of none as before, null in the JSON and not [].
func TestUnlistedFigureIsNone(t *testing.T) {
	i := idea("2026-001", "skola", "2025-01-10", "", "", "2026-02-01")
	i.Submitted = model.Date{}
	r := Make(cfg, []*model.Idea{i}, Options{Period: period(t, "2026")})
	if l := r.Response.ToImplementation; l.Figure.IDs != nil || l.Days != nil || l.Figure.Count != 0 {
		t.Errorf("to implementation: %#v", l)
	}
	if len(r.Implemented) != 1 {
		t.Errorf("implemented: %+v", r.Implemented)
	}
}
