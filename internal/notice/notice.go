// Package notice writes what Idébanken says to people on GitHub: the
// comment on a pull request that says what the change does and what it
// still needs, the notice to a submitter when their idea moves, and the
// list of what waits too long. Everything is Markdown, in the language of
// the configuration, with every text from the files escaped by ghmd.
package notice

import (
	"fmt"
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ghmd"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Writer writes notices in one language.
type Writer struct {
	Lang model.Lang
	Cfg  *model.Config
	// Idea returns the bank's idea of an id, or nil: for what a notice
	// says of another idea, such as the original of a duplicate. nil when
	// the bank is not at hand.
	Idea func(model.ID) *model.Idea
	// Like returns the ideas of the bank most like a new idea, most alike
	// first, for the comment on a pull request that adds it; nil shows
	// none.
	Like func(*model.Idea) []*model.Idea
}

func (w Writer) t(key string, args ...any) string {
	if len(args) == 0 && w.Cfg != nil {
		return i18n.Label(w.Lang, w.Cfg.Process, key)
	}
	return i18n.Render(w.Lang, i18n.M(key, args...))
}

// stage names a stage; a stage that a file misspells is shown as written.
func (w Writer) stage(s model.Stage) string { return ghmd.Text(w.t("stage." + string(s))) }

func (w Writer) unit(id string) string {
	if u := w.Cfg.Unit(id); u != nil {
		return ghmd.Text(u.Name)
	}
	return ghmd.Text(id)
}

func (w Writer) actors(as []workflow.Actor) string {
	var p *model.Process // nil without a configuration: the catalogue's words
	if w.Cfg != nil {
		p = w.Cfg.Process
	}
	or := make(i18n.Or, len(as))
	for i, a := range as {
		or[i] = i18n.Name(p, "actor."+string(a))
	}
	return i18n.Render(w.Lang, i18n.M("notice.actors", or))
}

// PullRequest writes the comment on a pull request: what the change does
// to each idea, who must make or approve each step, and what is still
// missing.
func (w Writer) PullRequest(sums []check.Summary, ds []diag.Diagnostic) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("### %s\n\n", w.t("notice.pr.title"))
	p("**%s**\n\n", w.t("notice.pr.does"))
	if len(sums) == 0 {
		p("- %s\n", w.t("notice.pr.no-ideas"))
	}
	for _, s := range sums {
		p("- %s\n", w.describe(s))
	}
	for _, s := range sums {
		if s.From == "" && s.Head != nil && w.Like != nil {
			if like := w.Similar(s.ID, w.Like(s.Head)); like != "" {
				p("\n%s", like)
			}
		}
	}
	var steps []check.Summary
	for _, s := range sums {
		if s.Step != nil && s.From != "" {
			steps = append(steps, s)
		}
	}
	if len(steps) > 0 {
		p("\n**%s**\n\n", w.t("notice.pr.approve"))
		for _, s := range steps {
			who := w.t("notice.pr.who", w.actors(s.Step.Actors), w.unit(s.Head.Unit), logins(s.Holders))
			if len(s.ApprovedBy) > 0 {
				p("- %s %s → %s: %s ✅ %s\n", ghmd.Text(string(s.ID)), w.stage(s.From), w.stage(s.To), who, w.t("notice.pr.approved-by", logins(s.ApprovedBy)))
			} else {
				p("- %s %s → %s: %s ⏳ %s\n", ghmd.Text(string(s.ID)), w.stage(s.From), w.stage(s.To), who, w.t("notice.pr.waiting"))
			}
		}
	}
	errs, warns := split(ds)
	if len(errs) == 0 {
		p("\n✅ %s\n", w.t("notice.pr.no-errors"))
	} else {
		p("\n**%s**\n\n", w.t("notice.pr.missing", len(errs)))
		for _, d := range errs {
			p("- %s %s\n", ghmd.Code(d.Location()), ghmd.Text(i18n.Render(w.Lang, d.Msg)))
		}
	}
	if len(warns) > 0 {
		p("\n<details><summary>%s</summary>\n\n", w.t("notice.pr.warnings", len(warns)))
		for _, d := range warns {
			p("- %s %s\n", ghmd.Code(d.Location()), ghmd.Text(i18n.Render(w.Lang, d.Msg)))
		}
		p("\n</details>\n")
	}
	p("\n<sub>%s</sub>\n", w.t("notice.pr.footer"))
	return b.String()
}

// describe says in a sentence what a change does to one idea.
func (w Writer) describe(s check.Summary) string {
	title := ""
	if s.Head != nil {
		title = " *" + ghmd.Text(s.Head.Title) + "*"
	} else if s.Base != nil {
		title = " *" + ghmd.Text(s.Base.Title) + "*"
	}
	id := "**" + ghmd.Text(string(s.ID)) + "**" + title
	switch {
	case s.Head == nil && s.Base != nil && s.Path == "":
		return w.t("notice.change.deleted", id)
	case s.Head == nil:
		return w.t("notice.change.unreadable", ghmd.Code(s.Path))
	case s.From == "":
		return w.t("notice.change.added", id, w.stage(s.To))
	case s.From != s.To && s.Step != nil:
		return w.t("notice.change.step", id, w.stage(s.From), w.stage(s.To))
	case s.From != s.To:
		return w.t("notice.change.no-step", id, w.stage(s.From), w.stage(s.To))
	}
	return w.t("notice.change.edited", id, w.stage(s.To))
}

func logins(ls []string) string {
	if len(ls) == 0 {
		return "–"
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = ghmd.Code(l) // in code: shown, not mentioned
	}
	return strings.Join(out, ", ")
}

func split(ds []diag.Diagnostic) (errs, warns []diag.Diagnostic) {
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		} else {
			warns = append(warns, d)
		}
	}
	return errs, warns
}

// Step writes the notice to a submitter that their idea took a step: the
// new stage and the justification the step carries. link is the idea's
// page on the site, or "".
func (w Writer) Step(idea *model.Idea, from model.Stage, link string) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	greet := ""
	if !idea.Submitter.Anonymous && model.ValidLogin(idea.Submitter.GitHub) {
		greet = "@" + idea.Submitter.GitHub + " " // the one mention: the submitter
	}
	p("%s%s\n\n", greet, w.t("notice.step.moved", "**"+ghmd.Text(string(idea.ID))+"** *"+ghmd.Text(idea.Title)+"*", w.stage(from), w.stage(idea.Stage)))
	p("%s\n", w.t("notice.step.means."+string(idea.Stage)))
	if why, key := justification(idea); why != "" {
		p("\n**%s**\n\n> %s\n", w.t(key), ghmd.Text(why))
	}
	if orig := w.original(idea); orig != "" {
		p("\n%s\n", orig)
	}
	if link != "" {
		p("\n%s %s\n", w.t("notice.step.read"), link)
	}
	return b.String()
}

// original tells the submitter of an idea rejected as a duplicate where
// its original stands and where to follow it, or returns "".
func (w Writer) original(idea *model.Idea) string {
	s := idea.Screening
	if idea.Stage != model.StageRejected || s == nil || s.Outcome != model.ScreenReject || s.DuplicateOf == "" {
		return ""
	}
	id := "**" + ghmd.Text(string(s.DuplicateOf)) + "**"
	var orig *model.Idea
	if w.Idea != nil {
		orig = w.Idea(s.DuplicateOf)
	}
	if orig == nil {
		return w.t("notice.step.duplicate-of", id)
	}
	where := w.t("notice.step.duplicate-stage", id+" *"+ghmd.Text(orig.Title)+"*", w.stage(orig.Stage))
	if u, ok := w.ideaURL(orig.ID); ok {
		where += " " + w.t("notice.step.duplicate-page", u)
	}
	if d := orig.Discussion; d != "" && strings.HasPrefix(d, "https://") {
		where += " " + w.t("notice.step.duplicate-discussion", ghmd.URL(d))
	}
	return where
}

// ideaURL returns the address of an idea's page on the site, when the
// configuration says where the site is.
func (w Writer) ideaURL(id model.ID) (string, bool) {
	if w.Cfg == nil || w.Cfg.BaseURL == "" {
		return "", false
	}
	return ghmd.URL(strings.TrimSuffix(w.Cfg.BaseURL, "/") + "/idea/" + string(id) + "/"), true
}

// justification returns what the step that led to idea's stage says to
// the submitter, and the label of it.
func justification(idea *model.Idea) (string, string) {
	switch idea.Stage {
	case model.StageDeveloping, model.StageQuickWin, model.StagePaused, model.StageRejected:
		if d := idea.Decision; d != nil && (idea.Stage == model.StageRejected || idea.Stage == model.StagePaused) &&
			(idea.Screening == nil || d.Date.After(idea.Screening.Date)) {
			return d.Motivation, "notice.step.motivation"
		}
		if s := idea.Screening; s != nil {
			return s.Feedback, "notice.step.feedback"
		}
	case model.StageProposed:
		if p := idea.Proposal; p != nil {
			return p.Summary, "notice.step.proposal"
		}
	case model.StageApproved, model.StageImplementing:
		if d := idea.Decision; d != nil && idea.Stage == model.StageApproved || d != nil && idea.Proposal == nil {
			return d.Motivation, "notice.step.motivation"
		}
	case model.StagePlanning:
		if p := idea.Plan; p != nil {
			return p.Summary, "notice.step.plan"
		}
	case model.StageEvaluated:
		if o := idea.Outcome; o != nil {
			return o.Effects, "notice.step.effects"
		}
	case model.StageWithdrawn:
		if w := idea.Withdrawn; w != nil {
			return w.Reason, "notice.step.reason"
		}
	}
	return "", ""
}

// Waiting is an idea that waits too long for its first feedback or past
// its revisit date.
type Waiting struct {
	Idea  *model.Idea
	Since model.Date // submitted, or the revisit date
	Days  int
}

// Title is the title of the issue that lists what waits too long.
func (w Writer) Title() string { return w.t("notice.remind.title") }

// Reminder writes the list of what waits too long, with the link to each
// idea's page where link gives one.
func (w Writer) Reminder(feedback, revisit []Waiting, today model.Date, link func(model.ID) string) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("%s\n", w.t("notice.remind.intro", today, w.Cfg.FeedbackDays))
	table := func(title, col string, items []Waiting) {
		p("\n### %s\n\n", title)
		if len(items) == 0 {
			p("%s ✅\n", w.t("notice.remind.none"))
			return
		}
		p("| %s | %s | %s | %s |\n|---|---|---|---:|\n", w.t("notice.remind.idea"), w.t("notice.remind.unit"), col, w.t("notice.remind.days"))
		sorted := slices.Clone(items)
		slices.SortStableFunc(sorted, func(a, b Waiting) int { return b.Days - a.Days })
		for _, it := range sorted {
			name := ghmd.Text(string(it.Idea.ID) + " " + it.Idea.Title)
			if l := link(it.Idea.ID); l != "" {
				name = "[" + name + "](" + ghmd.URL(l) + ")"
			}
			p("| %s | %s | %s | %d |\n", name, w.unit(it.Idea.Unit), it.Since, it.Days)
		}
	}
	table(w.t("notice.remind.feedback", len(feedback)), w.t("notice.remind.submitted"), feedback)
	table(w.t("notice.remind.revisit", len(revisit)), w.t("notice.remind.revisit-date"), revisit)
	p("\n<sub>%s</sub>\n", w.t("notice.remind.footer"))
	return b.String()
}

// IntakeProblems asks the submitter to put right what the issue lacks.
func (w Writer) IntakeProblems(problems []i18n.Message) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", w.t("notice.intake.problems"))
	for _, p := range problems {
		fmt.Fprintf(&b, "- %s\n", ghmd.Text(i18n.Render(w.Lang, p)))
	}
	fmt.Fprintf(&b, "\n%s\n", w.t("notice.intake.edit"))
	return b.String()
}

// IntakeThanks tells the submitter that the idea is registered and
// proposed in pull request pr.
func (w Writer) IntakeThanks(id model.ID, pr int) string {
	return w.t("notice.intake.thanks", string(id), pr)
}

// IntakeRefused explains that the idea is saved on branch but that GitHub
// refused to open its pull request (message is GitHub's), what an
// administrator must change, and how to try again. actions is true when
// the setting that Actions may not create pull requests is the cause.
func (w Writer) IntakeRefused(id model.ID, branch, message string, actions bool, settings string) string {
	key := "notice.intake.refused-token"
	if actions {
		key = "notice.intake.refused-actions"
	}
	return w.t(key, ghmd.Text(string(id)), ghmd.Code(branch), settings, ghmd.Text(message))
}

// IntakeRefusedTitle is the heading of the job summary when the pull
// request of issue n was refused.
func (w Writer) IntakeRefusedTitle(n int) string { return w.t("notice.intake.refused-title", n) }

// IntakeCommit is the message of the commit that adds a new idea.
func (w Writer) IntakeCommit(id model.ID, title string, issue int) string {
	return fmt.Sprintf("%s %s\n\n%s", id, oneLine(title), w.t("notice.intake.commit", issue))
}

// IntakePR is the description of the pull request of a new idea. It links
// the issue and does not close it: the issue stays the idea's discussion.
func (w Writer) IntakePR(id model.ID, title string, issue int) string {
	return w.t("notice.intake.pr", "**"+ghmd.Text(string(id))+"** *"+ghmd.Text(title)+"*", issue)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// StepDate returns the date of the section that took idea to its stage:
// with the stage, what tells one visit of a stage from another.
func StepDate(idea *model.Idea) model.Date {
	s, d := idea.Screening, idea.Decision
	switch idea.Stage {
	case model.StageDeveloping, model.StageQuickWin:
		if s != nil {
			return s.Date
		}
	case model.StagePaused, model.StageRejected:
		if d != nil && (s == nil || d.Date.After(s.Date)) {
			return d.Date
		}
		if s != nil {
			return s.Date
		}
	case model.StageProposed:
		if idea.Proposal != nil {
			return idea.Proposal.Date
		}
	case model.StageApproved:
		if d != nil {
			return d.Date
		}
	case model.StagePlanning:
		if idea.Plan != nil {
			return idea.Plan.Date
		}
	case model.StageImplementing:
		if idea.Implementation != nil {
			return idea.Implementation.Started
		}
	case model.StageImplemented:
		if idea.Implementation != nil {
			return idea.Implementation.Completed
		}
	case model.StageEvaluated:
		if idea.Outcome != nil {
			return idea.Outcome.Date
		}
	case model.StageWithdrawn:
		if idea.Withdrawn != nil {
			return idea.Withdrawn.Date
		}
	}
	return model.Date{}
}
