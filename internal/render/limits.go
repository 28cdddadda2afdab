package render

import (
	"strings"
	"unicode/utf8"
)

// The bounds a Markdown text must keep for its rendering to take time in
// proportion to its length, and not too much of it. Past the bounds of
// lines, depth and openers goldmark's time grows with the square of the
// text: 16,000 nested "> " take over a second, and so do 4,000 "[a](" on
// one line. Within them it is linear, but a table or emphasis costs a
// microsecond or two a byte, so the text is bounded too: a text that keeps
// every bound renders in a small part of a second (BenchmarkWorstMarkdown).
const (
	// MaxText is the most bytes a text may hold: some 15,000 words, far
	// more than an idea needs, and a tenth of what a file may hold.
	MaxText = 128 << 10
	// MaxLine is the most characters a line may hold. A link's or an
	// image's opener is looked for to the end of its line.
	MaxLine = 2000
	// MaxDepth is the deepest a line may nest quotes and lists: each "> ",
	// list marker, and two spaces of indentation before them count one.
	MaxDepth = 16
	// MaxOpeners is the most "[" a text may hold: each link or image
	// opener is matched against those before it.
	MaxOpeners = 1000
)

// LimitKind names the bound a text breaks.
type LimitKind string

// The bounds of Limits.
const (
	LimitText    LimitKind = "text"
	LimitLine    LimitKind = "line"
	LimitDepth   LimitKind = "depth"
	LimitOpeners LimitKind = "openers"
)

// LimitKinds lists the valid values of LimitKind.
var LimitKinds = []LimitKind{LimitText, LimitLine, LimitDepth, LimitOpeners}

// Limit is a bound that a text breaks, at its first line that breaks it.
type Limit struct {
	Kind LimitKind
	Line int // 1 for the first line of the text
	N    int // what the line has: bytes of text so far, characters, depth, or openers so far
	Max  int
}

// Limits returns the bounds src breaks, each once, at the first line that
// breaks it, in the order of the lines. The lines of a fenced code block
// nest nothing.
func Limits(src string) []Limit {
	var out []Limit
	seen := map[LimitKind]bool{}
	add := func(l Limit) {
		if !seen[l.Kind] {
			seen[l.Kind] = true
			out = append(out, l)
		}
	}
	openers, fence, size := 0, "", 0
	for n := 1; src != ""; n++ {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		if size += len(line) + 1; size > MaxText {
			add(Limit{LimitText, n, size, MaxText})
		}
		if len(line) > MaxLine { // bytes first: most lines are short
			if c := utf8.RuneCountInString(line); c > MaxLine {
				add(Limit{LimitLine, n, c, MaxLine})
			}
		}
		if k := strings.Count(line, "["); k > 0 {
			openers += k
			if openers > MaxOpeners {
				add(Limit{LimitOpeners, n, openers, MaxOpeners})
			}
		}
		depth, body := nesting(line)
		if fence != "" {
			if strings.HasPrefix(body, fence) && strings.Trim(body, fence[:1]+" \t") == "" {
				fence = ""
			}
			continue
		}
		if f := fenceOf(body); f != "" {
			fence = f
		}
		if depth > MaxDepth {
			add(Limit{LimitDepth, n, depth, MaxDepth})
		}
	}
	return out
}

// nesting returns how deep line nests quotes and lists, and what follows
// the markers. A thematic break ("- - -") nests nothing.
func nesting(line string) (int, string) {
	for _, c := range []string{" -", " *", " _"} {
		if strings.Trim(line, c+"\t") == "" {
			return 0, line
		}
	}
	depth := 0
	for {
		i, indent := 0, 0
		for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
			indent++
			if line[i] == '\t' {
				indent += 3
			}
		}
		rest := line[i:]
		m := marker(rest)
		if m == 0 {
			return depth + indent/2, rest
		}
		depth += 1 + indent/2
		line = rest[m:]
	}
}

// marker returns the length of the quote or list marker that s starts
// with, or 0.
func marker(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '>':
		return 1
	case '-', '*', '+':
		if len(s) > 1 && (s[1] == ' ' || s[1] == '\t') {
			return 2
		}
		return 0
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return i + 2
	}
	return 0
}

// fenceOf returns the fence that line opens a code block with, or "".
func fenceOf(line string) string {
	for _, c := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, c) {
			n := len(line) - len(strings.TrimLeft(line, c[:1]))
			return line[:n]
		}
	}
	return ""
}
