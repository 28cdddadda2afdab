package ghmd

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/idebanken/idebanken/internal/personal"
)

// hostile are texts that try to become markup, HTML, a link, a mention or
// a reference on GitHub.
var hostile = []string{
	"Hej @alice och @org/team, se #12, GH-7, gh-8 och org/repo#9",
	"www.example.org och WWW.EXAMPLE.ORG, https://evil.example/x och mailto:a@b.se",
	"skriv till gustav.g@göteborg.se eller gustav&#64;example.se",
	"<script>alert(1)</script> <img src=x onerror=alert(1)> &amp; &#64;x",
	"**fet** _kursiv_ ~~struken~~ `kod` ``två`` [länk](https://x) ![bild](x)",
	"- lista", "+ lista", "1. lista", "12) lista", "# rubrik", "> citat", "=== ", "| a | b |",
	"rad ett\nrad två\n\n- lista\r\n```\nkod\n```",
	"fil`med`backticks.md", "`", "a\\`b", ":smile: :+1:",
}

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// githubPatterns are what GitHub's filters link in the decoded text.
var githubPatterns = regexp.MustCompile(`(?i)@[a-z0-9]|#[0-9]|\bgh-[0-9]|\bwww\.|://`)

func TestText(t *testing.T) {
	for _, s := range hostile {
		got := Text(s)
		var out bytes.Buffer
		if err := gfm.Convert([]byte("- "+got), &out); err != nil {
			t.Fatal(err)
		}
		// One list item holding one paragraph of text: no other element.
		rendered := strings.TrimSpace(out.String())
		inner, ok := strings.CutPrefix(rendered, "<ul>\n<li>")
		inner, ok2 := strings.CutSuffix(inner, "</li>\n</ul>")
		if !ok || !ok2 || strings.Contains(inner, "<") {
			t.Errorf("Text(%q) = %q renders as markup:\n%s", s, got, rendered)
			continue
		}
		// It shows as written, on one line, but for the invisible spaces.
		shown := strings.ReplaceAll(html.UnescapeString(inner), zwsp, "")
		// (Addresses masked: GitHub is as public as the site.)
		if want := personal.MaskEmails(strings.Join(strings.Fields(s), " ")); shown != want {
			t.Errorf("Text(%q) shows %q, want %q", s, shown, want)
		}
		if m := githubPatterns.FindString(html.UnescapeString(inner)); m != "" {
			t.Errorf("Text(%q) = %q leaves %q live for GitHub's filters", s, got, m)
		}
	}
}

func TestCode(t *testing.T) {
	for _, s := range append(hostile, "ideas/2026/2026-001-`@x` <b>.md", "``` tre", "slut`") {
		got := Code(s)
		var out bytes.Buffer
		if err := gfm.Convert([]byte("- "+got+" efter"), &out); err != nil {
			t.Fatal(err)
		}
		rendered := strings.TrimSpace(out.String())
		inner, ok := strings.CutPrefix(rendered, "<ul>\n<li><code>")
		inner, ok2 := strings.CutSuffix(inner, "</code> efter</li>\n</ul>")
		if !ok || !ok2 || strings.Contains(inner, "<") {
			t.Errorf("Code(%q) = %q is not one code span:\n%s", s, got, rendered)
			continue
		}
		if shown, want := html.UnescapeString(inner), strings.Join(strings.Fields(s), " "); shown != want {
			t.Errorf("Code(%q) shows %q, want %q", s, shown, want)
		}
	}
	if Code("") != "" {
		t.Errorf("Code(\"\") = %q", Code(""))
	}
}

func TestURL(t *testing.T) {
	u := "https://example.org/a b)(<x>\"\\"
	var out bytes.Buffer
	_ = gfm.Convert([]byte("[länk]("+URL(u)+")"), &out)
	if want := `<p><a href="https://example.org/a%20b%29%28%3Cx%3E%22%5C">länk</a></p>`; strings.TrimSpace(out.String()) != want {
		t.Errorf("URL(%q) renders\n%s\nwant\n%s", u, out.String(), want)
	}
}
