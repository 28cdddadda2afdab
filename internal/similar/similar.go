// Package similar finds the ideas of a bank that are most like each other:
// the same halkrisk at another entrance, the same e-tjänst wished for by
// another unit. It weighs the terms of each idea's title, tags and text by
// TF-IDF over an inverted index, so that an idea is compared only with the
// ideas that share its rarer terms, never with every other idea, and it
// reads Swedish: folded, without stop words, each word cut to its stem
// (see Words).
//
// The package does no I/O: it is given the text of the ideas and returns
// their likeness.
package similar

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/parallel"
)

// Doc is what the index reads of an idea.
type Doc struct {
	ID    string
	Title string
	Tags  []string
	Text  string // the body as plain text
	// Folded says that the texts are folded already, as model.Fold folds:
	// the site folds them for its search index too.
	Folded bool
}

// Match is an idea found like another, and how alike the two are: the
// cosine of their weighted terms, from 0 (nothing shared) to 1.
type Match struct {
	Doc   int // its place among the docs the index was made of
	ID    string
	Score float64
}

// The weights of a term by where it stands: a title says what an idea is
// about in a few words, and tags are chosen to say it, where a text says
// it among much else.
const (
	TitleWeight = 3
	TagWeight   = 2
	TextWeight  = 1
)

// TextLimit is how many words of an idea's text the index reads: the
// first paragraphs say what an idea is about, and a text of many pages
// would otherwise cost as much as a hundred ideas.
const TextLimit = 400

// MinScore is the least likeness worth showing: below it, two ideas share
// a word or two in passing.
const MinScore = 0.08

// Budget is how many postings one look-up adds up at most. A look-up
// reads its terms rarest first, and a term that stands in thousands of
// ideas adds next to nothing to the ranking of any of them, so stopping
// there costs little in quality and bounds the cost of a bank of any size
// (term-at-a-time evaluation with a quit rule, as in Moffat and Zobel's
// "Self-indexing inverted files for fast text retrieval").
const Budget = 1500

// Index holds the weighted terms of every idea, by term and by idea.
type Index struct {
	ids   []string
	terms map[string]int32
	idf   []float32
	post  [][]posting  // by term: the ideas that have it
	vecs  [][]weighted // by idea: its terms, rarest first
	accs  sync.Pool    // of *accumulator
}

type posting struct {
	doc int32
	w   float32
}

type weighted struct {
	term int32
	w    float32
}

// New makes the index of docs.
func New(docs []Doc) *Index {
	counts := make([][]count, len(docs))
	parallel.For(len(docs), func(i int) { counts[i] = termCounts(docs[i]) })
	x := &Index{ids: make([]string, len(docs)), terms: map[string]int32{}, vecs: make([][]weighted, len(docs))}
	var df []int32
	for i, c := range counts {
		x.ids[i] = docs[i].ID
		v := make([]weighted, 0, len(c))
		for _, tc := range c {
			id, ok := x.terms[tc.term]
			if !ok {
				id = int32(len(df))
				x.terms[tc.term] = id
				df = append(df, 0)
			}
			df[id]++
			v = append(v, weighted{id, tc.n})
		}
		x.vecs[i] = v
	}
	x.idf = make([]float32, len(df))
	for t, n := range df {
		x.idf[t] = idf(len(docs), int(n))
	}
	x.post = make([][]posting, len(df))
	for t, n := range df {
		x.post[t] = make([]posting, 0, n)
	}
	for i, v := range x.vecs {
		x.weigh(v, 0)
		for _, tw := range v {
			x.post[tw.term] = append(x.post[tw.term], posting{int32(i), tw.w})
		}
	}
	x.accs.New = func() any {
		return &accumulator{score: make([]float32, len(docs))}
	}
	return x
}

// idf is the inverse document frequency of a term that n of all ideas
// have, smoothed so that a term of every idea still counts a little.
func idf(all, n int) float32 { return float32(math.Log(1 + float64(all)/float64(n))) }

// weigh turns the counts of v into unit-length TF-IDF weights, and orders
// v by weight, highest first: a look-up reads the terms that say most
// about an idea first. extra is the squared weight of terms that v leaves
// out (those of a query that no idea has), which count in its length.
func (x *Index) weigh(v []weighted, extra float64) {
	norm := extra
	for i, tw := range v {
		w := tfidf(tw.w, x.idf[tw.term])
		v[i].w = float32(w)
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for i := range v {
		if norm > 0 {
			v[i].w /= float32(norm)
		}
	}
	slices.SortFunc(v, func(a, b weighted) int { return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.term, b.term)) })
}

// tfidf is the weight of a term counted n times, of inverse document
// frequency idf.
func tfidf(n, idf float32) float64 { return (1 + math.Log(float64(n))) * float64(idf) }

// count is a term and how often it stands in an idea, weighted by where.
type count struct {
	term string
	n    float32
}

// termCounts counts the terms of d, weighted by where they stand, in the
// order of the terms: the index numbers its terms as it first meets them,
// and the same files must give the same numbers, the same ties and so the
// same site.
func termCounts(d Doc) []count {
	// Words are counted as written and cut to their stem once each: an
	// idea says its few words many times.
	c := wordMaps.Get().(map[string]float32)
	defer func() {
		clear(c)
		wordMaps.Put(c)
	}()
	fold := model.Fold
	if d.Folded {
		fold = func(s string) string { return s }
	}
	add := func(w string, k float32) { c[w] += k }
	eachWord(fold(d.Title), func(w string) { add(w, TitleWeight) })
	for _, t := range d.Tags {
		eachWord(fold(t), func(w string) { add(w, TagWeight) })
	}
	n := 0
	eachWord(fold(d.Text), func(w string) {
		if n < TextLimit {
			add(w, TextWeight)
		}
		n++
	})
	out := make([]count, 0, len(c))
	for w, n := range c {
		out = append(out, count{Stem(w), n})
	}
	slices.SortFunc(out, func(a, b count) int { return cmp.Compare(a.term, b.term) })
	// Words of one stem are one term.
	merged := out[:0]
	for _, tc := range out {
		if k := len(merged); k > 0 && merged[k-1].term == tc.term {
			merged[k-1].n += tc.n
			continue
		}
		merged = append(merged, tc)
	}
	return merged
}

// wordMaps are the maps termCounts counts words in, kept for the next.
var wordMaps = sync.Pool{New: func() any { return map[string]float32{} }}

// Len returns the number of ideas in the index.
func (x *Index) Len() int { return len(x.ids) }

// Similar returns the up to n ideas most like the idea at i, most alike
// first, none below MinScore.
func (x *Index) Similar(i, n int) []Match {
	return x.lookup(x.vecs[i], i, n)
}

// All returns Similar(i, n) for every idea, made on all cores.
func (x *Index) All(n int) [][]Match {
	out := make([][]Match, len(x.ids))
	parallel.For(len(x.ids), func(i int) { out[i] = x.Similar(i, n) })
	return out
}

// Query returns the up to n ideas of the index most like d, an idea the
// index does not hold (one about to be submitted), most alike first.
func (x *Index) Query(d Doc, n int) []Match {
	c := termCounts(d)
	v := make([]weighted, 0, len(c))
	var unknown float64 // the weight of terms no idea has: they make d less like any
	for _, tc := range c {
		if id, ok := x.terms[tc.term]; ok {
			v = append(v, weighted{id, tc.n})
			continue
		}
		w := tfidf(tc.n, idf(len(x.ids)+1, 1))
		unknown += w * w
	}
	x.weigh(v, unknown)
	return x.lookup(v, -1, n)
}

// accumulator adds up the scores of one look-up: a score for every idea,
// and which of them it touched, to be read and cleared without going
// through them all.
type accumulator struct {
	score   []float32
	touched []int32
}

// lookup returns the n ideas whose terms best match q, leaving out the
// idea self.
func (x *Index) lookup(q []weighted, self, n int) []Match {
	if n <= 0 || len(x.ids) == 0 {
		return nil
	}
	acc := x.accs.Get().(*accumulator)
	defer x.accs.Put(acc)
	read := 0
	for _, tw := range q {
		post := x.post[tw.term]
		if read > 0 && read+len(post) > Budget {
			break // the rest are commoner, and add little but cost
		}
		read += len(post)
		for _, p := range post {
			if acc.score[p.doc] == 0 {
				acc.touched = append(acc.touched, p.doc)
			}
			acc.score[p.doc] += tw.w * p.w
		}
	}
	top := make([]Match, 0, n+1)
	for _, d := range acc.touched {
		s := float64(acc.score[d])
		acc.score[d] = 0
		if int(d) == self || s < MinScore {
			continue
		}
		if len(top) == n && !better(s, int(d), top[n-1]) {
			continue
		}
		m := Match{Doc: int(d), ID: x.ids[d], Score: s}
		at, _ := slices.BinarySearchFunc(top, m, func(a, b Match) int {
			if better(b.Score, b.Doc, a) {
				return 1
			}
			return -1
		})
		top = slices.Insert(top, at, m)
		if len(top) > n {
			top = top[:n]
		}
	}
	acc.touched = acc.touched[:0]
	return top
}

// better reports whether the idea d with score s ranks above m: by score,
// then by place, so that the order never depends on the order of a map.
func better(s float64, d int, m Match) bool {
	if s != m.Score {
		return s > m.Score
	}
	return d < m.Doc
}
