package sitegen

import (
	"bytes"
	"testing"

	theme "github.com/idebanken/idebanken/site"
)

// TestFramesCutTheBase: with the built-in layouts every page is written in
// a frame cut from the base layout (TestIdeaPageAsTheLayoutWritesIt shows
// that the pages are those of the layouts); a site title that holds a mark
// of the frames leaves the base uncut, and its pages are the layout's
// still, the mark where the title stands.
func TestFramesCutTheBase(t *testing.T) {
	res := fixture(t)
	s, err := prepare(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.write(); err != nil {
		t.Fatal(err)
	}
	n := 0
	s.frames.Range(func(k, f any) bool {
		if f.(*frame) == nil {
			t.Errorf("no frame for %+v", k)
		}
		n++
		return true
	})
	if n < 5 {
		t.Errorf("%d frames; want one for each root and section of a page", n)
	}

	cfg := *res.Config
	cfg.Title = "Idéer " + markMain
	framed, layout := NewMemory(), NewMemory()
	for _, o := range []Options{
		{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: framed},
		{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: layout, noFold: true, noGoIdea: true},
	} {
		if err := Build(o); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range layout.Names() {
		x, _ := framed.File(path)
		y, _ := layout.File(path)
		if !bytes.Equal(x, y) {
			t.Fatalf("%s: a title with a mark in it\n%s\nthrough the layouts\n%s", path, firstDiff(x, y), firstDiff(y, x))
		}
	}
	home, _ := framed.File("index.html")
	if !bytes.Contains(home, []byte(markMain)) {
		t.Errorf("the site title is not on the home page:\n%s", home)
	}
}
