package sitegen

import (
	"bytes"
	"testing"

	theme "github.com/idebanken/idebanken/site"
)

// TestBuildLetsGoOfFiles: a build that keeps no views holds, once they are
// made, copies of the parsed files without their bodies and criteria, and
// leaves the caller's ideas as they were; once it has written the search
// index, open data and the feeds, its views hold no plain text, and once
// it has written an idea's page, its view holds no body. One that keeps
// views (serve) holds the files it was given, to compare the next build's
// with, and the views whole.
func TestBuildLetsGoOfFiles(t *testing.T) {
	res := fixture(t)
	bodies, criteria := 0, 0
	for _, idea := range res.Ideas {
		if idea.Body != "" {
			bodies++
		}
		if idea.Screening != nil && len(idea.Screening.Criteria) > 0 {
			criteria++
		}
	}
	if bodies == 0 || criteria == 0 {
		t.Fatalf("fixture: %d bodies, %d assessments with criteria: nothing to let go of", bodies, criteria)
	}
	s, err := prepare(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	for i, idea := range s.opts.Ideas {
		orig := res.Ideas[i]
		if idea == orig {
			t.Fatalf("%s: the build holds the parsed file", orig.Path)
		}
		if idea.Body != "" || idea.Tags != nil || (idea.Screening != nil && idea.Screening.Criteria != nil) {
			t.Errorf("%s: the copy holds the body, tags or criteria", orig.Path)
		}
		if idea.ID != orig.ID || len(idea.Related) != len(orig.Related) {
			t.Errorf("%s: the copy lacks the id or the links", orig.Path)
		}
		if v := s.byID[string(idea.ID)]; v != nil && (s.byFile[idea] != v || v.src != idea) {
			t.Errorf("%s: the view is not the copy's", orig.Path)
		}
		if v := s.byFile[idea]; v.Text != "" {
			t.Errorf("%s: the view holds its text once open data is written", orig.Path)
		}
	}
	if err := s.write(); err != nil {
		t.Fatal(err)
	}
	for _, v := range s.ideas {
		if v.Body != "" {
			t.Errorf("%s: the view holds its body once its page is written", v.ID)
		}
	}
	after := 0
	for _, idea := range res.Ideas {
		if idea.Body != "" {
			after++
		}
	}
	if after != bodies {
		t.Errorf("the caller's ideas: %d bodies, were %d", after, bodies)
	}

	kept, err := prepare(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: NewMemory(), Views: NewViewCache()})
	if err != nil {
		t.Fatal(err)
	}
	if err := kept.write(); err != nil {
		t.Fatal(err)
	}
	texts, bodies := 0, 0
	for i, idea := range kept.opts.Ideas {
		if idea != res.Ideas[i] {
			t.Fatalf("%s: a build that keeps views let go of the file", idea.Path)
		}
		if v := kept.byFile[idea]; v.Text != "" {
			texts++
		}
		if v := kept.byFile[idea]; v.Body != "" {
			bodies++
		}
	}
	if texts == 0 || bodies == 0 {
		t.Errorf("a build that keeps views let go of their texts or bodies: %d texts, %d bodies", texts, bodies)
	}
}

// TestSiteWithoutViewsKeepsBodies: a Site renders a page whenever it is
// asked for one it has not kept, perhaps twice, so even without views it
// keeps what an idea page prints: the page rendered again is the same.
func TestSiteWithoutViewsKeepsBodies(t *testing.T) {
	res := fixture(t)
	x, err := Prepare(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for i := range x.s.pages {
		p := &x.s.pages[i]
		if p.Layout != "idea" {
			continue
		}
		var first []byte
		for range 2 {
			if err := x.s.renderPage(p); err != nil {
				t.Fatal(err)
			}
			b, _ := x.cached(p.Path)
			if first == nil {
				first = b
			} else if !bytes.Equal(first, b) {
				t.Fatalf("%s: rendered again, the page differs", p.Path)
			}
		}
		pages++
	}
	if pages == 0 {
		t.Fatal("no idea pages")
	}
}
