package sitegen

import (
	"slices"
	"strings"
	"sync"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/parallel"
	"github.com/idebanken/idebanken/internal/similar"
)

// SimilarCount is how many similar ideas an idea's page and ideas.json
// name at most.
const SimilarCount = 5

// indexes makes the search index and the similarity index in one pass
// over the ideas, which folds each idea's texts once for both, and
// links each idea to the ideas most like it and to its duplicates.
//
// A build that keeps no views writes the search index before it makes
// the similarity index, and lets go of its entries (31 MB at 100,000
// ideas), which were on top of that index, the build's peak; and it
// gives similar.Matches the views' texts unfolded.
func (s *site) indexes() error {
	s.search = make([]searchEntry, len(s.ideas))
	docs := make([]similar.Doc, len(s.ideas))
	parallel.For(len(s.ideas), func(i int) {
		v := s.ideas[i]
		if f, ok := s.opts.Views.folded(v.src); ok {
			s.search[i], docs[i] = f.search, f.doc
			return
		}
		if !s.keepsViews() {
			// similar.Matches folds a doc as it counts it, and lets it
			// go: folded here, the texts of all would be held at once
			// (~120 MB at 100,000 ideas), where the view's own are held
			// anyway. Only the part the search reads is folded here.
			tags := model.Fold(strings.Join(v.Tags, " "))
			s.search[i] = searchEntry(distinctWords(tags + " " + model.Fold(firstRunes(v.Text, SearchTextLimit))))
			docs[i] = similar.Doc{ID: v.ID, Title: v.Title, Tags: v.Tags, Text: v.Text}
			return
		}
		title, tags, text := model.Fold(v.Title), model.Fold(strings.Join(v.Tags, " ")), model.Fold(v.Text)
		// Fold folds letter by letter, so parts folded apart are the whole
		// folded at once, and a text within the limit is folded already.
		searchText := text
		if cut := firstRunes(v.Text, SearchTextLimit); len(cut) < len(v.Text) {
			searchText = model.Fold(cut)
		}
		s.search[i] = searchEntry(distinctWords(tags + " " + searchText))
		docs[i] = similar.Doc{ID: v.ID, Title: title, Tags: []string{tags}, Text: text, Folded: true}
	})
	s.opts.Views.keepFolded(s.ideas, s.search, docs)
	if !s.keepsViews() {
		if err := s.searchIndex(); err != nil {
			return err
		}
		s.search = nil
	}
	var all [][]similar.Match
	if !s.opts.noSimilar {
		// A build's docs are taken, their texts let go: nothing reads
		// them after.
		all = s.opts.Views.similar(docs, SimilarCount)
	}
	for i, matches := range all {
		v := s.ideas[i]
		v.Similar = make([]*Idea, 0, len(matches))
		for _, m := range matches {
			v.Similar = append(v.Similar, s.ideas[m.Doc])
		}
	}
	for _, idea := range s.opts.Ideas {
		v := s.byID[string(idea.ID)]
		if v == nil || idea.Screening == nil || idea.Screening.DuplicateOf == "" {
			continue
		}
		// The check refuses an original that is missing or the idea
		// itself; the site leaves such a link out rather than fail.
		if o := s.byID[string(idea.Screening.DuplicateOf)]; o != nil && o != v {
			r := o.ref()
			v.DuplicateOf = &r
			o.Duplicates = append(o.Duplicates, v.ref())
		}
	}
	for _, v := range s.ideas {
		if len(v.Duplicates) > 0 {
			slices.SortFunc(v.Duplicates, func(a, b Ref) int { return strings.Compare(a.ID, b.ID) })
			v.DuplicatesText = i18n.Render(s.lang, i18n.M("site.duplicates", i18n.Count{Key: "site.others", N: len(v.Duplicates)}))
		}
	}
	return nil
}

// ref returns the link to v from another idea.
func (v *Idea) ref() Ref { return Ref{v.ID, v.Title, v.Stage, v.StageName} }

// distinctWords returns the words of folded (parted by spaces) each once,
// in the order they first come. The script finds an entry when each word
// of a query is within its text, and a query's word holds no space, so it
// is within the text exactly when it is within one of its words: the
// words' repeats (a text says "rutinen" many times, a title its unit's
// name again) add bytes to search.json and find nothing more, some 14 MiB
// at 100,000 ideas.
func distinctWords(folded string) string {
	seen := seenPool.Get().(map[string]struct{})
	defer func() { clear(seen); seenPool.Put(seen) }()
	var b strings.Builder
	b.Grow(len(folded))
	for rest := folded; rest != ""; {
		w, next, _ := strings.Cut(rest, " ")
		rest = next
		if _, dup := seen[w]; dup || w == "" {
			continue
		}
		seen[w] = struct{}{}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

var seenPool = sync.Pool{New: func() any { return make(map[string]struct{}, 128) }}
