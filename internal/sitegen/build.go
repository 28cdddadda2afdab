// Package sitegen builds the static site of an idea bank: a page per idea,
// lists by stage, unit, kind and tag, what each role has to act on, the
// process itself, search, feeds and open data. The output depends on the
// files alone, so building twice gives the same bytes.
package sitegen

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/idebanken/idebanken/internal/buffers"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/parallel"
	"github.com/idebanken/idebanken/internal/public"
	"github.com/idebanken/idebanken/internal/render"
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
	// noGoIdea renders the idea pages with idea.html even where ideaMain
	// would write them, for the test that compares the two.
	noGoIdea bool
	// noSimilar leaves the similarity index out, for the benchmark that
	// measures what it costs.
	noSimilar bool
	// onRequest is set by Prepare, whose Site renders a page whenever it
	// is asked for one it has not kept: perhaps twice at once.
	onRequest bool
}

// descriptionText is how much of an idea's text its page's description
// holds, in characters: with the kind and stage before it at most some 155,
// what a search engine shows of a description; more was cut there and
// written on each of the pages for nothing.
const descriptionText = 110

// site is the state of one build.
type site struct {
	opts  Options
	cfg   *model.Config
	lang  model.Lang
	base  string
	ideas []*Idea // newest first
	byID  map[string]*Idea
	// byFile holds the view of each of opts.Ideas.
	byFile map[*model.Idea]*Idea
	// search holds the entries of search.json, in the order of ideas.
	search []searchEntry
	// textsWritten is whether letGo has run the text jobs.
	textsWritten bool
	tags         []Tag
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
	// Cached parts of pages: see rows and chrome; texts holds the
	// catalogue's texts escaped, for ideaMain.
	rowCache, chromeCache, texts sync.Map
	// frames holds the base layout as cut for pages of each root and
	// section, see frame.go.
	frames sync.Map
	// defaultDescription is the description of a page that has none of
	// its own.
	defaultDescription string
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
	s.plan() // before letGo: an idea page's description is of its text
	if err := s.letGo(); err != nil {
		return nil, err
	}
	return s, nil
}

// write writes the site: the jobs, then the pages in the order plan made
// them. The jobs (the search index, open data, feeds, the reports) are the
// longest items, then come the lists, and plan puts the idea pages, many
// and alike, last. In that order the cores end the build together,
// instead of one of them ending it alone on a long item.
func (s *site) write() error {
	jobs := append(append(s.textJobs(), s.lists, s.assets), s.jobs...)
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
	return nil
}

func (s *site) views() error {
	md, same := render.New(), newAlike()
	views := make([]*Idea, len(s.opts.Ideas))
	errs := make([]error, len(s.opts.Ideas))
	cache := s.opts.Views.forBuild(s.cfg, s.lang, s.github, len(s.opts.Ideas))
	swap := !s.keepsViews()
	// A build that keeps no views makes them, and the copies of the files
	// it swaps them for, in two arrays, which live to the build's end:
	// made one by one among the garbage of rendering their Markdown, they
	// left the heap's spans holding a few of them each, some hundreds of
	// megabytes at 100,000 ideas that the collector can neither use nor
	// give back.
	var arena []Idea
	var copies []model.Idea
	if swap {
		// A slice of its own, whose files it swaps for their copies: the
		// caller's is the caller's.
		s.opts.Ideas = slices.Clone(s.opts.Ideas)
		arena, copies = make([]Idea, len(s.opts.Ideas)), make([]model.Idea, len(s.opts.Ideas))
	}
	parallel.For(len(s.opts.Ideas), func(i int) {
		idea := s.opts.Ideas[i]
		v := cache.get(i, idea)
		if v == nil {
			var dst *Idea
			if swap {
				dst = &arena[i]
			}
			if v, errs[i] = newIdea(dst, idea, s.cfg, s.lang, md, same); errs[i] != nil {
				return
			}
			if swap {
				afterView(&copies[i], idea)
				idea = &copies[i]
				s.opts.Ideas[i] = idea
			}
			// What the view takes of its idea and the configuration alone
			// is kept with it between builds; the history is another.
			v.src = idea
			cache.put(i, v)
		}
		views[i] = v
	})
	cache.done(s.opts.Ideas)
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("%s: %w", s.opts.Ideas[i].Path, err)
		}
	}
	s.byFile = make(map[*model.Idea]*Idea, len(views))
	for i, v := range views {
		s.byFile[s.opts.Ideas[i]] = v
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
	return s.indexes()
}

// keepsViews reports whether the build keeps its views for the next one
// (serve, see Options.Views). A build that does not lets go of each part
// of what it reads as soon as it has done with it: the parsed files (see
// afterView), the search index's entries (see indexes), the views' texts
// (see letGo).
func (s *site) keepsViews() bool { return s.opts.Views != nil }

// dropsPrinted reports whether the build lets go of the parts of a view
// that only some files print, once those are written: the plain text,
// once the text jobs have run, and the body, once the idea's page is.
// Only in a build that keeps no views and writes each page once, with the
// built-in layouts: a theme's own may print them anywhere.
func (s *site) dropsPrinted() bool { return !s.keepsViews() && !s.opts.onRequest && s.builtinLayouts }

// textJobs returns the jobs of a build that read the views' plain texts:
// the search index, open data and the feeds; none once they are written
// (see letGo).
func (s *site) textJobs() []func() error {
	if s.textsWritten {
		return nil
	}
	return []func() error{s.openData, s.searchIndex, s.feeds}
}

// letGo writes the rest of the text jobs now, in a build that keeps no
// views (indexes wrote the search index), and lets go of what only they
// read, where it may (see dropsPrinted): each view's plain text. Written
// among the pages, open data's buffer (121 MB at 100,000 ideas) was on
// top of every view at its fullest; now the pages are written without
// it, and without the texts.
func (s *site) letGo() error {
	if s.keepsViews() {
		return nil
	}
	if err := s.openData(); err != nil {
		return err
	}
	if err := s.feeds(); err != nil {
		return err
	}
	s.textsWritten = true
	if !s.dropsPrinted() {
		return nil
	}
	for _, v := range s.byFile { // every view, those left off the site too
		v.Text = ""
	}
	return nil
}

// afterView makes c a copy of idea with what the build reads of it once
// its view is made: what the reports read (package report, given the
// events of the view), and the links to other ideas, which are made once
// every view is; not its body, tags or discussion, nor the criteria of its
// assessment. A build that keeps no views swaps each file for its copy as
// soon as its view is made, not once all of them are: at 100,000 ideas
// the parsed files were some 240 MB of the heap while the views were
// made and indexed, the build's peak, their Markdown bodies and the
// assessments' criteria most of it.
func afterView(c, idea *model.Idea) {
	*c = *idea
	c.Body, c.Tags, c.Discussion = "", nil, ""
	if sc := c.Screening; sc != nil {
		scc := *sc
		scc.Criteria = nil
		c.Screening = &scc
	}
}

// sortNewest orders ideas by submission, newest first, then by id. The
// ids of ideas are one each, so no two are equal and the sort need not
// be stable.
func sortNewest(ideas []*Idea) {
	slices.SortFunc(ideas, func(a, b *Idea) int {
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
	// out is what the page is written into, for ideaMain.
	out *bytes.Buffer
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
	var f *frame
	if s.goIdeaPage() {
		if f, err = s.frameFor(frameKey{root, p.Section, p.NoIndex, p.Title != ""}); err != nil {
			return err
		}
	}
	buf := buffers.Get()
	defer buffers.Put(buf)
	d := s.pageData(root, p.Section)
	d.Title, d.Data, d.NoIndex, d.out = p.Title, p.Data, p.NoIndex, buf
	d.Description = p.Description
	if d.Description == "" {
		d.Description = s.defaultDescription
	}
	if p.Make != nil {
		d.Data = p.Make()
	}
	if f != nil {
		err = s.renderFramed(buf, f, p, d, func() error {
			if v, ok := d.Data.(*Idea); ok && p.Layout == "idea" {
				return s.writeIdeaMain(htmlWriter{buf}, s.escapedText, ideaRoot(root), v)
			}
			return t.ExecuteTemplate(buf, "main", d)
		})
	} else if err = t.ExecuteTemplate(buf, "base", d); err != nil {
		err = fmt.Errorf("%s: %w", p.Path, err)
	}
	if err != nil {
		return err
	}
	return s.opts.Out.Write(p.Path, buf.Bytes())
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
		if p == "assets" && errors.Is(err, fs.ErrNotExist) {
			return i18n.Errorf(err, "cli.theme-no-assets", "site/assets")
		}
		if err != nil {
			return i18n.Errorf(err, "cli.theme-unreadable", "site/"+p)
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(s.opts.Theme, p)
		if err != nil {
			return i18n.Errorf(err, "cli.theme-unreadable", "site/"+p)
		}
		return s.opts.Out.Write(p, data)
	})
}
