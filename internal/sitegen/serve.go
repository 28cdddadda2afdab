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
// the timeline's commits) is made anew by every build.
type ViewCache struct {
	mu    sync.Mutex
	cfg   *model.Config
	lang  model.Lang
	gh    gitHub
	views map[*model.Idea]*Idea
	next  map[*model.Idea]*Idea
	// indexed is what the search and similarity indexes read of each
	// idea, folded, by the idea it was made of.
	indexed, nextIndexed map[*model.Idea]indexed
	// index is the similarity index of the last build, brought up to
	// date by the next: it reads again only the ideas that changed.
	indexMu sync.Mutex
	index   *similar.Index
}

// NewViewCache returns an empty ViewCache.
func NewViewCache() *ViewCache { return &ViewCache{} }

// forBuild readies c for a build of cfg in lang, linking to gh; on a nil
// c, it does nothing and keeps nothing.
func (c *ViewCache) forBuild(cfg *model.Config, lang model.Lang, gh gitHub) *ViewCache {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cfg != cfg || c.lang != lang || c.gh != gh {
		c.cfg, c.lang, c.gh, c.views, c.indexed = cfg, lang, gh, nil, nil
	}
	c.next = make(map[*model.Idea]*Idea, len(c.views))
	return c
}

// get returns a copy of the view kept for idea, to be completed by the
// build, or nil.
func (c *ViewCache) get(idea *model.Idea) *Idea {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	v := c.views[idea]
	if v != nil {
		c.next[idea] = v // never changed: the build changes its copy
	}
	c.mu.Unlock()
	if v == nil {
		return nil
	}
	cp := *v
	return &cp
}

// put keeps a copy of v, the view of idea, for the next build: as it is
// before the build adds what comes from other ideas and the history.
func (c *ViewCache) put(idea *model.Idea, v *Idea) {
	if c == nil {
		return
	}
	cp := *v
	c.mu.Lock()
	c.next[idea] = &cp
	c.mu.Unlock()
}

// done ends a build's use of c: the ideas it did not see are forgotten.
func (c *ViewCache) done() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.views, c.next = c.next, nil
	c.mu.Unlock()
}

// indexed is what the indexes read of an idea: its entry of search.json
// and its doc of the similarity index, the texts folded.
type indexed struct {
	search searchEntry
	doc    similar.Doc
}

// indexedCache is the part of a ViewCache that keeps what the indexes read
// of each idea; nil keeps nothing.
type indexedCache struct{ c *ViewCache }

// forIndexes readies c to keep what the indexes read, for a build that
// forBuild readied.
func (c *ViewCache) forIndexes() *indexedCache {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	c.nextIndexed = map[*model.Idea]indexed{}
	c.mu.Unlock()
	return &indexedCache{c}
}

// get returns what was kept for idea, and keeps it for the next build.
func (k *indexedCache) get(idea *model.Idea) (indexed, bool) {
	if k == nil || idea == nil {
		return indexed{}, false
	}
	k.c.mu.Lock()
	defer k.c.mu.Unlock()
	x, ok := k.c.indexed[idea]
	if ok {
		k.c.nextIndexed[idea] = x
	}
	return x, ok
}

func (k *indexedCache) put(idea *model.Idea, x indexed) {
	if k == nil || idea == nil {
		return
	}
	k.c.mu.Lock()
	k.c.nextIndexed[idea] = x
	k.c.mu.Unlock()
}

// done ends a build's use of k: the ideas it did not see are forgotten.
func (k *indexedCache) done() {
	if k == nil {
		return
	}
	k.c.mu.Lock()
	k.c.indexed, k.c.nextIndexed = k.c.nextIndexed, nil
	k.c.mu.Unlock()
}

// similar returns the up to n ideas most like each of docs, from the
// similarity index that c keeps, brought up to date, or on a nil c from a
// new one: either gives the same.
func (c *ViewCache) similar(docs []similar.Doc, n int) [][]similar.Match {
	if c == nil {
		return similar.New(docs).All(n)
	}
	c.indexMu.Lock()
	defer c.indexMu.Unlock()
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
	opts.Out = siteOut{x}
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
			for _, job := range append([]func() error{x.s.openData, x.s.searchIndex, x.s.lists, x.s.feeds}, x.s.jobs...) {
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
