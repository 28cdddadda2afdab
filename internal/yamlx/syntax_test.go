package yamlx

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

var update = flag.Bool("update", false, "rewrite the sv and en sections of testdata/syntax")

// TestSyntaxCatalogue runs the catalogue of the YAML mistakes people make,
// testdata/syntax: each archive holds the YAML of an idea file's fields
// (in.yaml, after the file's first line ---) and what the check says about
// it in Swedish (sv) and English (en), one "line:col: message" a line.
// Every mistake gets one message, with its own line and its own fix.
func TestSyntaxCatalogue(t *testing.T) {
	files, err := filepath.Glob("testdata/syntax/*.txtar")
	if err != nil || len(files) < 10 {
		t.Fatalf("too few cases: %v %v", files, err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var src []byte
			for _, f := range ar.Files {
				if f.Name == "in.yaml" {
					src = f.Data
				}
			}
			var diags diag.List
			d := NewDecoder("ideas/2026/2026-001-x.md", 1, &diags)
			if root, ok := d.Parse(src); ok && root != nil {
				d.Map(root, "", []string{"id", "title", "kind", "unit", "submitter", "screening", "tags"}, func(string, *yaml.Node) {})
			}
			if diags.Len() != 1 {
				t.Errorf("%d messages, want one", diags.Len())
			}
			got := map[string]string{}
			for _, lang := range []model.Lang{model.Swedish, model.English} {
				var b strings.Builder
				for _, x := range diags.Items() {
					fmt.Fprintf(&b, "%d:%d: %s\n", x.Pos.Line, x.Pos.Col, i18n.Render(lang, x.Msg))
				}
				got[string(lang)] = b.String()
			}
			for i, f := range ar.Files {
				want, ok := got[f.Name]
				if !ok {
					continue
				}
				if *update {
					ar.Files[i].Data = []byte(want)
					continue
				}
				if string(f.Data) != want {
					t.Errorf("%s:\n got: %s\nwant: %s", f.Name, want, f.Data)
				}
				if want == "" || strings.Contains(want, "%!") {
					t.Errorf("%s: no message or a broken one: %q", f.Name, want)
				}
			}
			if *update {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
