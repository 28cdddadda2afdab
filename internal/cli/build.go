package cli

import (
	"io"
	"path/filepath"
	"runtime/debug"

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
	// MemoryBudget sets the soft memory limit of the process by the
	// bank's size (see buildMemoryLimit).
	MemoryBudget bool
}

// buildMemoryLimit returns the soft memory limit of idebank build for a
// bank of n ideas. A site of 10,000 ideas allocates several times its live
// heap over the build, most of it briefly; without a limit the collector
// lets the heap grow past 400 MB, and 300 MiB holds it there at no cost.
// But the live heap grows with the bank, by some memPerIdea an idea: a
// fixed limit that it passes makes the collector run without pause (a bank
// of 100,000 ideas took 139 s under 300 MiB, 74 s without a limit), so
// the limit grows with it. GOMEMLIMIT in the environment overrides it.
func buildMemoryLimit(n int) int64 {
	return max(minMemoryLimit, int64(n)*memPerIdea)
}

const (
	minMemoryLimit = 300 << 20
	memPerIdea     = 12 << 10
)

// buildGCPercent is the collector's GOGC during idebank build. Most of
// what a build allocates is kept to its end (the ideas, the parts of their
// pages), so at the default of 100 the collector ran a dozen times while
// the heap grew, marking all of it each time, to find little garbage. At
// 400 it runs about half as often on 10,000 ideas, and the memory limit
// bounds the heap all the same. GOGC in the environment overrides it.
const buildGCPercent = 400

func runBuildCmd(args []string, env Env) int {
	if env.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(minMemoryLimit) // until the bank's size is known
	}
	if env.Getenv("GOGC") == "" {
		debug.SetGCPercent(buildGCPercent)
	}
	lang := envLang(env.Getenv)
	opts := &BuildOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now), Repository: env.Getenv("GITHUB_REPOSITORY"),
		MemoryBudget: env.Getenv("GOMEMLIMIT") == ""}
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
	b, ok := openBank(opts.Dir, opts.Today, opts.Stderr, lang)
	if !ok {
		return ExitCannot
	}
	lang = b.Lang
	if opts.MemoryBudget {
		debug.SetMemoryLimit(buildMemoryLimit(len(b.Res.Ideas)))
	}
	// The site has no use for where each key stands in the files, which
	// the check needed for its messages: half the heap on 10,000 ideas.
	for _, idea := range b.Res.Ideas {
		idea.Fields = nil
	}
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
	err = sitegen.Build(sitegen.Options{Config: b.Res.Config, Ideas: b.Res.Ideas, BaseURL: opts.BaseURL, Theme: theme(b.Root), Out: dir, Today: opts.Today,
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
	say(opts.Stderr, lang, "cli.built", i18n.Count{Key: "cli.ideas", N: len(b.Res.Ideas)}, out, i18n.Count{Key: "cli.files", N: st.Written}, st.Unchanged, st.Removed)
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
