package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/gitrepo"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/site"
	"gopkg.in/yaml.v3"
)

// bank is an idea bank read from its working tree and checked.
type bank struct {
	Root string
	Res  *check.Result
	Lang model.Lang
	// Paths are the files under ideas/, read as ideas or not.
	Paths []string
}

// loadBank reads and checks the idea bank that holds dir. It returns an
// error only when there is nothing to check; a configuration that cannot
// be used leaves Res.Config nil, with the reason in Res.Diags.
func loadBank(dir string, today model.Date) (*bank, error) {
	return readBank(dir, today, nil, check.Options{})
}

// readBank is loadBank that tells sized, when set, how many files there are
// under ideas/ once they are read, before they are parsed and checked, and
// checks them with opts, letting go of each file's bytes once it is
// parsed (check.Options.Consume), as nothing here reads them again.
func readBank(dir string, today model.Date, sized func(files int), opts check.Options) (*bank, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, &noDirError{dir}
	}
	root := findRoot(dir)
	snap, err := snapshot.FromDir(root)
	if err != nil {
		return nil, err
	}
	if sized != nil {
		sized(len(snap.Ideas))
	}
	opts.Consume = true // nothing here reads the files again
	b := &bank{Root: root, Res: check.LintWith(snap, today, opts), Lang: model.Swedish}
	for _, f := range snap.Ideas {
		b.Paths = append(b.Paths, f.Path)
	}
	if b.Res.Config != nil {
		b.Lang = b.Res.Config.Language
	}
	return b, nil
}

// openBank is loadBank for the commands that need a usable configuration:
// where there is none, it says why on w and returns false, and the command
// exits with ExitCannot.
func openBank(dir string, today model.Date, w io.Writer, lang model.Lang) (*bank, bool) {
	return openBankSized(dir, today, w, lang, nil, check.Options{})
}

// openBankSized is openBank that tells sized how many files the bank has,
// and checks them with opts, as readBank does.
func openBankSized(dir string, today model.Date, w io.Writer, lang model.Lang, sized func(files int), opts check.Options) (*bank, bool) {
	b, err := readBank(dir, today, sized, opts)
	if err != nil {
		cannot(w, lang, err)
		return nil, false
	}
	if b.Res.Config == nil {
		b.printErrors(w, lang)
		return nil, false
	}
	return b, true
}

type noDirError struct{ dir string }

func (e *noDirError) Error() string { return e.dir + ": no such folder" }

// printErrors prints the errors of b's check, and says how many there were.
func (b *bank) printErrors(w io.Writer, lang model.Lang) int {
	var errs []diag.Diagnostic
	for _, d := range b.Res.Diags {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	_ = diag.Write(w, diag.FormatText, lang, errs)
	return len(errs)
}

// theme returns the site theme: the idea bank's own site/ folder where it
// has one with layouts, so a municipality can change its look; else the one
// built into the program.
func theme(root string) fs.FS {
	dir := filepath.Join(root, "site")
	if info, err := os.Stat(filepath.Join(dir, "layouts")); err == nil && info.IsDir() {
		return os.DirFS(dir)
	}
	return site.FS
}

// bankLang is the language to say things in before the idea bank that
// holds dir is read, and where it cannot be (a damaged repository, GitHub
// refusing a request): the language idebank.yaml names, as it would once
// read, else before.
func bankLang(dir string, before model.Lang) model.Lang {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return before // no bank there, whatever lies above
	}
	data, err := os.ReadFile(filepath.Join(findRoot(dir), snapshot.ConfigFile))
	if err != nil {
		return before
	}
	var cfg struct {
		Language model.Lang `yaml:"language"`
	}
	if yaml.Unmarshal(data, &cfg) != nil || !cfg.Language.Valid() {
		return before
	}
	return cfg.Language
}

// say prints a message from the catalogue on its own line.
func say(w io.Writer, lang model.Lang, key string, args ...any) {
	fmt.Fprintln(w, i18n.Render(lang, i18n.M(key, args...)))
}

// cacheFile is where the history pass keeps what it found, per commit.
const cacheFile = ".idebank-cache/history.json"

// readHistory reads the history of the idea bank at root, through the
// cache. It returns nil where there is no repository: the site then says
// its dates come from the files alone.
func readHistory(root string) (*history.History, error) {
	repo, sub, err := openRepo(root)
	if errors.Is(err, gitrepo.ErrNotRepository) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	cachePath := filepath.Join(root, filepath.FromSlash(cacheFile))
	cache := history.LoadCache(cachePath)
	h, err := repo.History("HEAD", sub, cache)
	var rev *gitrepo.RevisionError
	if errors.As(err, &rev) {
		return nil, nil // a repository without commits has no history yet
	}
	if err != nil {
		return nil, err
	}
	_ = cache.Save(cachePath) // the cache only saves time; a read-only checkout still builds
	return h, nil
}

// openRepo opens the git repository that holds the idea bank at root, and
// says where the bank lies in it: "" at its top, or a slash-separated
// folder. Close the repository when done.
func openRepo(root string) (*gitrepo.Repo, string, error) {
	repo, err := gitrepo.Open(root)
	if err != nil {
		return nil, "", err
	}
	top, err := repo.Root()
	if err == nil {
		var sub string
		if sub, err = filepath.Rel(top, root); err == nil {
			if sub == "." {
				sub = ""
			}
			return repo, filepath.ToSlash(sub), nil
		}
	}
	repo.Close()
	return nil, "", err
}
