package report

import (
	"bytes"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/idebanken/idebanken/internal/buffers"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
)

// PageHTML returns the report as HTML for a page of the site, which shows
// the title itself and its charts between the summary and the rest: head
// is the introduction and the summary, body the rest.
//
// It is the HTML that WriteMarkdown's text renders to, written directly:
// a report of a large bank runs to hundreds of kilobytes, which Markdown
// would take many times longer to write and read back. The ideas' and the
// configuration's own text (titles, units, effects, lessons) is shown as
// written, as on the ideas' pages, never read as markup, with e-mail
// addresses masked.
//
// With info.ListMax over 0, a list longer than that is not on the page
// but in lists, which the page links to (see List).
func PageHTML(r *Report, info Info) (head, body string, lists []List) {
	w := &htmlWriter{r: r, info: info, labels: map[string]string{}, b: buffers.Get()}
	defer func() {
		buffers.Put(w.b)
		if w.pages != nil {
			buffers.Put(w.pages)
		}
	}()
	w.head()
	head = w.b.String()
	w.b.Reset()
	if info.ListMax <= 0 {
		w.b.Grow(bodySize(r))
	}
	w.body()
	return head, w.b.String(), w.lists
}

// bodySize returns a little more than the body of r's page comes to, so
// that it is not copied as it grows.
func bodySize(r *Report) int {
	n := 4096 + 2*12*r.Inflow.Total.Count
	for _, s := range r.Funnel {
		n += 12 * s.Figure.Count
	}
	for _, rs := range [][]Result{r.Implemented, r.Evaluated} {
		for _, res := range rs {
			n += 200 + len(res.Title) + len(res.Effects) + len(res.Lessons) + len(res.ReportedTo)
		}
	}
	for _, it := range r.Backlog.Items {
		n += 120 + len(it.Title)
	}
	return n
}

type htmlWriter struct {
	r    *Report
	info Info
	b    *bytes.Buffer
	// pages is where the pages of the lists are written, one at a time,
	// beside the page that links to them.
	pages  *bytes.Buffer
	labels map[string]string // rendered catalogue texts without arguments
	stages map[model.Stage]string
	// The columns of the table being written, as each cell names its
	// column for a phone, where a row is a block; the cell of the row
	// being written, and whether it is the row's heading.
	cols   []string
	col    int
	inHead bool
	// The lists left off the page (info.ListMax), and their names.
	lists []List
	names map[string]bool
}

func (w *htmlWriter) raw(s string) { w.b.WriteString(s) }

// text writes s, which is not markup, escaped.
func (w *htmlWriter) text(s string) { escape(w.b, s) }

// user writes text from an idea or the configuration: trimmed, e-mail
// addresses masked, escaped.
func (w *htmlWriter) user(s string) { escape(w.b, personal.MaskEmails(strings.TrimSpace(s))) }

// id writes an idea's id.
func (w *htmlWriter) id(id model.ID) {
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || c == '-') {
			w.user(string(id))
			return
		}
	}
	w.b.WriteString(string(id)) // digits, small letters and hyphens, as ids are: nothing to escape or mask
}

// date writes d as YYYY-MM-DD.
func (w *htmlWriter) date(d model.Date) {
	y, m, day := d.Year, int(d.Month), d.Day
	if d.IsZero() || y < 0 || y > 9999 || m < 1 || m > 12 || day < 1 || day > 31 {
		w.text(d.String())
		return
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + day/10), byte('0' + day%10)}
	w.raw(`<span class="date">`) // never broken at its hyphens
	w.b.Write(b[:])
	w.raw("</span>")
}

// label writes the catalogue text of key, which has no arguments.
func (w *htmlWriter) label(key string) {
	s, ok := w.labels[key]
	if !ok {
		s = inline(i18n.Render(w.info.Lang, i18n.M(key)))
		w.labels[key] = s
	}
	w.raw(s)
}

// t writes the catalogue text of key with args, none of them user text.
func (w *htmlWriter) t(key string, args ...any) {
	w.raw(inline(i18n.Render(w.info.Lang, i18n.M(key, args...))))
}

// tu writes the catalogue text of key with args, some of them user text.
// The catalogue's texts for these keys are plain text (a test checks), so
// the arguments are escaped and the rest written as it is.
func (w *htmlWriter) tu(key string, args ...any) {
	for i, a := range args {
		// Any kind of string, named types such as model.ID too: a text
		// that is escaped needlessly is better than one that is not.
		if v := reflect.ValueOf(a); v.Kind() == reflect.String {
			s := personal.MaskEmails(strings.TrimSpace(v.String()))
			if strings.ContainsAny(s, `&<>"`) {
				var b strings.Builder
				escape(&b, s)
				s = b.String()
			}
			args[i] = s
		}
	}
	w.raw(i18n.Render(w.info.Lang, i18n.M(key, args...)))
}

func (w *htmlWriter) unit(id string) string {
	if n := w.info.Units[id]; n != "" {
		return n
	}
	return id
}

func (w *htmlWriter) int(n int) {
	var buf [20]byte
	w.b.Write(strconv.AppendInt(buf[:0], int64(n), 10))
}

// figureIDs writes the ids of f, separated by commas, each a link to the
// idea's page titled with its title where the report knows the pages; or
// a link to the List name of them, with its heading, if they are too many.
func (w *htmlWriter) figureIDs(f Figure, name, heading string) {
	if w.split(len(f.IDs)) {
		w.idsList(len(f.IDs), func(i int) model.ID { return f.IDs[i] }, name, heading)
		return
	}
	for i, id := range f.IDs {
		if i > 0 {
			w.raw(", ")
		}
		if w.info.IdeaURL == "" {
			w.id(id)
			continue
		}
		w.link(id)
		if t := strings.TrimSpace(w.r.Title(id)); t != "" {
			w.raw(` title="`)
			w.user(t)
			w.raw(`"`)
		}
		w.raw(">")
		w.id(id)
		w.raw("</a>")
	}
}

// link opens the link to an idea's page, without closing its tag.
func (w *htmlWriter) link(id model.ID) {
	w.raw(`<a href="`)
	w.text(w.info.IdeaURL)
	w.id(id)
	w.raw(`/"`)
}

// th writes a header row; a key that starts with > is right-aligned, and
// one that starts with = is written as text, not looked up.
//
// The table is one a phone shows a row a block (class stack): the first
// cell of each row is its heading, and every other cell says its column.
func (w *htmlWriter) th(cols ...string) {
	w.raw("<table class=\"stack\">\n<thead>\n<tr>\n")
	w.cols = w.cols[:0]
	for _, c := range cols {
		right := strings.HasPrefix(c, ">")
		c = strings.TrimPrefix(c, ">")
		if right {
			w.raw(`<th scope="col" class="num">`)
		} else {
			w.raw(`<th scope="col">`)
		}
		start := w.b.Len()
		if s, ok := strings.CutPrefix(c, "="); ok {
			w.user(s)
		} else {
			w.label(c)
		}
		w.cols = append(w.cols, string(w.b.Bytes()[start:]))
		w.raw("</th>\n")
	}
	w.raw("</tr>\n</thead>\n")
}

// tr starts a row of the table.
func (w *htmlWriter) tr() {
	w.raw("<tr>\n")
	w.col = 0
}

// cell starts a cell of the row: the row's heading first, then cells that
// name their column.
func (w *htmlWriter) cell(class string) {
	w.inHead = w.col == 0
	switch {
	case w.inHead && class != "":
		w.raw(`<th scope="row" class="` + class + `">`)
	case w.inHead:
		w.raw(`<th scope="row">`)
	default:
		w.raw("<td")
		if class != "" {
			w.raw(` class="` + class + `"`)
		}
		if w.col < len(w.cols) {
			w.raw(` data-label="`)
			w.raw(w.cols[w.col]) // escaped as it was written
			w.raw(`"`)
		}
		w.raw(">")
	}
}

func (w *htmlWriter) td()      { w.cell("") }
func (w *htmlWriter) tdRight() { w.cell("num") }
func (w *htmlWriter) end() {
	if w.inHead {
		w.raw("</th>\n")
	} else {
		w.raw("</td>\n")
	}
	w.col++
}

func (w *htmlWriter) periodName(p Period) string {
	return p.Name + " (" + p.From.String() + " – " + p.To.String() + ")"
}

// head writes the introduction and the summary.
func (w *htmlWriter) head() {
	r := w.r
	w.raw("<p>")
	if org := strings.TrimSpace(w.info.Organisation); org != "" {
		w.tu("report.org", org)
		w.raw("<br>\n")
	}
	w.t("report.period", w.periodName(r.Period))
	w.raw("<br>\n")
	w.t("report.compared", w.periodName(r.Previous))
	w.raw("</p>\n")
	if !r.AsOf.IsZero() {
		w.raw(`<p class="as-of">`)
		w.t("report.as-of", r.AsOf)
		w.raw("</p>\n")
	}
	if r.Unit != "" {
		w.raw("<p>")
		w.tu("report.unit", w.unit(r.Unit))
		w.raw("</p>\n")
	}

	w.h2("report.summary")
	w.th("report.measure", ">="+r.Period.Name, ">="+r.Previous.Name)
	w.raw("<tbody>\n")
	mw := &writer{r: r, info: w.info}
	for _, c := range r.Comparison {
		w.tr()
		w.td()
		w.label("report.compare." + c.Measure)
		w.end()
		w.tdRight()
		w.text(mw.value(c.Measure, c.Current))
		w.end()
		w.tdRight()
		w.text(mw.value(c.Measure, c.Previous))
		w.end()
		w.raw("</tr>\n")
	}
	w.raw("</tbody>\n</table>\n")
}

// body writes the rest of the report.
func (w *htmlWriter) body() {
	r := w.r
	mw := &writer{r: r, info: w.info}

	w.h2("report.inflow")
	w.raw("<p>")
	w.t("report.inflow-text", r.Inflow.Total.Count)
	w.raw("</p>\n")
	w.th("report.kind", ">report.count", "report.ideas")
	w.tbody(len(r.Inflow.ByKind))
	for _, g := range r.Inflow.ByKind {
		w.tr()
		w.td()
		w.label("kind." + g.Key)
		w.end()
		w.figureRow(g.Figure, "kind-"+g.Key, w.heading("report.list.kind", w.plain("kind."+g.Key)))
	}
	w.tableEnd(len(r.Inflow.ByKind))
	w.th("report.unit-col", ">report.count", "report.ideas")
	w.tbody(len(r.Inflow.ByUnit))
	for _, g := range r.Inflow.ByUnit {
		w.tr()
		w.td()
		w.user(w.unit(g.Key))
		w.end()
		w.figureRow(g.Figure, "unit-"+g.Key, w.heading("report.list.unit", w.unit(g.Key)))
	}
	w.tableEnd(len(r.Inflow.ByUnit))
	if len(r.Inflow.Monthly) > 1 {
		w.raw("<h3>")
		w.label("report.by-month")
		w.raw("</h3>\n")
		cols := []string{"report.month"}
		for _, u := range r.Units {
			cols = append(cols, ">="+w.unit(u))
		}
		w.th(append(cols, ">report.total")...)
		w.tbody(len(r.Inflow.Monthly))
		for _, m := range r.Inflow.Monthly {
			w.tr()
			w.td()
			w.text(m.Start.String()[:7])
			w.end()
			for _, f := range m.ByUnit {
				w.tdRight()
				w.int(f.Count)
				w.end()
			}
			w.tdRight()
			w.int(m.Total.Count)
			w.end()
			w.raw("</tr>\n")
		}
		w.tableEnd(len(r.Inflow.Monthly))
	}

	w.h2("report.funnel")
	w.raw("<p>")
	w.t("report.funnel-text", r.Inflow.Total.Count)
	w.raw("</p>\n")
	w.th("report.step", ">report.count", ">report.share", "report.ideas")
	w.tbody(len(r.Funnel))
	for _, s := range r.Funnel {
		w.tr()
		w.td()
		w.raw(inline(stepLabel(w.info, s.Step)))
		w.end()
		w.tdRight()
		w.int(s.Figure.Count)
		w.end()
		w.tdRight()
		w.text(mw.pct(s.Share))
		w.end()
		w.td()
		w.figureIDs(s.Figure, "funnel-"+s.Step, w.heading("report.list.funnel", stepLabel(w.info, s.Step)))
		w.end()
		w.raw("</tr>\n")
	}
	w.tableEnd(len(r.Funnel))

	w.h2("report.response")
	rs := r.Response
	w.raw("<ul>\n")
	w.lead(mw, "report.first-feedback", "report.first-feedback-none", rs.FirstFeedback, func() {
		w.raw("\n")
		w.t("report.within", mw.pct(rs.WithinShare), rs.WithinLimit.Count, rs.FirstFeedback.Figure.Count, r.FeedbackDays)
	})
	w.lead(mw, "report.to-decision", "report.to-decision-none", rs.ToDecision, nil)
	w.lead(mw, "report.to-implementation", "report.to-implementation-none", rs.ToImplementation, nil)
	w.raw("</ul>\n")

	w.h2("report.results")
	w.results("report.implemented", "report.implemented-on", r.Implemented, false)
	w.results("report.evaluated", "report.evaluated-on", r.Evaluated, true)
	w.raw("<h3>")
	w.label("report.quick-wins")
	w.raw("</h3>\n")
	switch {
	case r.QuickWins.Count == 0:
		w.none()
	case w.split(len(r.QuickWins.IDs)):
		w.raw("<p>")
		w.idsList(len(r.QuickWins.IDs), func(i int) model.ID { return r.QuickWins.IDs[i] }, "quick-wins", w.plain("report.quick-wins"))
		w.raw("</p>\n")
	default:
		w.raw("<ul>\n")
		for _, id := range r.QuickWins.IDs {
			w.raw("<li>")
			w.idTitle(id, r.Title(id))
			w.raw("</li>\n")
		}
		w.raw("</ul>\n")
	}
	w.raw("<h3>")
	w.label("report.support")
	w.raw("</h3>\n")
	if len(r.Support) == 0 {
		w.none()
	} else {
		w.raw("<ul>\n")
		item := func(x *htmlWriter, i int) {
			sp := r.Support[i]
			x.raw("<li>")
			x.idTitle(sp.ID, sp.Title)
			x.raw(": ")
			x.t("report.support-by", len(sp.Duplicates), idList(sp.Duplicates))
			x.raw("</li>\n")
		}
		w.first(len(r.Support), item)
		w.raw("</ul>\n")
		if w.split(len(r.Support)) {
			w.more(len(r.Support), func() {
				w.list("support", w.plain("report.support"), len(r.Support), resultsPerPage,
					func(x *htmlWriter, _ int) { x.raw("<ul>\n") }, item, func(x *htmlWriter, _ int) { x.raw("</ul>\n") })
			})
		}
	}

	w.h2(r.backlogHeading())
	w.raw("<p>")
	w.t("report.backlog-text", r.End(), len(r.Backlog.Items), r.Backlog.Overdue.Count)
	w.raw("</p>\n")
	switch items := r.Backlog.Items; {
	case w.split(len(items)):
		w.backlogByStage()
	case len(items) > 0:
		w.th("report.idea", "report.stage", ">report.age", "report.since", "report.overdue")
		w.raw("<tbody>\n")
		for _, it := range items {
			w.waiting(it)
		}
		w.raw("</tbody>\n</table>\n")
	}

	w.h2("report.method")
	w.raw("<p>")
	w.t("report.method-text", r.Period.Name)
	if len(w.lists) > 0 {
		w.raw(" ")
		w.t("report.method-lists", w.info.ListMax)
	}
	w.raw("</p>\n")
}

// waiting writes a row of what waits.
func (w *htmlWriter) waiting(it Waiting) {
	w.tr()
	w.td()
	w.idTitle(it.ID, it.Title)
	w.end()
	w.td()
	w.stage(it.Stage)
	w.end()
	w.tdRight()
	w.int(it.Age)
	w.end()
	w.td()
	w.date(it.Since)
	w.end()
	w.td()
	if it.Overdue {
		w.label("report.yes")
	}
	w.end()
	w.raw("</tr>\n")
}

// backlogByStage writes what waits as a row a stage: how many wait there
// and how many of them are overdue, each stage's ideas a List of its own,
// the oldest first; then the overdue ideas, on the page or in a List.
func (w *htmlWriter) backlogByStage() {
	late := "report.overdue-count" // right-aligned, as a count
	w.th("report.stage", ">report.count", ">"+late, "report.ideas")
	w.raw("<tbody>\n")
	items := w.r.Backlog.Items // in the order of the stages, the oldest first
	overdue := make([]Waiting, 0, w.r.Backlog.Overdue.Count)
	for start := 0; start < len(items); {
		st := items[start].Stage
		end, late := start, 0
		for ; end < len(items) && items[end].Stage == st; end++ {
			if items[end].Overdue {
				overdue = append(overdue, items[end])
				late++
			}
		}
		waiting := items[start:end]
		w.tr()
		w.td()
		w.stage(st)
		w.end()
		w.tdRight()
		w.int(len(waiting))
		w.end()
		w.tdRight()
		w.int(late)
		w.end()
		w.td()
		if w.split(len(waiting)) {
			// The ids are read off the items: a slice of them, as a
			// Figure has, would be made for every stage of every report.
			w.backlogList("waiting-"+string(st), len(waiting), func() {
				w.idsList(len(waiting), func(i int) model.ID { return waiting[i].ID }, "waiting-"+string(st),
					w.heading("report.list.waiting", w.plain(w.r.backlogHeading()), w.plain("stage."+string(st))))
			})
		} else {
			ids := make([]model.ID, len(waiting))
			for i, it := range waiting {
				ids[i] = it.ID
			}
			w.figureIDs(Figure{Count: len(ids), IDs: ids}, "", "")
		}
		w.end()
		w.raw("</tr>\n")
		start = end
	}
	w.raw("</tbody>\n</table>\n")
	if len(overdue) == 0 {
		return
	}
	w.raw("<h3>")
	w.label("report.overdue-ideas")
	w.raw("</h3>\n")
	head := func(x *htmlWriter, _ int) {
		x.th("report.idea", "report.stage", ">report.age", "report.since")
		x.raw("<tbody>\n")
	}
	row := func(x *htmlWriter, i int) {
		it := overdue[i]
		x.tr()
		x.td()
		x.idTitle(it.ID, it.Title)
		x.end()
		x.td()
		x.stage(it.Stage)
		x.end()
		x.tdRight()
		x.int(it.Age)
		x.end()
		x.td()
		x.date(it.Since)
		x.end()
		x.raw("</tr>\n")
	}
	foot := func(x *htmlWriter, _ int) { x.raw("</tbody>\n</table>\n") }
	head(w, 0)
	w.first(len(overdue), row)
	foot(w, 0)
	if w.split(len(overdue)) {
		w.more(len(overdue), func() {
			w.backlogList("overdue", len(overdue), func() {
				w.list("overdue", w.plain("report.overdue-ideas"), len(overdue), rowsPerPage, head, row, foot)
			})
		})
	}
}

// first writes the first of n entries with item: all of them, or as many
// as info.ListMax lets the page show.
func (w *htmlWriter) first(n int, item func(x *htmlWriter, i int)) {
	if w.split(n) {
		n = w.info.ListMax
	}
	for i := range n {
		item(w, i)
	}
}

// more says that the page shows the first of n entries, and links to
// them all with link.
func (w *htmlWriter) more(n int, link func()) {
	w.raw(`<p class="more">`)
	w.t("report.list-first", w.info.ListMax, n)
	w.raw(" ")
	link()
	w.raw("</p>\n")
}

func (w *htmlWriter) h2(key string) {
	w.raw("<h2>")
	w.label(key)
	w.raw("</h2>\n")
}

func (w *htmlWriter) none() {
	w.raw("<p>")
	w.label("report.none")
	w.raw("</p>\n")
}

// tbody opens the body of a table of n rows: a table without rows has
// none.
func (w *htmlWriter) tbody(n int) {
	if n > 0 {
		w.raw("<tbody>\n")
	}
}

func (w *htmlWriter) tableEnd(n int) {
	if n > 0 {
		w.raw("</tbody>\n")
	}
	w.raw("</table>\n")
}

// figureRow ends a row with a figure's count and ideas.
func (w *htmlWriter) figureRow(f Figure, name, heading string) {
	w.tdRight()
	w.int(f.Count)
	w.end()
	w.td()
	w.figureIDs(f, name, heading)
	w.end()
	w.raw("</tr>\n")
}

// idTitle writes an idea's id and title, a link to its page where the
// report knows the pages.
func (w *htmlWriter) idTitle(id model.ID, title string) {
	if w.info.IdeaURL != "" {
		w.link(id)
		w.raw(">")
	}
	w.id(id)
	if t := strings.TrimSpace(title); t != "" {
		w.raw(" ")
		w.user(t)
	}
	if w.info.IdeaURL != "" {
		w.raw("</a>")
	}
}

// stage writes the name of a stage.
func (w *htmlWriter) stage(st model.Stage) {
	if w.stages == nil {
		w.stages = map[model.Stage]string{}
	}
	s, ok := w.stages[st]
	if !ok {
		s = inline(i18n.Label(w.info.Lang, w.info.Process, "stage."+string(st)))
		w.stages[st] = s
	}
	w.raw(s)
}

func (w *htmlWriter) lead(mw *writer, key, none string, l Lead, more func()) {
	w.raw("<li>")
	if l.Figure.Count == 0 {
		w.label(none)
	} else {
		w.t(key, mw.days(l.Median), l.P90, l.Figure.Count)
		if more != nil {
			more()
		}
	}
	w.raw("</li>\n")
}

func (w *htmlWriter) results(key, on string, rs []Result, evaluated bool) {
	w.raw("<h3>")
	w.label(key)
	w.raw("</h3>\n")
	if len(rs) == 0 {
		w.none()
		return
	}
	w.first(len(rs), func(x *htmlWriter, i int) { x.result(rs[i], on, evaluated, "h4") })
	if w.split(len(rs)) {
		// On a page of its own, under the page's h1.
		item := func(x *htmlWriter, i int) { x.result(rs[i], on, evaluated, "h2") }
		w.more(len(rs), func() {
			w.list(strings.TrimPrefix(key, "report."), w.plain(key), len(rs), resultsPerPage, func(*htmlWriter, int) {}, item, func(*htmlWriter, int) {})
		})
	}
}

// result writes an implemented or evaluated innovation under a heading
// of the element tag.
func (w *htmlWriter) result(res Result, on string, evaluated bool, tag string) {
	w.raw("<" + tag + ">")
	w.idTitle(res.ID, res.Title)
	w.raw("</" + tag + ">\n<p>")
	w.tu(on, res.Date, w.unit(res.Unit))
	if res.Effects != "" {
		w.raw("<br>\n")
		w.label("report.effects")
		if s := oneLine(res.Effects); s != "" {
			w.raw(" ")
			w.user(s)
		}
	}
	if res.Lessons != "" {
		w.raw("<br>\n")
		w.label("report.lessons")
		if s := oneLine(res.Lessons); s != "" {
			w.raw(" ")
			w.user(s)
		}
	}
	if evaluated && res.ReportedTo != "" {
		w.raw("<br>\n")
		w.tu("report.reported", res.ReportedTo, res.ReportedDate)
	}
	w.raw("</p>\n")
}

// escape writes s to b with &, <, > and " escaped, as Markdown's text is.
func escape(b io.StringWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var e string
		switch s[i] {
		case '&':
			e = "&amp;"
		case '<':
			e = "&lt;"
		case '>':
			e = "&gt;"
		case '"':
			e = "&quot;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(e)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// inline renders a text of the catalogue: the only Markdown in them is
// **strong** and `code` (a test checks that this renders each as
// Markdown would).
func inline(s string) string {
	if !strings.ContainsAny(s, "*`&<>\"") {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexAny(s, "*`")
		if i < 0 {
			escape(&b, s)
			break
		}
		escape(&b, s[:i])
		s = s[i:]
		open, tag := "`", "code"
		if strings.HasPrefix(s, "**") {
			open, tag = "**", "strong"
		}
		j := strings.Index(s[len(open):], open)
		if j < 0 {
			escape(&b, s[:len(open)])
			s = s[len(open):]
			continue
		}
		b.WriteString("<" + tag + ">")
		escape(&b, s[len(open):len(open)+j])
		b.WriteString("</" + tag + ">")
		s = s[len(open)+j+len(open):]
	}
	return b.String()
}
