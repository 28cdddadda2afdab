// Package issueform makes the GitHub issue forms through which employees
// submit ideas, and reads the answers back from an issue's text.
//
// The forms are generated from the configuration (the units to choose
// from, the language) and from the templates in templates/ (the sections
// of each kind), so they never drift from either: `idebank gen github`
// writes them into .github/ISSUE_TEMPLATE, and a test fails when the
// committed forms differ from what Generate makes.
//
// Generate and Parse share one table of fields (see fields): Generate
// writes each field's label into the form, GitHub writes the answer under
// that label into the issue ("### <label>", a blank line, the answer), and
// Parse finds the answer by the same label.
package issueform

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/process"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Dir is where GitHub looks for issue forms, from the repository root.
const Dir = ".github/ISSUE_TEMPLATE"

// TemplateDir holds the template of each kind, <kind>.md, from the
// repository root.
const TemplateDir = "templates"

// Header is the first line of every file that Generate makes. A file in
// Dir that starts with it was made by idebank gen github and may be
// replaced or removed by it; other files there are left alone.
const Header = "# Genererad av idebank gen github – ändra idebank.yaml eller templates/, inte den här filen."

// ConfigFile is the file that configures GitHub's template chooser. (It is
// spelled in two parts so that the catalogue's test, which takes every
// literal like "config.…" for a message key, passes it by.)
const ConfigFile = "config" + ".yml"

// LabelIdea is the label every form puts on its issue; the intake workflow
// runs for issues that have it.
const LabelIdea = "idé"

// KindLabel returns the label that marks an issue of kind k, kind:<k>.
func KindLabel(k model.Kind) string { return "kind:" + string(k) }

// The ids of the fields that every form has. A section's id is its heading
// made a slug.
const (
	IDUnit      = "unit"
	IDTags      = "tags"
	IDName      = "name"
	IDAnonymous = "anonymous"
)

// FileName returns the name of the form of kind k in Dir. The number keeps
// GitHub's template chooser in the order of model.Kinds.
func FileName(k model.Kind) string {
	for i, x := range model.Kinds {
		if x == k {
			return fmt.Sprintf("%d-%s.yml", i+1, k)
		}
	}
	return string(k) + ".yml"
}

// Error is a problem with the configuration or a template that keeps a
// form from being made. Its message is in the catalogue, to be rendered in
// the user's language.
type Error struct{ Msg i18n.Message }

func (e *Error) Error() string { return i18n.Render(model.English, e.Msg) }

func errorf(key string, args ...any) error { return &Error{i18n.M(key, args...)} }

// ReadTemplates reads templates/<kind>.md of every kind from the idea bank
// at root. A missing template is an *Error.
func ReadTemplates(root string) (map[model.Kind][]byte, error) {
	out := make(map[model.Kind][]byte, len(model.Kinds))
	for _, k := range model.Kinds {
		rel := TemplateDir + "/" + string(k) + ".md"
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errorf("idea.form.no-template", rel)
		}
		if err != nil {
			return nil, err
		}
		out[k] = data
	}
	return out, nil
}

// fieldType is the kind of a form element, as GitHub names it.
type fieldType string

const (
	dropdown   fieldType = "dropdown"
	textarea   fieldType = "textarea"
	input      fieldType = "input"
	checkboxes fieldType = "checkboxes"
)

// field is one question of a form. Generate writes it; Parse reads its
// answer under any of its labels.
type field struct {
	ID          string
	Type        fieldType
	Label       string   // in the configuration's language
	Labels      []string // every label Parse accepts: Label in each language
	Description string
	Placeholder string
	Options     []string // a dropdown's choices; a checkboxes' one box
	Required    bool
	Section     int // index into the outline's sections; -1 for the fixed fields
}

// catalogue keys of the fixed fields, each language's label accepted by Parse.
var (
	unitLabel      = "idea.form.unit.label"
	tagsLabel      = "idea.form.tags.label"
	nameLabel      = "idea.form.name.label"
	anonymousLabel = "idea.form.anonymous.label"
)

// labelsOf returns the text of key in every language.
func labelsOf(key string) []string {
	var out []string
	for _, l := range model.Langs {
		out = append(out, i18n.T(l, key))
	}
	return out
}

// form is everything one kind's form asks, in order.
type form struct {
	Kind    model.Kind
	Outline outline
	Fields  []field
}

// makeForm builds the form of kind from the configuration and the kind's
// template: the unit, the template's sections, the tags, the name and the
// choice to be anonymous.
func makeForm(cfg *model.Config, templates map[model.Kind][]byte, kind model.Kind) (*form, error) {
	lang := cfg.Language
	data, ok := templates[kind]
	if !ok {
		return nil, errorf("idea.form.no-template", TemplateDir+"/"+string(kind)+".md")
	}
	o := readTemplate(data)
	if len(o.Sections) == 0 {
		return nil, errorf("idea.form.no-sections", TemplateDir+"/"+string(kind)+".md")
	}
	f := &form{Kind: kind, Outline: o}
	var names []string
	for _, u := range cfg.Units {
		names = append(names, u.Name)
	}
	f.Fields = append(f.Fields, field{
		ID: IDUnit, Type: dropdown, Label: i18n.T(lang, unitLabel), Labels: labelsOf(unitLabel),
		Description: i18n.T(lang, "idea.form.unit.description"), Options: names, Required: true, Section: -1,
	})
	for i, s := range o.Sections {
		f.Fields = append(f.Fields, field{
			ID: model.Slugify(s.Heading), Type: textarea, Label: s.Heading, Labels: []string{s.Heading},
			Description: s.Guidance, Required: required(i, len(o.Sections)), Section: i,
		})
	}
	f.Fields = append(f.Fields,
		field{
			ID: IDTags, Type: input, Label: i18n.T(lang, tagsLabel), Labels: labelsOf(tagsLabel),
			Description: i18n.T(lang, "idea.form.tags.description"), Placeholder: i18n.T(lang, "idea.form.tags.placeholder"), Section: -1,
		},
		field{
			ID: IDName, Type: input, Label: i18n.T(lang, nameLabel), Labels: labelsOf(nameLabel),
			Description: i18n.T(lang, "idea.form.name.description"), Section: -1,
		},
		field{
			ID: IDAnonymous, Type: checkboxes, Label: i18n.T(lang, anonymousLabel), Labels: labelsOf(anonymousLabel),
			Description: i18n.Render(lang, i18n.M("idea.form.anonymous.description", screeners(cfg))),
			Options:     []string{i18n.T(lang, "idea.form.anonymous.option")}, Section: -1,
		},
	)
	if err := validate(f, kind); err != nil {
		return nil, err
	}
	return f, nil
}

// required reports whether section i of n must be answered: every section
// but the last, which each template words as optional (what is needed,
// what would prevent it, a thought about a solution). A form with one
// section requires it: an idea's text must not be empty.
func required(i, n int) bool { return n == 1 || i < n-1 }

// validate checks what GitHub requires of a form: unique, well-formed ids
// and labels, and dropdown choices that are unique and not "None".
func validate(f *form, kind model.Kind) error {
	where := TemplateDir + "/" + string(kind) + ".md"
	ids := make(map[string]bool)
	labels := make(map[string]bool)
	for _, fl := range f.Fields {
		if fl.ID == "" {
			return errorf("idea.form.bad-heading", where, fl.Label)
		}
		if ids[fl.ID] || labels[strings.ToLower(fl.Label)] {
			return errorf("idea.form.duplicate-field", where, fl.Label)
		}
		ids[fl.ID], labels[strings.ToLower(fl.Label)] = true, true
	}
	for _, fl := range f.Fields {
		for _, o := range fl.Options {
			if fl.Type == checkboxes && labels[strings.ToLower(o)] {
				return errorf("idea.form.duplicate-field", where, o)
			}
		}
	}
	unit := f.Fields[0]
	if len(unit.Options) == 0 {
		return errorf("idea.form.no-units")
	}
	seen := make(map[string]bool)
	for _, name := range unit.Options {
		switch {
		case strings.TrimSpace(name) == "":
			return errorf("idea.form.unit-no-name")
		case strings.EqualFold(strings.TrimSpace(name), "none"):
			return errorf("idea.form.unit-reserved", name)
		case seen[name]:
			return errorf("idea.form.unit-twice", name)
		}
		seen[name] = true
	}
	return nil
}

// Generate returns the issue forms for .github/ISSUE_TEMPLATE, by file
// name: one form for each kind, and config.yml, which turns off blank
// issues and links to the published site's process page. The same
// configuration and templates always give the same bytes.
func Generate(cfg *model.Config, templates map[model.Kind][]byte) (map[string][]byte, error) {
	out := make(map[string][]byte)
	for _, k := range model.Kinds {
		f, err := makeForm(cfg, templates, k)
		if err != nil {
			return nil, err
		}
		data, err := encode(formNode(cfg, f))
		if err != nil {
			return nil, err
		}
		out[FileName(k)] = data
	}
	data, err := encode(chooserNode(cfg))
	if err != nil {
		return nil, err
	}
	out[ConfigFile] = data
	return out, nil
}

// IsGenerated reports whether data is a file that Generate made.
func IsGenerated(data []byte) bool {
	return bytes.HasPrefix(data, []byte(Header+"\n")) || bytes.HasPrefix(data, []byte(Header+"\r\n"))
}

// TitlePrefix returns the start of the title of an issue of kind k, in
// lang: "[Förbättringsförslag] ".
func TitlePrefix(lang model.Lang, k model.Kind) string {
	return "[" + i18n.T(lang, "kind."+string(k)) + "] "
}

// processURL returns the address of the published site's process page, or
// "" without a base_url.
func processURL(cfg *model.Config) string {
	if cfg.BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(cfg.BaseURL, "/") + "/process/"
}

// formNode is the YAML of one form.
func formNode(cfg *model.Config, f *form) *yaml.Node {
	lang := cfg.Language
	name := i18n.T(lang, "kind."+string(f.Kind))
	body := seq(false)
	markdown := func(text string) {
		body.Content = append(body.Content, mapping(
			"type", str("markdown"),
			"attributes", mapping("value", str(text)),
		))
	}
	var intro []string
	if f.Outline.Intro != "" {
		intro = append(intro, f.Outline.Intro)
	}
	intro = append(intro, i18n.Render(lang, i18n.M("idea.form.title-hint", strings.TrimSpace(TitlePrefix(lang, f.Kind)), model.MaxTitle)))
	markdown(strings.Join(intro, "\n\n"))
	markdown(i18n.T(lang, "idea.form.privacy"))
	for _, fl := range f.Fields {
		attrs := mapping("label", str(fl.Label))
		if fl.Description != "" {
			attrs.Content = append(attrs.Content, key("description"), str(fl.Description))
		}
		if fl.Placeholder != "" {
			attrs.Content = append(attrs.Content, key("placeholder"), str(fl.Placeholder))
		}
		switch fl.Type {
		case dropdown:
			opts := seq(false)
			for _, o := range fl.Options {
				opts.Content = append(opts.Content, str(o))
			}
			attrs.Content = append(attrs.Content, key("multiple"), boolean(false), key("options"), opts)
		case checkboxes:
			opts := seq(false)
			for _, o := range fl.Options {
				opts.Content = append(opts.Content, mapping("label", str(o), "required", boolean(false)))
			}
			attrs.Content = append(attrs.Content, key("options"), opts)
		}
		el := mapping("type", str(string(fl.Type)), "id", str(fl.ID), "attributes", attrs)
		if fl.Type != checkboxes {
			el.Content = append(el.Content, key("validations"), mapping("required", boolean(fl.Required)))
		}
		body.Content = append(body.Content, el)
	}
	next := i18n.Render(lang, i18n.M("idea.form.next", screeners(cfg), cfg.FeedbackDays))
	if u := processURL(cfg); u != "" {
		next += "\n\n" + i18n.Render(lang, i18n.M("idea.form.read-more", u))
	}
	markdown(next)
	return mapping(
		"name", str(name),
		"description", str(i18n.T(lang, descriptionKeys[f.Kind])),
		"title", str(TitlePrefix(lang, f.Kind)),
		"labels", seq(true, str(LabelIdea), str(KindLabel(f.Kind))),
		"body", body,
	)
}

// screeners names who screens a new idea: those who may take the steps out
// of the process's first stage, but for the submitter's own withdrawal. A
// role as v1 names it is named as a sentence does ("en idéambassadör"), a
// role of the bank's own, or one it renames, by its label.
func screeners(cfg *model.Config) i18n.Or {
	lang, flow := cfg.Language, workflow.Of(cfg)
	start := flow.Process.Start()
	var names i18n.Or
	var seen []workflow.Actor
	for _, to := range flow.Next(start) {
		t, _ := flow.Lookup(start, to)
		for _, a := range t.Actors {
			if a == workflow.Submitter || slices.Contains(seen, a) {
				continue
			}
			seen = append(seen, a)
			key := "actor." + string(a)
			if r, ok := a.Role(); ok {
				own, v1 := flow.Process.Role(r), process.Default().Role(r)
				if own != nil && (v1 == nil || own.Label != v1.Label) {
					key = "role." + string(a)
				}
			}
			names = append(names, i18n.Label(lang, flow.Process, key))
		}
	}
	return names
}

// descriptionKeys say what each form is for, in the template chooser.
var descriptionKeys = map[model.Kind]string{
	model.KindImprovement: "idea.form.describe.improvement",
	model.KindIncident:    "idea.form.describe.incident",
	model.KindDeviation:   "idea.form.describe.deviation",
	model.KindProblem:     "idea.form.describe.problem",
}

// chooserNode is the YAML of config.yml.
func chooserNode(cfg *model.Config) *yaml.Node {
	lang := cfg.Language
	n := mapping("blank_issues_enabled", boolean(false))
	if u := processURL(cfg); u != "" {
		n.Content = append(n.Content, key("contact_links"), seq(false, mapping(
			"name", str(i18n.T(lang, "idea.form.contact.name")),
			"url", str(u),
			"about", str(i18n.T(lang, "idea.form.contact.about")),
		)))
	}
	return n
}

// encode writes a node as YAML after the header, with two spaces of
// indentation.
func encode(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(Header + "\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func key(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// str is a text, quoted by the encoder wherever YAML would read it as
// something else, and written as a literal block where it has lines.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case strings.Contains(s, "\n"):
		n.Style = yaml.LiteralStyle
	case yaml11Typed(s):
		// The encoder quotes what YAML 1.2 reads as another type, but
		// GitHub reads forms as YAML 1.1, where a unit named No is false
		// ("options must not include booleans").
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// yaml11Plain are the plain scalars that YAML 1.1's types read as
// something other than a string: bool, null, int (also base 60), float,
// timestamp, merge and value (yaml.org/type/).
var yaml11Plain = regexp.MustCompile(`^(?:` +
	`y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF` +
	`|~|null|Null|NULL` +
	`|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+` +
	`|[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*` +
	`|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)` +
	`|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?` +
	`|<<|=)$`)

// yaml11Typed reports whether YAML 1.1 reads s, written plain, as other
// than the string s.
func yaml11Typed(s string) bool { return s == "" || yaml11Plain.MatchString(s) }

func boolean(b bool) *yaml.Node {
	v := "false"
	if b {
		v = "true"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}
}

// mapping makes a mapping of alternating keys (strings) and values.
func mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Content = append(n.Content, key(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return n
}

func seq(flow bool, items ...*yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Content: items}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}
