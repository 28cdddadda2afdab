package yamlx

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/i18n"
)

// Syntax is a YAML syntax error said in the user's terms: where it is and
// what to write instead. yaml.v3's own texts ("mapping values are not
// allowed in this context") name the parser's state, not the mistake, and
// the same text stands for several mistakes; Syntax tells them apart by
// the line the parser stopped at.
type Syntax struct {
	Line, Col int // in the YAML source, from 1; Col 1 when not known
	Msg       i18n.Message
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the errors of yaml.v3's parser (as against its
// scanner), whose line it reports counted from 0: the line where the
// unclosed construct began.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// SyntaxOf says what the error err of yaml.v3, parsing src, means.
func SyntaxOf(src []byte, err error) Syntax {
	line, text := 1, strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		text = m[2]
		if parserProblems[text] {
			line++ // yaml.v3 counts the lines of parser errors from 0
		}
	}
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) {
		line = max(1, min(line, len(lines)))
	}
	s := Syntax{Line: line, Col: 1}
	cur := strings.TrimRight(lines[line-1], "\r")
	switch {
	case strings.Contains(text, "tab character") || (text == "found character that cannot start any token" && tabAt(cur) >= 0):
		// A tab in the indentation: YAML indents with spaces only. The
		// scanner may report the line before the tab's.
		for l := line; l <= len(lines); l++ {
			if i := tabAt(lines[l-1]); i >= 0 {
				s.Line, s.Col = l, utf8.RuneCountInString(lines[l-1][:i])+1
				break
			}
		}
		s.Msg = i18n.M("yaml.tab")
	case text == "found character that cannot start any token" || text == "did not find expected alphabetic or numeric character":
		key, value, ok := keyValue(cur)
		if !ok {
			break
		}
		s.Col = colOf(cur, value)
		s.Msg = i18n.M("yaml.reserved", string([]rune(value)[0]), quoted(key, value))
	case text == "mapping values are not allowed in this context":
		key, value, ok := keyValue(cur)
		if ok && (strings.Contains(value, ": ") || strings.HasSuffix(value, ":")) {
			s.Col = colOf(cur, value)
			s.Msg = i18n.M("yaml.colon", key, quoted(key, value))
			break
		}
		s.Msg = indentMessage(lines, line)
	case text == "did not find expected key":
		trimmed := strings.TrimSpace(cur)
		if trimmed == "-" || strings.HasPrefix(trimmed, "- ") {
			s.Col = indentOf(cur) + 1
			s.Msg = i18n.M("yaml.list-item")
			break
		}
		if key, value, ok := keyValue(cur); ok && (value[0] == '"' || value[0] == '\'') {
			// Text after the closing quote: `title: "Ny" rutin`.
			s.Col = colOf(cur, value)
			s.Msg = i18n.M("yaml.after-quote", quoted(key, strings.ReplaceAll(value, string(value[0]), "")))
			break
		}
		s.Msg = indentMessage(lines, line)
	case text == "did not find expected '-' indicator":
		s.Col = indentOf(cur) + 1
		s.Msg = i18n.M("yaml.list-then-field")
	case text == "could not find expected ':'":
		// A line without a colon; the parser reports the line after the
		// plain text it took for a key.
		l := line
		for l > 1 && (strings.Contains(lines[l-1], ":") || strings.TrimSpace(lines[l-1]) == "") {
			l--
		}
		s.Line = l
		s.Col = indentOf(lines[l-1]) + 1
		s.Msg = i18n.M("yaml.no-colon")
	case text == "found unexpected end of stream" || text == "found unexpected end of stream while scanning a quoted scalar":
		if l, col, q, ok := unclosedQuote(lines); ok {
			s.Line, s.Col = l, col
			s.Msg = i18n.M("yaml.unclosed-quote", q)
		}
	case text == "did not find expected ',' or '}'" || text == "did not find expected ',' or ']'":
		open, shut := "{", "}"
		if strings.HasSuffix(text, "']'") {
			open, shut = "[", "]"
		}
		if i := strings.Index(cur, open); i >= 0 {
			s.Col = utf8.RuneCountInString(cur[:i]) + 1
		}
		s.Msg = i18n.M("yaml.unclosed-bracket", open, shut)
	}
	if s.Msg.Key == "" {
		// Whatever the parser tripped on, a bracket left open is the
		// likelier mistake, and where it opens the place to look.
		if l, col, open, ok := unclosedBracket(lines); ok {
			s.Line, s.Col = l, col
			s.Msg = i18n.M("yaml.unclosed-bracket", open, map[string]string{"[": "]", "{": "}"}[open])
		} else {
			s.Msg = i18n.M("yaml.syntax")
		}
	}
	return s
}

// keyValue splits a line `key: value` (perhaps indented, perhaps a list
// item) at its first ": ", the colon YAML reads as the key's.
func keyValue(line string) (key, value string, ok bool) {
	t := strings.TrimSpace(line)
	t = strings.TrimPrefix(t, "- ")
	key, value, ok = strings.Cut(t, ": ")
	if i := strings.Index(value, " #"); i >= 0 && !strings.ContainsAny(value[:1], `"'`) {
		value = value[:i] // a comment, which YAML leaves out of the value
	}
	value = strings.TrimSpace(value)
	if !ok || value == "" || strings.ContainsAny(key, " \t\"'{[") {
		return "", "", false
	}
	return key, value, true
}

// quoted is the line key: value with the value in double quotes, the
// way to write a text that holds what YAML would read otherwise.
func quoted(key, value string) string {
	value = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(value)
	return key + `: "` + value + `"`
}

// colOf is the column of value, a part of line, counted in characters.
func colOf(line, value string) int {
	i := strings.Index(line, value)
	if i < 0 {
		return 1
	}
	return utf8.RuneCountInString(line[:i]) + 1
}

// tabAt returns the byte offset of a tab in the indentation of line, or
// where it stands before a key or value, else -1.
func tabAt(line string) int {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\t':
			return i
		case ' ', '-':
		default:
			if k, _, ok := strings.Cut(line[i:], ":"); ok && !strings.Contains(k, " ") {
				if j := strings.IndexByte(line, '\t'); j >= 0 {
					return j
				}
			}
			return -1
		}
	}
	return -1
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// indentMessage says how line (from 1) should be indented: as far as the
// field above it, which is what a field in the same group needs, or as far
// as the group's key, which ends the group.
func indentMessage(lines []string, line int) i18n.Message {
	for l := line - 1; l >= 1; l-- {
		above := strings.TrimRight(lines[l-1], "\r")
		if t := strings.TrimSpace(above); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		key, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(above), "- "), ":")
		spaces := i18n.Count{Key: "yaml.spaces", N: indentOf(lines[line-1])}
		if indentOf(above) == 0 {
			return i18n.M("yaml.indent-left", spaces, key, l)
		}
		return i18n.M("yaml.indent", spaces, key, l, i18n.Count{Key: "yaml.spaces", N: indentOf(above)})
	}
	return i18n.M("yaml.indent-top", i18n.Count{Key: "yaml.spaces", N: indentOf(lines[line-1])})
}

// unclosedQuote finds the first value that opens a quote and does not close
// it on its line: the parser reads on to the end of the file, and reports
// where it stopped, not where the quote began.
func unclosedQuote(lines []string) (line, col int, quote string, ok bool) {
	for i, l := range lines {
		_, value, found := keyValue(strings.TrimRight(l, "\r"))
		if !found {
			if t := strings.TrimSpace(l); strings.HasPrefix(t, "- ") {
				value, found = strings.TrimSpace(t[2:]), true
			}
		}
		if !found || value == "" || (value[0] != '"' && value[0] != '\'') {
			continue
		}
		if !closes(value) {
			return i + 1, colOf(l, value), value[:1], true
		}
	}
	return 0, 0, "", false
}

// closes reports whether value, which starts with a quote, closes it.
func closes(value string) bool {
	q := value[0]
	for i := 1; i < len(value); i++ {
		switch {
		case q == '"' && value[i] == '\\':
			i++
		case value[i] == q && q == '\'' && i+1 < len(value) && value[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case value[i] == q:
			return true
		}
	}
	return false
}

// unclosedBracket finds the first value that opens a [ or { and does not
// close it on its line.
func unclosedBracket(lines []string) (line, col int, open string, ok bool) {
	for i, l := range lines {
		_, value, found := keyValue(strings.TrimRight(l, "\r"))
		if !found {
			t := strings.TrimSpace(l)
			value, found = strings.TrimPrefix(t, "- "), strings.HasPrefix(t, "{") || strings.HasPrefix(t, "- ")
		}
		if !found || value == "" || (value[0] != '[' && value[0] != '{') {
			continue
		}
		depth, quote := 0, byte(0)
		for j := 0; j < len(value); j++ {
			c := value[j]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '[' || c == '{':
				depth++
			case c == ']' || c == '}':
				depth--
			}
		}
		if depth > 0 {
			return i + 1, colOf(l, value), value[:1], true
		}
	}
	return 0, 0, "", false
}
