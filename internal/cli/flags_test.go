package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagValues goes through every flag of every command that takes one
// of a set of values (a stage, a kind, a unit, a language, a format) or a
// value of a form (a date, a number, a period, an address). Each takes the
// value by its id or its label in either language, in any case and with
// or without accents; a value it cannot take gives one line, in Swedish,
// that lists the values or says the form, exit status 2, and no usage:
// the usage is for a flag the command does not have.
func TestFlagValues(t *testing.T) {
	out := func(t *testing.T) string { return filepath.Join(t.TempDir(), "site") }
	for _, c := range []struct {
		name string
		args []string
		// want is a part of the one line said about a refused value; ""
		// for a value taken.
		want string
	}{
		{"check-format-id", []string{"check", "--format", "json"}, ""},
		{"check-format-case", []string{"check", "--format", "Markdown"}, ""},
		{"check-format-bad", []string{"check", "--format", "xml"}, `--format kan inte vara "xml". Välj text, json, github eller markdown`},
		{"check-lang-id", []string{"check", "--lang", "en"}, ""},
		{"check-lang-sv-name", []string{"check", "--lang", "Svenska"}, ""},
		{"check-lang-en-name", []string{"check", "--lang", "english"}, ""},
		{"check-lang-bad", []string{"check", "--lang", "de"}, `--lang kan inte vara "de". Välj sv (svenska) eller en (engelska)`},
		{"check-today-bad", []string{"check", "--today", "21/11"}, `--today "21/11" är inget datum av formen ÅÅÅÅ-MM-DD`},
		{"check-history-bad", []string{"check", "--history=ja"}, `flaggan -history kan inte ha värdet "ja"`},
		{"report-format-case", []string{"report", "--format", "CSV"}, ""},
		{"report-format-bad", []string{"report", "--format", "docx"}, `--format kan inte vara "docx". Välj md, html, csv eller json`},
		{"report-lang-name", []string{"report", "--lang", "Engelska"}, ""},
		{"report-lang-bad", []string{"report", "--lang", "fi"}, `--lang kan inte vara "fi"`},
		{"report-unit-id", []string{"report", "--unit", "skola"}, ""},
		{"report-unit-name", []string{"report", "--unit", "skolforvaltningen"}, ""},
		{"report-unit-bad", []string{"report", "--unit", "skolan"}, `enheten "skolan" finns inte i idebank.yaml. Ange en av dessa, med id eller namn: skola (Skolförvaltningen), omsorg (Omsorgsförvaltningen)`},
		{"report-period-bad", []string{"report", "--period", "i fjol"}, `"i fjol" är ingen period`},
		{"report-period-backwards", []string{"report", "--period", "2026-07-01..2026-01-01"}, `perioden "2026-07-01..2026-01-01" slutar innan den börjar: skriv det tidigare datumet först, 2026-01-01..2026-07-01`},
		{"new-kind-sv", []string{"new", "--kind", "Förbättringsförslag", "--title", "X", "--unit", "skola", "--name", "Eva"}, ""},
		{"new-kind-en-folded", []string{"new", "--kind", "PROBLEM WITHOUT A SOLUTION", "--title", "X", "--unit", "skola", "--name", "Eva"}, ""},
		{"new-kind-bad", []string{"new", "--kind", "klagomål", "--title", "X", "--unit", "skola", "--name", "Eva"}, `"klagomål"`},
		{"new-unit-name", []string{"new", "--kind", "problem", "--title", "X", "--unit", "OMSORGSFÖRVALTNINGEN", "--name", "Eva"}, ""},
		{"new-unit-bad", []string{"new", "--kind", "problem", "--title", "X", "--unit", "vården", "--name", "Eva"}, `enheten "vården" finns inte`},
		{"new-github-bad", []string{"new", "--kind", "problem", "--title", "X", "--unit", "skola", "--github", "a b"}, `"a b"`},
		{"advance-to-id", []string{"advance", "2026-001", "--to", "developing", "--by", "amb"}, ""},
		{"advance-to-sv", []string{"advance", "2026-001", "--to", "Vidareutvecklas", "--by", "amb"}, ""},
		{"advance-to-en-case", []string{"advance", "2026-001", "--to", "being DEVELOPED", "--by", "amb"}, ""},
		{"advance-to-unaccented", []string{"advance", "2026-001", "--to", "aterTAGEN", "--by", "amb"}, ""},
		{"advance-to-bad", []string{"advance", "2026-001", "--to", "godkänd", "--by", "amb"}, `developing (Vidareutvecklas)`},
		{"advance-id-bad", []string{"advance", "26-1", "--to", "developing"}, `"26-1" är inget id`},
		{"build-base-url-bad", []string{"build", "--out", "OUT", "--base-url", "www.example.se"}, `--base-url "www.example.se" är ingen webbadress`},
		{"intake-issue-bad", []string{"intake", "--issue", "sju"}, `flaggan -issue kan inte ha värdet "sju": den ska vara ett heltal`},
		{"notify-days-bad", []string{"notify", "--days", "många"}, `flaggan -days kan inte ha värdet "många"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := newTestBank(t, "sv", map[string]string{"ideas/2026/2026-001-x.md": string(ideaWithTitle("X"))})
			env, stdout, stderr := quietEnv(dir)
			code := Main(slicesReplace(c.args, "OUT", out(t)), env)
			said := strings.TrimSuffix(stderr.String(), "\n")
			if c.want == "" {
				if code == ExitCannot {
					t.Errorf("exit %d: the value is refused:\n%s", code, said)
				}
				return
			}
			if code != ExitCannot || stdout.Len() > 0 {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, stdout)
			}
			if strings.Contains(said, "\n") || !strings.Contains(said, c.want) {
				t.Errorf("said\n%s\nwant one line with %q", said, c.want)
			}
			if strings.Contains(said, "Användning") {
				t.Errorf("the usage follows a refused value:\n%s", said)
			}
		})
	}
}
