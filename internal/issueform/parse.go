package issueform

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

// NoResponse is what GitHub writes for a question left unanswered.
const NoResponse = "_No response_"

// Answer is what a submitter answered in an issue form.
type Answer struct {
	Kind      model.Kind
	Unit      string    // the unit's id; "" when none was chosen or the name is unknown
	UnitName  string    // the unit as answered
	Sections  []Section // the kind's sections, in the template's order, answered or not
	Tags      []string  // lowercase, each once
	Name      string    // "" when not given, and always when Anonymous
	Anonymous bool
	// Other is text before the first question GitHub wrote: in an issue
	// written by hand rather than through the form, all of it.
	Other string
	// Problems are what the submitter should put right: a unit that is
	// missing or unknown, a required section left empty, a tag too long.
	Problems []i18n.Message
}

// Section is one section of the idea's text.
type Section struct {
	ID      string
	Heading string
	Text    string // the answer as written; "" when unanswered
}

// Body returns the idea's text: each answered section under its "## "
// heading, as in the kind's template. It is "" when nothing was answered.
func (a *Answer) Body() string {
	var b strings.Builder
	for _, s := range a.Sections {
		if s.Text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("## " + s.Heading + "\n\n" + s.Text)
	}
	return b.String()
}

// Parse reads the answers of an issue of kind from its body, as GitHub
// writes a form into an issue: for each question "### <label>", a blank
// line, the answer ("_No response_" for none; "- [X] <box>" for a ticked
// box). It finds the questions by the labels that Generate writes, in
// either language, so an issue opened before the language changed still
// reads. Only a known label, on a line of its own after a blank line, in
// the form's order, starts a question: a heading inside an answer stays
// part of the answer. Answers are kept as written, whatever they hold.
//
// Parse returns an error only when the form itself cannot be made (an
// *Error): what is wrong with the answers is in Answer.Problems.
func Parse(cfg *model.Config, templates map[model.Kind][]byte, kind model.Kind, body string) (*Answer, error) {
	f, err := makeForm(cfg, templates, kind)
	if err != nil {
		return nil, err
	}
	values, other := split(f.Fields, body)
	a := &Answer{Kind: kind, Other: other}
	for i, fl := range f.Fields {
		v, answered := values[i]
		if v == NoResponse || v == "None" && fl.Type == dropdown {
			v, answered = "", false
		}
		switch {
		case fl.Section >= 0:
			a.Sections = append(a.Sections, Section{ID: fl.ID, Heading: fl.Label, Text: v})
			if fl.Required && strings.TrimSpace(v) == "" {
				a.Problems = append(a.Problems, i18n.M("idea.form.empty-section", fl.Label))
			}
		case fl.ID == IDUnit:
			a.UnitName = strings.TrimSpace(v)
			a.Unit = unitID(cfg, a.UnitName)
			switch {
			case a.UnitName == "":
				a.Problems = append(a.Problems, i18n.M("idea.form.no-unit"))
			case a.Unit == "":
				a.Problems = append(a.Problems, i18n.M("idea.form.unknown-unit", a.UnitName))
			}
		case fl.ID == IDTags:
			a.Tags, a.Problems = tags(v, a.Problems)
		case fl.ID == IDName:
			a.Name = strings.Join(strings.Fields(v), " ")
		case fl.ID == IDAnonymous:
			a.Anonymous = answered && ticked(v)
		}
	}
	if a.Anonymous {
		a.Name = ""
	}
	return a, nil
}

// heading matches a line GitHub writes before an answer.
var heading = regexp.MustCompile(`^###[ \t]+(.*?)[ \t]*$`)

// split finds each field's answer in body. It returns the answers by
// field index and the text before the first question.
//
// A line "### <label>" of a known field, after a blank line, may start
// that field's answer. GitHub writes the fields in the form's order, so of
// all such lines Parse takes the longest run in that order: an answer that
// holds a line like another question's, whether by chance or on purpose,
// cannot take a question's place unless it also keeps the order. Where
// runs are as long, the later lines win: an answer that previews the next
// question under its label ("### Förslag" inside "Nuläge / problem") stays
// whole, as GitHub's own label comes after it.
func split(fields []field, body string) (map[int]string, string) {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	lines := strings.Split(body, "\n")
	byLabel := make(map[string]int)
	for i, fl := range fields {
		for _, l := range fl.Labels {
			if _, ok := byLabel[l]; !ok {
				byLabel[l] = i
			}
		}
	}
	type cand struct{ line, field int }
	var cands []cand
	for i, line := range lines {
		if i > 0 && strings.TrimSpace(lines[i-1]) != "" {
			continue
		}
		m := heading.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if f, ok := byLabel[m[1]]; ok {
			cands = append(cands, cand{i, f})
		}
	}
	// The longest run of candidates with rising field index: best[c] is the
	// length of the longest run that ends with c, prev[c] the one before.
	best := make([]int, len(cands))
	prev := make([]int, len(cands))
	// last[f] is the candidate with field f that ends the longest run
	// found so far among those seen (the latest among equals).
	last := make([]int, len(fields))
	for i := range last {
		last[i] = -1
	}
	end := -1
	for c, cd := range cands {
		best[c], prev[c] = 1, -1
		for f := 0; f < cd.field; f++ {
			p := last[f]
			if p >= 0 && (best[p]+1 > best[c] || best[p]+1 == best[c] && p > prev[c]) {
				best[c], prev[c] = best[p]+1, p
			}
		}
		if p := last[cd.field]; p < 0 || best[c] >= best[p] {
			last[cd.field] = c
		}
		if end < 0 || best[c] >= best[end] {
			end = c
		}
	}
	var chosen []cand
	for c := end; c >= 0; c = prev[c] {
		chosen = append([]cand{cands[c]}, chosen...)
	}
	values := make(map[int]string)
	other := len(lines)
	for i, cd := range chosen {
		if i == 0 {
			other = cd.line
		}
		stop := len(lines)
		if i+1 < len(chosen) {
			stop = chosen[i+1].line
		}
		values[cd.field] = trimBlankLines(lines[cd.line+1 : stop])
	}
	return values, trimBlankLines(lines[:other])
}

// trimBlankLines joins lines without the blank lines at either end; the
// rest, indentation included, stays as it is.
func trimBlankLines(lines []string) string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// box matches a ticked box of a task list.
var box = regexp.MustCompile(`(?m)^[ \t]*[-*+][ \t]+\[[xX]\]`)

// ticked reports whether an answer of checkboxes has a ticked box. The
// question has one box, so any ticked box is the one.
func ticked(v string) bool { return box.MatchString(v) }

// unitID returns the id of the unit a submitter chose by name: the name
// as the form offers it, or failing that the same name in other case or
// accents, or the unit's id. It is "" for an unknown unit.
func unitID(cfg *model.Config, name string) string {
	if name == "" {
		return ""
	}
	for _, u := range cfg.Units {
		if u.Name == name {
			return u.ID
		}
	}
	for _, u := range cfg.Units {
		if model.Fold(u.Name) == model.Fold(name) || u.ID == name {
			return u.ID
		}
	}
	return ""
}

// tags reads the tags answer: words or phrases separated by commas (or
// lines), lowercase, without a leading #, each once. A tag too long to
// keep is left out, with a problem.
func tags(v string, problems []i18n.Message) ([]string, []i18n.Message) {
	var out []string
	seen := make(map[string]bool)
	for _, t := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '\n' || r == ';' }) {
		t = strings.ToLower(strings.Join(strings.Fields(strings.TrimLeft(strings.TrimSpace(t), "#")), " "))
		switch {
		case t == "" || seen[t]:
			continue
		case utf8.RuneCountInString(t) > model.MaxTag:
			problems = append(problems, i18n.M("idea.form.tag-too-long", t, model.MaxTag))
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out, problems
}

// Title returns an idea's title from its issue's title: without the prefix
// a form puts before it ("[Förbättringsförslag] "), in either language.
func Title(issueTitle string) string {
	t := strings.TrimSpace(issueTitle)
	for _, k := range model.Kinds {
		for _, l := range model.Langs {
			p := strings.TrimSpace(TitlePrefix(l, k))
			if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) {
				return strings.TrimSpace(t[len(p):])
			}
		}
	}
	return t
}

// KindOf returns the kind of an issue: from its kind:<kind> label, or
// failing that from the prefix of its title. ok is false when neither says.
func KindOf(labels []string, issueTitle string) (k model.Kind, ok bool) {
	for _, l := range labels {
		if s, found := strings.CutPrefix(l, "kind:"); found && model.Kind(s).Valid() {
			return model.Kind(s), true
		}
	}
	t := strings.TrimSpace(issueTitle)
	for _, k := range model.Kinds {
		for _, l := range model.Langs {
			p := strings.TrimSpace(TitlePrefix(l, k))
			if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) {
				return k, true
			}
		}
	}
	return "", false
}

// Format writes answers into an issue body as GitHub does when a form is
// submitted: the inverse of Parse, for tests and for tools that open an
// issue for someone (an ambassador submitting on an employee's behalf).
func Format(cfg *model.Config, templates map[model.Kind][]byte, a *Answer) (string, error) {
	f, err := makeForm(cfg, templates, a.Kind)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, fl := range f.Fields {
		var v string
		switch {
		case fl.Section >= 0:
			for _, s := range a.Sections {
				if s.ID == fl.ID {
					v = s.Text
				}
			}
		case fl.ID == IDUnit:
			v = a.UnitName
			if v == "" {
				if u := cfg.Unit(a.Unit); u != nil {
					v = u.Name
				}
			}
		case fl.ID == IDTags:
			v = strings.Join(a.Tags, ", ")
		case fl.ID == IDName:
			v = a.Name
		case fl.ID == IDAnonymous:
			mark := " "
			if a.Anonymous {
				mark = "X"
			}
			v = "- [" + mark + "] " + fl.Options[0]
		}
		if strings.TrimSpace(v) == "" {
			v = NoResponse
		}
		parts = append(parts, "### "+fl.Label+"\n\n"+v)
	}
	return strings.Join(parts, "\n\n"), nil
}
