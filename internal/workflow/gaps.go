package workflow

import "github.com/idebanken/idebanken/internal/model"

// GapKind is how a file fails a requirement.
type GapKind int

// The kinds of gaps.
const (
	GapMissing  GapKind = iota // the section is not there
	GapOutcome                 // its outcome is another
	GapCriteria                // the criteria are not met
	GapField                   // a field the step needs is missing
)

// Gap is one requirement of a path that a file does not meet.
type Gap struct {
	Req  Requirement
	Step *Transition
	Kind GapKind
}

// Gaps returns what idea lacks to have come along p.
func (p Path) Gaps(idea *model.Idea) []Gap {
	var gs []Gap
	p.eachGap(idea, func(g Gap) { gs = append(gs, g) })
	return gs
}

// eachGap calls fn with each of p's gaps in idea, in order.
func (p Path) eachGap(idea *model.Idea, fn func(Gap)) {
	crit := idea.Screening
	for i, t := range p {
		for _, r := range t.Requires {
			if p.Superseded(i, r) {
				continue
			}
			switch {
			case !idea.Has(r.Section):
				fn(Gap{r, t, GapMissing})
			case r.Outcome != "" && outcomeOf(idea, r.Section) != r.Outcome:
				fn(Gap{r, t, GapOutcome})
			case len(r.Met) > 0 && (crit == nil || !crit.Criteria.Met(r.Met)):
				fn(Gap{r, t, GapCriteria})
			default:
				for _, f := range r.Fields {
					if !idea.Has(r.Section + "." + f) {
						fn(Gap{r, t, GapField})
					}
				}
			}
		}
	}
}

// outcomeOf returns the outcome written in a section.
func outcomeOf(idea *model.Idea, section string) string {
	switch section { // the sections of v1 that have one, without making the path
	case "screening":
		if idea.Screening != nil {
			return string(idea.Screening.Outcome)
		}
		return ""
	case "decision":
		if idea.Decision != nil {
			return string(idea.Decision.Outcome)
		}
		return ""
	}
	return idea.Value(section + ".outcome").Text
}

// BestPath returns the path to the idea's stage that the file comes
// closest to satisfying, and what it lacks; with from, only the paths
// whose last step leaves from. A file at a stage must hold what every step
// on some path there added. Between paths that lack as much, the one that
// accounts for more of the sections the file holds is the one the idea
// took: a plan says the idea went the main line, not the quick way. Nil
// when the process has no way to the idea's stage.
func (f *Flow) BestPath(idea *model.Idea, from *model.Stage) (Path, []Gap) {
	var best Path
	bestGaps, bestCover := 0, -1
	for _, p := range f.Paths(idea.Stage) {
		if from != nil && p[len(p)-1].From != *from {
			continue
		}
		n := 0
		p.eachGap(idea, func(Gap) { n++ })
		cover := p.Covers(idea.Has)
		if best == nil || n < bestGaps || (n == bestGaps && cover > bestCover) {
			best, bestGaps, bestCover = p, n, cover
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, best.Gaps(idea)
}
