package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

// catalogueLines returns a matcher for a line that some text of the
// catalogue in lang renders to, whatever its arguments: every verb stands
// for any text. Texts of several lines (the usage) give one pattern a line.
func catalogueLines(t *testing.T, lang model.Lang) *regexp.Regexp {
	t.Helper()
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[vsqdfx]`)
	seen := map[string]bool{}
	var alts []string
	keys := i18n.Keys()
	sort.Strings(keys)
	for _, k := range keys {
		if k == "cli.cannot" {
			continue // the fallback for an error the program does not know
		}
		text, _ := i18n.Lookup(k)
		format := text.SV
		if lang == model.English {
			format = text.EN
		}
		for _, line := range strings.Split(format, "\n") {
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			parts := verb.Split(line, -1)
			if letters.FindAllString(strings.Join(parts, ""), -1) == nil || len(letters.FindAllString(strings.Join(parts, ""), -1)) < 4 {
				// "%s: %v" and the like match anything; what they
				// join is matched on its own, below.
				continue
			}
			for i, p := range parts {
				parts[i] = regexp.QuoteMeta(strings.ReplaceAll(p, "%%", "%"))
			}
			alt := strings.Join(parts, ".*")
			if !seen[alt] {
				seen[alt] = true
				alts = append(alts, alt)
			}
		}
	}
	return regexp.MustCompile(`^(?:` + strings.Join(alts, "|") + `)$`)
}

var letters = regexp.MustCompile(`\pL`)

// pathPrefix is the file or field a message of its own is about, as
// "%s: %v" puts it before it.
var pathPrefix = regexp.MustCompile(`^[^ ]+: `)

// diagLine is a line of idebank check: path:line:col: error: message [rule].
var diagLine = regexp.MustCompile(`^.*?: (?:error|warning): (.*) \[[a-z-]+\]$`)

// commandPrefix is how a command names itself before a message.
var commandPrefix = regexp.MustCompile(`^idebank(?: [a-z-]+)?: `)

// uncatalogued returns the lines of output that no catalogue text in lang
// renders to.
func uncatalogued(lines *regexp.Regexp, output string) []string {
	var bad []string
	for _, l := range strings.Split(output, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		msg := commandPrefix.ReplaceAllString(l, "")
		if m := diagLine.FindStringSubmatch(msg); m != nil {
			msg = m[1]
		}
		msg = strings.TrimSpace(msg)
		if !lines.MatchString(msg) && !lines.MatchString(pathPrefix.ReplaceAllString(msg, "")) {
			bad = append(bad, l)
		}
	}
	return bad
}

// TestEveryErrorInCatalogue runs the commands over the catalogue of bad
// input, testdata/bad-input, and over the mistakes of setting up (no
// GITHUB_TOKEN, a theme that does not parse, a unit or a revision that is
// not there), and fails when a line of what they say to the user is not a
// text of the catalogue: an English error from a library, or the fallback
// for an error the program does not know, never reaches a Swedish user.
func TestEveryErrorInCatalogue(t *testing.T) {
	sv, en := catalogueLines(t, model.Swedish), catalogueLines(t, model.English)
	// The matcher itself: a text of the catalogue passes, a library's
	// English fails, and so does the fallback.
	if !sv.MatchString(i18n.Render(model.Swedish, i18n.M("cli.unknown-unit", "x", i18n.List{"a", "b"}))) {
		t.Fatal("a catalogue text does not match")
	}
	for _, s := range []string{"kan inte köra: object not found", "GitHub is not configured: GITHUB_TOKEN is not set", "open x: permission denied"} {
		if len(uncatalogued(sv, "idebank: "+s)) == 0 {
			t.Fatalf("%q passes for a catalogue text", s)
		}
	}

	defaultConfig, err := os.ReadFile("../check/testdata/idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := readBadCases(t, "../../testdata/bad-input")
	runs := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, ok := c.files["idebank.yaml"]; !ok {
				c.files["idebank.yaml"] = defaultConfig
			}
			writeFiles(t, dir, c.files)
			for _, args := range [][]string{
				{"check", "--today", "2026-11-21"},
				{"build", "--out", filepath.Join(t.TempDir(), "site")},
				{"report", "--today", "2026-11-21"},
				{"advance", "2026-001", "--to", "Vidareutvecklas", "--by", "amb", "--today", "2026-11-21"},
				{"new", "--kind", "problem", "--title", "Y", "--unit", "skola", "--name", "Eva", "--today", "2026-11-21"},
				{"forget", "--name", "Eva", "--dry-run"},
				{"gen", "github", "--check"},
			} {
				env, out, errOut := quietEnv(dir)
				Main(args, env)
				runs++
				said := errOut.String()
				if args[0] == "check" || args[0] == "advance" {
					said += out.String()
				}
				for _, l := range uncatalogued(sv, said) {
					t.Errorf("idebank %s: not from the catalogue: %q", strings.Join(args, " "), l)
				}
			}
		})
	}

	// The mistakes of setting up, in both languages.
	theme := map[string][]byte{"site/layouts/base.html": []byte("{{ .Nope")}
	for _, lang := range []string{"sv", "en"} {
		for _, c := range []struct {
			name  string
			files map[string][]byte
			env   map[string]string
			args  []string
			want  string // a part of what is said
		}{
			{"no-token", nil, map[string]string{"GITHUB_REPOSITORY": "o/r"}, []string{"pr-comment", "--pr", "1"}, "GITHUB_TOKEN"},
			{"bad-repository", nil, map[string]string{"GITHUB_TOKEN": "x", "GITHUB_REPOSITORY": "idebanken"}, []string{"notify", "--base", "HEAD", "--head", "HEAD"}, "GITHUB_REPOSITORY"},
			{"theme", theme, nil, []string{"build", "--out", "OUT"}, "site/layouts"},
			{"unit", nil, nil, []string{"report", "--unit", "skolan"}, "skola"},
			{"kind", nil, nil, []string{"new", "--kind", "förslag", "--title", "X", "--unit", "skola", "--name", "Eva"}, "improvement"},
			{"stage", nil, nil, []string{"advance", "2026-001", "--to", "godkänd"}, "developing"},
			{"signer", nil, nil, []string{"advance", "2026-001", "--to", "developing", "--by", "chef"}, "amb"},
			{"revision", nil, nil, []string{"check", "--base", "nowhere"}, "--base"},
			{"out-is-a-file", nil, nil, []string{"build", "--out", "ideas/2026/2026-001-x.md/site"}, "2026-001-x.md"},
			{"no-folder", nil, nil, []string{"check", "-C", "nowhere"}, "nowhere"},
			{"flag-number", nil, nil, []string{"pr-comment", "--pr", "ett"}, "ett"},
			{"flag-bool", nil, nil, []string{"check", "--history=kanske"}, "kanske"},
			{"flag-syntax", nil, nil, []string{"check", "---x"}, "---x"},
			{"flag-unknown", nil, nil, []string{"report", "--enhet", "skola"}, "-enhet"},
		} {
			t.Run(lang+"/"+c.name, func(t *testing.T) {
				dir := t.TempDir()
				cfg := strings.Replace(string(defaultConfig), "language: sv", "language: "+lang, 1)
				files := map[string][]byte{"idebank.yaml": []byte(cfg), "ideas/2026/2026-001-x.md": ideaWithTitle("X")}
				for k, v := range c.files {
					files[k] = v
				}
				writeFiles(t, dir, files)
				args := slicesReplace(c.args, "OUT", filepath.Join(t.TempDir(), "site"))
				env, out, errOut := quietEnv(dir)
				env.Getenv = func(k string) string {
					if k == "IDEBANK_LANG" {
						return lang
					}
					return c.env[k]
				}
				code := Main(args, env)
				runs++
				if code == ExitOK || !strings.Contains(errOut.String(), c.want) {
					t.Errorf("exit %d; want an error that says %q:\n%s%s", code, c.want, out, errOut)
				}
				lines := sv
				if lang == "en" {
					lines = en
				}
				for _, l := range uncatalogued(lines, errOut.String()) {
					t.Errorf("not from the catalogue: %q", l)
				}
			})
		}
	}
	if runs < 50 {
		t.Errorf("only %d runs", runs)
	}
}

// writeFiles lays out files in dir; a file whose text starts "symlink:" is
// a link to the rest of it, as the bad-input catalogue writes them.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(string(data), "symlink:") {
			if err := os.Symlink(strings.TrimPrefix(string(data), "symlink:"), p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func slicesReplace(args []string, old, new string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == old {
			a = new
		}
		out[i] = a
	}
	return out
}

// TestCannotMessages: the errors of the file system and of stopping say
// what happened in the catalogue's words, naming the file.
func TestCannotMessages(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "ideas/x.md", Err: syscall.EACCES}, "ideas/x.md: du saknar behörighet att läsa eller skriva här: kontrollera filens rättigheter"},
		{&fs.PathError{Op: "write", Path: "ideas/x.md", Err: syscall.ENOSPC}, "ideas/x.md: disken är full: frigör utrymme och försök igen"},
		{&os.LinkError{Op: "rename", Old: "a.tmp", New: "ideas/x.md", Err: syscall.EROFS}, "ideas/x.md: filsystemet är skrivskyddat: kör i en mapp där du får skriva"},
		{fmt.Errorf("writing: %w", atomicfile.ErrAbandoned), "programmet avbröts innan filen hann skrivas; filen är oförändrad"},
		{i18n.Errorf(errors.New("x"), "cli.github-token"), "GITHUB_TOKEN är inte satt"},
	} {
		got := i18n.Render(model.Swedish, cannotMessage(c.err))
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%v: %q, want %q", c.err, got, c.want)
		}
	}
	if m := cannotMessage(errors.New("something else")); m.Key != "cli.cannot" {
		t.Errorf("an unknown error: %v", m)
	}
}
