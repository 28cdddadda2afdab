package render

import (
	"fmt"
	"strings"
)

// Worst returns texts of at most (and about) size bytes that keep every bound of Limits
// and cost the renderer the most that each kind of markup can, by name:
// for the benchmarks and tests that hold the bounds to their purpose.
func Worst(size int) map[string]string {
	fill := func(line string) string {
		return strings.Repeat(line, max(1, size/len(line)))
	}
	// lines of at most MaxLine characters of s repeated, in one paragraph
	wide := func(s string) string {
		return fill(strings.Repeat(s, MaxLine/len(s)) + "\n")
	}
	prose := wide("ord ")
	proseN := func(n int) string {
		return strings.Repeat(prose, n/len(prose)+1)[:max(n, 0)]
	}
	var list strings.Builder
	for i := 0; i < MaxDepth; i++ {
		list.WriteString(strings.Repeat("  ", i/2) + "- x\n") // depth i/2*1 + 1 ... within MaxDepth
	}
	openers := func(s string) string {
		per := MaxLine / len(s)
		var b strings.Builder
		for n := 0; n < MaxOpeners; n += per {
			b.WriteString(strings.Repeat(s, min(per, MaxOpeners-n)) + "\n")
		}
		return b.String() + proseN(size-b.Len()) // the rest in the same paragraph
	}
	var refs strings.Builder
	for i := range MaxOpeners / 2 {
		fmt.Fprintf(&refs, "[r%d]: https://example.org/%d\n", i, i)
	}
	refs.WriteString("\n")
	for i := range MaxOpeners / 2 {
		fmt.Fprintf(&refs, "[r%d]\n", i)
	}
	refs.WriteString("\n\n")
	ticks := func() string {
		var b strings.Builder
		for i := 0; b.Len() < MaxLine-60; i++ {
			b.WriteString(strings.Repeat("`", i%30+1) + "a")
		}
		return b.String() + "\n"
	}
	cases := map[string]string{
		"prose":      prose,
		"quotes":     fill(strings.Repeat("> ", MaxDepth) + "x\n"),
		"lists":      fill(list.String()),
		"quote-list": fill(strings.Repeat("> - ", MaxDepth/2) + "x\n"),
		"links":      openers("[a]("),
		"images":     openers("![a]("),
		"brackets":   openers("["),
		"references": refs.String() + proseN(size-refs.Len()),
		"emphasis":   wide("*_a "),
		"strike":     wide("~~a "),
		"code-spans": fill(ticks()),
		"html":       wide("<a "),
		"autolinks":  wide("www.a "),
		"table":      strings.Repeat("|a", MaxLine/2-1) + "|\n" + strings.Repeat("|-", MaxLine/2-1) + "|\n" + wide("|b"),
	}
	for name, s := range cases {
		cases[name] = s[:min(len(s), size-1)] // Limits counts a newline at the end
	}
	return cases
}
