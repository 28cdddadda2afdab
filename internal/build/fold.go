package build

import (
	"html"
	"html/template"
	"text/template/parse"
)

// foldTexts replaces every {{t "key"}} in the templates of set with the
// catalogue's text, escaped, as if the theme had been written in the site's
// language. A build renders some 10,000 pages, and html/template calls each
// action's function and its escapers through reflection on every page:
// folding the texts, which are the same on every page, takes about a third
// of those calls away.
//
// The escaped text is right in element content and in quoted attribute
// values, which is where the theme uses texts; TestFoldedTextsChangeNothing
// builds the site with and without folding and compares every file.
func foldTexts(set *template.Template, text func(key string) string) {
	for _, t := range set.Templates() {
		if t.Tree != nil {
			foldList(t.Tree.Root, text)
		}
	}
}

func foldList(list *parse.ListNode, text func(string) string) {
	if list == nil {
		return
	}
	for i, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if key, ok := constantText(n.Pipe); ok {
				list.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(html.EscapeString(text(key)))}
			}
		case *parse.IfNode:
			foldList(n.List, text)
			foldList(n.ElseList, text)
		case *parse.RangeNode:
			foldList(n.List, text)
			foldList(n.ElseList, text)
		case *parse.WithNode:
			foldList(n.List, text)
			foldList(n.ElseList, text)
		case *parse.ListNode:
			foldList(n, text)
		}
	}
}

// constantText reports whether pipe is {{t "key"}} and returns the key.
func constantText(pipe *parse.PipeNode) (string, bool) {
	if pipe == nil || len(pipe.Decl) > 0 || len(pipe.Cmds) != 1 {
		return "", false
	}
	args := pipe.Cmds[0].Args
	if len(args) != 2 {
		return "", false
	}
	fn, ok := args[0].(*parse.IdentifierNode)
	if !ok || fn.Ident != "t" {
		return "", false
	}
	key, ok := args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return key.Text, true
}
