// Package ideafile reads idea files: YAML front matter between "---" lines,
// then a Markdown body.
//
// It accepts what real editors write (a byte-order mark, CRLF line endings,
// spaces after the "---") and reports everything else as a positioned
// diagnostic. It checks the shape and the values of each field; what the
// fields must say about each other, the configuration and the process is
// the check package's work.
package ideafile

import (
	"bytes"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/diag"
)

// MaxSize is the largest idea file read, in bytes. An idea is a page or two
// of text; anything much larger is a mistake, such as a pasted attachment.
const MaxSize = 1 << 20

// Doc is an idea file split into its front matter and body.
type Doc struct {
	FrontMatter []byte // the YAML, with LF line endings
	YAMLLine    int    // the file line before the first line of FrontMatter
	Body        []byte
	BodyLine    int // the file line on which Body starts
}

// Split checks that data is text of a reasonable size and splits it into
// front matter and body. It returns false, having added the reason to
// diags, when there is no usable front matter.
func Split(path string, data []byte, diags *diag.List) (Doc, bool) {
	start := diag.Pos{Line: 1, Col: 1}
	if len(data) > MaxSize {
		diags.Errorf(path, start, diag.RuleTooLarge, "file.too-large", len(data)/1024, MaxSize/1024)
		return Doc{}, false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		diags.Errorf(path, posOf(data, i), diag.RuleEncoding, "file.binary")
		return Doc{}, false
	}
	if !utf8.Valid(data) {
		diags.Errorf(path, posOf(data, firstInvalid(data)), diag.RuleEncoding, "file.not-utf8")
		return Doc{}, false
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.Contains(data, []byte("\r")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		diags.Errorf(path, start, diag.RuleFrontMatter, "file.empty")
		return Doc{}, false
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if !isFence(first) {
		diags.Errorf(path, start, diag.RuleFrontMatter, "file.no-front-matter")
		return Doc{}, false
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if isFence(l) {
			doc := Doc{FrontMatter: rest[:off], YAMLLine: 1, BodyLine: line + 1}
			if end >= 0 {
				doc.Body = rest[off+end+1:]
			}
			return doc, true
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	diags.Errorf(path, start, diag.RuleFrontMatter, "file.unclosed")
	return Doc{}, false
}

// isFence reports whether line is "---", perhaps with trailing blanks.
func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == "---"
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// posOf returns the line and column of offset i, counting columns in
// characters as the YAML positions do.
func posOf(b []byte, i int) diag.Pos {
	line := 1 + bytes.Count(b[:i], []byte("\n"))
	start := bytes.LastIndexByte(b[:i], '\n') + 1
	return diag.Pos{Line: line, Col: 1 + utf8.RuneCount(b[start:i])}
}
