package edit

import (
	"slices"
	"strings"

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
	// Hint returns what may be written in a field left for the person to
	// fill in, such as "true eller false", for a comment after it; "" for
	// none. Nil writes no comments.
	Hint func(field string) string
	// Process is the bank's process, whose criteria the screening's
	// skeleton lists and whose own sections it writes; nil for the default.
	Process *model.Process
}

func (o Options) hint(field string) string {
	if o.Hint == nil {
		return ""
	}
	return o.Hint(field)
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
	proc := opts.Process
	if proc == nil {
		proc = workflow.Default.Process
	}
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
			by := by.Overwritten()
			if opts.By == nil || opts.By(r) == "" {
				by = by.Hinted(opts.hint("by"))
			}
			return append([]Pair{P("date", date), P("by", by)}, pairs...)
		}
		text := func(field string) Pair { return P(field, Text("").Hinted(opts.hint(field))) }
		outcome := Text(r.Outcome).Overwritten()
		switch r.Section {
		case "screening":
			criterion := Map(P("met", Null().Hinted(opts.hint("met"))), P("note", Text("").Optional().Hinted(opts.hint("note"))))
			score := func(term string) Pair { return P(term, Null().Hinted(opts.hint(term))) }
			var criteria []Pair
			for _, c := range proc.Criteria {
				if c.Type == model.CriterionScore {
					var terms []Pair
					for _, t := range c.Terms {
						terms = append(terms, score(t))
					}
					criteria = append(criteria, P(c.ID, Map(terms...)))
				} else {
					criteria = append(criteria, P(c.ID, criterion))
				}
			}
			add(r.Section, signed(
				P("criteria", Map(criteria...)),
				P("outcome", outcome),
				text("feedback"))...)
		case "proposal", "plan":
			add(r.Section, signed(text("summary"))...)
		case "decision":
			pairs := signed(P("outcome", outcome), text("motivation"))
			for _, f := range r.Fields {
				pairs = append(pairs, P(f, Null().Hinted(opts.hint(f))))
			}
			add(r.Section, pairs...)
		case "implementation.started":
			add("implementation", P("started", Date(opts.Today)))
		case "implementation.communicated":
			communicator := by
			if by.blank() {
				communicator = by.Hinted(opts.hint("communicator"))
			}
			add("implementation", P("communicated", Map(P("date", Date(opts.Today)), P("by", communicator), text("channel"))))
		case "implementation.completed":
			add("implementation", P("completed", Date(opts.Today)))
		case "outcome":
			add(r.Section, signed(text("effects"), text("lessons"))...)
		case "withdrawn":
			add(r.Section, P("date", date), text("reason"))
		default: // a section of the bank's own, as its process describes it
			def := proc.Section(r.Section)
			if def == nil || def.Builtin {
				continue
			}
			var pairs []Pair
			for _, f := range def.Fields {
				switch {
				case f.Name == "date" && f.Type == model.FieldDate:
					pairs = append(pairs, P("date", date))
				case f.Name == "by" && f.Type == model.FieldLogin:
					pairs = append(pairs, signed()[1])
				case strings.Contains(f.Name, "."):
					// a group is the person's to add
				case slices.Contains(def.Required, f.Name) && f.Type == model.FieldText:
					pairs = append(pairs, text(f.Name))
				case slices.Contains(def.Required, f.Name):
					pairs = append(pairs, P(f.Name, Null().Hinted(opts.hint(f.Name))))
				}
			}
			add(r.Section, pairs...)
		}
	}
	return out
}
