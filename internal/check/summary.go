package check

import (
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/public"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Summary says what a change does to one idea, in the terms of the
// process: the pull-request comment and the notices to submitters are
// written from it.
type Summary struct {
	Path string
	// Head is the idea after the change, nil if deleted or unreadable;
	// Base before it, nil if added or unreadable.
	Head, Base *model.Idea
	ID         model.ID
	From, To   model.Stage // From "" for a new idea; equal when the stage stays
	// Step is the workflow's transition from From to To, nil when the stage
	// stays or the change is no step of the process.
	Step *workflow.Transition
	// Holders are the logins who may make or approve the step, in the
	// idea's unit; ApprovedBy those of the change who make it allowed:
	// its authors when every one of them may make it, and each approver
	// who may.
	Holders, ApprovedBy []string
}

// Summarize says what change c does to each idea it touches, in path
// order.
func Summarize(c Change) []Summary {
	changes, _ := diff(c.Base, c.Head, processOf(c.Base), processOf(c.Head))
	// Who may act is the base's word, as CheckChange judges it, and so are
	// the steps.
	auth := newAuthority(parseConfigQuiet(c.Base), c)
	cfg := auth.cfg
	flow := workflow.Of(cfg)
	var out []Summary
	for _, ch := range changes {
		s := Summary{Path: ch.headPath, Head: ch.head, Base: ch.base}
		switch {
		case ch.head != nil:
			s.ID, s.To = ch.head.ID, ch.head.Stage
		case ch.base != nil:
			s.ID = ch.base.ID
		}
		if ch.base != nil {
			s.From = ch.base.Stage
			if ch.head == nil {
				s.To = ch.base.Stage
			}
		}
		if ch.basePath == "" {
			s.From = ""
			s.Step, _ = flow.Lookup("", flow.Process.Start())
		} else if s.From != s.To && ch.head != nil && ch.base != nil {
			s.Step, _ = flow.Lookup(s.From, s.To)
		}
		if s.Step != nil && ch.head != nil {
			idea := *ch.head
			if ch.base != nil {
				idea.Submitter = ch.base.Submitter // as the step's permission is judged
			}
			s.Holders = holders(cfg, &idea, s.Step.Actors)
			// An anonymous submitter's login is not named, even where it
			// is what allows the step.
			s.ApprovedBy = public.Logins(cfg, &idea, auth.standing(&idea, s.Step.Actors), s.Step.Actors)
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Summary) int {
		return strings.Compare(string(a.ID)+a.Path, string(b.ID)+b.Path)
	})
	return out
}

// holders returns the logins that are actors for idea.
func holders(cfg *model.Config, idea *model.Idea, actors []workflow.Actor) []string {
	var out []string
	add := func(l string) {
		if l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	for _, a := range actors {
		switch a {
		case workflow.Implementer:
			if idea.Decision != nil {
				add(idea.Decision.Implementer)
			}
		case workflow.Submitter:
			if public.MayName(cfg, idea, idea.Submitter.GitHub, nil) {
				add(idea.Submitter.GitHub)
			}
		case workflow.RoleActor(model.RoleAdmin):
			for _, h := range holdersAnywhere(cfg, model.RoleAdmin) {
				add(h) // bank-wide: units do not narrow it
			}
		default:
			if r, ok := a.Role(); ok {
				for _, h := range cfg.Holders(r, idea.Unit) {
					add(h)
				}
			}
		}
	}
	return out
}
