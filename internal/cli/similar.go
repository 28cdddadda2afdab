package cli

import (
	"strings"
	"unicode"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/similar"
)

// similarShown is how many similar ideas intake, pr-comment and new show.
const similarShown = 3

// similarTo returns the ideas of the bank most like d, most alike first,
// at most n, leaving out the ideas whose id is except (the new idea
// itself, where it is in the bank already).
func similarTo(ideas []*model.Idea, d similar.Doc, except model.ID, n int) []*model.Idea {
	var bank []*model.Idea
	seen := map[model.ID]bool{}
	for _, idea := range ideas {
		if idea.ID == "" || idea.ID == except || seen[idea.ID] {
			continue
		}
		seen[idea.ID] = true
		bank = append(bank, idea)
	}
	docs := make([]similar.Doc, len(bank))
	for i, idea := range bank {
		docs[i] = ideaDoc(idea)
	}
	var out []*model.Idea
	for _, m := range similar.New(docs).Query(d, n) {
		out = append(out, bank[m.Doc])
	}
	return out
}

// ideaDoc is what the similarity index reads of an idea.
func ideaDoc(idea *model.Idea) similar.Doc {
	return similar.Doc{ID: string(idea.ID), Title: idea.Title, Tags: idea.Tags, Text: idea.Body}
}

// printable returns s without the control characters a file may hold,
// which a terminal would act on instead of showing.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
