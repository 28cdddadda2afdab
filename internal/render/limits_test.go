package render

import (
	"reflect"
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	para := func(n int, s string) string { return strings.Repeat(s, n) }
	for _, c := range []struct {
		name, src string
		want      []Limit
	}{
		{"short", "# Rubrik\n\nText med [en länk](https://example.org).\n", nil},
		{"line at the bound", para(MaxLine, "å") + "\n", nil},
		{"line past the bound", "a\n" + para(MaxLine+1, "å") + "\n", []Limit{{LimitLine, 2, MaxLine + 1, MaxLine}}},
		{"quotes at the bound", para(MaxDepth, "> ") + "x\n", nil},
		{"quotes past the bound", "x\n\n" + para(MaxDepth+1, "> ") + "x\n", []Limit{{LimitDepth, 3, MaxDepth + 1, MaxDepth}}},
		{"quotes without spaces", para(MaxDepth+1, ">") + "x\n", []Limit{{LimitDepth, 1, MaxDepth + 1, MaxDepth}}},
		{"lists and quotes", para(MaxDepth/2, "> 1. ") + "x\n" + para(MaxDepth/2, "- ") + "> x\n", nil},
		{"indented lists", strings.Repeat(" ", 2*MaxDepth) + "- x\n", []Limit{{LimitDepth, 1, MaxDepth + 1, MaxDepth}}},
		{"tabs", strings.Repeat("\t", MaxDepth/2) + "- x\n", []Limit{{LimitDepth, 1, MaxDepth + 1, MaxDepth}}},
		{"a thematic break", para(MaxDepth+1, "- ") + "\n", nil},
		{"code is not nested", "```\n" + para(MaxDepth+1, "> ") + "\n```\n", nil},
		{"after the code", "~~~~\n```\n~~~~\n" + para(MaxDepth+1, "> ") + "x\n", []Limit{{LimitDepth, 4, MaxDepth + 1, MaxDepth}}},
		{"openers at the bound", para(MaxOpeners/2, "[a](\n\n") + para(MaxOpeners/2, "!["), nil},
		{"openers past the bound", para(MaxOpeners, "[a]\n") + "![b](c)\n", []Limit{{LimitOpeners, MaxOpeners + 1, MaxOpeners + 1, MaxOpeners}}},
		{"text at the bound", para(MaxText/4, "abc\n"), nil},
		{"text past the bound", para(MaxText/4, "abc\n") + "x\n", []Limit{{LimitText, MaxText/4 + 1, MaxText + 2, MaxText}}},
		{"each bound once, by line", para(MaxDepth+1, "> ") + "\n" + para(MaxDepth+1, "> ") + para(MaxLine, "[") + "\n",
			[]Limit{{LimitDepth, 1, MaxDepth + 1, MaxDepth}, {LimitLine, 2, MaxLine + 2*(MaxDepth+1), MaxLine}, {LimitOpeners, 2, MaxLine, MaxOpeners}}},
	} {
		if got := Limits(c.src); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Limits = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestWorstKeepsTheBounds: the benchmark's texts are ones the check lets
// through, so that it measures the worst a passing file can cost.
func TestWorstKeepsTheBounds(t *testing.T) {
	for name, src := range Worst(MaxText) {
		if l := Limits(src); l != nil {
			t.Errorf("%s: %v", name, l)
		}
		if len(src) < MaxText*9/10 {
			t.Errorf("%s: %d bytes, far from the bound", name, len(src))
		}
	}
}

// TestPastTheBoundsIsText: a text past the bounds (which the check
// refuses) is shown as text, escaped, so that a build of a bank with one
// still takes time in proportion to it.
func TestPastTheBoundsIsText(t *testing.T) {
	src := strings.Repeat("> ", MaxDepth+1) + "<script>x</script> *a* anna@example.org\n"
	html, plain, err := New().HTMLAndText(src)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, "<blockquote>") || strings.Contains(html, "<script>") || strings.Contains(html, "<em>") || strings.Contains(html, "anna@") {
		t.Errorf("rendered: %s", html)
	}
	if !strings.HasPrefix(html, "<pre>") || !strings.Contains(plain, "*a*") || strings.Contains(plain, "anna@") {
		t.Errorf("html %q, plain %q", html, plain)
	}
}

// BenchmarkWorstMarkdown renders the texts that keep every bound of Limits
// and cost the most, each of MaxText bytes: the most a file that passes
// the check costs the build.
func BenchmarkWorstMarkdown(b *testing.B) {
	r := New()
	for name, src := range Worst(MaxText) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, _, err := r.HTMLAndText(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
