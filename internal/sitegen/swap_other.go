//go:build !linux

package sitegen

import (
	"io/fs"
	"os"
	"path/filepath"
)

// exchange swaps the folders a and b, by two renames: on these systems a
// build stopped between them leaves no folder at b.
func exchange(a, b string) error { return exchangeByRenames(a, b) }

// swappable reports whether the folder out can be swapped for a stage
// beside it: here, where owners and mounts are not compared, a folder
// that is not a link.
func swappable(out string, info fs.FileInfo) bool {
	_, err := os.Stat(filepath.Dir(out))
	return err == nil && info.Mode().IsDir()
}
