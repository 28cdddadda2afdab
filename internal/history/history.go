// Package history holds what the git history of an idea bank says about
// each idea: when each change of stage was merged, in which commit and by
// whom. Package gitrepo reads it; the site shows it, and the check compares
// it with the dates in the files.
package history

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/model"
)

// Step is a change of an idea's stage in a commit of the main line.
type Step struct {
	ID     model.ID    `json:"id"`
	Path   string      `json:"path"`
	From   model.Stage `json:"from,omitempty"` // "" when the commit added the file
	To     model.Stage `json:"to"`
	Commit string      `json:"commit"`
	When   time.Time   `json:"when"`
	// Author is the commit author's name, and Login the GitHub login that
	// a GitHub no-reply address gives. The address itself is never kept.
	Author string `json:"author,omitempty"`
	Login  string `json:"login,omitempty"`
}

// History is the steps of every idea, oldest first.
type History struct {
	Steps map[model.ID][]Step
	Head  string
	// Shallow is true when the history stops before the first commit, as
	// in a CI checkout with depth 1: steps before it are missing.
	Shallow bool
	// Commits is how many commits the history covers; Read is how many of
	// them had to be read from the repository, the rest from the cache.
	Commits, Read int
}

// Add records the steps of one commit, which come newest first while the
// history is walked; Finish puts them in order.
func (h *History) Add(steps ...Step) {
	if h.Steps == nil {
		h.Steps = make(map[model.ID][]Step)
	}
	for _, s := range steps {
		h.Steps[s.ID] = append(h.Steps[s.ID], s)
	}
}

// Finish orders every idea's steps oldest first.
func (h *History) Finish() {
	for id := range h.Steps {
		slices.Reverse(h.Steps[id])
	}
}

// Cache remembers what each commit changed, so that a history read again
// after new commits reads only those. It is keyed by commit, so a rewritten
// or switched branch is read anew where it differs.
type Cache struct {
	Version int                    `json:"version"`
	Commits map[string]CommitSteps `json:"commits"`
	dirty   bool
}

// CommitSteps is what one commit changed, and its first parent.
type CommitSteps struct {
	Parent string `json:"parent,omitempty"` // "" for a first or shallow commit
	// Shallow is true when the commit's parent is missing from the clone.
	Shallow bool   `json:"shallow,omitempty"`
	Steps   []Step `json:"steps,omitempty"`
}

const cacheVersion = 1

// LoadCache reads the cache at path; a missing or unreadable cache, or one
// of another version, is an empty one: it only saves time.
func LoadCache(path string) *Cache {
	c := &Cache{Version: cacheVersion, Commits: map[string]CommitSteps{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return c
	}
	var read Cache
	if json.Unmarshal(data, &read) != nil || read.Version != cacheVersion || read.Commits == nil {
		return c
	}
	return &read
}

// Get returns what commit changed, if the cache knows.
func (c *Cache) Get(commit string) (CommitSteps, bool) {
	if c == nil {
		return CommitSteps{}, false
	}
	s, ok := c.Commits[commit]
	return s, ok
}

// Put records what commit changed.
func (c *Cache) Put(commit string, s CommitSteps) {
	if c == nil {
		return
	}
	c.Commits[commit] = s
	c.dirty = true
}

// Save writes the cache to path, atomically, if it changed.
func (c *Cache) Save(path string) error {
	if c == nil || !c.dirty {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, data, 0o644)
}

// ErrNoHistory is returned where there is no git repository to read.
var ErrNoHistory = errors.New("no git history")
