package render

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
)

// simpleParts are what the texts of TestSimpleAsGoldmark are made of:
// the words and marks of simple texts, and the characters and lines next
// to them that make a text not simple, each where it can stand anywhere
// in a line.
var simpleParts = []string{
	"Nuläge", "idé", "Förslag", "ÅÄÖ", "x", "2026", "1.", "2)", " ", "  ", "   ", "    ", "\n", "\n\n", "\n \n",
	"#", "##", "###", "######", "#######", "# ", "## ", ".", ",", ":", ";", "?", "!", "(", ")", "'", "\"", "-", "--", "---", "/", "=", "===", "+",
	"\t", "\r", "*", "_", "~", "`", "[", "]", "<", ">", "&", "@", "%", "|", "\\", "www.", "http:", "https://", "ftp:", "a@b.se",
	"\u00a0", "\u0308", "\uff20", "\ufeff", "日本", "\xff", "- ", "-  ", "- a", "\n- ", "\n\n- ", "* ", "1. ", "–", "…", "”", "€", "\u200b", "\ufe6b", "%", "%40", "a%40b.se", "&#64;",
}

// TestSimpleAsGoldmark: where simpleHTMLAndText takes a text, it gives
// what goldmark and the safety pass give, for both kinds of Renderer:
// texts put together at random of simpleParts, and the generated corpus's
// ideas. And it takes many of them, or it would save nothing.
func TestSimpleAsGoldmark(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var texts []string
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			// Mostly words and spaces, so that many texts are simple.
			if rng.IntN(3) > 0 {
				b.WriteString(simpleParts[rng.IntN(15)])
			} else {
				b.WriteString(simpleParts[rng.IntN(len(simpleParts))])
			}
		}
		texts = append(texts, b.String())
	}
	nCorpus := 0
	for _, f := range corpus.Generate(300, 1) {
		if _, body, ok := strings.Cut(strings.TrimPrefix(string(f.Data), "---\n"), "\n---\n"); ok {
			texts = append(texts, body)
			nCorpus++
		}
	}
	if nCorpus == 0 {
		t.Fatal("no text of the generated corpus")
	}
	// Past the bounds of Limits a text is not simple, however plain: its
	// HTML is the unrendered text's.
	word := "Ord "
	long := []string{strings.Repeat(word, MaxText/len(word)), strings.Repeat("a", MaxLine+1), strings.Repeat("Ord\n", MaxText/4)}
	for _, src := range long {
		if _, _, ok := simpleHTMLAndText(src, 1); ok {
			t.Errorf("a text of %d bytes past the bounds of Limits taken as simple", len(src))
		}
	}
	texts = append(texts, long...)
	texts = append(texts, strings.Repeat(word, MaxText/len(word)-1), strings.Repeat("a", MaxLine))
	simple := 0
	for _, r := range []*Renderer{New(), NewDocument()} {
		for _, src := range texts {
			html, plain, ok := simpleHTMLAndText(src, r.headingOffset)
			if !ok {
				continue
			}
			simple++
			if l := Limits(src); len(l) > 0 {
				t.Errorf("%.40q… taken as simple past the bounds: %v", src, l)
			}
			wantHTML, wantPlain, err := r.markdown(src)
			if err != nil {
				t.Fatal(err)
			}
			if html != wantHTML || plain != wantPlain {
				t.Errorf("%q:\n%q, %q\ngoldmark:\n%q, %q", src, html, plain, wantHTML, wantPlain)
			}
		}
	}
	if simple < 2*len(texts)/5 {
		t.Errorf("%d of %d texts taken as simple", simple, 2*len(texts))
	}
	corpusSimple := 0
	for _, src := range texts[len(texts)-nCorpus-len(long)-2 : len(texts)-len(long)-2] {
		if _, _, ok := simpleHTMLAndText(src, 1); ok {
			corpusSimple++
		}
	}
	// Two of the corpus's texts in three are headings, plain sentences and
	// a list of them, as two of the ideas under ideas/ in three are; the
	// rest have links, emphasis or a numbered list, which only goldmark
	// writes.
	if corpusSimple < nCorpus/2 || corpusSimple > nCorpus*3/4 {
		t.Errorf("%d of the corpus's %d texts taken as simple, not about two in three", corpusSimple, nCorpus)
	}
}

// FuzzSimpleAsGoldmark: a simple text renders as goldmark renders it.
func FuzzSimpleAsGoldmark(f *testing.F) {
	for _, s := range []string{"## Nuläge\n\nI dag \"x\" 'y'.\n\n## Förslag\n\nVi föreslår. \n\n", "a \nb", "a  \nb", "#  X  \ny", "Ett (test): 5+3=8 - n", "a\n=", "Titel\n---",
		"## Nytta\n\n- Tid (12 % av den).\n- Svar – snabbare.\n", "a\n- b\n- c\n\nd", "- a\n\n- b", "- a\nb", "- a\n## b", "- a\n-b"} {
		f.Add(s)
	}
	rs := []*Renderer{New(), NewDocument()}
	f.Fuzz(func(t *testing.T, src string) {
		for _, r := range rs {
			html, plain, ok := simpleHTMLAndText(src, r.headingOffset)
			if !ok {
				return
			}
			if len(Limits(src)) > 0 {
				t.Fatalf("%.40q… taken as simple past the bounds of Limits", src)
			}
			wantHTML, wantPlain, err := r.markdown(src)
			if err != nil || html != wantHTML || plain != wantPlain {
				t.Fatalf("%q:\n%q, %q\ngoldmark:\n%q, %q (%v)", src, html, plain, wantHTML, wantPlain, err)
			}
		}
	})
}

// BenchmarkTexts10k renders the texts of 10,000 generated ideas as a build
// does, with the simple ones written by simpleHTMLAndText;
// BenchmarkTexts10kGoldmark renders them all through goldmark. Side by
// side they give what the simple texts save a build.
func BenchmarkTexts10k(b *testing.B) { benchTexts(b, (*Renderer).HTMLAndText) }

// BenchmarkTexts10kGoldmark: see BenchmarkTexts10k.
func BenchmarkTexts10kGoldmark(b *testing.B) { benchTexts(b, (*Renderer).markdown) }

func benchTexts(b *testing.B, render func(*Renderer, string) (string, string, error)) {
	var texts []string
	for _, f := range corpus.Generate(10000, 1) {
		if _, body, ok := strings.Cut(strings.TrimPrefix(string(f.Data), "---\n"), "\n---\n"); ok {
			texts = append(texts, body)
		}
	}
	r := New()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, src := range texts {
			if _, _, err := render(r, src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
