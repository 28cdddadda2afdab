package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	return saysSomething(body) || parsedContent(body)
}

// saysSomething reports, without parsing, the common case of a body with
// a line of prose: a line that starts with a letter, indented less than a
// code block, is paragraph text in Markdown, unless it is part of a
// heading underlined with = or -, of a link definition or of HTML. When
// it returns false the body may still say something; parsedContent
// decides.
func saysSomething(body string) bool {
	if strings.IndexByte(body, '<') >= 0 {
		return false
	}
	if strings.Contains(body, "]:") {
		// Perhaps a link definition, whose lines are not text: its label
		// ends so, wherever it stands ("* [a]:" in a list, say), and its
		// address may be on the next line.
		return false
	}
	found := false
	for line := range strings.Lines(body) {
		line = strings.TrimRight(line, " \t\r\n")
		rest := strings.TrimLeft(line, " ")
		if rest == "" {
			continue
		}
		if strings.Trim(rest, "=") == "" || strings.Trim(rest, "-") == "" {
			return false // perhaps a heading's underline
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if len(line)-len(rest) < 4 && unicode.IsLetter(r) {
			found = true
		}
	}
	return found
}

// parsedContent is hasContent by parsing the body.
func parsedContent(body string) bool {
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
