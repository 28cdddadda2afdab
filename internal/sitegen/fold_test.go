package sitegen

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/model"
	theme "github.com/idebanken/idebanken/site"
)

// TestFoldedTextIsEscapedAsTemplatesDo: a folded text reads as
// html/template would have printed it, in element content and in a quoted
// attribute value.
func TestFoldedTextIsEscapedAsTemplatesDo(t *testing.T) {
	for _, text := range []string{"Tom & Jerry's + \"more\" <b>", "a\x00b", "Å ä ö – …", ""} {
		for _, layout := range []string{`<p>{{.}}</p>`, `<p title="{{.}}">x</p>`, `<p title='{{.}}'>x</p>`} {
			var want bytes.Buffer
			if err := template.Must(template.New("").Parse(layout)).Execute(&want, text); err != nil {
				t.Fatal(err)
			}
			got := strings.Replace(layout, "{{.}}", htmlText.Replace(text), 1)
			if got != want.String() {
				t.Errorf("%q in %s: folded %q, html/template %q", text, layout, got, want.String())
			}
		}
	}
}

// TestOnlyTheBuiltInLayoutsAreFolded: layouts of an idea bank's own may
// put a text where folding would be wrong, so they are rendered as
// written; a copy of the built-in ones, with a style sheet of its own, is
// folded.
func TestOnlyTheBuiltInLayoutsAreFolded(t *testing.T) {
	copied, own := fstest.MapFS{}, fstest.MapFS{}
	err := fs.WalkDir(theme.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme.FS, p)
		copied[p] = &fstest.MapFile{Data: data}
		own[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	copied["assets/style.css"] = &fstest.MapFile{Data: []byte("body { color: black }")}
	own["layouts/idea.html"] = &fstest.MapFile{Data: append([]byte("<!-- own -->"), own["layouts/idea.html"].Data...)}
	res := fixture(t)
	for _, c := range []struct {
		name string
		opts Options
		want bool
	}{
		{"built-in", Options{Theme: theme.FS}, true},
		{"built-in, noFold", Options{Theme: theme.FS, noFold: true}, false},
		{"a copy with its own style sheet", Options{Theme: copied}, true},
		{"a layout of its own", Options{Theme: own}, false},
	} {
		c.opts.Config, c.opts.Ideas, c.opts.Out = res.Config, res.Ideas, NewMemory()
		s := &site{opts: c.opts, cfg: res.Config, lang: res.Config.Language, byID: map[string]*Idea{}}
		if err := s.templates(); err != nil {
			t.Fatal(err)
		}
		if got := s.folds(); got != c.want {
			t.Errorf("%s: folds %v, want %v", c.name, got, c.want)
		}
	}
}

// ownTheme returns the built-in theme with the layouts in layouts put in
// or over it.
func ownTheme(t *testing.T, layouts map[string]string) fstest.MapFS {
	t.Helper()
	own := fstest.MapFS{}
	err := fs.WalkDir(theme.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme.FS, p)
		own[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range layouts {
		own["layouts/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return own
}

// TestRowsInAPage: the rows of a table reach the page whole, with the
// page's root, however often and wherever in the text of a page a layout
// prints them; printed in an attribute, the layout escapes them to text.
func TestRowsInAPage(t *testing.T) {
	res := fixture(t)
	build := func(list string) (*Memory, error) {
		out := NewMemory()
		theme := ownTheme(t, map[string]string{"list.html": list})
		err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme, Out: out})
		return out, err
	}
	out, err := build(`{{define "main"}}<table>{{rows root .Data.Ideas}}</table><p>between</p><table>{{rows root .Data.Ideas}}</table>{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := out.File("stages/submitted/index.html")
	tables := regexp.MustCompile(`(?s)<table>(.*?)</table>`).FindAllSubmatch(page, -1)
	if len(tables) != 2 || !bytes.Equal(tables[0][1], tables[1][1]) {
		t.Fatalf("the page does not have the same table twice:\n%s", page)
	}
	var want []string
	var submitted model.ID // an idea on the page
	for _, idea := range res.Ideas {
		if idea.Stage == "submitted" {
			submitted = idea.ID
			want = append(want, fmt.Sprintf(`<a href="../../idea/%s/">`, idea.ID))
		}
	}
	got := regexp.MustCompile(`<a href="[^"]*">`).FindAllString(string(tables[0][1]), -1)
	slices.Sort(got)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("the table links\n%s\nwant\n%s", got, want)
	}
	if bytes.IndexByte(page, 0) >= 0 {
		t.Errorf("a NUL byte is left in the page:\n%q", page)
	}

	out, err = build(`{{define "main"}}<p title="{{rows root .Data.Ideas}}"></p>{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	page, _ = out.File("stages/submitted/index.html")
	title := regexp.MustCompile(`(?s)<p title="([^"]*)"></p>`).FindSubmatch(page)
	if title == nil || bytes.ContainsAny(title[1], "<>") || !bytes.Contains(title[1], []byte(submitted)) {
		t.Errorf("rows in an attribute: want the rows' text, escaped, in the attribute:\n%s", page)
	}

	// No rows print as nothing, so that a layout can test them: a unit
	// without ideas has an empty list.
	cfg := *res.Config
	cfg.Units = append(slices.Clone(cfg.Units), model.Unit{ID: "tom", Name: "Enheten utan idéer"})
	res = &check.Result{Config: &cfg, Ideas: res.Ideas}
	out, err = build(`{{define "main"}}{{$r := rows root .Data.Ideas}}{{if $r}}<table>{{$r}}</table>{{else}}<p>none</p>{{end}}{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	if page, _ := out.File("units/tom/index.html"); !bytes.Contains(page, []byte("<p>none</p>")) {
		t.Errorf("an empty list: no rows should test false:\n%s", page)
	}
}
