// Package site is the theme of the published site: its layouts (Go
// html/template files) and its assets (the style sheet and a small script).
// It is embedded in the program, so that a plain `go install` builds a
// site anywhere; an idea bank with a site/ folder of its own uses that.
package site

import "embed"

// FS holds layouts/ and assets/.
//
//go:embed layouts assets
var FS embed.FS
