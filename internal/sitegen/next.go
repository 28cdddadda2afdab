package sitegen

import (
	"strings"
	"time"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Next is where an idea stands, as its page opens: what happens next, who
// acts and by when, and the official answer once there is one. Every text
// is in the site's language, ready to print.
type Next struct {
	// Heading says where the idea stands: "Väntar på bedömning".
	Heading string
	// What is the next step, as a sentence; for a final stage, that no
	// step follows.
	What string
	// Who are the ones who take the next step, a role with the people
	// who hold it in the idea's unit; none at a final stage.
	Who []Actor
	// Due says by when the next step is due, or that no date is set; ""
	// at a final stage.
	Due string
	// Overdue is not known to the site, which is built from the files
	// alone: a page says the date, and the waiting list what is late.
	Answer *Answer
	Final  bool
}

// Actor is a role that may take a step, and who holds it.
type Actor struct {
	Role   string // "Idéambassadör"
	People string // "Anna Berglund, Per Ek", or a sentence that no one does
}

// Answer is the official answer an idea has had: the screening's feedback
// or the decision's motivation, whichever is the latest, or the reason it
// was withdrawn.
type Answer struct {
	Heading   string // "Beslut: genomförs"
	Text      string
	Signature string // date and who
}

// next makes the Next of v, an idea in cfg.
func next(v *Idea, cfg *model.Config, lang model.Lang) Next {
	p, flow := proc(cfg), workflow.Of(cfg)
	tr := func(key string) string { return i18n.Label(lang, p, key) }
	say := func(key string, args ...any) string { return i18n.Render(lang, i18n.M(key, args...)) }
	// A stage or role of the bank's own has no sentence of v1's: it is
	// said with its label.
	own := func(key, general string, args ...any) string {
		if i18n.Has(key) {
			return tr(key)
		}
		return say(general, args...)
	}
	stage := tr("stage." + string(v.Stage))
	n := Next{Heading: own("site.now."+string(v.Stage), "site.now-own", stage), Final: flow.Final(v.Stage)}
	n.Answer = answer(v, cfg, lang)
	if n.Final {
		n.What = own("site.final."+string(v.Stage), "site.final-own", stage)
		return n
	}
	var onward i18n.Or
	for _, to := range flow.Next(v.Stage) {
		onward = append(onward, tr("stage."+string(to)))
	}
	n.What = own("site.next-step."+string(v.Stage), "site.next-step-own", onward)
	for _, a := range waitsFor(flow, v.Stage) {
		role := "site.actor." + string(a)
		if !i18n.Has(role) {
			role = "role." + string(a)
		}
		n.Who = append(n.Who, Actor{Role: tr(role), People: holders(a, v, cfg, lang)})
	}
	switch {
	case v.Stage == model.StageSubmitted && !v.Submitted.IsZero():
		n.Due = say("site.due.feedback", LongDate(lang, v.Submitted.AddDays(cfg.FeedbackDays)), cfg.FeedbackDays)
	case v.Stage == model.StagePaused && v.Screening != nil && !v.Screening.Revisit.IsZero() && v.Screening.Outcome == model.ScreenPause:
		n.Due = say("site.due.revisit", LongDate(lang, v.Screening.Revisit))
	default:
		n.Due = tr("site.due.none")
	}
	return n
}

// holders names the people who act as a: the holders of its role in the
// idea's unit, or the implementer the decision named.
func holders(a workflow.Actor, v *Idea, cfg *model.Config, lang model.Lang) string {
	var names []string
	if a == workflow.Implementer {
		if v.Decision != nil && v.Decision.Implementer.Name != "" {
			names = append(names, v.Decision.Implementer.Name)
		}
	} else if r, ok := a.Role(); ok {
		for _, login := range cfg.Holders(r, v.Unit) {
			if p := cfg.Person(login); p != nil && p.Name != "" {
				names = append(names, clean(p.Name))
			}
		}
	}
	if len(names) == 0 {
		return i18n.T(lang, "site.actor.nobody")
	}
	return strings.Join(names, ", ")
}

// answer returns the latest official answer of v: a decision's motivation
// after the screening's feedback, a withdrawal's reason after both.
func answer(v *Idea, cfg *model.Config, lang model.Lang) *Answer {
	tr := func(key string) string { return i18n.T(lang, key) }
	switch {
	case v.Withdrawn != nil:
		return &Answer{Heading: tr("site.answer.withdrawn"), Text: v.Withdrawn.Reason, Signature: v.Withdrawn.Date.String()}
	case v.Decision != nil && !v.Decision.Date.IsZero():
		return &Answer{Heading: tr("site.event.decided." + string(v.Decision.Outcome)), Text: v.Decision.Motivation, Signature: v.Decision.Signature}
	case v.Screening != nil:
		heading := "site.event.screened." + string(v.Screening.Outcome)
		if !i18n.Has(heading) { // an outcome of the bank's own
			return &Answer{Heading: outcomeText(lang, cfg, "screening", string(v.Screening.Outcome)), Text: v.Screening.Feedback, Signature: v.Screening.Signature}
		}
		return &Answer{Heading: tr(heading), Text: v.Screening.Feedback, Signature: v.Screening.Signature}
	}
	return nil
}

// LongDate writes d as people write a date in lang: 19 december 2026.
func LongDate(lang model.Lang, d model.Date) string {
	if d.IsZero() || d.Month < time.January || d.Month > time.December {
		return d.String()
	}
	months := strings.Fields(i18n.T(lang, "site.months"))
	if len(months) != 12 {
		return d.String()
	}
	return i18n.Render(lang, i18n.M("site.long-date", d.Day, months[d.Month-1], d.Year))
}
