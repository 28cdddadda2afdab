package check

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	rendering "github.com/idebanken/idebanken/internal/render"
	"github.com/idebanken/idebanken/internal/vocab"
	"github.com/idebanken/idebanken/internal/workflow"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// MaxTitle is the longest title, in characters.
const MaxTitle = model.MaxTitle

// MaxTag is the longest tag, in characters.
const MaxTag = model.MaxTag

var filePattern = regexp.MustCompile(`^ideas/([0-9]{4})/([0-9]{4}-[0-9]{3,})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$`)

// ideaLinter checks one idea against the configuration and the process.
type ideaLinter struct {
	cfg   *model.Config
	flow  *workflow.Flow
	today model.Date
	idea  *model.Idea
	keys  yamlx.Fields // where each key of idea's file stands
	out   *diag.List
	// from is the stage the idea had before the change being checked, or
	// nil when no change is checked. It narrows the paths through the
	// process to those that end with the step from → stage.
	from *model.Stage
}

func (l *ideaLinter) errorf(field string, rule diag.Rule, key string, args ...any) {
	l.out.Errorf(l.idea.Path, l.keys.Lookup(field), rule, key, args...)
}

// refused reports whether the value of field was refused as it was read
// (a text where true or false belongs): what follows from its value would
// only echo that error.
func (l *ideaLinter) refused(field string) bool {
	f, ok := l.keys[field]
	if !ok {
		return false
	}
	for _, d := range l.out.Items() {
		if d.Path == l.idea.Path && d.Severity == diag.Error && d.Pos.Line == f.Pos.Line && (d.Rule == diag.RuleFieldType || d.Rule == diag.RuleValue) {
			return true
		}
	}
	return false
}

func (l *ideaLinter) warnf(field string, rule diag.Rule, key string, args ...any) {
	l.out.Warnf(l.idea.Path, l.keys.Lookup(field), rule, key, args...)
}

func (l *ideaLinter) lint() {
	if l.flow == nil {
		l.flow = workflow.Of(l.cfg)
	}
	idea := l.idea
	l.required()
	l.fileName()
	if idea.Title != "" {
		if n := utf8.RuneCountInString(idea.Title); n > MaxTitle {
			l.errorf("title", diag.RuleTitle, "lint.title-long", n, MaxTitle)
		}
		if strings.ContainsAny(idea.Title, "\n\r") {
			l.errorf("title", diag.RuleTitle, "lint.title-lines")
		}
	}
	if idea.ID != "" && !idea.Submitted.IsZero() && idea.ID.Year() != idea.Submitted.Year {
		l.errorf("id", diag.RuleIDFormat, "lint.id-year", string(idea.ID), idea.Submitted.Year)
	}
	l.submitter()
	// With no units configured, the configuration's error says it all.
	if idea.Unit != "" && len(l.cfg.Units) > 0 && l.cfg.Unit(idea.Unit) == nil {
		l.unknownUnit()
	}
	l.tags()
	if idea.Discussion != "" && !isWebURL(idea.Discussion) {
		l.errorf("discussion", diag.RuleURL, "lint.url", idea.Discussion)
	}
	if !hasContent(idea.Body) {
		l.out.Errorf(idea.Path, diag.Pos{Line: max(idea.BodyLine-1, 1), Col: 1}, diag.RuleEmptyBody, "lint.empty-body")
	}
	for _, lim := range rendering.Limits(idea.Body) {
		n, most := lim.N, lim.Max
		if lim.Kind == rendering.LimitText {
			n, most = (n+1023)/1024, most/1024 // in kB
		}
		l.out.Errorf(idea.Path, diag.Pos{Line: idea.BodyLine + lim.Line - 1, Col: 1}, diag.RuleMarkdown, limitKeys[lim.Kind], n, most)
	}
	l.sections()
	l.dates()
	if l.flow.Process.HasStage(idea.Stage) {
		l.process()
	}
	l.reminders()
	personalData(l.flow, idea, l.keys, l.out)
}

// limitKeys holds the message of each bound of rendering.Limits.
var limitKeys = map[rendering.LimitKind]string{
	rendering.LimitText:    "lint.markdown-text",
	rendering.LimitLine:    "lint.markdown-line",
	rendering.LimitDepth:   "lint.markdown-depth",
	rendering.LimitOpeners: "lint.markdown-openers",
}

var topRequired = []string{"id", "title", "kind", "stage", "submitted", "submitter", "unit"}

func (l *ideaLinter) required() {
	for _, f := range topRequired {
		if !l.keys.Has(f) && !l.suggested(f) {
			l.errorf(f, diag.RuleRequired, "lint.required", f)
		}
	}
}

// suggested reports whether an unknown key was already reported as a
// misspelling of field: "did you mean submitter?" says all there is to say,
// and "submitter is missing" would only be noise.
func (l *ideaLinter) suggested(field string) bool {
	for _, d := range l.out.Items() {
		if d.Rule == diag.RuleUnknownKey && d.Msg.Key == "yaml.unknown-suggest" && len(d.Msg.Args) == 3 && d.Msg.Args[2] == field {
			return true
		}
	}
	return false
}

func (l *ideaLinter) fileName() {
	idea := l.idea
	m := filePattern.FindStringSubmatch(idea.Path)
	// want is the name the file should have, for the messages: made only
	// when there is one to give, since most names are right.
	want := func() string {
		if idea.ID == "" {
			return ""
		}
		var slug string
		if m != nil {
			slug = m[3]
		} else {
			slug = model.Slugify(idea.Title)
		}
		if slug == "" {
			slug = "ide"
		}
		return model.FileName(idea.ID, slug)
	}
	switch {
	case m == nil && idea.ID != "":
		l.out.Errorf(idea.Path, diag.Pos{}, diag.RuleFileName, "lint.file-name-want", want())
	case m == nil:
		l.out.Errorf(idea.Path, diag.Pos{}, diag.RuleFileName, "lint.file-name")
	case idea.ID != "" && m[2] != string(idea.ID):
		l.errorf("id", diag.RuleFileName, "lint.file-id", string(idea.ID), path.Base(idea.Path), want())
	case m[1] != m[2][:4]:
		l.out.Errorf(idea.Path, diag.Pos{}, diag.RuleFileName, "lint.file-year", m[1], m[2][:4], want())
	}
}

func (l *ideaLinter) submitter() {
	s := l.idea.Submitter
	switch {
	case s.Anonymous && s.Name != "":
		l.errorf("submitter.name", diag.RuleAnonymous, "lint.anonymous-name")
	case !s.Anonymous && l.keys.Has("submitter") && l.keys.Is("submitter", yamlx.Mapping) && s.Name == "" && !l.suggested("name"):
		l.errorf("submitter.name", diag.RuleRequired, "lint.submitter-name")
	}
	if s.Anonymous && s.GitHub != "" {
		// A login names the submitter as surely as a name, and would let
		// whoever wrote it withdraw the idea as its submitter.
		l.errorf("submitter.github", diag.RuleAnonymous, "lint.anonymous-github")
	}
	if s.GitHub != "" && !model.ValidLogin(s.GitHub) {
		l.errorf("submitter.github", diag.RuleValue, "lint.login-form", s.GitHub)
	}
}

func (l *ideaLinter) unknownUnit() {
	if id, ok := vocab.Unit(l.cfg, l.idea.Unit); ok {
		// The unit's name, as people say it: the file needs its id.
		l.errorf("unit", diag.RuleUnknownUnit, "lint.unit-by-name", l.idea.Unit, id)
		return
	}
	ids := make([]string, len(l.cfg.Units))
	for i, u := range l.cfg.Units {
		ids[i] = u.ID
	}
	if s := yamlx.Suggest(l.idea.Unit, ids); s != "" {
		l.errorf("unit", diag.RuleUnknownUnit, "lint.unit-suggest", l.idea.Unit, s)
		return
	}
	l.errorf("unit", diag.RuleUnknownUnit, "lint.unit", l.idea.Unit, i18n.List(toAny(ids)))
}

func (l *ideaLinter) tags() {
	seen := make(map[string]bool)
	for _, t := range l.idea.Tags {
		if containsPersonal(t) {
			l.errorf("tags", diag.RulePersonalData, "lint.tag-personal")
		}
		switch {
		case strings.ToLower(t) != t:
			l.errorf("tags", diag.RuleTag, "lint.tag-case", t, strings.ToLower(t))
		case utf8.RuneCountInString(t) > MaxTag || strings.ContainsAny(t, "\n\r\t"):
			l.errorf("tags", diag.RuleTag, "lint.tag-form", t, MaxTag)
		case seen[t]:
			l.errorf("tags", diag.RuleTag, "lint.tag-twice", t)
		}
		seen[t] = true
	}
}

// sections checks each stage section that is present on its own: the
// fields it must always hold, and what its outcome implies.
func (l *ideaLinter) sections() {
	idea := l.idea
	for _, specs := range [][]workflow.SectionSpec{l.flow.Sections, l.flow.Subsections} {
		for _, spec := range specs {
			// A section that is not a group of fields has its own error;
			// looking for its fields would only repeat it.
			if !l.keys.Declared(spec.Name) || !l.keys.Is(spec.Name, yamlx.Mapping) {
				continue
			}
			for _, f := range spec.Required {
				p := spec.Name + "." + f
				if !l.keys.Has(p) && parentGiven(l.keys, p) {
					if hint, ok := FieldHint(l.flow.Process, p); ok {
						l.errorf(p, diag.RuleRequired, "lint.section-field-hint", p, hint)
						continue
					}
					l.errorf(p, diag.RuleRequired, "lint.section-field", p, spec.Name)
				}
			}
		}
	}
	if s := idea.Screening; s != nil {
		if need := l.criteriaFor(string(s.Outcome)); !s.Criteria.Met(need) {
			// Only a criterion assessed as not met counts: one not filled
			// in, or not true or false, has its own error already.
			var unmet []any
			for _, c := range need {
				if p := "screening.criteria." + c + ".met"; !s.Criteria[c].Met && l.keys.Has(p) && !l.refused(p) {
					unmet = append(unmet, c)
				}
			}
			if len(unmet) > 0 {
				l.errorf("screening.outcome", diag.RuleCriteria, "lint.criteria", string(s.Outcome), i18n.And(toAny(need)), i18n.List(unmet))
			}
		}
		if !s.Revisit.IsZero() && s.Outcome != model.ScreenPause && s.Outcome != "" {
			l.warnf("screening.revisit", diag.RuleOutcome, "lint.revisit-outcome", string(s.Outcome))
		}
	}
	if d := idea.Decision; d != nil && d.Outcome == model.DecideApprove && d.Implementer == "" {
		l.errorf("decision.implementer", diag.RuleRequired, "lint.implementer")
	}
	if d := idea.Decision; d != nil && d.Implementer != "" && l.cfg.Person(d.Implementer) == nil {
		l.unknownPerson("decision.implementer", d.Implementer)
	}
}

// criteriaFor returns the criteria that a screening with outcome must find
// met: those the steps that record the outcome name.
func (l *ideaLinter) criteriaFor(outcome string) []string {
	for _, row := range l.flow.Rows {
		for _, r := range row.Requires {
			if r.Section == "screening" && r.Outcome == outcome && len(r.Met) > 0 {
				return r.Met
			}
		}
	}
	return nil
}

// parentGiven reports whether the group of fields that holds p is in the
// file, so that a missing criteria block is reported once, not once per
// criterion.
func parentGiven(f yamlx.Fields, p string) bool {
	i := strings.LastIndexByte(p, '.')
	return i < 0 || f.Is(p[:i], yamlx.Mapping)
}

func (l *ideaLinter) unknownPerson(field, login string) {
	if len(l.cfg.People) == 0 {
		return // the configuration's error says it all
	}
	logins := make([]string, len(l.cfg.People))
	for i, p := range l.cfg.People {
		logins[i] = p.Login
	}
	if s := yamlx.Suggest(login, logins); s != "" {
		l.errorf(field, diag.RuleUnknownLogin, "lint.person-suggest", login, s)
		return
	}
	l.errorf(field, diag.RuleUnknownLogin, "lint.person", login)
}

// dates checks that no date lies in the future. The revisit date of a pause
// is the one date that may.
func (l *ideaLinter) dates() {
	for _, f := range l.flow.DateFields() {
		if strings.HasSuffix(f, "."+workflow.Revisit) {
			continue
		}
		if d := l.idea.Value(f).Date; !d.IsZero() && d.After(l.today) {
			l.errorf(f, diag.RuleFuture, "lint.future", f, d.String(), l.today.String())
		}
	}
	if s := l.idea.Screening; s != nil && !s.Revisit.IsZero() && !s.Date.IsZero() && s.Revisit.Before(s.Date) {
		l.errorf("screening.revisit", diag.RuleDateOrder, "lint.date-order", "screening.revisit", s.Revisit.String(), "screening.date", s.Date.String())
	}
}

// reminders warns about what is waiting too long: first feedback past
// feedback_days, and pauses past their revisit date.
func (l *ideaLinter) reminders() {
	idea := l.idea
	if idea.Stage == l.flow.Process.Start() && !idea.Submitted.IsZero() {
		due := idea.Submitted.AddDays(l.cfg.FeedbackDays)
		if l.today.After(due) {
			l.warnf("stage", diag.RuleFeedbackDue, "lint.feedback-due", due.String(), idea.Submitted.DaysUntil(l.today), l.cfg.FeedbackDays)
		}
	}
	if field, r := l.flow.RevisitOf(idea, idea.Stage); !r.IsZero() && !r.After(l.today) {
		l.warnf(field, diag.RuleRevisitDue, "lint.revisit-due", r.String())
	}
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func toAny[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
