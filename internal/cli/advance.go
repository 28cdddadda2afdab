package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/edit"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/vocab"
	"github.com/idebanken/idebanken/internal/workflow"
)

func init() { commands["advance"] = runAdvanceCmd }

// AdvanceOptions are the inputs of idebank advance.
type AdvanceOptions struct {
	Out, Err io.Writer

	Dir   string // a folder in the idea bank
	ID    string
	To    string
	By    string // the login of whoever takes the step; "" for nobody known
	Today model.Date
}

func runAdvanceCmd(args []string, env Env) int {
	defer cleanOnSignal()()
	lang := envLang(env.Getenv)
	opts := &AdvanceOptions{Out: env.Stdout, Err: env.Stderr, Today: today(env.Now)}
	fs := newFlagSet("advance")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.StringVar(&opts.To, "to", "", "")
	by := fs.String("by", "", "")
	fs.Var(dateFlag{&opts.Today}, "today", "")
	ids, code, ok := parseInterspersed(fs, args, lang, "cli.advance-usage", env)
	if !ok {
		return code
	}
	fail := func(key string, a ...any) int {
		return commandUsageError(env.Stderr, lang, "advance", "cli.advance-usage", key, a...)
	}
	switch {
	case len(ids) == 0:
		return fail("cli.advance-no-id")
	case len(ids) > 1:
		return fail("cli.extra-args", strings.Join(ids[1:], " "))
	}
	opts.ID = ids[0]
	opts.By = *by
	if opts.By == "" {
		opts.By = env.Getenv("GITHUB_ACTOR")
	}
	return runAdvance(opts, lang)
}

// parseInterspersed parses args whose flags may come before and after the
// positional arguments ("advance 2026-007 --to developing"), and returns
// the positional ones. Like parseFlags, it returns false with the exit
// status when the command must not run.
func parseInterspersed(fs *flag.FlagSet, args []string, lang model.Lang, usageKey string, env Env) ([]string, int, bool) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, i18n.T(lang, usageKey))
			return nil, ExitOK, false
		}
		if err != nil {
			flagFailed(env.Stderr, lang, fs.Name(), usageKey, err)
			return nil, ExitCannot, false
		}
		if fs.NArg() == 0 {
			return pos, 0, true
		}
		rest := fs.Args()
		// After "--" everything is an argument.
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// runAdvance moves an idea of the idea bank that holds opts.Dir to the
// stage opts.To.
func runAdvance(opts *AdvanceOptions, lang model.Lang) int {
	fail := func(key string, a ...any) int {
		return commandUsageError(opts.Err, lang, "advance", "cli.advance-usage", key, a...)
	}
	id, err := model.ParseID(opts.ID)
	if err != nil {
		return valueError(opts.Err, lang, "advance", "cli.advance-bad-id", opts.ID)
	}
	if opts.To == "" {
		return fail("cli.advance-no-to")
	}
	b, ok := openBank(opts.Dir, opts.Today, opts.Err, lang)
	if !ok {
		return ExitCannot
	}
	cfg := b.Res.Config
	lang = b.Lang

	// The idea, and only one.
	var found []*model.Idea
	for _, idea := range b.Res.Ideas {
		if idea.ID == id {
			found = append(found, idea)
		}
	}
	var unreadable []string
	for _, p := range b.Paths {
		if ideafile.IDFromPath(p) == id && !slices.ContainsFunc(b.Res.Ideas, func(i *model.Idea) bool { return i.Path == p }) {
			unreadable = append(unreadable, p)
		}
	}
	switch {
	case len(found) == 0 && len(unreadable) > 0:
		say(opts.Err, lang, "cli.advance-unreadable", unreadable[0])
		printFileErrors(opts.Err, lang, b, unreadable[0])
		return ExitProblems
	case len(found) == 0:
		say(opts.Err, lang, "cli.advance-not-found", string(id))
		return ExitCannot
	case len(found) > 1:
		var l i18n.List
		for _, idea := range found {
			l = append(l, idea.Path)
		}
		say(opts.Err, lang, "cli.advance-duplicate", string(id), l)
		return ExitProblems
	}
	idea := found[0]

	// The step.
	from := idea.Stage
	to, known := vocab.Stage(cfg, opts.To)
	flow := workflow.Of(cfg)
	if !flow.Process.HasStage(from) {
		say(opts.Err, lang, "cli.advance-no-stage", idea.Path)
		printFileErrors(opts.Err, lang, b, idea.Path)
		return ExitProblems
	}
	next := stageList(flow.Process, flow.Next(from))
	t, ok := flow.Lookup(from, to)
	switch {
	case ok:
	case !known:
		return valueError(opts.Err, lang, "advance", "cli.advance-bad-stage", opts.To, string(from), next)
	case flow.Final(from):
		say(opts.Err, lang, "cli.advance-final", stageNamed(flow.Process, from))
		return ExitProblems
	case from == to:
		say(opts.Err, lang, "cli.advance-same", stageNamed(flow.Process, from), next)
		return ExitProblems
	default:
		say(opts.Err, lang, "cli.advance-no-step", stageNamed(flow.Process, from), stageNamed(flow.Process, to), next)
		return ExitProblems
	}

	// The signer, who must be one who may take the step: a login that
	// may not would only be refused by the check after.
	if opts.By != "" && !model.ValidLogin(opts.By) {
		return valueError(opts.Err, lang, "advance", "cli.bad-login", opts.By)
	}
	if opts.By != "" && signs(t) && !maySign(cfg, idea, opts.By, t) {
		var who i18n.List
		for _, h := range workflow.Holders(cfg, idea, t.Actors) {
			who = append(who, h)
		}
		var actors i18n.Or
		for _, a := range t.Actors {
			actors = append(actors, i18n.Name(cfg.Process, "actor."+string(a)))
		}
		key := "cli.advance-may-not-sign"
		if cfg.Person(opts.By) == nil {
			key = "cli.advance-unknown-signer"
		}
		// People know the stages by their labels, which advance --to takes too.
		p := workflow.Of(cfg).Process
		label := func(s model.Stage) string { return i18n.Label(lang, p, "stage."+string(s)) }
		return valueError(opts.Err, lang, "advance", key, opts.By, label(from), label(to), actors, idea.Unit, who)
	}

	// The day of the step, which cannot come before what the file already
	// records: the check would refuse the dates out of order afterwards,
	// with the file already changed.
	if last := latestEvent(flow, idea); opts.Today.Before(last.Date) {
		return valueError(opts.Err, lang, "advance", "cli.advance-too-early", opts.Today.String(), last.Date.String(), last.Field)
	}

	// The edit.
	full := filepath.Join(b.Root, filepath.FromSlash(idea.Path))
	data, err := os.ReadFile(full)
	if err != nil {
		return cannot(opts.Err, lang, err)
	}
	signer := func(r workflow.Requirement) string {
		if opts.By == "" {
			return ""
		}
		// A section signed by others than those who take the step (the
		// announcement, by a communicator) gets the login only of someone
		// who may sign it.
		if sameActors(r.Signers, t.Actors) || workflow.MayAct(cfg, idea, opts.By, r.Signers) {
			return opts.By
		}
		return ""
	}
	hint := func(field string) string {
		if who := workflow.Holders(cfg, idea, t.Actors); field == "by" && len(who) > 0 {
			var l i18n.Or
			for _, h := range who {
				l = append(l, h)
			}
			return i18n.Render(lang, i18n.M("hint.by-one-of", l))
		}
		if h, ok := check.FieldHint(cfg.Process, field); ok {
			return i18n.Render(lang, h)
		}
		return ""
	}
	res, err := edit.Advance(data, t, edit.Options{Today: opts.Today, By: signer, Hint: hint, Process: cfg.Process})
	if err != nil {
		var e *edit.Error
		if errors.As(err, &e) && (e.Kind == edit.Unsupported || e.Kind == edit.Shape) {
			why := i18n.Key("cli.advance-why-form")
			if e.Kind == edit.Shape {
				why = i18n.Key("cli.advance-why-shape")
			}
			say(opts.Err, lang, "cli.advance-cannot-edit", idea.Path+": "+e.Path, why)
			return ExitProblems
		}
		return cannot(opts.Err, lang, err)
	}
	if err := atomicfile.WriteFile(full, res.Data, 0o644); err != nil {
		return cannot(opts.Err, lang, err)
	}

	// What was done, and what is left to do.
	say(opts.Out, lang, "cli.advance-done", string(id), stageNamed(flow.Process, from), stageNamed(flow.Process, to), idea.Path)
	for _, c := range res.Changes {
		switch {
		case c.Kind == edit.Changed:
			say(opts.Out, lang, "cli.advance-changed", c.Path, shown(c.Old), shown(c.New))
		case c.Kind == edit.Added && c.Keys != nil:
			say(opts.Out, lang, "cli.advance-added-group", c.Path, strings.Join(c.Keys, ", "))
		case c.Kind == edit.Added:
			say(opts.Out, lang, "cli.advance-added", c.Path, shown(c.New))
		case c.Kind == edit.Removed:
			say(opts.Out, lang, "cli.advance-removed", c.Path, shown(c.Old))
		}
	}
	if len(res.Kept) > 0 {
		var l i18n.List
		for _, k := range res.Kept {
			l = append(l, k)
		}
		say(opts.Out, lang, "cli.advance-kept", l)
	}
	if opts.By == "" && signs(t) {
		say(opts.Out, lang, "cli.advance-no-login")
	}
	after, err := loadBank(b.Root, opts.Today)
	if err != nil {
		return cannot(opts.Err, lang, err)
	}
	var errs []diag.Diagnostic
	for _, d := range after.Res.Diags {
		if d.Path == idea.Path && d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	fmt.Fprintln(opts.Out)
	if len(errs) == 0 {
		say(opts.Out, lang, "cli.advance-clean")
		return ExitOK
	}
	say(opts.Out, lang, "cli.advance-todo")
	_ = diag.Write(opts.Out, diag.FormatText, lang, errs)
	return ExitOK
}

// printFileErrors prints the errors the check found in the file at path.
func printFileErrors(w io.Writer, lang model.Lang, b *bank, path string) {
	var errs []diag.Diagnostic
	for _, d := range b.Res.Diags {
		if d.Path == path && d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	_ = diag.Write(w, diag.FormatText, lang, errs)
}

// stageList lists stages for a message, each with its name as people say it.
func stageList(p *model.Process, stages []model.Stage) i18n.List {
	l := i18n.List{}
	for _, s := range stages {
		l = append(l, stageNamed(p, s))
	}
	return l
}

// stageNamed is a stage as advance names it: by its id, which --to and the
// file take, and its label in the process p, which is how people know it.
func stageNamed(p *model.Process, s model.Stage) i18n.Message {
	return i18n.M("cli.advance-stage", string(s), i18n.Name(p, "stage."+string(s)))
}

// shown is how a value is shown in what advance says it did.
func shown(s string) any {
	if strings.TrimSpace(s) == "" {
		return i18n.Key("cli.advance-empty")
	}
	return s
}

// signs reports whether the step t writes a "by".
func signs(t *workflow.Transition) bool {
	for _, r := range t.Requires {
		if len(r.Signers) > 0 {
			return true
		}
	}
	return false
}

// maySign reports whether login may take the step t on idea, or sign one
// of the sections it writes (the announcement, by a communicator).
func maySign(cfg *model.Config, idea *model.Idea, login string, t *workflow.Transition) bool {
	if workflow.MayAct(cfg, idea, login, t.Actors) {
		return true
	}
	for _, r := range t.Requires {
		if len(r.Signers) > 0 && workflow.MayAct(cfg, idea, login, r.Signers) {
			return true
		}
	}
	return false
}

func sameActors(a, b []workflow.Actor) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// latestEvent is the latest dated thing idea's file records (Events
// lists them in the order of their dates); its submission where it
// records nothing later.
func latestEvent(flow *workflow.Flow, idea *model.Idea) workflow.Event {
	ev := flow.Events(idea)
	return ev[len(ev)-1]
}
