// Package render turns the Markdown of an idea into HTML that is safe to
// publish: GitHub-flavoured Markdown without raw HTML, links only to web
// pages, nothing loaded from other hosts, and no e-mail addresses.
package render

import (
	"bufio"
	"bytes"
	"html/template"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/idebanken/idebanken/internal/personal"
)

// Renderer renders idea bodies. It is safe for use by many goroutines.
type Renderer struct {
	md            goldmark.Markdown
	headingOffset int
}

// New returns a Renderer for idea texts, whose headings go one level
// below the page's own (# becomes h2). Raw HTML in the Markdown is left out
// (goldmark renders it only when told to be unsafe, and this never does).
func New() *Renderer { return newRenderer(1) }

// NewDocument returns a Renderer for a whole document, such as a report,
// whose # heading is the page's h1.
func NewDocument() *Renderer { return newRenderer(0) }

func newRenderer(headingOffset int) *Renderer {
	md := goldmark.New(
		// Cell alignment as an attribute, not a style: the site's Content
		// Security Policy allows no inline styles.
		goldmark.WithExtensions(extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough, extension.TaskList, extension.Linkify),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(safety{headingOffset}, 0))),
	)
	return &Renderer{md: md, headingOffset: headingOffset}
}

// HTML renders src. The result never holds a script, an element that loads
// from another host, a link other than http(s) or relative, or an e-mail
// address.
func (r *Renderer) HTML(src string) (string, error) {
	if h, _, ok := simpleHTMLAndText(src, r.headingOffset); ok {
		return h, nil // within Limits
	}
	if len(Limits(src)) > 0 {
		h, _ := unrendered(src)
		return h, nil
	}
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	// The AST pass has removed addresses from text and links; this catches
	// any left in places it does not walk, such as code blocks.
	return personal.MaskEmails(buf.String()), nil
}

// SafeURL reports whether a link may be published: a web page, or a path or
// fragment on the site itself.
func SafeURL(u string) bool {
	u = strings.TrimSpace(u)
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return true // no scheme: relative
	}
	scheme := strings.ToLower(u[:i])
	return scheme == "http" || scheme == "https"
}

// safety rewrites the document before it is rendered.
type safety struct {
	headingOffset int
}

func (sf safety) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var replace []func()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			// An idea's page has its own h1: the idea's headings go below.
			n.Level = min(n.Level+sf.headingOffset, 6)
		case *ast.Link:
			if !SafeURL(string(n.Destination)) || isMail(n.Destination) {
				replace = append(replace, func() { unwrap(n) })
			}
		case *ast.Image:
			dest := string(n.Destination)
			replace = append(replace, func() { imageToLink(n, dest) })
		case *ast.AutoLink:
			url := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail || !SafeURL(url) || isMail([]byte(url)) {
				replace = append(replace, func() { n.Parent().ReplaceChild(n.Parent(), n, ast.NewString([]byte(personal.MaskEmails(url)))) })
			}
		case *ast.CodeSpan:
			// goldmark needs a code span's children to stay Text nodes;
			// the pass over the HTML masks addresses in them.
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if seg := string(n.Segment.Value(src)); personal.HasEmail(seg) {
				masked := personal.MaskEmails(seg)
				replace = append(replace, func() {
					s := ast.NewString([]byte(masked))
					n.Parent().ReplaceChild(n.Parent(), n, s)
				})
			}
		}
		return ast.WalkContinue, nil
	})
	// Changing the tree while walking it would skip nodes.
	for _, f := range replace {
		f()
	}
}

func isMail(dest []byte) bool {
	return bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(dest)), []byte("mailto:"))
}

// unwrap replaces a link with its text.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// imageToLink replaces an image with a link to it, so that a page never
// loads an image from another host, or with its text where the address is
// not a web page.
func imageToLink(img *ast.Image, dest string) {
	parent := img.Parent()
	if !SafeURL(dest) {
		unwrap(img)
		return
	}
	link := ast.NewLink()
	link.Destination = []byte(dest)
	for c := img.FirstChild(); c != nil; {
		next := c.NextSibling()
		link.AppendChild(link, c)
		c = next
	}
	if link.ChildCount() == 0 {
		link.AppendChild(link, ast.NewString([]byte(dest)))
	}
	parent.ReplaceChild(parent, img, link)
}

// PlainText returns the words of a Markdown text without its markup, for
// search and summaries, e-mail addresses masked.
func (r *Renderer) PlainText(src string) string {
	if _, plain, ok := simpleHTMLAndText(src, r.headingOffset); ok {
		return plain // within Limits
	}
	if len(Limits(src)) > 0 {
		_, plain := unrendered(src)
		return plain
	}
	source := []byte(src)
	return plainText(r.md.Parser().Parse(text.NewReader(source)), source)
}

// HTMLAndText returns what HTML and PlainText return for src, from one
// parse: the site needs both of every idea.
func (r *Renderer) HTMLAndText(src string) (html, plain string, err error) {
	if html, plain, ok := simpleHTMLAndText(src, r.headingOffset); ok {
		return html, plain, nil // within Limits
	}
	if len(Limits(src)) > 0 {
		html, plain = unrendered(src)
		return html, plain, nil
	}
	return r.markdown(src)
}

// markdown is HTMLAndText for a text that is not simple, through goldmark.
func (r *Renderer) markdown(src string) (html, plain string, err error) {
	source := []byte(src)
	doc := r.md.Parser().Parse(text.NewReader(source))
	out := outputs.Get().(*output)
	defer outputs.Put(out)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	if err := r.md.Renderer().Render(out.w, source, doc); err != nil {
		return "", "", err
	}
	if err := out.w.Flush(); err != nil {
		return "", "", err
	}
	return personal.MaskEmails(out.buf.String()), plainText(doc, source), nil
}

// unrendered returns src as text, not Markdown: for a text past the bounds
// of Limits, which the check refuses, so that a build of a bank with such a
// file still takes time in proportion to its size.
func unrendered(src string) (html, plain string) {
	masked := personal.MaskEmails(src)
	var w words
	w.write([]byte(masked))
	return "<pre>" + template.HTMLEscapeString(masked) + "</pre>\n", w.String()
}

// output is where HTMLAndText renders to. goldmark writes through a
// bufio.Writer, and makes a new one of 4 KB for each text unless given
// one: 40 MB for a bank of 10,000 ideas.
type output struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var outputs = sync.Pool{New: func() any {
	o := &output{}
	o.w = bufio.NewWriter(&o.buf)
	return o
}}

func plainText(doc ast.Node, source []byte) string {
	var b words
	b.Grow(len(source))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.space()
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.write(n.Segment.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.space()
			}
		case *ast.String:
			b.write(n.Value)
		case *ast.AutoLink:
			b.write(n.Label(source))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.write(seg.Value(source))
			}
		}
		return ast.WalkContinue, nil
	})
	return personal.MaskEmails(fitted(&b.Builder))
}

// fitted returns what b holds, in memory of its own size where b has
// more than an eighth of it to spare: a site keeps each idea's HTML and
// text to the end of its build with the room their builders had, and an
// HTML that outgrew its first guess (one in six of 10,000 generated
// ideas) had room for twice its size. Of the 9.95 MB the HTML and texts
// of those ideas took, 0.43 MB.
func fitted(b *strings.Builder) string {
	if s := b.String(); b.Cap()-len(s) <= len(s)/8 {
		return s
	}
	return strings.Clone(b.String())
}

// words collects text as strings.Fields and a join with single spaces
// would give it: each run of white space one space, none at either end.
// Writing it so, rather than collecting the text and then splitting it,
// is a fifth of the Markdown work of a build.
type words struct {
	strings.Builder
	pending bool // white space since the last word
}

// space adds white space.
func (w *words) space() { w.pending = true }

// write adds text.
func (w *words) write(p []byte) {
	for len(p) > 0 {
		r, size := rune(p[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(p)
		}
		if unicode.IsSpace(r) {
			w.pending = true
		} else {
			if w.pending && w.Len() > 0 {
				w.WriteByte(' ')
			}
			w.pending = false
			w.Write(p[:size])
		}
		p = p[size:]
	}
}
