package sitegen

import (
	"strings"
	"sync"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/similar"
)

// ViewCache keeps the views of ideas between builds (see Options.Views).
// A view is kept for the *model.Idea it was made of, and as long as the
// configuration, language and repository are the same; what a view takes
// from other ideas or from the history (related and similar ideas, tags,
// the timeline's commits) is made anew by every build. A ViewCache serves
// one build at a time: what the last one kept is only read while the next
// runs, so the build's goroutines read it without a lock.
type ViewCache struct {
	cfg   *model.Config
	lang  model.Lang
	gh    gitHub
	views map[*model.Idea]*Idea
	kept  []*Idea // by the build's idea: what it keeps for the next
	// indexed is what the search and similarity indexes read of each
	// idea, folded, by the idea it was made of.
	indexed map[*model.Idea]indexed
	// index is the similarity index of the last build, brought up to
	// date by the next: it reads again only the ideas that changed.
	index *similar.Index
}

// NewViewCache returns an empty ViewCache.
func NewViewCache() *ViewCache { return &ViewCache{} }

// forBuild readies c for a build of n ideas of cfg in lang, linking to
// gh; on a nil c, it does nothing and keeps nothing.
func (c *ViewCache) forBuild(cfg *model.Config, lang model.Lang, gh gitHub, n int) *ViewCache {
	if c == nil {
		return nil
	}
	if c.cfg != cfg || c.lang != lang || c.gh != gh {
		c.cfg, c.lang, c.gh, c.views, c.indexed = cfg, lang, gh, nil, nil
	}
	c.kept = make([]*Idea, n)
	return c
}

// get returns a copy of the view kept for idea, the build's i-th, to be
// completed by the build, or nil.
func (c *ViewCache) get(i int, idea *model.Idea) *Idea {
	if c == nil {
		return nil
	}
	v := c.views[idea]
	if v == nil {
		return nil
	}
	c.kept[i] = v // never changed: the build changes its copy
	cp := *v
	return &cp
}

// put keeps a copy of v, the view of idea, the build's i-th, for the next
// build: as it is before the build adds what comes from other ideas and
// the history.
func (c *ViewCache) put(i int, v *Idea) {
	if c == nil {
		return
	}
	cp := *v
	c.kept[i] = &cp
}

// done ends a build's use of c, whose ideas were ideas: the ideas it did
// not see are forgotten.
func (c *ViewCache) done(ideas []*model.Idea) {
	if c == nil {
		return
	}
	c.views = make(map[*model.Idea]*Idea, len(ideas))
	for i, v := range c.kept {
		if v != nil {
			c.views[ideas[i]] = v
		}
	}
	c.kept = nil
}

// indexed is what the indexes read of an idea: its entry of search.json
// and its doc of the similarity index, the texts folded.
type indexed struct {
	search searchEntry
	doc    similar.Doc
}

// folded returns what the indexes read of idea as the last build made
// it.
func (c *ViewCache) folded(idea *model.Idea) (indexed, bool) {
	if c == nil || idea == nil {
		return indexed{}, false
	}
	x, ok := c.indexed[idea]
	return x, ok
}

// keepFolded keeps, for the next build, what the indexes read of views:
// search and docs, in their order.
func (c *ViewCache) keepFolded(views []*Idea, search []searchEntry, docs []similar.Doc) {
	if c == nil {
		return
	}
	c.indexed = make(map[*model.Idea]indexed, len(views))
	for i, v := range views {
		c.indexed[v.src] = indexed{search[i], docs[i]}
	}
}

// similar returns the up to n ideas most like each of docs, from the
// similarity index that c keeps, brought up to date, or on a nil c from
// similar.Matches, which keeps no index and takes docs: it lets go of
// their texts (140 MB at 100,000 ideas) as it counts them. Either gives
// the same.
func (c *ViewCache) similar(docs []similar.Doc, n int) [][]similar.Match {
	if c == nil {
		return similar.Matches(docs, n)
	}
	if c.index == nil {
		c.index = similar.New(docs)
	} else {
		c.index.Update(docs)
	}
	return c.index.All(n)
}

// Site is a site whose pages are rendered when asked for, for idebank
// serve: after an edit, only the pages that are looked at are rendered,
// the open page first. The files that the build's jobs write (open data,
// search index, feeds, reports) are made together, the first time one of
// them is asked for. A Site is safe for use by many goroutines.
type Site struct {
	s      *site
	byPath map[string]int // the index of each page in s.pages
	mu     sync.Mutex
	files  map[string][]byte
	assets sync.Once
	jobs   sync.Once
	err    error
}

// Prepare makes the views and the plan of a site without rendering it.
func Prepare(opts Options) (*Site, error) {
	x := &Site{files: map[string][]byte{}}
	opts.Out, opts.onRequest = siteOut{x}, true
	s, err := prepare(opts)
	if err != nil {
		return nil, err
	}
	x.s = s
	x.byPath = make(map[string]int, len(s.pages))
	for i, p := range s.pages {
		x.byPath[p.Path] = i
	}
	return x, nil
}

// siteOut keeps what a Site renders.
type siteOut struct{ x *Site }

func (o siteOut) Write(name string, data []byte) error {
	o.x.mu.Lock()
	defer o.x.mu.Unlock()
	o.x.files[name] = append([]byte(nil), data...)
	return nil
}

// File returns the file name of the site, rendering it if need be, and
// whether the site has one.
func (x *Site) File(name string) ([]byte, bool, error) {
	if b, ok := x.cached(name); ok {
		return b, true, nil
	}
	if i, ok := x.byPath[name]; ok {
		if err := x.s.renderPage(&x.s.pages[i]); err != nil {
			return nil, false, err
		}
		b, ok := x.cached(name)
		return b, ok, nil
	}
	if strings.HasPrefix(name, "assets/") {
		x.assets.Do(func() { x.err = x.s.assets() })
	} else {
		x.jobs.Do(func() {
			for _, job := range append(append(x.s.textJobs(), x.s.lists), x.s.jobs...) {
				if err := job(); err != nil {
					x.err = err
					return
				}
			}
		})
	}
	if x.err != nil {
		return nil, false, x.err
	}
	b, ok := x.cached(name)
	return b, ok, nil
}

func (x *Site) cached(name string) ([]byte, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	b, ok := x.files[name]
	return b, ok
}
