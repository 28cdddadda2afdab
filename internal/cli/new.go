package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/similar"
	"github.com/idebanken/idebanken/internal/vocab"
)

func init() { commands["new"] = runNewCmd }

// NewOptions are the inputs of idebank new.
type NewOptions struct {
	In       io.Reader // the answers to the questions
	Out, Err io.Writer
	// IsTerminal reports whether a person is at In to answer questions.
	IsTerminal func() bool

	Dir       string // a folder in the idea bank
	Kind      string
	Title     string
	Unit      string
	Name      string
	GitHub    string
	Anonymous bool
	Tags      []string
	Today     model.Date
}

func runNewCmd(args []string, env Env) int {
	defer cleanOnSignal()()
	lang := envLang(env.Getenv)
	opts := &NewOptions{In: env.Stdin, Out: env.Stdout, Err: env.Stderr, Today: today(env.Now),
		IsTerminal: func() bool { return isTerminal(env.Stdin) }}
	fs := newFlagSet("new")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.StringVar(&opts.Kind, "kind", "", "")
	fs.StringVar(&opts.Title, "title", "", "")
	fs.StringVar(&opts.Unit, "unit", "", "")
	fs.StringVar(&opts.Name, "name", "", "")
	fs.StringVar(&opts.GitHub, "github", "", "")
	fs.BoolVar(&opts.Anonymous, "anonymous", false, "")
	tags := fs.String("tags", "", "")
	fs.Var(dateFlag{&opts.Today}, "today", "")
	if code, ok := parseFlags(fs, args, lang, "cli.new-usage", env); !ok {
		return code
	}
	for _, t := range strings.Split(*tags, ",") {
		if t = strings.TrimSpace(t); t != "" {
			opts.Tags = append(opts.Tags, t)
		}
	}
	return runNew(opts, lang)
}

// isTerminal reports whether r is a terminal, where a person can answer: a
// character device, but not the null device that scripts and CI give.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(info, null)
}

// valueError prints a message about a value given on the command line that
// cannot be used, with the command's name: the message lists the values
// that can, so the usage text would say nothing more.
func valueError(w io.Writer, lang model.Lang, cmd, key string, args ...any) int {
	fmt.Fprintf(w, "idebank %s: %s\n", cmd, i18n.Render(lang, i18n.M(key, args...)))
	return ExitCannot
}

// commandUsageError prints a message about the command line and the command's
// usage, and returns ExitCannot.
func commandUsageError(w io.Writer, lang model.Lang, cmd, usageKey, key string, args ...any) int {
	fmt.Fprintf(w, "idebank %s: %s\n\n%s", cmd, i18n.Render(lang, i18n.M(key, args...)), i18n.T(lang, usageKey))
	return ExitCannot
}

// runNew creates a new idea file in the idea bank that holds opts.Dir.
func runNew(opts *NewOptions, lang model.Lang) int {
	b, ok := openBank(opts.Dir, opts.Today, opts.Err, lang)
	if !ok {
		return ExitCannot
	}
	cfg := b.Res.Config
	lang = b.Lang
	fail := func(key string, a ...any) int {
		return commandUsageError(opts.Err, lang, "new", "cli.new-usage", key, a...)
	}

	// What the flags give must be right as given.
	opts.Title = strings.TrimSpace(opts.Title)
	opts.Name = strings.TrimSpace(opts.Name)
	if opts.Kind != "" {
		k, ok := vocab.Kind(opts.Kind)
		if !ok {
			return valueError(opts.Err, lang, "new", "cli.new-bad-kind", opts.Kind, vocab.List(vocab.Kinds(), lang))
		}
		opts.Kind = string(k)
	}
	if opts.Title != "" && !validTitle(opts.Title) {
		return valueError(opts.Err, lang, "new", "cli.new-bad-title", check.MaxTitle)
	}
	if opts.Unit != "" {
		u, ok := vocab.Unit(cfg, opts.Unit)
		if !ok {
			return valueError(opts.Err, lang, "new", "cli.unknown-unit", opts.Unit, vocab.List(vocab.Units(cfg), lang))
		}
		opts.Unit = u
	}
	if opts.Anonymous && (opts.Name != "" || opts.GitHub != "") {
		return valueError(opts.Err, lang, "new", "cli.new-anonymous-name")
	}
	if opts.GitHub != "" && !model.ValidLogin(opts.GitHub) {
		return valueError(opts.Err, lang, "new", "cli.bad-login", opts.GitHub)
	}
	var tags []string
	for _, t := range opts.Tags {
		t = strings.ToLower(t)
		if utf8.RuneCountInString(t) > check.MaxTag {
			return valueError(opts.Err, lang, "new", "cli.new-bad-tag", t, check.MaxTag)
		}
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}

	// What is missing is asked for, where someone can answer.
	var missing i18n.List
	if opts.Kind == "" {
		missing = append(missing, "--kind")
	}
	if opts.Title == "" {
		missing = append(missing, "--title")
	}
	if opts.Unit == "" {
		missing = append(missing, "--unit")
	}
	if opts.Name == "" && !opts.Anonymous {
		missing = append(missing, i18n.Key("cli.new-name-flag"))
	}
	if len(missing) > 0 {
		if opts.IsTerminal == nil || !opts.IsTerminal() {
			return fail("cli.new-missing", missing)
		}
		if !askNew(opts, cfg, lang) {
			say(opts.Err, lang, "cli.new-aborted")
			return ExitCannot
		}
	}

	template := filepath.Join("templates", opts.Kind+".md")
	body, ok := templateBody(filepath.Join(b.Root, template))
	if !ok {
		say(opts.Err, lang, "cli.new-no-template", filepath.ToSlash(template), opts.Kind)
		return ExitCannot
	}
	ids, err := ideaIDs(b)
	if err != nil {
		return cannot(opts.Err, lang, err)
	}
	id := model.NextID(opts.Today.Year, ids)
	slug := model.Slugify(opts.Title)
	if slug == "" {
		slug = "ide"
	}
	rel := model.FileName(id, slug)
	full := filepath.Join(b.Root, filepath.FromSlash(rel))
	if _, err := os.Lstat(full); err == nil {
		say(opts.Err, lang, "cli.new-exists", rel)
		return ExitCannot
	}
	sub := model.Submitter{Name: opts.Name, GitHub: opts.GitHub, Anonymous: opts.Anonymous}
	data, err := ideafile.Encode(ideafile.New{ID: id, Title: opts.Title, Kind: model.Kind(opts.Kind),
		Submitted: opts.Today, Submitter: sub, Unit: opts.Unit, Tags: tags, Body: body})
	if err != nil {
		return cannot(opts.Err, lang, err)
	}
	// The ideas most like it, before the file is written: the idea may be
	// in the bank already, and can be supported there.
	if like := similarTo(b.Res.Ideas, similar.Doc{Title: opts.Title, Tags: tags}, "", similarShown); len(like) > 0 {
		say(opts.Out, lang, "cli.new-similar")
		for _, idea := range like {
			say(opts.Out, lang, "cli.new-similar-idea", string(idea.ID), printable(idea.Title), i18n.Name(cfg.Process, "stage."+string(idea.Stage)))
		}
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return cannot(opts.Err, lang, err)
	}
	if err := atomicfile.WriteFile(full, data, 0o644); err != nil {
		return cannot(opts.Err, lang, err)
	}
	say(opts.Out, lang, "cli.new-created", rel, string(id))
	say(opts.Out, lang, "cli.new-next")

	// The new file is checked as the pull request will check it: until the
	// text is written, the body is the template, and nothing else may be
	// wrong (a title can still hold a phone number).
	after, err := loadBank(b.Root, opts.Today)
	if err != nil {
		return cannot(opts.Err, lang, err)
	}
	var others []diag.Diagnostic
	emptyBody := false
	for _, d := range after.Res.Diags {
		switch {
		case d.Path != rel || d.Severity != diag.Error:
		case d.Rule == diag.RuleEmptyBody:
			emptyBody = true
		default:
			others = append(others, d)
		}
	}
	if emptyBody {
		say(opts.Out, lang, "cli.new-empty-body")
	}
	if len(others) > 0 {
		say(opts.Err, lang, "cli.new-other-errors")
		_ = diag.Write(opts.Err, diag.FormatText, lang, others)
		return ExitProblems
	}
	return ExitOK
}

func validTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 1 && n <= check.MaxTitle && !strings.ContainsAny(s, "\r\n")
}

// templateBody returns the Markdown body of the template at path: its
// headings and guidance comments.
func templateBody(path string) (string, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	var ds diag.List
	doc, ok := ideafile.Split(path, data, &ds)
	if !ok {
		return "", false
	}
	return string(doc.Body), true
}

// ideaIDs returns every id in use in the working tree: those the files
// give, and those in the names of files that could not be read as ideas.
func ideaIDs(b *bank) ([]model.ID, error) {
	var ids []model.ID
	for _, idea := range b.Res.Ideas {
		if idea.ID != "" {
			ids = append(ids, idea.ID)
		}
	}
	for _, p := range b.Paths {
		if id := ideafile.IDFromPath(p); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// askNew asks for what opts lacks, one question at a time, until each answer
// will do. It returns false when the answers run out.
func askNew(opts *NewOptions, cfg *model.Config, lang model.Lang) bool {
	in := bufio.NewReader(opts.In)
	w := opts.Err
	say(w, lang, "cli.new-personal-warning")
	read := func(prompt string) (string, bool) {
		fmt.Fprint(w, prompt)
		line, err := in.ReadString('\n')
		if err != nil && line == "" {
			fmt.Fprintln(w)
			return "", false
		}
		return strings.TrimSpace(line), true
	}
	choose := func(question string, ids, labels []string) (string, bool) {
		fmt.Fprintln(w)
		say(w, lang, question)
		for i := range ids {
			say(w, lang, "cli.new-option", i+1, labels[i], ids[i])
		}
		for {
			answer, ok := read(i18n.Render(lang, i18n.M("cli.new-ask-choice", len(ids))))
			if !ok {
				return "", false
			}
			if n, err := strconv.Atoi(answer); err == nil && n >= 1 && n <= len(ids) {
				return ids[n-1], true
			}
			for _, id := range ids {
				if strings.EqualFold(answer, id) {
					return id, true
				}
			}
			say(w, lang, "cli.new-retry-choice", len(ids))
		}
	}
	if opts.Kind == "" {
		var ids, labels []string
		for _, k := range model.Kinds {
			ids = append(ids, string(k))
			labels = append(labels, i18n.T(lang, "kind."+string(k)))
		}
		kind, ok := choose("cli.new-ask-kind", ids, labels)
		if !ok {
			return false
		}
		opts.Kind = kind
	}
	if opts.Title == "" {
		fmt.Fprintln(w)
		for {
			title, ok := read(i18n.Render(lang, i18n.M("cli.new-ask-title", check.MaxTitle)))
			if !ok {
				return false
			}
			if validTitle(title) {
				opts.Title = title
				break
			}
			say(w, lang, "cli.new-bad-title", check.MaxTitle)
		}
	}
	if opts.Unit == "" {
		var ids, labels []string
		for _, u := range cfg.Units {
			ids = append(ids, u.ID)
			labels = append(labels, u.Name)
		}
		unit, ok := choose("cli.new-ask-unit", ids, labels)
		if !ok {
			return false
		}
		opts.Unit = unit
	}
	if opts.Name == "" && !opts.Anonymous {
		fmt.Fprintln(w)
		for {
			name, ok := read(i18n.T(lang, "cli.new-ask-name"))
			if !ok {
				return false
			}
			if name != "" {
				opts.Name = name
				break
			}
			yes, ok := read(i18n.T(lang, "cli.new-ask-anonymous"))
			if !ok {
				return false
			}
			if strings.EqualFold(yes, i18n.T(lang, "cli.new-yes")) {
				opts.Anonymous = true
				opts.GitHub = ""
				break
			}
		}
	}
	fmt.Fprintln(w)
	return true
}
