package sitegen

import (
	"testing"

	theme "github.com/idebanken/idebanken/site"
)

// BenchmarkIdeaPage renders the page of one idea at the last stage, with
// every section: the page a build renders 10,000 times.
func BenchmarkIdeaPage(b *testing.B) {
	res := corpusResult(b, 200)
	s := &site{opts: Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: NewMemory()}, cfg: res.Config, lang: res.Config.Language, byID: map[string]*Idea{}}
	if err := s.views(); err != nil {
		b.Fatal(err)
	}
	if err := s.templates(); err != nil {
		b.Fatal(err)
	}
	var v *Idea
	for _, x := range s.ideas {
		if x.Outcome != nil {
			v = x
			break
		}
	}
	if v == nil {
		b.Fatal("no evaluated idea in the corpus")
	}
	p := page{Path: "idea/" + v.ID + "/index.html", Layout: "idea", Section: "ideas", Title: v.Title, Data: v}
	b.ReportAllocs()
	for b.Loop() {
		if err := s.renderPage(&p); err != nil {
			b.Fatal(err)
		}
	}
}
