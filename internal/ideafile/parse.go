package ideafile

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/process"
	"github.com/idebanken/idebanken/internal/vocab"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// fixedKeys are the keys of an idea file before its stage sections, in the
// order they are written.
var fixedKeys = []string{"id", "title", "kind", "stage", "submitted", "submitter", "unit", "tags",
	"discussion", "related"}

var submitterKeys = []string{"name", "github", "anonymous"}

// TopKeys are the keys of an idea file of the default process, in the
// order they are written: the fixed ones, then the stage sections.
var TopKeys = Keys(process.Default())

// Keys returns the keys an idea file of process p may hold at the top.
func Keys(p *model.Process) []string {
	return append(slices.Clone(fixedKeys), p.SectionIDs()...)
}

// Parse reads the idea file at path, of a bank that runs the default
// process. It returns nil when the file has no front matter that can be
// read as a mapping; otherwise it returns the idea with every field that
// could be decoded, problems added to diags.
func Parse(path string, data []byte, diags *diag.List) *model.Idea {
	return ParseFor(process.Default(), path, data, diags)
}

// ParseFor is Parse for a bank that runs the process p: its stages, its
// outcomes and criteria, and its own sections, each field read as the
// type the process gives it.
func ParseFor(p *model.Process, path string, data []byte, diags *diag.List) *model.Idea {
	idea, _ := Decode(p, path, data, diags)
	return idea
}

// Decode is ParseFor that also returns where each key of the file stands,
// whether it was left blank and the shape of its value: what the check
// needs to name the line of every message, and to tell an explicit
// "met: false" from a missing one. The positions are not the model's: a
// reader that has no messages to give keeps only the idea.
func Decode(p *model.Process, path string, data []byte, diags *diag.List) (*model.Idea, yamlx.Fields) {
	doc, ok := Split(path, data, diags)
	if !ok {
		return nil, nil
	}
	return decode(p, path, doc, diags)
}

func decode(proc *model.Process, path string, doc Doc, diags *diag.List) (*model.Idea, yamlx.Fields) {
	d := yamlx.NewDecoder(path, doc.YAMLLine, diags)
	defer d.Release() // nothing below keeps a node
	root, ok := d.Parse(doc.FrontMatter)
	if !ok {
		return nil, nil
	}
	if !yamlx.IsNull(root) && root.Kind != yaml.MappingNode {
		diags.Errorf(path, d.Pos(root), diag.RuleFrontMatter, "file.not-mapping")
		return nil, nil
	}
	// An empty front matter is an empty mapping: the checks of required
	// fields then say what it must hold.
	idea := &model.Idea{Path: path, Body: string(doc.Body), BodyLine: doc.BodyLine}
	d.Fields[""] = yamlx.Field{Pos: diag.Pos{Line: 1, Col: 1}}
	r := &reader{d: d, proc: proc}
	top := TopKeys
	if proc != process.Default() {
		top = Keys(proc)
	}
	d.Map(root, "", top, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			if s := d.String(v, key); s != "" {
				if id, err := model.ParseID(s); err != nil {
					diags.Errorf(path, d.Pos(v), diag.RuleIDFormat, "idea.id-format", s)
				} else {
					idea.ID = id
				}
			}
		case "title":
			idea.Title = d.String(v, key)
		case "kind":
			idea.Kind = yamlx.EnumNamed(d, v, key, model.Kinds, vocab.Kind)
		case "stage":
			idea.Stage = yamlx.EnumNamed(d, v, key, proc.StageIDs(), func(s string) (model.Stage, bool) {
				return vocab.Stage(&model.Config{Process: proc}, s)
			})
		case "submitted":
			idea.Submitted = d.Date(v, key)
		case "submitter":
			d.Map(v, key, submitterKeys, func(k string, v *yaml.Node) {
				p := key + "." + k
				switch k {
				case "name":
					idea.Submitter.Name = d.String(v, p)
				case "github":
					idea.Submitter.GitHub = d.String(v, p)
				case "anonymous":
					idea.Submitter.Anonymous = d.Bool(v, p)
				}
			})
		case "unit":
			idea.Unit = d.String(v, key)
		case "tags":
			idea.Tags = d.Strings(v, key)
		case "discussion":
			idea.Discussion = d.String(v, key)
		case "related":
			for _, s := range d.Strings(v, key) {
				idea.Related = append(idea.Related, model.ID(s))
			}
		case "screening":
			idea.Screening = r.screening(v)
		case "proposal":
			idea.Proposal = r.proposal(v)
		case "decision":
			idea.Decision = r.decision(v)
		case "plan":
			idea.Plan = r.plan(v)
		case "implementation":
			idea.Implementation = r.implementation(v)
		case "outcome":
			idea.Outcome = r.outcome(v)
		case "withdrawn":
			idea.Withdrawn = r.withdrawal(v)
		default:
			if idea.Sections == nil {
				idea.Sections = map[string]*model.Section{}
			}
			idea.Sections[key] = r.section(proc.Section(key), v)
		}
	})
	return idea, d.Fields
}

// reader reads the sections of one idea file, with the keys and types
// its process gives them.
type reader struct {
	d    *yamlx.Decoder
	proc *model.Process
}

// keys returns the keys of the section id, or of the group in it.
func (r *reader) keys(id, group string) []string {
	if s := r.proc.Section(id); s != nil {
		return s.Keys(group)
	}
	return nil
}

func (r *reader) screening(n *yaml.Node) *model.Screening {
	d := r.d
	s := &model.Screening{}
	d.Map(n, "screening", r.keys("screening", ""), func(k string, v *yaml.Node) {
		p := "screening." + k
		switch k {
		case "date":
			s.Date = d.Date(v, p)
		case "by":
			s.By = d.String(v, p)
		case "criteria":
			s.Criteria = r.criteria(v, p)
		case "outcome":
			s.Outcome = yamlx.Enum(d, v, p, outcomes[model.ScreeningOutcome](r.proc, "screening"))
		case "feedback":
			s.Feedback = d.String(v, p)
		case "revisit":
			s.Revisit = d.Date(v, p)
		case "duplicate_of":
			// Its form and whether the idea exists are the check's: it
			// reports them with the other ids an idea names.
			s.DuplicateOf = model.ID(d.String(v, p))
		}
	})
	return s
}

// outcomes returns the outcomes section may take in p.
func outcomes[T ~string](p *model.Process, section string) []T {
	var out []T
	for _, o := range p.Outcomes(section) {
		out = append(out, T(o))
	}
	return out
}

// criteria reads the assessment against the process's criteria.
func (r *reader) criteria(n *yaml.Node, path string) model.Criteria {
	d := r.d
	ids := make([]string, len(r.proc.Criteria))
	for i, c := range r.proc.Criteria {
		ids[i] = c.ID
	}
	cs := model.Criteria{}
	d.Map(n, path, ids, func(id string, v *yaml.Node) {
		c := r.proc.Criterion(id)
		cp := path + "." + id
		var a model.Assessment
		if c.Type == model.CriterionMet {
			d.Map(v, cp, criterionKeys, func(k string, v *yaml.Node) {
				switch k {
				case "met":
					a.Met = d.Bool(v, cp+".met")
				case "note":
					a.Note = d.String(v, cp+".note")
				}
			})
		} else {
			a = r.score(c, v, cp)
		}
		cs[id] = a
	})
	return cs
}

var criterionKeys = []string{"met", "note"}

// score reads a criterion scored from Min to Max on each of its terms.
func (r *reader) score(c *model.CriterionDef, n *yaml.Node, path string) model.Assessment {
	d := r.d
	a := model.Assessment{Scores: map[string]int{}}
	d.Map(n, path, append(slices.Clone(c.Terms), "note"), func(k string, v *yaml.Node) {
		p := path + "." + k
		if k == "note" {
			a.Note = d.String(v, p)
			return
		}
		before := d.Diags.Len()
		i := d.Int(v, p)
		// A missing value is reported as missing; only a number is
		// out of range.
		if !yamlx.IsNull(v) && v.Kind == yaml.ScalarNode && (i < c.Min || i > c.Max) && d.Diags.Len() == before {
			d.Diags.Errorf(d.Path, d.Pos(v), diag.RuleValue, "idea.value-range", p, i, c.Min, c.Max)
		}
		a.Scores[k] = i
	})
	return a
}

// section reads a section of the bank's own, each field as its type.
func (r *reader) section(def *model.SectionDef, n *yaml.Node) *model.Section {
	s := &model.Section{Values: map[string]model.Value{}}
	r.fields(def, "", n, s)
	return s
}

func (r *reader) fields(def *model.SectionDef, group string, n *yaml.Node, s *model.Section) {
	d := r.d
	prefix := def.ID
	if group != "" {
		prefix += "." + group
	}
	d.Map(n, prefix, def.Keys(group), func(k string, v *yaml.Node) {
		name := k
		if group != "" {
			name = group + "." + k
		}
		f, ok := def.Field(name)
		if !ok { // a group
			r.fields(def, name, v, s)
			return
		}
		p := prefix + "." + k
		var val model.Value
		switch f.Type {
		case model.FieldDate:
			val.Date = d.Date(v, p)
			val.Set = !val.Date.IsZero()
		case model.FieldNumber:
			val.Number = d.Int(v, p)
			val.Set = !yamlx.IsNull(v)
		case model.FieldOutcome:
			val.Text = string(yamlx.Enum(d, v, p, r.proc.Outcomes(def.ID)))
			val.Set = val.Text != ""
		default: // text, login, url
			val.Text = d.String(v, p)
			val.Set = strings.TrimSpace(val.Text) != ""
		}
		s.Values[name] = val
	})
}

func (r *reader) proposal(n *yaml.Node) *model.Proposal {
	d := r.d
	p := &model.Proposal{}
	d.Map(n, "proposal", r.keys("proposal", ""), func(k string, v *yaml.Node) {
		path := "proposal." + k
		switch k {
		case "date":
			p.Date = d.Date(v, path)
		case "by":
			p.By = d.String(v, path)
		case "summary":
			p.Summary = d.String(v, path)
		case "cost":
			p.Cost = d.Int(v, path)
			if p.Cost < 0 {
				d.Diags.Errorf(d.Path, d.Pos(v), diag.RuleValue, "idea.cost-negative", p.Cost)
			}
		case "resources":
			p.Resources = d.String(v, path)
		}
	})
	return p
}

func (r *reader) decision(n *yaml.Node) *model.Decision {
	d := r.d
	dec := &model.Decision{}
	d.Map(n, "decision", r.keys("decision", ""), func(k string, v *yaml.Node) {
		path := "decision." + k
		switch k {
		case "date":
			dec.Date = d.Date(v, path)
		case "by":
			dec.By = d.String(v, path)
		case "outcome":
			dec.Outcome = yamlx.Enum(d, v, path, outcomes[model.DecisionOutcome](r.proc, "decision"))
		case "motivation":
			dec.Motivation = d.String(v, path)
		case "implementer":
			dec.Implementer = d.String(v, path)
		case "resources":
			dec.Resources = d.String(v, path)
		}
	})
	return dec
}

func (r *reader) plan(n *yaml.Node) *model.Plan {
	d := r.d
	p := &model.Plan{}
	d.Map(n, "plan", r.keys("plan", ""), func(k string, v *yaml.Node) {
		path := "plan." + k
		switch k {
		case "date":
			p.Date = d.Date(v, path)
		case "by":
			p.By = d.String(v, path)
		case "summary":
			p.Summary = d.String(v, path)
		}
	})
	return p
}

func (r *reader) implementation(n *yaml.Node) *model.Implementation {
	d := r.d
	im := &model.Implementation{}
	d.Map(n, "implementation", r.keys("implementation", ""), func(k string, v *yaml.Node) {
		path := "implementation." + k
		switch k {
		case "started":
			im.Started = d.Date(v, path)
		case "completed":
			im.Completed = d.Date(v, path)
		case "communicated":
			c := &model.Communication{}
			d.Map(v, path, r.keys("implementation", "communicated"), func(k string, v *yaml.Node) {
				p := path + "." + k
				switch k {
				case "date":
					c.Date = d.Date(v, p)
				case "by":
					c.By = d.String(v, p)
				case "channel":
					c.Channel = d.String(v, p)
				}
			})
			im.Communicated = c
		}
	})
	return im
}

func (r *reader) outcome(n *yaml.Node) *model.Outcome {
	d := r.d
	o := &model.Outcome{}
	d.Map(n, "outcome", r.keys("outcome", ""), func(k string, v *yaml.Node) {
		path := "outcome." + k
		switch k {
		case "date":
			o.Date = d.Date(v, path)
		case "by":
			o.By = d.String(v, path)
		case "effects":
			o.Effects = d.String(v, path)
		case "lessons":
			o.Lessons = d.String(v, path)
		case "reported_to":
			rep := &model.Report{}
			d.Map(v, path, r.keys("outcome", "reported_to"), func(k string, v *yaml.Node) {
				switch k {
				case "body":
					rep.Body = d.String(v, path+".body")
				case "date":
					rep.Date = d.Date(v, path+".date")
				}
			})
			o.ReportedTo = rep
		}
	})
	return o
}

func (r *reader) withdrawal(n *yaml.Node) *model.Withdrawal {
	d := r.d
	w := &model.Withdrawal{}
	d.Map(n, "withdrawn", r.keys("withdrawn", ""), func(k string, v *yaml.Node) {
		switch k {
		case "date":
			w.Date = d.Date(v, "withdrawn.date")
		case "reason":
			w.Reason = d.String(v, "withdrawn.reason")
		}
	})
	return w
}
