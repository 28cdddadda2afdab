package similar

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
)

// planted reads testdata/planted.txtar: the originals by number, and the
// rewordings with the number of their original.
func planted(t testing.TB) (docs []Doc, original map[string]string) {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/planted.txtar")
	if err != nil {
		t.Fatal(err)
	}
	original = map[string]string{}
	for _, f := range ar.Files {
		lines := strings.SplitN(string(f.Data), "\n", 3)
		if len(lines) < 3 || !strings.HasPrefix(lines[0], "title: ") || !strings.HasPrefix(lines[1], "tags: ") {
			t.Fatalf("%s: want a title line, a tags line and a text", f.Name)
		}
		d := Doc{ID: "p" + f.Name, Title: strings.TrimPrefix(lines[0], "title: "), Text: lines[2]}
		for _, tag := range strings.Split(strings.TrimPrefix(lines[1], "tags: "), ",") {
			d.Tags = append(d.Tags, strings.TrimSpace(tag))
		}
		docs = append(docs, d)
		if n := strings.TrimRight(f.Name, "abcdefghijklmnopqrstuvwxyz"); n != f.Name {
			original[d.ID] = "p" + n
		}
	}
	if len(original) == 0 {
		t.Fatal("no rewordings")
	}
	return docs, original
}

// background returns n generated ideas, the ones a bank holds besides the
// planted ones: they share much of their words with them (felanmälan,
// halkrisk, lokaler, hemtjänst …) and with each other.
func background(t testing.TB, n int) []Doc {
	t.Helper()
	return generated(t, n, 7)
}

// generated returns the n ideas that corpus.Generate makes of seed.
func generated(t testing.TB, n int, seed uint64) []Doc {
	t.Helper()
	var docs []Doc
	for _, f := range corpus.Generate(n, seed) {
		var diags diag.List
		idea := ideafile.Parse(f.Path, f.Data, &diags)
		if idea == nil {
			t.Fatalf("%s: %v", f.Path, diags.Items())
		}
		//lint:ignore SA5011 t.Fatalf above ends the test when idea is nil
		docs = append(docs, Doc{ID: string(idea.ID), Title: idea.Title, Tags: idea.Tags, Text: idea.Body})
	}
	return docs
}

// TestPlantedDuplicates holds the index to the measure: among a
// bank of 2,000 generated ideas and the planted ones, the original is one
// of the three ideas most like at least 90 % of its near-duplicates, the
// rewordings (a) and those in other words for some things (c). The
// paraphrases (b), which share few words with their original, are
// measured and held to what the index reached when they were written, so
// that a change that loses them is seen. The texts were written as the
// colleagues who send an idea in again write; nothing in the index knows
// their words.
func TestPlantedDuplicates(t *testing.T) {
	docs, original := planted(t)
	docs = append(docs, background(t, 2000)...)
	all := New(docs).All(5)
	found := map[byte][2]int{} // by kind of rewording: in the top 3, all
	sameIdea := 0              // paraphrases with the original or another copy of it in the top 3
	for i, d := range docs {
		orig, ok := original[d.ID]
		if !ok {
			continue
		}
		kind := d.ID[len(d.ID)-1]
		k := found[kind]
		k[1]++
		var top []string
		for _, m := range all[i][:min(3, len(all[i]))] {
			top = append(top, m.ID)
		}
		if kind == 'b' && slices.ContainsFunc(top, func(id string) bool { return id == orig || original[id] == orig }) {
			sameIdea++
		}
		if slices.Contains(top, orig) {
			k[0]++
		} else {
			t.Logf("%c: %s not in the top 3 of %s (%s): %v", kind, orig, d.ID, d.Title, top)
		}
		found[kind] = k
	}
	rate := func(kinds ...byte) float64 {
		in, n := 0, 0
		for _, k := range kinds {
			in += found[k][0]
			n += found[k][1]
		}
		return 100 * float64(in) / float64(n)
	}
	near, para := rate('a', 'c'), rate('b')
	t.Logf("original in the top 3: reworded %d/%d, other words %d/%d, near-duplicates %.1f %%; paraphrased %d/%d (%.1f %%), with a copy of the same idea %d/%d",
		found['a'][0], found['a'][1], found['c'][0], found['c'][1], near, found['b'][0], found['b'][1], para, sameIdea, found['b'][1])
	if near < 90 {
		t.Errorf("top-3 rate of near-duplicates %.1f %%, want at least 90 %%", near)
	}
	if para < 30 {
		t.Errorf("top-3 rate of paraphrases %.1f %%, was 33 %% when they were written", para)
	}
}

// TestQueryFindsOriginal is what intake and idebank new ask: an idea not
// yet in the bank finds the one it repeats.
func TestQueryFindsOriginal(t *testing.T) {
	docs := append([]Doc{
		{ID: "2025-003", Title: "Halkrisk vid entrén till stadshuset", Tags: []string{"halka"},
			Text: "Trappan vid huvudentrén blir isig på vintern. Sanda tidigare på morgonen."},
		{ID: "2025-004", Title: "Digital felanmälan", Text: "Anmäl fel i lokalerna på webben."},
	}, background(t, 300)...)
	x := New(docs)
	got := x.Query(Doc{Title: "Hal trappa vid stadshusets entré", Text: "Trappan vid entrén till stadshuset är isig om morgnarna på vintern."}, 5)
	if len(got) == 0 || got[0].ID != "2025-003" {
		t.Fatalf("Query = %v, want 2025-003 first", got)
	}
	if got[0].Score <= 0 || got[0].Score > 1.0001 {
		t.Errorf("score %v, want a cosine in (0, 1]", got[0].Score)
	}
	if got := x.Query(Doc{Title: "Xylofonkvartett"}, 5); len(got) != 0 {
		t.Errorf("a text of nothing in common found %v", got)
	}
}

// TestSimilar holds the order and the bounds: at most n, never the idea
// itself, most alike first, none below MinScore, the same every time.
func TestSimilar(t *testing.T) {
	docs, _ := planted(t)
	docs = append(docs, background(t, 500)...)
	x := New(docs)
	first := x.All(5)
	for i, ms := range first {
		if len(ms) > 5 {
			t.Fatalf("%s: %d matches", docs[i].ID, len(ms))
		}
		for k, m := range ms {
			if m.Doc == i || m.ID != docs[m.Doc].ID {
				t.Fatalf("%s: match %v", docs[i].ID, m)
			}
			if m.Score < MinScore || (k > 0 && m.Score > ms[k-1].Score) {
				t.Fatalf("%s: scores out of order or too low: %v", docs[i].ID, ms)
			}
		}
	}
	again := New(docs).All(5)
	for i := range first {
		if !slices.Equal(first[i], again[i]) {
			t.Fatalf("%s: %v, then %v", docs[i].ID, first[i], again[i])
		}
	}
	if New(nil).Len() != 0 || len(New(nil).Query(Doc{Title: "x y"}, 5)) != 0 {
		t.Error("an empty index found something")
	}
}

func TestStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"halkrisken", "halkrisk"}, {"halkrisker", "halkrisk"}, {"halkrisk", "halkrisk"},
		{"lokalerna", "lokal"}, {"lokaler", "lokal"}, {"lokal", "lokal"},
		{"forskolornas", "forskol"}, {"forskolan", "forskol"}, {"forskola", "forskol"},
		{"stadning", "stad"}, {"stada", "stad"}, {"parkering", "parker"}, {"parkera", "parker"},
		{"trappan", "trapp"}, {"trappa", "trapp"}, {"trapporna", "trapp"},
		{"huset", "hus"}, {"bil", "bil"}, {"och", "och"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := Words("Halkrisken vid Entrén, och på trapporna – 2026!")
	want := []string{"halkrisk", "entr", "trapp", "2026"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

// BenchmarkIndex10k makes the index of 10,000 generated ideas and looks up
// the five most like each: what the site build adds.
func BenchmarkIndex10k(b *testing.B) {
	docs := background(b, 10000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		New(docs).All(5)
	}
	// The processor time, which a busy machine changes far less than the
	// wall time (see sitegen's BenchmarkBuild10k).
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}
