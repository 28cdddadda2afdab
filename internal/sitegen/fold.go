package sitegen

import (
	"html/template"
	"regexp"
	"strings"
	"text/template/parse"
)

// A build renders some 10,000 pages, and html/template calls each action's
// function and escapers through reflection on every one of them. Much of
// what the actions print is the same on every page of a build: the
// catalogue's texts, and a page's way back to the site root, which is the
// same for all pages at one depth. Folding replaces those actions with
// their text before the templates are first run, as if the theme had been
// written for this site, this language and this depth, and takes about
// half of the calls away.
//
// The folded text is escaped as html/template escapes element content and
// quoted attribute values, where the theme uses texts; a root is folded
// only when it is made of characters that no escaper changes.
// TestFoldingChangesNothing builds the site with and without folding and
// compares every file; only the built-in theme, which that test covers, is
// folded (see site.folds).

// folder returns the text of a constant action, and whether pipe is one.
type folder func(pipe *parse.PipeNode) (string, bool)

// fold replaces the constant actions of every template of set.
func fold(set *template.Template, f folder) {
	for _, t := range set.Templates() {
		if t.Tree != nil {
			foldList(t.Tree.Root, f)
		}
	}
}

func foldList(list *parse.ListNode, f folder) {
	if list == nil {
		return
	}
	for i, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := f(n.Pipe); ok {
				list.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(text)}
			}
		case *parse.IfNode:
			foldList(n.List, f)
			foldList(n.ElseList, f)
		case *parse.RangeNode:
			foldList(n.List, f)
			foldList(n.ElseList, f)
		case *parse.WithNode:
			foldList(n.List, f)
			foldList(n.ElseList, f)
		case *parse.ListNode:
			foldList(n, f)
		}
	}
}

// call returns the arguments of pipe when it is a lone call of the
// function name: {{name arg…}}.
func call(pipe *parse.PipeNode, name string) ([]parse.Node, bool) {
	if pipe == nil || len(pipe.Decl) > 0 || len(pipe.Cmds) != 1 {
		return nil, false
	}
	args := pipe.Cmds[0].Args
	if fn, ok := args[0].(*parse.IdentifierNode); !ok || fn.Ident != name {
		return nil, false
	}
	return args[1:], true
}

// texts folds {{t "key"}}.
func texts(text func(key string) string) folder {
	return func(pipe *parse.PipeNode) (string, bool) {
		args, ok := call(pipe, "t")
		if !ok || len(args) != 1 {
			return "", false
		}
		key, ok := args[0].(*parse.StringNode)
		if !ok {
			return "", false
		}
		return htmlText.Replace(text(key.Text)), true
	}
}

// htmlText escapes a text as html/template does in element content and in
// quoted attribute values.
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "'", "&#39;", "&", "&amp;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// plainRoot matches the roots that read the same escaped in text, in
// attribute values and at the start of a URL: "./", "../../",
// "/idebanken/".
var plainRoot = regexp.MustCompile(`^[A-Za-z0-9._~/-]*$`)

// rootMark stands for the root in parts of pages made once for pages of
// any depth (see site.rows), to be replaced by the page's root. It is a NUL
// byte, which no escaper lets through from a string (they print U+FFFD,
// %00 or an escape), so in a row, which prints only strings, it can only
// have come from a folded root. (Values typed as safe, such as
// template.HTML, pass through as they are; a row holds none.)
const rootMark = "\x00"

// rootOf folds {{root}} for pages whose root is root.
func rootOf(root string) folder {
	return func(pipe *parse.PipeNode) (string, bool) {
		args, ok := call(pipe, "root")
		return root, ok && len(args) == 0 && (plainRoot.MatchString(root) || root == rootMark)
	}
}

// chromeOf folds {{chrome "name" .}}, the parts of a page that depend only
// on its root and section (see site.chrome), for pages of one root and
// section. A part that fails to render is left to fail when the page runs.
func chromeOf(render func(name string) (template.HTML, error)) folder {
	return func(pipe *parse.PipeNode) (string, bool) {
		args, ok := call(pipe, "chrome")
		if !ok || len(args) != 2 {
			return "", false
		}
		name, ok := args[0].(*parse.StringNode)
		if _, dot := args[1].(*parse.DotNode); !ok || !dot {
			return "", false
		}
		h, err := render(name.Text)
		return string(h), err == nil
	}
}
