package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/edit"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

func init() { commands["forget"] = runForgetCmd }

// ForgetOptions are the inputs of idebank forget.
type ForgetOptions struct {
	Stdout, Stderr io.Writer
	Dir            string
	Name, Login    string // whom to forget: a name, a GitHub login, or both
	DryRun         bool
	Today          model.Date
}

func runForgetCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &ForgetOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now)}
	fs := newFlagSet("forget")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.StringVar(&opts.Name, "name", "", "")
	fs.StringVar(&opts.Login, "login", "", "")
	fs.BoolVar(&opts.DryRun, "dry-run", false, "")
	if code, ok := parseFlags(fs, args, lang, "cli.forget-usage", env); !ok {
		return code
	}
	opts.Name = strings.TrimSpace(opts.Name)
	if opts.Name == "" && opts.Login == "" {
		say(env.Stderr, lang, "cli.forget-whom")
		return ExitCannot
	}
	return runForget(opts, lang)
}

// forgotten is what replaces a person's name in a text.
func forgotten(lang model.Lang) string { return i18n.T(lang, "cli.forget-replacement") }

// runForget removes a person from every current idea file, on their
// request: where they are the submitter, the idea becomes anonymous, their
// name and login removed; where their name stands in a text, it is
// replaced. Each file is edited in place, nothing else in it changed.
func runForget(opts *ForgetOptions, lang model.Lang) int {
	b, ok := openBank(opts.Dir, opts.Today, opts.Stderr, lang)
	if !ok {
		return ExitCannot
	}
	lang = b.Lang
	var name *regexp.Regexp
	if opts.Name != "" {
		// The name as a whole word, in any case and in the genitive
		// (Annas, Åbergs), which names a person as surely; \b knows only
		// ASCII letters, and names have å, ä and ö.
		name = regexp.MustCompile(`(?i)(^|[^\pL\pN])(` + regexp.QuoteMeta(opts.Name) + `)(s?(?:$|[^\pL\pN]))`)
	}
	if p := b.Res.Config.Person(opts.Login); p != nil || (name != nil && configNames(b, name)) {
		say(opts.Stdout, lang, "cli.forget-configured")
	}
	changedFiles, manual := 0, 0
	for _, idea := range b.Res.Ideas {
		full := filepath.Join(b.Root, filepath.FromSlash(idea.Path))
		data, err := os.ReadFile(full)
		if err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		doc, err := edit.Open(data)
		if err != nil {
			continue // a file the check cannot read is reported by the check
		}
		var fields []string
		fail := func(field string, err error) {
			var e *edit.Error
			if errors.As(err, &e) {
				manual++
				say(opts.Stderr, lang, "cli.forget-manual", idea.Path, field)
				return
			}
			fields = append(fields, field)
		}
		s := idea.Submitter
		if (name != nil && strings.EqualFold(strings.TrimSpace(s.Name), opts.Name)) || model.SameLogin(s.GitHub, opts.Login) {
			if _, err := doc.Set("submitter.anonymous", edit.Bool(true).Overwritten()); err != nil {
				fail("submitter.anonymous", err)
			} else {
				fields = append(fields, "submitter.anonymous")
				for _, f := range []string{"submitter.name", "submitter.github"} {
					if ch, err := doc.Delete(f); err != nil {
						fail(f, err)
					} else if len(ch) > 0 {
						fields = append(fields, f)
					}
				}
			}
		}
		if name != nil {
			for _, f := range textFields {
				v, ok := doc.Get(f)
				if !ok || !name.MatchString(v) {
					continue
				}
				if _, err := doc.Set(f, edit.Text(name.ReplaceAllString(v, "${1}"+forgotten(lang)+"${3}")).Overwritten()); err != nil {
					fail(f, err)
				} else {
					fields = append(fields, f)
				}
			}
		}
		out := doc.Bytes()
		if name != nil {
			head, body := splitBody(out)
			if name.Match(body) {
				body = name.ReplaceAll(body, []byte("${1}"+forgotten(lang)+"${3}"))
				fields = append(fields, "text")
				out = append(head[:len(head):len(head)], body...)
			}
		}
		if bytes.Equal(out, data) {
			continue
		}
		changedFiles++
		say(opts.Stdout, lang, "cli.forget-changed", idea.Path, strings.Join(fields, ", "))
		if !opts.DryRun {
			if err := atomicfile.WriteFile(full, out, 0o644); err != nil {
				return cannot(opts.Stderr, lang, err)
			}
		}
	}
	say(opts.Stdout, lang, "cli.forget-done", changedFiles)
	if manual > 0 {
		return ExitProblems
	}
	return ExitOK
}

// textFields are the fields of an idea where people write prose.
var textFields = []string{
	"title", "screening.feedback", "screening.criteria.mission.note", "screening.criteria.reach.note",
	"screening.criteria.benefit.note", "screening.criteria.value.note", "proposal.summary", "proposal.resources",
	"decision.motivation", "decision.resources", "plan.summary", "outcome.effects", "outcome.lessons", "withdrawn.reason",
}

var fence = regexp.MustCompile(`(?m)^---[ \t]*\r?$`)

// splitBody splits an idea file after the line that closes its front
// matter.
func splitBody(data []byte) (head, body []byte) {
	start := 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		start = 3 // the byte-order mark stands before the first ---
	}
	locs := fence.FindAllIndex(data[start:], 2)
	if len(locs) < 2 {
		return data, nil
	}
	end := start + locs[1][1]
	if end < len(data) && data[end] == '\n' {
		end++
	}
	return data[:end], data[end:]
}

func configNames(b *bank, name *regexp.Regexp) bool {
	for _, p := range b.Res.Config.People {
		if name.MatchString(p.Name) {
			return true
		}
	}
	return false
}
