package similar

import (
	"strings"

	"github.com/idebanken/idebanken/internal/parallel"
)

// Matches returns the up to n ideas most like each of docs, as
// New(docs).All(n) returns them, to the bit and in the same order, but
// holding much less at once: it is for a build, which asks once and keeps
// no index. It keeps none of what only Update needs (the docs as last
// read, their counts once weighed, the slots by ID), and it takes
// docs: each doc's title, tags and text are let go once they are counted,
// leaving its ID, so that the texts and the index are never all held at
// once.
func Matches(docs []Doc, n int) [][]Match {
	x := &Index{terms: map[string]int32{}}
	x.accs.New = func() any { return &accumulator{} }
	vecs := make([][]weighted, len(docs))
	// The docs are counted a chunk at a time, on all cores, and numbered
	// in their order on one, as Update numbers them: a chunk's counts are
	// all that is held of the texts besides the texts not yet counted.
	const chunk = 2048
	counts := make([][]count, min(chunk, len(docs)))
	for lo := 0; lo < len(docs); lo += chunk {
		hi := min(lo+chunk, len(docs))
		parallel.For(hi-lo, func(i int) { counts[i] = termCounts(docs[lo+i]) })
		for i := lo; i < hi; i++ {
			c := counts[i-lo]
			v := make([]weighted, len(c))
			for k, tc := range c {
				t, ok := x.terms[tc.term]
				if !ok {
					// A term is a slice of the text it was first met in,
					// which it would keep.
					name := strings.Clone(tc.term)
					t = int32(len(x.names))
					x.terms[name] = t
					x.names = append(x.names, name)
					x.df = append(x.df, 0)
				}
				x.df[t]++
				v[k] = weighted{t, tc.n}
			}
			vecs[i], counts[i-lo] = v, nil
			docs[i] = Doc{ID: docs[i].ID}
		}
	}
	x.terms = nil
	x.idf = make([]float32, len(x.df))
	for t, df := range x.df {
		x.idf[t] = idf(len(docs), int(df))
	}
	parallel.For(len(vecs), func(s int) { x.weigh(vecs[s], 0) })
	x.names, x.idf = nil, nil
	// The postings by slot, as Update makes them: a slot is a place here.
	x.post = make([][]posting, len(x.df))
	for t, df := range x.df {
		x.post[t] = make([]posting, 0, df)
	}
	x.df = nil
	for s, v := range vecs {
		for _, tw := range v {
			x.post[tw.term] = append(x.post[tw.term], posting{int32(s), tw.w})
		}
	}
	x.docs, x.vecs = docs, vecs
	x.place = make([]int32, len(docs))
	for s := range x.place {
		x.place[s] = int32(s)
	}
	x.slotAt = x.place
	out := make([][]Match, len(docs))
	parallel.For(len(docs), func(s int) {
		top, _ := x.lookup(vecs[s], int32(s), n)
		out[s] = append(make([]Match, 0, len(top)), top...)
		// No other look-up reads an idea's terms: they go as it is done.
		vecs[s] = nil
	})
	return out
}
