package sitegen

import (
	"fmt"
	"html/template"
	"path"
	"runtime"
	"strconv"
	"time"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/report"
	"github.com/idebanken/idebanken/internal/workflow"
)

// ReportPage is the data of a report page: charts drawn at build time, then
// the report itself, whose tables are the charts' figures as text.
//
// A list too long for the report's page (see ReportListMax) is on pages
// of its own, in a folder beside it, with the same layout: List is then
// the list's heading, Body a page of it, Pager its pages, and Others nil.
type ReportPage struct {
	Name   string
	Title  string
	Head   template.HTML // the introduction and the summary
	Charts template.HTML // the charts, each a figure with its caption
	Body   template.HTML // the rest of the report
	Others []ReportLink
	List   string      // on a page of a list: its heading
	Report *ReportLink // on a page of a list: the report it is of
	Pager  *Pager      // on a page of a list of many pages
}

// ReportListMax is the longest list of ideas a report's page shows: a
// longer one is on pages of its own that the page links to. The report of
// a year of 100,000 ideas listed every idea it counted on the page, some
// several times, 11 MB; on a phone a list of more than a few dozen ids is
// read on a page of its own anyway.
const ReportListMax = 25

// ReportLink links to the report of a period.
type ReportLink struct {
	Name, Path string
	Current    bool
}

// ReportIndex is the data of the page that lists the reports.
type ReportIndex struct {
	Years []ReportYear
}

// ReportYear is a year's report and its quarters'.
type ReportYear struct {
	Year     ReportLink
	Quarters []ReportLink
}

// reportPeriods returns the years from the first submission to the latest
// date in any file, and their quarters up to that date.
func (s *site) reportPeriods() []ReportYear {
	var first, last model.Date
	for _, idea := range s.opts.Ideas {
		if idea.Submitted.IsZero() {
			continue
		}
		if first.IsZero() || idea.Submitted.Before(first) {
			first = idea.Submitted
		}
		if v := s.byID[string(idea.ID)]; v != nil && v.Changed.After(last) {
			last = v.Changed
		}
	}
	if first.IsZero() {
		return nil
	}
	var years []ReportYear
	for y := last.Year; y >= first.Year; y-- {
		ry := ReportYear{Year: ReportLink{Name: strconv.Itoa(y), Path: fmt.Sprintf("reports/%d/", y)}}
		for q := 1; q <= 4; q++ {
			start := model.Date{Year: y, Month: time.Month(3*q - 2), Day: 1}
			if start.After(last) {
				break
			}
			ry.Quarters = append(ry.Quarters, ReportLink{Name: fmt.Sprintf("%d-Q%d", y, q), Path: fmt.Sprintf("reports/%d-q%d/", y, q)})
		}
		years = append(years, ry)
	}
	return years
}

// reportJobs plans the page that lists the reports, and returns the jobs
// that make the reports and their pages, handing each page to emit. Each
// job makes a share of the reports in one pass over the ideas
// (report.MakeAll), every other report, so that each has years and
// quarters. As jobs they run beside the other pages, where making them all
// before the pages kept a core idle.
func (s *site) reportJobs(emit func(*page) error) []func() error {
	years := s.reportPeriods()
	// The site writes no CSV or JSON of the reports: no facts.
	var all []ReportLink
	var opts []report.Options
	for _, y := range years {
		for _, l := range append([]ReportLink{y.Year}, y.Quarters...) {
			if p, err := report.ParsePeriod(l.Name); err == nil { // the names above always parse
				all = append(all, l)
				opts = append(opts, report.Options{Period: p, OmitFacts: true, Today: s.opts.Today})
			}
		}
	}
	// A report's page is two folders down: reports/2026/.
	info := report.Info{Title: s.cfg.Title, Organisation: s.cfg.Organisation, Units: map[string]string{}, Lang: s.lang, IdeaURL: "../../idea/", Process: s.cfg.Process,
		ListMax: ReportListMax}
	for _, u := range s.cfg.Units {
		info.Units[u.ID] = u.Name
	}
	s.pages = append(s.pages, page{Path: "reports/index.html", Layout: "reports", Section: "reports",
		Title: s.t("site.reports"), Data: ReportIndex{Years: years}})
	// A year ends on the day its last quarter does (or both today), and
	// what waits is that day's: the year's page links to the quarter's
	// lists of it.
	sameEnd := map[string]string{}
	for _, y := range years {
		if len(y.Quarters) == 4 {
			sameEnd[y.Year.Name] = "../" + path.Base(y.Quarters[3].Path) + "/"
		}
	}
	shares := min(runtime.GOMAXPROCS(0), len(all))
	jobs := make([]func() error, shares)
	for share := range jobs {
		jobs[share] = func() error {
			var mine []int
			var o []report.Options
			for i := share; i < len(all); i += shares {
				mine = append(mine, i)
				o = append(o, opts[i])
			}
			// A few reports a pass over the ideas, each let go once it is
			// written: a report's figures hold every id they count, 0.7 MB
			// a report at 10,000 ideas (12 reports 8.4 MB, 3 2.2 MB), by
			// which all 35 of 100,000 ideas at once would be some 250 MB
			// (not measured there). A pass costs little beside a report.
			var rs []*report.Report
			for k := range mine {
				if k%reportBatch == 0 {
					rs = report.MakeAllFrom(s.cfg, s.opts.Ideas, o[k:min(k+reportBatch, len(o))], s.eventsOf)
				}
				r := rs[k%reportBatch]
				rs[k%reportBatch] = nil // made into pages: let it go
				i := mine[k]
				info := info
				info.BacklogLists = sameEnd[all[i].Name]
				data, lists := s.reportPage(r, info, years)
				title := i18n.Render(s.lang, i18n.M("report.title", s.cfg.Title, all[i].Name))
				p := page{Path: all[i].Path + "index.html", Layout: "report", Section: "reports", Title: title, Data: data}
				if err := emit(&p); err != nil {
					return err
				}
				for _, l := range lists {
					if err := s.reportList(emit, all[i], title, l); err != nil {
						return err
					}
				}
			}
			return nil
		}
	}
	return jobs
}

// reportBatch is how many reports a job makes in one pass over the ideas.
const reportBatch = 3

// reportPage is the page of report r: its text and charts, as
// report.PageHTML and report.ChartsHTML write them for idebank report
// --format html too.
func (s *site) reportPage(r *report.Report, info report.Info, years []ReportYear) (ReportPage, []report.List) {
	p := r.Period
	head, body, lists := report.PageHTML(r, info)
	page := ReportPage{Name: p.Name, Title: i18n.Render(s.lang, i18n.M("report.title", s.cfg.Title, p.Name)),
		Head: template.HTML(head), Charts: template.HTML(report.ChartsHTML(r, info)), Body: template.HTML(body)} // escaped by PageHTML and ChartsHTML
	for _, y := range years {
		for _, l := range append([]ReportLink{y.Year}, y.Quarters...) {
			l.Current = l.Name == p.Name
			page.Others = append(page.Others, l)
		}
	}
	return page, lists
}

// reportList emits the pages of list l of the report at link, whose
// title is report: in the folder l.Name beside the report's page, as
// report.List says.
func (s *site) reportList(emit func(*page) error, link ReportLink, report string, l report.List) error {
	dir := link.Path + l.Name + "/"
	intro := "<p>" + template.HTMLEscapeString(i18n.Render(s.lang, i18n.M("site.report-list.intro", l.Count, link.Name))) + "</p>"
	for n, body := range l.Pages {
		data := ReportPage{Name: link.Name, Title: l.Heading, Head: template.HTML(intro), Body: template.HTML(body), List: l.Heading, Report: &link} // escaped by PageHTML
		title := report + " – " + l.Heading
		if len(l.Pages) > 1 {
			data.Pager = pager(n+1, len(l.Pages))
			if n > 0 {
				title += " – " + i18n.Render(s.lang, i18n.M("site.page", n+1, len(l.Pages)))
			}
		}
		p := page{Path: pagePath(dir, n+1), Layout: "report", Section: "reports", Title: title, Data: data}
		if err := emit(&p); err != nil {
			return err
		}
	}
	return nil
}

// eventsOf returns the events of idea: those its view was made with, so
// that the passes of the reports do not make them again.
func (s *site) eventsOf(idea *model.Idea) []workflow.Event {
	if v := s.byFile[idea]; v != nil {
		return v.events
	}
	return workflow.Of(s.cfg).Events(idea)
}
