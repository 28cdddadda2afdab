package personal

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Masked replaces every e-mail address in what is published.
const Masked = "[e-post]"

// The parts of an e-mail address, each as a character or an encoded one:
// a percent escape as in a link (%40, %C3%B6), an HTML character
// reference (&#64;, &ouml;), or a Markdown escape (\@, \.). Letters are
// any script's, for internationalised addresses (gustav.g@göteborg.se).
const (
	encoded  = `%[0-9A-Fa-f]{2}|&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};|&[A-Za-z][A-Za-z0-9]{1,31};`
	local    = `(?:[\pL\pN\pM._+\-]|` + encoded + `)+`
	at       = `(?:\\?@|＠|﹫|&#0*64;|&#[xX]0*40;|&commat;|%40)`
	label    = `(?:[\pL\pN\pM\-]|` + encoded + `)+`
	dot      = `(?:\\?\.|&#0*46;|&#[xX]0*2[eE];|&period;|%2[eE])`
	topLevel = `(?:\pL|\pM|` + encoded + `){2,}`
)

var emailPattern = regexp.MustCompile(local + at + label + `(?:` + dot + label + `)*` + dot + topLevel)

// mayHoldEmail reports whether s has an @ in any form: most texts have
// none, and are spared the pattern.
func mayHoldEmail(s string) bool {
	if strings.IndexByte(s, '@') >= 0 || strings.Contains(s, "＠") || strings.Contains(s, "﹫") {
		return true
	}
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '&') < 0 {
		return false
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "%40") || strings.Contains(l, "&commat;") || strings.Contains(l, "&#x40;") || strings.Contains(l, "&#64;") ||
		strings.Contains(l, "&#x0") || strings.Contains(l, "&#0")
}

// mayRevealEmail reports whether Normalize(s) can pass mayHoldEmail: every
// form of @ that it looks for begins with @, % or &, and Normalize makes
// one of those only of itself, of an entity (which begins with &) or of a
// character NFKC folds into one (TestRevealingCharacters holds that list to
// Unicode). Swedish text is seldom plain ASCII, so without this HasEmail
// would normalise nearly every text it is shown.
func mayRevealEmail(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '@' || c == '%' || c == '&':
			return true
		case c == 0xEF: // the lead byte of all of revealing's characters in UTF-8
			r, _ := utf8.DecodeRuneInString(s[i:])
			if strings.ContainsRune(revealing, r) {
				return true
			}
		}
	}
	return false
}

// revealing holds the characters NFKC folds into @, % or &: small and
// fullwidth forms.
const revealing = "\uFE60\uFE6A\uFE6B\uFF05\uFF06\uFF20"

// HasEmail reports whether s holds an e-mail address, in any of the forms
// MaskEmails masks, or one that its normal form reveals.
func HasEmail(s string) bool {
	if !mayRevealEmail(s) {
		return false // nor can its normal form: most text of a site is spared the copy
	}
	if mayHoldEmail(s) && emailPattern.MatchString(s) {
		return true
	}
	if n := Normalize(s); n != s {
		return mayHoldEmail(n) && emailPattern.MatchString(n)
	}
	return false
}

// MaskEmails replaces every e-mail address in s with Masked: in text, in
// HTML (where the address may be written with character references) and
// in links (where it may be percent-encoded). Every output of Idébanken
// passes what it publishes through it.
func MaskEmails(s string) string {
	if !mayHoldEmail(s) {
		return s
	}
	return emailPattern.ReplaceAllString(s, Masked)
}
