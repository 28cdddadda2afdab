package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/edit"
	"github.com/idebanken/idebanken/internal/ghapi"
	"github.com/idebanken/idebanken/internal/gitrepo"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/internal/vocab"
)

// CheckOptions are the inputs of idebank check.
type CheckOptions struct {
	Stdout, Stderr io.Writer

	Dir   string // a folder in the idea bank
	Base  string // a revision: check the change from it
	Head  string // a revision; "" for the working tree
	Actor string
	// Committers are the authors of the change's commits, "" for one
	// whom GitHub could not tie to an account; nil when not given.
	Committers []string
	Approvers  []string
	Format     diag.Format
	Lang       model.Lang // "" for the configuration's language
	Today      model.Date
	// History compares the repository's history with the files' dates.
	History bool
	// before is the language of what is said before the configuration is
	// read, and where it cannot be: IDEBANK_LANG or LANG.
	before model.Lang
}

func runCheckCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &CheckOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now), before: lang}
	fs := newFlagSet("check")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.StringVar(&opts.Base, "base", "", "")
	fs.StringVar(&opts.Head, "head", "", "")
	fs.StringVar(&opts.Actor, "actor", "", "")
	approvers := fs.String("approvers", "", "")
	fs.Var(committersFlag{&opts.Committers}, "committers", "")
	format := fs.String("format", "", "")
	langFlag := fs.String("lang", "", "")
	fs.Var(dateFlag{&opts.Today}, "today", "")
	fs.BoolVar(&opts.History, "history", false, "")
	if code, ok := parseFlags(fs, args, lang, "cli.check-usage", env); !ok {
		return code
	}
	fail := func(key string, a ...any) int {
		fmt.Fprintf(env.Stderr, "idebank check: %s\n\n%s", i18n.Render(lang, i18n.M(key, a...)), i18n.T(lang, "cli.check-usage"))
		return ExitCannot
	}
	for _, a := range strings.Split(*approvers, ",") {
		if a = strings.TrimSpace(a); a != "" {
			opts.Approvers = append(opts.Approvers, a)
		}
	}
	switch {
	case *format != "":
		f, ok := choice(env.Stderr, lang, "check", "format", *format, vocab.Plain(diag.Formats))
		if !ok {
			return ExitCannot
		}
		opts.Format = diag.Format(f)
	case env.Getenv("GITHUB_ACTIONS") == "true":
		opts.Format = diag.FormatGitHub
	default:
		opts.Format = diag.FormatText
	}
	if *langFlag != "" {
		l, ok := choice(env.Stderr, lang, "check", "lang", *langFlag, vocab.Langs())
		if !ok {
			return ExitCannot
		}
		opts.Lang = model.Lang(l)
	}
	if opts.Head != "" && opts.Base == "" {
		return fail("cli.head-without-base")
	}
	return runCheck(opts)
}

// runCheck checks the idea bank that holds opts.Dir and prints what it
// finds.
func runCheck(opts *CheckOptions) int {
	lang := opts.Lang
	if lang == "" {
		lang = cmp.Or(opts.before, model.Swedish)
	}
	if opts.Lang == "" {
		lang = bankLang(opts.Dir, lang)
	}
	var res *check.Result
	if opts.Base == "" {
		b, err := loadBank(opts.Dir, opts.Today)
		if err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		res = b.Res
	} else {
		if info, err := os.Stat(opts.Dir); err != nil || !info.IsDir() {
			return cannot(opts.Stderr, lang, &noDirError{opts.Dir})
		}
		c, err := loadChange(findRoot(opts.Dir), opts)
		if err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		res = check.CheckChange(*c)
	}
	if opts.Lang == "" && res.Config != nil {
		lang = res.Config.Language
	}
	if opts.History && res.Config != nil {
		hist, err := readHistory(findRoot(opts.Dir))
		if err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		if hist == nil {
			say(opts.Stderr, lang, "cli.no-history")
		} else {
			if hist.Shallow {
				say(opts.Stderr, lang, "cli.shallow-history")
			}
			res.Diags = append(res.Diags, check.History(res, hist)...)
			diag.Sort(res.Diags)
		}
	}
	if err := diag.Write(opts.Stdout, opts.Format, lang, res.Diags); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	errs, warns := diag.Count(res.Diags)
	if opts.Format != diag.FormatJSON || errs+warns > 0 {
		fmt.Fprintln(opts.Stderr, i18n.Render(lang, i18n.M("cli.check-summary",
			i18n.Count{Key: "cli.ideas", N: res.Files}, i18n.Count{Key: "cli.errors", N: errs}, i18n.Count{Key: "cli.warnings", N: warns})))
	}
	switch {
	case res.Config == nil:
		return ExitCannot
	case errs > 0:
		return ExitProblems
	}
	return ExitOK
}

// committersFlag reads --committers: logins separated by commas, where an
// empty element, kept as "", is a commit author that GitHub could not tie to
// an account. Given as "", it is one such author: a pull request has at
// least one commit, so the list is never empty.
type committersFlag struct{ list *[]string }

func (f committersFlag) String() string {
	if f.list == nil {
		return ""
	}
	return strings.Join(*f.list, ",")
}

func (f committersFlag) Set(s string) error {
	*f.list = nil
	for _, l := range strings.Split(s, ",") {
		*f.list = append(*f.list, strings.TrimSpace(l))
	}
	return nil
}

func loadChange(root string, opts *CheckOptions) (*check.Change, error) {
	repo, sub, err := openRepo(root)
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	c := &check.Change{Actor: opts.Actor, Committers: opts.Committers, Approvers: opts.Approvers, Today: opts.Today}
	// The head first: the base's blobs that it holds as they are need not
	// be read (see SnapshotLike).
	if opts.Head == "" {
		c.Head, err = snapshot.FromDir(root)
	} else {
		c.Head, err = repo.Snapshot(opts.Head, sub)
	}
	if err != nil {
		return nil, err
	}
	if c.Base, err = repo.SnapshotLike(opts.Base, sub, c.Head); err != nil {
		return nil, err
	}
	return c, nil
}

// cannot reports why a command could not run, in the user's language
// where the error is one the program knows.
func cannot(w io.Writer, lang model.Lang, err error) int {
	fmt.Fprintln(w, "idebank:", i18n.Render(lang, cannotMessage(err)))
	return ExitCannot
}

// cannotMessage is the catalogue message for err: what failed, with the
// file, commit or setting, and what to do. An error the program does not
// know falls back to cli.cannot with its own text, which TestEveryErrorInCatalogue
// makes sure no command shows.
func cannotMessage(err error) i18n.Message {
	var ue *i18n.Error
	var rev *gitrepo.RevisionError
	var obj *gitrepo.ObjectError
	var hist *gitrepo.HistoryError
	var open *gitrepo.OpenError
	var noDir *noDirError
	var edited *edit.Error
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	if m, ok := ghapi.Explain(err); ok {
		return m
	}
	if m, ok := themeMessage(err); ok {
		return m
	}
	switch {
	case errors.As(err, &ue):
		return ue.Msg
	case errors.As(err, &obj) && obj.Path == "":
		return i18n.M("cli.unreadable-commit", short(obj.Commit), obj.Rev, objectProblem(obj.Err))
	case errors.As(err, &obj):
		return i18n.M("cli.unreadable-object", obj.Path, obj.Rev, objectProblem(obj.Err))
	case errors.As(err, &hist):
		return i18n.M("cli.unreadable-history", hist.Rev, gitDetail(hist.Err))
	case errors.As(err, &open):
		return i18n.M("cli.git-unopenable", open.Dir, gitDetail(open.Err))
	case errors.As(err, &noDir):
		return i18n.M("cli.no-dir", noDir.dir)
	case errors.As(err, &rev):
		return i18n.M("cli.bad-revision", rev.Rev)
	case errors.Is(err, gitrepo.ErrNotRepository):
		return i18n.M("cli.not-git", strings.TrimSuffix(err.Error(), ": "+gitrepo.ErrNotRepository.Error()))
	case errors.As(err, &edited):
		return edited.Message()
	case errors.As(err, &pathErr):
		return i18n.M("cli.file-error", pathErr.Path, fileProblem(pathErr.Err))
	case errors.As(err, &linkErr):
		return i18n.M("cli.file-error", linkErr.New, fileProblem(linkErr.Err))
	case errors.Is(err, atomicfile.ErrAbandoned):
		return i18n.M("cli.abandoned")
	}
	return i18n.M("cli.cannot", err.Error())
}

// fileProblem says what went wrong with a file, as the system says it.
func fileProblem(err error) i18n.Key {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "cli.file-missing"
	case errors.Is(err, fs.ErrPermission):
		return "cli.file-permission"
	case errors.Is(err, syscall.ENOSPC):
		return "cli.file-full"
	case errors.Is(err, syscall.EROFS):
		return "cli.file-read-only"
	case errors.Is(err, syscall.EISDIR):
		return "cli.file-is-folder"
	case errors.Is(err, syscall.ENOTDIR):
		return "cli.file-not-folder"
	}
	return "cli.file-other"
}

// short is a commit's hash as people see it, its first seven characters.
func short(hash string) string {
	if len(hash) > 7 {
		return hash[:7]
	}
	return hash
}

// gitDetail is what go-git says of a fault, in English, as a quoted detail
// for whoever looks into the repository: the message says in the
// catalogue's words what it means.
func gitDetail(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// objectProblem says what is wrong with a git object.
func objectProblem(err error) any {
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return i18n.Key("cli.object-missing")
	}
	return i18n.Key("cli.object-damaged")
}

// findRoot returns the folder of the idea bank that holds dir: the nearest
// folder, dir or above it, with an idebank.yaml. Without one, dir itself.
func findRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		// Lstat: a link is the bank's configuration too, to be refused,
		// not a reason to look further up.
		if _, err := os.Lstat(filepath.Join(d, snapshot.ConfigFile)); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}
