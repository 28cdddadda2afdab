package sitegen

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/parallel"
	"github.com/idebanken/idebanken/internal/workflow"
)

// StageCount is a stage and how many ideas are at it.
type StageCount struct {
	Stage model.Stage
	Count int
}

// Home is the data of the start page.
type Home struct {
	Total       int
	Flow        []StageCount
	Quick       []StageCount
	Side        []StageCount
	Submit      Submit
	Submitted   []*Idea
	Decided     []*Idea
	Implemented []*Idea
}

// List is the data of a page that lists ideas: one page of the list.
type List struct {
	Heading string // a label, already in the page's language
	Intro   string // a catalogue key, or ""
	Ideas   []*Idea
	// Submit, on a unit's page, invites ideas for the unit; nil elsewhere.
	Submit *Submit
	// Total is how many ideas the whole list holds, on every page.
	Total int
	// Key says which records of lists.json make the whole list, for the
	// filter and sort of a list of many pages: "all", "stage:ID",
	// "unit:ID", "kind:ID" or "tag:NAME".
	Key string
	// Pager links the pages of a list of more than one; nil otherwise.
	Pager *Pager
}

// Column is a column of an idea table, named as the table's header
// (data-col) and the catalogue ("site.col." and the name) name it.
type Column string

// The columns of an idea table, in the order a table shows them.
const (
	ColID        Column = "id"
	ColTitle     Column = "title"
	ColKind      Column = "kind"
	ColUnit      Column = "unit"
	ColStage     Column = "stage"
	ColSubmitted Column = "submitted"
	ColChanged   Column = "changed"
)

// AllColumns is every column, in the order a table shows them: the table
// of all ideas and of the similar ones.
var AllColumns = []Column{ColID, ColTitle, ColKind, ColUnit, ColStage, ColSubmitted, ColChanged}

// tagColumns are those of a tag's list. An idea is on two or three tags'
// lists besides the others, so at 100,000 ideas the tags' lists hold
// some 200,000 rows; its kind, unit and last step are on its own page
// and its other lists.
var tagColumns = []Column{ColID, ColTitle, ColStage, ColSubmitted}

// Columns returns the columns of the list's table: all but the one that
// is the same on every row of a stage's, a unit's or a kind's list, and
// tagColumns for a tag's. Each byte of a row is some 0.1 MB of the site
// at 100,000 ideas.
func (l List) Columns() []Column {
	kind, _, _ := strings.Cut(l.Key, ":")
	var same Column
	switch kind {
	case "tag":
		return tagColumns
	case "stage":
		same = ColStage
	case "unit":
		same = ColUnit
	case "kind":
		same = ColKind
	default:
		return AllColumns
	}
	var cols []Column
	for _, c := range AllColumns {
		if c != same {
			cols = append(cols, c)
		}
	}
	return cols
}

// ListPageSize is the most rows a page of a list holds. A list of 10,000
// ideas on one page was 5 MB, and 50 MB at 100,000: unusable on a phone,
// and over what a web host takes for a page.
const ListPageSize = 250

// Pager is where a page stands among the pages of a list, with links to
// the others.
type Pager struct {
	Page, Pages int
	Prev, Next  string // links to the page before and after; "" at either end
	Links       []PageLink
}

// PageLink is a link to a page of a list; a Gap stands for pages left out
// between two links.
type PageLink struct {
	Number  int
	Href    string
	Current bool
	Gap     bool
}

// pagePath returns the path of page n of the list in folder dir ("" or
// ending in a slash).
func pagePath(dir string, n int) string {
	if n == 1 {
		return dir + "index.html"
	}
	return dir + "page/" + strconv.Itoa(n) + "/index.html"
}

// pager returns the links of page n of pages: the first and last, and
// those within two of n.
func pager(n, pages int) *Pager {
	href := func(to int) string {
		up := ""
		if n > 1 {
			up = "../../"
		}
		if to == 1 {
			return cmp.Or(up, "./")
		}
		return up + "page/" + strconv.Itoa(to) + "/"
	}
	p := &Pager{Page: n, Pages: pages}
	if n > 1 {
		p.Prev = href(n - 1)
	}
	if n < pages {
		p.Next = href(n + 1)
	}
	last := 0
	for to := 1; to <= pages; to++ {
		if to != 1 && to != pages && (to < n-2 || to > n+2) {
			continue
		}
		if to > last+1 {
			p.Links = append(p.Links, PageLink{Gap: true})
		}
		p.Links = append(p.Links, PageLink{Number: to, Href: href(to), Current: to == n})
		last = to
	}
	return p
}

// addList adds the pages of list l, in folder dir, ListPageSize ideas a
// page; desc is the pages' description, or "".
func (s *site) addList(dir, section, title, desc string, l List) {
	all := l.Ideas
	l.Total = len(all)
	pages := max(1, (len(all)+ListPageSize-1)/ListPageSize)
	for n := 1; n <= pages; n++ {
		pl := l
		pl.Ideas = all[(n-1)*ListPageSize : min(n*ListPageSize, len(all))]
		t := title
		if pages > 1 {
			pl.Pager = pager(n, pages)
			if n > 1 {
				t = title + " – " + i18n.Render(s.lang, i18n.M("site.page", n, pages))
			}
		}
		s.pages = append(s.pages, page{Path: pagePath(dir, n), Layout: "list", Section: section, Title: t, Description: desc, Data: pl})
	}
}

// Browse is the data of the page of every list.
type Browse struct {
	Stages []StageCount
	Units  []UnitCount
	Kinds  []KindCount
	Tags   []Tag
}

// UnitCount is a unit and how many ideas it has.
type UnitCount struct {
	ID, Name string
	Count    int
}

// KindCount is a kind and how many ideas are of it.
type KindCount struct {
	Kind  model.Kind
	Count int
}

// Waiting is the data of the page of what each role has to act on, and of
// the pages of all that waits at one stage.
type Waiting struct {
	FeedbackDays int
	Groups       []WaitGroup
	// Pager links the pages of one stage's ideas; nil on the page of
	// every stage, and for a stage of one page.
	Pager *Pager
}

// WaitGroup is the ideas at one stage and who they wait for.
type WaitGroup struct {
	Stage  model.Stage
	Actors []workflow.Actor
	// Next says what the next step is, as people read it.
	Next  string
	Items []WaitItem // on the page of every stage, the first WaitPreview
	Total int        // how many wait at the stage
	// More links the pages of all that waits at the stage, from the page
	// of every stage, when Items are not all; "" otherwise.
	More string
}

// WaitPreview is the most ideas of one stage that the page of every stage
// shows, the longest waiting first; the stage's own pages show the rest.
const WaitPreview = 50

// WaitItem is an idea that waits, since when, and until when it may.
type WaitItem struct {
	Idea  *Idea
	Since model.Date
	Due   model.Date // first feedback is due; zero where no limit applies
}

// Process is the data of the page that explains the process.
type Process struct {
	Rows     []ProcessRow
	Stages   []model.Stage
	Roles    []model.Role
	Criteria []string
	Submit   Submit
}

// ProcessRow is one row of the workflow table.
type ProcessRow struct {
	From     []model.Stage
	To       model.Stage
	Actors   []workflow.Actor
	Requires []workflow.Requirement
}

func (s *site) plan() {
	add := func(p page) { s.pages = append(s.pages, p) }
	add(page{Path: "index.html", Layout: "home", Section: "home", Make: func() any { return s.home() }, Description: s.t("site.home.lead")})
	s.addList("idea/", "ideas", s.t("site.all-ideas"), "", List{Heading: s.t("site.all-ideas"), Ideas: s.ideas, Key: "all"})
	// Every list in one pass over the ideas, newest first as they are.
	byStage, byUnit, byKind, byTag := map[model.Stage][]*Idea{}, map[string][]*Idea{}, map[model.Kind][]*Idea{}, map[string][]*Idea{}
	for _, v := range s.ideas {
		byStage[v.Stage] = append(byStage[v.Stage], v)
		byUnit[v.Unit] = append(byUnit[v.Unit], v)
		byKind[v.Kind] = append(byKind[v.Kind], v)
		for i, t := range v.Tags {
			if !slices.Contains(v.Tags[:i], t) {
				byTag[t] = append(byTag[t], v)
			}
		}
	}
	br := Browse{Tags: s.tags}
	for _, st := range proc(s.cfg).StageIDs() {
		ideas := byStage[st]
		br.Stages = append(br.Stages, StageCount{st, len(ideas)})
		label := s.t("stage." + string(st))
		// A stage of the bank's own has no description of v1's.
		desc := "site.stage-desc." + string(st)
		if !i18n.Has(desc) {
			desc = "site.stage-desc-own"
		}
		s.addList("stages/"+string(st)+"/", "browse", label, s.t(desc), List{Heading: label, Intro: desc, Ideas: ideas, Key: "stage:" + string(st)})
	}
	for i, u := range s.cfg.Units {
		ideas := byUnit[u.ID]
		br.Units = append(br.Units, UnitCount{u.ID, clean(u.Name), len(ideas)})
		sub := s.submit(&s.cfg.Units[i])
		s.addList("units/"+u.ID+"/", "browse", clean(u.Name), "", List{Heading: clean(u.Name), Ideas: ideas, Key: "unit:" + u.ID, Submit: &sub})
	}
	for _, k := range model.Kinds {
		ideas := byKind[k]
		br.Kinds = append(br.Kinds, KindCount{k, len(ideas)})
		label := s.t("kind." + string(k))
		s.addList("kinds/"+string(k)+"/", "browse", label, s.t("site.kind-desc."+string(k)), List{Heading: label, Intro: "site.kind-desc." + string(k), Ideas: ideas, Key: "kind:" + string(k)})
	}
	for _, tag := range s.tags {
		heading := s.t("site.tag") + ": " + tag.Name
		s.addList("tags/"+tag.Slug+"/", "browse", heading, "", List{Heading: heading, Ideas: byTag[tag.Name], Key: "tag:" + tag.Name})
	}
	add(page{Path: "browse/index.html", Layout: "browse", Section: "browse", Title: s.t("site.nav.browse"), Data: br})
	s.addWaiting()
	proc := process(s.cfg)
	proc.Submit = s.submit(nil)
	add(page{Path: "process/index.html", Layout: "process", Section: "process", Title: s.t("site.nav.process"), Data: proc})
	s.jobs = append(s.jobs, s.reportJobs(s.renderPage)...)
	add(page{Path: "search/index.html", Layout: "search", Section: "search", Title: s.t("site.nav.search")})
	add(page{Path: "accessibility/index.html", Layout: "accessibility", Title: s.t("site.accessibility"), Data: s.statement()})
	add(page{Path: "404.html", Layout: "notfound", Title: s.t("site.notfound"), NoIndex: true, AbsRoot: true})
	// The idea pages last: they are written in this order, and the many
	// small ones end the build evenly on every core (see write).
	// Each description made now, once the similarity index is let go of,
	// whose heap was the build's peak, and before letGo lets go of the
	// texts they are of; on every core, as the rest of plan is quick.
	first := len(s.pages)
	s.pages = append(s.pages, make([]page, len(s.ideas))...)
	parallel.For(len(s.ideas), func(i int) {
		v := s.ideas[i]
		s.pages[first+i] = page{Path: "idea/" + v.ID + "/index.html", Layout: "idea", Section: "ideas", Title: v.ID + " " + v.Title,
			Description: v.KindName + ", " + v.StageName + ": " + firstRunes(v.Text, descriptionText), Make: func() any { return s.pageView(v) }}
	})
}

// t returns the text of key, stages, roles, criteria and sections named as
// the bank's process names them.
// A stage or role of the bank's own has no description of v1's: it gets
// the general one.
func (s *site) t(key string) string {
	for prefix, general := range ownDesc {
		if strings.HasPrefix(key, prefix) && !i18n.Has(key) {
			return i18n.T(s.lang, general)
		}
	}
	return i18n.Label(s.lang, proc(s.cfg), key)
}

// ownDesc gives, for the keys that describe a stage or a role of v1, the
// description of one of the bank's own.
var ownDesc = map[string]string{"site.stage-desc.": "site.stage-desc-own", "site.role-desc.": "site.role-desc-own"}

func (s *site) filter(keep func(*Idea) bool) []*Idea {
	var out []*Idea
	for _, v := range s.ideas {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func (s *site) home() Home {
	h := Home{Total: len(s.ideas)}
	count := map[model.Stage]int{}
	for _, v := range s.ideas {
		count[v.Stage]++
	}
	main, quick, side := workflow.Of(s.cfg).MainLine()
	for _, st := range main {
		h.Flow = append(h.Flow, StageCount{st, count[st]})
	}
	for _, st := range quick {
		h.Quick = append(h.Quick, StageCount{st, count[st]})
	}
	for _, st := range side {
		h.Side = append(h.Side, StageCount{st, count[st]})
	}
	h.Submit = s.submit(nil)
	const recent = 6
	h.Submitted = first(s.ideas, recent)
	h.Decided = s.latest(recent, func(v *Idea) model.Date {
		if v.Decision != nil && v.Decision.Outcome != model.DecidePause {
			return v.Decision.Date
		}
		return model.Date{}
	})
	h.Implemented = s.latest(recent, func(v *Idea) model.Date {
		if v.Implementation != nil {
			return v.Implementation.Completed
		}
		return model.Date{}
	})
	return h
}

func first(ideas []*Idea, n int) []*Idea { return ideas[:min(n, len(ideas))] }

// latest returns the n ideas with the latest dates by date, which is zero
// for ideas that do not count.
func (s *site) latest(n int, date func(*Idea) model.Date) []*Idea {
	ideas := s.filter(func(v *Idea) bool { return !date(v).IsZero() })
	slices.SortStableFunc(ideas, func(a, b *Idea) int {
		return cmp.Or(date(b).Compare(date(a)), strings.Compare(b.ID, a.ID))
	})
	return first(ideas, n)
}

func (s *site) waiting() Waiting {
	w := Waiting{FeedbackDays: s.cfg.FeedbackDays}
	flow := workflow.Of(s.cfg)
	for _, st := range flow.Stages() {
		if flow.Final(st) {
			continue
		}
		g := WaitGroup{Stage: st, Actors: waitsFor(flow, st), Next: s.t("site.next." + string(st))}
		if !i18n.Has("site.next." + string(st)) { // a stage of the bank's own
			var onward i18n.Or
			for _, to := range flow.Next(st) {
				onward = append(onward, s.t("stage."+string(to)))
			}
			g.Next = i18n.Render(s.lang, i18n.M("site.next-step-own", onward))
		}
		for _, v := range s.ideas {
			if v.Stage != st {
				continue
			}
			item := WaitItem{Idea: v, Since: v.Changed}
			if st == model.StageSubmitted {
				item.Due = v.Submitted.AddDays(s.cfg.FeedbackDays)
			}
			if st == model.StagePaused && v.Screening != nil && !v.Screening.Revisit.IsZero() {
				item.Due = v.Screening.Revisit
			}
			g.Items = append(g.Items, item)
		}
		// The longest waiting first: they are the ones to act on.
		slices.SortStableFunc(g.Items, func(a, b WaitItem) int {
			return cmp.Or(a.Since.Compare(b.Since), strings.Compare(a.Idea.ID, b.Idea.ID))
		})
		g.Total = len(g.Items)
		w.Groups = append(w.Groups, g)
	}
	return w
}

// addWaiting adds the page of what waits at every stage, and for each
// stage with more than WaitPreview ideas, the pages of all of them.
func (s *site) addWaiting() {
	w := s.waiting()
	title := s.t("site.nav.waiting")
	preview := w
	preview.Groups = slices.Clone(w.Groups)
	for i, g := range w.Groups {
		if len(g.Items) <= WaitPreview {
			continue
		}
		preview.Groups[i].Items = g.Items[:WaitPreview]
		preview.Groups[i].More = string(g.Stage) + "/"
		dir := "waiting/" + string(g.Stage) + "/"
		pages := (len(g.Items) + ListPageSize - 1) / ListPageSize
		for n := 1; n <= pages; n++ {
			one := g
			one.Items = g.Items[(n-1)*ListPageSize : min(n*ListPageSize, len(g.Items))]
			d := Waiting{FeedbackDays: w.FeedbackDays, Groups: []WaitGroup{one}}
			t := title + ": " + s.t("stage."+string(g.Stage))
			if pages > 1 {
				d.Pager = pager(n, pages)
				t += " – " + i18n.Render(s.lang, i18n.M("site.page", n, pages))
			}
			s.pages = append(s.pages, page{Path: pagePath(dir, n), Layout: "waiting", Section: "waiting", Title: t, Data: d})
		}
	}
	s.pages = append(s.pages, page{Path: "waiting/index.html", Layout: "waiting", Section: "waiting", Title: title, Data: preview})
}

func process(cfg *model.Config) Process {
	flow := workflow.Of(cfg)
	p := Process{Stages: flow.Stages(), Roles: flow.Process.RoleIDs()}
	for _, c := range flow.Process.Criteria {
		p.Criteria = append(p.Criteria, c.ID)
	}
	for _, r := range flow.Rows {
		p.Rows = append(p.Rows, ProcessRow{r.From, r.To, r.Actors, r.Requires})
	}
	return p
}
