package model

import "strings"

// Pos is a position in a file: 1-based line and column. The zero Pos means
// "no position".
type Pos struct {
	Line, Col int
}

// Field is where a key stands in a file, and whether it was left blank
// ("feedback:" with no value, or an empty text).
type Field struct {
	Pos   Pos
	Blank bool
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
func (f Fields) Lookup(path string) Pos {
	for {
		if x, ok := f[path]; ok {
			return x.Pos
		}
		if path == "" {
			return Pos{Line: 1, Col: 1}
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}
