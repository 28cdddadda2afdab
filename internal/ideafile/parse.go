package ideafile

import (
	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// The keys of each mapping in an idea file, in the order they are written.
var (
	TopKeys = []string{"id", "title", "kind", "stage", "submitted", "submitter", "unit", "tags",
		"discussion", "related", "screening", "proposal", "decision", "plan", "implementation",
		"outcome", "withdrawn"}
	submitterKeys      = []string{"name", "github", "anonymous"}
	screeningKeys      = []string{"date", "by", "criteria", "outcome", "feedback", "revisit", "duplicate_of"}
	criteriaKeys       = []string{"mission", "reach", "benefit", "value"}
	criterionKeys      = []string{"met", "note"}
	valueKeys          = []string{"short", "long", "note"}
	proposalKeys       = []string{"date", "by", "summary", "cost", "resources"}
	decisionKeys       = []string{"date", "by", "outcome", "motivation", "implementer", "resources"}
	planKeys           = []string{"date", "by", "summary"}
	implementationKeys = []string{"started", "communicated", "completed"}
	communicationKeys  = []string{"date", "by", "channel"}
	outcomeKeys        = []string{"date", "by", "effects", "lessons", "reported_to"}
	reportKeys         = []string{"body", "date"}
	withdrawnKeys      = []string{"date", "reason"}
)

// Parse reads the idea file at path. It returns nil when the file has no
// front matter that can be read as a mapping; otherwise it returns the idea
// with every field that could be decoded, problems added to diags.
func Parse(path string, data []byte, diags *diag.List) *model.Idea {
	doc, ok := Split(path, data, diags)
	if !ok {
		return nil
	}
	return decode(path, doc, diags)
}

func decode(path string, doc Doc, diags *diag.List) *model.Idea {
	d := yamlx.NewDecoder(path, doc.YAMLLine, diags)
	defer d.Release() // nothing below keeps a node
	root, ok := d.Parse(doc.FrontMatter)
	if !ok {
		return nil
	}
	if !yamlx.IsNull(root) && root.Kind != yaml.MappingNode {
		diags.Errorf(path, d.Pos(root), diag.RuleFrontMatter, "file.not-mapping")
		return nil
	}
	// An empty front matter is an empty mapping: the checks of required
	// fields then say what it must hold.
	idea := &model.Idea{Path: path, Body: string(doc.Body), BodyLine: doc.BodyLine}
	d.Fields[""] = model.Field{Pos: model.Pos{Line: 1, Col: 1}}
	d.Map(root, "", TopKeys, func(key string, v *yaml.Node) {
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
			idea.Kind = yamlx.Enum(d, v, key, model.Kinds)
		case "stage":
			idea.Stage = yamlx.Enum(d, v, key, model.Stages)
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
			idea.Screening = screening(d, v)
		case "proposal":
			idea.Proposal = proposal(d, v)
		case "decision":
			idea.Decision = decision(d, v)
		case "plan":
			idea.Plan = plan(d, v)
		case "implementation":
			idea.Implementation = implementation(d, v)
		case "outcome":
			idea.Outcome = outcome(d, v)
		case "withdrawn":
			idea.Withdrawn = withdrawal(d, v)
		}
	})
	idea.Fields = d.Fields
	return idea
}

func screening(d *yamlx.Decoder, n *yaml.Node) *model.Screening {
	s := &model.Screening{}
	d.Map(n, "screening", screeningKeys, func(k string, v *yaml.Node) {
		p := "screening." + k
		switch k {
		case "date":
			s.Date = d.Date(v, p)
		case "by":
			s.By = d.String(v, p)
		case "criteria":
			d.Map(v, p, criteriaKeys, func(c string, v *yaml.Node) {
				cp := p + "." + c
				switch c {
				case "mission":
					s.Criteria.Mission = criterion(d, v, cp)
				case "reach":
					s.Criteria.Reach = criterion(d, v, cp)
				case "benefit":
					s.Criteria.Benefit = criterion(d, v, cp)
				case "value":
					s.Criteria.Value = value(d, v, cp)
				}
			})
		case "outcome":
			s.Outcome = yamlx.Enum(d, v, p, model.ScreeningOutcomes)
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

func criterion(d *yamlx.Decoder, n *yaml.Node, path string) model.Criterion {
	var c model.Criterion
	d.Map(n, path, criterionKeys, func(k string, v *yaml.Node) {
		switch k {
		case "met":
			c.Met = d.Bool(v, path+".met")
		case "note":
			c.Note = d.String(v, path+".note")
		}
	})
	return c
}

func value(d *yamlx.Decoder, n *yaml.Node, path string) model.Value {
	var val model.Value
	d.Map(n, path, valueKeys, func(k string, v *yaml.Node) {
		p := path + "." + k
		switch k {
		case "short", "long":
			before := d.Diags.Len()
			i := d.Int(v, p)
			// A missing value is reported as missing; only a number is
			// out of range.
			if !yamlx.IsNull(v) && v.Kind == yaml.ScalarNode && (i < model.ValueMin || i > model.ValueMax) && d.Diags.Len() == before {
				d.Diags.Errorf(d.Path, d.Pos(v), diag.RuleValue, "idea.value-range", p, i, model.ValueMin, model.ValueMax)
			}
			if k == "short" {
				val.Short = i
			} else {
				val.Long = i
			}
		case "note":
			val.Note = d.String(v, p)
		}
	})
	return val
}

func proposal(d *yamlx.Decoder, n *yaml.Node) *model.Proposal {
	p := &model.Proposal{}
	d.Map(n, "proposal", proposalKeys, func(k string, v *yaml.Node) {
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

func decision(d *yamlx.Decoder, n *yaml.Node) *model.Decision {
	dec := &model.Decision{}
	d.Map(n, "decision", decisionKeys, func(k string, v *yaml.Node) {
		path := "decision." + k
		switch k {
		case "date":
			dec.Date = d.Date(v, path)
		case "by":
			dec.By = d.String(v, path)
		case "outcome":
			dec.Outcome = yamlx.Enum(d, v, path, model.DecisionOutcomes)
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

func plan(d *yamlx.Decoder, n *yaml.Node) *model.Plan {
	p := &model.Plan{}
	d.Map(n, "plan", planKeys, func(k string, v *yaml.Node) {
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

func implementation(d *yamlx.Decoder, n *yaml.Node) *model.Implementation {
	im := &model.Implementation{}
	d.Map(n, "implementation", implementationKeys, func(k string, v *yaml.Node) {
		path := "implementation." + k
		switch k {
		case "started":
			im.Started = d.Date(v, path)
		case "completed":
			im.Completed = d.Date(v, path)
		case "communicated":
			c := &model.Communication{}
			d.Map(v, path, communicationKeys, func(k string, v *yaml.Node) {
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

func outcome(d *yamlx.Decoder, n *yaml.Node) *model.Outcome {
	o := &model.Outcome{}
	d.Map(n, "outcome", outcomeKeys, func(k string, v *yaml.Node) {
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
			r := &model.Report{}
			d.Map(v, path, reportKeys, func(k string, v *yaml.Node) {
				switch k {
				case "body":
					r.Body = d.String(v, path+".body")
				case "date":
					r.Date = d.Date(v, path+".date")
				}
			})
			o.ReportedTo = r
		}
	})
	return o
}

func withdrawal(d *yamlx.Decoder, n *yaml.Node) *model.Withdrawal {
	w := &model.Withdrawal{}
	d.Map(n, "withdrawn", withdrawnKeys, func(k string, v *yaml.Node) {
		switch k {
		case "date":
			w.Date = d.Date(v, "withdrawn.date")
		case "reason":
			w.Reason = d.String(v, "withdrawn.reason")
		}
	})
	return w
}
