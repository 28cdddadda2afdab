// Package ghmd escapes text for GitHub's Markdown: every text from a file,
// an issue or a person that Idébanken writes into an issue comment, a pull
// request's comment or description, or a job summary goes through it.
//
// GitHub reads a text twice. cmark-gfm turns Markdown into HTML (markup,
// HTML, autolinks of URLs and www. addresses), and then filters on the
// HTML's text turn @name into a mention and #123, GH-123 and owner/repo#123
// into links. A numeric character reference stops the first reading but
// not the second, since the filters see the decoded text: there a zero-width
// space (U+200B) breaks the pattern instead, invisibly.
package ghmd

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/personal"
)

// zwsp is the zero-width space that breaks a mention or a reference.
const zwsp = "\u200b"

// Text escapes s for use inside a line of Markdown on GitHub: it shows as
// written, on one line, and starts no markup, no HTML, no link, no
// reference to an issue, and mentions nobody.
func Text(s string) string {
	// GitHub is as public as the site: no e-mail address, in any form.
	s = personal.MaskEmails(strings.Join(strings.Fields(s), " "))
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		rest := s[i+size:]
		switch {
		case strings.ContainsRune("\\`*_[]#|~><&:!", r):
			fmt.Fprintf(&b, "&#%d;", r)
			if r == '#' && startsWithDigit(rest) {
				b.WriteString(zwsp) // #123, owner/repo#123
			}
			if r == ':' && strings.HasPrefix(rest, "//") {
				b.WriteString(zwsp) // https://
			}
		case r == '@':
			b.WriteString("@" + zwsp) // no mention, no e-mail autolink
		case i == 0 && (r == '-' || r == '+' || r == '='):
			// A list item, or a heading's underline, where the text
			// starts a line.
			fmt.Fprintf(&b, "&#%d;", r)
		case (r == '.' || r == ')') && allDigits(s[:i]):
			fmt.Fprintf(&b, "&#%d;", r) // "1." starts a numbered list
		case r == '-' && i >= 2 && wordStart(s, i-2) && strings.EqualFold(s[i-2:i], "gh") && startsWithDigit(rest):
			b.WriteString("-" + zwsp) // GH-123
		case (r == 'w' || r == 'W') && wordStart(s, i) && len(rest) >= 3 && strings.EqualFold(rest[:3], "ww."):
			b.WriteString(s[i:i+3] + zwsp + ".") // www.example.org
			i += 4
			continue
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// wordStart reports whether position i of s starts a word: GitHub links a
// reference or an address only there.
func wordStart(s string, i int) bool {
	if i < 0 {
		return false
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
}

// Code returns s as a code span: shown exactly as written, on one line,
// with nothing in it read as markup, a mention or a link. A backtick in s
// cannot end the span: the fence is one backtick longer than the longest
// run of them in s.
func Code(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if s[0] == '`' || s[len(s)-1] == '`' {
		// A space on both sides is taken off again, and keeps a backtick
		// at either end from joining the fence.
		s = " " + s + " "
	}
	return fence + s + fence
}

// URL returns u for a link's destination in Markdown, [text](URL(u)): the
// characters that would end the destination or the link are
// percent-encoded.
func URL(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c == '<' || c == '>' || c == '(' || c == ')' || c == '"' || c == '\\' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
