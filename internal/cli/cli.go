// Package cli implements the idebank commands. Each command has an options
// struct that holds its inputs and its dependencies (streams, environment,
// clock), so that it runs in tests without a terminal, a network or a
// particular day.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/vocab"
)

// Exit statuses.
const (
	ExitOK       = 0 // no errors (warnings may have been printed)
	ExitProblems = 1 // problems found
	ExitCannot   = 2 // could not run: bad flags, unreadable repository or configuration
	// ExitRefused: the repository's settings refuse what the command must
	// do (intake may not open pull requests); an administrator must change
	// them, and the command said how.
	ExitRefused = 3
)

// Env is what every command gets from the world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	Dir            string       // the working directory
	HTTP           *http.Client // for GitHub's API; nil for the default
	// BankSize, when set, is told how many idea files a build's bank has
	// once they are read, before they are parsed. main sets it, with the collector's settings, for
	// idebank build: they are the process's, and a test that builds in
	// its own process keeps its own.
	BankSize func(ideas int)
}

// Main runs the idebank command line with args (without the program name)
// and returns the exit status.
func Main(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	lang := envLang(env.Getenv)
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, i18n.T(lang, "cli.usage"))
		return ExitCannot
	}
	cmd, rest := args[0], args[1:]
	if run, ok := commands[cmd]; ok {
		return run(rest, env)
	}
	switch cmd {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(env.Stdout, i18n.T(lang, "cli.usage"))
		return ExitOK
	case "version", "--version":
		fmt.Fprintln(env.Stdout, "idebank", Version)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "%s\n\n%s", i18n.Render(lang, i18n.M("cli.unknown-command", cmd)), i18n.T(lang, "cli.usage"))
	return ExitCannot
}

// commands are the commands by name. Each takes its arguments and the
// world, and returns the exit status. A command in a file of its own adds
// itself here from that file's init.
var commands = map[string]func(args []string, env Env) int{
	"check":  runCheckCmd,
	"build":  runBuildCmd,
	"serve":  runServeCmd,
	"report": runReportCmd,
}

// Version is the program's version, set at build time with
// -ldflags "-X github.com/idebanken/idebanken/internal/cli.Version=…".
var Version = "dev"

// OSEnv returns the Env of the running process.
func OSEnv() Env {
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now, Dir: dir}
}

// envLang is the language of messages printed before the configuration is
// read: IDEBANK_LANG, else English where LANG says so, else Swedish.
func envLang(getenv func(string) string) model.Lang {
	if l := model.Lang(getenv("IDEBANK_LANG")); l.Valid() {
		return l
	}
	if strings.HasPrefix(getenv("LANG"), "en") {
		return model.English
	}
	return model.Swedish
}

// newFlagSet returns a flag set that leaves reporting errors to parseFlags,
// which does it in the user's language.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args. It returns false with the exit status when the
// command must not run: after -h (usage on stdout, status 0), or after a
// flag error (the error and the usage on stderr, status 2).
func parseFlags(fs *flag.FlagSet, args []string, lang model.Lang, usageKey string, env Env) (int, bool) {
	err := fs.Parse(args)
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("%s", i18n.Render(lang, i18n.M("cli.extra-args", strings.Join(fs.Args(), " "))))
	}
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(env.Stdout, i18n.T(lang, usageKey))
		return ExitOK, false
	}
	flagFailed(env.Stderr, lang, fs.Name(), usageKey, err)
	return ExitCannot, false
}

// flagFailed prints what is wrong with the command line: with the usage
// after a flag that does not exist, lacks its value or is not one (the
// user may not know the command's flags), as cli/cli does; without it
// after a value refused, which the message says how to write.
func flagFailed(w io.Writer, lang model.Lang, cmd, usageKey string, err error) {
	msg, usage := flagError(lang, err)
	if !usage {
		fmt.Fprintf(w, "idebank %s: %s\n", cmd, msg)
		return
	}
	fmt.Fprintf(w, "idebank %s: %s\n\n%s", cmd, msg, i18n.T(lang, usageKey))
}

// choice returns the id of the value s of the flag named flag among terms,
// by id or label in either language, case and accents folded. Given a
// value that is none of them, it prints the one message that lists them,
// without the usage, and returns false.
func choice(w io.Writer, lang model.Lang, cmd, flag, s string, terms []vocab.Term) (string, bool) {
	if id, ok := vocab.Find(terms, s); ok {
		return id, true
	}
	valueError(w, lang, cmd, "cli.bad-choice", flag, s, i18n.Or(vocab.List(terms, lang)))
	return "", false
}

// dateFlag is a flag that holds a date, YYYY-MM-DD: --today in every
// command that depends on the day, so that a run can be repeated.
type dateFlag struct{ d *model.Date }

func (f dateFlag) String() string {
	if f.d == nil {
		return ""
	}
	return f.d.String()
}

func (f dateFlag) Set(s string) error {
	d, err := model.ParseDate(s)
	if err != nil {
		return errBadDate
	}
	*f.d = d
	return nil
}

var errBadDate = errors.New("not a date of the form YYYY-MM-DD")

// flagError says what the flag package's error means, in lang, and
// whether the usage should follow it: for a flag the command does not have
// or one without its value, not for a value refused.
func flagError(lang model.Lang, err error) (msg string, usage bool) {
	msg = err.Error()
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return i18n.Render(lang, i18n.M("cli.flag-unknown", f)), true
	}
	if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return i18n.Render(lang, i18n.M("cli.flag-value", f)), true
	}
	if strings.HasSuffix(msg, ": "+errBadDate.Error()) {
		// The flag package formats the error, not wraps it:
		// invalid value "26-03-01" for flag -today: not a date…
		v, _, _ := strings.Cut(strings.TrimPrefix(msg, "invalid value "), " for flag")
		return i18n.Render(lang, i18n.M("cli.bad-today", strings.Trim(v, `"`))), false
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		v, f, _ := strings.Cut(rest, " for ")
		f, _, _ = strings.Cut(f, ":")
		return i18n.Render(lang, i18n.M("cli.flag-bad-bool", "-"+strings.TrimLeft(f, "-"), strings.Trim(v, `"`))), false
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		// A number flag given a text: invalid value "x" for flag -pr: parse error.
		v, f, _ := strings.Cut(rest, " for flag ")
		f, _, _ = strings.Cut(f, ":")
		return i18n.Render(lang, i18n.M("cli.flag-bad-value", "-"+strings.TrimLeft(f, "-"), strings.Trim(v, `"`))), false
	}
	if f, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return i18n.Render(lang, i18n.M("cli.flag-unknown", f)), true
	}
	return msg, true
}

// today returns the date today in Sweden, where the idea bank's people are:
// a step taken just after midnight must not be "in the future" on a server
// that keeps UTC.
func today(now func() time.Time) model.Date {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		loc = time.Local
	}
	return model.DateOf(now().In(loc))
}
