package diag

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

// TestWriteMarkdown: a file name may hold backticks, line breaks and what
// looks like markup; in the Markdown list each diagnostic stays one item
// whose location is one code span.
func TestWriteMarkdown(t *testing.T) {
	hostile := "ideas/2026/2026-001-`@mallory`\n~~~~~~~~\n<img src=x onerror=alert(1)>\n- [x](javascript:alert(1)).md"
	var out bytes.Buffer
	err := Write(&out, FormatMarkdown, model.Swedish, []Diagnostic{
		{Path: hostile, Pos: Pos{Line: 3, Col: 2}, Severity: Error, Rule: RulePersonalData, Msg: i18n.M("lint.pnr", "title")},
		{Path: "ideas/2026/2026-002-x.md", Severity: Warning, Rule: RulePersonalData, Msg: i18n.M("lint.email", "title")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != 2 {
		t.Fatalf("%d lines, want 2:\n%s", n, out.String())
	}
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(out.Bytes(), &html); err != nil {
		t.Fatal(err)
	}
	got := html.String()
	if strings.Count(got, "<li>") != 2 || strings.Count(got, "<code>") != 4 || strings.Contains(got, "<img") || strings.Contains(got, "<a ") ||
		strings.Contains(got, "<pre") {
		t.Errorf("the list renders as\n%s", got)
	}
	if !strings.Contains(got, "<li><code>ideas/2026/2026-001-`@mallory` ~~~~~~~~ &lt;img src=x onerror=alert(1)&gt; - [x](javascript:alert(1)).md:3:2</code> <strong>error</strong>") {
		t.Errorf("the first item:\n%s", got)
	}
}
