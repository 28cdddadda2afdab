// Package edit changes idea files in place, surgically: it works on the
// file's bytes, at the positions yaml.Node gives, and changes only what it
// must. A scalar is replaced where it stands, a key is added after the last
// key of its mapping, a new section is added before the closing "---".
// Everything else, comments, key order, quoting, indentation, blank lines,
// CRLF line endings, a byte-order mark and the Markdown body, stays byte for
// byte as it was. The document is never encoded anew as a whole; each value
// written goes through the YAML encoder on its own.
//
// Where a value is written in a form that cannot be changed safely in place
// (a block scalar, a plain text over several lines, a tag or an anchor),
// the edit stops with an error that names the field, and the file is left
// as it was.
package edit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// ErrorKind says why a file could not be edited.
type ErrorKind int

// The kinds of Error.
const (
	// NoFrontMatter: the file does not start with a "---" line, or the
	// front matter is never closed.
	NoFrontMatter ErrorKind = iota + 1
	// Syntax: the front matter is not valid YAML.
	Syntax
	// NotMapping: the front matter is not a mapping of fields.
	NotMapping
	// Unsupported: the field at Path is written in a form that cannot be
	// changed in place safely.
	Unsupported
	// Shape: the field at Path holds a text or a list where a group of
	// fields belongs, or the other way round.
	Shape
	// WrongStage: the file's stage is not the one the change starts from.
	WrongStage
)

// Error is why an edit could not be made. The file is then left unchanged.
type Error struct {
	Kind   ErrorKind
	Path   string // the dotted path of the field concerned, if any
	Detail string // for Syntax, the parser's message; for WrongStage, the stage found
	// For Syntax, the line of the file and what is wrong on it.
	Line   int
	Syntax i18n.Message
}

func (e *Error) Error() string {
	switch e.Kind {
	case NoFrontMatter:
		return "no front matter between --- lines"
	case Syntax:
		return "the front matter is not valid YAML: " + e.Detail
	case NotMapping:
		return "the front matter is not a mapping"
	case Unsupported:
		return fmt.Sprintf("%s is written in a form that cannot be changed in place", e.Path)
	case Shape:
		return fmt.Sprintf("%s does not hold what it should", e.Path)
	case WrongStage:
		return fmt.Sprintf("the idea is at the stage %q", e.Detail)
	}
	return "cannot edit"
}

// Message is the error in the user's terms.
func (e *Error) Message() i18n.Message {
	switch e.Kind {
	case NoFrontMatter:
		return i18n.M("file.no-front-matter")
	case Syntax:
		return i18n.M("cli.edit-syntax", e.Line, e.Syntax)
	case NotMapping:
		return i18n.M("file.not-mapping")
	case Unsupported:
		return i18n.M("cli.advance-cannot-edit", e.Path, i18n.Key("cli.advance-why-form"))
	case Shape:
		return i18n.M("cli.advance-cannot-edit", e.Path, i18n.Key("cli.advance-why-shape"))
	case WrongStage:
		return i18n.M("cli.edit-wrong-stage", e.Detail)
	}
	return i18n.M("cli.edit-other")
}

func unsupported(path []string) error {
	return &Error{Kind: Unsupported, Path: strings.Join(path, ".")}
}

// Doc is an idea file opened for editing.
type Doc struct {
	src []byte
	fm0 int // the offset of the front matter's first byte
	fm1 int // the offset of the closing "---" line
	// lines[i] is the offset of the start of line i+1 of the front matter;
	// the last entry is fm1, the start of the line after the last.
	lines []int
	root  *yaml.Node
	eol   string // the file's line ending: "\n" or "\r\n"
	step  int    // the file's indentation step
}

// Open reads data as an idea file.
func Open(data []byte) (*Doc, error) {
	d := &Doc{src: data}
	if err := d.parse(); err != nil {
		return nil, err
	}
	return d, nil
}

// Bytes returns the file as edited so far.
func (d *Doc) Bytes() []byte { return d.src }

// parse finds the front matter in d.src and parses it.
func (d *Doc) parse() error {
	src := d.src
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
	}
	nl := bytes.IndexByte(src[start:], '\n')
	if nl < 0 || !isFence(src[start:start+nl]) {
		return &Error{Kind: NoFrontMatter}
	}
	d.eol = "\n"
	if nl > 0 && src[start+nl-1] == '\r' {
		d.eol = "\r\n"
	}
	d.fm0 = start + nl + 1
	d.lines = d.lines[:0]
	d.fm1 = -1
	for off := d.fm0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		if isFence(src[off : off+end]) {
			d.fm1 = off
			break
		}
		d.lines = append(d.lines, off)
		off += end + 1
	}
	if d.fm1 < 0 {
		return &Error{Kind: NoFrontMatter}
	}
	d.lines = append(d.lines, d.fm1)
	fm := src[d.fm0:d.fm1]
	// A carriage return alone is a line break to YAML but not to the
	// positions counted here: such a file is left alone.
	for i := bytes.IndexByte(fm, '\r'); i >= 0; i = nextCR(fm, i) {
		if i+1 >= len(fm) || fm[i+1] != '\n' {
			return &Error{Kind: Unsupported, Path: ""}
		}
	}
	doc, err := parseYAML(bytes.ReplaceAll(fm, []byte("\r\n"), []byte("\n")))
	if err != nil {
		syn := yamlx.SyntaxOf(fm, err)
		return &Error{Kind: Syntax, Detail: i18n.Render(model.English, syn.Msg), Line: syn.Line + 1, Syntax: syn.Msg}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return &Error{Kind: NotMapping}
	}
	d.root = doc.Content[0]
	if d.step = indentStep(d.root); d.step == 0 {
		d.step = 2
	}
	return nil
}

// parseYAML parses src as YAML; whatever the parser does with it ends as
// an error, not a crash.
func parseYAML(src []byte) (doc yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	err = yaml.Unmarshal(src, &doc)
	return doc, err
}

func nextCR(b []byte, i int) int {
	j := bytes.IndexByte(b[i+1:], '\r')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// isFence reports whether line is "---", perhaps with trailing blanks, as
// ideafile.Split takes it.
func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == "---"
}

// indentStep returns how far the file indents a nested block mapping under
// its key, the first one found, or 0.
func indentStep(n *yaml.Node) int {
	if n.Kind != yaml.MappingNode {
		return 0
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
			if s := v.Content[0].Column - k.Column; s > 0 {
				return s
			}
		}
		if s := indentStep(v); s > 0 {
			return s
		}
	}
	return 0
}

// nlines returns the number of lines of the front matter.
func (d *Doc) nlines() int { return len(d.lines) - 1 }

// line returns line l (1-based) of the front matter without its line end.
func (d *Doc) line(l int) []byte {
	return bytes.TrimRight(d.src[d.lines[l-1]:d.lines[l]], "\r\n")
}

// offset returns the byte offset in d.src of the line and column yaml
// reports (columns count characters).
func (d *Doc) offset(line, col int) (int, bool) {
	if line < 1 || line > d.nlines() || col < 1 {
		return 0, false
	}
	p, end := d.lines[line-1], d.lines[line]
	for i := 1; i < col; i++ {
		if p >= end {
			return 0, false
		}
		_, size := utf8.DecodeRune(d.src[p:end])
		p += size
	}
	return p, true
}

// start returns the offset of n's first character.
func (d *Doc) start(n *yaml.Node, path []string) (int, error) {
	p, ok := d.offset(n.Line, n.Column)
	if !ok {
		return 0, unsupported(path)
	}
	return p, nil
}

// scalarEnd returns the offset just after the scalar n, which starts at
// start. It refuses what it cannot delimit with certainty.
func (d *Doc) scalarEnd(n *yaml.Node, start int, path []string) (int, error) {
	src := d.src[:d.fm1]
	switch {
	case n.Anchor != "" || n.Style&(yaml.TaggedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return 0, unsupported(path)
	case n.Style&yaml.DoubleQuotedStyle != 0:
		if start >= len(src) || src[start] != '"' {
			return 0, unsupported(path)
		}
		for i := start + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1, nil
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		if start >= len(src) || src[start] != '\'' {
			return 0, unsupported(path)
		}
		for i := start + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, nil
			}
		}
	default:
		v := n.Value
		if v == "" || strings.ContainsAny(v, "\r\n") || !bytes.HasPrefix(src[start:], []byte(v)) {
			return 0, unsupported(path)
		}
		end := start + len(v)
		if end < len(src) && !strings.ContainsRune(" \t\r\n,]}:", rune(src[end])) {
			return 0, unsupported(path)
		}
		return end, nil
	}
	return 0, unsupported(path)
}

// afterColon returns the offset just after the ":" that follows key.
func (d *Doc) afterColon(key *yaml.Node, path []string) (int, error) {
	s, err := d.start(key, path)
	if err != nil {
		return 0, err
	}
	e, err := d.scalarEnd(key, s, path)
	if err != nil {
		return 0, err
	}
	for e < d.fm1 && (d.src[e] == ' ' || d.src[e] == '\t') {
		e++
	}
	if e >= d.fm1 || d.src[e] != ':' {
		return 0, unsupported(path)
	}
	return e + 1, nil
}

// isEmpty reports whether v is a null written as nothing at all ("key:").
func isEmpty(v *yaml.Node) bool {
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" && v.Value == "" && v.Style == 0 && v.Anchor == ""
}

// isBlank reports whether v gives no value: null, or a text of blanks.
func isBlank(v *yaml.Node) bool {
	if v.Kind != yaml.ScalarNode {
		return false
	}
	return v.ShortTag() == "!!null" || (v.ShortTag() == "!!str" && strings.TrimSpace(v.Value) == "")
}

// valueSpan returns where the value of the pair key: v is written. For a
// value written as nothing, start and end are just after the colon.
func (d *Doc) valueSpan(key, v *yaml.Node, path []string) (start, end int, err error) {
	ac, err := d.afterColon(key, path)
	if err != nil {
		return 0, 0, err
	}
	if isEmpty(v) {
		// Nothing must stand there: not even a "!", which the parser
		// forgets.
		if q := d.skipBlanks(ac); q < d.fm1 && strings.IndexByte("\r\n#,]}", d.src[q]) < 0 {
			return 0, 0, unsupported(path)
		}
		return ac, ac, nil
	}
	s, err := d.start(v, path)
	if err != nil {
		return 0, 0, err
	}
	if s < ac {
		return 0, 0, unsupported(path)
	}
	e, err := d.nodeEnd(v, s, path)
	if err != nil {
		return 0, 0, err
	}
	return s, e, nil
}

// nodeEnd returns the offset just after a scalar or a flow collection.
func (d *Doc) nodeEnd(n *yaml.Node, start int, path []string) (int, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return d.scalarEnd(n, start, path)
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle == 0 || n.Anchor != "" {
			return 0, unsupported(path)
		}
		open, close := byte('{'), byte('}')
		if n.Kind == yaml.SequenceNode {
			open, close = '[', ']'
		}
		if start >= d.fm1 || d.src[start] != open {
			return 0, unsupported(path)
		}
		p := start + 1
		if len(n.Content) > 0 {
			var err error
			if n.Kind == yaml.MappingNode {
				k, v := n.Content[len(n.Content)-2], n.Content[len(n.Content)-1]
				_, p, err = d.valueSpan(k, v, path)
			} else {
				last := n.Content[len(n.Content)-1]
				var s int
				if s, err = d.start(last, path); err == nil {
					p, err = d.nodeEnd(last, s, path)
				}
			}
			if err != nil {
				return 0, err
			}
		}
		for p < d.fm1 {
			switch c := d.src[p]; {
			case c == close:
				return p + 1, nil
			case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',':
				p++
			case c == '#':
				for p < d.fm1 && d.src[p] != '\n' {
					p++
				}
			default:
				return 0, unsupported(path)
			}
		}
	}
	return 0, unsupported(path)
}

// endsInBlockScalar reports whether the last value within n is a block
// scalar ("|" or ">"). The blank lines after one may be part of its text
// (with "|+", or when they hold spaces beyond its indentation), and are
// never part of anything else: what is added goes after them.
func endsInBlockScalar(n *yaml.Node) bool {
	for n.Kind != yaml.ScalarNode {
		if len(n.Content) == 0 || n.Style&yaml.FlowStyle != 0 {
			return false
		}
		n = n.Content[len(n.Content)-1]
	}
	return n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
}

// lastLine returns the last line of the value n, as far as its nodes tell:
// the line on which its last node starts, or, where that node is a flow
// collection or a quoted text, which may go on over lines indented less,
// the line on which it ends.
func (d *Doc) lastLine(n *yaml.Node, path []string) (int, error) {
	last := maxLine(n)
	for (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	flow := n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode
	quoted := n.Kind == yaml.ScalarNode && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	if !flow && !quoted {
		return last, nil
	}
	s, err := d.start(n, path)
	if err != nil {
		return 0, err
	}
	e, err := d.nodeEnd(n, s, path)
	if err != nil {
		return 0, err
	}
	l, _ := slices.BinarySearch(d.lines, e)
	return max(last, l), nil
}

// maxLine returns the last line on which any node of n starts.
func maxLine(n *yaml.Node) int {
	m := n.Line
	for _, c := range n.Content {
		m = max(m, maxLine(c))
	}
	return m
}

// indentOf returns the number of spaces that start line, and whether the
// line holds nothing else (is blank).
func indentOf(line []byte) (int, bool) {
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i, len(bytes.TrimSpace(line[i:])) == 0
}

// blockEndKeep is blockEnd where, with keep, the blank lines at the end
// belong to the block too, as they may to a block scalar.
func (d *Doc) blockEndKeep(from, indent int, comments, keep bool) int {
	last := min(max(from, 1), d.nlines())
	for l := last + 1; l <= d.nlines(); l++ {
		line := d.line(l)
		ind, blank := indentOf(line)
		switch {
		case blank:
			if keep {
				last = l
			}
			continue
		case ind > indent, comments && ind == indent && line[ind] == '#':
			last = l
			continue
		}
		break
	}
	return d.lines[last]
}

// lookup returns the key and value nodes at path, the first of each key
// as the parser of idea files takes it, and the mapping that holds them.
func (d *Doc) lookup(path []string) (key, val, parent *yaml.Node, index int) {
	m := d.root
	for i, name := range path {
		if m.Kind != yaml.MappingNode {
			return nil, nil, nil, -1
		}
		found := -1
		for j := 0; j+1 < len(m.Content); j += 2 {
			if k := m.Content[j]; k.Kind == yaml.ScalarNode && k.Value == name {
				found = j
				break
			}
		}
		if found < 0 {
			return nil, nil, nil, -1
		}
		if i == len(path)-1 {
			return m.Content[found], m.Content[found+1], m, found
		}
		m = m.Content[found+1]
	}
	return nil, nil, nil, -1
}

// Get returns the text of the scalar at the dotted path, and whether there
// is one.
func (d *Doc) Get(path string) (string, bool) {
	_, v, _, _ := d.lookup(strings.Split(path, "."))
	if v == nil || v.Kind != yaml.ScalarNode {
		return "", false
	}
	return v.Value, true
}

// splice replaces src[from:to] with text and parses the result. A result
// that does not parse means a bug here: it is refused.
func (d *Doc) splice(from, to int, text string, path []string) error {
	src := make([]byte, 0, len(d.src)+len(text)-(to-from))
	src = append(src, d.src[:from]...)
	src = append(src, text...)
	src = append(src, d.src[to:]...)
	old := d.src
	d.src = src
	if err := d.parse(); err != nil {
		d.src = old
		if perr := d.parse(); perr != nil {
			panic("edit: the file no longer parses: " + perr.Error())
		}
		return unsupported(path)
	}
	return nil
}
