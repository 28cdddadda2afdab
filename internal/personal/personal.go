// Package personal finds personal data in what people write: Swedish
// personal identity numbers, phone numbers and e-mail addresses, in the
// forms that people, editors and web forms give them. The check refuses
// what it finds, and every output masks the addresses with MaskEmails.
//
// Text is normalised before it is matched (Normalize): a number written
// with an en dash, a no-break space, a Markdown escape or an HTML entity
// is the same number.
package personal

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as the patterns read it: composed and compatibility
// forms folded (NFKC: fullwidth digits become digits, a no-break space a
// space), HTML entities decoded (&#45;, &ndash;, &nbsp;, twice encoded
// too), Markdown backslash escapes removed, every dash and minus sign a
// hyphen, every space a plain space, and characters of no width dropped.
// It keeps line breaks, so a line of the result is a line of s.
func Normalize(s string) string {
	if isPlain(s) {
		return s
	}
	for i := 0; i < 2 && strings.IndexByte(s, '&') >= 0; i++ {
		s = html.UnescapeString(s)
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r == '\\' && i < len(s) && isASCIIPunct(s[i]):
			continue // a Markdown escape: the character after it stands for itself
		case isDash(r):
			b.WriteByte('-')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t' || r == '\r' || r == '\v' || r == '\f' || (r >= 0x80 && unicode.IsSpace(r)):
			b.WriteByte(' ')
		case isInvisible(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII without what Normalize
// changes, as most lines are: they need no copy.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == '&' || c == '\\' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			return false
		}
	}
	return true
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// isDash reports whether r is a hyphen, a dash or a minus sign.
func isDash(r rune) bool {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2043', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return true
	}
	return false
}

// isInvisible reports whether r takes no room: a soft hyphen, a zero-width
// space or joiner, a byte-order mark.
func isInvisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// Kind is a kind of personal data.
type Kind string

// The kinds of personal data Find reports.
const (
	PersonalNumber Kind = "personal-number" // personnummer or samordningsnummer
	Phone          Kind = "phone"
	Email          Kind = "email"
)

// Kinds lists the valid kinds.
var Kinds = []Kind{PersonalNumber, Phone, Email}

// Find returns the kinds of personal data in s, each once, in the order
// of Kinds.
func Find(s string) []Kind {
	n := Normalize(s)
	var out []Kind
	if digits(n) >= 8 {
		if hasPersonalNumber(n) {
			out = append(out, PersonalNumber)
		}
		if hasPhone(n) {
			out = append(out, Phone)
		}
	}
	if HasEmail(s) {
		out = append(out, Email)
	}
	return out
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// A personnummer: YYMMDD or YYYYMMDD, then - or + (or a space, or
// nothing), then four digits, the last a check digit. A hyphen may have
// spaces around it, as people type " - ".
var pnrPattern = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)?[0-9]{6}) ?(?:[-+] ?)?([0-9]{4})(?:$|[^0-9])`)

// hasPersonalNumber reports whether normalised s holds a personal
// identity number or co-ordination number with a valid check digit.
func hasPersonalNumber(s string) bool {
	// The pattern consumes the character on each side, so two numbers
	// one character apart need a second look from the second's start.
	for start := 0; start < len(s); {
		loc := pnrPattern.FindStringSubmatchIndex(s[start:])
		if loc == nil {
			return false
		}
		date, tail := s[start+loc[2]:start+loc[3]], s[start+loc[4]:start+loc[5]]
		if len(date) == 8 {
			date = date[2:]
		}
		if validPersonalNumber(date + tail) {
			return true
		}
		start += loc[2] + 1
	}
	return false
}

// validPersonalNumber checks ten digits YYMMDDNNNC: a possible month and
// day (day+60 for a co-ordination number) and the Luhn check digit C.
func validPersonalNumber(d string) bool {
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	day := int(d[4]-'0')*10 + int(d[5]-'0')
	if day > 60 {
		day -= 60
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return false
	}
	sum := 0
	for i := 0; i < 10; i++ {
		n := int(d[i] - '0')
		if i%2 == 0 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

// A Swedish phone number, with its parentheses taken out: 0 or +46 (or
// 0046, and then perhaps the 0 again), then the area code and number, 7
// to 9 digits in groups as people write them, split by single spaces,
// hyphens, dots or slashes (070-123 45 67, 08/123 456 78, 031.12.34.56).
var phonePattern = regexp.MustCompile(`^(?:(?:\+|00)46[-. /]?0?|0)[1-9](?:[-. /]?[0-9]){6,8}`)

// timeRange is a span of the day, 08.30-09.15, and dateLike a day, month
// and year, 02.03.2026 or 02/03 2026: both have the digits of a phone
// number.
var (
	timeRange = regexp.MustCompile(`^(?:[01][0-9]|2[0-3])[.:][0-5][0-9]-(?:[01][0-9]|2[0-3])[.:][0-5][0-9](?:$|[^0-9])`)
	dateLike  = regexp.MustCompile(`^(?:0[1-9]|[12][0-9]|3[01])[./](?:0[1-9]|1[0-2])[./ ](?:19|20)[0-9]{2}(?:$|[^0-9])`)
)

// amountLike is the rest of a sum grouped in thousands, "070 000" of
// "1 070 000 kr".
var amountLike = regexp.MustCompile(`^[0-9]{3}(?: [0-9]{3})+(?:$|[^0-9])`)

// hasPhone reports whether normalised s holds a phone number. A number
// counts only where it starts and ends: not within a longer run of digits,
// not after a digit and a hyphen, dot or slash (the 03 of 2026-03-02, the
// 0123 of KS 2026/0123), and not as the thousands of a sum. A time span
// and a date are not numbers.
func hasPhone(s string) bool {
	s = strings.NewReplacer("(", "", ")", "", " - ", "-", " / ", "/").Replace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '0' && c != '+' {
			continue
		}
		if i > 0 && (isDigit(s[i-1]) || s[i-1] == '+') {
			continue
		}
		if i > 1 && isDigit(s[i-2]) && (s[i-1] == '-' || s[i-1] == '.' || s[i-1] == '/') {
			continue
		}
		rest := s[i:]
		if i > 1 && isDigit(s[i-2]) && s[i-1] == ' ' && amountLike.MatchString(rest) {
			continue
		}
		m := phonePattern.FindString(rest)
		if m == "" || timeRange.MatchString(rest) || dateLike.MatchString(rest) {
			continue
		}
		// It ends where its digits do: not before more digits joined to
		// it by a hyphen, dot or slash, which make it something longer.
		end := i + len(m)
		if end < len(s) && (isDigit(s[end]) || (end+1 < len(s) && s[end] != ' ' && isSep(s[end]) && isDigit(s[end+1]))) {
			continue
		}
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isSep(c byte) bool   { return c == ' ' || c == '-' || c == '.' || c == '/' }
