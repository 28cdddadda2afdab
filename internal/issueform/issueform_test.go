package issueform

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/banktest"
	"github.com/idebanken/idebanken/internal/model"
)

func testConfig() *model.Config {
	return &model.Config{
		Language:     model.Swedish,
		BaseURL:      "https://example.org/idebanken/",
		FeedbackDays: 21,
		Units: []model.Unit{
			{ID: "skola", Name: "Skolförvaltningen"},
			{ID: "vard-och-omsorg", Name: "Vård- och omsorgsförvaltningen"},
			{ID: "yes", Name: "true"}, // a name YAML would read as something else
		},
	}
}

const improvementTemplate = `---
id: ""
kind: improvement
---

<!--
Förbättringsförslag. Beskriv din idé.
Allt publiceras.

Andra stycket.
-->

## Nuläge / problem

<!-- Hur fungerar det i dag,
och vad är problemet? -->

## Förslag

<!-- Vad vill du ändra? -->

` + "```" + `
## Inte en rubrik
` + "```" + `

## Vad behövs

Ingen kommentar här.
`

func testTemplates() map[model.Kind][]byte {
	t := make(map[model.Kind][]byte)
	for _, k := range model.Kinds {
		t[k] = []byte(strings.ReplaceAll(improvementTemplate, "kind: improvement", "kind: "+string(k)))
	}
	t[model.KindIncident] = []byte("---\nkind: incident\n---\n\n## Vad hände\n\n<!-- Sakligt. -->\n\n## Var och när\n")
	return t
}

func TestReadTemplate(t *testing.T) {
	o := readTemplate([]byte(improvementTemplate))
	if want := "Förbättringsförslag. Beskriv din idé. Allt publiceras.\n\nAndra stycket."; o.Intro != want {
		t.Errorf("intro: got %q, want %q", o.Intro, want)
	}
	want := []section{
		{"Nuläge / problem", "Hur fungerar det i dag, och vad är problemet?"},
		{"Förslag", "Vad vill du ändra?"},
		{"Vad behövs", ""},
	}
	if !slices.Equal(o.Sections, want) {
		t.Errorf("sections:\ngot  %q\nwant %q", o.Sections, want)
	}
}

// form is the shape of a generated form, as GitHub reads it.
type formFile struct {
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Title       string   `yaml:"title"`
	Labels      []string `yaml:"labels"`
	Body        []struct {
		Type       string `yaml:"type"`
		ID         string `yaml:"id"`
		Attributes struct {
			Label       string `yaml:"label"`
			Description string `yaml:"description"`
			Value       string `yaml:"value"`
			Options     []any  `yaml:"options"`
		} `yaml:"attributes"`
		Validations struct {
			Required bool `yaml:"required"`
		} `yaml:"validations"`
	} `yaml:"body"`
}

var idForm = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func TestGenerate(t *testing.T) {
	cfg := testConfig()
	files, err := Generate(cfg, testTemplates())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1-improvement.yml", "2-incident.yml", "3-deviation.yml", "4-problem.yml", "config.yml"}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	if !slices.Equal(names, want) {
		t.Fatalf("files: got %v, want %v", names, want)
	}
	again, _ := Generate(cfg, testTemplates())
	for n, data := range files {
		if !bytes.Equal(data, again[n]) {
			t.Errorf("%s: a second run gives other bytes", n)
		}
		if !IsGenerated(data) {
			t.Errorf("%s: no header", n)
		}
	}

	var f formFile
	if err := yaml.Unmarshal(files["1-improvement.yml"], &f); err != nil {
		t.Fatal(err)
	}
	if f.Name != "Förbättringsförslag" || f.Title != "[Förbättringsförslag] " || !slices.Equal(f.Labels, []string{"idé", "kind:improvement"}) || f.Description == "" {
		t.Errorf("top: %q %q %q %q", f.Name, f.Title, f.Labels, f.Description)
	}
	var ids, labels []string
	for _, el := range f.Body {
		if el.Type == "markdown" {
			if el.ID != "" || el.Attributes.Value == "" {
				t.Errorf("markdown element: %+v", el)
			}
			continue
		}
		if !idForm.MatchString(el.ID) || slices.Contains(ids, el.ID) {
			t.Errorf("id %q: bad or twice", el.ID)
		}
		if el.Attributes.Label == "" || slices.Contains(labels, el.Attributes.Label) {
			t.Errorf("label %q: empty or twice", el.Attributes.Label)
		}
		ids, labels = append(ids, el.ID), append(labels, el.Attributes.Label)
	}
	if want := []string{"unit", "nulage-problem", "forslag", "vad-behovs", "tags", "name", "anonymous"}; !slices.Equal(ids, want) {
		t.Errorf("ids: got %v, want %v", ids, want)
	}
	unit := f.Body[2]
	if opts := unit.Attributes.Options; len(opts) != 3 || opts[0] != "Skolförvaltningen" || opts[2] != "true" || !unit.Validations.Required {
		t.Errorf("unit: options %#v, required %v", opts, unit.Validations.Required)
	}
	if s := f.Body[3]; s.Attributes.Description != "Hur fungerar det i dag, och vad är problemet?" || !s.Validations.Required {
		t.Errorf("first section: %+v", s)
	}
	if s := f.Body[5]; s.Attributes.Label != "Vad behövs" || s.Validations.Required {
		t.Errorf("last section is optional: %+v", s)
	}
	anon := f.Body[8]
	if !strings.Contains(anon.Attributes.Description, "GitHub-konto") || !strings.Contains(anon.Attributes.Description, "idéambassadör") {
		t.Errorf("anonymous must say that the account shows and who can help: %q", anon.Attributes.Description)
	}
	var all string
	for _, el := range f.Body {
		all += el.Attributes.Value
	}
	for _, s := range []string{"personnummer", "hälsa", "21 dagar", "https://example.org/idebanken/process/", "Andra stycket."} {
		if !strings.Contains(all, s) {
			t.Errorf("the form's text lacks %q", s)
		}
	}

	var chooser struct {
		Blank    *bool `yaml:"blank_issues_enabled"`
		Contacts []struct {
			Name, URL, About string
		} `yaml:"contact_links"`
	}
	if err := yaml.Unmarshal(files["config.yml"], &chooser); err != nil {
		t.Fatal(err)
	}
	if chooser.Blank == nil || *chooser.Blank || len(chooser.Contacts) != 1 || chooser.Contacts[0].URL != "https://example.org/idebanken/process/" {
		t.Errorf("config.yml: %+v", chooser)
	}

	cfg.BaseURL = ""
	files, err = Generate(cfg, testTemplates())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(files["config.yml"], []byte("contact_links")) {
		t.Errorf("without base_url there is no page to link to:\n%s", files["config.yml"])
	}
}

func TestGenerateEnglish(t *testing.T) {
	cfg := testConfig()
	cfg.Language = model.English
	files, err := Generate(cfg, testTemplates())
	if err != nil {
		t.Fatal(err)
	}
	var f formFile
	if err := yaml.Unmarshal(files["4-problem.yml"], &f); err != nil {
		t.Fatal(err)
	}
	if f.Title != "[Problem without a solution] " || f.Body[2].Attributes.Label != "Unit" {
		t.Errorf("English: %q, %q", f.Title, f.Body[2].Attributes.Label)
	}
}

func TestGenerateRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*model.Config, map[model.Kind][]byte)
		key  string
	}{
		{"no template", func(_ *model.Config, t map[model.Kind][]byte) { delete(t, model.KindProblem) }, "idea.form.no-template"},
		{"no sections", func(_ *model.Config, t map[model.Kind][]byte) { t[model.KindProblem] = []byte("---\n---\nText.\n") }, "idea.form.no-sections"},
		{"heading twice", func(_ *model.Config, t map[model.Kind][]byte) { t[model.KindProblem] = []byte("## A\n## A\n") }, "idea.form.duplicate-field"},
		{"heading like a fixed question", func(_ *model.Config, t map[model.Kind][]byte) { t[model.KindProblem] = []byte("## Taggar\n") }, "idea.form.duplicate-field"},
		{"heading like a fixed id", func(_ *model.Config, t map[model.Kind][]byte) { t[model.KindProblem] = []byte("## Name\n") }, "idea.form.duplicate-field"},
		{"heading without letters", func(_ *model.Config, t map[model.Kind][]byte) { t[model.KindProblem] = []byte("## ???\n") }, "idea.form.bad-heading"},
		{"no units", func(c *model.Config, _ map[model.Kind][]byte) { c.Units = nil }, "idea.form.no-units"},
		{"unit named None", func(c *model.Config, _ map[model.Kind][]byte) { c.Units[1].Name = "None" }, "idea.form.unit-reserved"},
		{"unit names twice", func(c *model.Config, _ map[model.Kind][]byte) { c.Units[1].Name = c.Units[0].Name }, "idea.form.unit-twice"},
		{"unit without name", func(c *model.Config, _ map[model.Kind][]byte) { c.Units[1].Name = " " }, "idea.form.unit-no-name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, tmpl := testConfig(), testTemplates()
			tc.edit(cfg, tmpl)
			_, err := Generate(cfg, tmpl)
			var fe *Error
			if !errors.As(err, &fe) || fe.Msg.Key != tc.key {
				t.Errorf("got %v, want %s", err, tc.key)
			}
		})
	}
}

func TestFileNameOrder(t *testing.T) {
	var names []string
	for _, k := range model.Kinds {
		names = append(names, FileName(k))
	}
	if !slices.IsSorted(names) {
		t.Errorf("GitHub lists forms by file name; the names must keep the order of the kinds: %v", names)
	}
}

// TestGenerateQuotesYAML11 holds the forms to YAML 1.1, which GitHub reads
// them as: a unit named No is the boolean false there, and GitHub refuses
// the form ("options must not include booleans").
func TestGenerateQuotesYAML11(t *testing.T) {
	// What YAML 1.1 reads as another type (yaml.org/type/bool, null, int,
	// float, timestamp, merge, value), and some that it reads as text.
	typed := []string{"Yes", "No", "On", "Off", "y", "n", "Y", "N", "YES", "no", "on", "OFF", "True", "FALSE", "~", "Null",
		"0", "012", "0x1F", "1_000", "190:20:30", "1.5", ".inf", "-.Inf", ".NaN", "2026-03-01", "<<", "="}
	plain := []string{"Skolförvaltningen", "Nej", "Ja", "Onsala", "yes please", "12 förskolor"}
	cfg := testConfig()
	cfg.Units = nil
	for i, name := range append(typed, plain...) {
		cfg.Units = append(cfg.Units, model.Unit{ID: fmt.Sprintf("u%d", i), Name: name})
	}
	files, err := Generate(cfg, testTemplates())
	if err != nil {
		t.Fatal(err)
	}
	data := string(files["1-improvement.yml"])
	for _, name := range typed {
		if !strings.Contains(data, "\n        - \""+name+"\"\n") {
			t.Errorf("the option %q is not quoted:\n%s", name, data)
		}
	}
	for _, name := range plain {
		if !strings.Contains(data, "\n        - "+name+"\n") {
			t.Errorf("the option %q is quoted or missing", name)
		}
	}
	var f formFile
	if err := yaml.Unmarshal(files["1-improvement.yml"], &f); err != nil {
		t.Fatal(err)
	}
	for i, name := range typed {
		if got := f.Body[2].Attributes.Options[i]; got != name {
			t.Errorf("the option %q reads back as %#v", name, got)
		}
	}
}

// TestGenerateOwnProcess: the forms say who screens a new idea as the
// bank's process has it: the example's idea coach, under its own label,
// and nobody of v1's that the bank does not have.
func TestGenerateOwnProcess(t *testing.T) {
	dir := banktest.ExampleDir
	cfg := banktest.Example(t)
	templates, err := ReadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range model.Langs {
		cfg.Language = lang
		forms, err := Generate(cfg, templates)
		if err != nil {
			t.Fatal(err)
		}
		want := map[model.Lang]string{model.Swedish: "av Idécoach eller innovationsgruppen, som", model.English: "by Idea coach or the innovation group, who"}[lang]
		for name, f := range forms {
			if name == ConfigFile {
				continue
			}
			text := string(f)
			if !strings.Contains(text, want) {
				t.Errorf("%s, %s: the form does not say %q:\n%s", lang, name, want, text)
			}
			for _, v1 := range []string{"idéambassadör", "idea ambassador"} {
				if strings.Contains(strings.ToLower(text), v1) {
					t.Errorf("%s, %s: the form names v1's %s, a role the bank does not have", lang, name, v1)
				}
			}
		}
	}
}
