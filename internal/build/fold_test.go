package build

import (
	"bytes"
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

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
