package sitegen

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/idebanken/idebanken/internal/i18n"
)

// The idea pages are most of a build: 10,000 pages that print some 150
// values each, and html/template calls an escaper through reflection for
// every one of them. For the built-in theme, the content of an idea page
// (idea.html's "main") is written by ideaMain below instead, the same
// bytes the layout prints: TestIdeaPageAsTheLayoutWritesIt renders the
// pages of several banks both ways and compares them. A theme of its own
// has its idea.html run as written (see goIdeaPage).
//
// ideaMain follows idea.html line by line, and writeRow base.html's
// "idea-row"; a change to one is a change to the other, which that test
// and TestFoldingChangesNothing show.

// goIdeaPage reports whether the build writes the content of the idea
// pages with ideaMain rather than with idea.html: where the layouts are
// the built-in ones, as for folding.
func (s *site) goIdeaPage() bool { return s.folds() && !s.opts.noGoIdea }

// ideaMainTemplate is the "main" of idea.html where ideaMain writes it.
const ideaMainTemplate = `{{define "main"}}{{ideaMain .}}{{end}}`

// ideaMain writes the content of the idea page d is for, as idea.html's
// "main" prints it, where the page stands: at the end of d.out, into
// which the layout has written the page up to its "main" (text/template
// writes straight to its writer). It prints nothing itself, so the
// content is not copied once more through the layout.
func (s *site) ideaMain(d pageData) (template.HTML, error) {
	v, ok := d.Data.(*Idea)
	if d.out == nil || !ok {
		return "", i18n.Errorf(nil, "cli.theme-template", "ideaMain")
	}
	return "", s.writeIdeaMain(htmlWriter{d.out}, s.escapedText, ideaRoot(d.Root), v)
}

// ideaRoot returns root as idea.html prints it where a link starts.
func ideaRoot(root string) string {
	if !plainRoot.MatchString(root) { // as the layout's escapers print it
		var b bytes.Buffer
		htmlWriter{&b}.url(root)
		root = b.String()
	}
	return root
}

// writeIdeaMain writes the content of v's page, t giving the catalogue's
// texts escaped.
func (s *site) writeIdeaMain(w htmlWriter, t func(string) string, root string, v *Idea) error {
	w.raw("\n<nav class=\"crumbs\" aria-label=\"", t("site.crumbs"), "\">\n<ol>\n<li><a href=\"", root, "\">", t("site.home"), "</a>\n<li><a href=\"", root, "idea/\">", t("site.all-ideas"), "</a>\n<li><a href=\"", root, "idea/")
	w.path(v.ID)
	w.raw("/\" aria-current=\"page\">")
	w.text(v.ID)
	w.raw("</a>\n</ol>\n</nav>\n<article class=\"idea\">\n<header>\n<p class=\"idea-id\">")
	w.text(v.ID)
	w.raw(" · ")
	w.text(v.KindName)
	w.raw("</p>\n<h1>")
	w.text(v.Title)
	w.raw("</h1>\n<dl class=\"facts\">\n<div><dt>", t("site.col.stage"), "<dd><a href=\"", root, "stages/")
	w.path(string(v.Stage))
	w.raw("/\"><span class=\"stage stage-")
	w.text(string(v.Stage))
	w.raw("\">")
	w.text(v.StageName)
	w.raw("</span></a></div>\n<div><dt>", t("site.col.kind"), "<dd><a href=\"", root, "kinds/")
	w.path(string(v.Kind))
	w.raw("/\">")
	w.text(v.KindName)
	w.raw("</a></div>\n<div><dt>", t("site.col.unit"), "<dd><a href=\"", root, "units/")
	w.path(v.Unit)
	w.raw("/\">")
	w.text(v.UnitName)
	w.raw("</a></div>\n<div><dt>", t("site.submitter"), "<dd>")
	if v.Submitter != "" {
		w.text(v.Submitter)
	} else {
		w.raw(t("site.anonymous"))
	}
	w.raw("</div>\n<div><dt>", t("site.col.submitted"), "<dd><time>")
	w.text(v.SubmittedText)
	w.raw("</time></div>\n")
	if len(v.Tags) > 0 {
		w.raw("<div class=\"wide\"><dt>", t("site.tags"), "<dd><ul class=\"tags\">")
		for _, tag := range v.TagLinks {
			w.raw("<li><a href=\"", root, "tags/")
			w.path(tag.Slug)
			w.raw("/\">")
			w.text(tag.Name)
			w.raw("</a>")
		}
		w.raw("</ul></div>\n")
	}
	w.raw("</dl>\n</header>\n")
	if d := v.DuplicateOf; d != nil {
		w.raw("<p class=\"duplicate-of\">", t("site.duplicate-of"), " ")
		w.ref(root, d)
		w.raw("</p>\n")
	}
	if len(v.Duplicates) > 0 {
		w.section("duplicates", t("site.duplicates-heading"))
		w.raw("<p>")
		w.text(v.DuplicatesText)
		w.raw("</p>\n<ul>\n")
		for i := range v.Duplicates {
			d := &v.Duplicates[i]
			w.raw("<li><a href=\"", root, "idea/")
			w.path(d.ID)
			w.raw("/\">")
			w.text(d.ID)
			w.raw(" ")
			w.text(d.Title)
			w.raw("</a>\n")
		}
		w.raw("</ul>\n</section>\n")
	}
	writeNext(w, t, &v.Next)
	if v.Discussion != "" || v.EditURL != "" || v.HistoryURL != "" {
		w.raw("<ul class=\"idea-links\">\n")
		if v.Discussion != "" {
			w.raw("<li><a class=\"button\" href=\"")
			w.url(v.Discussion)
			w.raw("\">", t("site.discuss"), "</a>\n")
		}
		if v.EditURL != "" {
			w.raw("<li><a class=\"button secondary\" href=\"")
			w.url(v.EditURL)
			w.raw("\">", t("site.edit"), "</a>\n")
		}
		if v.HistoryURL != "" {
			w.raw("<li><a class=\"button secondary\" href=\"")
			w.url(v.HistoryURL)
			w.raw("\">", t("site.file-history"), "</a>\n")
		}
		w.raw("</ul>\n")
	}
	w.section("desc", t("site.description"))
	w.raw("<div class=\"prose\">")
	w.raw(string(v.Body))
	w.raw("</div>\n</section>\n")
	writeSections(w, t, v)
	w.section("timeline", t("site.timeline"))
	w.raw("<ol class=\"timeline\">\n")
	for i := range v.Timeline {
		e := &v.Timeline[i]
		w.raw("<li><time>")
		w.text(e.DateText)
		w.raw("</time> ")
		w.text(e.Text)
		if c := e.Commit; c != nil && c.URL != "" {
			w.raw(" · <a href=\"")
			w.url(c.URL)
			w.raw("\">")
			w.text(s.sayCommit(c.DateText))
			w.raw("</a>")
		}
		w.raw("\n")
	}
	// One note: where the history is missing or short, its own says what
	// the dates rest on (110 bytes a page fewer).
	w.raw("</ol>\n<p class=\"note\">")
	if v.HistoryNote != "" {
		w.text(s.t(v.HistoryNote))
	} else {
		w.raw(t("site.timeline-note"))
	}
	w.raw("</p>\n</section>\n")
	if len(v.Related) > 0 {
		w.section("related", t("site.related"))
		w.raw("<ul>\n")
		for i := range v.Related {
			w.raw("<li>")
			w.ref(root, &v.Related[i])
			w.raw("\n")
		}
		w.raw("</ul>\n</section>\n")
	}
	if len(v.Similar) > 0 {
		w.section("similar", t("site.similar"))
		w.raw("<p>", t("site.similar-intro"), "</p>\n",
			"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"similar-caption\">\n<table class=\"ideas stack\">\n<caption id=\"similar-caption\">", t("site.similar-caption"), "</caption>\n<thead>\n<tr>\n",
			"<th>", t("site.col.id"), "</th>\n<th>", t("site.col.title"), "</th>\n<th>", t("site.col.kind"), "</th>\n<th>", t("site.col.unit"), "</th>\n",
			"<th>", t("site.col.stage"), "</th>\n<th>", t("site.col.submitted"), "</th>\n<th>", t("site.col.changed"), "</th>\n</tr>\n</thead>\n<tbody>\n")
		if err := s.writeRows(w.Buffer, root, v.Similar, AllColumns); err != nil {
			return err
		}
		w.raw("</tbody>\n</table>\n</div>\n</section>\n")
	}
	w.raw("</article>\n")
	return nil
}

// writeNext writes the block of where the idea stands.
func writeNext(w htmlWriter, t func(string) string, n *Next) {
	w.raw("<section class=\"next")
	if n.Final {
		w.raw(" final")
	}
	w.raw("\" aria-labelledby=\"h-next\">\n<h2 id=\"h-next\">", t("site.next.heading"), "</h2>\n<p class=\"next-now\">")
	w.text(n.Heading)
	w.raw("</p>\n<dl class=\"next-facts\">\n<div><dt>", t("site.next.what"), "<dd>")
	w.text(n.What)
	w.raw("</div>\n")
	if len(n.Who) > 0 {
		w.raw("<div><dt>", t("site.next.who"), "<dd><ul>")
		for _, a := range n.Who {
			w.raw("<li>")
			w.text(a.Role)
			w.raw(": ")
			w.text(a.People)
		}
		w.raw("</ul></div>\n")
	}
	if n.Due != "" {
		w.raw("<div><dt>", t("site.next.when"), "<dd>")
		w.text(n.Due)
		w.raw("</div>\n")
	}
	w.raw("</dl>\n")
	if a := n.Answer; a != nil {
		w.raw("<div class=\"answer\">\n<h3>")
		w.text(a.Heading)
		w.raw("</h3>\n")
		if a.Text != "" {
			w.raw("<blockquote class=\"text\">")
			w.text(a.Text)
			w.raw("</blockquote>\n")
		}
		w.raw("<p class=\"signed\">")
		w.text(a.Signature)
		w.raw("</p>\n</div>\n")
	}
	w.raw("</section>\n")
}

// writeSections writes the idea's sections, from the screening to those
// of the bank's own.
func writeSections(w htmlWriter, t func(string) string, v *Idea) {
	if sc := v.Screening; sc != nil {
		w.section("screening", t("section.screening"))
		w.raw("<p class=\"signed\">")
		w.text(sc.Signature)
		w.raw("</p>\n<p><strong>", t("site.outcome"), ":</strong> ")
		w.text(sc.OutcomeText)
		w.raw("</p>\n<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"criteria-caption\">\n<table class=\"criteria stack\">\n<caption id=\"criteria-caption\">", t("site.criteria"), "</caption>\n",
			"<thead><tr><th>", t("site.criterion"), "<th>", t("site.met"), "<th>", t("site.note"), "</thead>\n<tbody>\n")
		for i := range sc.Criteria {
			c := &sc.Criteria[i]
			w.raw("<tr><th>")
			w.text(c.Label)
			w.raw("<td data-label=\"", t("site.met"), "\">")
			w.text(c.MetText)
			if c.Note != "" {
				w.raw("<td class=\"text\" data-label=\"", t("site.note"), "\">")
				w.text(c.Note)
				w.raw("</td>") // not a line more of the pre-line text
			} else {
				w.raw("<td></td>") // closed, so that it is :empty
			}
			w.raw("\n")
		}
		w.raw("</tbody>\n</table>\n</div>\n<h3>", t("site.feedback"), "</h3>\n<blockquote class=\"text\">")
		w.text(sc.Feedback)
		w.raw("</blockquote>\n")
		if sc.RevisitText != "" {
			w.raw("<p>")
			w.text(sc.RevisitText)
			w.raw("</p>\n")
		}
		w.raw("</section>\n")
	}
	if p := v.Proposal; p != nil {
		w.section("proposal", t("section.proposal"))
		w.raw("<p class=\"signed\">")
		w.text(p.Signature)
		w.raw("</p>\n<p class=\"text\">")
		w.text(p.Summary)
		w.raw("</p>\n")
		if p.CostText != "" {
			w.raw("<p><strong>", t("site.cost"), ":</strong> ")
			w.text(p.CostText)
			w.raw(" kr</p>\n")
		}
		w.resources(t, p.Resources)
		w.raw("</section>\n")
	}
	if d := v.Decision; d != nil {
		w.section("decision", t("section.decision"))
		w.raw("<p class=\"signed\">")
		w.text(d.Signature)
		w.raw("</p>\n<p><strong>", t("site.outcome"), ":</strong> ")
		w.text(d.OutcomeText)
		w.raw("</p>\n<p class=\"text\">")
		w.text(d.Motivation)
		w.raw("</p>\n")
		if d.Implementer.Name != "" {
			w.raw("<p><strong>", t("site.implementer"), ":</strong> ")
			w.text(d.Implementer.Name)
			w.raw("</p>\n")
		}
		w.resources(t, d.Resources)
		w.raw("</section>\n")
	}
	if p := v.Plan; p != nil {
		w.section("plan", t("section.plan"))
		w.raw("<p class=\"signed\">")
		w.text(p.Signature)
		w.raw("</p>\n<p class=\"text\">")
		w.text(p.Summary)
		w.raw("</p>\n</section>\n")
	}
	if im := v.Implementation; im != nil {
		w.section("implementation", t("section.implementation"))
		w.raw("<dl class=\"facts\">\n")
		if !im.Started.IsZero() {
			w.raw("<div><dt>", t("site.started"), "<dd><time>")
			w.text(im.Started.String())
			w.raw("</time></div>\n")
		}
		if c := im.Communicated; c != nil {
			w.raw("<div><dt>", t("site.communicated"), "<dd>")
			w.text(c.Text)
			w.raw("</div>\n")
		}
		if !im.Completed.IsZero() {
			w.raw("<div><dt>", t("site.completed"), "<dd><time>")
			w.text(im.Completed.String())
			w.raw("</time></div>\n")
		}
		w.raw("</dl>\n</section>\n")
	}
	if o := v.Outcome; o != nil {
		w.section("outcome", t("section.outcome"))
		w.raw("<p class=\"signed\">")
		w.text(o.Signature)
		w.raw("</p>\n<h3>", t("site.effects"), "</h3>\n<p class=\"text\">")
		w.text(o.Effects)
		w.raw("</p>\n<h3>", t("site.lessons"), "</h3>\n<p class=\"text\">")
		w.text(o.Lessons)
		w.raw("</p>\n")
		if o.ReportedText != "" {
			w.raw("<p>")
			w.text(o.ReportedText)
			w.raw("</p>\n")
		}
		w.raw("</section>\n")
	}
	if wd := v.Withdrawn; wd != nil {
		w.section("withdrawn", t("section.withdrawn"))
		w.raw("<p class=\"signed\"><time>")
		w.text(wd.Date.String())
		w.raw("</time></p>\n<p class=\"text\">")
		w.text(wd.Reason)
		w.raw("</p>\n</section>\n")
	}
	for i := range v.Own {
		o := &v.Own[i]
		w.raw("<section aria-labelledby=\"h-own-")
		w.text(o.ID)
		w.raw("\">\n<h2 id=\"h-own-")
		w.text(o.ID)
		w.raw("\">")
		w.text(o.Label)
		w.raw("</h2>\n<dl class=\"own\">\n")
		for j := range o.Fields {
			f := &o.Fields[j]
			w.raw("<dt>")
			w.text(f.Name)
			w.raw("<dd>")
			if f.URL != "" {
				w.raw("<a href=\"")
				w.url(f.URL)
				w.raw("\">")
				w.text(f.Text)
				w.raw("</a>")
			} else {
				w.raw("<span class=\"text\">")
				w.text(f.Text)
				w.raw("</span>")
			}
			w.raw("</dd>\n")
		}
		w.raw("</dl>\n</section>\n")
	}
}

// writeRow writes v's row of an idea table with every column, as
// base.html's "idea-row" prints it, for pages whose root is root (or
// rootMark), and sets at to where each cell starts and the last ends.
// A cell's end tag, and the row's, are left out, as HTML allows: 40
// bytes a row.
func (s *site) writeRow(w htmlWriter, root string, v *Idea, at *[8]int32) {
	start := w.Len()
	cell := func(i int) { at[i] = int32(w.Len() - start) }
	w.raw("<tr>")
	cell(0)
	w.raw("<td>")
	w.text(v.ID)
	cell(1)
	w.raw("<td><a href=\"", root, "idea/")
	w.path(v.ID)
	w.raw("/\">")
	w.text(v.Title)
	w.raw("</a>")
	cell(2)
	w.raw("<td>")
	w.text(v.KindName)
	cell(3)
	w.raw("<td>")
	w.text(v.UnitName)
	cell(4)
	w.raw("<td><span class=\"stage stage-")
	w.text(string(v.Stage))
	w.raw("\">")
	w.text(v.StageName)
	w.raw("</span>")
	cell(5)
	w.raw("<td data-label=\"", s.escapedText("site.col.submitted"), "\">")
	w.text(v.SubmittedText)
	cell(6)
	w.raw("<td data-label=\"", s.escapedText("site.col.changed"), "\">")
	w.text(v.ChangedText)
	cell(7)
	w.raw("\n")
}

// escapedText returns the text of key as {{t "key"}} prints it, escaped
// for element content and quoted attribute values; once per build.
func (s *site) escapedText(key string) string {
	if e, ok := s.texts.Load(key); ok {
		return e.(string)
	}
	e := htmlText.Replace(s.t(key))
	s.texts.Store(key, e)
	return e
}

// sayCommit is {{tf "site.commit" date}}, the link to a commit of a
// timeline.
func (s *site) sayCommit(date string) string {
	return i18n.Render(s.lang, i18n.M("site.commit", date))
}

// htmlWriter writes a page's HTML, each value escaped as html/template
// escapes it where the layout prints it.
type htmlWriter struct{ *bytes.Buffer }

// section starts a section of the page headed by heading (escaped
// already), which names it to assistive technology: h-id is the heading's
// id.
func (w htmlWriter) section(id, heading string) {
	w.raw("<section aria-labelledby=\"h-", id, "\">\n<h2 id=\"h-", id, "\">", heading, "</h2>\n")
}

// raw writes markup, or text already escaped: parts of it, so that the
// parts need not be joined into a string first.
func (w htmlWriter) raw(parts ...string) {
	for _, s := range parts {
		w.WriteString(s)
	}
}

// text writes s escaped for element content or a quoted attribute value,
// as html/template's htmlEscaper and attrEscaper do.
func (w htmlWriter) text(s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		w.WriteString(s[written:i])
		w.WriteString(repl)
		written = i + 1
	}
	w.WriteString(s[written:])
}

// url writes u where a quoted attribute's URL starts, as html/template
// does: a scheme other than http, https and mailto is refused for
// #ZgotmplZ, then normalised (path).
func (w htmlWriter) url(u string) {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		u = "#ZgotmplZ"
	}
	w.path(u)
}

// path writes s within a quoted attribute's URL, as html/template's
// urlNormalizer and attrEscaper do: what a URL may not hold as it is,
// percent-encoded; & and + as entities.
func (w htmlWriter) path(s string) {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		w.WriteString(s[written:i])
		switch c {
		case '&':
			w.WriteString("&amp;")
		case '+':
			w.WriteString("&#43;")
		default:
			w.WriteByte('%')
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&15])
		}
		written = i + 1
	}
	w.WriteString(s[written:])
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// ref writes a link to another idea with its stage, as idea.html does for
// the original of a duplicate and the related ideas.
func (w htmlWriter) ref(root string, r *Ref) {
	w.raw("<a href=\"", root, "idea/")
	w.path(r.ID)
	w.raw("/\">")
	w.text(r.ID)
	w.raw(" ")
	w.text(r.Title)
	w.raw("</a> <span class=\"stage stage-")
	w.text(string(r.Stage))
	w.raw("\">")
	w.text(r.StageName)
	w.raw("</span>")
}

// resources writes the resources of a proposal or a decision.
func (w htmlWriter) resources(t func(string) string, r string) {
	if r == "" {
		return
	}
	w.raw("<p class=\"text\"><strong>", t("site.resources"), ":</strong> ")
	w.text(r)
	w.raw("</p>\n")
}
