package personal

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"070\u2013123\u00A045", "070-123 45"},
		{"850709&#45;9805", "850709-9805"},
		{"850709&amp;ndash;9805", "850709-9805"},
		{`850709\-9805`, "850709-9805"},
		{"８５０７０９", "850709"},
		{"a\u200Bb\u00ADc", "abc"},
		{"go\u0308teborg", "göteborg"},
		{"rad ett\nrad två", "rad ett\nrad två"}, // the lines stay lines
		{"inget att göra", "inget att göra"},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMaskEmails(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"skriv till gustav.g@göteborg.se i dag", "skriv till [e-post] i dag"},
		{"eva@xn--gteborg-90a.se", "[e-post]"},
		{`<a href="mailto:gustav%40example.se">x</a>`, `<a href="mailto:[e-post]">x</a>`},
		{"https://x.se/?to=kim%40g%C3%B6teborg.se&a=1", "https://x.se/?to=[e-post]&a=1"},
		{"bo&#64;kommun.se och bo&#x40;kommun.se", "[e-post] och [e-post]"},
		{"cia&commat;kommun&period;se", "[e-post]"},
		{`dan\@kommun\.se`, "[e-post]"},
		{"eva＠kommun.se", "[e-post]"},
		{"go\u0308ran@go\u0308teborg.se", "[e-post]"},
		// Not addresses: they stay.
		{"tack @alice, vi ses kl. 10@rummet", "tack @alice, vi ses kl. 10@rummet"},
		{"50 % av 40 000 kr & mer", "50 % av 40 000 kr & mer"},
	} {
		if got := MaskEmails(c.in); got != c.want {
			t.Errorf("MaskEmails(%q) = %q, want %q", c.in, got, c.want)
		}
		if masked := strings.Contains(c.want, Masked); HasEmail(c.in) != masked {
			t.Errorf("HasEmail(%q) = %v, want %v", c.in, !masked, masked)
		}
	}
}

func TestFindKinds(t *testing.T) {
	got := Find("Ring 070-123 45 67 eller mejla eva@kommun.se, pnr 850709-9805")
	if len(got) != 3 || got[0] != PersonalNumber || got[1] != Phone || got[2] != Email {
		t.Errorf("Find = %v, want every kind once, in the order of Kinds", got)
	}
	if got := Find("2026-03-02 2026-04-01"); len(got) != 0 {
		t.Errorf("two dates: %v", got)
	}
}

// TestRevealingCharacters holds mayRevealEmail's shortcut to Unicode: a
// character NFKC folds into @, % or & that it did not know would let
// HasEmail miss an address Normalize reveals.
func TestRevealingCharacters(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if n := norm.NFKC.String(string(r)); strings.ContainsAny(n, "@%&") && !mayRevealEmail("a"+string(r)+"b") {
			t.Errorf("mayRevealEmail misses %U, which NFKC makes %q", r, n)
		}
	}
	for _, s := range []string{"anna\uFF20exempel.se", "anna&amp;#64;exempel.se", "anna%\u200B40exempel.se", "anna\uFE6Bexempel.se"} {
		if !HasEmail(s) {
			t.Errorf("HasEmail(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Förslag om snöröjning – med ändrad väg", "ingen adress här", "\uFEFFbom"} {
		if mayRevealEmail(s) || HasEmail(s) {
			t.Errorf("mayRevealEmail(%q) = true, want false", s)
		}
	}
}
