package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/edit"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/yamlx"
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
	defer cleanOnSignal()()
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
		name = namePattern(opts.Name)
	}
	if p := b.Res.Config.Person(opts.Login); p != nil || (name != nil && configNames(b, name)) {
		say(opts.Stdout, lang, "cli.forget-configured")
	}
	changedFiles, manual := 0, 0
	for i, idea := range b.Res.Ideas {
		keys := b.Res.Keys[i]
		full := filepath.Join(b.Root, filepath.FromSlash(idea.Path))
		data, err := os.ReadFile(full)
		if err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		doc, err := edit.Open(data)
		if err != nil {
			// A file the check cannot read is reported by the check; one
			// that holds the name is left for a person to change.
			if name != nil && name.Match(data) {
				manual++
				say(opts.Stderr, lang, "cli.forget-unreadable", idea.Path)
			}
			continue
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
		if (name != nil && wholeName(name, s.Name)) || model.SameLogin(s.GitHub, opts.Login) {
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
			replace := func(v string) string { return name.ReplaceAllString(v, "${1}"+forgotten(lang)+"${3}") }
			// Every text of the front matter, wherever it stands: a
			// section's channel or body of reporting as much as a free
			// text, and a section of a bank's own process.
			for _, f := range slices.Sorted(maps.Keys(keys)) {
				switch keys[f].Shape {
				case yamlx.Scalar:
					v, ok := doc.Get(f)
					if !ok || !name.MatchString(v) {
						continue
					}
					if _, err := doc.Set(f, edit.Text(replace(v)).Overwritten()); err != nil {
						fail(f, err)
					} else {
						fields = append(fields, f)
					}
				case yamlx.Sequence:
					items, _ := doc.Items(f)
					for i, v := range items {
						if !name.MatchString(v) {
							continue
						}
						item := fmt.Sprintf("%s[%d]", f, i)
						if err := doc.SetItem(f, i, edit.Text(strings.ToLower(replace(v)))); err != nil {
							fail(item, err)
						} else {
							fields = append(fields, item)
						}
					}
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
		if name != nil {
			// What no edit reached (a comment, a text written in a form
			// the program does not change) is named by its line, and the
			// command fails: the name is not gone until it is gone.
			for _, loc := range name.FindAllIndex(out, -1) {
				manual++
				say(opts.Stderr, lang, "cli.forget-left", idea.Path, 1+bytes.Count(out[:loc[0]], []byte("\n")))
			}
			if slug := model.Slugify(opts.Name); slug != "" && strings.Contains(path.Base(idea.Path), slug) {
				manual++
				say(opts.Stderr, lang, "cli.forget-file-name", idea.Path)
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
	// A file under ideas/ that is no idea the check could read may hold
	// the name all the same.
	read := make(map[string]bool, len(b.Res.Ideas))
	for _, idea := range b.Res.Ideas {
		read[idea.Path] = true
	}
	for _, p := range b.Paths {
		if read[p] || name == nil {
			continue
		}
		if data, err := os.ReadFile(filepath.Join(b.Root, filepath.FromSlash(p))); err == nil && name.Match(data) {
			manual++
			say(opts.Stderr, lang, "cli.forget-unreadable", p)
		}
	}
	say(opts.Stdout, lang, "cli.forget-done", changedFiles)
	if manual > 0 {
		return ExitProblems
	}
	return ExitOK
}

// wholeName reports whether s is the name that name matches, and nothing
// more.
func wholeName(name *regexp.Regexp, s string) bool {
	s = strings.TrimSpace(s)
	m := name.FindStringSubmatchIndex(s)
	return m != nil && m[4] == 0 && m[5] == len(s)
}

// namePattern matches name as a whole word wherever a text holds it: in
// any case, in the genitive (Annas, Åbergs), with any white space between
// its parts (a line break, a no-break space, two spaces), and with each
// letter in either Unicode normal form, as macOS saves them. \b knows only
// ASCII letters, and names have å, ä and ö.
func namePattern(name string) *regexp.Regexp {
	var parts []string
	for _, part := range strings.Fields(norm.NFC.String(name)) {
		var p strings.Builder
		for _, r := range part {
			c, d := string(r), norm.NFD.String(string(r))
			if c == d {
				p.WriteString(regexp.QuoteMeta(c))
			} else {
				p.WriteString("(?:" + regexp.QuoteMeta(c) + "|" + regexp.QuoteMeta(d) + ")")
			}
		}
		parts = append(parts, p.String())
	}
	space := `[\s\p{Zs}\x{200B}\x{FEFF}]+`
	return regexp.MustCompile(`(?i)(^|[^\pL\pN\pM])(` + strings.Join(parts, space) + `)(s?(?:$|[^\pL\pN\pM]))`)
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
