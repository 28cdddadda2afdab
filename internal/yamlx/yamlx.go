// Package yamlx decodes YAML through yaml.Node, so that every value keeps
// its line and column and every problem is reported where it is, in the
// user's terms: an unknown key with the key it was probably meant to be, a
// list where a text belongs, a date that does not exist.
package yamlx

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

// Decoder walks the nodes of one YAML document. It records the position of
// every key in Fields and adds every problem to Diags, going on after each
// so that all of them are reported at once.
type Decoder struct {
	// Name is how messages call the document as a whole: "the front
	// matter" when unset.
	Name       string
	Path       string
	LineOffset int // added to yaml's line numbers: the lines before the YAML
	Fields     Fields
	Diags      *diag.List

	mem *blocks // the nodes of the document parsed, for Release
}

// NewDecoder returns a Decoder for the file at path whose YAML starts after
// lineOffset lines.
func NewDecoder(path string, lineOffset int, diags *diag.List) *Decoder {
	return &Decoder{Path: path, LineOffset: lineOffset, Fields: Fields{}, Diags: diags}
}

// Pos returns the position of n in the file.
func (d *Decoder) Pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Line: n.Line + d.LineOffset, Col: n.Column}
}

func (d *Decoder) errorf(n *yaml.Node, rule diag.Rule, key string, args ...any) {
	d.Diags.Errorf(d.Path, d.Pos(n), rule, key, args...)
}

// Parse parses src as one YAML document and returns its root value, nil for
// an empty document. It returns false, having added the problem to Diags,
// when src does not parse. yaml.v3 does not expand aliases when it builds
// nodes, so a document cannot make Parse use unbounded memory through them.
//
// The plain YAML that idea files are written in goes through a parser of
// its own (fast.go), several times faster than yaml.v3, which builds the
// same nodes but for comments; everything else goes to yaml.v3.
func (d *Decoder) Parse(src []byte) (root *yaml.Node, ok bool) {
	defer func() {
		// The parser is fed text from anyone; whatever it does with it must
		// end as a diagnostic, not a crash.
		if r := recover(); r != nil {
			d.Diags.Errorf(d.Path, diag.Pos{Line: d.LineOffset + 1, Col: 1}, diag.RuleYAMLSyntax,
				"yaml.syntax")
			root, ok = nil, false
		}
	}()
	if i := loneCR(src); i >= 0 {
		// YAML takes a lone carriage return (the line ending of old Mac
		// files) for a line break; editors and this program do not, so
		// every line number after one would be wrong.
		line := 1 + bytes.Count(src[:i], []byte("\n"))
		col := 1 + utf8.RuneCount(src[bytes.LastIndexByte(src[:i], '\n')+1:i])
		d.Diags.Errorf(d.Path, diag.Pos{Line: line + d.LineOffset, Col: col}, diag.RuleEncoding, "file.lone-cr")
		return nil, false
	}
	mem := blockPool.Get().(*blocks)
	if root, ok := parseFast(src, mem); ok {
		d.sizeFields(root)
		d.mem = mem
		return root, true
	}
	blockPool.Put(mem)
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		syn := SyntaxOf(src, err)
		d.Diags.Add(diag.Diagnostic{Path: d.Path, Pos: diag.Pos{Line: syn.Line + d.LineOffset, Col: syn.Col},
			Severity: diag.Error, Rule: diag.RuleYAMLSyntax, Msg: syn.Msg})
		return nil, false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, true
	}
	d.sizeFields(doc.Content[0])
	return doc.Content[0], true
}

// Release gives the memory of the nodes Parse returned back, for a later
// Parse to use. Neither the nodes nor their Content may be used after; the
// strings taken from them may.
func (d *Decoder) Release() {
	if d.mem != nil {
		blockPool.Put(d.mem)
		d.mem = nil
	}
}

// sizeFields makes Fields, while it is empty, the size for the keys of the
// document root. The positions of an idea's keys take more memory than
// anything else read from its file: a map made for the largest file took
// 6 KB for each, and one left to grow copies itself on the way. Checking
// 10,000 ideas allocates 50 MB less so, and takes a seventh less time.
func (d *Decoder) sizeFields(root *yaml.Node) {
	if len(d.Fields) == 0 {
		d.Fields = make(Fields, 1+keys(root))
	}
}

// keys counts the keys of the mappings in n.
func keys(n *yaml.Node) int {
	k := 0
	if n.Kind == yaml.MappingNode {
		k = len(n.Content) / 2
	}
	for _, c := range n.Content {
		k += keys(c)
	}
	return k
}

// loneCR returns the offset of the first carriage return in src that does
// not end a CRLF pair, or -1.
func loneCR(src []byte) int {
	for i, off := 0, 0; ; off += i + 1 {
		i = bytes.IndexByte(src[off:], '\r')
		if i < 0 {
			return -1
		}
		if off+i+1 == len(src) || src[off+i+1] != '\n' {
			return off + i
		}
	}
}

// IsNull reports whether n is missing or an explicit null ("key:" with no
// value, "~" or "null").
func IsNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// Alias reports an alias or an anchor as an error and returns true for an
// alias. Anchors and aliases have no use in these files and would let one
// value silently stand for another.
func (d *Decoder) Alias(n *yaml.Node) bool {
	if n == nil {
		return false
	}
	if n.Kind == yaml.AliasNode {
		d.errorf(n, diag.RuleYAMLAlias, "yaml.alias", "*"+n.Value)
		return true
	}
	if n.Anchor != "" {
		d.errorf(n, diag.RuleYAMLAlias, "yaml.alias", "&"+n.Anchor)
	}
	return false
}

// Map walks the mapping n, whose own path is prefix ("" for the document),
// and calls fn for each key that is one of known. Unknown keys, duplicate
// keys and keys that are not plain text are reported. A null n is an empty
// mapping; any other kind of node is reported and skipped.
func (d *Decoder) Map(n *yaml.Node, prefix string, known []string, fn func(key string, v *yaml.Node)) {
	if IsNull(n) {
		return
	}
	if prefix == "" && d.Alias(n) { // values below were checked by the Map that holds them
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, diag.RuleFieldType, "yaml.want-mapping", d.label(prefix), describe(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, diag.RuleFieldType, "yaml.key-not-text")
			continue
		}
		key := k.Value
		if first := seenBefore(n.Content[:i], key); first != nil {
			d.errorf(k, diag.RuleDuplicate, "yaml.duplicate", key, d.label(prefix), d.Pos(first).Line)
			continue
		}
		i := slices.Index(known, key)
		if i < 0 {
			if s := Suggest(key, known); s != "" {
				d.errorf(k, diag.RuleUnknownKey, "yaml.unknown-suggest", key, d.label(prefix), s)
			} else {
				d.errorf(k, diag.RuleUnknownKey, "yaml.unknown", key, d.label(prefix), i18n.List(anyList(known)))
			}
			continue
		}
		// The caller's own string, not a slice of the document's text,
		// which a key kept in a map of the model would hold whole.
		key = known[i]
		if d.Alias(v) {
			// The key is there, but its value cannot be read: one error,
			// not "missing" or a cascade about what it should hold.
			d.Fields[join(prefix, key)] = Field{Pos: d.Pos(k), Shape: Refused}
			continue
		}
		d.Fields[join(prefix, key)] = Field{Pos: d.Pos(k), Blank: isBlank(v), Shape: shape(v)}
		fn(key, v)
	}
}

// seenBefore returns the key node of pairs that is key, or nil. Mappings
// in these files have a handful of keys: a scan costs less than a set.
func seenBefore(pairs []*yaml.Node, key string) *yaml.Node {
	for j := 0; j+1 < len(pairs); j += 2 {
		if pairs[j].Kind == yaml.ScalarNode && pairs[j].Value == key {
			return pairs[j]
		}
	}
	return nil
}

// String returns the text of a scalar. Numbers are taken as the text they
// were written as; true and false, lists and mappings are reported.
//
// The text is a copy of its own. The parser's values are slices of one
// copy of the whole document (fast.go), and a value kept, such as an
// idea's title, would keep all of it: keys, indentation, dates long since
// parsed. Checking 100,000 ideas held 66 MB so, until the build's end.
func (d *Decoder) String(n *yaml.Node, path string) string {
	return strings.Clone(d.text(n, path))
}

// text is String without the copy, for a value that is not kept.
func (d *Decoder) text(n *yaml.Node, path string) string {
	if IsNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, diag.RuleFieldType, "yaml.want-text", d.label(path), describe(n))
		return ""
	}
	if n.ShortTag() == "!!bool" {
		d.errorf(n, diag.RuleFieldType, "yaml.bool-as-text", d.label(path), n.Value)
		return ""
	}
	return n.Value
}

// Bool returns a true or false scalar.
func (d *Decoder) Bool(n *yaml.Node, path string) bool {
	if IsNull(n) {
		return false
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		d.errorf(n, diag.RuleFieldType, "yaml.want-bool", d.label(path), describe(n))
		return false
	}
	// The common case without yaml.v3's reflection: the other ways to
	// write a boolean ("True", "TRUE") go to it.
	switch n.Value {
	case "true":
		return true
	case "false":
		return false
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		d.errorf(n, diag.RuleFieldType, "yaml.want-bool", d.label(path), describe(n))
	}
	return b
}

// Int returns a whole-number scalar. A whole number in quotes ("4") is
// taken as the number it plainly means.
func (d *Decoder) Int(n *yaml.Node, path string) int {
	if IsNull(n) {
		return 0
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" {
		if i, err := strconv.Atoi(strings.TrimSpace(n.Value)); err == nil {
			return i
		}
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		d.errorf(n, diag.RuleFieldType, "yaml.want-int", d.label(path), describe(n))
		return 0
	}
	// A plain decimal without yaml.v3's reflection: the other ways to
	// write a number (0x1F, 0o17, 1_000) go to it.
	if decimal(n.Value) {
		if i, err := strconv.Atoi(n.Value); err == nil {
			return i
		}
	}
	var i int
	if err := n.Decode(&i); err != nil {
		d.errorf(n, diag.RuleFieldType, "yaml.want-int", d.label(path), describe(n))
	}
	return i
}

// decimal reports whether s is an integer in decimal digits, with a minus
// sign or none, and no leading zero: what Atoi and yaml.v3 read alike.
func decimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Date returns a YYYY-MM-DD date, quoted or not.
func (d *Decoder) Date(n *yaml.Node, path string) model.Date {
	if IsNull(n) {
		return model.Date{}
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, diag.RuleFieldType, "yaml.want-date", d.label(path), describe(n))
		return model.Date{}
	}
	if n.ShortTag() == "!!str" && strings.TrimSpace(n.Value) == "" {
		return model.Date{} // blank: a required date is reported as missing
	}
	date, err := model.ParseDate(n.Value)
	if err != nil {
		d.errorf(n, diag.RuleDate, "yaml.bad-date", d.label(path), n.Value)
		return model.Date{}
	}
	return date
}

// Strings returns a list of texts.
func (d *Decoder) Strings(n *yaml.Node, path string) []string {
	if IsNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, diag.RuleFieldType, "yaml.want-list", d.label(path), describe(n), n.Value)
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if d.Alias(item) {
			continue
		}
		s := d.String(item, path)
		if strings.TrimSpace(s) == "" && item.Kind == yaml.ScalarNode && item.ShortTag() != "!!bool" {
			d.errorf(item, diag.RuleValue, "yaml.empty-item", d.label(path))
			continue
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Enum returns a scalar that must be one of valid, reporting any other value
// with the allowed values and, where one is close, the one probably meant.
func Enum[T ~string](d *Decoder, n *yaml.Node, path string, valid []T) T {
	s := d.text(n, path)
	if s == "" {
		return ""
	}
	if i := slices.Index(valid, T(s)); i >= 0 {
		return valid[i]
	}
	names := make([]string, len(valid))
	for i, v := range valid {
		names[i] = string(v)
	}
	if sug := Suggest(s, names); sug != "" {
		d.errorf(n, diag.RuleValue, "yaml.enum-suggest", s, d.label(path), sug, i18n.List(anyList(names)))
	} else {
		d.errorf(n, diag.RuleValue, "yaml.enum", s, d.label(path), i18n.List(anyList(names)))
	}
	return T(strings.Clone(s))
}

// EnumNamed is Enum for values that people also call by a name, as the
// stages and kinds by their labels: a value that named finds, by a name in
// either language, is reported with the id to write instead ("stage:
// Vidareutvecklas" → stage: developing), not with the list.
func EnumNamed[T ~string](d *Decoder, n *yaml.Node, path string, valid []T, named func(string) (T, bool)) T {
	s := d.text(n, path)
	if s == "" {
		return ""
	}
	if i := slices.Index(valid, T(s)); i >= 0 {
		return valid[i] // not the document's text, as String says
	}
	if id, ok := named(s); ok && slices.Contains(valid, id) {
		d.errorf(n, diag.RuleValue, "yaml.enum-name", s, string(id), path, string(id))
		return T(strings.Clone(s))
	}
	return Enum(d, n, path, valid)
}

func shape(v *yaml.Node) Shape {
	switch v.Kind {
	case yaml.MappingNode:
		return Mapping
	case yaml.SequenceNode:
		return Sequence
	}
	return Scalar
}

// isBlank reports whether v gives no value: null, or a text of blanks.
func isBlank(v *yaml.Node) bool {
	if IsNull(v) {
		return true
	}
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && strings.TrimSpace(v.Value) == ""
}

// label is how a field is named in messages.
func (d *Decoder) label(path string) any {
	if path != "" {
		return path
	}
	if d.Name != "" {
		return d.Name
	}
	return i18n.Key("yaml.front-matter")
}

// describe says what a value is, for a message that says it is the wrong
// kind: a text is shown as written, as "4.5", so that the message points at
// it.
func describe(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		return i18n.Key("yaml.kind.mapping")
	case yaml.SequenceNode:
		return i18n.Key("yaml.kind.list")
	case yaml.AliasNode:
		return i18n.Key("yaml.kind.alias")
	}
	if n.ShortTag() == "!!null" {
		return i18n.Key("yaml.kind.null")
	}
	return fmt.Sprintf("%q", n.Value)
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
