package build

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/idebanken/idebanken/internal/atomicfile"
)

// Output receives the files of a built site. Write is called from many
// goroutines.
type Output interface {
	Write(name string, data []byte) error
}

// Memory is an Output that keeps the site in memory, for serve and tests.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: make(map[string][]byte)} }

// Write stores data as the file name.
func (m *Memory) Write(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = data
	return nil
}

// File returns the file name and whether there is one.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	return b, ok
}

// Names returns the names of every file, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// manifestName lists, in an output folder, the files the last build wrote:
// the only files a later build may delete.
const manifestName = ".idebank-files"

// Dir is an Output that writes into a folder on disk. Each file is written
// atomically and only when its content changed, so a rebuild that changes
// nothing changes no file. Close removes what the previous build wrote and
// this one did not, and nothing else.
type Dir struct {
	root    string
	mu      sync.Mutex
	written map[string]bool
	old     []string
	fresh   bool     // no earlier build here: nothing to compare or replace
	dirs    sync.Map // folders made so far
}

// ErrUnsafeOut is returned for an output folder that building into could
// harm: the repository itself, a folder that holds ideas, or a folder of
// other files.
var ErrUnsafeOut = errors.New("unsafe output folder")

// OpenDir prepares the folder out for a site built from the idea bank at
// repoRoot.
func OpenDir(out, repoRoot string) (*Dir, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	repo, err := filepath.Abs(repoRoot)
	if err != nil {
		return nil, err
	}
	if within(repo, abs) {
		return nil, fmt.Errorf("%w: %s holds the idea bank itself", ErrUnsafeOut, out)
	}
	if within(abs, filepath.Join(repo, "ideas")) || within(abs, filepath.Join(repo, ".git")) {
		return nil, fmt.Errorf("%w: %s is inside the repository's ideas or .git", ErrUnsafeOut, out)
	}
	for _, guard := range []string{"ideas", "idebank.yaml", ".git"} {
		if _, err := os.Lstat(filepath.Join(abs, guard)); err == nil {
			return nil, fmt.Errorf("%w: %s holds %s", ErrUnsafeOut, out, guard)
		}
	}
	d := &Dir{root: abs, written: make(map[string]bool)}
	entries, err := os.ReadDir(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		d.fresh = true
		return d, os.MkdirAll(abs, 0o755)
	case err != nil:
		return nil, err
	}
	manifest, err := os.ReadFile(filepath.Join(abs, manifestName))
	if errors.Is(err, os.ErrNotExist) {
		if len(entries) > 0 {
			return nil, fmt.Errorf("%w: %s is not empty and was not made by idebank build", ErrUnsafeOut, out)
		}
		d.fresh = true
		return d, nil
	}
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(manifest), "\n") {
		if line = strings.TrimSpace(line); line != "" && local(line) {
			d.old = append(d.old, line)
		}
	}
	return d, nil
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// local reports whether name is a plain relative path that stays inside
// the folder: a manifest could have been edited by hand.
func local(name string) bool {
	return filepath.IsLocal(filepath.FromSlash(name)) && path.Clean(name) == name
}

// Write writes data as the file name, unless the file already holds it.
func (d *Dir) Write(name string, data []byte) error {
	if !local(name) || name == manifestName {
		return fmt.Errorf("build: bad output name %q", name)
	}
	d.mu.Lock()
	d.written[name] = true
	d.mu.Unlock()
	full := filepath.Join(d.root, filepath.FromSlash(name))
	if !d.fresh {
		if old, err := os.ReadFile(full); err == nil && bytes.Equal(old, data) {
			return nil
		}
	}
	if dir := filepath.Dir(full); dir != d.root {
		if _, ok := d.dirs.Load(dir); !ok {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			d.dirs.Store(dir, true)
		}
	}
	// Still through a temporary file and a rename, even in a new folder: a
	// build that is stopped leaves no half-written page to be published.
	// But no fsync: the site can be built again from the repository.
	return atomicfile.WriteFileNoSync(full, data, 0o644)
}

// Close removes the files of the previous build that this one did not
// write, and records what this build wrote.
func (d *Dir) Close() error {
	for _, name := range d.old {
		if d.written[name] {
			continue
		}
		full := filepath.Join(d.root, filepath.FromSlash(name))
		if err := os.Remove(full); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		// Remove folders the build left empty, up to the output folder.
		for dir := filepath.Dir(full); dir != d.root && within(dir, d.root); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
	names := make([]string, 0, len(d.written))
	for n := range d.written {
		names = append(names, n)
	}
	slices.Sort(names)
	return d.writeManifest(strings.Join(names, "\n") + "\n")
}

// writeManifest records the files this build wrote.
func (d *Dir) writeManifest(content string) error {
	full := filepath.Join(d.root, manifestName)
	if old, err := os.ReadFile(full); err == nil && string(old) == content {
		return nil
	}
	return atomicfile.WriteFile(full, []byte(content), 0o644)
}
