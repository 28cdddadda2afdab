package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Most idea texts are what the issue forms make of them: headings (### Nuläge)
// and paragraphs of words, without a link, a list or an emphasis. goldmark
// parses such a text as it parses any, through every block and inline
// parser and the linkify scan at each space, which was most of the Markdown
// work of a build. simpleHTMLAndText writes the HTML and plain text of such
// a text itself, as goldmark and the safety pass would; a text with
// anything more, or anything it is not sure of, goes to goldmark.
// TestSimpleAsGoldmark and FuzzSimpleAsGoldmark compare the two.

// simpleHTMLAndText returns what HTMLAndText returns for src, with
// headings headingOffset levels down, and true; or false where src is more
// than ATX headings and paragraphs of plain text, or past the bounds of
// Limits:
//   - every character a letter, an ASCII digit, a space, a line break or one
//     of simplePunct (no tab, no character that starts inline markup, an
//     entity, raw HTML or a table, and none that could make an e-mail
//     address, so that the safety pass changes nothing);
//   - no "www." and no "http:", "https:" or "ftp:", which linkify makes links of;
//   - every line that is not blank starts with a letter, or is a heading: one
//     to six # and a space, then text without a #;
//   - no line of a paragraph ends in two spaces (a hard line break).
func simpleHTMLAndText(src string, headingOffset int) (html, plain string, ok bool) {
	// A simple text keeps the bounds of Limits but those of its length
	// and its lines' (it has no [, no nesting and no fence): within them
	// its Limits are none, as HTMLAndText needs them to be.
	if len(src) >= MaxText {
		return "", "", false
	}
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if !simpleASCII[c] {
				return "", "", false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if !unicode.IsLetter(r) { // also utf8.RuneError: bytes that are not UTF-8
			return "", "", false
		}
		i += size
	}
	for _, s := range []string{"www.", "http:", "https:", "ftp:"} {
		if strings.Contains(src, s) {
			return "", "", false
		}
	}
	var h strings.Builder
	h.Grow(len(src) + len(src)/8 + 16)
	var w words
	w.Grow(len(src))
	inPara := false
	closePara := func() {
		if inPara {
			h.WriteString("</p>\n")
			w.space()
			inPara = false
		}
	}
	for rest := src; rest != ""; {
		line, next, _ := strings.Cut(rest, "\n")
		rest = next
		if len(line) > MaxLine {
			return "", "", false
		}
		if strings.TrimLeft(line, " ") == "" {
			closePara()
			continue
		}
		if line[0] == '#' {
			n := 0
			for n < len(line) && line[n] == '#' {
				n++
			}
			text := strings.Trim(line[n:], " ")
			if n > 6 || len(line) == n || line[n] != ' ' || text == "" || strings.IndexByte(text, '#') >= 0 {
				return "", "", false
			}
			closePara()
			level := byte('0' + min(n+headingOffset, 6))
			h.WriteString("<h")
			h.WriteByte(level)
			h.WriteByte('>')
			writeEscaped(&h, text)
			h.WriteString("</h")
			h.WriteByte(level)
			h.WriteString(">\n")
			w.write([]byte(text))
			w.space()
			continue
		}
		if c := line[0]; c < utf8.RuneSelf && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') || strings.IndexByte(line, '#') >= 0 ||
			strings.HasSuffix(line, "  ") {
			return "", "", false
		}
		text := strings.TrimRight(line, " ")
		if inPara {
			h.WriteString("\n")
			w.space()
		} else {
			h.WriteString("<p>")
			inPara = true
		}
		writeEscaped(&h, text)
		w.write([]byte(text))
	}
	closePara()
	return h.String(), w.String(), true
}

// simplePunct are the ASCII characters other than letters and digits that a
// simple text may hold: none starts inline markup, an entity or a link, or
// needs escaping but ", which goldmark writes as &quot;.
const simplePunct = " \n#.,;:?!()'\"-/=+"

// simpleASCII says which ASCII characters a simple text may hold.
var simpleASCII = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range simplePunct {
		t[c] = true
	}
	return t
}()

// writeEscaped writes text of a simple text as goldmark writes it: the
// only character of it that HTML needs escaped is ".
func writeEscaped(b *strings.Builder, text string) {
	for {
		i := strings.IndexByte(text, '"')
		if i < 0 {
			b.WriteString(text)
			return
		}
		b.WriteString(text[:i])
		b.WriteString("&quot;")
		text = text[i+1:]
	}
}
