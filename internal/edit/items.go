package edit

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Items returns the texts of the list at the dotted path, and whether
// there is a list there. An item that is not a text is "".
func (d *Doc) Items(path string) ([]string, bool) {
	_, v, _, _ := d.lookup(strings.Split(path, "."))
	if v == nil || v.Kind != yaml.SequenceNode {
		return nil, false
	}
	out := make([]string, len(v.Content))
	for i, n := range v.Content {
		if n.Kind == yaml.ScalarNode {
			out[i] = n.Value
		}
	}
	return out, true
}

// SetItem replaces item i of the list at the dotted path, a text, with the
// text v, leaving the rest of the file as it is.
func (d *Doc) SetItem(path string, i int, v Value) error {
	p := strings.Split(path, ".")
	_, list, _, _ := d.lookup(p)
	if list == nil || list.Kind != yaml.SequenceNode || i < 0 || i >= len(list.Content) || list.Content[i].Kind != yaml.ScalarNode {
		return &Error{Kind: Shape, Path: path}
	}
	n := list.Content[i]
	s, err := d.start(n, p)
	if err != nil {
		return err
	}
	e, err := d.scalarEnd(n, s, p)
	if err != nil {
		return err
	}
	return d.splice(s, e, v.scalar(list.Style&yaml.FlowStyle != 0), p)
}
