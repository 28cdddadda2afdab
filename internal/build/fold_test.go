package build

import (
	"bytes"
	"html/template"
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

// TestOnlyTheBuiltInThemeIsFolded: a theme of an idea bank's own may put a
// text where folding would be wrong, so it is rendered as written.
func TestOnlyTheBuiltInThemeIsFolded(t *testing.T) {
	own := fstest.MapFS{"layouts/base.html": {Data: []byte(`{{define "base"}}{{end}}`)}}
	for _, c := range []struct {
		opts Options
		want bool
	}{
		{Options{Theme: theme.FS}, true},
		{Options{Theme: theme.FS, noFold: true}, false},
		{Options{Theme: own}, false},
	} {
		if got := (&site{opts: c.opts}).folds(); got != c.want {
			t.Errorf("%T, noFold %v: folds %v, want %v", c.opts.Theme, c.opts.noFold, got, c.want)
		}
	}
}
