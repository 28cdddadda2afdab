package edit

import "strings"

// Bool returns true or false.
func Bool(b bool) Value {
	if b {
		return Value{text: "true"}
	}
	return Value{text: "false"}
}

// Delete removes the key at the dotted path, and its value; a key the
// file does not have is no change. A key that is the last of its mapping
// is refused: the mapping would be left empty, which says something else.
func (d *Doc) Delete(path string) ([]Change, error) {
	keys := strings.Split(path, ".")
	old, found := d.Get(path)
	if key, _, _, _ := d.lookup(keys); key == nil {
		return nil, nil
	}
	removed, err := d.remove(keys)
	if err != nil {
		return nil, err
	}
	if !found {
		old = removed
	}
	return []Change{{Path: path, Kind: Removed, Old: old}}, nil
}
