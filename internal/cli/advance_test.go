package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const advanceSubmitted = `---
id: 2026-001
title: Bättre schema
kind: improvement
stage: submitted   # steget
submitted: 2026-11-02
submitter: {name: Eva Exempel, github: evaex}
unit: skola
---
## Förslag

Ett nytt schema.
`

const advancePlanning = `---
id: 2026-002
title: Digital felanmälan
kind: improvement
stage: planning
submitted: 2026-01-10
submitter: {name: Eva Exempel, github: evaex}
unit: skola
screening:
  date: 2026-01-20
  by: amb
  criteria:
    mission: {met: true}
    reach: {met: true}
    benefit: {met: true}
    value: {short: 3, long: 4}
  outcome: develop
  feedback: Bra idé.
proposal: {date: 2026-02-01, by: inno, summary: Nytt.}
decision: {date: 2026-02-15, by: led, outcome: approve, motivation: Ryms., implementer: proj}
plan: {date: 2026-03-01, by: proj, summary: Tre steg.}
---
Text.
`

const (
	advanceSubmittedPath = "ideas/2026/2026-001-battre-schema.md"
	advancePlanningPath  = "ideas/2026/2026-002-digital-felanmalan.md"
)

type advanceRun struct {
	code     int
	out, err string
}

// runAdvanceTest runs idebank advance with args on the command line, with
// the environment variables env.
func runAdvanceTest(t *testing.T, dir string, env map[string]string, args ...string) advanceRun {
	t.Helper()
	var out, errb bytes.Buffer
	e := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir,
		Getenv: func(k string) string { return env[k] }}
	code := Main(append([]string{"advance"}, append(args, "--today", "2026-11-21")...), e)
	return advanceRun{code, out.String(), errb.String()}
}

func TestAdvance(t *testing.T) {
	dir := newTestBank(t, "sv", map[string]string{advanceSubmittedPath: advanceSubmitted})
	r := runAdvanceTest(t, dir, nil, "2026-001", "--to", "developing", "--by", "amb")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	want := `2026-001 flyttades från submitted (Registrerad) till developing (Vidareutvecklas) i ideas/2026/2026-001-battre-schema.md:
  ändrat    stage: submitted → developing
  tillagt   screening (date, by, criteria, outcome, feedback)

Fyll i det här innan du öppnar en pull request:
ideas/2026/2026-001-battre-schema.md:14:7: error: fyll i screening.criteria.mission.met: true eller false [required-field]
ideas/2026/2026-001-battre-schema.md:17:7: error: fyll i screening.criteria.reach.met: true eller false [required-field]
ideas/2026/2026-001-battre-schema.md:20:7: error: fyll i screening.criteria.benefit.met: true eller false [required-field]
ideas/2026/2026-001-battre-schema.md:23:7: error: fyll i screening.criteria.value.short: ett heltal från 1 till 5, effekt på kort sikt [required-field]
ideas/2026/2026-001-battre-schema.md:24:7: error: fyll i screening.criteria.value.long: ett heltal från 1 till 5, effekt på lång sikt [required-field]
ideas/2026/2026-001-battre-schema.md:26:3: error: fyll i screening.feedback: motiveringen som skickas till idégivaren, inom citattecken [required-field]
`
	if r.out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.out, want)
	}
	if r.err != "" {
		t.Errorf("stderr: %s", r.err)
	}
	got := readIdea(t, dir, advanceSubmittedPath)
	wantFile := strings.Replace(advanceSubmitted, "stage: submitted   # steget", "stage: developing   # steget", 1)
	wantFile = strings.Replace(wantFile, "unit: skola\n", `unit: skola
screening:
  date: 2026-11-21
  by: amb
  criteria:
    mission:
      met:  # true eller false
      note: ""  # frivilligt: en kort kommentar
    reach:
      met:  # true eller false
      note: ""  # frivilligt: en kort kommentar
    benefit:
      met:  # true eller false
      note: ""  # frivilligt: en kort kommentar
    value:
      short:  # ett heltal från 1 till 5, effekt på kort sikt
      long:  # ett heltal från 1 till 5, effekt på lång sikt
  outcome: develop
  feedback: ""  # motiveringen som skickas till idégivaren, inom citattecken
`, 1)
	if got != wantFile {
		t.Errorf("the file:\n%s\nwant:\n%s", got, wantFile)
	}
}

func TestAdvanceLogin(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		want string // the line of by
		note bool   // says by was left empty
	}{
		{"flag", map[string]string{"GITHUB_ACTOR": "inno"}, []string{"--by", "amb"}, "  by: amb\n", false},
		{"GITHUB_ACTOR", map[string]string{"GITHUB_ACTOR": "inno"}, nil, "  by: inno\n", false},
		{"nobody", nil, nil, "  by:  # användarnamnet för den som tar steget: amb eller inno\n", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := newTestBank(t, "sv", map[string]string{advanceSubmittedPath: advanceSubmitted})
			r := runAdvanceTest(t, dir, c.env, append([]string{"2026-001", "--to", "rejected"}, c.args...)...)
			if r.code != ExitOK {
				t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
			}
			if got := readIdea(t, dir, advanceSubmittedPath); !strings.Contains(got, c.want) {
				t.Errorf("the file lacks %q:\n%s", c.want, got)
			}
			note := "obs: inget användarnamn angavs (--by eller GITHUB_ACTOR), så by lämnades tomt"
			if strings.Contains(r.out, note) != c.note {
				t.Errorf("the note about an empty by: %v\n%s", !c.note, r.out)
			}
			if c.note && !strings.Contains(r.out, "fyll i screening.by: användarnamnet") {
				t.Errorf("the check does not point at by:\n%s", r.out)
			}
		})
	}
}

// The announcement is a communicator's: the login of an implementer who
// takes the step does not go into it, a communicator's does.
func TestAdvanceCommunicated(t *testing.T) {
	for _, c := range []struct{ by, want string }{
		{"proj", "  communicated:\n    date: 2026-11-21\n    by:  # the login of the communicator who announced it\n    channel: \"\"  # where it was announced, for example the intranet"},
		{"kom", "  communicated:\n    date: 2026-11-21\n    by: kom\n    channel: \"\"  # where it was announced, for example the intranet"},
	} {
		dir := newTestBank(t, "en", map[string]string{advancePlanningPath: advancePlanning})
		r := runAdvanceTest(t, dir, nil, "--to", "implementing", "2026-002", "--by", c.by)
		if r.code != ExitOK {
			t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
		}
		got := readIdea(t, dir, advancePlanningPath)
		if !strings.Contains(got, "implementation:\n  started: 2026-11-21\n"+c.want+"\n---\n") {
			t.Errorf("by %s, the file:\n%s", c.by, got)
		}
		if !strings.HasPrefix(r.out, "2026-002 moved from planning (Being planned) to implementing (Being implemented) in "+advancePlanningPath+":\n  changed   stage: planning → implementing\n  added     implementation (started, communicated)\n\nFill this in before you open a pull request:\n") {
			t.Errorf("stdout in English:\n%s", r.out)
		}
	}
}

func TestAdvanceRescreen(t *testing.T) {
	paused := strings.NewReplacer("stage: planning", "stage: paused", "outcome: develop", "outcome: pause\n  revisit: 2026-12-01").Replace(advancePlanning)
	paused = paused[:strings.Index(paused, "proposal:")] + "---\nText.\n"
	dir := newTestBank(t, "sv", map[string]string{advancePlanningPath: paused})
	r := runAdvanceTest(t, dir, nil, "2026-002", "--to", "quick-win", "--by", "amb")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	want := `2026-002 flyttades från paused (Pausad) till quick-win (Snabb vinst) i ideas/2026/2026-002-digital-felanmalan.md:
  ändrat    stage: paused → quick-win
  ändrat    screening.date: 2026-01-20 → 2026-11-21
  ändrat    screening.outcome: pause → quick-win
  borttaget screening.revisit (var 2026-12-01)
Kvar från tidigare, se över om det fortfarande stämmer: screening.criteria, screening.feedback

Filen klarar idebank check.
`
	if r.out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.out, want)
	}
}

func TestAdvanceRefuses(t *testing.T) {
	final := strings.Replace(advanceSubmitted, "stage: submitted", "stage: withdrawn", 1)
	final = strings.Replace(final, "unit: skola\n", "unit: skola\nwithdrawn: {date: 2026-11-10, reason: Fel.}\n", 1)
	broken := "---\nid: 2026-003\ntitle: [\n---\nText.\n"
	block := strings.Replace(advanceSubmitted, "stage: submitted   # steget", "stage: >-\n  submitted", 1)
	block = strings.Replace(block, "2026-001", "2026-005", 1)
	files := map[string]string{
		advanceSubmittedPath:                 advanceSubmitted,
		"ideas/2026/2026-003-trasig.md":      broken,
		"ideas/2026/2026-004-aterkallad.md":  strings.Replace(final, "2026-001", "2026-004", 1),
		"ideas/2026/2026-005-blockvarde.md":  block,
		"ideas/2026/2026-006-dubbel.md":      strings.Replace(advanceSubmitted, "2026-001", "2026-006", 1),
		"ideas/2026/2026-006-dubbel-igen.md": strings.Replace(advanceSubmitted, "2026-001", "2026-006", 1),
		"ideas/2026/2026-007-utan-steg.md":   strings.Replace(strings.Replace(advanceSubmitted, "2026-001", "2026-007", 1), "stage: submitted", "stage: inlamnad", 1),
		"ideas/2026/2026-008-lista.md":       strings.NewReplacer("2026-001", "2026-008", "stage: submitted", "stage: paused", "unit: skola\n", "unit: skola\nscreening: [pause]\n").Replace(advanceSubmitted),
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no step", []string{"2026-001", "--to", "approved"}, ExitProblems,
			"submitted (Registrerad) → approved (Beslutad) är inget steg i processen; från submitted (Registrerad) kan idén gå till: developing (Vidareutvecklas), quick-win (Snabb vinst), paused (Pausad), rejected (Avslagen), withdrawn (Återtagen)\n"},
		{"same stage", []string{"2026-001", "--to", "submitted"}, ExitProblems, "idén är redan i steget submitted (Registrerad); härifrån kan den gå till: developing (Vidareutvecklas)"},
		{"final", []string{"2026-004", "--to", "submitted"}, ExitProblems, "idén är i slutsteget withdrawn (Återtagen) och kan inte flyttas vidare\n"},
		{"unknown stage", []string{"2026-001", "--to", "utvecklas"}, ExitCannot, `okänt steg "utvecklas"; från submitted kan idén gå till: developing (Vidareutvecklas)`},
		{"no such idea", []string{"2026-099", "--to", "developing"}, ExitCannot, "det finns ingen idé med id 2026-099 under ideas/\n"},
		{"bad id", []string{"26-1", "--to", "developing"}, ExitCannot, `"26-1" är inget id`},
		{"no id", []string{"--to", "developing"}, ExitCannot, "ange idéns id, till exempel"},
		{"two ids", []string{"2026-001", "2026-002", "--to", "developing"}, ExitCannot, "oväntade argument: 2026-002"},
		{"no to", []string{"2026-001"}, ExitCannot, "ange steget att flytta till med --to"},
		{"bad login", []string{"2026-001", "--to", "developing", "--by", "a b"}, ExitCannot, `"a b" är inget GitHub-användarnamn`},
		{"bad flag", []string{"2026-001", "--too", "developing"}, ExitCannot, "okänd flagga -too"},
		{"unreadable", []string{"2026-003", "--to", "developing"}, ExitProblems, "ideas/2026/2026-003-trasig.md går inte att läsa som en idé; rätta felen först:\nideas/2026/2026-003-trasig.md:3:8: error: tecknet [ här stängs aldrig"},
		{"duplicate", []string{"2026-006", "--to", "developing"}, ExitProblems, "id 2026-006 används av flera filer (ideas/2026/2026-006-dubbel-igen.md, ideas/2026/2026-006-dubbel.md): rätta det först"},
		{"no stage", []string{"2026-007", "--to", "developing"}, ExitProblems, "ideas/2026/2026-007-utan-steg.md saknar ett giltigt steg (stage): rätta det först"},
		{"not a group", []string{"2026-008", "--to", "developing"}, ExitProblems, "ideas/2026/2026-008-lista.md: screening kan inte ändras automatiskt, eftersom fältet innehåller något annat än en grupp av fält: gör ändringen för hand"},
		{"block scalar", []string{"2026-005", "--to", "developing"}, ExitProblems, "ideas/2026/2026-005-blockvarde.md: stage kan inte ändras automatiskt, eftersom värdet är skrivet på ett sätt som inte går att ändra säkert på plats"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := newTestBank(t, "sv", files)
			r := runAdvanceTest(t, dir, nil, c.args...)
			if r.code != c.code || !strings.Contains(r.err, c.want) {
				t.Errorf("exit %d (want %d), stderr:\n%s\nwant %q", r.code, c.code, r.err, c.want)
			}
			if r.out != "" {
				t.Errorf("stdout: %s", r.out)
			}
			for rel, content := range files {
				if got := readIdea(t, dir, rel); got != content {
					t.Errorf("%s changed:\n%s", rel, got)
				}
			}
		})
	}
}

func TestAdvanceKeepsCRLF(t *testing.T) {
	crlf := "\uFEFF" + strings.ReplaceAll(advanceSubmitted, "\n", "\r\n")
	dir := newTestBank(t, "sv", map[string]string{advanceSubmittedPath: crlf})
	r := runAdvanceTest(t, dir, nil, "2026-001", "--to", "withdrawn")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	got := readIdea(t, dir, advanceSubmittedPath)
	want := strings.Replace(crlf, "stage: submitted", "stage: withdrawn", 1)
	want = strings.Replace(want, "unit: skola\r\n", "unit: skola\r\nwithdrawn:\r\n  date: 2026-11-21\r\n  reason: \"\"  # varför idén tas tillbaka, inom citattecken\r\n", 1)
	if got != want {
		t.Errorf("the file:\n%q\nwant:\n%q", got, want)
	}
	info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(advanceSubmittedPath)))
	if err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("the file's mode: %v %v", info.Mode(), err)
	}
}
