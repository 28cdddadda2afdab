package workflow

import (
	"slices"

	"github.com/idebanken/idebanken/internal/model"
)

// Path is a sequence of transitions from a new file to some stage.
type Path []*Transition

// Paths returns every path without repeated stages from a new file to s,
// shortest first. A file at s must satisfy the requirements of at least one.
func (f *Flow) Paths(s model.Stage) []Path { return f.paths[s] }

func (f *Flow) allPaths() map[model.Stage][]Path {
	all := make(map[model.Stage][]Path)
	var walk func(at model.Stage, p Path, seen map[model.Stage]bool)
	walk = func(at model.Stage, p Path, seen map[model.Stage]bool) {
		all[at] = append(all[at], slices.Clone(p))
		for _, to := range f.Next(at) {
			if seen[to] {
				continue
			}
			t, _ := f.Lookup(at, to)
			seen[to] = true
			walk(to, append(p, t), seen)
			delete(seen, to)
		}
	}
	first := f.Process.Start()
	start, _ := f.Lookup("", first)
	walk(first, Path{start}, map[model.Stage]bool{first: true})
	for _, ps := range all {
		slices.SortStableFunc(ps, func(a, b Path) int { return len(a) - len(b) })
	}
	return all
}

// Requirements returns the requirements of every transition of p in order.
func (p Path) Requirements() []Requirement {
	var rs []Requirement
	for _, t := range p {
		rs = append(rs, t.Requires...)
	}
	return rs
}

// Superseded reports whether the requirement r of the i-th transition of p
// is replaced by a later step that writes the same section again: a paused
// idea that is screened anew has one screening, the new one.
func (p Path) Superseded(i int, r Requirement) bool {
	for _, t := range p[i+1:] {
		for _, later := range t.Requires {
			if later.Section == r.Section {
				return true
			}
		}
	}
	return false
}

// Covers returns how many of sections the requirements of p name.
func (p Path) Covers(present func(section string) bool) int {
	var buf [16]string
	seen := buf[:0] // a path names a handful of sections
	n := 0
	for _, t := range p {
		for _, r := range t.Requires {
			if slices.Contains(seen, r.Section) {
				continue
			}
			seen = append(seen, r.Section)
			if present(r.Section) {
				n++
			}
		}
	}
	return n
}

// MaySection reports whether a file at stage s may hold the section: some
// walk through the process to s, pauses and re-screenings included, adds it.
// A plan at "developing" is a mistake; a decision to pause left from before
// a re-screening is not.
func (f *Flow) MaySection(s model.Stage, section string) bool {
	return f.mayHold[s][section]
}

func (f *Flow) holdable() map[model.Stage]map[string]bool {
	stages := f.Stages()
	// reach[a][b]: stage b can be reached from stage a (or a == b).
	reach := make(map[model.Stage]map[model.Stage]bool)
	for _, a := range stages {
		reach[a] = map[model.Stage]bool{a: true}
		queue := []model.Stage{a}
		for len(queue) > 0 {
			at := queue[0]
			queue = queue[1:]
			for _, to := range f.Next(at) {
				if !reach[a][to] {
					reach[a][to] = true
					queue = append(queue, to)
				}
			}
		}
	}
	m := make(map[model.Stage]map[string]bool)
	for _, s := range stages {
		m[s] = make(map[string]bool)
		for _, t := range f.table {
			if t.From == "" || !reach[t.To][s] {
				continue
			}
			for _, r := range t.Requires {
				m[s][r.Section] = true
				m[s][topSection(r.Section)] = true
			}
		}
	}
	return m
}

func topSection(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return s[:i]
		}
	}
	return s
}

// MainLine returns the ways through the process as the start page shows
// them. The main line is the longest way from a new idea to a final stage
// that passes no stage an idea may be sent back to (a pause, which a
// re-screening leaves to where it came from). The quick line is the
// shortest other such way to the same end, from where it leaves the main
// line to the stage before the end (v1's quick win: quick-win,
// implementing, implemented), which shares stages with the main line.
// Side holds the other stages, in the process's order: every stage is in
// one of the three.
func (f *Flow) MainLine() (main, quick, side []model.Stage) {
	var ways []Path
	for _, s := range f.Stages() {
		if !f.Final(s) {
			continue
		}
	paths:
		for _, p := range f.Paths(s) {
			for _, t := range p {
				if _, loop := f.Lookup(t.To, t.To); loop {
					continue paths
				}
			}
			ways = append(ways, p)
		}
	}
	var best Path
	for _, p := range ways {
		if len(p) > len(best) {
			best = p
		}
	}
	for _, t := range best {
		main = append(main, t.To)
	}
	var short Path
	for _, p := range ways {
		if p[len(p)-1].To != best[len(best)-1].To || len(p) == len(best) {
			continue
		}
		if short == nil || len(p) < len(short) {
			short = p
		}
	}
	if len(short) > 1 {
		off := false
		for _, t := range short[:len(short)-1] {
			off = off || !slices.Contains(main, t.To)
			if off {
				quick = append(quick, t.To)
			}
		}
	}
	for _, s := range f.Stages() {
		if !slices.Contains(main, s) && !slices.Contains(quick, s) {
			side = append(side, s)
		}
	}
	return main, quick, side
}
