// Package vocab resolves what people call the process's things — its
// stages, the kinds of idea, the roles and the units — to their ids. A
// command takes any of them by its id or by its label in either language,
// in any case and with or without accents: `--to Vidareutvecklas`,
// `--kind förbättringsförslag`, `--unit "Kultur- och utbildningsförvaltningen"`.
// Every command and flag resolves through here, so that all of them
// accept the same names.
package vocab

import (
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

// Term is one thing of the vocabulary: its id and the labels people call
// it by.
type Term struct {
	ID     string
	Labels []string
}

// Key is how a name is compared: folded to lower case without accents,
// with everything between letters and digits one hyphen, so "Quick win",
// "quick_win" and "quick-win" are one name, as are "Återtagen" and
// "aterTAGEN".
func Key(s string) string { return model.Slugify(s) }

// Find returns the id of the term in terms that s names, by its id or by
// one of its labels. An id wins over a label, so that a label that happens
// to be another term's id cannot hide it.
func Find(terms []Term, s string) (string, bool) {
	k := Key(s)
	if k == "" {
		return "", false
	}
	for _, t := range terms {
		if t.ID == s || Key(t.ID) == k {
			return t.ID, true
		}
	}
	for _, t := range terms {
		for _, l := range t.Labels {
			if Key(l) == k {
				return t.ID, true
			}
		}
	}
	return "", false
}

// List is terms for a message that lists the valid ones: each id with its
// label in lang, "developing (Vidareutvecklas)".
func List(terms []Term, lang model.Lang) i18n.List {
	l := i18n.List{}
	for _, t := range terms {
		label := ""
		switch {
		case lang == model.English && len(t.Labels) > 1:
			label = t.Labels[1]
		case len(t.Labels) > 0:
			label = t.Labels[0]
		}
		if label == "" || Key(label) == Key(t.ID) {
			l = append(l, t.ID)
			continue
		}
		l = append(l, t.ID+" ("+label+")")
	}
	return l
}

// labelled returns the terms of ids, labelled by the catalogue entries
// prefix+id in Swedish and English.
func labelled[T ~string](prefix string, ids []T) []Term {
	terms := make([]Term, 0, len(ids))
	for _, id := range ids {
		t := Term{ID: string(id)}
		if text, ok := i18n.Lookup(prefix + string(id)); ok {
			t.Labels = []string{text.SV, text.EN}
		}
		terms = append(terms, t)
	}
	return terms
}

// Stages are the stages of the process, in its order: those of the
// configuration's process, with its labels, where it has one.
func Stages(cfg *model.Config) []Term {
	if cfg != nil && cfg.Process != nil && len(cfg.Process.Stages) > 0 {
		terms := make([]Term, 0, len(cfg.Process.Stages))
		for _, s := range cfg.Process.Stages {
			terms = append(terms, Term{ID: string(s.ID), Labels: []string{s.Label.SV, s.Label.EN}})
		}
		return terms
	}
	return labelled("stage.", model.Stages)
}

// Kinds are the kinds of idea.
func Kinds() []Term { return labelled("kind.", model.Kinds) }

// Roles are the roles of the process: those of the configuration's
// process, with its labels, where it has one.
func Roles(cfg *model.Config) []Term {
	if cfg != nil && cfg.Process != nil && len(cfg.Process.Roles) > 0 {
		terms := make([]Term, 0, len(cfg.Process.Roles))
		for _, r := range cfg.Process.Roles {
			terms = append(terms, Term{ID: string(r.ID), Labels: []string{r.Label.SV, r.Label.EN}})
		}
		return terms
	}
	return labelled("role.", model.Roles)
}

// Units are the units of the configuration, labelled by their names.
func Units(cfg *model.Config) []Term {
	if cfg == nil {
		return nil
	}
	terms := make([]Term, 0, len(cfg.Units))
	for _, u := range cfg.Units {
		terms = append(terms, Term{ID: u.ID, Labels: []string{u.Name}})
	}
	return terms
}

// Stage returns the stage s names.
func Stage(cfg *model.Config, s string) (model.Stage, bool) {
	id, ok := Find(Stages(cfg), s)
	return model.Stage(id), ok
}

// Kind returns the kind s names.
func Kind(s string) (model.Kind, bool) {
	id, ok := Find(Kinds(), s)
	return model.Kind(id), ok
}

// Role returns the role s names.
func Role(cfg *model.Config, s string) (model.Role, bool) {
	id, ok := Find(Roles(cfg), s)
	return model.Role(id), ok
}

// Unit returns the id of the unit s names, by its id or its name.
func Unit(cfg *model.Config, s string) (string, bool) { return Find(Units(cfg), s) }

// Plain are the terms of ids that have no labels but their ids, as the
// output formats: found by id in any case.
func Plain[T ~string](ids []T) []Term {
	terms := make([]Term, 0, len(ids))
	for _, id := range ids {
		terms = append(terms, Term{ID: string(id)})
	}
	return terms
}

// Langs are the languages of the messages, labelled by their names in
// Swedish and English: --lang sv, --lang svenska and --lang Swedish are
// one.
func Langs() []Term { return labelled("lang.", model.Langs) }
