package sitegen

import (
	"strconv"
	"strings"
	"sync"
)

// alike holds, for one build, the texts and scores that many views have
// alike, each made once and shared by all of them: the dates as a page
// prints them, the signatures (a date and a name), the scores and what
// they say. At 100,000 ideas the views held their own of each, some
// 45 MB of the heap, of a few thousand that differ. The views' goroutines
// share an alike; what it hands out is never changed.
type alike struct {
	mu     sync.Mutex
	texts  map[string]string
	scores map[string]map[string]int
}

func newAlike() *alike {
	return &alike{texts: map[string]string{}, scores: map[string]map[string]int{}}
}

// text returns the one copy of s.
func (a *alike) text(s string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	if t, ok := a.texts[s]; ok {
		return t
	}
	a.texts[s] = s
	return s
}

// score returns the one map of scores by term that gives score(term) for
// each of terms.
func (a *alike) score(terms []string, score func(term string) int) map[string]int {
	var key strings.Builder
	for _, t := range terms {
		key.WriteString(t)
		key.WriteByte('=')
		key.WriteString(strconv.Itoa(score(t)))
		key.WriteByte(0)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if m, ok := a.scores[key.String()]; ok {
		return m
	}
	m := make(map[string]int, len(terms))
	for _, t := range terms {
		m[t] = score(t)
	}
	a.scores[key.String()] = m
	return m
}
