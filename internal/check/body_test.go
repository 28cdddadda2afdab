package check

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
)

// bodies returns the bodies of the shipped ideas and templates, of a
// generated corpus, and some made to trip the shortcut.
func bodies(tb testing.TB) []string {
	tb.Helper()
	out := []string{
		"Title\n=====\n", "Title\n-----\n", "a\nb\n---\n", "<!-- a -->\n", "<div>\nText\n</div>\n",
		"    code\n", "1.\n", "- \n", "[a]: /url\n", "> quote\n", "\tTab\n", "## Heading\n\n<!-- fyll i -->\n",
		"Text\n", "## Nuläge\n\nÄr det så.\n", "# x\n***\n", "\u00a0x\n", "a\r\n===\r\n",
		"[a]:\nhttp://x.se\n", "[foo]: /url\n'title\nline'\n", "[foo\nbar]: /url\n", "   [a]:\n  b\n",
	}
	files, _ := filepath.Glob("../../ideas/*/*.md")
	templates, _ := filepath.Glob("../../templates/*.md")
	for _, name := range append(files, templates...) {
		if data, err := os.ReadFile(name); err == nil {
			if doc, ok := ideafile.Split(name, data, &diag.List{}); ok {
				out = append(out, string(doc.Body))
			}
		}
	}
	for _, f := range corpus.Generate(500, 3) {
		if doc, ok := ideafile.Split(f.Path, f.Data, &diag.List{}); ok {
			out = append(out, string(doc.Body))
		}
	}
	return out
}

// TestSaysSomething: the shortcut never says a body has content that the
// parse says it lacks, and it answers for the generated corpus, whose
// bodies are prose, so the check does not parse them all.
func TestSaysSomething(t *testing.T) {
	quick := 0
	for _, b := range bodies(t) {
		if saysSomething(b) {
			quick++
			if !parsedContent(b) {
				t.Errorf("the shortcut says %q has content; the parse says not", b)
			}
		}
	}
	if quick < 500 {
		t.Errorf("the shortcut answered for %d bodies, want at least the 500 generated", quick)
	}
}

func FuzzSaysSomething(f *testing.F) {
	for _, b := range bodies(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b string) {
		if saysSomething(b) && !parsedContent(b) {
			t.Fatalf("the shortcut says %q has content; the parse says not", b)
		}
	})
}
