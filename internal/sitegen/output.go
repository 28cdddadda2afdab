package sitegen

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/plainfile"
)

// Output receives the files of a built site. Write is called from many
// goroutines.
type Output interface {
	// Write writes data as the file name. It must not keep data after
	// it returns: the build reuses the memory for the next page.
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
	m.files[name] = bytes.Clone(data)
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

// Dir is an Output that writes into a folder on disk. A first build into a
// folder that does not exist yet is written beside it and renamed into
// place by Close, so the site appears whole or not at all. Otherwise each
// file is written atomically, and on a rebuild only when its content
// changed, so one that changes nothing changes no file; Close removes what
// the previous build wrote and this one did not, and nothing else.
type Dir struct {
	root    string // where the site is written: out, or the stage
	out     string
	stage   string // the folder a first build is written into, or ""
	fresh   bool   // an empty folder: nothing to compare with
	mu      sync.Mutex
	written map[string]bool
	old     []string
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
	d := &Dir{root: abs, out: abs, written: make(map[string]bool)}
	if _, err := os.Lstat(abs); errors.Is(err, os.ErrNotExist) {
		if d.makeStage() == nil {
			return d, nil
		}
		// No stage beside it (a parent we may not write in): build in
		// place, each file atomically.
		d.fresh = true
		return d, os.MkdirAll(abs, 0o755)
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return nil, err
	}
	manifest, err := os.ReadFile(filepath.Join(abs, manifestName))
	if errors.Is(err, os.ErrNotExist) {
		if len(entries) > 0 {
			return nil, fmt.Errorf("%w: %s is not empty and was not made by idebank build", ErrUnsafeOut, out)
		}
		// An empty folder someone made, perhaps a link, a mount or a
		// folder with its own owner and rights: it stays, and the build
		// goes into it, each file atomically.
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

// makeStage makes the folder a first build is written into, beside the
// output folder, which does not exist yet: a rename into place needs the
// same file system.
func (d *Dir) makeStage() error {
	parent := filepath.Dir(d.out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	for range 10 {
		// Not MkdirTemp, which makes the folder 0700: the site's folder
		// gets the rights the user's umask gives a new folder.
		stage := filepath.Join(parent, fmt.Sprintf(".%s.idebank-%d", filepath.Base(d.out), rand.Uint32()))
		err := os.Mkdir(stage, 0o755)
		if err == nil {
			d.stage, d.root = stage, stage
			return nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return errors.New("build: no free name for a stage folder")
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
	if d.stage == "" && !d.fresh {
		// A file longer than data is not read: it differs.
		if old, _, err := plainfile.Read(full, int64(len(data))); err == nil && old != nil && bytes.Equal(old, data) {
			return nil
		}
	}
	if dir := filepath.Dir(full); dir != d.root {
		if _, ok := d.dirs.Load(dir); !ok {
			// Mkdir first: the parent is there for all but the first
			// page of a section, and MkdirAll would ask about it again
			// for each of 10,000 idea folders.
			if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
			}
			d.dirs.Store(dir, true)
		}
	}
	if d.stage != "" {
		// Nobody reads the stage until Close renames it into place.
		return plainfile.Write(full, data, 0o644)
	}
	// Through a temporary file and a rename: a build that is stopped
	// leaves no half-written page to be published. But no fsync: the site
	// can be built again from the repository.
	return atomicfile.WriteFileNoSync(full, data, 0o644)
}

// Abort gives up a build: the stage of a first build is removed, and a
// rebuild keeps the files it has written so far, each of them whole.
func (d *Dir) Abort() error {
	if d.stage == "" {
		return nil
	}
	return os.RemoveAll(d.stage)
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
	if err := d.writeManifest(strings.Join(names, "\n") + "\n"); err != nil || d.stage == "" {
		return err
	}
	// The output folder did not exist when the build began. A rename
	// fails if a folder with files in it has appeared there since.
	if err := os.Rename(d.stage, d.out); err != nil {
		return err
	}
	d.root, d.stage = d.out, ""
	return nil
}

// writeManifest records the files this build wrote.
func (d *Dir) writeManifest(content string) error {
	full := filepath.Join(d.root, manifestName)
	if old, err := os.ReadFile(full); err == nil && string(old) == content {
		return nil
	}
	return atomicfile.WriteFile(full, []byte(content), 0o644)
}
