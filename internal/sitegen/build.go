// Package build builds the static site of an idea bank: a page per idea,
// lists by stage, unit, kind and tag, what each role has to act on, the
// process itself, search, feeds and open data. The output depends on the
// files alone, so building twice gives the same bytes.
package sitegen

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/parallel"
	"github.com/idebanken/idebanken/internal/public"
	"github.com/idebanken/idebanken/internal/render"
	"github.com/idebanken/idebanken/internal/workflow"
	theme "github.com/idebanken/idebanken/site"
)

// Options are the inputs of a build.
type Options struct {
	Config *model.Config
	Ideas  []*model.Idea
	// BaseURL is the address the site is published at, for feeds and
	// open data; "" for the configuration's base_url.
	BaseURL string
	// Theme holds the layouts/ and assets/ of the site.
	Theme fs.FS
	// History is what the repository's history says of each idea; nil
	// where there is none to read.
	History *history.History
	Out     Output
	// Branch is the branch the site links the ideas' files on; "" for
	// DefaultBranch.
	Branch string
	// RepoDir is the bank's folder in its git repository, "" at the top.
	RepoDir string
	// Today is the day of the build: a report of a period still running
	// is made as of today. Zero: every period is taken as ended.
	Today model.Date
	// Views, when set, keeps the view of each idea between builds, by
	// its *model.Idea: a build given the same idea as the last one does
	// not render its Markdown again (serve, with check.LintCached).
	Views *ViewCache

	noFold bool // render the built-in theme without folding, for a test of it
	// noSimilar leaves the similarity index out, for the benchmark that
	// measures what it costs.
	noSimilar bool
}

// site is the state of one build.
type site struct {
	opts  Options
	cfg   *model.Config
	lang  model.Lang
	base  string
	ideas []*Idea // newest first
	byID  map[string]*Idea
	// search holds the entries of search.json, in the order of ideas.
	search []searchEntry
	tags   []Tag
	// tagByName holds each of tags by its name.
	tagByName map[string]Tag
	tmpl      map[string]*template.Template
	github    gitHub
	pages     []page
	// jobs are the parts of the build that write files of their own, to
	// run beside the pages.
	jobs []func() error
	// partials is the base layout, whose parts rows and chrome render.
	partials *template.Template
	// builtinLayouts is whether the theme's layouts are the built-in ones.
	builtinLayouts bool
	// The layouts as run: for each depth and section of page, see forPage.
	specMu sync.Mutex
	specs  map[specKey]*template.Template
	// Cached parts of pages: see rows and chrome.
	rowCache, chromeCache sync.Map
	// The tables of rows for splice, by number, and the mark before the
	// number, which holds a NUL byte and a random part: no page text can
	// make one up.
	blocks    sync.Map
	nextBlock atomic.Int64
	blockMark string
	markOnce  sync.Once
}

// Tag is a tag with the path segment of its page.
type Tag struct {
	Name, Slug string
	Count      int
}

// Build builds the site into opts.Out.
func Build(opts Options) error {
	s, err := prepare(opts)
	if err != nil {
		return err
	}
	return s.write()
}

// prepare makes the views, the templates and the plan of a build.
func prepare(opts Options) (*site, error) {
	s := &site{opts: opts, cfg: opts.Config, lang: opts.Config.Language, byID: map[string]*Idea{}}
	if !s.lang.Valid() {
		s.lang = model.Swedish
	}
	// The address every feed, ideas.json and page is built on: a web
	// address or none, never javascript: (the check reports a bad one).
	s.base = public.WebAddress(cmp.Or(opts.BaseURL, opts.Config.BaseURL))
	s.github = gitHub{repo: opts.Config.Repository, branch: cmp.Or(opts.Branch, DefaultBranch), dir: opts.RepoDir}
	if s.base != "" && !strings.HasSuffix(s.base, "/") {
		s.base += "/"
	}
	if err := s.views(); err != nil {
		return nil, err
	}
	if err := s.templates(); err != nil {
		return nil, err
	}
	s.plan()
	return s, nil
}

// write writes the site: the jobs, then the pages in the order plan made
// them. The jobs (the search index, open data, feeds, the reports) are the
// longest items, then come the lists, and plan puts the idea pages, many
// and alike, last. In that order the cores end the build together,
// instead of one of them ending it alone on a long item.
func (s *site) write() error {
	jobs := append([]func() error{s.openData, s.searchIndex, s.lists, s.feeds, s.assets}, s.jobs...)
	errs := make([]error, len(jobs)+len(s.pages))
	parallel.For(len(errs), func(i int) {
		if i < len(jobs) {
			errs[i] = jobs[i]()
		} else {
			errs[i] = s.renderPage(&s.pages[i-len(jobs)])
		}
	})
	for _, err := range errs {
		if err != nil {
			return err // the first: a broken layout breaks every page alike
		}
	}
	unspliced := false
	s.blocks.Range(func(any, any) bool {
		unspliced = true
		return false
	})
	if unspliced {
		return errRowsEscaped
	}
	return nil
}

// errRowsEscaped is the error of a layout that prints the rows of a table
// where they cannot be spliced in.
var errRowsEscaped = i18n.Errorf(nil, "cli.theme-rows")

func (s *site) views() error {
	md := render.New()
	views := make([]*Idea, len(s.opts.Ideas))
	errs := make([]error, len(s.opts.Ideas))
	cache := s.opts.Views.forBuild(s.cfg, s.lang)
	parallel.For(len(s.opts.Ideas), func(i int) {
		if v := cache.get(s.opts.Ideas[i]); v != nil {
			views[i] = v
			return
		}
		views[i], errs[i] = newIdea(s.opts.Ideas[i], s.cfg, s.lang, md)
		cache.put(s.opts.Ideas[i], views[i], errs[i])
	})
	cache.done(s.opts.Ideas)
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("%s: %w", s.opts.Ideas[i].Path, err)
		}
	}
	for i, v := range views {
		if v == nil {
			continue
		}
		idea := s.opts.Ideas[i]
		v.src = idea
		v.HistoryNote, v.Timeline = reconcile(v, idea, s.opts.History, s.github, s.lang)
		v.Next = next(v, s.cfg, s.lang)
		v.EditURL = s.github.edit(idea.Path)
		if public.ShowsCommits(idea) {
			v.HistoryURL = s.github.history(idea.Path) // it names who made each commit
		}
	}
	for _, v := range views {
		if v.ID == "" || s.byID[v.ID] != nil {
			continue // the check reports ideas without an id, and duplicates
		}
		s.byID[v.ID] = v
		s.ideas = append(s.ideas, v)
	}
	sortNewest(s.ideas)
	for _, idea := range s.opts.Ideas {
		v := s.byID[string(idea.ID)]
		if v == nil {
			continue
		}
		for _, r := range idea.Related {
			if o := s.byID[string(r)]; o != nil && o != v {
				v.Related = append(v.Related, Ref{o.ID, o.Title, o.Stage, o.StageName})
			}
		}
	}
	// Tags: one page each, under a path made of the tag's letters.
	count := map[string]int{}
	for _, v := range s.ideas {
		for _, t := range v.Tags {
			count[t]++
		}
	}
	used := map[string]bool{}
	names := make([]string, 0, len(count))
	for t := range count {
		names = append(names, t)
	}
	slices.Sort(names)
	s.tagByName = make(map[string]Tag, len(names))
	for _, t := range names {
		slug := cmp.Or(model.Slugify(t), "tagg")
		for base, n := slug, 2; used[slug]; n++ {
			slug = fmt.Sprintf("%s-%d", base, n)
		}
		used[slug] = true
		s.tags = append(s.tags, Tag{t, slug, count[t]})
		s.tagByName[t] = s.tags[len(s.tags)-1]
	}
	for _, v := range s.ideas {
		for _, t := range v.Tags {
			v.TagLinks = append(v.TagLinks, s.tagByName[t])
		}
	}
	s.indexes()
	return nil
}

// sortNewest orders ideas by submission, newest first, then by id.
func sortNewest(ideas []*Idea) {
	slices.SortStableFunc(ideas, func(a, b *Idea) int {
		return cmp.Or(b.Submitted.Compare(a.Submitted), strings.Compare(b.ID, a.ID))
	})
}

// TagSlug returns the path segment of tag's page.
func (s *site) TagSlug(tag string) string { return s.tagByName[tag].Slug }

// page is one HTML page to render.
type page struct {
	Path    string // output path, ending in index.html or .html
	Layout  string // template name
	Title   string
	Section string // the navigation item it belongs to
	Data    any
	// Make, when set, makes Data as the page is rendered, on the core that
	// renders it: for pages whose data takes a pass over all the ideas.
	Make    func() any
	NoIndex bool // keep out of search engines (the 404 page)
	AbsRoot bool // links from the site root, for the 404 page served anywhere
	// Description is what search engines show of the page; "" for the
	// site's own.
	Description string
}

// pageData is what a layout gets.
type pageData struct {
	Lang        model.Lang
	SiteTitle   string
	Org         string
	Title       string
	Root        string // the relative path to the site root: "", "../", …
	Section     string
	Data        any
	NoIndex     bool
	Description string
}

func (s *site) templates() error {
	funcs := template.FuncMap{
		"t": s.t,
		"tf": func(key string, args ...any) string {
			return i18n.Render(s.lang, i18n.M(key, args...))
		},
		"count": func(key string, n int) string {
			return i18n.Render(s.lang, i18n.M("site.count", i18n.Count{Key: key, N: n}))
		},
		"stage":     func(st model.Stage) string { return s.t("stage." + string(st)) },
		"kind":      func(k model.Kind) string { return i18n.T(s.lang, "kind."+string(k)) },
		"criterion": func(c string) string { return s.t("criterion." + c) },
		"actors":    func(as []workflow.Actor) string { return actorsText(s.lang, proc(s.cfg), as) },
		"tagslug":   s.TagSlug,
		"yesno": func(b bool) string {
			if b {
				return i18n.T(s.lang, "site.yes")
			}
			return i18n.T(s.lang, "site.no")
		},
		"sek":   func(n int) string { return thousands(n) },
		"cards": func(ideas []*Idea) ideaList { return ideaList{Ideas: ideas} },
		"table": func(id, caption string, ideas []*Idea) ideaList {
			return ideaList{ID: id, Caption: caption, Ideas: ideas}
		},
		"requirement": func(r workflow.Requirement) string { return describeRequirement(s.lang, s.cfg, r) },
		"rows":        s.rows,
		"chrome":      s.chrome,
		// root is the page's way to the site root, "../../" and the like;
		// forPage gives every depth its own.
		"root": func() string { return "" },
	}
	s.tmpl = map[string]*template.Template{}
	layouts, err := fs.Glob(s.opts.Theme, "layouts/*.html")
	if err != nil {
		return err
	}
	builtin, _ := fs.Glob(theme.FS, "layouts/*.html")
	s.builtinLayouts = slices.Equal(layouts, builtin)
	for _, l := range layouts {
		data, err := fs.ReadFile(s.opts.Theme, l)
		if err != nil {
			return i18n.Errorf(err, "cli.theme-unreadable", "site/"+l)
		}
		// rootMark must come from nowhere but a folded root.
		if bytes.Contains(data, []byte(rootMark)) {
			return i18n.Errorf(nil, "cli.theme-nul", "site/"+l)
		}
		if own, err := fs.ReadFile(theme.FS, l); err != nil || !bytes.Equal(data, own) {
			s.builtinLayouts = false
		}
	}
	base, err := template.New("base.html").Funcs(funcs).ParseFS(s.opts.Theme, "layouts/base.html")
	if err != nil {
		return i18n.Errorf(err, "cli.theme-template", err.Error())
	}
	foldTexts := func(set *template.Template) {
		if s.folds() {
			fold(set, texts(func(key string) string { return i18n.T(s.lang, key) }))
		}
	}
	foldTexts(base)
	for _, l := range layouts {
		name := path.Base(l)
		if name == "base.html" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(s.opts.Theme, l)
		if err != nil {
			return i18n.Errorf(err, "cli.theme-template", err.Error())
		}
		foldTexts(t)
		s.tmpl[strings.TrimSuffix(name, ".html")] = t
	}
	s.partials = base
	s.specs = map[specKey]*template.Template{}
	return nil
}

// specKey is a layout as run for the pages of one root and section; the
// partials have layout "" and no section.
type specKey struct{ layout, root, section string }

// folds reports whether the build folds texts, roots and chrome into the
// templates (see fold.go). Only the built-in layouts are folded, wherever
// they are read from (an idea bank's copy of site/ with its own style
// sheet is still folded): a test shows that folding changes none of their
// pages, which nothing can show for layouts of one's own, where a text
// might stand in a script or an unquoted attribute.
func (s *site) folds() bool {
	return !s.opts.noFold && s.builtinLayouts
}

// forPage returns the layout (or, for "", the partials) as run for pages
// whose root and section are these: a copy whose root function returns the
// root, with the root and the page's chrome folded in. The templates loaded
// from the theme are only ever copied, never run, since html/template
// copies no template that has run.
func (s *site) forPage(layout, root, section string) (*template.Template, error) {
	key := specKey{layout, root, section}
	s.specMu.Lock()
	t := s.specs[key]
	s.specMu.Unlock()
	if t != nil {
		return t, nil
	}
	orig := s.partials
	if layout != "" {
		if orig = s.tmpl[layout]; orig == nil {
			return nil, i18n.Errorf(nil, "cli.theme-no-layout", "site/layouts/"+layout+".html")
		}
	}
	t, err := orig.Clone()
	if err != nil {
		return nil, err
	}
	t.Funcs(template.FuncMap{"root": func() string { return root }})
	if s.folds() {
		fold(t, rootOf(root))
		if layout != "" {
			fold(t, chromeOf(func(name string) (template.HTML, error) {
				return s.chrome(name, s.pageData(root, section))
			}))
		}
	}
	// Two pages may have made the same copy at once; keep the first.
	s.specMu.Lock()
	defer s.specMu.Unlock()
	if first := s.specs[key]; first != nil {
		return first, nil
	}
	s.specs[key] = t
	return t, nil
}

// rows renders the rows of an idea table with the layout "idea-row". An
// idea is in up to seven lists, at two depths: each row is rendered once,
// with rootMark where its root goes, and then reused.
//
// The rows do not go through the layout: a list of 10,000 ideas is 5 MB of
// them, which the layout would copy three times over (into a string, into
// fmt's buffer, into the page). rows returns a mark instead, and
// renderPage puts the rows where it stands (see splice).
func (s *site) rows(root string, ideas []*Idea) (template.HTML, error) {
	if len(ideas) == 0 {
		return "", nil // as empty as the rows: {{if}} can tell
	}
	mark := rootMark
	if !s.folds() || !plainRoot.MatchString(root) {
		mark = root // rendered once per root, the root through the escapers
	}
	b := &rowBlock{rows: make([]string, len(ideas))}
	if mark == rootMark {
		b.root = root
	}
	var buf bytes.Buffer
	for i, v := range ideas {
		key := rowKey{mark, v}
		r, ok := s.rowCache.Load(key)
		if !ok {
			buf.Reset()
			if err := s.partial(&buf, mark, "idea-row", struct {
				Root string
				Idea *Idea
			}{mark, v}); err != nil {
				return "", err
			}
			r = buf.String()
			s.rowCache.Store(key, r)
		}
		b.rows[i] = r.(string)
		b.size += len(b.rows[i]) + 2*len(root)
	}
	id := s.nextBlock.Add(1)
	s.blocks.Store(id, b)
	return template.HTML(s.mark() + strconv.FormatInt(id, 10) + "\x00"), nil // the rows are escaped by the layout
}

// mark returns the mark that rows puts before the number of its rows.
func (s *site) mark() string {
	s.markOnce.Do(func() {
		s.blockMark = "\x00rows-" + rand.Text() + "-"
	})
	return s.blockMark
}

// rowBlock is the rows of a table, for splice.
type rowBlock struct {
	rows []string
	root string // what rootMark in rows stands for; "" when they hold their root
	size int    // at most, with the root in
}

// splice returns page with each mark that rows left in it replaced by the
// rows, in dst's memory.
func (s *site) splice(dst *bytes.Buffer, page []byte) ([]byte, error) {
	mark := []byte(s.mark())
	if !bytes.Contains(page, mark[1:]) {
		return page, nil
	}
	var parts [][]byte // the page between the marks
	var blocks []*rowBlock
	var ids []int64
	defer func() {
		for _, id := range ids {
			s.blocks.Delete(id) // after the loop: a layout may print rows twice
		}
	}()
	size := 0
	for rest := page; ; {
		i := bytes.Index(rest, mark)
		if i < 0 {
			parts = append(parts, rest)
			size += len(rest)
			break
		}
		parts = append(parts, rest[:i])
		size += i
		rest = rest[i+len(mark):]
		j := bytes.IndexByte(rest, 0)
		id, err := strconv.ParseInt(string(rest[:max(j, 0)]), 10, 64)
		b, ok := s.blocks.Load(id)
		if j < 0 || err != nil || !ok {
			return nil, errRowsEscaped
		}
		rest = rest[j+1:]
		ids = append(ids, id)
		blocks = append(blocks, b.(*rowBlock))
		size += b.(*rowBlock).size
	}
	// What is left of a mark that an escaper changed: its NUL is gone or
	// written otherwise, the random part is still there.
	for _, part := range parts {
		if bytes.Contains(part, mark[1:]) {
			return nil, errRowsEscaped
		}
	}
	dst.Reset()
	dst.Grow(size)
	for k, part := range parts {
		dst.Write(part)
		if k == len(blocks) {
			break
		}
		b := blocks[k]
		for _, r := range b.rows {
			for b.root != "" {
				i := strings.IndexByte(r, rootMark[0])
				if i < 0 {
					break
				}
				dst.WriteString(r[:i])
				dst.WriteString(b.root)
				r = r[i+1:]
			}
			dst.WriteString(r)
		}
	}
	return dst.Bytes(), nil
}

type rowKey struct {
	root string
	idea *Idea
}

// chrome renders the part of the base layout called name, which may use
// only the page's root and section and what is the same on every page:
// once per root and section.
func (s *site) chrome(name string, d pageData) (template.HTML, error) {
	key := chromeKey{name, d.Root, d.Section}
	if r, ok := s.chromeCache.Load(key); ok {
		return r.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := s.partial(&buf, d.Root, name, d); err != nil {
		return "", err
	}
	r := template.HTML(buf.String()) // escaped by the layout
	s.chromeCache.Store(key, r)
	return r, nil
}

type chromeKey struct{ name, root, section string }

// partial executes the template name of the base layout, for pages whose
// root is root.
func (s *site) partial(w *bytes.Buffer, root, name string, data any) error {
	t, err := s.forPage("", root, "")
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, name, data)
}

func (s *site) renderPage(p *page) error {
	root := strings.Repeat("../", strings.Count(p.Path, "/"))
	if root == "" {
		root = "./"
	}
	if p.AbsRoot {
		root = "/"
		if s.base != "" {
			root = basePath(s.base)
		}
	}
	t, err := s.forPage(p.Layout, root, p.Section)
	if err != nil {
		return err
	}
	buf := getBuffer()
	defer putBuffer(buf)
	d := s.pageData(root, p.Section)
	d.Title, d.Data, d.NoIndex = p.Title, p.Data, p.NoIndex
	d.Description = cmp.Or(p.Description, s.description())
	if p.Make != nil {
		d.Data = p.Make()
	}
	err = t.ExecuteTemplate(buf, "base", d)
	if err != nil {
		return fmt.Errorf("%s: %w", p.Path, err)
	}
	spliced := getBuffer()
	defer putBuffer(spliced)
	out, err := s.splice(spliced, buf.Bytes())
	if err != nil {
		return fmt.Errorf("%s: %w", p.Path, err)
	}
	return s.opts.Out.Write(p.Path, out)
}

// pageBuffers hold pages while they are rendered: a page grows its buffer
// from nothing to several kilobytes, and 10,000 of them did that anew.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// getBuffer returns an empty buffer from pageBuffers.
func getBuffer() *bytes.Buffer {
	b := pageBuffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// putBuffer gives b back to pageBuffers, unless it has grown large, for a
// list or ideas.json: kept, it would be handed to a page of a few
// kilobytes and hold megabytes for nothing.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		pageBuffers.Put(b)
	}
}

// description returns what search engines show of a page that says
// nothing of its own.
func (s *site) description() string {
	return i18n.Render(s.lang, i18n.M("site.description-default", cmp.Or(s.cfg.Organisation, s.cfg.Title)))
}

// pageData returns what every page of root and section gets.
func (s *site) pageData(root, section string) pageData {
	return pageData{Lang: s.lang, SiteTitle: s.cfg.Title, Org: s.cfg.Organisation, Root: root, Section: section}
}

// ideaList is what the idea-table and idea-cards templates get.
type ideaList struct {
	ID, Caption string
	Ideas       []*Idea
}

// describeRequirement says what a step of the workflow needs, in lang.
func describeRequirement(lang model.Lang, cfg *model.Config, r workflow.Requirement) string {
	p := proc(cfg)
	req := i18n.T(lang, "site.req."+r.Section)
	if !i18n.Has("site.req." + r.Section) { // a section of the bank's own: its label
		top, field, dotted := strings.Cut(r.Section, ".")
		req = i18n.Label(lang, p, "section."+top)
		if dotted {
			req += " (" + field + ")"
		}
	}
	parts := []string{req}
	if r.Outcome != "" {
		// The outcome as people read it: "Snabb vinst: genomförs direkt av
		// enhetschef", not quick-win.
		parts = append(parts, i18n.Render(lang, i18n.M("site.req.with-outcome", outcomeText(lang, cfg, r.Section, r.Outcome))))
	}
	if r.CriteriaMet {
		parts = append(parts, i18n.T(lang, "site.req.criteria"))
	}
	for _, f := range r.Fields {
		// A field as people say it; one of a process of the bank's own,
		// which the catalogue cannot know, by its name.
		if key := "site.req.field." + f; i18n.Has(key) {
			parts = append(parts, i18n.T(lang, key))
		} else {
			parts = append(parts, i18n.Render(lang, i18n.M("site.req.field", f)))
		}
	}
	if len(r.Signers) > 0 {
		parts = append(parts, i18n.Render(lang, i18n.M("site.req.signed", actorsText(lang, p, r.Signers))))
	}
	return strings.Join(parts, "; ")
}

// actorsText names who may take a step, as a sentence says it: "en
// idéambassadör eller innovationsgruppen".
func actorsText(lang model.Lang, p *model.Process, as []workflow.Actor) string {
	names := make([]string, len(as))
	for i, a := range as {
		key := "site.by." + string(a)
		if !i18n.Has(key) {
			key = "actor." + string(a)
		}
		if !i18n.Has(key) { // a role of the bank's own
			key = "role." + string(a)
		}
		names[i] = i18n.Label(lang, p, key)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + i18n.T(lang, "site.or") + names[len(names)-1]
}

// basePath returns the path part of a base URL: "/idebanken/".
func basePath(base string) string {
	i := strings.Index(base, "://")
	if i < 0 {
		return "/"
	}
	rest := base[i+3:]
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		return rest[j:]
	}
	return "/"
}

func (s *site) assets() error {
	return fs.WalkDir(s.opts.Theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(s.opts.Theme, p)
		if err != nil {
			return err
		}
		return s.opts.Out.Write(p, data)
	})
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u00a0')
		}
		b.WriteRune(r)
	}
	return b.String()
}
