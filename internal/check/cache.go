package check

import (
	"bytes"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/parallel"
	"github.com/idebanken/idebanken/internal/snapshot"
)

// Cache keeps what Lint found in each file of a bank, for a caller that
// checks the bank again after a few of its files changed (idebank serve):
// a file with the bytes it had is not parsed or checked again, and keeps
// the *model.Idea it had, so that what is made from it can be kept too.
// A Cache is for one goroutine at a time.
type Cache struct {
	config []byte
	cfg    *model.Config
	cfgMsg []diag.Diagnostic
	today  model.Date
	files  map[string]cachedFile
}

type cachedFile struct {
	data  []byte
	idea  *model.Idea
	cross crossKeys         // of the file's positions, only what the checks across files need
	diags []diag.Diagnostic // of parsing and of the file on its own
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

// LintCached is Lint, with what c holds of the files that are as they
// were: the result is the one LintWith gives with NoKeys, as c keeps no
// more of a file's positions than the checks across files need. What
// depends on other files (duplicate ids, related ideas) is checked again
// every time. A change of the configuration or of the day empties c.
func LintCached(snap *snapshot.Snapshot, today model.Date, c *Cache) *Result {
	if snap.Config == nil || snap.Config.Symlink {
		c.files = map[string]cachedFile{}
		c.config, c.cfg = nil, nil
		return LintWith(snap, today, Options{NoKeys: true})
	}
	if c.cfg == nil || !bytes.Equal(c.config, snap.Config.Data) || c.today != today {
		var cfgDiags diag.List
		c.files = map[string]cachedFile{}
		c.config, c.today = bytes.Clone(snap.Config.Data), today
		c.cfg = parseConfig(snap.Config, &cfgDiags)
		c.cfgMsg = cfgDiags.Items()
		if c.cfg == nil {
			return &Result{Diags: c.cfgMsg}
		}
	}
	res := &Result{Config: c.cfg, Files: len(snap.Ideas), Diags: append([]diag.Diagnostic(nil), c.cfgMsg...)}
	entries := make([]cachedFile, len(snap.Ideas))
	parallel.For(len(snap.Ideas), func(i int) {
		f := &snap.Ideas[i]
		if old, ok := c.files[f.Path]; ok && !f.Symlink && f.Data != nil && bytes.Equal(old.data, f.Data) {
			entries[i] = old
			return
		}
		var out diag.List
		idea, keys := parseFile(f, c.cfg.Process, &out)
		if idea != nil {
			l := &ideaLinter{cfg: c.cfg, today: today, idea: idea, keys: keys, out: &out}
			l.lint()
		}
		entries[i] = cachedFile{data: f.Data, idea: idea, cross: crossOf(keys), diags: out.Items()}
	})
	files := make(map[string]cachedFile, len(entries))
	byID := make(map[model.ID][]*model.Idea, len(entries))
	for i, e := range entries {
		files[snap.Ideas[i].Path] = e
		if e.idea != nil && e.idea.ID != "" {
			byID[e.idea.ID] = append(byID[e.idea.ID], e.idea)
		}
	}
	c.files = files // the files gone are forgotten
	res.Ideas = make([]*model.Idea, 0, len(entries))
	for _, e := range entries {
		res.Diags = append(res.Diags, e.diags...)
		if e.idea != nil {
			res.Ideas = append(res.Ideas, e.idea)
			var cross diag.List
			crossFile(e.idea, e.cross, byID, &cross)
			res.Diags = append(res.Diags, cross.Items()...)
		}
	}
	diag.Sort(res.Diags)
	return res
}
