package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Format is a report's output format.
type Format string

// The formats.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	CSV      Format = "csv"
	JSON     Format = "json"
)

// Formats lists every Format.
var Formats = []Format{Markdown, HTML, CSV, JSON}

// Info names the idea bank a report is about.
type Info struct {
	Title, Organisation string
	Units               map[string]string // id → name
	Lang                model.Lang
	// Process names the stages; nil for the default.
	Process *model.Process
	// IdeaURL is the address of the ideas' pages, to which an idea's id
	// and a slash are added: "../../idea/" on the site, base_url's for
	// the report command; "" where there are none to link to.
	IdeaURL string
	// ListMax, when over 0, is the longest list of ideas or results that
	// PageHTML writes on the page: it writes a longer one as a List of
	// pages of its own and links to it. A report of 100,000 ideas lists
	// some of them many times (by kind, by unit, at each step of the
	// funnel, in what waits), 11 MB on one page. 0, as the report command
	// has it: every list in full, on the one page.
	ListMax int
	// BacklogLists, when not "", is where the Lists of what waits at the
	// report's end already are: the folder of the page of a report that
	// ends on the same day, relative to this one's ("../2026-q4/" for the
	// year 2026). What waits depends on that day alone, so the page links
	// to those Lists instead of making them again: at 100,000 ideas each
	// year's would be some 2 MB of ids that its last quarter's page has.
	BacklogLists string
}

type writer struct {
	r    *Report
	info Info
	b    bytes.Buffer
}

func (w *writer) t(key string, args ...any) string {
	if len(args) == 0 {
		return i18n.Label(w.info.Lang, w.info.Process, key)
	}
	return i18n.Render(w.info.Lang, i18n.M(key, args...))
}

func (w *writer) f(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

// stepLabel names a step of the funnel by the process's own words: the
// stage the ideas have reached, or for the first step, the stage every
// idea starts at that they have moved on from.
func stepLabel(info Info, step string) string {
	label := i18n.Label(info.Lang, info.Process, "stage."+step)
	if model.Stage(step) == workflow.For(info.Process).Process.Start() {
		return i18n.Render(info.Lang, i18n.M("report.funnel-past", label))
	}
	return label
}

func (w *writer) unit(id string) string {
	if n := w.info.Units[id]; n != "" {
		return n
	}
	return id
}

// cell makes text safe in a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

func ids(f Figure) string {
	parts := make([]string, len(f.IDs))
	for i, id := range f.IDs {
		parts[i] = string(id)
	}
	return strings.Join(parts, ", ")
}

func (w *writer) pct(share float64) string {
	s := fmt.Sprintf("%.0f %%", math.Round(share*100))
	return s
}

func (w *writer) days(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	if w.info.Lang == model.Swedish {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// WriteMarkdown writes the report as Markdown, to paste into the
// committee's papers.
func WriteMarkdown(out io.Writer, r *Report, info Info) error {
	w := &writer{r: r, info: info}
	w.markdown()
	_, err := out.Write(w.b.Bytes())
	return err
}

func (w *writer) periodName(p Period) string {
	return fmt.Sprintf("%s (%s – %s)", p.Name, p.From, p.To)
}

func (w *writer) markdown() {
	r := w.r
	w.f("# %s\n\n", w.t("report.title", w.info.Title, r.Period.Name))
	w.f("%s  \n", w.t("report.org", w.info.Organisation))
	w.f("%s  \n", w.t("report.period", w.periodName(r.Period)))
	w.f("%s\n", w.t("report.compared", w.periodName(r.Previous)))
	if !r.AsOf.IsZero() {
		w.f("\n%s\n", w.t("report.as-of", r.AsOf))
	}
	if r.Unit != "" {
		w.f("\n%s\n", w.t("report.unit", w.unit(r.Unit)))
	}

	w.f("\n## %s\n\n", w.t("report.summary"))
	w.f("| %s | %s | %s |\n|---|---:|---:|\n", w.t("report.measure"), r.Period.Name, r.Previous.Name)
	for _, c := range r.Comparison {
		w.f("| %s | %s | %s |\n", w.t("report.compare."+c.Measure), w.value(c.Measure, c.Current), w.value(c.Measure, c.Previous))
	}

	w.f("\n## %s\n\n", w.t("report.inflow"))
	w.f("%s\n\n", w.t("report.inflow-text", r.Inflow.Total.Count))
	w.f("| %s | %s | %s |\n|---|---:|---|\n", w.t("report.kind"), w.t("report.count"), w.t("report.ideas"))
	for _, g := range r.Inflow.ByKind {
		w.f("| %s | %d | %s |\n", w.t("kind."+g.Key), g.Figure.Count, ids(g.Figure))
	}
	w.f("\n| %s | %s | %s |\n|---|---:|---|\n", w.t("report.unit-col"), w.t("report.count"), w.t("report.ideas"))
	for _, g := range r.Inflow.ByUnit {
		w.f("| %s | %d | %s |\n", cell(w.unit(g.Key)), g.Figure.Count, ids(g.Figure))
	}
	if len(r.Inflow.Monthly) > 1 {
		w.f("\n### %s\n\n| %s |", w.t("report.by-month"), w.t("report.month"))
		for _, u := range r.Units {
			w.f(" %s |", cell(w.unit(u)))
		}
		w.f(" %s |\n|---|%s---:|\n", w.t("report.total"), strings.Repeat("---:|", len(r.Units)))
		for _, m := range r.Inflow.Monthly {
			w.f("| %s |", m.Start.String()[:7])
			for _, f := range m.ByUnit {
				w.f(" %d |", f.Count)
			}
			w.f(" %d |\n", m.Total.Count)
		}
	}

	w.f("\n## %s\n\n", w.t("report.funnel"))
	w.f("%s\n\n", w.t("report.funnel-text", r.Inflow.Total.Count))
	w.f("| %s | %s | %s | %s |\n|---|---:|---:|---|\n", w.t("report.step"), w.t("report.count"), w.t("report.share"), w.t("report.ideas"))
	for _, s := range r.Funnel {
		w.f("| %s | %d | %s | %s |\n", stepLabel(w.info, s.Step), s.Figure.Count, w.pct(s.Share), ids(s.Figure))
	}

	w.f("\n## %s\n\n", w.t("report.response"))
	rs := r.Response
	w.lead("report.first-feedback", "report.first-feedback-none", rs.FirstFeedback)
	if rs.FirstFeedback.Figure.Count > 0 {
		w.f("  %s\n", w.t("report.within", w.pct(rs.WithinShare), rs.WithinLimit.Count, rs.FirstFeedback.Figure.Count, r.FeedbackDays))
	}
	w.lead("report.to-decision", "report.to-decision-none", rs.ToDecision)
	w.lead("report.to-implementation", "report.to-implementation-none", rs.ToImplementation)

	w.f("\n## %s\n", w.t("report.results"))
	w.results("report.implemented", "report.implemented-on", r.Implemented, false)
	w.results("report.evaluated", "report.evaluated-on", r.Evaluated, true)
	w.f("\n### %s\n\n", w.t("report.quick-wins"))
	if r.QuickWins.Count == 0 {
		w.f("%s\n", w.t("report.none"))
	}
	for _, id := range r.QuickWins.IDs {
		w.f("- %s %s\n", id, r.Title(id))
	}
	w.f("\n### %s\n\n", w.t("report.support"))
	if len(r.Support) == 0 {
		w.f("%s\n", w.t("report.none"))
	}
	for _, sp := range r.Support {
		w.f("- %s %s: %s\n", sp.ID, cell(sp.Title), w.t("report.support-by", len(sp.Duplicates), idList(sp.Duplicates)))
	}

	w.f("\n## %s\n\n", w.t(r.backlogHeading()))
	w.f("%s\n\n", w.t("report.backlog-text", r.End(), len(r.Backlog.Items), r.Backlog.Overdue.Count))
	if len(r.Backlog.Items) > 0 {
		w.f("| %s | %s | %s | %s | %s |\n|---|---|---:|---|---|\n", w.t("report.idea"), w.t("report.stage"), w.t("report.age"), w.t("report.since"), w.t("report.overdue"))
		for _, it := range r.Backlog.Items {
			over := ""
			if it.Overdue {
				over = w.t("report.yes")
			}
			w.f("| %s %s | %s | %d | %s | %s |\n", it.ID, cell(it.Title), w.t("stage."+string(it.Stage)), it.Age, it.Since, over)
		}
	}

	w.f("\n## %s\n\n%s\n", w.t("report.method"), w.t("report.method-text", r.Period.Name))
}

// idList returns ids joined by commas.
func idList(ids []model.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

func (w *writer) value(measure string, p *float64) string {
	if p == nil {
		return "–"
	}
	v := *p
	switch {
	case strings.HasPrefix(measure, "share"):
		return w.pct(v)
	case strings.HasPrefix(measure, "median"):
		return w.days(v)
	}
	return fmt.Sprintf("%.0f", v)
}

func (w *writer) lead(key, none string, l Lead) {
	if l.Figure.Count == 0 {
		w.f("- %s\n", w.t(none))
		return
	}
	w.f("- %s\n", w.t(key, w.days(l.Median), l.P90, l.Figure.Count))
}

func (w *writer) results(key, on string, rs []Result, evaluated bool) {
	w.f("\n### %s\n\n", w.t(key))
	if len(rs) == 0 {
		w.f("%s\n", w.t("report.none"))
		return
	}
	for _, res := range rs {
		w.f("#### %s %s\n\n", res.ID, res.Title)
		w.f("%s  \n", w.t(on, res.Date, w.unit(res.Unit)))
		if res.Effects != "" {
			w.f("%s %s  \n", w.t("report.effects"), oneLine(res.Effects))
		}
		if res.Lessons != "" {
			w.f("%s %s  \n", w.t("report.lessons"), oneLine(res.Lessons))
		}
		if evaluated && res.ReportedTo != "" {
			w.f("%s\n", w.t("report.reported", res.ReportedTo, res.ReportedDate))
		}
		w.f("\n")
	}
}

// oneLine returns s with every run of white space made one space, and
// none at the ends.
func oneLine(s string) string {
	if !spaced(s) {
		return s // most texts are one line already, spaced so
	}
	return strings.Join(strings.Fields(s), " ")
}

// spaced reports whether s may have white space other than single spaces
// between words: at an end, two together, a control character, or the
// first byte of a white space character beyond ASCII (U+0085, U+00A0,
// U+1680, U+2000 to U+3000).
func spaced(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < ' ', c == 0xC2, c == 0xE1, c == 0xE2, c == 0xE3:
			return true
		case c == ' ' && s[i+1] == ' ':
			return true
		}
	}
	return false
}

// WriteCSV writes the facts of the report, one row per idea per fact, as a
// spreadsheet opens it: UTF-8 with a byte-order mark, and ; between
// values in Swedish, where the comma is the decimal sign.
func WriteCSV(out io.Writer, r *Report, info Info) error {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	cw := csv.NewWriter(&b)
	if info.Lang == model.Swedish {
		cw.Comma = ';'
	}
	cw.UseCRLF = true
	// The codes, for a program to read, each with its label in the
	// report's language, for a person.
	_ = cw.Write([]string{"period", "section", "section_label", "measure", "measure_label", "group", "group_label", "idea", "title", "value"})
	w := &writer{r: r, info: info}
	for _, f := range r.Facts {
		var measure string
		if f.Section == "funnel" { // a step of the funnel is a stage of the bank's own
			measure = stepLabel(info, f.Measure)
		} else {
			measure = w.t("report.csv." + f.Section + "." + f.Measure)
		}
		_ = cw.Write([]string{r.Period.Name, f.Section, w.t("report.csv." + f.Section), f.Measure, measure,
			noFormula(f.Group), noFormula(w.groupLabel(f)), string(f.ID), noFormula(r.Title(f.ID)), f.Value})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := out.Write(b.Bytes())
	return err
}

// groupLabel names the group of a fact as people call it: a kind, a unit
// or a stage by its name; a month or a body as it is.
func (w *writer) groupLabel(f Fact) string {
	switch {
	case f.Group == "":
		return ""
	case f.Measure == "by-kind":
		return w.t("kind." + f.Group)
	case f.Measure == "by-unit":
		return w.unit(f.Group)
	case f.Section == "backlog":
		return w.t("stage." + f.Group)
	}
	return f.Group
}

// noFormula keeps a spreadsheet from running text as a formula: a cell
// that starts with =, +, -, @ or a control character gets a leading '.
func noFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteJSON writes the report and its facts as JSON.
func WriteJSON(out io.Writer, r *Report, info Info) error {
	type period struct {
		Name string     `json:"name"`
		From model.Date `json:"from"`
		To   model.Date `json:"to"`
	}
	doc := struct {
		Title    string `json:"title"`
		Period   period `json:"period"`
		Previous period `json:"previous"`
		*Report
		Facts []Fact `json:"facts"`
	}{info.Title, period{r.Period.Name, r.Period.From, r.Period.To},
		period{r.Previous.Name, r.Previous.From, r.Previous.To}, r, r.Facts}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// WriteHTML writes the report as a page of its own, to print or to send:
// the same HTML as the report's page on the site, charts included (see
// PageHTML and ChartsHTML), with a style sheet for the screen and A4.
func WriteHTML(out io.Writer, r *Report, info Info) error {
	head, body, _ := PageHTML(r, info) // info.ListMax 0: no lists of their own
	title := i18n.Render(info.Lang, i18n.M("report.title", info.Title, r.Period.Name))
	_, err := fmt.Fprintf(out, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>
%s</style>
</head>
<body>
<main>
<h1>%s</h1>
<div class="report">
%s</div>
%s<div class="report">
%s</div>
</main>
</body>
</html>
`, html.EscapeString(string(info.Lang)), html.EscapeString(title), Style, html.EscapeString(title), head, ChartsHTML(r, info), body)
	return err
}

// Style is the style sheet of a report on a page of its own: the site's
// rules for reports, on their own. The site's style sheet has the same.
const Style = `body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: break-word; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #c9d1dc; vertical-align: top; }
thead th { border-bottom: 2px solid #1b365d; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.date { white-space: nowrap; }
a { color: #0b5cad; }
figure { margin: 1rem 0 1.5rem; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.chart { width: 100%; max-width: 28rem; height: auto; display: block; }
.chart .bar { fill: #1b365d; }
.chart .axis { stroke: #4a4a4a; stroke-width: 1; }
.chart text { font: 12px system-ui, sans-serif; fill: #1a1a1a; }
.chart .value { font-weight: 700; }
.note { color: #4a4a4a; }
@media (max-width: 40rem) {
  table.stack, .stack tbody, .stack tr, .stack tbody th, .stack td { display: block; }
  .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .stack tbody tr { padding: 0.5rem 0; border-bottom: 1px solid #c9d1dc; }
  .stack tbody th, .stack td { border: 0; padding: 0.1rem 0; }
  .stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: #4a4a4a; }
}
@page { size: A4; margin: 18mm 16mm; }
@media print { body { margin: 0; max-width: none; font-size: 10.5pt; } h2, h3, h4, figcaption { break-after: avoid; } tr, figure { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
`
