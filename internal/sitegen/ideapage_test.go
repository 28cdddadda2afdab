package sitegen

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/model"
	theme "github.com/idebanken/idebanken/site"
)

// TestIdeaPageAsTheLayoutWritesIt: ideaMain writes every idea page as
// idea.html, run by html/template without folding, does, and writeRow
// every row of a list as "idea-row" does: every file of the site the same,
// byte for byte, for the shipped bank's ideas with the test fixtures
// (hostile text among them), for the example bank's process of its own,
// for a generated corpus, in both languages, with and without a history
// and a repository (the links to commits, the editor and the history).
func TestIdeaPageAsTheLayoutWritesIt(t *testing.T) {
	banks := banks(t)
	banks["generated"] = corpusResult(t, 600)
	// Duplicates, and links of a section of the bank's own, which the
	// files have too few of.
	var screened []*model.Idea
	for _, idea := range banks["generated"].Ideas {
		if idea.Screening != nil {
			screened = append(screened, idea)
		}
	}
	for i := 1; i < min(len(screened), 20); i++ {
		screened[i].Screening.DuplicateOf = screened[i%3].ID
	}
	for i, url := range []string{"https://example.se/verkstad?dag=1&tid=2+3", "javascript:alert(1)", "https://example.se/\"><script>"} {
		idea := banks["example"].Ideas[i]
		if idea.Sections == nil {
			idea.Sections = map[string]*model.Section{}
		}
		if idea.Sections["workshop"] == nil {
			idea.Sections["workshop"] = &model.Section{Values: map[string]model.Value{"summary": {Text: "Verkstad", Set: true}}}
		}
		idea.Sections["workshop"].Values["material"] = model.Value{Text: url, Set: true}
	}
	for name, res := range banks {
		for _, variant := range []struct {
			lang    model.Lang
			history bool
		}{{model.Swedish, true}, {model.English, true}, {model.Swedish, false}} {
			lang := variant.lang
			cfg := *res.Config
			cfg.Language = lang
			var hist *history.History
			if variant.history {
				cfg.Repository = "kommunen/idebanken"
				hist = &history.History{Steps: map[model.ID][]history.Step{}}
				for _, idea := range res.Ideas {
					hist.Steps[idea.ID] = []history.Step{{Commit: strings.Repeat("ab", 20), When: idea.Submitted.Time(), To: idea.Stage}}
				}
			}
			goPages, layoutPages := NewMemory(), NewMemory()
			for _, o := range []Options{
				{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: goPages, History: hist},
				{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: layoutPages, History: hist, noFold: true, noGoIdea: true},
			} {
				if err := Build(o); err != nil {
					t.Fatal(err)
				}
			}
			n := 0
			if len(goPages.Names()) != len(layoutPages.Names()) {
				t.Fatalf("%s (%s): %d files, through the layouts %d", name, lang, len(goPages.Names()), len(layoutPages.Names()))
			}
			for _, path := range layoutPages.Names() {
				x, ok := goPages.File(path)
				y, _ := layoutPages.File(path)
				if !ok || !bytes.Equal(x, y) {
					t.Errorf("%s (%s, %s): written by Go\n%s\nthrough the layouts\n%s", path, name, lang, firstDiff(x, y), firstDiff(y, x))
					if n++; n > 3 {
						break
					}
				}
			}
		}
	}
}

// firstDiff returns a's text around the first byte where it differs from
// b.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return string(a[max(i-200, 0):min(i+200, len(a))])
}

// TestIdeaPageOnlyForTheBuiltInLayouts: a theme with an idea.html of its
// own has it run as written.
func TestIdeaPageOnlyForTheBuiltInLayouts(t *testing.T) {
	res := fixture(t)
	own := ownTheme(t, map[string]string{"idea.html": `{{define "main"}}<p>own: {{.Data.Title}}</p>{{end}}`})
	out := NewMemory()
	if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: own, Out: out}); err != nil {
		t.Fatal(err)
	}
	v := res.Ideas[0]
	page, _ := out.File("idea/" + string(v.ID) + "/index.html")
	if want := "<p>own: " + template.HTMLEscapeString(v.Title) + "</p>"; !bytes.Contains(page, []byte(want)) || bytes.Contains(page, []byte(`class="crumbs"`)) {
		t.Errorf("an idea.html of the bank's own was not used:\n%s", page)
	}
}

// TestURLsEscapedAsTemplatesDo: htmlWriter's url and path write a value
// as html/template does where a quoted attribute's URL starts and within
// it.
func TestURLsEscapedAsTemplatesDo(t *testing.T) {
	for _, s := range []string{
		"https://github.com/kommunen/idebanken/edit/main/ideas/2026-001.md", "javascript:alert(1)", "JavaScript:x", "mailto:a@b.se",
		"http://x/?a=1&b=2+3#frag", "a b\"c'd<e>f\x00g", "%41%zz%4", "/a/b:c", "åäö €", "data:text/html,x", "x/y:z", "", "#", "a\tb\nc",
	} {
		for _, c := range []struct {
			layout string
			write  func(htmlWriter, string)
		}{
			{`<a href="{{.}}">`, htmlWriter.url},
			{`<a href="../idea/{{.}}/">`, htmlWriter.path},
			{`<p title="{{.}}">`, htmlWriter.text},
			{`<p>{{.}}</p>`, htmlWriter.text},
		} {
			var want, got bytes.Buffer
			if err := template.Must(template.New("").Parse(c.layout)).Execute(&want, s); err != nil {
				t.Fatal(err)
			}
			before, after, _ := strings.Cut(c.layout, "{{.}}")
			got.WriteString(before)
			c.write(htmlWriter{&got}, s)
			got.WriteString(after)
			if got.String() != want.String() {
				t.Errorf("%q in %s: %q, html/template %q", s, c.layout, got.String(), want.String())
			}
		}
	}
}
