package edit

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/model"
)

// Mode says whether a value is written over one the file already has.
type Mode int

// The modes.
const (
	// Fill writes the value only where the file has none (the key is
	// missing, or its value is blank): a placeholder, or a default.
	Fill Mode = iota
	// Overwrite writes the value whatever the file has: it is what the
	// change is about, such as the new stage or the outcome of a new
	// screening.
	Overwrite
)

// Value is a value to write: a scalar, or a mapping of further values.
type Value struct {
	text  string
	tag   string // "!!str", "!!null", or "" for a token the encoder types itself
	isMap bool
	flow  bool // a mapping written {key: value, ...}
	pairs []Pair
	Mode  Mode
	// optional: a placeholder for a field that may be left out, written
	// with a new mapping but not added to one the file has.
	optional bool
	// hint is a comment written after a value on a line of its own: what
	// the person may write there.
	hint string
}

// Pair is a key and its value, in a mapping.
type Pair struct {
	Key   string
	Value Value
}

// P returns the Pair key: v.
func P(key string, v Value) Pair { return Pair{key, v} }

// Text returns a text, quoted in the file when YAML needs it.
func Text(s string) Value { return Value{text: s, tag: "!!str"} }

// Date returns a date, or an empty value for the zero Date.
func Date(d model.Date) Value {
	if d.IsZero() {
		return Null()
	}
	return Value{text: d.String()}
}

// Null returns a value left empty ("key:"), for the person to fill in.
func Null() Value { return Value{tag: "!!null"} }

// Map returns a mapping written in block style, one key a line.
func Map(pairs ...Pair) Value { return Value{isMap: true, pairs: pairs} }

// Flow returns a mapping written in flow style, {key: value, ...}.
func Flow(pairs ...Pair) Value { return Value{isMap: true, flow: true, pairs: pairs} }

// Optional returns v as a placeholder for a field that may be left out:
// it is written with a new mapping, but not added to one the file has.
func (v Value) Optional() Value { v.optional = true; return v }

// Hinted returns v with a comment that says what may be written there,
// such as "true eller false", shown where v is written on a line of its
// own. An empty hint adds none.
func (v Value) Hinted(hint string) Value { v.hint = hint; return v }

// Overwritten returns v in the mode Overwrite.
func (v Value) Overwritten() Value { v.Mode = Overwrite; return v }

// blank reports whether v is a scalar that gives no value.
func (v Value) blank() bool {
	return !v.isMap && (v.tag == "!!null" || strings.TrimSpace(v.text) == "")
}

// scalar returns v as the YAML encoder writes it, for a flow mapping when
// flow is true. A null is "".
func (v Value) scalar(flow bool) string {
	if v.tag == "!!null" {
		return ""
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: v.tag, Value: v.text}
	if strings.ContainsAny(v.text, "\n\r") {
		n.Style = yaml.DoubleQuotedStyle // one line, every character kept
	}
	for {
		out, err := yaml.Marshal(n)
		if err != nil {
			panic("edit: encoding a scalar: " + err.Error())
		}
		s := strings.TrimSuffix(string(out), "\n")
		plain := s != "" && s[0] != '"' && s[0] != '\''
		if n.Style == 0 && (strings.Contains(s, "\n") || flow && plain && strings.ContainsAny(s, ",[]{}")) {
			n.Style = yaml.DoubleQuotedStyle
			continue
		}
		return s
	}
}

// flowText returns v written in flow style.
func (v Value) flowText() string {
	if !v.isMap {
		return v.scalar(true)
	}
	parts := make([]string, len(v.pairs))
	for i, p := range v.pairs {
		parts[i] = p.Key + ": " + p.Value.flowText()
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// blockLines returns the lines of the pair key: v in block style, indented
// by indent spaces, nested mappings step further.
func blockLines(key string, v Value, indent, step int) []string {
	pad := strings.Repeat(" ", indent)
	comment := ""
	if v.hint != "" {
		comment = "  # " + v.hint
	}
	switch {
	case !v.isMap:
		if s := v.scalar(false); s != "" {
			return []string{pad + key + ": " + s + comment}
		}
		return []string{pad + key + ":" + comment}
	case v.flow || len(v.pairs) == 0:
		return []string{pad + key + ": " + v.flowText() + comment}
	}
	lines := []string{pad + key + ":"}
	for _, p := range v.pairs {
		lines = append(lines, blockLines(p.Key, p.Value, indent+step, step)...)
	}
	return lines
}

// keys returns the keys of a mapping.
func (v Value) keys() []string {
	ks := make([]string, len(v.pairs))
	for i, p := range v.pairs {
		ks[i] = p.Key
	}
	return ks
}
