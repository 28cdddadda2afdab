package sitegen

import (
	"bytes"
	"fmt"
	"strings"
)

// Every page is the base layout around the page's own "main", and what the
// base prints of a page is little: its title and its description. Run
// through html/template, the base cost an idea page as much as its content
// written by ideaMain: the reflection of a handful of actions and of the
// call of "main". With the built-in layouts the base is instead run once
// for each root, section and kind of page with marks where the title, the
// description and the content go, and cut there into a frame; a page is
// its frame with the page's values put in, escaped as the layout escapes
// them, and its content (ideaMain's, or the layout's "main" run alone)
// between. TestIdeaPageAsTheLayoutWritesIt compares every page so made with
// the page the layouts make; base.html stays the one place its markup is
// written.

// frameMain is the "main" of the layout the frames are cut from.
const frameMain = `{{define "main"}}` + markMain + `{{end}}`

// The marks of a frame: private-use characters, which no escaper changes
// and no catalogue text holds; a frame in which one is not where it
// should be, once (a site title that holds one), is not used.
const (
	markTitle = "\uE000title\uE000"
	markDesc  = "\uE000description\uE000"
	markMain  = "\uE000main\uE000"
)

// frameLayout is the name of the layout frames are cut from: the base
// with frameMain, which no file of layouts/ can be named (base.html is
// the base itself).
const frameLayout = "base"

// frameKey is what tells one frame from another: all that the base prints
// of a page but its title and description.
type frameKey struct {
	root, section   string
	noIndex, titled bool
}

// frame is the base layout around a page, cut where its values go: before
// the title (when it has one), before the description, before the content
// and after it.
type frame struct {
	parts []string
}

// frameFor returns the frame of pages of key, or nil where the base
// cannot be cut (see the marks).
func (s *site) frameFor(key frameKey) (*frame, error) {
	if f, ok := s.frames.Load(key); ok {
		return f.(*frame), nil
	}
	t, err := s.forPage(frameLayout, key.root, key.section)
	if err != nil {
		return nil, err
	}
	d := s.pageData(key.root, key.section)
	d.Description, d.NoIndex = markDesc, key.noIndex
	marks := []string{markDesc, markMain}
	if key.titled {
		d.Title = markTitle
		marks = append([]string{markTitle}, marks...)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "base", d); err != nil {
		return nil, err
	}
	f := &frame{}
	rest := b.String()
	for _, m := range marks {
		before, after, ok := strings.Cut(rest, m)
		if !ok || strings.Contains(before, "\uE000") {
			f = nil
			break
		}
		f.parts = append(f.parts, before)
		rest = after
	}
	if f != nil {
		if strings.Contains(rest, "\uE000") {
			f = nil
		} else {
			f.parts = append(f.parts, rest)
		}
	}
	s.frames.Store(key, f)
	return f, nil
}

// renderFramed writes page p into buf in its frame f, d being what its
// layout gets; the content written by main.
func (s *site) renderFramed(buf *bytes.Buffer, f *frame, p *page, d pageData, main func() error) error {
	w := htmlWriter{buf}
	parts := f.parts
	if d.Title != "" {
		w.raw(parts[0])
		w.text(d.Title)
		parts = parts[1:]
	}
	w.raw(parts[0])
	w.text(d.Description)
	w.raw(parts[1])
	if err := main(); err != nil {
		return fmt.Errorf("%s: %w", p.Path, err)
	}
	w.raw(parts[2])
	return nil
}
