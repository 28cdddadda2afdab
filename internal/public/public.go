// Package public decides what may be published about the people of an
// idea. Every output asks it: the site's pages, feeds, ideas.json and
// search index, the reports, the check's messages (which GitHub shows as
// annotations) and the comments written to GitHub. No layout or message
// decides this for itself, so none can name someone the rule does not
// allow.
//
// The rule: an idea names its submitter only when the submitter gave a
// name and is not anonymous. An anonymous idea names nobody but the people
// who act in it in a role (who sign its steps, hold the role a step needs,
// or are appointed to implement it), and shows no commit: a commit carries
// its author, and the same commit shown on another page with a name, or
// looked up on GitHub, would tie the submitter to the idea. The anonymous
// submitter may hold a role herself; where she signs a step in that role
// she is named as its signer, as anyone in that role would be.
package public

import (
	"net/url"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Submitter returns the submitter's name as it may be published: "" for
// an anonymous submitter, whatever the file says.
func Submitter(idea *model.Idea) string {
	return Text(idea.Submitter.PublicName())
}

// ShowsCommits reports whether what is published about idea may show the
// commits of its history: their ids, authors and links to them (the
// file's history on GitHub included). Never for an anonymous idea.
func ShowsCommits(idea *model.Idea) bool { return !idea.Submitter.Anonymous }

// Commit returns the abbreviated id of a commit of idea's history as it
// may be shown, or "" where it may not.
func Commit(idea *model.Idea, commit string) string {
	if !ShowsCommits(idea) {
		return ""
	}
	return commit[:min(7, len(commit))]
}

// MayName reports whether what is said about idea may name login, where
// actors are the ones the text is about (those who may take a step, or
// sign a section). Anyone may be named about an idea whose submitter is
// named; about an anonymous idea only one who acts in a role: holds one of
// the actors' roles in the idea's unit, or is its appointed implementer.
// Being the idea's submitter is no role: it is what must stay unsaid.
func MayName(cfg *model.Config, idea *model.Idea, login string, actors []workflow.Actor) bool {
	if !idea.Submitter.Anonymous {
		return true
	}
	if login == "" || cfg == nil {
		return false
	}
	var roles []workflow.Actor
	for _, a := range actors {
		if a != workflow.Submitter && a != workflow.Anyone {
			roles = append(roles, a)
		}
	}
	return workflow.MayAct(cfg, idea, login, roles)
}

// Logins returns those of logins that MayName allows, in order.
func Logins(cfg *model.Config, idea *model.Idea, logins []string, actors []workflow.Actor) []string {
	if !idea.Submitter.Anonymous {
		return logins
	}
	var out []string
	for _, l := range logins {
		if MayName(cfg, idea, l, actors) {
			out = append(out, l)
		}
	}
	return out
}

// Text returns s fit to publish: every e-mail address in it masked.
func Text(s string) string { return personal.MaskEmails(s) }

// WebAddress returns u if it may be published as a link: a web address,
// http or https with a host, that holds no personal data (an e-mail
// address in its query, say). Anything else, javascript: among it, gives
// "": a link is published whole or not at all, since masking part of an
// address would break it.
func WebAddress(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return ""
	}
	if len(personal.Find(u)) > 0 {
		return ""
	}
	return strings.TrimSpace(u)
}
