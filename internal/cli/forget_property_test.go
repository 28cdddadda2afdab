package cli

import (
	"html"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/idebanken/idebanken/internal/model"
)

// nameForms are the ways an editor, a form or macOS writes Anna Åberg.
var nameForms = []string{
	"Anna Åberg", "anna åberg", "ANNA ÅBERG", "Anna  Åberg", "Anna\u00A0Åberg", "Anna\u202FÅberg",
	"Anna\tÅberg", "A\u030Aberg", "Anna A\u030Aberg", "Anna Åbergs",
}

// TestForgetLeavesNoTrace is a property test: a name written in random
// forms in every text of an evaluated idea (the submitter, the title, the
// sections' texts, the channel, the body it was reported to, the tags
// and the body, across a line break too) is gone after forget, from the
// files and from every file of the site built from them, in any form:
// case, white space, normal form, entities and the search index's
// folding.
func TestForgetLeavesNoTrace(t *testing.T) {
	cfg, err := os.ReadFile("../../idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../ideas/2025/2025-003-gemensam-digital-schemalaggning-i-hemtjansten.md")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(15))
	for round := 0; round < 12; round++ {
		form := func() string {
			f := nameForms[rng.Intn(len(nameForms))]
			if f == "A\u030Aberg" {
				return "Anna " + f
			}
			return f
		}
		quoted := func() string { return strings.ReplaceAll(strings.ReplaceAll(form(), `\`, `\\`), "\t", `\t`) }
		idea := string(src)
		for _, r := range [][2]string{
			{"  name: Fatima Hassan\n  github: fatimahassan\n", "  name: \"" + quoted() + "\"\n  github: anna\n"},
			{"title: Gemensam digital schemaläggning i hemtjänsten", "title: \"Schema enligt " + quoted() + "\""},
			{"tags: [hemtjänst, schema, digitalisering]", "tags: [hemtjanst, \"" + strings.ToLower(quoted()) + "\"]"},
			{"feedback: \"Tack för förslaget!", "feedback: \"Tack " + quoted() + "!"},
			{"note: \"Planering", "note: \"" + quoted() + " vet att planering"},
			{"summary: \"Använd", "summary: \"" + quoted() + " föreslår: använd"},
			{"channel: \"intranätet och arbetsplatsträffar\"", "channel: \"intranätet och " + quoted() + "s blogg\""},
			{"reported_to: {body: servicenämnden,", "reported_to: {body: \"servicenämnden och " + quoted() + "\","},
			{"lessons: \"Gemensamma", "lessons: \"Som " + quoted() + " sa: gemensamma"},
			{"## Förslag\n", "## Förslag\n\n" + form() + " och " + strings.Replace(form(), " ", "\n", 1) + " skriver här.\n"},
		} {
			idea = plantOnce(t, idea, r)
		}
		dir := plantedBank(t, cfg, idea)
		if code, stdout, stderr := runMain(t, dir, "check"); code == ExitCannot || strings.Contains(stdout, "error") {
			t.Fatalf("round %d: the planted idea is not valid:\n%s%s\n%s", round, stdout, stderr, idea)
		}
		code, stdout, stderr := runMain(t, dir, "forget", "--name", "Anna Åberg", "--login", "anna")
		if code != ExitOK {
			t.Fatalf("round %d: forget: exit %d\n%s%s", round, code, stdout, stderr)
		}
		if code, stdout, stderr := runMain(t, dir, "check"); code != ExitOK && strings.Contains(stdout, "error") {
			t.Errorf("round %d: the idea after forget does not pass the check:\n%s%s", round, stdout, stderr)
		}
		out := filepath.Join(t.TempDir(), "site")
		if code, stdout, stderr := runMain(t, dir, "build", "--out", out); code == ExitCannot {
			t.Fatalf("round %d: build: exit %d\n%s%s", round, code, stdout, stderr)
		}
		files := map[string]string{"the idea file": readIdea(t, dir, "ideas/2025/2025-003-schema.md")}
		_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				files[rel] = string(data)
			}
			return err
		})
		if !strings.Contains(files["idea/2025-003/index.html"], "namn borttaget") {
			t.Fatalf("round %d: the idea's page was not built with the name removed", round)
		}
		for name, data := range files {
			if traceOfName(data) {
				t.Errorf("round %d: %s still names her", round, name)
			}
		}
	}
}

// traceOfName reports whether text holds Anna Åberg in any form: entities
// decoded, normal forms folded, white space of any kind one space, case
// and diacritics folded as the search index folds them.
func traceOfName(text string) bool {
	s := norm.NFC.String(html.UnescapeString(html.UnescapeString(text)))
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\u00A0' || r == '\u202F' || r == '\t' || r == '\n' || r == '\r' || r == '-' || r == '_'
	}), " ")
	s = model.Fold(s)
	return strings.Contains(s, "anna aberg") || strings.Contains(s, "fatima")
}
