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
	// A revisit date belongs to a wait (a stage with a step to itself, as
	// v1's pause): a step that writes its section anew to another stage
	// takes it away.
	if _, wait := workflow.For(opts.Process).Lookup(t.To, t.To); !wait {
		for _, r := range t.Requires {
			if strings.Contains(r.Section, ".") {
				continue
			}
			if _, ok := d.Get(r.Section + "." + workflow.Revisit); !ok {
				continue
			}
			old, err := d.remove([]string{r.Section, workflow.Revisit})
			if err != nil {
				return nil, err
			}
			c.add(Change{Path: r.Section + "." + workflow.Revisit, Kind: Removed, Old: old})
		}
	}
	return &Result{Data: d.Bytes(), Changes: c.list, Kept: c.kept}, nil
}

// Skeleton returns the sections that the step t writes, each a mapping of
// the fields its requirements name, as the process describes the section:
// for a section written anew its required fields and those the step
// needs, in the section's order; for a group in one (an announcement) the
// group's; for a field, the field. The date and the signer of a section
// written anew change with it; a date the step adds to a section (the
// start of the work) is today's; the criteria are the process's; what the
// person must write is left empty, with a hint.
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
	for _, r := range t.Requires {
		top, rest, dotted := strings.Cut(r.Section, ".")
		def := proc.Section(top)
		if def == nil {
			continue
		}
		group := dotted && slices.Contains(def.Groups(), rest)
		var names []string
		switch {
		case !dotted:
			for _, f := range def.Fields {
				if !strings.Contains(f.Name, ".") && (slices.Contains(def.Required, f.Name) || slices.Contains(r.Fields, f.Name)) {
					names = append(names, f.Name)
				}
			}
		case group:
			for _, f := range def.Fields {
				if strings.HasPrefix(f.Name, rest+".") && slices.Contains(def.Required, f.Name) {
					names = append(names, f.Name)
				}
			}
		default:
			names = []string{rest}
		}
		var pairs []Pair
		for _, name := range names {
			f, _ := def.Field(name)
			key := name[strings.LastIndexByte(name, '.')+1:]
			pairs = append(pairs, P(key, skeletonValue(t, r, f, key, !dotted, proc, opts)))
		}
		// A group the step needs of a section it writes anew.
		for _, g := range r.Fields {
			if dotted || !slices.Contains(def.Groups(), g) {
				continue
			}
			var gp []Pair
			for _, f := range def.Fields {
				if key, ok := strings.CutPrefix(f.Name, g+"."); ok && slices.Contains(def.Required, f.Name) {
					gp = append(gp, P(key, skeletonValue(t, r, f, key, false, proc, opts)))
				}
			}
			pairs = append(pairs, P(g, Map(gp...)))
		}
		if group {
			add(top, P(rest, Map(pairs...)))
		} else {
			add(top, pairs...)
		}
	}
	return out
}

// skeletonValue is what Skeleton writes in the field f (whose last name is
// key) for the requirement r of the step t; anew is true when the step
// writes the whole section.
func skeletonValue(t *workflow.Transition, r workflow.Requirement, f model.FieldDef, key string, anew bool, proc *model.Process, opts Options) Value {
	switch {
	case f.Type == model.FieldDate && anew && key == "date":
		return Date(opts.Today).Overwritten()
	case f.Type == model.FieldDate && !anew:
		return Date(opts.Today)
	case f.Type == model.FieldLogin && key == "by":
		by := Null()
		if opts.By != nil {
			if login := opts.By(r); login != "" {
				by = Text(login)
			}
		}
		if anew {
			by = by.Overwritten()
		}
		if by.blank() {
			// A part signed by others than those who take the step (the
			// announcement, by a communicator) is hinted by the role that
			// signs it.
			hint := "by"
			if !slices.Equal(r.Signers, t.Actors) {
				hint = ""
				if len(r.Signers) == 1 {
					hint = string(r.Signers[0])
				}
			}
			if hint != "" {
				by = by.Hinted(opts.hint(hint))
			}
		}
		return by
	case f.Type == model.FieldOutcome:
		return Text(r.Outcome).Overwritten()
	case f.Type == model.FieldCriteria:
		return criteriaSkeleton(proc, opts)
	case f.Type == model.FieldText:
		return Text("").Hinted(opts.hint(key))
	}
	return Null().Hinted(opts.hint(key))
}

// criteriaSkeleton is the assessment template of proc to fill in: whether
// each criterion is met, or its scores, and a note.
func criteriaSkeleton(proc *model.Process, opts Options) Value {
	criterion := Map(P("met", Null().Hinted(opts.hint("met"))), P("note", Text("").Optional().Hinted(opts.hint("note"))))
	var criteria []Pair
	for _, c := range proc.Criteria {
		if c.Type != model.CriterionScore {
			criteria = append(criteria, P(c.ID, criterion))
			continue
		}
		var terms []Pair
		for _, term := range c.Terms {
			terms = append(terms, P(term, Null().Hinted(opts.hint(term))))
		}
		criteria = append(criteria, P(c.ID, Map(terms...)))
	}
	return Map(criteria...)
}
