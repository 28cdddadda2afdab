package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/config"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/issueform"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
)

func init() { commands["gen"] = runGenCmd }

// GenOptions are the inputs of idebank gen github.
type GenOptions struct {
	Stdout, Stderr io.Writer

	Dir   string // a folder in the idea bank
	Check bool   // write nothing; report the files that differ
}

func runGenCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &GenOptions{Stdout: env.Stdout, Stderr: env.Stderr}
	target := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		target, args = args[0], args[1:]
	}
	fs := newFlagSet("gen")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.BoolVar(&opts.Check, "check", false, "")
	if code, ok := parseFlags(fs, args, lang, "cli.gen-usage", env); !ok {
		return code
	}
	fail := func(key string, a ...any) int {
		fmt.Fprintf(env.Stderr, "idebank gen: %s\n\n%s", i18n.Render(lang, i18n.M(key, a...)), i18n.T(lang, "cli.gen-usage"))
		return ExitCannot
	}
	switch target {
	case "github":
	case "":
		return fail("cli.gen-target")
	default:
		return fail("cli.gen-unknown", target)
	}
	return runGen(opts, lang)
}

// runGen writes the issue forms of the idea bank that holds opts.Dir into
// .github/ISSUE_TEMPLATE, or with opts.Check says which files differ.
func runGen(opts *GenOptions, lang model.Lang) int {
	if info, err := os.Stat(opts.Dir); err != nil || !info.IsDir() {
		return cannot(opts.Stderr, lang, &noDirError{opts.Dir})
	}
	root := findRoot(opts.Dir)
	cfg, code := readConfig(root, opts.Stderr, lang)
	if cfg == nil {
		return code
	}
	lang = cfg.Language
	templates, err := issueform.ReadTemplates(root)
	if err == nil {
		var files map[string][]byte
		if files, err = issueform.Generate(cfg, templates); err == nil {
			return syncForms(opts, lang, root, files)
		}
	}
	var fe *issueform.Error
	if errors.As(err, &fe) {
		fmt.Fprintln(opts.Stderr, "idebank gen:", i18n.Render(lang, fe.Msg))
		return ExitCannot
	}
	return cannot(opts.Stderr, lang, err)
}

// readConfig reads and checks idebank.yaml at root. A configuration with
// errors is printed and not used: forms made from it would offer what the
// check then refuses.
func readConfig(root string, stderr io.Writer, lang model.Lang) (*model.Config, int) {
	var diags diag.List
	f, err := snapshot.ReadConfig(root)
	switch {
	case err != nil:
		return nil, cannot(stderr, lang, err)
	case f == nil:
		diags.Errorf(config.FileName, diag.Pos{}, diag.RuleRead, "config.missing")
	case f.Symlink:
		diags.Errorf(config.FileName, diag.Pos{}, diag.RuleRead, "config.symlink")
	case f.Data == nil && f.Size > 0:
		diags.Errorf(config.FileName, diag.Pos{Line: 1, Col: 1}, diag.RuleTooLarge, "file.too-large", f.Size/1024, snapshot.ReadLimit/1024)
	}
	var cfg *model.Config
	if f != nil && !f.Symlink && (f.Data != nil || f.Size == 0) {
		cfg = config.Parse(f.Data, &diags)
	}
	if cfg != nil {
		lang = cfg.Language
	}
	if errs, _ := diag.Count(diags.Items()); errs > 0 || cfg == nil {
		var only []diag.Diagnostic
		for _, d := range diags.Items() {
			if d.Severity == diag.Error {
				only = append(only, d)
			}
		}
		_ = diag.Write(stderr, diag.FormatText, lang, only)
		fmt.Fprintln(stderr, "idebank gen:", i18n.T(lang, "cli.gen-config"))
		return nil, ExitCannot
	}
	return cfg, ExitOK
}

// syncForms makes .github/ISSUE_TEMPLATE hold files: it writes each that
// differs, and removes the files a former run made that are no longer
// made. With opts.Check it only lists what it would do.
func syncForms(opts *GenOptions, lang model.Lang, root string, files map[string][]byte) int {
	dir := filepath.Join(root, filepath.FromSlash(issueform.Dir))
	rel := func(name string) string { return issueform.Dir + "/" + name }
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	type change struct{ key, name string }
	var changes []change
	for _, name := range names {
		old, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			changes = append(changes, change{"cli.gen-missing", name})
		case err != nil:
			return cannot(opts.Stderr, lang, err)
		case !bytes.Equal(old, files[name]):
			changes = append(changes, change{"cli.gen-differs", name})
		}
	}
	stale, err := staleForms(dir, files)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	for _, name := range stale {
		changes = append(changes, change{"cli.gen-stale", name})
	}
	if opts.Check {
		for _, c := range changes {
			say(opts.Stdout, lang, c.key, rel(c.name))
		}
		if len(changes) > 0 {
			say(opts.Stderr, lang, "cli.gen-out-of-date", issueform.Dir)
			return ExitProblems
		}
		say(opts.Stderr, lang, "cli.gen-done", issueform.Dir, i18n.Count{Key: "cli.files", N: len(files)})
		return ExitOK
	}
	if len(changes) > 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return cannot(opts.Stderr, lang, err)
		}
	}
	for _, c := range changes {
		path := filepath.Join(dir, c.name)
		if c.key == "cli.gen-stale" {
			if err := os.Remove(path); err != nil {
				return cannot(opts.Stderr, lang, err)
			}
			say(opts.Stdout, lang, "cli.gen-removed", rel(c.name))
			continue
		}
		if err := atomicfile.WriteFile(path, files[c.name], 0o644); err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		say(opts.Stdout, lang, "cli.gen-wrote", rel(c.name))
	}
	say(opts.Stderr, lang, "cli.gen-done", issueform.Dir, i18n.Count{Key: "cli.files", N: len(files)})
	return ExitOK
}

// staleForms returns the YAML files in dir that a former run made (they
// start with issueform.Header) and that files no longer holds.
func staleForms(dir string, files map[string][]byte) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || files[name] != nil || !(strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".yaml")) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		if issueform.IsGenerated(data) {
			out = append(out, name)
		}
	}
	return out, nil
}
