package yamlx

import (
	"bytes"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// This file is a fast path for Parse. yaml.v3 spends most of the time of
// checking an idea bank on front matter that uses a small part of YAML:
// block mappings and sequences, plain, quoted and block scalars, one-line
// flow collections and comments. parseFast parses that part by hand into
// the very nodes yaml.v3 would build (kind, style, tag, value, line,
// column; not comments, which nothing reads) and gives up on anything
// else, so that yaml.v3 parses it and reports its errors as before.
//
// Where it reads text the way yaml.v3's scanner does (plain, quoted and
// block scalars), the code follows scannerc.go step by step, so that the
// two can be compared; the fuzz test FuzzFastPath holds them to it.

// notMine is what the fast path panics with when the input is outside what
// it handles; parseFast recovers it and answers "not mine".
type notMine struct{}

// maxDepth bounds the nesting of collections, far below yaml.v3's limits
// (10,000) and far above what a front matter needs.
const maxDepth = 64

// maxKey is the longest simple key yaml.v3 accepts, in characters; a key
// of as many bytes has at most as many characters.
const maxKey = 1024

// fastParser is the state of one parse by the fast path.
type fastParser struct {
	src   string
	pos   int
	line  int // the line of pos, from 1
	bol   int // where the line of pos begins
	depth int
	cpos  int // where col last counted to, on the line of pos or before
	ccol  int // and the column there

	nodes []yaml.Node  // nodes are handed out from blocks, not one by one
	ptrs  []*yaml.Node // and so are the Content slices
	kids  []*yaml.Node // the children of the open collections, stacked
	buf   []byte       // scratch for a scalar that is not a slice of src
}

// blocks is the memory of a parse on the fast path, to be used again: the
// first block of its nodes and of their Content slices. Parsing 10,000
// idea files made 120 MB of them, used for a moment each.
type blocks struct {
	nodes []yaml.Node
	ptrs  []*yaml.Node
}

var blockPool = sync.Pool{New: func() any { return new(blocks) }}

// parseFast parses src when it is within the subset of YAML described
// above and returns its root node, a block mapping or sequence; it returns
// false for anything else, including an empty document. The nodes start
// in mem, when it is not nil and large enough.
func parseFast(src []byte, mem *blocks) (root *yaml.Node, ok bool) {
	if !plainText(src) {
		return nil, false
	}
	// A line holds a key and its value, or an entry, but in the flow
	// collections, where each bracket and comma may add a key and a value.
	// Counted so, the nodes can be allocated at once, with their Content
	// (up to a point: a megabyte of commas gets no 300 MB at once).
	size := 2 * (1 + bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte(",")) +
		bytes.Count(src, []byte("{")) + bytes.Count(src, []byte("[")))
	size = min(size, 1024)
	if mem == nil {
		mem = &blocks{}
	}
	if cap(mem.nodes) < size {
		mem.nodes, mem.ptrs = make([]yaml.Node, 0, size), make([]*yaml.Node, 0, size)
	}
	p := fastParser{
		src:   string(src),
		line:  1,
		nodes: mem.nodes[:0],
		ptrs:  mem.ptrs[:0],
		kids:  make([]*yaml.Node, 0, 32),
	}
	defer func() {
		if r := recover(); r != nil {
			if _, mine := r.(notMine); !mine {
				panic(r)
			}
			root, ok = nil, false
		}
	}()
	p.skipToContent()
	if p.pos == len(p.src) {
		return nil, false
	}
	root = p.blockNode(-1, false)
	p.skipToContent()
	if p.pos != len(p.src) {
		p.fail()
	}
	return root, true
}

// plainText reports whether src holds only characters the fast path reads
// the way yaml.v3 does: printable characters and LF. Tabs, CR and the
// Unicode line breaks (NEL, LS, PS) have rules of their own, a byte-order
// mark is skipped at the start of a line, and yaml.v3 rejects control
// characters. It also leaves out lines that start with "---" or "...",
// which may end the document, and with "%", a directive.
func plainText(src []byte) bool {
	bol := true
	for i := 0; i < len(src); {
		c := src[i]
		if bol && (c == '%' || (c == '-' || c == '.') && i+2 < len(src) && src[i+1] == c && src[i+2] == c) {
			return false
		}
		bol = c == '\n'
		if c < utf8.RuneSelf {
			if c != '\n' && (c < 0x20 || c > 0x7E) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1, r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}

func (p *fastParser) fail() { panic(notMine{}) }

// at reports whether the byte at i is c; past the end there is no byte.
func (p *fastParser) at(i int, c byte) bool { return i < len(p.src) && p.src[i] == c }

// blankz reports whether the character at i is a space, a line break or
// the end of the text: what yaml.v3 calls is_blankz, tabs aside.
func (p *fastParser) blankz(i int) bool {
	return i >= len(p.src) || p.src[i] == ' ' || p.src[i] == '\n'
}

// eol reports whether pos is at the end of a line.
func (p *fastParser) eol() bool { return p.blankz(p.pos) && !p.at(p.pos, ' ') }

// entry reports whether pos is at a block sequence entry: "-" and a blank.
func (p *fastParser) entry() bool { return p.at(p.pos, '-') && p.blankz(p.pos+1) }

// col returns the column of pos from 0, counted in characters as yaml.v3
// counts it. It counts from the column it last returned, so that a long
// line costs no more than a short one per node.
func (p *fastParser) col() int {
	if p.cpos < p.bol {
		p.cpos, p.ccol = p.bol, 0
	}
	for ; p.cpos < p.pos; p.cpos++ {
		if p.src[p.cpos]&0xC0 != 0x80 {
			p.ccol++
		}
	}
	for ; p.cpos > p.pos; p.cpos-- {
		if p.src[p.cpos-1]&0xC0 != 0x80 {
			p.ccol--
		}
	}
	return p.ccol
}

// newline moves past the line break at pos.
func (p *fastParser) newline() {
	p.pos++
	p.line++
	p.bol = p.pos
}

func (p *fastParser) skipSpaces() {
	for p.at(p.pos, ' ') {
		p.pos++
	}
}

// skipToContent skips spaces, line breaks and comments. A comment must
// follow a blank: yaml.v3 takes "#" right after a token as one too, but
// the rules for that are not worth learning here.
func (p *fastParser) skipToContent() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ':
			p.pos++
		case '\n':
			p.newline()
		case '#':
			if p.pos > p.bol && p.src[p.pos-1] != ' ' {
				p.fail()
			}
			if i := strings.IndexByte(p.src[p.pos:], '\n'); i >= 0 {
				p.pos += i
			} else {
				p.pos = len(p.src)
			}
		default:
			return
		}
	}
}

// endOfLine checks that nothing but blanks and a comment follow on the
// line, without moving past them.
func (p *fastParser) endOfLine() {
	i := p.pos
	for p.at(i, ' ') {
		i++
	}
	if !p.blankz(i) && !(p.src[i] == '#' && p.src[i-1] == ' ') {
		p.fail()
	}
}

// enter counts one more level of nesting, and gives up past maxDepth.
func (p *fastParser) enter() {
	if p.depth++; p.depth > maxDepth {
		p.fail()
	}
}

// newNode returns a new node from the current block.
func (p *fastParser) newNode(kind yaml.Kind, style yaml.Style, tag, value string, line, col int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, 16+cap(p.nodes)/2)
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	// All of it: the block may hold a node of an earlier parse.
	*n = yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: line, Column: col}
	return n
}

// collect returns the children of a collection, stacked from base, as its
// Content. The slice is capped, so that appending to it cannot overwrite
// a neighbour's.
func (p *fastParser) collect(base int) []*yaml.Node {
	n := len(p.kids) - base
	if n == 0 {
		return nil
	}
	if cap(p.ptrs)-len(p.ptrs) < n {
		p.ptrs = make([]*yaml.Node, 0, max(n, 16+cap(p.ptrs)/2))
	}
	l := len(p.ptrs)
	c := p.ptrs[l : l+n : l+n]
	copy(c, p.kids[base:])
	p.ptrs = p.ptrs[:l+n]
	p.kids = p.kids[:base]
	return c
}

// blockNode parses the node at pos, whose scanner indentation (the column
// of the innermost block collection) is indent. It is a block sequence, a
// block mapping or, where scalarOK (after "- " on the same line), any other
// node.
func (p *fastParser) blockNode(indent int, scalarOK bool) *yaml.Node {
	p.enter()
	defer func() { p.depth-- }()
	if p.entry() {
		return p.sequence(p.col(), false)
	}
	start, line, col := p.pos, p.line, p.col()
	if c := p.src[p.pos]; c != '"' && c != '\'' && !plainStart(c) {
		if !scalarOK {
			p.fail()
		}
		return p.inline(indent)
	}
	n := p.scalar(indent)
	if p.keyFollows(start, line) {
		return p.mapping(col, n)
	}
	if !scalarOK {
		p.fail()
	}
	p.endOfLine()
	return n
}

// keyFollows reports whether the scalar that started at start on line is
// a simple key: ":" and a blank follow it on the same line. It leaves pos
// at the ":".
func (p *fastParser) keyFollows(start, line int) bool {
	p.skipSpaces()
	if !p.at(p.pos, ':') || !p.blankz(p.pos+1) {
		return false
	}
	if p.line != line || p.pos-start > maxKey {
		p.fail() // not a simple key: yaml.v3 reads it otherwise or not at all
	}
	return true
}

// mapping parses a block mapping at column col whose first key has been
// read; pos is at the ":" after it.
func (p *fastParser) mapping(col int, key *yaml.Node) *yaml.Node {
	m := p.newNode(yaml.MappingNode, 0, "!!map", "", key.Line, key.Column)
	base := len(p.kids)
	for {
		line, colon := p.line, p.col()
		p.pos++
		v := p.mappingValue(col, line, colon)
		p.kids = append(p.kids, key, v)
		p.skipToContent()
		if p.pos == len(p.src) || p.col() < col {
			break
		}
		if p.col() > col {
			p.fail()
		}
		start, line := p.pos, p.line
		key = p.scalar(col)
		if !p.keyFollows(start, line) {
			p.fail()
		}
	}
	m.Content = p.collect(base)
	return m
}

// mappingValue parses the value after the ":" at column colon on line, in
// a block mapping at column col.
func (p *fastParser) mappingValue(col, line, colon int) *yaml.Node {
	p.skipSpaces()
	if !p.eol() && !p.at(p.pos, '#') {
		return p.inline(col)
	}
	p.skipToContent()
	switch {
	case p.pos == len(p.src):
	case p.col() > col:
		return p.blockNode(col, false)
	case p.col() == col && p.entry():
		return p.sequence(col, true) // a sequence may sit at its key's column
	}
	// yaml.v3 places an empty value just after the ":".
	return p.newNode(yaml.ScalarNode, 0, "!!null", "", line, colon+2)
}

// sequence parses a block sequence at column col; an indentless one (at
// the column of the key it is the value of) ends at anything but "- ".
func (p *fastParser) sequence(col int, indentless bool) *yaml.Node {
	s := p.newNode(yaml.SequenceNode, 0, "!!seq", "", p.line, col+1)
	base := len(p.kids)
	for {
		line := p.line
		p.pos++
		p.skipSpaces()
		var item *yaml.Node
		if p.eol() || p.at(p.pos, '#') {
			p.skipToContent()
			if p.pos < len(p.src) && p.col() > col {
				item = p.blockNode(col, false)
			} else {
				// yaml.v3 places an empty entry just after the "-".
				item = p.newNode(yaml.ScalarNode, 0, "!!null", "", line, col+2)
			}
		} else {
			item = p.blockNode(col, true)
		}
		p.kids = append(p.kids, item)
		p.skipToContent()
		if p.pos == len(p.src) || p.col() < col {
			break
		}
		if p.col() > col {
			p.fail()
		}
		if !p.entry() {
			if indentless {
				break
			}
			p.fail()
		}
	}
	s.Content = p.collect(base)
	return s
}

// inline parses a value that starts on the line of its key or "-": a
// scalar, a block scalar or a flow collection.
func (p *fastParser) inline(indent int) *yaml.Node {
	var n *yaml.Node
	switch p.src[p.pos] {
	case '|', '>':
		return p.blockScalar(indent)
	case '[', '{':
		n = p.flow()
	default:
		n = p.scalar(indent)
	}
	p.endOfLine()
	return n
}

// plainStart reports whether a plain scalar may start with c in the fast
// path: not a blank and not an indicator. yaml.v3 also starts one at "-",
// "?" or ":" followed by a non-blank; here those fall back.
func plainStart(c byte) bool {
	return !strings.ContainsRune(" \n-?:,[]{}#&*!|>'\"%@`", rune(c))
}

// scalar parses a quoted or plain scalar in the block context.
func (p *fastParser) scalar(indent int) *yaml.Node {
	switch c := p.src[p.pos]; {
	case c == '"' || c == '\'':
		return p.quoted(false)
	case plainStart(c):
		return p.plain(false, indent)
	}
	p.fail()
	return nil
}

// flow parses a flow sequence or mapping that ends on the line it starts.
func (p *fastParser) flow() *yaml.Node {
	p.enter()
	defer func() { p.depth-- }()
	kind, tag, end := yaml.SequenceNode, "!!seq", byte(']')
	if p.src[p.pos] == '{' {
		kind, tag, end = yaml.MappingNode, "!!map", '}'
	}
	n := p.newNode(kind, yaml.FlowStyle, tag, "", p.line, p.col()+1)
	base := len(p.kids)
	p.pos++
	p.skipSpaces()
	for !p.at(p.pos, end) {
		if kind == yaml.MappingNode {
			start := p.pos
			k := p.flowScalar()
			p.skipSpaces()
			if k.Kind != yaml.ScalarNode || !p.at(p.pos, ':') || !p.at(p.pos+1, ' ') || p.pos-start > maxKey {
				p.fail() // not a key and ": " (a key without a value, a JSON-like "a":b)
			}
			p.pos++
			p.skipSpaces()
			p.kids = append(p.kids, k)
		}
		p.kids = append(p.kids, p.flowScalar())
		p.skipSpaces()
		if p.at(p.pos, ',') {
			p.pos++
			p.skipSpaces()
			if p.at(p.pos, end) {
				p.fail() // a trailing comma
			}
		} else if !p.at(p.pos, end) {
			p.fail()
		}
	}
	p.pos++
	n.Content = p.collect(base)
	return n
}

// flowScalar parses an entry of a flow collection: a scalar or a flow
// collection.
func (p *fastParser) flowScalar() *yaml.Node {
	if p.pos == len(p.src) {
		p.fail()
	}
	switch c := p.src[p.pos]; {
	case c == '[' || c == '{':
		return p.flow()
	case c == '"' || c == '\'':
		return p.quoted(true)
	case plainStart(c):
		return p.plain(true, 0)
	}
	p.fail()
	return nil
}

// plain scans a plain scalar like yaml_parser_scan_plain_scalar: in the
// block context it goes on over lines indented beyond indent, which the
// fast path does not allow in a flow collection. It leaves pos just after
// the last character of the scalar, even when the scanner went further.
func (p *fastParser) plain(flow bool, indent int) *yaml.Node {
	start, line, col := p.pos, p.line, p.col()+1
	end, endLine, endBol := p.pos, p.line, p.bol
	multi := false // whether the value is in buf rather than src[start:end]
	p.buf = p.buf[:0]
	spaces, breaks := 0, 0 // the blanks after the last word: spaces or line breaks
	for {
		if p.at(p.pos, '#') {
			break
		}
		// A word: the characters up to a blank or an indicator that ends
		// the scalar.
		i := p.pos
		for i < len(p.src) {
			c := p.src[i]
			if c == ' ' || c == '\n' || c == ':' && p.blankz(i+1) || flow && strings.IndexByte(",?[]{}", c) >= 0 {
				break
			}
			i++
		}
		if i > p.pos {
			// The blanks before it are joined as yaml.v3 joins them: a
			// line break is a space, and of several breaks the first is
			// dropped; spaces stay as they are.
			if breaks > 0 && !multi {
				p.buf = append(p.buf, p.src[start:end]...)
				multi = true
			}
			if multi {
				switch {
				case breaks == 1:
					p.buf = append(p.buf, ' ')
				case breaks > 1:
					for range breaks - 1 {
						p.buf = append(p.buf, '\n')
					}
				default:
					for range spaces {
						p.buf = append(p.buf, ' ')
					}
				}
				p.buf = append(p.buf, p.src[p.pos:i]...)
			}
			spaces, breaks = 0, 0
			p.pos = i
			end, endLine, endBol = p.pos, p.line, p.bol
		}
		if !p.at(p.pos, ' ') && !p.at(p.pos, '\n') {
			break
		}
		for p.at(p.pos, ' ') || p.at(p.pos, '\n') {
			if p.src[p.pos] == ' ' {
				if breaks == 0 {
					spaces++
				}
				p.pos++
				continue
			}
			if flow {
				p.fail() // a flow collection over several lines
			}
			breaks++
			p.newline()
		}
		if !flow && p.col() < indent+1 {
			break
		}
	}
	p.pos, p.line, p.bol = end, endLine, endBol
	v := p.src[start:end]
	if multi {
		v = string(p.buf)
	}
	if v == "<<" {
		p.fail() // a merge key
	}
	return p.newNode(yaml.ScalarNode, 0, resolve(v), v, line, col)
}

// resolve returns the tag yaml.v3 gives the plain scalar v. yaml.v3's own
// resolver allocates for every value and tries a date against four layouts
// before it settles; the kinds of text idea files hold are told apart here
// first, by the same rules, and only the rest go to yaml.v3, through
// ShortTag.
func resolve(v string) string {
	if v == "" {
		return "!!null"
	}
	switch c := v[0]; {
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		// yaml.v3 looks these up in a table of the few words it knows.
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		}
		return "!!str"
	case '0' <= c && c <= '9':
		if digitsAround(v, 4, 2, 2) {
			// What parseTimestamp accepts; the other readings of a text
			// with dashes in it fail.
			if _, err := time.Parse(time.DateOnly, v); err == nil {
				return "!!timestamp"
			}
			return "!!str"
		}
		if digitsAround(v, 4, 3) || digitsAround(v, 4, 4) {
			return "!!str" // an idea's id: no month can have three digits
		}
		if len(v) <= 18 && (c != '0' || len(v) == 1) && strings.Trim(v, "0123456789") == "" {
			return "!!int" // a decimal number that fits in an int64
		}
	case strings.IndexByte("+-.", c) < 0:
		return "!!str" // yaml.v3 reads no other type into a text that starts so
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
	return n.ShortTag()
}

// digitsAround reports whether v is groups of digits of the given lengths
// with a dash between each two.
func digitsAround(v string, groups ...int) bool {
	for i, n := range groups {
		if i > 0 {
			if v == "" || v[0] != '-' {
				return false
			}
			v = v[1:]
		}
		if len(v) < n || strings.Trim(v[:n], "0123456789") != "" {
			return false
		}
		v = v[n:]
	}
	return v == ""
}

// quoted scans a single- or double-quoted scalar like
// yaml_parser_scan_flow_scalar. In a flow collection (flow) it must end on
// its line.
func (p *fastParser) quoted(flow bool) *yaml.Node {
	q := p.src[p.pos]
	line, col := p.line, p.col()+1
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	p.pos++
	// Most quoted scalars are a line of text without escapes.
	special := "\"\\\n"
	if q == '\'' {
		special = "'\n"
	}
	if i := strings.IndexAny(p.src[p.pos:], special); i >= 0 && p.src[p.pos+i] == q && !(q == '\'' && p.at(p.pos+i+1, '\'')) {
		v := p.src[p.pos : p.pos+i]
		p.pos += i + 1
		return p.newNode(yaml.ScalarNode, style, "!!str", v, line, col)
	}
	b := p.buf[:0]
	var spaces []byte
	for {
		if p.pos == len(p.src) {
			p.fail()
		}
		leadingBlanks, leadingBreak, trailing := false, false, 0
		for !p.blankz(p.pos) {
			c := p.src[p.pos]
			switch {
			case q == '\'' && c == '\'' && p.at(p.pos+1, '\''):
				b = append(b, '\'')
				p.pos += 2
				continue
			case c == q:
			case q == '"' && c == '\\' && p.at(p.pos+1, '\n'):
				if flow {
					p.fail()
				}
				p.pos++
				p.newline()
				leadingBlanks = true
			case q == '"' && c == '\\':
				b = p.escape(b)
				continue
			default:
				b = append(b, c)
				p.pos++
				continue
			}
			break
		}
		if p.at(p.pos, q) {
			break
		}
		for p.at(p.pos, ' ') || p.at(p.pos, '\n') {
			if p.src[p.pos] == ' ' {
				if !leadingBlanks {
					spaces = append(spaces, ' ')
				}
				p.pos++
				continue
			}
			if flow {
				p.fail()
			}
			if !leadingBlanks {
				spaces = spaces[:0]
				leadingBreak, leadingBlanks = true, true
			} else {
				trailing++
			}
			p.newline()
		}
		if leadingBlanks {
			if leadingBreak && trailing == 0 {
				b = append(b, ' ')
			}
			for range trailing {
				b = append(b, '\n')
			}
		} else {
			b = append(b, spaces...)
			spaces = spaces[:0]
		}
	}
	p.pos++
	p.buf = b
	return p.newNode(yaml.ScalarNode, style, "!!str", string(b), line, col)
}

// escape appends the character that the escape sequence at pos stands for,
// as yaml.v3 reads it, and moves past it.
func (p *fastParser) escape(b []byte) []byte {
	if p.pos+1 >= len(p.src) {
		p.fail()
	}
	size := 0
	switch c := p.src[p.pos+1]; c {
	case '0':
		b = append(b, 0)
	case 'a':
		b = append(b, '\a')
	case 'b':
		b = append(b, '\b')
	case 't':
		b = append(b, '\t')
	case 'n':
		b = append(b, '\n')
	case 'v':
		b = append(b, '\v')
	case 'f':
		b = append(b, '\f')
	case 'r':
		b = append(b, '\r')
	case 'e':
		b = append(b, 0x1B)
	case ' ', '"', '\'', '\\':
		b = append(b, c)
	case 'N':
		b = append(b, "\u0085"...)
	case '_':
		b = append(b, "\u00A0"...)
	case 'L':
		b = append(b, "\u2028"...)
	case 'P':
		b = append(b, "\u2029"...)
	case 'x':
		size = 2
	case 'u':
		size = 4
	case 'U':
		size = 8
	default:
		p.fail() // as yaml.v3 does, also for "\/", which YAML 1.2 knows
	}
	p.pos += 2
	if size == 0 {
		return b
	}
	if p.pos+size > len(p.src) {
		p.fail()
	}
	r := 0
	for _, c := range []byte(p.src[p.pos : p.pos+size]) {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 + int(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 + int(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 + int(c-'A'+10)
		default:
			p.fail()
		}
	}
	if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
		p.fail()
	}
	p.pos += size
	return utf8.AppendRune(b, rune(r))
}

// blockScalar scans a literal or folded block scalar like
// yaml_parser_scan_block_scalar, whose scanner indentation is indent. An
// explicit indentation indicator falls back. It leaves pos where the
// scanner stops: in the indentation of the first line after it.
func (p *fastParser) blockScalar(indent int) *yaml.Node {
	literal := p.src[p.pos] == '|'
	line, col := p.line, p.col()+1
	style := yaml.LiteralStyle
	if !literal {
		style = yaml.FoldedStyle
	}
	p.pos++
	chomp := 0
	switch {
	case p.at(p.pos, '+'):
		chomp = 1
		p.pos++
	case p.at(p.pos, '-'):
		chomp = -1
		p.pos++
	}
	p.endOfLine() // no indentation indicator; nothing but a comment
	if i := strings.IndexByte(p.src[p.pos:], '\n'); i >= 0 {
		p.pos += i
		p.newline()
	} else {
		p.pos = len(p.src)
	}
	b := p.buf[:0]
	blockIndent, trailing := 0, 0
	leadingBreak, leadingBlank := false, false
	p.blockBreaks(&blockIndent, &trailing, indent)
	for p.pos < len(p.src) && p.col() == blockIndent {
		trailingBlank := p.src[p.pos] == ' '
		if !literal && !leadingBlank && !trailingBlank && leadingBreak {
			if trailing == 0 {
				b = append(b, ' ')
			}
		} else if leadingBreak {
			b = append(b, '\n')
		}
		leadingBreak = false
		for ; trailing > 0; trailing-- {
			b = append(b, '\n')
		}
		leadingBlank = p.src[p.pos] == ' '
		i := strings.IndexByte(p.src[p.pos:], '\n')
		if i < 0 {
			i = len(p.src) - p.pos
		}
		b = append(b, p.src[p.pos:p.pos+i]...)
		p.pos += i
		if p.pos < len(p.src) {
			leadingBreak = true
			p.newline()
		}
		p.blockBreaks(&blockIndent, &trailing, indent)
	}
	if chomp != -1 && leadingBreak {
		b = append(b, '\n')
	}
	if chomp == 1 {
		for ; trailing > 0; trailing-- {
			b = append(b, '\n')
		}
	}
	p.buf = b
	return p.newNode(yaml.ScalarNode, style, "!!str", string(b), line, col)
}

// blockBreaks is yaml_parser_scan_block_scalar_breaks: it skips the
// indentation and the empty lines before a line of a block scalar, and
// settles the scalar's indentation at the first such line.
func (p *fastParser) blockBreaks(blockIndent, trailing *int, indent int) {
	maxIndent := 0
	for {
		for (*blockIndent == 0 || p.col() < *blockIndent) && p.at(p.pos, ' ') {
			p.pos++
		}
		maxIndent = max(maxIndent, p.col())
		if !p.at(p.pos, '\n') {
			break
		}
		*trailing++
		p.newline()
	}
	if *blockIndent == 0 {
		*blockIndent = max(maxIndent, indent+1, 1)
	}
}
