package cli

import (
	"bytes"
	"github.com/idebanken/idebanken/internal/snapshot"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
)

const editTestConfig = `title: Testbanken
organisation: Testkommunen
language: %LANG%
units:
  - {id: skola, name: Skolförvaltningen}
  - {id: omsorg, name: Omsorgsförvaltningen}
people:
  - {login: amb, name: Anna Ambassadör, roles: [ambassador], units: [skola]}
  - {login: inno, name: Ingrid Innovation, roles: [innovation-group]}
  - {login: chef, name: Carl Chef, roles: [unit-manager], units: [skola]}
  - {login: led, name: Lena Ledning, roles: [management], units: [skola]}
  - {login: proj, name: Pia Projekt, roles: [project-lead]}
  - {login: kom, name: Kim Kommunikatör, roles: [communicator]}
`

var editTestToday = model.Date{Year: 2026, Month: 11, Day: 21}

// newTestBank makes an idea bank in a temporary folder: the configuration
// in lang, the project's templates, and files (path → content).
func newTestBank(t *testing.T, lang string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("idebank.yaml", strings.ReplaceAll(editTestConfig, "%LANG%", lang))
	templates, err := filepath.Glob("../../templates/*.md")
	if err != nil || len(templates) == 0 {
		t.Fatalf("the project's templates: %v", err)
	}
	for _, p := range templates {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		write("templates/"+filepath.Base(p), string(data))
	}
	for rel, content := range files {
		write(rel, content)
	}
	return dir
}

type newRun struct {
	code     int
	out, err string
	dir      string
}

// runNewTest runs idebank new in dir with opts, answers on stdin as given
// by in, a terminal when terminal is true.
func runNewTest(t *testing.T, dir string, opts NewOptions, in string, terminal bool) newRun {
	t.Helper()
	var out, errb bytes.Buffer
	opts.In, opts.Out, opts.Err = strings.NewReader(in), &out, &errb
	opts.IsTerminal = func() bool { return terminal }
	opts.Dir = dir
	if opts.Today.IsZero() {
		opts.Today = editTestToday
	}
	code := runNew(&opts, model.Swedish)
	return newRun{code, out.String(), errb.String(), dir}
}

func readIdea(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// bankErrors returns the errors idebank check finds in the file rel.
func bankErrors(t *testing.T, dir, rel string) []diag.Diagnostic {
	t.Helper()
	b, err := loadBank(dir, editTestToday)
	if err != nil {
		t.Fatal(err)
	}
	var errs []diag.Diagnostic
	for _, d := range b.Res.Diags {
		if d.Path == rel && d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	return errs
}

// onlyEmptyBody fails unless the one error of the file is that its body is
// still the template.
func onlyEmptyBody(t *testing.T, dir, rel string) {
	t.Helper()
	errs := bankErrors(t, dir, rel)
	if len(errs) != 1 || errs[0].Rule != diag.RuleEmptyBody {
		var b strings.Builder
		for _, d := range errs {
			b.WriteString(d.Text(model.English) + "\n")
		}
		t.Errorf("want only the empty-body error, got:\n%s", b.String())
	}
}

func TestNewFromFlags(t *testing.T) {
	dir := newTestBank(t, "sv", nil)
	r := runNewTest(t, dir, NewOptions{Kind: "incident", Title: "Halkrisk vid entrén: is #2", Unit: "skola",
		Name: "Eva Exempel", GitHub: "evaex", Tags: []string{"Halka", "entre", "halka"}}, "", false)
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	rel := "ideas/2026/2026-001-halkrisk-vid-entren-is-2.md"
	want := "Skapade " + rel + " (id 2026-001)\n" +
		"Nästa steg: skriv din idé under rubrikerna och öppna en pull request.\n" +
		"Tills du har skrivit texten säger idebank check att idén saknar text [empty-body]; resten av filen klarar kontrollen.\n"
	if r.out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.out, want)
	}
	if r.err != "" {
		t.Errorf("stderr: %s", r.err)
	}
	got := readIdea(t, dir, rel)
	head := `---
id: 2026-001
title: 'Halkrisk vid entrén: is #2'
kind: incident
stage: submitted
submitted: 2026-11-21
submitter:
  name: Eva Exempel
  github: evaex
unit: skola
tags: [halka, entre]
---
<!--
Tillbud`
	if !strings.HasPrefix(got, head) {
		t.Errorf("the file:\n%s\nwant it to start:\n%s", got, head)
	}
	if !strings.Contains(got, "## Vad hände") || !strings.HasSuffix(got, "-->\n") {
		t.Errorf("the body is not the incident template's:\n%s", got)
	}
	onlyEmptyBody(t, dir, rel)
}

func TestNewNextID(t *testing.T) {
	idea := func(id string) string {
		return "---\nid: " + id + "\ntitle: X\nkind: improvement\nstage: submitted\nsubmitted: " + id[:4] +
			"-01-10\nsubmitter: {name: Eva}\nunit: skola\n---\nText.\n"
	}
	dir := newTestBank(t, "sv", map[string]string{
		"ideas/2026/2026-001-x.md": idea("2026-001"),
		"ideas/2026/2026-004-x.md": idea("2026-004"),
		// A file that does not parse still holds its id.
		"ideas/2026/2026-006-trasig.md": "---\nid: [\n---\n",
		// Another year's numbers do not count.
		"ideas/2025/2025-011-x.md": idea("2025-011"),
	})
	r := runNewTest(t, dir, NewOptions{Kind: "problem", Title: "Åäö ÖÄÅ", Unit: "omsorg", Anonymous: true}, "", false)
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	rel := "ideas/2026/2026-007-aao-oaa.md"
	got := readIdea(t, dir, rel)
	if !strings.Contains(got, "id: 2026-007\n") || !strings.Contains(got, "submitter:\n  anonymous: true\n") {
		t.Errorf("the file:\n%s", got)
	}
	onlyEmptyBody(t, dir, rel)

	// The first idea of a new year.
	r = runNewTest(t, dir, NewOptions{Kind: "problem", Title: "!!!", Unit: "omsorg", Name: "Eva", Today: model.Date{Year: 2027, Month: 1, Day: 2}}, "", false)
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "ideas/2027/2027-001-ide.md")); err != nil {
		t.Errorf("a title without letters gives the slug ide: %v\n%s", err, r.out)
	}
}

func TestNewAsks(t *testing.T) {
	dir := newTestBank(t, "sv", nil)
	// Wrong answers are asked again: a kind out of range, an empty and a
	// too long title, a unit by a wrong id; an empty name leads to the
	// question of anonymity, and "n" back to the name.
	answers := strings.Join([]string{"9", "Tillbud", "incident", "", strings.Repeat("x", 121), "Kaffe i personalrummet",
		"förskola", "OMSORG", "", "n", "Eva Exempel"}, "\n") + "\n"
	r := runNewTest(t, dir, NewOptions{Tags: []string{"kaffe"}}, answers, true)
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	for _, want := range []string{
		"Allt i filen publiceras öppet",
		"Vilken sorts idé är det?\n  1. Förbättringsförslag (improvement)\n  2. Tillbud (incident)\n  3. Avvikelse (deviation)\n  4. Problem utan lösning (problem)\nVälj 1–4: ",
		"Svara med en siffra från 1 till 4.",
		"Rubrik, på en rad (högst 120 tecken): ",
		"rubriken måste vara 1–120 tecken på en rad",
		"Vilken enhet gäller idén?\n  1. Skolförvaltningen (skola)\n  2. Omsorgsförvaltningen (omsorg)\nVälj 1–2: ",
		"Ditt namn (lämna tomt för att vara anonym): ",
		"Lämna idén anonymt? Då sparas och publiceras inget namn. [j/N]: ",
	} {
		if !strings.Contains(r.err, want) {
			t.Errorf("the questions lack %q:\n%s", want, r.err)
		}
	}
	rel := "ideas/2026/2026-001-kaffe-i-personalrummet.md"
	got := readIdea(t, dir, rel)
	for _, want := range []string{"kind: incident\n", "unit: omsorg\n", "  name: Eva Exempel\n", "tags: [kaffe]\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("the file lacks %q:\n%s", want, got)
		}
	}
	onlyEmptyBody(t, dir, rel)
}

func TestNewAsksOnlyWhatIsMissing(t *testing.T) {
	dir := newTestBank(t, "en", nil)
	r := runNewTest(t, dir, NewOptions{Kind: "deviation", Title: "Late minutes", Unit: "skola"}, "\ny\n", true)
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	if strings.Contains(r.err, "What kind") || strings.Contains(r.err, "Title") || strings.Contains(r.err, "Which unit") {
		t.Errorf("asked for what the flags gave:\n%s", r.err)
	}
	if !strings.Contains(r.err, "Your name (leave empty to be anonymous): Submit the idea anonymously? Then no name is kept or published. [y/N]: ") {
		t.Errorf("the questions are not in English:\n%s", r.err)
	}
	if !strings.Contains(r.out, "Created ideas/2026/2026-001-late-minutes.md (id 2026-001)\nNext step: write your idea under the headings and open a pull request.\n") {
		t.Errorf("stdout: %s", r.out)
	}
	got := readIdea(t, dir, "ideas/2026/2026-001-late-minutes.md")
	if !strings.Contains(got, "submitter:\n  anonymous: true\n") {
		t.Errorf("not anonymous:\n%s", got)
	}
}

func TestNewAnswersRunOut(t *testing.T) {
	dir := newTestBank(t, "sv", nil)
	r := runNewTest(t, dir, NewOptions{}, "1\nEn rubrik\n", true)
	if r.code != ExitCannot || !strings.Contains(r.err, "avbrutet: svaren tog slut innan allt var angivet") {
		t.Errorf("exit %d\n%s", r.code, r.err)
	}
	noIdeas(t, dir)
}

func noIdeas(t *testing.T, dir string) {
	t.Helper()
	s, err := snapshot.FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Ideas) > 0 {
		t.Errorf("files were written: %v", s.Ideas[0].Path)
	}
}

func TestNewWithoutTerminal(t *testing.T) {
	dir := newTestBank(t, "sv", nil)
	r := runNewTest(t, dir, NewOptions{Title: "X"}, "1\n", false)
	want := "idebank new: uppgifter saknas: --kind, --unit, --name (eller --anonymous). Ange dem som flaggor, eller kör idebank new i en terminal så frågar programmet efter dem\n"
	if r.code != ExitCannot || !strings.HasPrefix(r.err, want) || !strings.Contains(r.err, "Användning: idebank new") {
		t.Errorf("exit %d\n%s", r.code, r.err)
	}
	noIdeas(t, dir)
}

func TestNewRefuses(t *testing.T) {
	ok := NewOptions{Kind: "improvement", Title: "Kaffe", Unit: "skola", Name: "Eva"}
	for _, c := range []struct {
		name string
		opts func(o *NewOptions)
		want string
	}{
		{"bad kind", func(o *NewOptions) { o.Kind = "förslag" }, `okänd typ "förslag": välj improvement (Förbättringsförslag), incident (Tillbud), deviation (Avvikelse), problem (Problem utan lösning)`},
		{"unknown unit", func(o *NewOptions) { o.Unit = "skolan" }, `enheten "skolan" finns inte i idebank.yaml`},
		{"long title", func(o *NewOptions) { o.Title = strings.Repeat("å", 121) }, "rubriken måste vara 1–120 tecken på en rad"},
		{"title lines", func(o *NewOptions) { o.Title = "två\nrader" }, "rubriken måste vara 1–120 tecken på en rad"},
		{"anonymous with name", func(o *NewOptions) { o.Anonymous = true }, "en anonym idé sparar varken namn"},
		{"anonymous with login", func(o *NewOptions) { o.Name, o.Anonymous, o.GitHub = "", true, "eva" }, "en anonym idé sparar varken namn"},
		{"bad login", func(o *NewOptions) { o.GitHub = "eva exempel" }, `"eva exempel" är inget GitHub-användarnamn`},
		{"long tag", func(o *NewOptions) { o.Tags = []string{strings.Repeat("t", 41)} }, "är för lång: högst 40 tecken"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := newTestBank(t, "sv", nil)
			o := ok
			c.opts(&o)
			r := runNewTest(t, dir, o, "", true)
			if r.code != ExitCannot || !strings.Contains(r.err, c.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant %q", r.code, r.err, c.want)
			}
			noIdeas(t, dir)
		})
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	// A folder where the new file would go: it holds no idea, so its
	// number is free, but nothing may be written over it.
	dir := newTestBank(t, "sv", map[string]string{"ideas/2026/2026-001-kaffe.md/x": "x"})
	r := runNewTest(t, dir, NewOptions{Kind: "improvement", Title: "Kaffe", Unit: "skola", Name: "Eva"}, "", false)
	if r.code != ExitCannot || !strings.Contains(r.err, "ideas/2026/2026-001-kaffe.md finns redan: idebank new skriver aldrig över en fil") {
		t.Errorf("exit %d\n%s", r.code, r.err)
	}
}

func TestNewMissingTemplate(t *testing.T) {
	dir := newTestBank(t, "sv", nil)
	if err := os.Remove(filepath.Join(dir, "templates", "problem.md")); err != nil {
		t.Fatal(err)
	}
	r := runNewTest(t, dir, NewOptions{Kind: "problem", Title: "Kaffe", Unit: "skola", Name: "Eva"}, "", false)
	if r.code != ExitCannot || !strings.Contains(r.err, "mallen templates/problem.md saknas") {
		t.Errorf("exit %d\n%s", r.code, r.err)
	}
	noIdeas(t, dir)
}

func TestNewReportsOtherErrors(t *testing.T) {
	dir := newTestBank(t, "sv", nil)
	r := runNewTest(t, dir, NewOptions{Kind: "improvement", Title: "Ring mig på 070-123 45 67", Unit: "skola", Name: "Eva"}, "", false)
	if r.code != ExitProblems || !strings.Contains(r.err, "Filen har också de här felen") || !strings.Contains(r.err, "[personal-data]") {
		t.Errorf("exit %d\n%s%s", r.code, r.out, r.err)
	}
}

func TestNewCommandLine(t *testing.T) {
	dir := newTestBank(t, "sv", nil)
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir}
	code := Main([]string{"new", "--kind", "improvement", "--title", "Kaffe", "--unit", "skola", "--anonymous",
		"--tags", " kaffe , ,fika", "--today", "2026-03-02"}, env)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errb.String())
	}
	got := readIdea(t, dir, "ideas/2026/2026-001-kaffe.md")
	if !strings.Contains(got, "submitted: 2026-03-02\n") || !strings.Contains(got, "tags: [kaffe, fika]\n") {
		t.Errorf("the file:\n%s", got)
	}
	errb.Reset()
	if code := Main([]string{"new", "--today", "2026-02-30"}, env); code != ExitCannot || !strings.Contains(errb.String(), `--today "2026-02-30" är inget datum`) {
		t.Errorf("a bad --today: exit %d\n%s", code, errb.String())
	}
	out.Reset()
	if code := Main([]string{"new", "-h"}, env); code != ExitOK || !strings.HasPrefix(out.String(), "Användning: idebank new") {
		t.Errorf("-h: exit %d\n%s", code, out.String())
	}
}
