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
	"strconv"
	"strings"
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

// Index holds the weighted terms of every idea, by term and by idea. An
// index can be brought up to date with Update as the ideas change (idebank
// serve does, at every edit): it reads again only the ideas that changed,
// weighs again only those whose weights the change moves, and looks up
// again only those whose matches it can change. Whatever the updates
// before, an index answers as New would of the same docs, to the bit.
//
// Update and All change the index (All keeps what it found, for the next
// All): call them one at a time, and not while Similar or Query run,
// which may run at the same time as each other.
type Index struct {
	// The ideas by slot: the place an idea keeps in the index from one
	// update to the next, while its place among the docs may move.
	keys   []string     // the doc's ID, and its repeat where two have one; "" for a free slot
	docs   []Doc        // as last read, to tell an idea that changed
	counts [][]weighted // its terms, counted, in the order of their names
	vecs   [][]weighted // its terms, weighted, highest first
	place  []int32      // its place among the docs of the last update
	slotAt []int32      // by place: the slot
	slotOf map[string]int32
	free   []int32

	terms map[string]int32
	names []string // by term
	df    []int32
	idf   []float32
	post  [][]posting // by term: the ideas that have it, by slot

	// What All found last, for n, by slot: the matches (their Doc a
	// slot), and how many of the idea's terms its look-up read.
	found  [][]Match
	read   []int32
	foundN int
	// What changed since: the ideas weighed again or gone, by slot, and
	// the terms whose postings changed.
	changed map[int32]bool
	touched []bool
	// orderMoved says that Update changed the order of the ideas it kept,
	// which breaks ties otherwise.
	orderMoved bool
	// How many ideas the last All looked up again, and how many of their
	// matches it mended, for a test.
	looked, mended int

	accs sync.Pool // of *accumulator
}

type posting struct {
	doc int32 // a slot
	w   float32
}

type weighted struct {
	term int32
	w    float32
}

// New makes the index of docs.
func New(docs []Doc) *Index {
	x := &Index{}
	x.Update(docs)
	return x
}

// Update makes x the index of docs, as New(docs) would make it. A doc is
// known by its ID, and read again only when its title, tags or text are
// not those of the doc of its ID that x holds.
func (x *Index) Update(docs []Doc) {
	if x.slotOf == nil {
		x.slotOf, x.terms, x.changed = map[string]int32{}, map[string]int32{}, map[int32]bool{}
		x.accs.New = func() any { return &accumulator{} }
	}
	oldLive := len(x.keys) - len(x.free)
	oldPlace := x.place
	x.place = slices.Clone(x.place)
	kept := make([]bool, len(x.keys)) // the slots of docs
	var fresh []int                   // the places of docs to count anew
	slotAt := make([]int32, len(docs))
	for i, d := range docs {
		key := d.ID
		for k := 1; ; k++ {
			s, ok := x.slotOf[key]
			if !ok || int(s) >= len(kept) || !kept[s] {
				break
			}
			key = d.ID + "\x00" + strconv.Itoa(k) // a repeated ID: the check reports it
		}
		s, ok := x.slotOf[key]
		if !ok {
			s = x.alloc(key)
			x.slotOf[key] = s
		}
		if int(s) >= len(kept) {
			kept = append(kept, make([]bool, int(s)+1-len(kept))...)
		}
		kept[s] = true
		slotAt[i] = s
		if !ok || !sameDoc(x.docs[s], d) {
			fresh = append(fresh, i)
		}
	}
	// The order of the ideas kept breaks ties: if it moved, every look-up
	// is made again.
	last := int32(-1)
	for _, s := range slotAt {
		if int(s) < len(oldPlace) && x.keys[s] != "" && x.counts[s] != nil {
			if oldPlace[s] < last {
				x.orderMoved = true
			}
			last = oldPlace[s]
		}
	}
	changedTerm := map[int32]bool{}
	forget := func(s int32) {
		for _, tw := range x.counts[s] {
			x.df[tw.term]--
			changedTerm[tw.term] = true
			p := x.post[tw.term]
			if at, ok := slices.BinarySearchFunc(p, s, bySlot); ok {
				x.post[tw.term] = slices.Delete(p, at, at+1)
			}
		}
		x.counts[s], x.vecs[s], x.found[s] = nil, nil, nil
	}
	var gone []int32
	for s := range kept {
		if !kept[s] && x.keys[s] != "" {
			gone = append(gone, int32(s))
			forget(int32(s))
			delete(x.slotOf, x.keys[s])
			x.keys[s], x.docs[s] = "", Doc{}
			x.free = append(x.free, int32(s))
		}
	}
	counts := make([][]count, len(fresh))
	parallel.For(len(fresh), func(i int) { counts[i] = termCounts(docs[fresh[i]]) })
	reweigh := map[int32]bool{}
	for i, at := range fresh {
		s := slotAt[at]
		if x.counts[s] != nil {
			forget(s)
		}
		x.docs[s] = docs[at]
		c := make([]weighted, 0, len(counts[i]))
		for _, tc := range counts[i] {
			t, ok := x.terms[tc.term]
			if !ok {
				t = int32(len(x.names))
				x.terms[tc.term] = t
				x.names = append(x.names, tc.term)
				x.df, x.idf, x.post = append(x.df, 0), append(x.idf, 0), append(x.post, nil)
			}
			x.df[t]++
			changedTerm[t] = true
			x.post[t] = insertPosting(x.post[t], s)
			c = append(c, weighted{t, tc.n})
		}
		x.counts[s] = c
		reweigh[s] = true
	}
	for i, s := range slotAt {
		x.place[s] = int32(i)
	}
	x.slotAt = slotAt
	// The weights of an idea hang on the rarity of every term it has:
	// where a term's rarity moved, each idea that has it weighs again.
	var moved []int32
	rarity := func(t int32) {
		if v := idf(len(docs), int(x.df[t])); v != x.idf[t] {
			x.idf[t] = v
			moved = append(moved, t)
		}
	}
	if len(docs) != oldLive {
		for t := range x.df {
			rarity(int32(t))
		}
	} else {
		for t := range changedTerm {
			rarity(t)
		}
	}
	for _, t := range moved {
		for _, p := range x.post[t] {
			reweigh[p.doc] = true
		}
	}
	again := make([]int32, 0, len(reweigh))
	for s := range reweigh {
		again = append(again, s)
	}
	// Each idea's weights are put in its postings after all are weighed:
	// the places are found on all cores, the postings written on one.
	places := make([][]int32, len(again))
	parallel.For(len(again), func(i int) {
		s := again[i]
		v := append(x.vecs[s][:0], x.counts[s]...)
		x.weigh(v, 0)
		x.vecs[s] = v
		at := make([]int32, len(v))
		for k, tw := range v {
			a, _ := slices.BinarySearchFunc(x.post[tw.term], s, bySlot)
			at[k] = int32(a)
		}
		places[i] = at
	})
	for i, s := range again {
		for k, tw := range x.vecs[s] {
			x.post[tw.term][places[i][k]].w = tw.w
		}
	}
	// What All is to look at again: the ideas weighed again or gone, and
	// the terms whose postings changed.
	for len(x.touched) < len(x.names) {
		x.touched = append(x.touched, false)
	}
	for t := range changedTerm {
		x.touched[t] = true
	}
	for _, s := range again {
		x.changed[s] = true
		for _, tw := range x.vecs[s] {
			x.touched[tw.term] = true
		}
	}
	for _, s := range gone {
		x.changed[s] = true
	}
}

// insertPosting returns p with a posting of slot s in its place, by slot.
// A new index counts its ideas in the order of their slots, so the place
// is nearly always the end.
func insertPosting(p []posting, s int32) []posting {
	if n := len(p); n == 0 || p[n-1].doc < s {
		return append(p, posting{doc: s})
	}
	at, _ := slices.BinarySearchFunc(p, s, bySlot)
	return slices.Insert(p, at, posting{doc: s})
}

// alloc returns a free slot for the doc of key.
func (x *Index) alloc(key string) int32 {
	if n := len(x.free); n > 0 {
		s := x.free[n-1]
		x.free = x.free[:n-1]
		x.keys[s] = key
		return s
	}
	x.keys = append(x.keys, key)
	x.docs = append(x.docs, Doc{})
	x.counts = append(x.counts, nil)
	x.vecs = append(x.vecs, nil)
	x.place = append(x.place, 0)
	x.found = append(x.found, nil)
	return int32(len(x.keys) - 1)
}

// sameDoc reports whether a and b have the same terms: their texts are
// the same.
func sameDoc(a, b Doc) bool {
	return a.Title == b.Title && a.Text == b.Text && a.Folded == b.Folded && slices.Equal(a.Tags, b.Tags)
}

func bySlot(p posting, s int32) int { return cmp.Compare(p.doc, s) }

// idf is the inverse document frequency of a term that n of all ideas
// have, smoothed so that a term of every idea still counts a little.
//
// It is rounded to an eighth: one idea more or less that has a term
// leaves its weight where it was, unless the term is rare, so that an
// edit weighs again only the ideas of its rare terms, not every idea that
// shares a common word with it (see Update). An eighth is well below
// what tells a rare term from a common one.
func idf(all, n int) float32 {
	return float32(math.Round(8*math.Log(1+float64(all)/float64(n))) / 8)
}

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
	// Ties go by the terms' names, not their numbers, which depend on
	// the order the index met them in.
	slices.SortFunc(v, func(a, b weighted) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return strings.Compare(x.names[a.term], x.names[b.term])
	})
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
func (x *Index) Len() int { return len(x.slotAt) }

// Similar returns the up to n ideas most like the idea at i, most alike
// first, none below MinScore.
func (x *Index) Similar(i, n int) []Match {
	s := x.slotAt[i]
	top, _ := x.lookup(x.vecs[s], s, n)
	return x.byPlace(top)
}

// All returns Similar(i, n) for every idea, made on all cores.
//
// After an Update, it looks up again only the ideas whose matches the
// update can have changed, and of most of those it mends the matches
// instead: an idea that was not weighed again, whose look-up reads the
// same terms as before, can only have gained or lost the ideas weighed
// again among the ideas it touches, whose scores it adds up anew, as its
// look-up would, over the terms it read. The mended matches are the
// look-up's wherever the ideas it did not keep cannot come in: where it
// kept fewer than n, or where n of the mended rank at least as high as
// the last it kept. Else the idea is looked up again.
func (x *Index) All(n int) [][]Match {
	full := n != x.foundN || x.orderMoved || len(x.changed) > mendLimit
	x.foundN, x.orderMoved = n, false
	for len(x.read) < len(x.keys) {
		x.read = append(x.read, -1) // never looked up
	}
	// The terms of the ideas weighed again, to add up their scores.
	changed := make([]int32, 0, len(x.changed))
	weights := make([]map[int32]float32, 0, len(x.changed))
	if !full {
		for s := range x.changed {
			if x.vecs[s] == nil {
				continue // gone
			}
			m := make(map[int32]float32, len(x.vecs[s]))
			for _, tw := range x.vecs[s] {
				m[tw.term] = tw.w
			}
			changed, weights = append(changed, s), append(weights, m)
		}
	}
	const (
		keep = iota
		mend
		again
	)
	todo := make([]uint8, len(x.slotAt))
	parallel.For(len(x.slotAt), func(i int) {
		s := x.slotAt[i]
		switch {
		case full || x.read[s] < 0 || x.changed[s] || x.readCount(x.vecs[s]) != x.read[s]:
			todo[i] = again
		default:
			for _, tw := range x.vecs[s][:x.read[s]] {
				if x.touched[tw.term] {
					todo[i] = mend
					break
				}
			}
		}
		if todo[i] == mend && !x.mend(s, n, changed, weights) {
			todo[i] = again
		}
		if todo[i] == again {
			x.found[s], x.read[s] = x.lookup(x.vecs[s], s, n)
		}
	})
	x.looked, x.mended = 0, 0
	for _, t := range todo {
		switch t {
		case again:
			x.looked++
		case mend:
			x.mended++
		}
	}
	clear(x.changed)
	clear(x.touched)
	out := make([][]Match, len(x.slotAt))
	for i, s := range x.slotAt {
		out[i] = x.byPlace(x.found[s])
	}
	return out
}

// mendLimit is how many ideas weighed again All mends the matches of the
// others for at most: past it, looking every idea up again costs less.
const mendLimit = 200

// mend brings the matches of the idea at slot s up to date with the ideas
// changed, whose weights by term are weights, and reports whether it
// could (see All).
func (x *Index) mend(s int32, n int, changed []int32, weights []map[int32]float32) bool {
	old := x.found[s]
	q := x.vecs[s][:x.read[s]]
	cand := make([]Match, 0, len(old)+4)
	for _, m := range old {
		if !x.changed[int32(m.Doc)] {
			cand = append(cand, m)
		}
	}
	for k, c := range changed {
		if c == s {
			continue
		}
		var acc float32
		for _, tw := range q {
			if w, ok := weights[k][tw.term]; ok {
				acc += float32(tw.w * w)
			}
		}
		if sc := float64(acc); sc >= MinScore {
			cand = append(cand, Match{Doc: int(c), ID: x.docs[c].ID, Score: sc})
		}
	}
	slices.SortFunc(cand, func(a, b Match) int {
		if x.better(a.Score, int32(a.Doc), b) {
			return -1
		}
		return 1
	})
	if len(old) == n {
		last := old[n-1]
		high := 0
		for _, m := range cand {
			if m == last || x.better(m.Score, int32(m.Doc), last) {
				high++
			}
		}
		if high < n {
			return false
		}
	}
	x.found[s] = cand[:min(n, len(cand))]
	return true
}

// readCount returns how many of q's terms a look-up reads: the rarest,
// up to Budget postings.
func (x *Index) readCount(q []weighted) int32 {
	read, terms := 0, int32(0)
	for _, tw := range q {
		post := x.post[tw.term]
		if read > 0 && read+len(post) > Budget {
			break // the rest are commoner, and add little but cost
		}
		read += len(post)
		terms++
	}
	return terms
}

// byPlace returns matches with their Doc a place among the docs, not a
// slot.
func (x *Index) byPlace(ms []Match) []Match {
	out := make([]Match, len(ms))
	for i, m := range ms {
		out[i] = Match{Doc: int(x.place[m.Doc]), ID: m.ID, Score: m.Score}
	}
	return out
}

// Query returns the up to n ideas of the index most like d, an idea the
// index does not hold (one about to be submitted), most alike first.
func (x *Index) Query(d Doc, n int) []Match {
	c := termCounts(d)
	v := make([]weighted, 0, len(c))
	var unknown float64 // the weight of terms no idea has: they make d less like any
	for _, tc := range c {
		if id, ok := x.terms[tc.term]; ok && x.df[id] > 0 {
			v = append(v, weighted{id, tc.n})
			continue
		}
		w := tfidf(tc.n, idf(x.Len()+1, 1))
		unknown += w * w
	}
	x.weigh(v, unknown)
	top, _ := x.lookup(v, -1, n)
	return x.byPlace(top)
}

// accumulator adds up the scores of one look-up: a score for every idea,
// and which of them it touched, to be read and cleared without going
// through them all.
type accumulator struct {
	score   []float32
	touched []int32
}

// lookup returns the n ideas whose terms best match q, leaving out the
// idea at slot self, each match's Doc a slot; and how many of q's terms
// it read.
func (x *Index) lookup(q []weighted, self int32, n int) ([]Match, int32) {
	if n <= 0 || x.Len() == 0 {
		return nil, 0
	}
	acc := x.accs.Get().(*accumulator)
	defer x.accs.Put(acc)
	if len(acc.score) < len(x.vecs) {
		acc.score = make([]float32, len(x.vecs))
	}
	terms := x.readCount(q)
	for _, tw := range q[:terms] {
		for _, p := range x.post[tw.term] {
			if acc.score[p.doc] == 0 {
				acc.touched = append(acc.touched, p.doc)
			}
			// The conversion rounds the product before the sum, as mend
			// rounds it: fused, the two could differ in the last bit.
			acc.score[p.doc] += float32(tw.w * p.w)
		}
	}
	top := make([]Match, 0, n+1)
	for _, d := range acc.touched {
		s := float64(acc.score[d])
		acc.score[d] = 0
		if d == self || s < MinScore {
			continue
		}
		if len(top) == n && !x.better(s, d, top[n-1]) {
			continue
		}
		m := Match{Doc: int(d), ID: x.docs[d].ID, Score: s}
		at, _ := slices.BinarySearchFunc(top, m, func(a, b Match) int {
			if x.better(b.Score, int32(b.Doc), a) {
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
	return top, terms
}

// better reports whether the idea at slot d with score s ranks above m
// (its Doc a slot): by score, then by place, so that the order never
// depends on the order of a map or of the slots.
func (x *Index) better(s float64, d int32, m Match) bool {
	if s != m.Score {
		return s > m.Score
	}
	return x.place[d] < x.place[m.Doc]
}
