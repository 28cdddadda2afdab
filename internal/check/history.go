package check

import (
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/public"
	"github.com/idebanken/idebanken/internal/workflow"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// History compares each idea's file with the repository's history of it,
// and warns where they disagree: a change of stage that is not a step of
// the process (made past the check), or a step the file dates after the
// day it was merged. res is what Lint found: its configuration, its ideas
// and where their keys stand.
func History(res *Result, hist *history.History) []diag.Diagnostic {
	flow := workflow.Of(res.Config)
	var out diag.List
	for i, idea := range res.Ideas {
		var keys yamlx.Fields // none: each warning names the file's start
		if i < len(res.Keys) {
			keys = res.Keys[i]
		}
		for _, st := range hist.Steps[idea.ID] {
			// No commit ties an anonymous idea to its author; the date
			// says which step is meant.
			short := public.Commit(idea, st.Commit)
			merged := model.DateOf(st.When)
			if st.From != "" {
				t, ok := flow.Lookup(st.From, st.To)
				if !ok {
					if short == "" {
						out.Warnf(idea.Path, keys.Lookup("stage"), diag.RuleHistoryStep, "history.step-anonymous",
							string(st.From), string(st.To), merged.String())
					} else {
						out.Warnf(idea.Path, keys.Lookup("stage"), diag.RuleHistoryStep, "history.step",
							string(st.From), string(st.To), short, merged.String())
					}
					continue
				}
				for _, r := range t.Requires {
					for _, f := range flow.RequirementDates(r.Section) {
						if d := idea.Value(f).Date; !d.IsZero() && d.After(merged) && idea.Stage == st.To {
							if short == "" {
								out.Warnf(idea.Path, keys.Lookup(f), diag.RuleHistoryDate, "history.date-anonymous",
									f, d.String(), merged.String())
							} else {
								out.Warnf(idea.Path, keys.Lookup(f), diag.RuleHistoryDate, "history.date",
									f, d.String(), merged.String(), short)
							}
						}
					}
				}
			}
		}
	}
	return out.Items()
}
