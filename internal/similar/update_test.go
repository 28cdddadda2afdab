package similar

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestUpdateIsNew holds an index kept up to date to the one made anew: after
// each of a series of random edits (a title, a tag, a text, a word of
// another idea's), ideas added, removed and moved, the matches of every
// idea are New's, to the bit, and so are the answers to a query; and an
// edit of one idea looks up again under a tenth of the ideas (mending the
// matches of the others).
func TestUpdateIsNew(t *testing.T) {
	docs, _ := planted(t)
	docs = append(docs, background(t, 800)...)
	r := rand.New(rand.NewPCG(1, 2))
	x := New(docs)
	x.All(5)
	next := 0
	edits, looked := 0, 0 // the ideas an edit of one looked up again
	for step := range 60 {
		docs = slices.Clone(docs)
		what := ""
		switch k := r.IntN(10); {
		case k < 5: // an edit of one idea, as an ambassador makes
			i := r.IntN(len(docs))
			d := docs[i]
			o := docs[r.IntN(len(docs))]
			switch r.IntN(4) {
			case 0:
				d.Title = o.Title + " igen"
			case 1:
				d.Tags = append(slices.Clone(d.Tags), fmt.Sprintf("tagg%d", r.IntN(5)))
			case 2:
				d.Text = o.Text
			default:
				d.Title = fmt.Sprintf("Redigerad rubrik %d", step)
			}
			docs[i] = d
			what = "edit " + d.ID
		case k < 7: // a new idea, first as the newest are
			next++
			d := docs[r.IntN(len(docs))]
			d.ID = fmt.Sprintf("ny-%d", next)
			docs = slices.Insert(docs, 0, d)
			what = "add " + d.ID
		case k < 9:
			i := r.IntN(len(docs))
			what = "remove " + docs[i].ID
			docs = slices.Delete(docs, i, i+1)
		default: // an idea moved, as an edited date moves it
			i, j := r.IntN(len(docs)), r.IntN(len(docs))
			d := docs[i]
			docs = slices.Insert(slices.Delete(docs, i, i+1), min(j, len(docs)-1), d)
			what = "move " + d.ID
		}
		x.Update(docs)
		got := x.All(5)
		if strings.HasPrefix(what, "edit") {
			edits++
			looked += x.looked
		}
		want := New(docs).All(5)
		if len(got) != len(want) {
			t.Fatalf("step %d (%s): %d ideas, want %d", step, what, len(got), len(want))
		}
		for i := range want {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("step %d (%s): %s: %v, New gives %v", step, what, docs[i].ID, got[i], want[i])
			}
		}
		q := Doc{Title: "Halkrisk vid entrén", Text: docs[0].Text}
		if g, w := x.Query(q, 5), New(docs).Query(q, 5); !slices.Equal(g, w) {
			t.Fatalf("step %d (%s): Query %v, New gives %v", step, what, g, w)
		}
	}
	if edits == 0 || looked > edits*x.Len()/10 {
		t.Errorf("%d edits of one idea looked up %d ideas again, want under a tenth of the %d", edits, looked, x.Len())
	}
}

// TestUpdateRepeatedID: two docs of one ID (the check reports it; the
// site leaves the second out, but the index must not mix them) are two
// ideas, before and after an update.
func TestUpdateRepeatedID(t *testing.T) {
	docs := append([]Doc{{ID: "a", Title: "Halkrisk vid entrén"}, {ID: "a", Title: "Halkrisk vid entrén igen"}}, background(t, 50)...)
	x := New(docs)
	x.All(3)
	docs = slices.Clone(docs)
	docs[1].Title = "Digital felanmälan"
	x.Update(docs)
	if got, want := x.All(3), New(docs).All(3); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %v, want %v", got[:2], want[:2])
	}
}
