package check

import (
	"strings"

	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

// FieldHint is what may be written in the field at path (dotted, from the
// top of the file) under the process proc: the catalogue's words for a
// field it knows by name, the scale of a criterion's score, or what the
// type of a section's own field takes. advance writes it as a comment
// after a field left to fill in, and the check says it of a field not yet
// filled in, so that the two say the same.
func FieldHint(proc *model.Process, path string) (i18n.Message, bool) {
	name := path[strings.LastIndexByte(path, '.')+1:]
	if key := "hint.field." + name; i18n.Has(key) {
		return i18n.M(key), true
	}
	if proc == nil {
		return i18n.Message{}, false
	}
	for _, c := range proc.Criteria {
		if c.Type != model.CriterionScore {
			continue
		}
		for _, term := range c.Terms {
			if term == name && (path == name || strings.HasSuffix(path, "."+c.ID+"."+name)) {
				return i18n.M("hint.score", c.Min, c.Max), true
			}
		}
	}
	section, field, _ := strings.Cut(path, ".")
	for _, s := range proc.Sections {
		if field != "" && s.ID != section {
			continue
		}
		for _, f := range s.Fields {
			if f.Name == field || (field == "" && f.Name == name) {
				if key := "hint.type." + string(f.Type); i18n.Has(key) {
					return i18n.M(key), true
				}
			}
		}
	}
	return i18n.Message{}, false
}
