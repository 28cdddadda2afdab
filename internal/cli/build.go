package cli

import (
	"io"
	"path/filepath"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/config"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/public"
	"github.com/idebanken/idebanken/internal/sitegen"
)

// BuildOptions are the inputs of idebank build.
type BuildOptions struct {
	Stdout, Stderr io.Writer

	Dir     string // a folder in the idea bank
	Out     string // the output folder; "" for _site in the idea bank
	BaseURL string // "" for base_url in idebank.yaml
	// Repository is the GitHub repository the bank is in, for a
	// configuration without repository: GITHUB_REPOSITORY in Actions.
	Repository string
	Today      model.Date
	// BankSize, when set, is told how many idea files the bank has once
	// they are read, before they are parsed and checked: main sizes the
	// process's memory limit by it (Env.BankSize).
	BankSize func(ideas int)
}

func runBuildCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &BuildOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now), Repository: env.Getenv("GITHUB_REPOSITORY"),
		BankSize: env.BankSize}
	fs := newFlagSet("build")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.StringVar(&opts.Out, "out", "", "")
	fs.StringVar(&opts.BaseURL, "base-url", "", "")
	if code, ok := parseFlags(fs, args, lang, "cli.build-usage", env); !ok {
		return code
	}
	if opts.BaseURL != "" && public.WebAddress(opts.BaseURL) == "" {
		// The site, its feeds and ideas.json are built on it: a
		// javascript: address would run wherever they are read.
		return valueError(env.Stderr, lang, "build", "cli.bad-base-url", opts.BaseURL)
	}
	if opts.Out != "" && !filepath.IsAbs(opts.Out) {
		opts.Out = filepath.Join(env.Dir, opts.Out)
	}
	return runBuild(opts, lang)
}

// runBuild builds the site of the idea bank that holds opts.Dir. Ideas with
// errors are still published as far as they could be read, and the errors
// printed: the exit status says there were some.
func runBuild(opts *BuildOptions, lang model.Lang) int {
	// The site has no use for where each key stands in the files, which
	// the check needs for its messages only: a third of the check's heap
	// on 100,000 ideas, let go idea by idea so.
	b, ok := openBankSized(opts.Dir, opts.Today, opts.Stderr, lang, opts.BankSize, check.Options{NoKeys: true})
	if !ok {
		return ExitCannot
	}
	lang = b.Lang
	// The build lets go of each parsed file once it has made its view
	// (sitegen's afterView), if nothing else holds it.
	ideas, n := b.Res.Ideas, len(b.Res.Ideas)
	b.Res.Ideas = nil
	out := opts.Out
	if out == "" {
		out = filepath.Join(b.Root, "_site")
	}
	hist, err := readHistory(b.Root)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	dir, err := sitegen.OpenDir(out, b.Root)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	fillRepository(b.Res.Config, opts.Repository)
	err = sitegen.Build(sitegen.Options{Config: b.Res.Config, Ideas: ideas, BaseURL: opts.BaseURL, Theme: theme(b.Root), Out: dir, Today: opts.Today,
		History: hist, RepoDir: repoDir(b.Root)})
	if err == nil {
		err = dir.Close()
	}
	if err != nil {
		dir.Abort()
		return cannot(opts.Stderr, lang, err)
	}
	errs := b.printErrors(opts.Stderr, lang)
	st := dir.Stats()
	say(opts.Stderr, lang, "cli.built", i18n.Count{Key: "cli.ideas", N: n}, out, i18n.Count{Key: "cli.files", N: st.Written}, st.Unchanged, st.Removed)
	if errs > 0 {
		return ExitProblems
	}
	return ExitOK
}

// fillRepository sets the configuration's repository to repo, the one
// GitHub Actions names, where the configuration names none: a bank on
// GitHub then links to its forms without saying where it is. A value that
// is no repository is left out, as the check would refuse it in the file.
func fillRepository(cfg *model.Config, repo string) {
	if cfg.Repository == "" && config.ValidRepository(repo) {
		cfg.Repository = repo
	}
}

// repoDir returns the bank's folder in its git repository, "" at the top
// or outside one: the site links each idea's file there.
func repoDir(root string) string {
	repo, sub, err := openRepo(root)
	if err != nil {
		return ""
	}
	repo.Close()
	return sub
}
