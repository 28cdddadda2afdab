package sitegen

import (
	"testing"

	theme "github.com/idebanken/idebanken/site"
)

// TestBuildLetsGoOfFiles: a build that keeps no views holds, once they are
// made, copies of the parsed files without their bodies and criteria, and
// leaves the caller's ideas as they were; once it has written the search
// index, open data and the feeds, its views hold no plain text. One that
// keeps views (serve) holds the files it was given, to compare the next
// build's with, and the views whole.
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
	texts := 0
	for i, idea := range kept.opts.Ideas {
		if idea != res.Ideas[i] {
			t.Fatalf("%s: a build that keeps views let go of the file", idea.Path)
		}
		if kept.byFile[idea].Text != "" {
			texts++
		}
	}
	if texts == 0 {
		t.Error("a build that keeps views let go of their texts")
	}
}
