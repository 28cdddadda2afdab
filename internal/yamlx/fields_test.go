package yamlx

import (
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
)

func TestFieldsLookup(t *testing.T) {
	f := Fields{
		"":                             {Pos: diag.Pos{Line: 1, Col: 1}},
		"screening":                    {Pos: diag.Pos{Line: 9, Col: 1}},
		"screening.criteria":           {Pos: diag.Pos{Line: 12, Col: 3}},
		"screening.criteria.reach":     {Pos: diag.Pos{Line: 14, Col: 5}},
		"screening.feedback":           {Pos: diag.Pos{Line: 18, Col: 3}, Blank: true},
		"screening.criteria.reach.met": {Pos: diag.Pos{Line: 14, Col: 14}},
	}
	for path, want := range map[string]diag.Pos{
		"screening.criteria.reach.met":   {Line: 14, Col: 14}, // itself
		"screening.criteria.mission.met": {Line: 12, Col: 3},  // its nearest enclosing key
		"screening.criteria.mission":     {Line: 12, Col: 3},
		"screening.outcome":              {Line: 9, Col: 1},
		"screening.feedback":             {Line: 18, Col: 3}, // blank, but there
		"decision.implementer":           {Line: 1, Col: 1},  // the start of the document
		"title":                          {Line: 1, Col: 1},
		"":                               {Line: 1, Col: 1},
	} {
		if got := f.Lookup(path); got != want {
			t.Errorf("Lookup(%q) = %v, want %v", path, got, want)
		}
	}
	if got := (Fields{}).Lookup("a.b"); got != (diag.Pos{Line: 1, Col: 1}) {
		t.Errorf("Lookup in empty Fields = %v, want 1:1", got)
	}
	if f.Has("screening.feedback") || !f.Declared("screening.feedback") {
		t.Error("a blank field is declared but has no value")
	}
	if f.Has("nope") || f.Declared("nope") {
		t.Error("a missing field")
	}
}
