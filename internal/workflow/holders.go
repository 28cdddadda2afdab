package workflow

import (
	"slices"

	"github.com/idebanken/idebanken/internal/model"
)

// Holders returns the logins that may act as one of actors on idea: the
// people holding one of the roles in the idea's unit, its submitter's
// login, its appointed implementer. Anyone gives none: it names nobody.
func Holders(cfg *model.Config, idea *model.Idea, actors []Actor) []string {
	var out []string
	add := func(login string) {
		if login != "" && !slices.ContainsFunc(out, func(l string) bool { return model.SameLogin(l, login) }) {
			out = append(out, login)
		}
	}
	for _, a := range actors {
		switch a {
		case Submitter:
			add(idea.Submitter.GitHub)
		case Implementer:
			if idea.Decision != nil {
				add(idea.Decision.Implementer)
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
