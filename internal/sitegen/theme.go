package sitegen

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
	theme "github.com/idebanken/idebanken/site"
)

// templates loads the theme's layouts with the functions they call: each
// layout parsed on a copy of base.html, with the catalogue's texts folded
// in where the layouts are the built-in ones (see folds).
func (s *site) templates() error {
	funcs := template.FuncMap{
		"t": s.t,
		"tf": func(key string, args ...any) string {
			return i18n.Render(s.lang, i18n.M(key, args...))
		},
		"count": func(key string, n int) string {
			return i18n.Render(s.lang, i18n.M("site.count", i18n.Count{Key: key, N: n}))
		},
		"stage":     func(st model.Stage) string { return s.t("stage." + string(st)) },
		"kind":      func(k model.Kind) string { return i18n.T(s.lang, "kind."+string(k)) },
		"criterion": func(c string) string { return s.t("criterion." + c) },
		"actors":    func(as []workflow.Actor) string { return actorsText(s.lang, proc(s.cfg), as) },
		"tagslug":   s.TagSlug,
		"yesno": func(b bool) string {
			if b {
				return i18n.T(s.lang, "site.yes")
			}
			return i18n.T(s.lang, "site.no")
		},
		"sek":   func(n int) string { return thousands(n) },
		"cards": func(ideas []*Idea) ideaList { return ideaList{Ideas: ideas} },
		// table's columns are AllColumns unless a list names its own.
		"table": func(id, caption string, ideas []*Idea, cols ...[]Column) ideaList {
			l := ideaList{ID: id, Caption: caption, Ideas: ideas, Columns: AllColumns}
			if len(cols) > 0 {
				l.Columns = cols[0]
			}
			return l
		},
		"requirement": func(r workflow.Requirement) string { return describeRequirement(s.lang, s.cfg, r) },
		"rows":        s.rows,
		"chrome":      s.chrome,
		// root is the page's way to the site root, "../../" and the like;
		// forPage gives every depth its own.
		"root": func() string { return "" },
	}
	s.tmpl = map[string]*template.Template{}
	layouts, err := fs.Glob(s.opts.Theme, "layouts/*.html")
	if err != nil {
		return err
	}
	builtin, _ := fs.Glob(theme.FS, "layouts/*.html")
	s.builtinLayouts = slices.Equal(layouts, builtin)
	for _, l := range layouts {
		data, err := fs.ReadFile(s.opts.Theme, l)
		if err != nil {
			return i18n.Errorf(err, "cli.theme-unreadable", "site/"+l)
		}
		// rootMark must come from nowhere but a folded root.
		if bytes.Contains(data, []byte(rootMark)) {
			return i18n.Errorf(nil, "cli.theme-nul", "site/"+l)
		}
		if own, err := fs.ReadFile(theme.FS, l); err != nil || !bytes.Equal(data, own) {
			s.builtinLayouts = false
		}
	}
	base, err := template.New("base.html").Funcs(funcs).ParseFS(s.opts.Theme, "layouts/base.html")
	if err != nil {
		return i18n.Errorf(err, "cli.theme-template", err.Error())
	}
	foldTexts := func(set *template.Template) {
		if s.folds() {
			fold(set, texts(func(key string) string { return i18n.T(s.lang, key) }))
		}
	}
	foldTexts(base)
	for _, l := range layouts {
		name := path.Base(l)
		if name == "base.html" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(s.opts.Theme, l)
		if err != nil {
			return i18n.Errorf(err, "cli.theme-template", err.Error())
		}
		layout := strings.TrimSuffix(name, ".html")
		if layout == "idea" && s.goIdeaPage() {
			if _, err := t.Funcs(template.FuncMap{"ideaMain": s.ideaMain}).Parse(ideaMainTemplate); err != nil {
				return err
			}
		}
		foldTexts(t)
		s.tmpl[layout] = t
	}
	if s.goIdeaPage() { // the base cut into frames, see frame.go
		t, err := template.Must(base.Clone()).Parse(frameMain)
		if err != nil {
			return err
		}
		s.tmpl[frameLayout] = t
	}
	s.partials = base
	s.defaultDescription = s.description()
	s.specs = map[specKey]*template.Template{}
	return nil
}

// ideaList is what the idea-table and idea-cards templates get.
type ideaList struct {
	ID, Caption string
	Ideas       []*Idea
	Columns     []Column // of a table
}

// describeRequirement says what a step of the workflow needs, in lang.
func describeRequirement(lang model.Lang, cfg *model.Config, r workflow.Requirement) string {
	p := proc(cfg)
	req := i18n.T(lang, "site.req."+r.Section)
	if !i18n.Has("site.req." + r.Section) { // a section of the bank's own: its label
		top, field, dotted := strings.Cut(r.Section, ".")
		req = i18n.Label(lang, p, "section."+top)
		if dotted {
			req += " (" + field + ")"
		}
	}
	parts := []string{req}
	if r.Outcome != "" {
		// The outcome as people read it: "Snabb vinst: genomförs direkt av
		// enhetschef", not quick-win.
		parts = append(parts, i18n.Render(lang, i18n.M("site.req.with-outcome", outcomeText(lang, cfg, r.Section, r.Outcome))))
	}
	if r.CriteriaMet {
		parts = append(parts, i18n.T(lang, "site.req.criteria"))
	}
	for _, f := range r.Fields {
		// A field as people say it; one of a process of the bank's own,
		// which the catalogue cannot know, by its name.
		if key := "site.req.field." + f; i18n.Has(key) {
			parts = append(parts, i18n.T(lang, key))
		} else {
			parts = append(parts, i18n.Render(lang, i18n.M("site.req.field", f)))
		}
	}
	if len(r.Signers) > 0 {
		parts = append(parts, i18n.Render(lang, i18n.M("site.req.signed", actorsText(lang, p, r.Signers))))
	}
	return strings.Join(parts, "; ")
}

// actorsText names who may take a step, as a sentence says it: "en
// idéambassadör eller innovationsgruppen".
func actorsText(lang model.Lang, p *model.Process, as []workflow.Actor) string {
	names := make([]string, len(as))
	for i, a := range as {
		key := "site.by." + string(a)
		if !i18n.Has(key) {
			key = "actor." + string(a)
		}
		if !i18n.Has(key) { // a role of the bank's own
			key = "role." + string(a)
		}
		names[i] = i18n.Label(lang, p, key)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + i18n.T(lang, "site.or") + names[len(names)-1]
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u00a0')
		}
		b.WriteRune(r)
	}
	return b.String()
}
