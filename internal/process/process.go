// Package process reads a bank's improvement process, the process: key of
// idebank.yaml, and holds the process of v1 in the same form, embedded, as
// the default. It refuses a process that cannot work, with the line of
// each problem.
package process

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/yamlx"
)

//go:embed default.yaml
var defaultYAML []byte

// Actors that are not roles: anyone, an idea's submitter, the implementer
// its decision appoints.
const (
	Anyone      = "anyone"
	Submitter   = "submitter"
	Implementer = "implementer"
)

// AnyStage in a step's from stands for every stage that is not final.
const AnyStage = "any"

var (
	keys          = []string{"stages", "final", "roles", "criteria", "sections", "steps"}
	labelKeys     = []string{"id", "sv", "en"}
	criterionKeys = []string{"id", "type", "min", "max", "terms", "sv", "en"}
	sectionKeys   = []string{"sv", "en", "fields", "required"}
	stepKeys      = []string{"from", "to", "by", "needs"}
	needKeys      = []string{"section", "outcome", "met", "signed_by"}
)

// ownFieldTypes are the types a bank's own section may give its fields.
var ownFieldTypes = []model.FieldType{model.FieldDate, model.FieldLogin, model.FieldText, model.FieldNumber, model.FieldURL}

// reservedKeys are the keys of an idea file that no section may take.
var reservedKeys = []string{"id", "title", "kind", "stage", "submitted", "submitter", "unit", "tags",
	"discussion", "related"}

var defaultOnce = sync.OnceValue(func() *model.Process {
	var diags diag.List
	d := yamlx.NewDecoder("internal/process/default.yaml", 0, &diags)
	root, ok := d.Parse(defaultYAML)
	if !ok {
		panic("process: the default process does not parse")
	}
	p := decode(d, root, "", nil)
	if diags.Len() > 0 {
		panic("process: the default process has errors: " + diags.Items()[0].Msg.Key)
	}
	for i := range p.Sections {
		p.Sections[i].Builtin = true
	}
	return p
})

// Default returns the process of v1. The value is shared: do not change it.
func Default() *model.Process { return defaultOnce() }

// Decode reads the process at n, the value of the key path ("process") in
// the document d reads, and checks it. Where the bank gives no roles or no
// criteria, those of v1 hold; the sections of v1 are always there, and the
// bank's own come after them.
func Decode(d *yamlx.Decoder, n *yaml.Node, path string) *model.Process {
	return decode(d, n, path, Default())
}

// decode reads a process; base, when not nil, is the default it builds on.
func decode(d *yamlx.Decoder, n *yaml.Node, path string, base *model.Process) *model.Process {
	r := &reader{d: d, path: path, base: base, before: d.Diags.Len(),
		stagePos: map[model.Stage]diag.Pos{}, sectionPos: map[string]diag.Pos{}}
	p := &model.Process{}
	given := map[string]*yaml.Node{}
	d.Map(n, path, keys, func(k string, v *yaml.Node) {
		given[k] = v
	})
	for _, k := range []string{"stages", "steps"} {
		if given[k] == nil {
			r.errorf(n, "process.missing", join(path, k))
		}
	}
	if v := given["stages"]; v != nil {
		p.Stages = r.stages(v)
	}
	if v := given["final"]; v != nil {
		r.d.Fields[join(path, "final")] = yamlx.Field{Pos: d.Pos(v)}
		for _, s := range d.Strings(v, join(path, "final")) {
			p.Final = append(p.Final, model.Stage(s))
		}
		r.finalNode = v
	}
	if v := given["roles"]; v != nil {
		p.Roles = r.roles(v)
	} else if base != nil {
		p.Roles = base.Roles
	}
	if v := given["criteria"]; v != nil {
		p.Criteria = r.criteria(v)
	} else if base != nil {
		p.Criteria = base.Criteria
	}
	if base != nil {
		p.Sections = slices.Clone(base.Sections)
	}
	if v := given["sections"]; v != nil {
		own := r.sections(v)
		for i := range p.Sections {
			if re := r.restated[p.Sections[i].ID]; re != nil {
				p.Sections[i].Label = re.Label
			}
		}
		p.Sections = append(p.Sections, own...)
	}
	if v := given["steps"]; v != nil {
		p.Steps = r.steps(v, p)
	}
	if r.d.Diags.Len() == r.before {
		r.validate(p)
	}
	return p
}

type reader struct {
	d         *yamlx.Decoder
	path      string
	base      *model.Process
	finalNode *yaml.Node
	before    int
	own       []string                     // the ids of the bank's own sections
	restated  map[string]*model.SectionDef // v1's sections as the bank writes them out, by id

	// Where the stages, sections, steps and their needs stand in the
	// file, for validate's messages: the model holds no positions.
	stagePos   map[model.Stage]diag.Pos
	sectionPos map[string]diag.Pos
	stepPos    []diag.Pos   // by the index of the step read
	needPos    [][]diag.Pos // by the step's index, then the need's
}

func (r *reader) errorf(n *yaml.Node, key string, args ...any) {
	r.d.Diags.Errorf(r.d.Path, r.d.Pos(n), diag.RuleConfig, key, args...)
}

func (r *reader) errorAt(pos diag.Pos, key string, args ...any) {
	r.d.Diags.Errorf(r.d.Path, pos, diag.RuleConfig, key, args...)
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// items returns the entries of a list, reporting anything else.
func (r *reader) items(n *yaml.Node, path string) []*yaml.Node {
	if yamlx.IsNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "config.want-list", path)
		return nil
	}
	var out []*yaml.Node
	for _, item := range n.Content {
		if !r.d.Alias(item) {
			out = append(out, item)
		}
	}
	return out
}

// label reads {id, sv, en}, and with more the other keys, and reports a missing id or label.
func (r *reader) label(n *yaml.Node, path, what string, keys []string, more func(k string, v *yaml.Node)) (id string, l model.Label) {
	r.d.Map(n, path+"[]", keys, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			id = r.d.String(v, path+"[].id")
		case "sv":
			l.SV = r.d.String(v, path+"[].sv")
		case "en":
			l.EN = r.d.String(v, path+"[].en")
		default:
			if more != nil {
				more(k, v)
			}
		}
	})
	switch {
	case id == "":
		r.errorf(n, "process.no-id", what)
	case !model.ValidSlug(id):
		r.errorf(n, "process.id-form", what, id)
	}
	r.labels(n, what, id, l)
	return id, l
}

func (r *reader) labels(n *yaml.Node, what, id string, l model.Label) {
	if strings.TrimSpace(l.SV) == "" || strings.TrimSpace(l.EN) == "" {
		r.errorf(n, "process.label", what, id)
	}
}

func (r *reader) stages(n *yaml.Node) []model.StageDef {
	path := join(r.path, "stages")
	var out []model.StageDef
	for _, item := range r.items(n, path) {
		id, l := r.label(item, path, "stage", labelKeys, nil)
		if id == "" {
			continue
		}
		if slices.ContainsFunc(out, func(s model.StageDef) bool { return string(s.ID) == id }) {
			r.errorf(item, "process.duplicate", "stage", id)
			continue
		}
		if id == AnyStage {
			r.errorf(item, "process.reserved", "stage", id)
		}
		out = append(out, model.StageDef{ID: model.Stage(id), Label: l})
		r.stagePos[model.Stage(id)] = r.d.Pos(item)
	}
	if len(out) == 0 && n != nil {
		r.errorf(n, "process.no-stages")
	}
	return out
}

func (r *reader) roles(n *yaml.Node) []model.RoleDef {
	path := join(r.path, "roles")
	var out []model.RoleDef
	for _, item := range r.items(n, path) {
		id, l := r.label(item, path, "role", labelKeys, nil)
		if id == "" {
			continue
		}
		switch {
		case id == Anyone || id == Submitter || id == Implementer || id == string(model.RoleAdmin):
			r.errorf(item, "process.reserved", "role", id)
		case slices.ContainsFunc(out, func(x model.RoleDef) bool { return string(x.ID) == id }):
			r.errorf(item, "process.duplicate", "role", id)
		default:
			out = append(out, model.RoleDef{ID: model.Role(id), Label: l})
		}
	}
	return out
}

func (r *reader) criteria(n *yaml.Node) []model.CriterionDef {
	path := join(r.path, "criteria")
	var out []model.CriterionDef
	for _, item := range r.items(n, path) {
		c := model.CriterionDef{}
		var minGiven, maxGiven bool
		id, l := r.label(item, path, "criterion", criterionKeys, func(k string, v *yaml.Node) {
			p := path + "[]." + k
			switch k {
			case "type":
				c.Type = yamlx.Enum(r.d, v, p, model.CriterionTypes)
			case "min":
				c.Min, minGiven = r.d.Int(v, p), true
			case "max":
				c.Max, maxGiven = r.d.Int(v, p), true
			case "terms":
				c.Terms = r.d.Strings(v, p)
			}
		})
		c.ID, c.Label = id, l
		if id == "" {
			continue
		}
		switch c.Type {
		case "":
			r.errorf(item, "process.criterion-type", id)
		case model.CriterionScore:
			if !minGiven || !maxGiven || c.Min >= c.Max {
				r.errorf(item, "process.criterion-scale", id)
			}
			if len(c.Terms) == 0 {
				r.errorf(item, "process.criterion-terms", id)
			}
			for _, t := range c.Terms {
				if t == "met" || t == "note" || !model.ValidSlug(strings.ReplaceAll(t, "_", "-")) {
					r.errorf(item, "process.id-form", "term", t)
				}
			}
		}
		if slices.ContainsFunc(out, func(x model.CriterionDef) bool { return x.ID == id }) {
			r.errorf(item, "process.duplicate", "criterion", id)
			continue
		}
		out = append(out, c)
	}
	return out
}

// sections reads the bank's own sections, in the order written.
func (r *reader) sections(n *yaml.Node) []model.SectionDef {
	path := join(r.path, "sections")
	var out []model.SectionDef
	if yamlx.IsNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "process.want-mapping", path)
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := k.Value
		switch {
		case k.Kind != yaml.ScalarNode:
			r.errorf(k, "yaml.key-not-text")
			continue
		case !model.ValidSlug(strings.ReplaceAll(id, "_", "-")):
			r.errorf(k, "process.id-form", "section", id)
			continue
		case slices.Contains(reservedKeys, id):
			r.errorf(k, "process.section-builtin", id)
			continue
		case slices.Contains(r.own, id) || r.restated[id] != nil:
			r.errorf(k, "process.duplicate", "section", id)
			continue
		}
		// A section of v1 may be written out as the default writes it, as a
		// bank that copies the default under process: does, with labels of
		// its own; it cannot be changed.
		var builtin *model.SectionDef
		if r.base != nil {
			builtin = r.base.Section(id)
		}
		if builtin == nil {
			r.own = append(r.own, id)
		}
		s := model.SectionDef{ID: id}
		r.sectionPos[id] = r.d.Pos(k)
		sp := path + "." + id
		r.d.Fields[sp] = yamlx.Field{Pos: r.d.Pos(k), Shape: yamlx.Mapping}
		r.d.Map(v, sp, sectionKeys, func(key string, v *yaml.Node) {
			switch key {
			case "sv":
				s.Label.SV = r.d.String(v, sp+".sv")
			case "en":
				s.Label.EN = r.d.String(v, sp+".en")
			case "fields":
				if v.Kind != yaml.MappingNode {
					r.errorf(v, "process.want-mapping", sp+".fields")
					return
				}
				for j := 0; j+1 < len(v.Content); j += 2 {
					fk, fv := v.Content[j], v.Content[j+1]
					name := fk.Value
					if !fieldName(name) {
						r.errorf(fk, "process.id-form", "field", name)
						continue
					}
					if _, dup := s.Field(name); dup {
						r.errorf(fk, "process.duplicate", "field", name)
						continue
					}
					types := ownFieldTypes
					if r.base == nil || builtin != nil { // v1's sections, with their own types
						types = model.FieldTypes
					}
					t := yamlx.Enum(r.d, fv, sp+".fields."+name, types)
					s.Fields = append(s.Fields, model.FieldDef{Name: name, Type: t})
				}
			case "required":
				s.Required = r.d.Strings(v, sp+".required")
				for _, f := range s.Required {
					if _, ok := s.Field(f); !ok {
						r.errorf(v, "process.required-field", id, f)
					}
				}
			}
		})
		r.labels(k, "section", id, s.Label)
		if len(s.Fields) == 0 {
			r.errorf(k, "process.no-fields", id)
		}
		if f, ok := s.Field("by"); ok && f.Type != model.FieldLogin {
			r.errorf(k, "process.by-login", id)
		}
		if builtin != nil {
			if !slices.Equal(s.Fields, builtin.Fields) || !slices.Equal(s.Required, builtin.Required) {
				r.errorf(k, "process.section-builtin-changed", id)
			}
			if r.restated == nil {
				r.restated = map[string]*model.SectionDef{}
			}
			r.restated[id] = &s
			continue
		}
		out = append(out, s)
	}
	return out
}

// fieldName reports whether s can name a field: words of lowercase letters,
// digits and _ or -, dotted for a field of a group.
func fieldName(s string) bool {
	for _, w := range strings.Split(s, ".") {
		if !model.ValidSlug(strings.ReplaceAll(w, "_", "-")) {
			return false
		}
	}
	return strings.Count(s, ".") <= 1
}

func (r *reader) steps(n *yaml.Node, p *model.Process) []model.StepDef {
	path := join(r.path, "steps")
	var out []model.StepDef
	for _, item := range r.items(n, path) {
		st := model.StepDef{}
		var needPos []diag.Pos
		sp := path + "[]"
		r.d.Map(item, sp, stepKeys, func(k string, v *yaml.Node) {
			switch k {
			case "from":
				for _, s := range r.d.Strings(v, sp+".from") {
					st.From = append(st.From, model.Stage(s))
				}
			case "to":
				st.To = model.Stage(r.d.String(v, sp+".to"))
			case "by":
				st.By = r.d.Strings(v, sp+".by")
			case "needs":
				for _, nn := range r.items(v, sp+".needs") {
					need := model.Need{}
					np := sp + ".needs[]"
					r.d.Map(nn, np, needKeys, func(k string, v *yaml.Node) {
						switch k {
						case "section":
							need.Section = r.d.String(v, np+".section")
						case "outcome":
							need.Outcome = r.d.String(v, np+".outcome")
						case "met":
							need.Met = r.d.Strings(v, np+".met")
						case "signed_by":
							need.SignedBy = r.d.Strings(v, np+".signed_by")
						}
					})
					if need.Section == "" {
						r.errorf(nn, "process.need-section")
						continue
					}
					st.Needs = append(st.Needs, need)
					needPos = append(needPos, r.d.Pos(nn))
				}
			}
		})
		if len(st.From) == 0 || st.To == "" || len(st.By) == 0 {
			r.errorf(item, "process.step-parts")
			continue
		}
		out = append(out, st)
		r.stepPos = append(r.stepPos, r.d.Pos(item))
		r.needPos = append(r.needPos, needPos)
	}
	// "any" stands for every stage that no step leaves.
	for i := range out {
		if !slices.Contains(out[i].From, AnyStage) {
			continue
		}
		var from []model.Stage
		for _, s := range out[i].From {
			if s != AnyStage {
				from = append(from, s)
			}
		}
		for _, s := range p.Stages {
			if !slices.Contains(p.Final, s.ID) && !slices.Contains(from, s.ID) {
				from = append(from, s.ID)
			}
		}
		out[i].From = from
	}
	return out
}

// validate checks that the parts of p fit together and that every stage
// can be reached.
func (r *reader) validate(p *model.Process) {
	for _, f := range p.Final {
		if !p.HasStage(f) {
			r.errorf(r.finalNode, "process.unknown-stage", f, stageList(p))
		}
	}
	actor := func(a string) bool {
		return a == Anyone || a == Submitter || a == Implementer || p.Role(model.Role(a)) != nil
	}
	needed := map[string]bool{}
	for i, st := range p.Steps {
		stepPos := r.stepPos[i]
		for _, f := range st.From {
			switch {
			case !p.HasStage(f):
				r.errorAt(stepPos, "process.unknown-stage", f, stageList(p))
			case p.IsFinal(f):
				r.errorAt(stepPos, "process.from-final", f, st.To)
			}
		}
		if !p.HasStage(st.To) {
			r.errorAt(stepPos, "process.unknown-stage", st.To, stageList(p))
		}
		if st.To == p.Start() {
			r.errorAt(stepPos, "process.to-start", st.To)
		}
		for _, a := range st.By {
			if !actor(a) {
				r.errorAt(stepPos, "process.unknown-role", a, roleList(p))
			}
		}
		for j, n := range st.Needs {
			needPos := r.needPos[i][j]
			top, field, dotted := strings.Cut(n.Section, ".")
			sec := p.Section(top)
			if sec == nil {
				r.errorAt(needPos, "process.unknown-section", n.Section, strings.Join(p.SectionIDs(), ", "))
				continue
			}
			needed[top] = true
			if dotted && !hasField(sec, field) {
				r.errorAt(needPos, "process.unknown-field", field, top)
			}
			if n.Outcome != "" {
				if f, ok := sec.Field("outcome"); dotted || !ok || f.Type != model.FieldOutcome && f.Type != model.FieldText {
					r.errorAt(needPos, "process.no-outcome", n.Section)
				}
			}
			for _, c := range n.Met {
				switch cd := p.Criterion(c); {
				case cd == nil:
					r.errorAt(needPos, "process.unknown-criterion", c, criterionList(p))
				case cd.Type != model.CriterionMet:
					r.errorAt(needPos, "process.criterion-not-met", c)
				}
				if _, ok := sec.Field("criteria"); !ok {
					r.errorAt(needPos, "process.no-criteria", n.Section)
				}
			}
			for _, a := range n.SignedBy {
				if !actor(a) {
					r.errorAt(needPos, "process.unknown-role", a, roleList(p))
				}
			}
		}
	}
	for _, id := range r.own {
		if !needed[id] {
			r.errorAt(r.sectionPos[id], "process.section-unused", id)
		}
	}
	// Every stage must be reachable from the first.
	reach := map[model.Stage]bool{p.Start(): true}
	for changed := true; changed; {
		changed = false
		for _, st := range p.Steps {
			if reach[st.To] {
				continue
			}
			for _, f := range st.From {
				if reach[f] {
					reach[st.To], changed = true, true
					break
				}
			}
		}
	}
	for _, s := range p.Stages {
		if !reach[s.ID] {
			r.errorAt(r.stagePos[s.ID], "process.unreachable", s.ID, p.Start())
		}
	}
}

// hasField reports whether a section has the field, or the group, name.
func hasField(s *model.SectionDef, name string) bool {
	if _, ok := s.Field(name); ok {
		return true
	}
	return slices.Contains(s.Groups(), name)
}

func stageList(p *model.Process) string {
	var ids []string
	for _, s := range p.Stages {
		ids = append(ids, string(s.ID))
	}
	return strings.Join(ids, ", ")
}

func roleList(p *model.Process) string {
	ids := []string{Anyone, Submitter, Implementer}
	for _, r := range p.Roles {
		ids = append(ids, string(r.ID))
	}
	return strings.Join(ids, ", ")
}

func criterionList(p *model.Process) string {
	var ids []string
	for _, c := range p.Criteria {
		ids = append(ids, c.ID)
	}
	return strings.Join(ids, ", ")
}
