package sitegen

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// Bar is one bar of a chart: its label and value, and the text written on
// it, so that the value is read as text, not judged from the length.
type Bar struct {
	Label string
	Value float64
	Text  string
}

// chartID numbers the charts of a page, for their title and description.
type chartID struct{ n int }

func (c *chartID) next() string {
	c.n++
	return fmt.Sprintf("chart-%d", c.n)
}

// columns draws a column chart, such as the inflow per month.
func columns(ids *chartID, title, desc string, bars []Bar) template.HTML {
	const w, h, top, bottom, left = 620, 260, 28, 44, 8
	id := ids.next()
	max := 1.0
	for _, b := range bars {
		max = maxf(max, b.Value)
	}
	var s strings.Builder
	open(&s, id, title, desc, w, h)
	n := float64(max1(len(bars)))
	slot := float64(w-left*2) / n
	bw := slot * 0.7
	for i, b := range bars {
		x := float64(left) + float64(i)*slot + (slot-bw)/2
		bh := (float64(h-top-bottom) * b.Value) / max
		y := float64(h-bottom) - bh
		fmt.Fprintf(&s, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="bar"></rect>`, x, y, bw, bh)
		fmt.Fprintf(&s, `<text x="%.1f" y="%.1f" text-anchor="middle" class="value">%s</text>`, x+bw/2, y-5, esc(b.Text))
		fmt.Fprintf(&s, `<text x="%.1f" y="%d" text-anchor="middle" class="label">%s</text>`, x+bw/2, h-bottom+16, esc(b.Label))
	}
	fmt.Fprintf(&s, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"></line>`, left, h-bottom, w-left, h-bottom)
	s.WriteString("</svg>")
	return template.HTML(s.String()) // every text in it is escaped by esc
}

// rows draws a bar chart with one bar a row, such as the funnel.
func rows(ids *chartID, title, desc string, bars []Bar) template.HTML {
	const w, rowH, labelW, right = 620, 34, 260, 140
	h := rowH*max1(len(bars)) + 10
	id := ids.next()
	max := 1.0
	for _, b := range bars {
		max = maxf(max, b.Value)
	}
	var s strings.Builder
	open(&s, id, title, desc, w, h)
	for i, b := range bars {
		y := 5 + i*rowH
		bw := float64(w-labelW-right) * b.Value / max
		fmt.Fprintf(&s, `<text x="%d" y="%d" text-anchor="end" class="label">%s</text>`, labelW-8, y+22, esc(b.Label))
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="%.1f" height="%d" class="bar"></rect>`, labelW, y+6, bw, rowH-12)
		fmt.Fprintf(&s, `<text x="%.1f" y="%d" class="value">%s</text>`, float64(labelW)+bw+6, y+22, esc(b.Text))
	}
	s.WriteString("</svg>")
	return template.HTML(s.String()) // every text in it is escaped by esc
}

func open(s *strings.Builder, id, title, desc string, w, h int) {
	fmt.Fprintf(s, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc">`, w, h, id, id)
	fmt.Fprintf(s, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, esc(title), id, esc(desc))
}

func esc(s string) string { return html.EscapeString(s) }

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}
