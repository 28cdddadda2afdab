package workflow

import (
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
)

// SectionSpec describes a stage section, or a group of fields in one, as
// the checks use it: the fields it must always hold, whatever the
// transition that added it, and its dates.
type SectionSpec struct {
	Name     string   // "screening", or for a group "implementation.communicated"
	Required []string // relative to the section
	// Dates lists the section's dates in the order they happen, relative to
	// the section.
	Dates []string
	// Def is the section as the process describes it.
	Def *model.SectionDef
}

// Revisit is the name of a date field that lies ahead, not behind: when a
// paused idea is to be looked at again. It may be in the future, and is
// not a step in the order of dates.
const Revisit = "revisit"

// sectionSpecs makes the specs of p's sections and of the groups in them.
func sectionSpecs(p *model.Process) (sections, groups []SectionSpec) {
	for i := range p.Sections {
		def := &p.Sections[i]
		s := SectionSpec{Name: def.ID, Def: def}
		for _, r := range def.Required {
			if !strings.Contains(r, ".") {
				s.Required = append(s.Required, r)
				if f, _ := def.Field(r); f.Type == model.FieldCriteria {
					s.Required = append(s.Required, criteriaRequired(p, r)...)
				}
			}
		}
		for _, f := range def.Fields {
			if f.Type == model.FieldDate && !strings.Contains(f.Name, ".") {
				s.Dates = append(s.Dates, f.Name)
			}
		}
		sections = append(sections, s)
		for _, g := range def.Groups() {
			gs := SectionSpec{Name: def.ID + "." + g, Def: def}
			for _, r := range def.Required {
				if rest, ok := strings.CutPrefix(r, g+"."); ok {
					gs.Required = append(gs.Required, rest)
				}
			}
			groups = append(groups, gs)
		}
	}
	return sections, groups
}

// criteriaRequired lists what the assessment template requires under the
// field at path: each criterion, its met or each of its scores.
func criteriaRequired(p *model.Process, path string) []string {
	var out []string
	for _, c := range p.Criteria {
		cp := path + "." + c.ID
		out = append(out, cp)
		if c.Type == model.CriterionScore {
			for _, t := range c.Terms {
				out = append(out, cp+"."+t)
			}
		} else {
			out = append(out, cp+".met")
		}
	}
	return out
}

// Section returns the spec of a section or group, and false if there is
// none.
func (f *Flow) Section(name string) (SectionSpec, bool) {
	for _, list := range [][]SectionSpec{f.Sections, f.Subsections} {
		for _, s := range list {
			if s.Name == name {
				return s, true
			}
		}
	}
	return SectionSpec{}, false
}

// Signed returns the parts of the process that a person signs with "by":
// the sections with a "by", and the groups in them with one
// ("implementation.communicated"), in the order of the process.
func (f *Flow) Signed() []string { return f.signed }

func (f *Flow) signedParts() []string {
	var out []string
	for _, s := range f.Process.Sections {
		if s.Signer("") {
			out = append(out, s.ID)
		}
		for _, g := range s.Groups() {
			if s.Signer(g) {
				out = append(out, s.ID+"."+g)
			}
		}
	}
	return out
}

// Fields returns the path of every field of every section whose type is
// one of types, in the order of the process; a criteria field stands for
// the notes of the criteria, which are text.
func (f *Flow) Fields(types ...model.FieldType) []string {
	var out []string
	for _, s := range f.Process.Sections {
		for _, fd := range s.Fields {
			switch {
			case fd.Type == model.FieldCriteria && slices.Contains(types, model.FieldText):
				for _, c := range f.Process.Criteria {
					out = append(out, s.ID+"."+fd.Name+"."+c.ID+".note")
				}
			case slices.Contains(types, fd.Type):
				out = append(out, s.ID+"."+fd.Name)
			}
		}
	}
	return out
}

// DateFields returns every date of an idea file in the order of the
// process, the submission first.
func (f *Flow) DateFields() []string { return f.dates }

// TextFields returns every field of a section where people write prose.
func (f *Flow) TextFields() []string { return f.texts }

// RequirementDates returns the dates that a step adds when it requires
// section (a section, a group in one, or a field), each on or after the
// one before. A revisit date lies ahead and is not among them.
func (f *Flow) RequirementDates(section string) []string {
	if d, ok := f.reqDates[section]; ok {
		return d
	}
	return f.requirementDates(section)
}

func (f *Flow) requirementDates(section string) []string {
	top, rest, dotted := strings.Cut(section, ".")
	def := f.Process.Section(top)
	if def == nil {
		return nil
	}
	var out []string
	for _, fd := range def.Fields {
		if fd.Type != model.FieldDate || fd.Name == Revisit {
			continue
		}
		switch {
		case !dotted, fd.Name == rest, strings.HasPrefix(fd.Name, rest+"."):
			out = append(out, top+"."+fd.Name)
		}
	}
	return out
}
