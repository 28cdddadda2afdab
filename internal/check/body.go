package check

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

var markdown = goldmark.New()

// hasContent reports whether a Markdown body says anything: text outside
// headings and HTML comments. A body that is still the template, headings
// and guidance only, says nothing.
func hasContent(body string) bool {
	if strings.TrimSpace(body) == "" {
		return false
	}
	src := []byte(body)
	doc := markdown.Parser().Parse(text.NewReader(src))
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if found {
			return ast.WalkStop, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading, *ast.HTMLBlock, *ast.RawHTML, *ast.ThematicBreak:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if len(strings.TrimSpace(string(n.Segment.Value(src)))) > 0 {
				found = true
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			if n.Lines().Len() > 0 {
				found = true
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}
