package model

import "strings"

// Process is a bank's improvement process: its stages, the roles that act
// in it, the criteria of its assessment template, the sections an idea file
// records the steps in, and the steps themselves. The process of v1 is one
// such value, the default; a bank may state its own under process: in
// idebank.yaml. Everything that knows what a stage, a section or a step is
// reads it from here.
type Process struct {
	Stages   []StageDef
	Final    []Stage
	Roles    []RoleDef
	Criteria []CriterionDef
	Sections []SectionDef
	Steps    []StepDef
}

// Label is a name shown to people, in each language.
type Label struct{ SV, EN string }

// In returns the label in lang, the Swedish one when there is no other.
func (l Label) In(lang Lang) string {
	if lang == English && l.EN != "" {
		return l.EN
	}
	return l.SV
}

// StageDef is one stage of a process.
type StageDef struct {
	ID    Stage
	Label Label
}

// RoleDef is one role of a process.
type RoleDef struct {
	ID    Role
	Label Label
}

// CriterionType is how a criterion of the assessment template is assessed.
type CriterionType string

// The types of criteria.
const (
	CriterionMet   CriterionType = "met"   // met: true or false, with a note
	CriterionScore CriterionType = "score" // a score from Min to Max for each of Terms
)

// CriterionTypes lists every valid CriterionType.
var CriterionTypes = []CriterionType{CriterionMet, CriterionScore}

// Valid reports whether t is one of CriterionTypes.
func (t CriterionType) Valid() bool { return contains(CriterionTypes, t) }

// CriterionDef is one criterion of the assessment template, recorded in
// screening.criteria under its ID.
type CriterionDef struct {
	ID       string
	Type     CriterionType
	Min, Max int      // the scale of a score
	Terms    []string // the scores a score criterion is given, as short and long
	Label    Label
}

// FieldType is the type of a field of a section.
type FieldType string

// The types of fields. The last two are the v1 sections' own: an outcome
// takes the values the process's steps name, and criteria are the
// assessment template.
const (
	FieldDate     FieldType = "date"
	FieldLogin    FieldType = "login"
	FieldText     FieldType = "text"
	FieldNumber   FieldType = "number"
	FieldURL      FieldType = "url"
	FieldOutcome  FieldType = "outcome"
	FieldCriteria FieldType = "criteria"
)

// FieldTypes lists every valid FieldType.
var FieldTypes = []FieldType{FieldDate, FieldLogin, FieldText, FieldNumber, FieldURL, FieldOutcome, FieldCriteria}

// Valid reports whether t is one of FieldTypes.
func (t FieldType) Valid() bool { return contains(FieldTypes, t) }

// FieldDef is one field of a section. A dotted name is a field of a group
// inside the section (communicated.by): the group is optional, and once it
// is there its required fields must be.
type FieldDef struct {
	Name string
	Type FieldType
}

// SectionDef describes a section of an idea file: its fields in the order
// they are written (their dates in the order they happen), and those it
// must always hold.
type SectionDef struct {
	ID       string
	Label    Label
	Fields   []FieldDef
	Required []string
	// Builtin is true for the sections of v1, which the program reads into
	// their own types (Screening, Decision ...); a bank's own sections are
	// read into Idea.Sections.
	Builtin bool
}

// Field returns the field called name, and false if the section has none.
func (s *SectionDef) Field(name string) (FieldDef, bool) {
	for _, f := range s.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return FieldDef{}, false
}

// Keys returns the keys the section's mapping may hold at the group prefix
// ("" for the section itself, "communicated" for a group in it), in order.
func (s *SectionDef) Keys(prefix string) []string {
	var keys []string
	for _, f := range s.Fields {
		name := f.Name
		if prefix != "" {
			if !strings.HasPrefix(name, prefix+".") {
				continue
			}
			name = name[len(prefix)+1:]
		}
		if i := strings.IndexByte(name, '.'); i >= 0 {
			name = name[:i]
		}
		if !contains(keys, name) {
			keys = append(keys, name)
		}
	}
	return keys
}

// Groups returns the groups of fields inside the section (communicated,
// reported_to), in order.
func (s *SectionDef) Groups() []string {
	var gs []string
	for _, f := range s.Fields {
		if i := strings.LastIndexByte(f.Name, '.'); i >= 0 && !contains(gs, f.Name[:i]) {
			gs = append(gs, f.Name[:i])
		}
	}
	return gs
}

// Signer returns the part of the section that a person signs with a login
// in "by": the section itself ("") or a group in it ("communicated"), and
// false when no part is signed.
func (s *SectionDef) Signer(group string) bool {
	f, ok := s.Field(joinPath(group, "by"))
	return ok && f.Type == FieldLogin
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// Need is something a step needs an idea file to hold after it: a section,
// or with a dot a field of one, with an outcome, met criteria, and who may
// sign it.
type Need struct {
	Section  string
	Outcome  string
	Met      []string
	SignedBy []string // empty: the step's By
}

// StepDef is one allowed change of stage, from any of From to To, made by
// any of By (roles, or submitter, implementer, anyone).
type StepDef struct {
	From  []Stage
	To    Stage
	By    []string
	Needs []Need
}

// StageIDs returns the ids of the stages in order.
func (p *Process) StageIDs() []Stage {
	ids := make([]Stage, len(p.Stages))
	for i, s := range p.Stages {
		ids[i] = s.ID
	}
	return ids
}

// RoleIDs returns the ids of the roles in order.
func (p *Process) RoleIDs() []Role {
	ids := make([]Role, len(p.Roles))
	for i, r := range p.Roles {
		ids[i] = r.ID
	}
	return ids
}

// Start is the stage a new idea file has: the first of the process.
func (p *Process) Start() Stage {
	if len(p.Stages) == 0 {
		return StageSubmitted
	}
	return p.Stages[0].ID
}

// HasStage reports whether s is a stage of the process.
func (p *Process) HasStage(s Stage) bool { return p.Stage(s) != nil }

// Stage returns the stage s, or nil.
func (p *Process) Stage(s Stage) *StageDef {
	for i := range p.Stages {
		if p.Stages[i].ID == s {
			return &p.Stages[i]
		}
	}
	return nil
}

// IsFinal reports whether no step may leave s.
func (p *Process) IsFinal(s Stage) bool { return contains(p.Final, s) }

// Role returns the role r, or nil.
func (p *Process) Role(r Role) *RoleDef {
	for i := range p.Roles {
		if p.Roles[i].ID == r {
			return &p.Roles[i]
		}
	}
	return nil
}

// Criterion returns the criterion id, or nil.
func (p *Process) Criterion(id string) *CriterionDef {
	for i := range p.Criteria {
		if p.Criteria[i].ID == id {
			return &p.Criteria[i]
		}
	}
	return nil
}

// Section returns the section id, or nil.
func (p *Process) Section(id string) *SectionDef {
	for i := range p.Sections {
		if p.Sections[i].ID == id {
			return &p.Sections[i]
		}
	}
	return nil
}

// SectionIDs returns the ids of the sections in order.
func (p *Process) SectionIDs() []string {
	ids := make([]string, len(p.Sections))
	for i, s := range p.Sections {
		ids[i] = s.ID
	}
	return ids
}

// Outcomes returns the outcomes a section may take: those its steps name,
// in the order of the steps.
func (p *Process) Outcomes(section string) []string {
	var out []string
	for _, st := range p.Steps {
		for _, n := range st.Needs {
			if n.Section == section && n.Outcome != "" && !contains(out, n.Outcome) {
				out = append(out, n.Outcome)
			}
		}
	}
	return out
}

// MetCriteria returns the criteria of type met, in order.
func (p *Process) MetCriteria() []string {
	var ids []string
	for _, c := range p.Criteria {
		if c.Type == CriterionMet {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// LabelOf returns the label the process gives the thing a catalogue key
// names ("stage.workshop", "role.idea-coach", "criterion.mission",
// "section.plan"), and false for any other key.
func (p *Process) LabelOf(key string) (Label, bool) {
	kind, id, ok := strings.Cut(key, ".")
	if !ok || p == nil {
		return Label{}, false
	}
	switch kind {
	case "stage":
		if s := p.Stage(Stage(id)); s != nil {
			return s.Label, true
		}
	case "role":
		if r := p.Role(Role(id)); r != nil {
			return r.Label, true
		}
	case "criterion":
		if c := p.Criterion(id); c != nil {
			return c.Label, true
		}
	case "section":
		if s := p.Section(id); s != nil {
			return s.Label, true
		}
	}
	return Label{}, false
}
