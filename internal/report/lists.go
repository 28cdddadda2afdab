package report

import (
	"strconv"
	"strings"

	"github.com/idebanken/idebanken/internal/buffers"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
)

// List is a list of a report's page that PageHTML left off it, being
// longer than Info.ListMax: the page links to it, and the site writes it
// as pages of its own, in the folder Name beside the report's page, as
// the site's lists are: Pages[0] at Name/, Pages[n] at Name/page/n+1/.
// The links in Pages are made for those places.
type List struct {
	Name    string   // the folder: small letters, digits and hyphens
	Heading string   // what the list holds, plain text
	Count   int      // how many ideas or results it holds
	Pages   []string // the HTML of each page, escaped as PageHTML's
}

// How many entries a page of a List holds: some 25 to 60 kB of HTML.
// Variables, for a test to make lists of many pages of a few ideas.
var (
	idsPerPage     = 1000 // ids
	rowsPerPage    = 250  // rows of overdue ideas, as the site's lists
	resultsPerPage = 100  // results with their effects and lessons
)

// split reports whether a list of n entries goes to a List of its own.
func (w *htmlWriter) split(n int) bool { return w.info.ListMax > 0 && n > w.info.ListMax }

// list makes the List name of n entries, perPage a page, each page open,
// then item for each of its entries, then closed; and links to it from
// the page being written.
func (w *htmlWriter) list(name, heading string, n, perPage int, open, item, close func(x *htmlWriter, i int)) {
	l := List{Name: w.listName(name), Heading: heading, Count: n}
	for first := 0; first < n; first += perPage {
		x := w.sub(first > 0)
		open(x, first)
		for i := first; i < min(n, first+perPage); i++ {
			item(x, i)
		}
		close(x, first)
		l.Pages = append(l.Pages, x.b.String())
	}
	w.lists = append(w.lists, l)
	w.raw(`<a href="`)
	w.raw(l.Name) // small letters, digits and hyphens
	w.raw(`/">`)
	w.t("report.list-link", n)
	w.raw("</a>")
}

// backlogList links to the List name of n entries of what waits: the one
// at info.BacklogLists where there is one, or the one list makes.
func (w *htmlWriter) backlogList(name string, n int, list func()) {
	if w.info.BacklogLists == "" {
		list()
		return
	}
	w.raw(`<a href="`)
	w.text(w.info.BacklogLists)
	w.raw(w.listName(name)) // small letters, digits and hyphens
	w.raw(`/">`)
	w.t("report.list-link", n)
	w.raw("</a>")
}

// sub returns a writer for a page of a List: its links to the ideas'
// pages start a folder further down than the report's page (Name/), or
// three on the pages after the first (Name/page/N/). An address of a
// site elsewhere, base_url's, stays as it is.
func (w *htmlWriter) sub(later bool) *htmlWriter {
	info := w.info
	if u := info.IdeaURL; u != "" && !strings.Contains(u, "://") && !strings.HasPrefix(u, "/") {
		if later {
			info.IdeaURL = "../../../" + u
		} else {
			info.IdeaURL = "../" + u
		}
	}
	if w.stages == nil {
		w.stages = map[model.Stage]string{}
	}
	if w.pages == nil {
		w.pages = buffers.Get()
	}
	w.pages.Reset()
	return &htmlWriter{r: w.r, info: info, labels: w.labels, stages: w.stages, b: w.pages}
}

// listName returns a folder name for a List from name: small letters,
// digits and hyphens, other characters as hyphens, and a number added
// where two lists of the page would have the same.
func (w *htmlWriter) listName(name string) string {
	b := []byte(strings.ToLower(name))
	for i, c := range b {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			b[i] = '-'
		}
	}
	s := strings.Trim(string(b), "-")
	if s == "" {
		s = "list"
	}
	if w.names == nil {
		w.names = map[string]bool{}
	}
	for n, base := 2, s; w.names[s]; n++ {
		s = base + "-" + strconv.Itoa(n)
	}
	w.names[s] = true
	return s
}

// heading returns the plain text of the catalogue's key with args, which
// are labels or user text (masked here).
func (w *htmlWriter) heading(key string, args ...any) string {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = personal.MaskEmails(strings.TrimSpace(s))
		}
	}
	if len(args) == 0 {
		return i18n.Label(w.info.Lang, w.info.Process, key)
	}
	return i18n.Render(w.info.Lang, i18n.M(key, args...))
}

// plain returns the catalogue text of key without arguments, as plain
// text: a label of a kind, stage or heading.
func (w *htmlWriter) plain(key string) string { return i18n.Label(w.info.Lang, w.info.Process, key) }

// idsList makes the List of n ids, the i-th id(i), each a link to the
// idea's page, and links to it. Only the ids: a report of 100,000 ideas
// counts each idea in some ten figures, and the ideas' titles would
// double the bytes.
func (w *htmlWriter) idsList(n int, id func(i int) model.ID, name, heading string) {
	w.list(name, heading, n, idsPerPage,
		func(x *htmlWriter, _ int) { x.raw("<ul class=\"ids\">\n") },
		func(x *htmlWriter, i int) {
			x.raw("<li>") // without its end tag, which HTML lets out
			x.idTitle(id(i), "")
			x.raw("\n")
		},
		func(x *htmlWriter, _ int) { x.raw("</ul>\n") })
}
