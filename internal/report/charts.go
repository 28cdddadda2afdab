package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/i18n"
)

// Chart is a chart of a report, drawn as SVG, with its caption.
type Chart struct {
	Caption string
	SVG     string // every text in it escaped
}

// Bar is one bar of a chart: its label and value, and the text written on
// it, so that the value is read as text, not judged from the length.
type Bar struct {
	Label string
	Value float64
	Text  string
}

// The charts' geometry, in the units of their viewBox. A chart is drawn
// for its text to be whole at every width: it is narrow, so that on a
// phone it shrinks little, and each label of a bar chart has a line of its
// own, wrapped where it is long, instead of a column it may not fit in.
const (
	chartWidth = 320
	fontSize   = 12 // the style sheets set the charts' text to this
	// charWidth is more than a character of the charts' fonts takes at
	// fontSize, bold digits included: a text estimated with it fits.
	charWidth = 7.6
	lineH     = 16
)

// textWidth estimates how wide s is drawn.
func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * charWidth }

// wrap breaks s into lines that fit width, at spaces; a word wider than
// the width stands alone (none of the catalogue's are).
func wrap(s string, width float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && textWidth(line+" "+w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// columnsSVG draws a column chart, such as the inflow per month.
func columnsSVG(id, title, desc string, bars []Bar) string {
	const h, top, bottom, left = 190, 22, 26, 4
	maxV := 1.0
	for _, b := range bars {
		maxV = math.Max(maxV, b.Value)
	}
	var s strings.Builder
	svgOpen(&s, id, title, desc, chartWidth, h)
	slot := float64(chartWidth-left*2) / float64(max(1, len(bars)))
	bw := slot * 0.7
	for i, b := range bars {
		x := float64(left) + float64(i)*slot + (slot-bw)/2
		bh := float64(h-top-bottom) * b.Value / maxV
		y := float64(h-bottom) - bh
		fmt.Fprintf(&s, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="bar"></rect>`, x, y, bw, bh)
		fmt.Fprintf(&s, `<text x="%.1f" y="%.1f" text-anchor="middle" class="value">%s</text>`, x+bw/2, y-5, esc(b.Text))
		fmt.Fprintf(&s, `<text x="%.1f" y="%d" text-anchor="middle" class="label">%s</text>`, x+bw/2, h-bottom+16, esc(b.Label))
	}
	fmt.Fprintf(&s, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"></line>`, left, h-bottom, chartWidth-left, h-bottom)
	s.WriteString("</svg>")
	return s.String()
}

// rowsSVG draws a bar chart with one bar a row, such as the funnel: each
// label on its own lines above its bar, the value after the bar.
func rowsSVG(id, title, desc string, bars []Bar) string {
	const barH, gap = 14, 10
	maxV, textW := 1.0, 0.0
	for _, b := range bars {
		maxV = math.Max(maxV, b.Value)
		textW = math.Max(textW, textWidth(b.Text))
	}
	room := chartWidth - textW - 8 // the longest bar leaves room for its text
	var body strings.Builder
	y := 2.0
	for _, b := range bars {
		for _, line := range wrap(b.Label, chartWidth) {
			y += lineH
			fmt.Fprintf(&body, `<text x="0" y="%.0f" class="label">%s</text>`, y-4, esc(line))
		}
		bw := room * b.Value / maxV
		fmt.Fprintf(&body, `<rect x="0" y="%.0f" width="%.1f" height="%d" class="bar"></rect>`, y, bw, barH)
		fmt.Fprintf(&body, `<text x="%.1f" y="%.0f" class="value">%s</text>`, bw+6, y+barH-2, esc(b.Text))
		y += barH + gap
	}
	var s strings.Builder
	svgOpen(&s, id, title, desc, chartWidth, int(math.Ceil(y)))
	s.WriteString(body.String())
	s.WriteString("</svg>")
	return s.String()
}

func svgOpen(s *strings.Builder, id, title, desc string, w, h int) {
	fmt.Fprintf(s, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc">`, w, h, id, id)
	fmt.Fprintf(s, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, esc(title), id, esc(desc))
}

func esc(s string) string {
	var b strings.Builder
	escape(&b, s)
	return b.String()
}

// Charts draws the charts of r: the inflow by month, how far the period's
// ideas came, and the response times.
func Charts(r *Report, info Info) []Chart {
	lang := info.Lang
	t := func(key string, args ...any) string { return i18n.Render(lang, i18n.M(key, args...)) }
	mw := &writer{r: r, info: info}
	var charts []Chart
	n := 0
	id := func() string { n++; return "chart-" + strconv.Itoa(n) }
	months := strings.Fields(t("site.months-short"))
	var inflow []Bar
	for _, m := range r.Inflow.Monthly {
		label := m.Start.String()[5:7]
		if len(months) == 12 {
			label = months[m.Start.Month-1]
		}
		inflow = append(inflow, Bar{Label: label, Value: float64(m.Total.Count), Text: strconv.Itoa(m.Total.Count)})
	}
	if len(inflow) > 1 {
		title := t("site.chart.inflow")
		charts = append(charts, Chart{title, columnsSVG(id(), title, t("site.chart.inflow-desc", r.Inflow.Total.Count, r.Period.Name), inflow)})
	}
	var funnel []Bar
	for _, st := range r.Funnel {
		funnel = append(funnel, Bar{Label: stepLabel(info, st.Step), Value: float64(st.Figure.Count),
			Text: fmt.Sprintf("%d (%s)", st.Figure.Count, mw.pct(st.Share))})
	}
	title := t("site.chart.funnel")
	charts = append(charts, Chart{title, rowsSVG(id(), title, t("site.chart.funnel-desc", r.Inflow.Total.Count), funnel)})
	var lead []Bar
	for _, l := range []struct {
		key  string
		lead Lead
	}{{"report.compare.median-days-to-first-feedback", r.Response.FirstFeedback},
		{"site.chart.to-decision", r.Response.ToDecision}, {"site.chart.to-implementation", r.Response.ToImplementation}} {
		if l.lead.Figure.Count == 0 {
			continue
		}
		lead = append(lead, Bar{Label: t(l.key), Value: l.lead.Median, Text: t("site.chart.days", mw.days(l.lead.Median), l.lead.P90)})
	}
	if len(lead) > 0 {
		title := t("site.chart.lead")
		charts = append(charts, Chart{title, rowsSVG(id(), title, t("site.chart.lead-desc"), lead)})
	}
	return charts
}

// ChartsHTML returns the charts of r as the section of a page, each in a
// figure with its caption above it, as the site and idebank report
// --format html both show them.
func ChartsHTML(r *Report, info Info) string {
	charts := Charts(r, info)
	if len(charts) == 0 {
		return ""
	}
	lang := info.Lang
	var b strings.Builder
	b.WriteString(`<section class="charts" aria-labelledby="h-charts">` + "\n<h2 id=\"h-charts\">")
	escape(&b, i18n.T(lang, "site.reports.charts"))
	b.WriteString("</h2>\n<p class=\"note\">")
	escape(&b, i18n.T(lang, "site.reports.charts-note"))
	b.WriteString("</p>\n")
	for _, c := range charts {
		b.WriteString("<figure>\n<figcaption>")
		escape(&b, c.Caption)
		b.WriteString("</figcaption>\n")
		b.WriteString(c.SVG)
		b.WriteString("\n</figure>\n")
	}
	b.WriteString("</section>\n")
	return b.String()
}
