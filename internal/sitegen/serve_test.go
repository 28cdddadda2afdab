package sitegen

import (
	"bytes"
	"testing"

	"github.com/idebanken/idebanken/internal/model"
	theme "github.com/idebanken/idebanken/site"
)

// TestPreparedSite: a Site rendered page by page on request, with views
// kept from the build before an edit, gives every file that Build gives
// after the edit, byte for byte, and no other.
func TestPreparedSite(t *testing.T) {
	res := corpusResult(t, 400)
	views := NewViewCache()
	check := func(step string, ideas []*model.Idea) {
		t.Helper()
		want := NewMemory()
		if err := Build(Options{Config: res.Config, Ideas: ideas, Theme: theme.FS, Out: want}); err != nil {
			t.Fatal(err)
		}
		x, err := Prepare(Options{Config: res.Config, Ideas: ideas, Theme: theme.FS, Views: views})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range want.Names() {
			w, _ := want.File(name)
			got, ok, err := x.File(name)
			if err != nil || !ok || !bytes.Equal(got, w) {
				t.Errorf("%s: %s differs from the build's (%v, %v)", step, name, ok, err)
			}
		}
		if _, ok, _ := x.File("idea/2099-001/index.html"); ok {
			t.Errorf("%s: a page that the build does not make", step)
		}
	}
	check("first", res.Ideas)
	// An edit: one idea anew, with the title of another's related idea.
	ideas := append([]*model.Idea(nil), res.Ideas...)
	edited := *ideas[3]
	edited.Title = "En ny rubrik"
	ideas[3] = &edited
	check("an idea edited", ideas)
	check("an idea gone", ideas[1:])
}
