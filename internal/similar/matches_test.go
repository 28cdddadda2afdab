package similar

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/model"
)

// TestMatchesIsNewAll holds Matches to New(docs).All(n), to the bit, on
// banks of several sizes and seeds, with repeated IDs, empty texts and
// texts folded already, as the site gives them; and to letting go of
// the texts of the docs it is given.
func TestMatchesIsNewAll(t *testing.T) {
	for _, c := range []struct {
		size int
		seed uint64
	}{{0, 1}, {1, 1}, {2, 3}, {60, 5}, {700, 7}, {2500, 11}, {5000, 13}} {
		docs := generated(t, c.size, c.seed)
		if c.size >= 60 {
			// What a bank can hold: a repeated ID (the check reports it),
			// an idea with nothing to read, one of a title alone, and
			// texts the site folded already.
			docs[3].ID = docs[2].ID
			docs[5].Title, docs[5].Tags, docs[5].Text = "", nil, ""
			docs[7].Tags, docs[7].Text = nil, ""
			docs = append(docs, docs[10], docs[11])
			for i := 20; i < 40; i++ {
				d := &docs[i]
				d.Title, d.Text, d.Folded = model.Fold(d.Title), model.Fold(d.Text), true
				for k := range d.Tags {
					d.Tags[k] = model.Fold(d.Tags[k])
				}
			}
		}
		for _, n := range []int{0, 1, 5} {
			t.Run(fmt.Sprintf("%d-ideas-seed-%d-n-%d", len(docs), c.seed, n), func(t *testing.T) {
				want := New(docs).All(n)
				taken := slices.Clone(docs)
				got := Matches(taken, n)
				if !reflect.DeepEqual(got, want) {
					if len(got) != len(want) {
						t.Fatalf("%d ideas, New gives %d", len(got), len(want))
					}
					for i := range want {
						if !reflect.DeepEqual(got[i], want[i]) {
							t.Fatalf("%s: %v, New gives %v", docs[i].ID, got[i], want[i])
						}
					}
				}
				for i, d := range taken {
					if d.ID != docs[i].ID || d.Title != "" || d.Tags != nil || d.Text != "" {
						t.Fatalf("doc %d kept %+v", i, d)
					}
				}
			})
		}
	}
}

// BenchmarkMatches10k is BenchmarkIndex10k by Matches, as a build asks.
func BenchmarkMatches10k(b *testing.B) {
	docs := background(b, 10000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		Matches(slices.Clone(docs), 5)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// TestFoldedAsOne holds what the site relies on, giving Matches a build's
// texts unfolded and serve's index them folded, the tags joined: a doc
// counts as the doc of its texts folded, its tags folded as one.
func TestFoldedAsOne(t *testing.T) {
	docs := append(generated(t, 300, 17),
		Doc{ID: "x", Title: "Ökad ÅTERVINNING på Café Ölands", Tags: []string{"Miljö", "e-tjänst", "Ärende-hantering"}, Text: "Crème brûlée; naïve coöperation – Straße och ÆØ."},
		Doc{ID: "y", Title: "a\u0301ter", Tags: []string{"\u0308ost", "x", ""}, Text: "e\u0301 ok"},
	)
	for _, d := range docs {
		f := Doc{ID: d.ID, Title: model.Fold(d.Title), Tags: []string{model.Fold(strings.Join(d.Tags, " "))}, Text: model.Fold(d.Text), Folded: true}
		if got, want := termCounts(d), termCounts(f); !slices.Equal(got, want) {
			t.Fatalf("%s: %v, folded as one %v", d.ID, got, want)
		}
	}
}
