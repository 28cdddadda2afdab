package personal

import (
	"regexp"
	"strings"
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

// HasEmail reports whether s holds an e-mail address, in any of the forms
// MaskEmails masks, or one that its normal form reveals.
func HasEmail(s string) bool {
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
