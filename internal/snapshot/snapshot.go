// Package snapshot holds the files of an idea bank as they are at one point:
// the configuration and everything under ideas/, read from a directory or
// (by package gitrepo) from a commit.
package snapshot

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/plainfile"
)

// IdeasDir is the folder of idea files, relative to the repository root.
const IdeasDir = "ideas"

// ConfigFile is the configuration's path from the repository root.
const ConfigFile = "idebank.yaml"

// ReadLimit is the most bytes read of any one file. Larger files are noted
// with their size, not read: checking reports them as too large.
const ReadLimit = 1 << 20

// File is one file of a snapshot.
type File struct {
	Path    string // slash-separated, relative to the repository root
	Data    []byte // nil when the file is larger than ReadLimit or a link
	Size    int64
	Symlink bool
}

// Snapshot is the configuration and the files under ideas/.
type Snapshot struct {
	Config *File  // nil when there is no configuration file
	Ideas  []File // every file under ideas/, sorted by path
}

// Idea returns the file at path, or nil.
func (s *Snapshot) Idea(path string) *File {
	i, ok := slices.BinarySearchFunc(s.Ideas, path, func(f File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return nil
	}
	return &s.Ideas[i]
}

// Sort puts Ideas in path order.
func (s *Snapshot) Sort() {
	slices.SortFunc(s.Ideas, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
}

// IsIgnored reports whether a name under ideas/ is not content: dotfiles
// such as .gitkeep. A temporary file that an interrupted edit left behind
// is not ignored: the check reports it, so that nobody commits it.
func IsIgnored(name string) bool { return strings.HasPrefix(name, ".") && !atomicfile.IsTemp(name) }

// FromDir reads the snapshot of the working tree at root. Links are noted,
// not followed: an idea file must be a file of the repository itself.
func FromDir(root string) (*Snapshot, error) {
	s := &Snapshot{}
	cfg, err := ReadConfig(root)
	if err != nil {
		return nil, err
	}
	s.Config = cfg
	dir := filepath.Join(root, IdeasDir)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		if IsIgnored(d.Name()) && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.Type()&fs.ModeSymlink != 0 {
			s.Ideas = append(s.Ideas, File{Path: rel, Symlink: true})
			return nil
		}
		if d.Type().IsRegular() {
			s.Ideas = append(s.Ideas, File{Path: rel})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := readAll(root, s.Ideas); err != nil {
		return nil, err
	}
	s.Sort()
	return s, nil
}

// ReadConfig reads the configuration at root: nil when there is none. A
// link is noted (Symlink) and neither followed nor read: the configuration
// must be a file of the repository, and a link's target, wherever it is,
// must never reach the check's output.
func ReadConfig(root string) (*File, error) {
	name := filepath.Join(root, ConfigFile)
	info, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case info.Mode()&fs.ModeSymlink != 0:
		return &File{Path: ConfigFile, Symlink: true}, nil
	}
	return readFile(name, ConfigFile)
}

// readAll reads the files on a few goroutines: with thousands of small
// files, waiting for the disk one file at a time is most of the work.
func readAll(root string, files []File) error {
	const workers = 8
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(files); i += workers {
				if files[i].Symlink {
					continue // noted, never followed: it may point anywhere
				}
				f, err := readFile(filepath.Join(root, filepath.FromSlash(files[i].Path)), files[i].Path)
				if err != nil {
					errs[w] = err
					return
				}
				files[i] = *f
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func readFile(name, rel string) (*File, error) {
	data, size, err := plainfile.Read(name, ReadLimit)
	if errors.Is(err, plainfile.ErrFolder) {
		return nil, i18n.Errorf(err, "cli.file-error", rel, i18n.Key("cli.file-is-folder"))
	}
	if err != nil {
		return nil, err
	}
	return &File{Path: rel, Data: data, Size: size}, nil
}

// Reread reads the file rel (slash-separated, from root) of the working
// tree at root again into s: the configuration, or a file under ideas/,
// added, changed or, where it is gone, removed. A name that is no file of
// a snapshot (a dotfile, a folder, anything outside ideas/) changes
// nothing: Reread reports whether s changed.
func (s *Snapshot) Reread(root, rel string) (bool, error) {
	full := filepath.Join(root, filepath.FromSlash(rel))
	if rel == ConfigFile {
		f, err := readFile(full, rel)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			s.Config = nil
		case err != nil:
			return false, err
		default:
			s.Config = f
		}
		return true, nil
	}
	if !strings.HasPrefix(rel, IdeasDir+"/") {
		return false, nil
	}
	for _, part := range strings.Split(strings.TrimPrefix(rel, IdeasDir+"/"), "/") {
		if IsIgnored(part) {
			return false, nil
		}
	}
	i, found := slices.BinarySearchFunc(s.Ideas, rel, func(f File, p string) int { return strings.Compare(f.Path, p) })
	info, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if found {
			s.Ideas = slices.Delete(s.Ideas, i, i+1)
		}
		return found, nil
	case err != nil:
		return false, err
	case info.IsDir():
		return false, nil
	}
	f := &File{Path: rel, Symlink: true}
	if info.Mode()&fs.ModeSymlink == 0 {
		if !info.Mode().IsRegular() {
			return false, nil
		}
		if f, err = readFile(full, rel); err != nil {
			return false, err
		}
	}
	if found {
		s.Ideas[i] = *f
	} else {
		s.Ideas = slices.Insert(s.Ideas, i, *f)
	}
	return true, nil
}
