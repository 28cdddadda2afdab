package edit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/internal/workflow"
)

const pathsConfig = `title: Testbanken
organisation: Testkommunen
language: en
units:
  - {id: skola, name: Skolförvaltningen}
people:
  - {login: amb, name: Anna Ambassadör, roles: [ambassador], units: [skola]}
  - {login: inno, name: Ingrid Innovation, roles: [innovation-group]}
  - {login: chef, name: Carl Chef, roles: [unit-manager], units: [skola]}
  - {login: led, name: Lena Ledning, roles: [management], units: [skola]}
  - {login: proj, name: Pia Projekt, roles: [project-lead]}
  - {login: kom, name: Kim Kommunikatör, roles: [communicator]}
`

// The files every walk starts from: a new idea, in the styles people
// write.
var pathStarts = map[string]string{
	"block with comments": `---
# En ny idé.
id: 2026-001 # id
title: "Bättre schema"
kind: improvement
stage: submitted   # steget
submitted: 2026-01-10
submitter:
  name: Eva Exempel   # namn
  github: evaex
unit: skola # enheten

tags: [schema]
# sist
---
## Förslag

Ett	nytt schemaverktyg.
`,
	"flow": `---
{id: 2026-001, title: Bättre schema, kind: improvement, stage: submitted,
  submitted: 2026-01-10, submitter: {name: Eva Exempel, github: evaex}, unit: skola}
---
Ett nytt schemaverktyg.
`,
	"indented four": `---
id: 2026-001
title: Bättre schema
kind: improvement
stage: submitted
submitted: 2026-01-10
submitter:
    name: Eva Exempel
    github: evaex
unit: skola
---
Ett nytt schemaverktyg.
`,
}

var pathsToday = model.Date{Year: 2026, Month: 11, Day: 21}

// login returns a login that may act as a.
func login(a workflow.Actor) string {
	switch a {
	case workflow.Submitter:
		return "evaex"
	case workflow.Implementer:
		return "proj"
	}
	r, _ := a.Role()
	return map[model.Role]string{
		model.RoleAmbassador: "amb", model.RoleInnovationGroup: "inno", model.RoleUnitManager: "chef",
		model.RoleManagement: "led", model.RoleProjectLead: "proj", model.RoleCommunicator: "kom",
	}[r]
}

// fills are what a person writes where a step leaves a field empty.
var fills = map[string]Value{
	"met": {text: "true"}, "short": {text: "3"}, "long": {text: "4"}, "implementer": Text("proj"),
}

// TestEveryPath walks every path through the process from a new idea, in
// each starting style and in LF, CRLF and with a byte-order mark. After each
// step it checks that the only errors are the fields left for the person
// to fill in, that the lines outside the edit are as they were, and that
// once those fields are filled in the file and the change pass the check,
// made by someone who may make it.
func TestEveryPath(t *testing.T) {
	steps := 0
	seen := map[workflow.Key]bool{}
	for name, start := range pathStarts {
		for _, stage := range model.Stages {
			for _, p := range workflow.Default.Paths(stage) {
				var names []string
				for _, tr := range p[1:] {
					names = append(names, string(tr.To))
				}
				t.Run(name+"/"+strings.Join(append([]string{"submitted"}, names...), "-"), func(t *testing.T) {
					t.Parallel()
					lf := walk(t, []byte(start), p, false)
					crlf := walk(t, convert([]byte(start), true, true), p, true)
					if !bytes.Equal(crlf, convert(lf, true, true)) {
						t.Errorf("with CRLF and a mark the walk ends in another file:\n%s", crlf)
					}
				})
				for _, tr := range p[1:] {
					seen[workflow.Key{From: tr.From, To: tr.To}] = true
					steps++
				}
			}
		}
	}
	// Steps that no path without a repeated stage takes, such as screening
	// a paused idea to pause it again: after the shortest path to their
	// start.
	for _, r := range workflow.Default.Rows {
		for _, f := range r.From {
			if seen[workflow.Key{From: f, To: r.To}] {
				continue
			}
			tr, _ := workflow.Default.Lookup(f, r.To)
			p := append(slices.Clone(workflow.Default.Paths(f)[0]), tr)
			for name, start := range pathStarts {
				t.Run(name+"/"+string(f)+"-again-"+string(r.To), func(t *testing.T) {
					t.Parallel()
					walk(t, []byte(start), p, false)
				})
			}
			steps++
		}
	}
	t.Logf("%d steps", steps)
}

// walk takes the steps of p from data and returns the file at the end.
func walk(t *testing.T, data []byte, p workflow.Path, quiet bool) []byte {
	t.Helper()
	for _, tr := range p[1:] {
		step := fmt.Sprintf("%s → %s", tr.From, tr.To)
		by := func(r workflow.Requirement) string {
			if len(r.Signers) == 0 {
				return ""
			}
			return login(r.Signers[0])
		}
		res, err := Advance(data, tr, Options{Today: pathsToday, By: by})
		if err != nil {
			t.Fatalf("%s: %v\n%s", step, err, data)
		}
		if !quiet {
			checkSurgical(t, data, res)
		}
		left := lint(t, res.Data)
		var fill []string
		for _, d := range left {
			switch {
			case d.Rule == diag.RuleRequired && (d.Msg.Key == "lint.section-field" || d.Msg.Key == "lint.section-field-hint"):
				fill = append(fill, d.Msg.Args[0].(string))
			case d.Rule == diag.RuleRequired && d.Msg.Key == "lint.implementer":
				fill = append(fill, "decision.implementer")
			default:
				t.Errorf("%s: an error that is not a field to fill in: %s\n%s", step, d.Text(model.English), res.Data)
			}
		}
		doc, err := Open(res.Data)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range fill {
			v, ok := fills[path[strings.LastIndexByte(path, '.')+1:]]
			if !ok {
				v = Text("Ifyllt.")
			}
			if _, err := doc.Set(path, v); err != nil {
				t.Fatalf("%s: filling in %s: %v\n%s", step, path, err, doc.Bytes())
			}
		}
		if errs := lint(t, doc.Bytes()); len(errs) > 0 {
			t.Fatalf("%s: filled in, the file still has errors:\n%s\n%s", step, texts(errs), doc.Bytes())
		}
		actor := login(tr.Actors[0])
		if errs := changeErrors(t, data, doc.Bytes(), actor); len(errs) > 0 {
			t.Fatalf("%s by %s: the change has errors:\n%s\n%s", step, actor, texts(errs), doc.Bytes())
		}
		data = doc.Bytes()
	}
	return data
}

const pathsFile = "ideas/2026/2026-001-battre-schema.md"

func snap(data []byte) *snapshot.Snapshot {
	return &snapshot.Snapshot{
		Config: &snapshot.File{Path: snapshot.ConfigFile, Data: []byte(pathsConfig), Size: int64(len(pathsConfig))},
		Ideas:  []snapshot.File{{Path: pathsFile, Data: data, Size: int64(len(data))}},
	}
}

func errorsOf(ds []diag.Diagnostic) []diag.Diagnostic {
	var errs []diag.Diagnostic
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	return errs
}

func lint(t *testing.T, data []byte) []diag.Diagnostic {
	t.Helper()
	res := check.Lint(snap(data), pathsToday)
	if res.Config == nil {
		t.Fatalf("the configuration: %v", res.Diags)
	}
	return errorsOf(res.Diags)
}

func changeErrors(t *testing.T, base, head []byte, actor string) []diag.Diagnostic {
	t.Helper()
	res := check.CheckChange(check.Change{Base: snap(base), Head: snap(head), Actor: actor, Today: pathsToday})
	return errorsOf(res.Diags)
}

func texts(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Text(model.English) + "\n")
	}
	return b.String()
}
