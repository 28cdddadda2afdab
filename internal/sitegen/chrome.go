package sitegen

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/i18n"
)

// specKey is a layout as run for the pages of one root and section; the
// partials have layout "" and no section.
type specKey struct{ layout, root, section string }

// folds reports whether the build folds texts, roots and chrome into the
// templates (see fold.go). Only the built-in layouts are folded, wherever
// they are read from (an idea bank's copy of site/ with its own style
// sheet is still folded): a test shows that folding changes none of their
// pages, which nothing can show for layouts of one's own, where a text
// might stand in a script or an unquoted attribute.
func (s *site) folds() bool {
	return !s.opts.noFold && s.builtinLayouts
}

// forPage returns the layout (or, for "", the partials) as run for pages
// whose root and section are these: a copy whose root function returns the
// root, with the root and the page's chrome folded in. The templates loaded
// from the theme are only ever copied, never run, since html/template
// copies no template that has run.
func (s *site) forPage(layout, root, section string) (*template.Template, error) {
	key := specKey{layout, root, section}
	s.specMu.Lock()
	t := s.specs[key]
	s.specMu.Unlock()
	if t != nil {
		return t, nil
	}
	orig := s.partials
	if layout != "" {
		if orig = s.tmpl[layout]; orig == nil {
			return nil, i18n.Errorf(nil, "cli.theme-no-layout", "site/layouts/"+layout+".html")
		}
	}
	t, err := orig.Clone()
	if err != nil {
		return nil, err
	}
	t.Funcs(template.FuncMap{"root": func() string { return root }})
	if s.folds() {
		fold(t, rootOf(root))
		if layout != "" {
			fold(t, chromeOf(func(name string) (template.HTML, error) {
				return s.chrome(name, s.pageData(root, section))
			}))
		}
	}
	// Two pages may have made the same copy at once; keep the first.
	s.specMu.Lock()
	defer s.specMu.Unlock()
	if first := s.specs[key]; first != nil {
		return first, nil
	}
	s.specs[key] = t
	return t, nil
}

// rows renders the rows of an idea table with the layout "idea-row", with
// the columns cols (AllColumns if none are given). An idea is in up to
// seven lists, at two depths: each row is rendered once, with rootMark
// where its root goes, and then reused with the root put in and the
// table's columns picked.
func (s *site) rows(root string, ideas []*Idea, cols ...[]Column) (template.HTML, error) {
	if len(ideas) == 0 {
		return "", nil // as empty as the rows: {{if}} can tell
	}
	c := AllColumns
	if len(cols) > 0 {
		c = cols[0]
	}
	var b strings.Builder
	if err := s.writeRows(&b, root, ideas, c); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // the rows are escaped by the layout
}

// rowWriter is where writeRows writes: a strings.Builder or a
// bytes.Buffer.
type rowWriter interface {
	Grow(n int)
	WriteString(s string) (int, error)
	Len() int
}

// cachedRow is an idea's row with every column, and where each of its
// cells starts: cell i of AllColumns is html[at[i]:at[i+1]].
type cachedRow struct {
	html string
	at   [8]int32
}

// writeRows writes the rows of ideas with the columns cols, for a page
// whose root is root, into b.
func (s *site) writeRows(b rowWriter, root string, ideas []*Idea, cols []Column) error {
	mark := rootMark
	if !s.folds() || !plainRoot.MatchString(root) {
		mark = root // rendered once per root, the root through the escapers
	}
	var pick [8]int // the cells of cols, as indexes of AllColumns
	for i, c := range cols {
		pick[i] = slices.Index(AllColumns, c)
	}
	colsKey := fmt.Sprint(cols)
	// put writes a row, or a part of one, with the root put in.
	put := func(row string) {
		for mark == rootMark {
			i := strings.IndexByte(row, rootMark[0])
			if i < 0 {
				break
			}
			b.WriteString(row[:i])
			b.WriteString(root)
			row = row[i+1:]
		}
		b.WriteString(row)
	}
	var buf bytes.Buffer
	for k, v := range ideas {
		if !s.goIdeaPage() { // through the layout's idea-row
			key := rowKey{mark, v, colsKey}
			r, ok := s.rowCache.Load(key)
			if !ok {
				buf.Reset()
				if err := s.partial(&buf, mark, "idea-row", struct {
					Root    string
					Idea    *Idea
					Columns []Column
				}{mark, v, cols}); err != nil {
					return err
				}
				r = buf.String()
				s.rowCache.Store(key, r)
			}
			if k == 0 {
				b.Grow(len(ideas) * (len(r.(string)) + 2*len(root)))
			}
			put(r.(string))
			continue
		}
		key := rowKey{mark, v, ""}
		r, ok := s.rowCache.Load(key)
		if !ok {
			buf.Reset()
			c := &cachedRow{}
			s.writeRow(htmlWriter{&buf}, mark, v, &c.at)
			c.html = buf.String()
			r = c
			s.rowCache.Store(key, r)
		}
		c := r.(*cachedRow)
		if k == 0 {
			b.Grow(len(ideas) * (len(c.html) + 2*len(root)))
		}
		if slices.Equal(cols, AllColumns) {
			put(c.html)
			continue
		}
		b.WriteString("<tr>")
		for _, i := range pick[:len(cols)] {
			put(c.html[c.at[i]:c.at[i+1]])
		}
		b.WriteString("\n")
	}
	return nil
}

type rowKey struct {
	root string
	idea *Idea
	cols string // of a row through the layout; "" for one written by Go
}

// chrome renders the part of the base layout called name, which may use
// only the page's root and section and what is the same on every page:
// once per root and section.
func (s *site) chrome(name string, d pageData) (template.HTML, error) {
	key := chromeKey{name, d.Root, d.Section}
	if r, ok := s.chromeCache.Load(key); ok {
		return r.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := s.partial(&buf, d.Root, name, d); err != nil {
		return "", err
	}
	r := template.HTML(buf.String()) // escaped by the layout
	s.chromeCache.Store(key, r)
	return r, nil
}

type chromeKey struct{ name, root, section string }

// partial executes the template name of the base layout, for pages whose
// root is root.
func (s *site) partial(w *bytes.Buffer, root, name string, data any) error {
	t, err := s.forPage("", root, "")
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, name, data)
}
