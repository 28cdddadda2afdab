package edit

import (
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Options are what a change of stage writes besides the skeleton.
type Options struct {
	// Today is the date of the step.
	Today model.Date
	// By returns the login to write in the "by" of the section that a
	// requirement names; "" leaves it empty. Nil leaves every "by" empty.
	By func(r workflow.Requirement) string
}

// Result is a file after a change of stage.
type Result struct {
	Data    []byte
	Changes []Change
	// Kept lists the fields of sections written anew that kept the value
	// they had, such as the feedback of an earlier screening: the person
	// taking the step should look at them.
	Kept []string
}

// Advance moves the idea file in data along the transition t: it sets the
// stage to t.To and writes the skeleton of every section and field the
// step requires, with today's date and the signer's login. What the person
// must write themselves (the feedback, a motivation, whether a criterion
// is met) is left empty, so that the check points at it. A section the
// file has already, from an earlier step, keeps what need not change: a
// new screening replaces the outcome, date and signer of the old one.
//
// The file must be at the stage t.From. On an error the data is returned
// unchanged, nowhere written.
func Advance(data []byte, t *workflow.Transition, opts Options) (*Result, error) {
	d, err := Open(data)
	if err != nil {
		return nil, err
	}
	stage, _ := d.Get("stage")
	if model.Stage(stage) != t.From {
		return nil, &Error{Kind: WrongStage, Path: "stage", Detail: stage}
	}
	var c changes
	pairs := append([]Pair{P("stage", Text(string(t.To)).Overwritten())}, Skeleton(t, opts)...)
	if _, err := d.merge(nil, pairs, &c); err != nil {
		return nil, err
	}
	// A pause's revisit date does not belong with another outcome.
	if outcome, ok := d.Get("screening.outcome"); ok && touches(t, "screening") && outcome != string(model.ScreenPause) {
		if _, ok := d.Get("screening.revisit"); ok {
			old, err := d.remove([]string{"screening", "revisit"})
			if err != nil {
				return nil, err
			}
			c.add(Change{Path: "screening.revisit", Kind: Removed, Old: old})
		}
	}
	return &Result{Data: d.Bytes(), Changes: c.list, Kept: c.kept}, nil
}

func touches(t *workflow.Transition, section string) bool {
	for _, r := range t.Requires {
		if r.Section == section {
			return true
		}
	}
	return false
}

// Skeleton returns the sections that the step t writes, each a mapping of
// the fields its requirements name, in the order of the file format.
func Skeleton(t *workflow.Transition, opts Options) []Pair {
	var out []Pair
	add := func(section string, pairs ...Pair) {
		for i := range out {
			if out[i].Key == section {
				out[i].Value.pairs = append(out[i].Value.pairs, pairs...)
				return
			}
		}
		out = append(out, P(section, Map(pairs...)))
	}
	// The date and the signer of a section written anew change with it.
	date := Date(opts.Today).Overwritten()
	for _, r := range t.Requires {
		by := Null()
		if opts.By != nil {
			if login := opts.By(r); login != "" {
				by = Text(login)
			}
		}
		signed := func(pairs ...Pair) []Pair {
			return append([]Pair{P("date", date), P("by", by.Overwritten())}, pairs...)
		}
		outcome := Text(r.Outcome).Overwritten()
		switch r.Section {
		case "screening":
			criterion := Flow(P("met", Null()), P("note", Text("").Optional()))
			add(r.Section, signed(
				P("criteria", Map(P("mission", criterion), P("reach", criterion), P("benefit", criterion),
					P("value", Flow(P("short", Null()), P("long", Null()))))),
				P("outcome", outcome),
				P("feedback", Text("")))...)
		case "proposal", "plan":
			add(r.Section, signed(P("summary", Text("")))...)
		case "decision":
			pairs := signed(P("outcome", outcome), P("motivation", Text("")))
			for _, f := range r.Fields {
				pairs = append(pairs, P(f, Null()))
			}
			add(r.Section, pairs...)
		case "implementation.started":
			add("implementation", P("started", Date(opts.Today)))
		case "implementation.communicated":
			add("implementation", P("communicated", Flow(P("date", Date(opts.Today)), P("by", by), P("channel", Text("")))))
		case "implementation.completed":
			add("implementation", P("completed", Date(opts.Today)))
		case "outcome":
			add(r.Section, signed(P("effects", Text("")), P("lessons", Text("")))...)
		case "withdrawn":
			add(r.Section, P("date", date), P("reason", Text("")))
		}
	}
	return out
}
