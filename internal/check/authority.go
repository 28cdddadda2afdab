package check

import (
	"slices"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/public"
	"github.com/idebanken/idebanken/internal/workflow"
)

// authority is who stands behind a change, judged by the roles of the
// base's configuration: never by the ones the change itself writes, or a
// pull request could grant itself what it needs.
//
// A change has authors: the person who opened it and everyone who wrote
// one of its commits. Something that needs a role is allowed when every
// author holds it (a commit that someone else pushed onto an ambassador's
// pull request does not ride on her role), or when one approver does: an
// approval is of the change's head as a whole, whoever wrote its commits.
// An author GitHub could not tie to an account ("") holds no role.
type authority struct {
	cfg       *model.Config // the base's; empty when the base has none
	authors   []string
	approvers []string
}

func newAuthority(cfg *model.Config, c Change) *authority {
	if cfg == nil {
		cfg = &model.Config{}
	}
	a := &authority{cfg: cfg}
	add := func(list []string, l string) []string {
		for _, x := range list {
			if x == l || model.SameLogin(x, l) {
				return list
			}
		}
		return append(list, l)
	}
	if c.Actor != "" {
		a.authors = add(a.authors, c.Actor)
	}
	for _, l := range c.Committers {
		a.authors = add(a.authors, l)
	}
	for _, l := range c.Approvers {
		if l != "" {
			a.approvers = add(a.approvers, l)
		}
	}
	return a
}

// checked reports whether the change says who made it: without authors or
// approvers (a check run by hand), nothing is judged by role.
func (a *authority) checked() bool { return len(a.authors)+len(a.approvers) > 0 }

// allows reports whether the change may do what actors may do for idea.
func (a *authority) allows(idea *model.Idea, actors []workflow.Actor) bool {
	admin := slices.Contains(actors, workflow.RoleActor(model.RoleAdmin))
	return a.allowsBy(func(login string) bool {
		return workflow.MayAct(a.cfg, idea, login, actors) || admin && holdsAnywhere(a.cfg, login, model.RoleAdmin)
	}, slices.Contains(actors, workflow.Anyone))
}

// allowsBy reports whether every author, or one approver, is someone may
// accepts. anyone is true when everyone may, even an author without an
// account.
func (a *authority) allowsBy(may func(login string) bool, anyone bool) bool {
	if anyone {
		return true
	}
	if len(a.authors) > 0 {
		all := true
		for _, l := range a.authors {
			if l == "" || !may(l) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	for _, l := range a.approvers {
		if may(l) {
			return true
		}
	}
	return false
}

// standing returns who makes the change allowed to do what actors may do
// for idea: every author, when all of them may, and each approver who may.
// Empty when the change is not allowed.
func (a *authority) standing(idea *model.Idea, actors []workflow.Actor) []string {
	var out []string
	anyone := slices.Contains(actors, workflow.Anyone)
	may := func(l string) bool { return anyone || l != "" && workflow.MayAct(a.cfg, idea, l, actors) }
	if len(a.authors) > 0 && !slices.ContainsFunc(a.authors, func(l string) bool { return !may(l) }) {
		for _, l := range a.authors {
			if l != "" {
				out = append(out, l)
			}
		}
	}
	for _, l := range a.approvers {
		if may(l) && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// authorList and approverList are the message arguments that name who
// stands behind the change.
func (a *authority) authorList() i18n.List {
	l := make(i18n.List, len(a.authors))
	for i, x := range a.authors {
		if x == "" {
			l[i] = i18n.Key("actor.unknown")
		} else {
			l[i] = x
		}
	}
	return l
}

func (a *authority) approverList() i18n.Message {
	if len(a.approvers) == 0 {
		return i18n.M("change.no-approvers")
	}
	return i18n.M("change.approvers", i18n.List(toAny(a.approvers)))
}

// holdsAnywhere reports whether login has role r in some unit: the roles
// that govern the whole bank (admin, and management where there is no
// admin) are not narrowed by units.
func holdsAnywhere(cfg *model.Config, login string, r model.Role) bool {
	p := cfg.Person(login)
	return p != nil && slices.Contains(p.Roles, r)
}

// holdersAnywhere returns the logins of everyone with role r, in any unit.
func holdersAnywhere(cfg *model.Config, r model.Role) []string {
	var out []string
	for _, p := range cfg.People {
		if p.Login != "" && slices.Contains(p.Roles, r) {
			out = append(out, p.Login)
		}
	}
	return out
}

// configRole returns the role that may change the configuration of a bank
// whose base is cfg: admin, or management where nobody is an admin.
func configRole(cfg *model.Config) model.Role {
	if len(holdersAnywhere(cfg, model.RoleAdmin)) > 0 {
		return model.RoleAdmin
	}
	return model.RoleManagement
}

// firstDiffLine returns the first line (from 1) on which a and b differ.
func firstDiffLine(a, b []byte) int {
	line := 1
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return line
		}
		if a[i] == '\n' {
			line++
		}
	}
	return line
}

// nameable reports whether a message about idea may name everyone who
// stands behind the change, as public decides it for what actors may do:
// about an anonymous idea, only those who act in a role.
func (a *authority) nameable(idea *model.Idea, actors []workflow.Actor) bool {
	all := append(append([]string{}, a.authors...), a.approvers...)
	return len(public.Logins(a.cfg, idea, all, actors)) == len(all)
}
