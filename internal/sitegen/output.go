package sitegen

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/idebanken/idebanken/internal/buffers"
	"github.com/idebanken/idebanken/internal/i18n"
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
// the only files a later build may delete. Every other file in the folder
// (a CNAME, say) is someone else's and is kept.
const manifestName = ".idebank-files"

// stageInfix is in the name of every folder a build makes beside the
// output folder, ".site.idebank-123": a stage, or the old site on its way
// out. Only a build makes such names, so the next one removes those that
// a killed build left.
const stageInfix = ".idebank-"

// moveFolder is the folder inside the output folder where a build in
// place keeps the new files until Close moves them into place.
const moveFolder = ".idebank-new"

// dirMode is how a Dir writes the site.
type dirMode int

const (
	// modeStage: the output folder does not exist; the site is written
	// into a stage beside it, which Close renames into place.
	modeStage dirMode = iota
	// modeSwap: the output folder holds the previous site; the new one is
	// written into a stage beside it, unchanged files as hard links to the
	// old ones, and Close swaps the two folders in one step.
	modeSwap
	// modeInPlace: the output folder cannot be swapped (a link, a mount,
	// a folder of someone else's, no room beside it); changed files are
	// written into moveFolder inside it and moved into place by Close.
	modeInPlace
)

// Dir is an Output that writes into a folder on disk, so that the folder
// always holds a whole site: the previous one until Close, then the new
// one. A file whose bytes are those of the previous build is not written
// again (it keeps its time, and a deploy that compares sees nothing), and
// Close removes what the previous build wrote and this one did not, and
// nothing else. A build that is killed leaves the old site as it was; what
// it had written is in folders of names that the next build removes.
//
// Where the output folder is a link or a mount, it cannot be swapped, and
// the new files are moved into it one by one at Close: a kill during Close
// there leaves a mix of old and new files, each of them whole.
type Dir struct {
	out   string
	root  string // where Write puts files: the stage, out's moveFolder
	stage string // the stage beside out, in modeStage and modeSwap
	mode  dirMode
	fresh bool // in place: no previous build to compare with

	mu      sync.Mutex
	written map[string]bool
	moves   []string // in place: the names whose new content is in root
	old     map[string]bool
	dirs    sync.Map // folders made so far
	others  chan others
	stats   Stats
	wrote   atomic.Int64
}

// Stats says what a build did to its output folder.
type Stats struct {
	Written   int // files new or changed
	Unchanged int // files the build made with the bytes they had
	Removed   int // files of the previous build that this one did not make
}

// others is what is in an output folder that the previous build did not
// write: files of someone else's, and what a killed build left.
type others struct {
	files, leftovers []string
	err              error
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
		return nil, i18n.Errorf(ErrUnsafeOut, "cli.out-is-bank", out)
	}
	if within(abs, filepath.Join(repo, "ideas")) || within(abs, filepath.Join(repo, ".git")) {
		return nil, i18n.Errorf(ErrUnsafeOut, "cli.out-in-ideas", out)
	}
	for _, guard := range []string{"ideas", "idebank.yaml", ".git"} {
		if _, err := os.Lstat(filepath.Join(abs, guard)); err == nil {
			return nil, i18n.Errorf(ErrUnsafeOut, "cli.out-holds", out, guard)
		}
	}
	d := &Dir{root: abs, out: abs, written: make(map[string]bool), old: map[string]bool{}}
	removeStale(abs)
	info, err := os.Lstat(abs)
	if errors.Is(err, os.ErrNotExist) {
		if d.makeStage() == nil {
			d.mode = modeStage
			return d, nil
		}
		// No stage beside it (a parent we may not write in): build in
		// the folder itself.
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return nil, err
		}
		d.fresh = true
		return d, d.inPlace()
	}
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return nil, err
	}
	manifest, err := os.ReadFile(filepath.Join(abs, manifestName))
	if errors.Is(err, os.ErrNotExist) {
		if len(entries) > 0 {
			return nil, i18n.Errorf(ErrUnsafeOut, "cli.out-not-empty", out)
		}
		// An empty folder someone made, perhaps a link, a mount or a
		// folder with its own owner and rights: it stays, and the build
		// goes into it.
		d.fresh = true
		return d, d.inPlace()
	}
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(manifest), "\n") {
		if line = strings.TrimSpace(line); line != "" && local(line) {
			d.old[line] = true
		}
	}
	d.others = make(chan others, 1)
	go func() { d.others <- d.walkOthers() }()
	if info.Mode().IsDir() && swappable(abs, info) && d.makeStage() == nil {
		d.mode = modeSwap
		// The new folder is to have the old one's rights.
		return d, os.Chmod(d.stage, info.Mode().Perm())
	}
	return d, d.inPlace()
}

// inPlace sets d to build in the output folder itself, through moveFolder.
func (d *Dir) inPlace() error {
	d.mode = modeInPlace
	d.root = filepath.Join(d.out, moveFolder)
	if err := os.RemoveAll(d.root); err != nil { // what a killed build left
		return err
	}
	return os.Mkdir(d.root, 0o755)
}

// removeStale removes the folders beside out that builds into it made and
// did not get to remove, having been killed.
func removeStale(out string) {
	parent, base := filepath.Split(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := "." + base + stageInfix
	for _, e := range entries {
		if rest, ok := strings.CutPrefix(e.Name(), prefix); ok && e.IsDir() && digits(rest) {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// digits reports whether s is a number.
func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// leftover reports whether name, the last part of a path in an output
// folder, is what an interrupted build left: a temporary file of the
// atomic writes of earlier versions (".index.html.tmp-123"), or the move
// folder of a build in place.
func leftover(name string) bool {
	if name == moveFolder {
		return true
	}
	i := strings.LastIndex(name, ".tmp-")
	return strings.HasPrefix(name, ".") && i > 0 && digits(name[i+len(".tmp-"):])
}

// walkOthers lists what is in the output folder that the previous build
// did not write. It runs while the site is rendered.
func (d *Dir) walkOthers() others {
	var o others
	// With a separator at the end: the folder a link leads to.
	top := d.out + string(filepath.Separator)
	o.err = filepath.WalkDir(top, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == top {
			return nil
		}
		rel, err := filepath.Rel(top, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if leftover(e.Name()) {
			o.leftovers = append(o.leftovers, rel)
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !e.IsDir() && rel != manifestName && !d.old[rel] {
			o.files = append(o.files, rel)
		}
		return nil
	})
	return o
}

// makeStage makes the folder the site is written into, beside the output
// folder: a rename into place needs the same file system. It holds a
// .gitignore until Close, so that a stage left by a killed build is not
// committed by "git add -A" before the next build removes it.
func (d *Dir) makeStage() error {
	parent := filepath.Dir(d.out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	for range 10 {
		// Not MkdirTemp, which makes the folder 0700: the site's folder
		// gets the rights the user's umask gives a new folder.
		stage := filepath.Join(parent, fmt.Sprintf(".%s%s%d", filepath.Base(d.out), stageInfix, rand.Uint32()))
		err := os.Mkdir(stage, 0o755)
		if err == nil {
			d.stage, d.root = stage, stage
			if err := ignoreAll(stage); err != nil {
				os.Remove(stage)
				return err
			}
			return nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return i18n.Errorf(nil, "cli.out-no-stage", parent)
}

// ignoreAll makes git ignore everything in dir.
func ignoreAll(dir string) error {
	return plainfile.Write(filepath.Join(dir, ".gitignore"), []byte("*\n"), 0o644)
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
	if badName(name) {
		return i18n.Errorf(nil, "cli.out-bad-name", name)
	}
	d.mu.Lock()
	d.written[name] = true
	seq := len(d.moves)
	if d.mode == modeInPlace {
		d.moves = append(d.moves, name)
	}
	d.mu.Unlock()
	same := false
	if d.mode != modeStage && !d.fresh {
		// A file longer than data is not read: it differs.
		old, _, err := plainfile.Read(filepath.Join(d.out, filepath.FromSlash(name)), int64(len(data)))
		same = err == nil && old != nil && bytes.Equal(old, data)
	}
	switch {
	case same && d.mode == modeInPlace:
		d.mu.Lock()
		d.moves[seq] = "" // nothing to move
		d.mu.Unlock()
		return nil
	case d.mode == modeInPlace:
		// Flat, by number: the folders are made as the files move.
		d.wrote.Add(1)
		return plainfile.Write(filepath.Join(d.root, strconv.Itoa(seq)), data, 0o644)
	}
	full := filepath.Join(d.root, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	// Nobody reads the stage until Close renames it into place.
	if same && os.Link(filepath.Join(d.out, filepath.FromSlash(name)), full) == nil {
		return nil
	}
	d.wrote.Add(1)
	return plainfile.Write(full, data, 0o644)
}

// badName reports whether name may not be written: a path out of the
// folder, or a file of the Dir's own.
func badName(name string) bool {
	return !local(name) || name == manifestName || name == ".gitignore" || strings.HasPrefix(name, moveFolder+"/") || name == moveFolder
}

// mkdir makes the folder dir in the stage, once.
func (d *Dir) mkdir(dir string) error {
	if dir == d.root {
		return nil
	}
	if _, ok := d.dirs.Load(dir); ok {
		return nil
	}
	// Mkdir first: the parent is there for all but the first page of a
	// section, and MkdirAll would ask about it again for each of 10,000
	// idea folders.
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	d.dirs.Store(dir, true)
	return nil
}

// Abort gives up a build: what it wrote is removed, and the output folder
// holds the previous site as it was.
func (d *Dir) Abort() error {
	if d.others != nil {
		<-d.others // the walk reads the output folder: let it end first
		d.others = nil
	}
	if d.mode == modeInPlace {
		return os.RemoveAll(d.root)
	}
	return os.RemoveAll(d.stage)
}

// Stats says what the build did to the output folder, after Close.
func (d *Dir) Stats() Stats { return d.stats }

// Close puts the site in place: it keeps the files of the output folder
// that no build wrote, removes those of the previous build that this one
// did not write, and records what this build wrote.
func (d *Dir) Close() error {
	var o others
	if d.others != nil {
		o = <-d.others
		d.others = nil
		if o.err != nil {
			return o.err
		}
	}
	names := make([]string, 0, len(d.written))
	for n := range d.written {
		names = append(names, n)
	}
	slices.Sort(names)
	manifest := []byte(strings.Join(names, "\n") + "\n")
	d.stats.Written = int(d.wrote.Load())
	d.stats.Unchanged = len(d.written) - d.stats.Written
	for name := range d.old {
		if !d.written[name] {
			d.stats.Removed++
		}
	}
	if d.mode == modeInPlace {
		return d.closeInPlace(o, manifest)
	}
	// Someone else's files go along into the new site.
	for _, name := range o.files {
		if d.written[name] {
			continue // the build writes it now
		}
		full := filepath.Join(d.stage, filepath.FromSlash(name))
		if err := d.mkdir(filepath.Dir(full)); err != nil {
			return err
		}
		if err := os.Link(filepath.Join(d.out, filepath.FromSlash(name)), full); err != nil {
			return err
		}
	}
	if err := plainfile.Write(filepath.Join(d.stage, manifestName), manifest, 0o644); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(d.stage, ".gitignore")); err != nil {
		return err
	}
	if d.mode == modeStage {
		// The output folder did not exist when the build began. A rename
		// fails if a folder with files in it has appeared there since.
		if err := os.Rename(d.stage, d.out); err != nil {
			return err
		}
		d.root, d.stage = d.out, ""
		return nil
	}
	if err := exchange(d.stage, d.out); err != nil {
		return err
	}
	// The stage holds the old site now: ignored by git while it goes.
	_ = ignoreAll(d.stage)
	err := os.RemoveAll(d.stage)
	d.root, d.stage = d.out, ""
	return err
}

// closeInPlace moves the new files into the output folder, removes the
// stale ones and what killed builds left, and writes the manifest.
func (d *Dir) closeInPlace(o others, manifest []byte) error {
	made := map[string]bool{}
	for seq, name := range d.moves {
		if name == "" {
			continue
		}
		full := filepath.Join(d.out, filepath.FromSlash(name))
		if dir := filepath.Dir(full); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := os.Rename(filepath.Join(d.root, strconv.Itoa(seq)), full); err != nil {
			return err
		}
	}
	for name := range d.old {
		if d.written[name] {
			continue
		}
		full := filepath.Join(d.out, filepath.FromSlash(name))
		if err := os.Remove(full); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		// Remove folders the build left empty, up to the output folder.
		for dir := filepath.Dir(full); dir != d.out && within(dir, d.out); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
	for _, name := range o.leftovers {
		if name != moveFolder {
			_ = os.RemoveAll(filepath.Join(d.out, filepath.FromSlash(name)))
		}
	}
	// The manifest last, and through the move folder: a build killed
	// before this point is one whose files the next build may remove.
	tmp := filepath.Join(d.root, manifestName)
	if err := plainfile.Write(tmp, manifest, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(d.out, manifestName)); err != nil {
		return err
	}
	return os.RemoveAll(d.root)
}

// A streamer is an Output that takes a file in parts, as it is made, where
// it can: ideas.json of 100,000 ideas is 121 MB, which made whole was on
// top of every view the build holds (see writeOpenData).
type streamer interface {
	// Stream returns a writer of the file name, whose Close ends it; or
	// nil where the file is to be written whole, by Write.
	Stream(name string) (io.WriteCloser, error)
}

// Stream returns a writer of the file name, in a build into a stage that
// becomes the output folder: with no previous build to compare the file
// with, it need not be held whole. Elsewhere it returns nil.
func (d *Dir) Stream(name string) (io.WriteCloser, error) {
	if d.mode != modeStage {
		return nil, nil
	}
	if badName(name) {
		return nil, i18n.Errorf(nil, "cli.out-bad-name", name)
	}
	d.mu.Lock()
	d.written[name] = true
	d.mu.Unlock()
	full := filepath.Join(d.root, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(full)); err != nil {
		return nil, err
	}
	d.wrote.Add(1)
	return os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

// sink is a file written in parts: into the output's stream where it
// takes one (see streamer), else into a buffer written whole at the end.
type sink struct {
	name string
	out  Output
	f    io.WriteCloser
	w    *bufio.Writer
	buf  *bytes.Buffer
	err  error // the first error of a write
}

// newSink returns the sink of the file name in out.
func newSink(out Output, name string) (*sink, error) {
	k := &sink{name: name, out: out}
	if st, ok := out.(streamer); ok {
		f, err := st.Stream(name)
		if err != nil {
			return nil, err
		}
		if f != nil {
			k.f, k.w = f, bufio.NewWriterSize(f, 64<<10)
			return k, nil
		}
	}
	k.buf = buffers.Get()
	return k, nil
}

// write adds p to the file; an error is kept for close.
func (k *sink) write(p []byte) {
	if k.err != nil {
		return
	}
	if k.w != nil {
		_, k.err = k.w.Write(p)
		return
	}
	k.buf.Write(p)
}

// writeString is write of a string.
func (k *sink) writeString(s string) {
	if k.w != nil {
		if k.err == nil {
			_, k.err = k.w.WriteString(s)
		}
		return
	}
	k.buf.WriteString(s)
}

// grow makes room in a buffer, once i of n records are in it, for all n
// (see growFor).
func (k *sink) grow(i, n int) {
	if k.buf != nil {
		growFor(k.buf, i, n)
	}
}

// close ends the file: writes the buffer whole, or ends the stream.
func (k *sink) close() error {
	if k.w == nil {
		defer buffers.Put(k.buf)
		return k.out.Write(k.name, k.buf.Bytes())
	}
	if k.err == nil {
		k.err = k.w.Flush()
	}
	if err := k.f.Close(); k.err == nil {
		k.err = err
	}
	return k.err
}

// abandon ends the file of a build that failed: what the stream wrote is
// in the stage, which the build's Abort removes.
func (k *sink) abandon() {
	if k.f != nil {
		k.f.Close()
	} else {
		buffers.Put(k.buf)
	}
}
