package yamlx

import (
	"strings"

	"github.com/idebanken/idebanken/internal/diag"
)

// Field is where a key stands in a file, whether it was left blank
// ("feedback:" with no value, or an empty text), and the shape of its value.
type Field struct {
	Pos   diag.Pos
	Blank bool
	Shape Shape
}

// Shape is the form of a value: a text, a list or a group of keys.
type Shape int

// The shapes of values.
const (
	Scalar Shape = iota
	Mapping
	Sequence
	Refused // a value the file gives that cannot be read, such as an alias
)

// Is reports whether the file gives the key at path a value of shape s, or
// leaves it blank: whether what belongs below the key can be looked for.
func (f Fields) Is(path string, s Shape) bool {
	x, ok := f[path]
	return ok && (x.Blank || x.Shape == s)
}

// Fields maps the dotted path of every key a file contains
// ("screening.criteria.mission.met") to where it stands. The empty path is
// the start of the document.
type Fields map[string]Field

// Has reports whether the file gives a value for the key at path.
func (f Fields) Has(path string) bool {
	x, ok := f[path]
	return ok && !x.Blank
}

// Declared reports whether the file contains the key at path, blank or not.
func (f Fields) Declared(path string) bool {
	_, ok := f[path]
	return ok
}

// Lookup returns the position of path, or of its nearest enclosing key that
// the file contains, so that a missing field is reported where it belongs.
func (f Fields) Lookup(path string) diag.Pos {
	for {
		if x, ok := f[path]; ok {
			return x.Pos
		}
		if path == "" {
			return diag.Pos{Line: 1, Col: 1}
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}
