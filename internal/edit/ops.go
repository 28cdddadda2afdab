package edit

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// ChangeKind is what an edit did to a field.
type ChangeKind int

// The kinds of Change.
const (
	Changed ChangeKind = iota // a value was replaced
	Added                     // a key was added, with its value
	Removed                   // a key was removed, with its value
)

// Change is one field that an edit changed.
type Change struct {
	Path string // dotted, as in "screening.outcome"
	Kind ChangeKind
	Old  string   // the text replaced or removed; "" for none
	New  string   // the text written; "" for an empty value or a group
	Keys []string // for a group of fields added, its keys
}

// changes collects what the edits of one Doc did.
type changes struct {
	list []Change
	kept []string
}

func (c *changes) add(ch Change) { c.list = append(c.list, ch) }

func join(path []string) string { return strings.Join(path, ".") }

func child(path []string, key string) []string {
	return append(slices.Clip(path), key)
}

// Set writes v at the dotted path, as Merge does with a one-key mapping:
// the key is added where it is missing, its value replaced where v is in
// the mode Overwrite or the file leaves it blank. The mapping that holds
// the key must exist.
func (d *Doc) Set(path string, v Value) ([]Change, error) {
	keys := strings.Split(path, ".")
	var c changes
	_, err := d.merge(keys[:len(keys)-1], []Pair{P(keys[len(keys)-1], v)}, &c)
	return c.list, err
}

// mapping returns the mapping at path (the root for an empty path).
func (d *Doc) mapping(path []string) (*yaml.Node, error) {
	if len(path) == 0 {
		return d.root, nil
	}
	_, v, _, _ := d.lookup(path)
	if v == nil || v.Kind != yaml.MappingNode {
		return nil, &Error{Kind: Shape, Path: join(path)}
	}
	return v, nil
}

// merge writes pairs into the mapping at parent, key by key: a missing key
// is added after the last key of the mapping; a mapping is merged into the
// one the file has; a scalar replaces the file's value when it is in the
// mode Overwrite and differs, or when the file leaves the value blank. It
// reports whether anything changed, and records in c what did and what was
// kept.
func (d *Doc) merge(parent []string, pairs []Pair, c *changes) (bool, error) {
	changed := false
	for _, p := range pairs {
		path := child(parent, p.Key)
		key, val, _, _ := d.lookup(path)
		switch {
		case key == nil && p.Value.optional:
			continue
		case key == nil:
			if err := d.insert(parent, p); err != nil {
				return changed, err
			}
			ch := Change{Path: join(path), Kind: Added}
			if p.Value.isMap {
				ch.Keys = p.Value.keys()
			} else {
				ch.New = p.Value.text
			}
			c.add(ch)
			changed = true
		case p.Value.isMap:
			switch {
			case val.Kind == yaml.MappingNode:
				before := len(c.kept)
				sub, err := d.merge(path, p.Value.pairs, c)
				if err != nil {
					return changed, err
				}
				if !sub && len(c.kept) > before {
					c.kept = append(c.kept[:before], join(path)) // kept as a whole
				}
				changed = changed || sub
			case val.Kind == yaml.ScalarNode && val.ShortTag() == "!!null":
				if err := d.setMapping(path, p.Value); err != nil {
					return changed, err
				}
				c.add(Change{Path: join(path), Kind: Added, Keys: p.Value.keys()})
				changed = true
			default:
				return changed, &Error{Kind: Shape, Path: join(path)}
			}
		default:
			if val.Kind != yaml.ScalarNode {
				if p.Value.Mode == Overwrite {
					return changed, &Error{Kind: Shape, Path: join(path)}
				}
				continue // not this change's business: the check says what is wrong
			}
			blank := isBlank(val)
			write := false
			switch {
			case p.Value.Mode == Overwrite:
				write = !(blank && p.Value.blank()) && (blank != p.Value.blank() || val.Value != p.Value.text)
			default:
				write = blank && !p.Value.blank()
			}
			if !write {
				if !blank && p.Value.Mode != Overwrite {
					c.kept = append(c.kept, join(path))
				}
				continue
			}
			old := val.Value
			if err := d.setScalar(path, p.Value); err != nil {
				return changed, err
			}
			c.add(Change{Path: join(path), Kind: Changed, Old: old, New: p.Value.text})
			changed = true
		}
	}
	return changed, nil
}

// skipBlanks returns the offset of the first character at or after p that
// is not a space or a tab.
func (d *Doc) skipBlanks(p int) int {
	for p < d.fm1 && (d.src[p] == ' ' || d.src[p] == '\t') {
		p++
	}
	return p
}

// spaceBefore returns " " where the text at p must be kept apart from a
// value written before it (a comment right after the colon, "key:#").
func (d *Doc) spaceBefore(p int) string {
	if p >= d.fm1 || strings.IndexByte(" \t\r\n,]}", d.src[p]) >= 0 {
		return ""
	}
	return " "
}

// setScalar replaces the scalar value at path with v.
func (d *Doc) setScalar(path []string, v Value) error {
	key, val, parent, _ := d.lookup(path)
	if val.Kind != yaml.ScalarNode {
		return &Error{Kind: Shape, Path: join(path)}
	}
	flow := parent.Style&yaml.FlowStyle != 0
	s, e, err := d.valueSpan(key, val, path)
	if err != nil {
		return err
	}
	text := v.scalar(flow)
	switch {
	case s == e && flow: // "{key: , ...}"
		q := d.skipBlanks(s)
		return d.splice(s, q, " "+text+d.spaceBefore(q), path)
	case s == e: // "key:", perhaps with a comment after it
		return d.splice(s, s, " "+text+d.spaceBefore(s), path)
	case text == "":
		ac, err := d.afterColon(key, path)
		if err != nil {
			return err
		}
		blank := ""
		if flow {
			blank = " " // "{key: , ...}": "key:," would be a key of its own
		}
		return d.splice(ac, e, blank+d.spaceBefore(e), path)
	}
	return d.splice(s, e, text+d.spaceBefore(e), path)
}

// setMapping writes the mapping v as the value of the key at path, which
// the file leaves empty.
func (d *Doc) setMapping(path []string, v Value) error {
	key, val, parent, _ := d.lookup(path)
	ac, err := d.afterColon(key, path)
	if err != nil {
		return err
	}
	_, e, err := d.valueSpan(key, val, path)
	if err != nil {
		return err
	}
	if parent.Style&yaml.FlowStyle != 0 {
		if e == ac {
			e = d.skipBlanks(ac)
		}
		return d.splice(ac, e, " "+v.flowText(), path)
	}
	if v.flow {
		return d.splice(ac, e, " "+v.flowText(), path)
	}
	if !isEmpty(val) {
		if val.Line != key.Line {
			return unsupported(path)
		}
		if err := d.splice(ac, e, "", path); err != nil { // the "~" or "null"
			return err
		}
		key, _, _, _ = d.lookup(path)
	}
	if key.Line < 1 || key.Line > d.nlines() {
		return unsupported(path)
	}
	var lines []string
	for _, p := range v.pairs {
		lines = append(lines, blockLines(p.Key, p.Value, key.Column-1+d.step, d.step)...)
	}
	at := d.lines[key.Line]
	return d.splice(at, at, strings.Join(lines, d.eol)+d.eol, path)
}

// insert adds the pair p after the last key of the mapping at parent.
func (d *Doc) insert(parent []string, p Pair) error {
	m, err := d.mapping(parent)
	if err != nil {
		return err
	}
	path := child(parent, p.Key)
	if m.Anchor != "" || m.Style&yaml.TaggedStyle != 0 {
		return unsupported(path)
	}
	if m.Style&yaml.FlowStyle != 0 {
		text := p.Key + ": " + p.Value.flowText()
		if len(m.Content) == 0 {
			s, err := d.start(m, path)
			if err != nil {
				return err
			}
			if d.src[s] != '{' {
				return unsupported(path)
			}
			return d.splice(s+1, s+1, text, path)
		}
		s, e, err := d.valueSpan(m.Content[len(m.Content)-2], m.Content[len(m.Content)-1], path)
		if err != nil {
			return err
		}
		q := d.skipBlanks(e)
		if q < d.fm1 && d.src[q] == ',' { // a trailing comma
			return d.splice(q+1, q+1, " "+text+",", path)
		}
		sep := ", "
		if s == e { // "{key: }": not "key:," which would be a key of its own
			if e = q; e == s {
				sep = " , "
			}
		}
		return d.splice(e, e, sep+text, path)
	}
	if len(m.Content) == 0 {
		return unsupported(path)
	}
	lastKey := m.Content[len(m.Content)-2]
	// Keys written as "key:" where the parser says, not "? key".
	for _, k := range []*yaml.Node{m.Content[0], lastKey} {
		if _, err := d.afterColon(k, path); err != nil {
			return err
		}
	}
	indent := m.Content[0].Column - 1
	lastVal := m.Content[len(m.Content)-1]
	end, err := d.lastLine(lastVal, path)
	if err != nil {
		return err
	}
	at := d.blockEndKeep(max(lastKey.Line, end), indent, true, endsInBlockScalar(lastVal))
	lines := blockLines(p.Key, p.Value, indent, d.step)
	return d.splice(at, at, strings.Join(lines, d.eol)+d.eol, path)
}

// remove deletes the key at path with its value. It returns the text of
// the value, for a scalar.
func (d *Doc) remove(path []string) (string, error) {
	key, val, parent, idx := d.lookup(path)
	if key == nil {
		return "", nil
	}
	old := ""
	if val.Kind == yaml.ScalarNode {
		old = val.Value
	}
	if len(parent.Content) == 2 {
		return "", unsupported(path) // the mapping would be left empty, a different thing
	}
	if parent.Style&yaml.FlowStyle != 0 {
		ks, err := d.start(key, path)
		if err != nil {
			return "", err
		}
		_, ve, err := d.valueSpan(key, val, path)
		if err != nil {
			return "", err
		}
		if idx > 0 { // from the comma after the value before: ", key: value"
			_, pe, err := d.valueSpan(parent.Content[idx-2], parent.Content[idx-1], path)
			if err != nil {
				return "", err
			}
			for pe < ks && d.src[pe] != ',' {
				pe++
			}
			if pe >= ks {
				return "", unsupported(path)
			}
			return old, d.splice(pe, ve, "", path)
		}
		// The first: "key: value, " up to what follows on the line.
		ns, err := d.start(parent.Content[2], path)
		if err != nil {
			return "", err
		}
		q := d.skipBlanks(ve)
		if q >= ns || d.src[q] != ',' {
			return "", unsupported(path)
		}
		return old, d.splice(ks, min(d.skipBlanks(q+1), ns), "", path)
	}
	if key.Line < 1 || key.Line > d.nlines() {
		return "", unsupported(path)
	}
	ind, _ := indentOf(d.line(key.Line))
	if ind != key.Column-1 {
		return "", unsupported(path)
	}
	if val.Kind == yaml.ScalarNode && val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && !isEmpty(val) {
		if _, _, err := d.valueSpan(key, val, path); err != nil {
			return "", err
		}
	}
	last, err := d.lastLine(val, path)
	if err != nil {
		return "", err
	}
	end := d.lines[max(key.Line, last)] // a scalar or a flow collection: the lines it is on
	if val.Style&yaml.FlowStyle == 0 && (val.Kind != yaml.ScalarNode || endsInBlockScalar(val)) {
		end = d.blockEndKeep(max(key.Line, last), ind, false, endsInBlockScalar(val))
	}
	return old, d.splice(d.lines[key.Line-1], end, "", path)
}
