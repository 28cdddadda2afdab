package sitegen

import (
	"bytes"
	"crypto/rand"
	"html/template"
	"strconv"
	"strings"

	"github.com/idebanken/idebanken/internal/i18n"
)

// errRowsEscaped is the error of a layout that prints the rows of a table
// where they cannot be spliced in.
var errRowsEscaped = i18n.Errorf(nil, "cli.theme-rows")

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

// rows renders the rows of an idea table with the layout "idea-row". An
// idea is in up to seven lists, at two depths: each row is rendered once,
// with rootMark where its root goes, and then reused.
//
// The rows do not go through the layout: a list of 10,000 ideas is 5 MB of
// them, which the layout would copy three times over (into a string, into
// fmt's buffer, into the page). rows returns a mark instead, and
// renderPage puts the rows where it stands (see splice).
func (s *site) rows(root string, ideas []*Idea) (template.HTML, error) {
	if len(ideas) == 0 {
		return "", nil // as empty as the rows: {{if}} can tell
	}
	mark := rootMark
	if !s.folds() || !plainRoot.MatchString(root) {
		mark = root // rendered once per root, the root through the escapers
	}
	b := &rowBlock{rows: make([]string, len(ideas))}
	if mark == rootMark {
		b.root = root
	}
	var buf bytes.Buffer
	for i, v := range ideas {
		key := rowKey{mark, v}
		r, ok := s.rowCache.Load(key)
		if !ok {
			buf.Reset()
			if err := s.partial(&buf, mark, "idea-row", struct {
				Root string
				Idea *Idea
			}{mark, v}); err != nil {
				return "", err
			}
			r = buf.String()
			s.rowCache.Store(key, r)
		}
		b.rows[i] = r.(string)
		b.size += len(b.rows[i]) + 2*len(root)
	}
	id := s.nextBlock.Add(1)
	s.blocks.Store(id, b)
	return template.HTML(s.mark() + strconv.FormatInt(id, 10) + "\x00"), nil // the rows are escaped by the layout
}

// mark returns the mark that rows puts before the number of its rows.
func (s *site) mark() string {
	s.markOnce.Do(func() {
		s.blockMark = "\x00rows-" + rand.Text() + "-"
	})
	return s.blockMark
}

// rowBlock is the rows of a table, for splice.
type rowBlock struct {
	rows []string
	root string // what rootMark in rows stands for; "" when they hold their root
	size int    // at most, with the root in
}

// splice returns page with each mark that rows left in it replaced by the
// rows, in dst's memory.
func (s *site) splice(dst *bytes.Buffer, page []byte) ([]byte, error) {
	mark := []byte(s.mark())
	if !bytes.Contains(page, mark[1:]) {
		return page, nil
	}
	var parts [][]byte // the page between the marks
	var blocks []*rowBlock
	var ids []int64
	defer func() {
		for _, id := range ids {
			s.blocks.Delete(id) // after the loop: a layout may print rows twice
		}
	}()
	size := 0
	for rest := page; ; {
		i := bytes.Index(rest, mark)
		if i < 0 {
			parts = append(parts, rest)
			size += len(rest)
			break
		}
		parts = append(parts, rest[:i])
		size += i
		rest = rest[i+len(mark):]
		j := bytes.IndexByte(rest, 0)
		id, err := strconv.ParseInt(string(rest[:max(j, 0)]), 10, 64)
		b, ok := s.blocks.Load(id)
		if j < 0 || err != nil || !ok {
			return nil, errRowsEscaped
		}
		rest = rest[j+1:]
		ids = append(ids, id)
		blocks = append(blocks, b.(*rowBlock))
		size += b.(*rowBlock).size
	}
	// What is left of a mark that an escaper changed: its NUL is gone or
	// written otherwise, the random part is still there.
	for _, part := range parts {
		if bytes.Contains(part, mark[1:]) {
			return nil, errRowsEscaped
		}
	}
	dst.Reset()
	dst.Grow(size)
	for k, part := range parts {
		dst.Write(part)
		if k == len(blocks) {
			break
		}
		b := blocks[k]
		for _, r := range b.rows {
			for b.root != "" {
				i := strings.IndexByte(r, rootMark[0])
				if i < 0 {
					break
				}
				dst.WriteString(r[:i])
				dst.WriteString(b.root)
				r = r[i+1:]
			}
			dst.WriteString(r)
		}
	}
	return dst.Bytes(), nil
}

type rowKey struct {
	root string
	idea *Idea
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
