package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/personal"
)

// Most idea texts are what the issue forms make of them: headings (### Nuläge),
// paragraphs of words and a list of them, without a link or an emphasis.
// goldmark parses such a text as it parses any, through every block and
// inline parser and the linkify scan at each space, which was most of the
// Markdown work of a build. simpleHTMLAndText writes the HTML and plain
// text of such a text itself, as goldmark and the safety pass would; a text
// with anything more, or anything it is not sure of, goes to goldmark.
// TestSimpleAsGoldmark and FuzzSimpleAsGoldmark compare the two.

// simpleHTMLAndText returns what HTMLAndText returns for src, with
// headings headingOffset levels down, and true; or false where src is more
// than ATX headings, paragraphs of plain text and tight lists of "- " items,
// or past the bounds of Limits:
//   - every character a letter, an ASCII digit, a space, a line break, one
//     of simplePunct or a sign past ASCII (see simpleRune): no tab, no
//     character that starts inline markup, an entity, raw HTML or a table;
//     and no e-mail address in any form, so that the safety pass changes
//     nothing;
//   - no "www." and no "http:", "https:" or "ftp:", which linkify makes links of;
//   - every line that is not blank starts with a letter, or is a heading (one
//     to six # and a space, then text without a #) or an item ("- " and a
//     letter);
//   - the items of a list follow each other, and a line after an item is
//     another, a blank line or the end (no item goes on, no list is loose);
//   - no line ends in two spaces (a hard line break).
func simpleHTMLAndText(src string, headingOffset int) (html, plain string, ok bool) {
	// A simple text keeps the bounds of Limits but those of its length
	// and its lines' (it has no [, no fence, and nests a list item at
	// most): within them its Limits are none, as HTMLAndText needs.
	if len(src) >= MaxText {
		return "", "", false
	}
	percent := false
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if !simpleASCII[c] {
				return "", "", false
			}
			percent = percent || c == '%'
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if !simpleRune(r) {
			return "", "", false
		}
		i += size
	}
	for _, s := range []string{"www.", "http:", "https:", "ftp:"} {
		if strings.Contains(src, s) {
			return "", "", false
		}
	}
	// A % may encode an @ (%40): a text that holds an address in any form
	// is the safety pass's.
	if percent && personal.HasEmail(src) {
		return "", "", false
	}
	var h strings.Builder
	h.Grow(len(src) + len(src)/8 + 16)
	var w words
	w.Grow(len(src))
	const (
		none = iota
		para
		list
		listEnded // a list and then a blank line: an item now would make it loose
	)
	block := none
	end := func() {
		switch block {
		case para:
			h.WriteString("</p>\n")
		case list:
			h.WriteString("</ul>\n")
		}
		w.space()
	}
	for rest := src; rest != ""; {
		line, next, _ := strings.Cut(rest, "\n")
		rest = next
		if len(line) > MaxLine {
			return "", "", false
		}
		if strings.TrimLeft(line, " ") == "" {
			end()
			if block == list || block == listEnded {
				block = listEnded
			} else {
				block = none
			}
			continue
		}
		if line[0] == '#' {
			n := 0
			for n < len(line) && line[n] == '#' {
				n++
			}
			text := strings.Trim(line[n:], " ")
			if n > 6 || len(line) == n || line[n] != ' ' || text == "" || strings.IndexByte(text, '#') >= 0 || block == list {
				return "", "", false
			}
			end()
			block = none
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
		item := strings.HasPrefix(line, "- ")
		text := line
		if item {
			text = line[2:]
		}
		if text == "" || !startsWord(text) || strings.IndexByte(text, '#') >= 0 || strings.HasSuffix(text, "  ") {
			return "", "", false
		}
		text = strings.TrimRight(text, " ")
		switch {
		case item && block == listEnded, !item && block == list:
			return "", "", false // a loose list, or a line that goes on an item
		case item:
			if block != list {
				end()
				h.WriteString("<ul>\n")
				block = list
			}
			h.WriteString("<li>")
			writeEscaped(&h, text)
			h.WriteString("</li>\n")
			w.space()
			w.write([]byte(text))
			continue
		case block == para:
			h.WriteString("\n")
			w.space()
		default:
			h.WriteString("<p>")
			block = para
		}
		writeEscaped(&h, text)
		w.write([]byte(text))
	}
	end()
	return personal.MaskEmails(fitted(&h)), personal.MaskEmails(fitted(&w.Builder)), true
}

// startsWord reports whether s starts with a letter: a line that does
// starts no block but a paragraph.
func startsWord(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// simpleRune reports whether a simple text may hold r, a character past
// ASCII: a letter, or a dash, a quotation mark or another sign that no
// Markdown parser reads, but none that is white space, invisible, not
// UTF-8, or a small or fullwidth form, which NFKC may fold into @, % or &.
func simpleRune(r rune) bool {
	switch {
	case unicode.IsLetter(r):
		return true
	case r == utf8.RuneError, 0xFE50 <= r && r <= 0xFE6F, 0xFF00 <= r && r <= 0xFFEF:
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// simplePunct are the ASCII characters other than letters and digits that a
// simple text may hold: none starts inline markup, an entity or a link, or
// needs escaping but ", which goldmark writes as &quot;.
const simplePunct = " \n#.,;:?!()'\"-/=+%"

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
