package check

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/config"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/internal/workflow"
)

// The matrix test moves a generated idea from every stage (and from no file
// at all) to every stage, and checks that CheckChange allows exactly the
// steps of the process, made by exactly the people it names. Everything
// it knows of the process it reads from the process: the routes an idea
// takes, what each step writes, who acts; it runs on the default process
// and on the example bank's own.

const matrixPath = "ideas/2026/2026-001-matris.md"

// matrixSubmitted is when the generated idea was submitted; each step
// after takes matrixStepDays.
var matrixSubmitted = model.Date{Year: 2026, Month: 10, Day: 25}

const matrixStepDays = 2

// matrixSubmitter is the GitHub login of the generated idea's submitter,
// and matrixStranger someone the configuration does not name.
const (
	matrixSubmitter = "evaex"
	matrixStranger  = "nisse"
)

// matrixBank is a bank the matrix runs on: its configuration, its
// process's rules, and the people who act on an idea of one of its units.
type matrixBank struct {
	name string
	file *snapshot.File
	flow *workflow.Flow
	unit string
	// logins holds, for each actor of the process, someone who acts as it
	// on an idea of unit: the first person who holds the role there, the
	// submitter, an implementer who holds no role there.
	logins map[workflow.Actor]string
	// outsiders hold no role for an idea of unit: a stranger, and the
	// people of the configuration who act only in other units.
	outsiders []string
	// editor may edit an idea's text while it is active, as the edit
	// policy says.
	editor string
	// today is the day after the longest route and one more step, and
	// before an idea at the first stage is due for feedback.
	today model.Date
	// routes are the histories the generator writes, as paths through the
	// process: to each stage its shortest, and to a stage that is not
	// final the shortest from each stage that leads to it.
	routes map[string]workflow.Path
}

// matrixBanks are the bank of check's testdata, on the default process,
// and the example bank with its own.
func matrixBanks(t *testing.T) []*matrixBank {
	t.Helper()
	return []*matrixBank{
		loadMatrixBank(t, "default", "testdata/idebank.yaml", "skola"),
		loadMatrixBank(t, "bostadsbolaget", "../../examples/bostadsbolaget/idebank.yaml", "norra"),
	}
}

func loadMatrixBank(t *testing.T, name, path, unit string) *matrixBank {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	cfg := config.Parse(data, &diags)
	if cfg == nil || diags.Len() > 0 {
		t.Fatalf("%s: %v", path, diags.Items())
	}
	b := &matrixBank{name: name, file: &snapshot.File{Path: snapshot.ConfigFile, Data: data, Size: int64(len(data))},
		flow: workflow.Of(cfg), unit: unit, logins: map[workflow.Actor]string{}, outsiders: []string{matrixStranger}}
	b.logins[workflow.Anyone] = matrixStranger
	b.logins[workflow.Submitter] = matrixSubmitter
	for _, r := range b.flow.Process.Roles {
		for _, p := range cfg.People {
			if cfg.Holds(p.Login, r.ID, unit) {
				b.logins[workflow.RoleActor(r.ID)] = p.Login
				break
			}
		}
		if b.logins[workflow.RoleActor(r.ID)] == "" {
			t.Fatalf("%s: nobody is %s in %s", path, r.ID, unit)
		}
	}
	var others []string
	for _, p := range cfg.People {
		if !slices.ContainsFunc(b.flow.Process.Roles, func(r model.RoleDef) bool { return cfg.Holds(p.Login, r.ID, unit) }) {
			others = append(others, p.Login)
		}
	}
	if len(others) == 0 {
		t.Fatalf("%s: everyone holds a role in %s; the implementer must not", path, unit)
	}
	// The implementer acts as the one the decision names, not by a role.
	b.logins[workflow.Implementer] = others[len(others)-1]
	b.outsiders = append(b.outsiders, others[:len(others)-1]...)
	for _, rule := range b.flow.EditRules("body", workflow.PhaseActive) {
		for _, a := range rule.By {
			if l := b.logins[a]; l != "" && b.editor == "" {
				if _, ok := a.Role(); ok {
					b.editor = l
				}
			}
		}
	}
	if b.editor == "" {
		t.Fatalf("%s: nobody of the process may edit an active idea's text", path)
	}
	b.routes = map[string]workflow.Path{}
	for _, s := range b.flow.Stages() {
		ps := b.flow.Paths(s)
		if len(ps) == 0 {
			t.Fatalf("%s: no way to %s", path, s)
		}
		b.routes[string(s)] = ps[0]
		if b.flow.Final(s) {
			continue
		}
		for _, p := range ps[1:] {
			from := p[len(p)-1].From
			name := fmt.Sprintf("%s-from-%s", s, from)
			if _, ok := b.routes[name]; !ok && from != ps[0][len(ps[0])-1].From {
				b.routes[name] = p
			}
		}
	}
	longest := 0
	for _, r := range b.routes {
		longest = max(longest, len(r))
	}
	b.today = matrixSubmitted.AddDays(longest*matrixStepDays + 1)
	if matrixSubmitted.DaysUntil(b.today) >= cfg.FeedbackDays {
		t.Fatalf("%s: the longest route of %d steps outlasts feedback_days", path, longest)
	}
	return b
}

// routesTo returns the names of the routes that end at s.
func (b *matrixBank) routesTo(s model.Stage) []string {
	var names []string
	for name, r := range b.routes {
		if r[len(r)-1].To == s {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// ideaGen writes an idea file that holds the sections of every step it was
// taken through, each field as its section's description types it. A later
// step that writes a section again (a re-screening) replaces it, as a
// person editing the file would.
type ideaGen struct {
	bank     *matrixBank
	stage    model.Stage
	day      int                          // days after the submission of the latest step
	sections map[string]map[string]string // section → field path → value
}

func (b *matrixBank) newIdeaGen() *ideaGen {
	return &ideaGen{bank: b, sections: map[string]map[string]string{}}
}

func (g *ideaGen) date() string {
	return matrixSubmitted.AddDays(g.day).String()
}

// signer returns who signs what r requires.
func (b *matrixBank) signer(r workflow.Requirement) string {
	if len(r.Signers) == 0 {
		return ""
	}
	// A role holder is the safer pick for a signature: the implementer is
	// named by the decision.
	for _, a := range r.Signers {
		if _, ok := a.Role(); ok {
			return b.logins[a]
		}
	}
	return b.logins[r.Signers[0]]
}

// criteria writes the assessment of every criterion of the process, each
// met and given its lowest score.
func (b *matrixBank) criteria() string {
	var parts []string
	for _, c := range b.flow.Process.Criteria {
		if c.Type == model.CriterionScore {
			var terms []string
			for _, term := range c.Terms {
				terms = append(terms, fmt.Sprintf("%s: %d", term, c.Min))
			}
			parts = append(parts, fmt.Sprintf("%s: {%s}", c.ID, strings.Join(terms, ", ")))
			continue
		}
		parts = append(parts, c.ID+": {met: true}")
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// step takes the idea one step, to stage to, writing what the process
// requires of that step.
func (g *ideaGen) step(t *testing.T, to model.Stage) {
	t.Helper()
	b := g.bank
	tr, ok := b.flow.Lookup(g.stage, to)
	if !ok {
		t.Fatalf("generator: %q → %q is not a step", g.stage, to)
	}
	if g.stage != "" {
		g.day += matrixStepDays
	}
	for _, r := range tr.Requires {
		top, rest, dotted := strings.Cut(r.Section, ".")
		def := b.flow.Process.Section(top)
		if def == nil {
			t.Fatalf("generator: the requirement %q names no section", r.Section)
		}
		var fields []string
		switch {
		case !dotted:
			g.sections[top] = map[string]string{} // written anew
			fields = append(slices.Clone(def.Required), r.Fields...)
		case slices.Contains(def.Groups(), rest):
			for _, f := range def.Fields {
				if strings.HasPrefix(f.Name, rest+".") {
					fields = append(fields, f.Name)
				}
			}
		default:
			fields = []string{rest}
		}
		if g.sections[top] == nil {
			g.sections[top] = map[string]string{}
		}
		for _, name := range fields {
			fd, ok := def.Field(name)
			if !ok {
				t.Fatalf("generator: %s has no field %q", top, name)
			}
			g.sections[top][name] = g.value(r, fd)
		}
	}
	g.stage = to
}

// value is what the generator writes in the field fd for the requirement r.
func (g *ideaGen) value(r workflow.Requirement, fd model.FieldDef) string {
	b := g.bank
	switch fd.Type {
	case model.FieldDate:
		return g.date()
	case model.FieldLogin:
		if fd.Name == "by" || strings.HasSuffix(fd.Name, ".by") {
			return b.signer(r)
		}
		return b.logins[workflow.Implementer]
	case model.FieldOutcome:
		return r.Outcome
	case model.FieldCriteria:
		return b.criteria()
	case model.FieldNumber:
		return "1"
	case model.FieldURL:
		return "https://example.org/"
	}
	return "Motivering."
}

func (g *ideaGen) text(body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nid: 2026-001\ntitle: Matris\nkind: improvement\nstage: %s\nsubmitted: %s\n", g.stage, matrixSubmitted)
	fmt.Fprintf(&b, "submitter: {name: Eva Exempel, github: %s}\nunit: %s\n", matrixSubmitter, g.bank.unit)
	for _, def := range g.bank.flow.Process.Sections {
		values, ok := g.sections[def.ID]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "%s:\n", def.ID)
		group := ""
		for _, fd := range def.Fields {
			v, ok := values[fd.Name]
			if !ok {
				continue
			}
			name, indent := fd.Name, "  "
			if gr, field, dotted := strings.Cut(fd.Name, "."); dotted {
				if gr != group {
					fmt.Fprintf(&b, "  %s:\n", gr)
					group = gr
				}
				name, indent = field, "    "
			}
			fmt.Fprintf(&b, "%s%s: %s\n", indent, name, v)
		}
	}
	b.WriteString("---\n" + body + "\n")
	return b.String()
}

// generate walks route and returns the generator at its last stage.
func (b *matrixBank) generate(t *testing.T, route workflow.Path) *ideaGen {
	t.Helper()
	g := b.newIdeaGen()
	for _, tr := range route {
		g.step(t, tr.To)
	}
	return g
}

func matrixConfig(t *testing.T) *snapshot.File {
	t.Helper()
	data, err := os.ReadFile("testdata/idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return &snapshot.File{Path: snapshot.ConfigFile, Data: data, Size: int64(len(data))}
}

func snap(cfg *snapshot.File, files map[string]string) *snapshot.Snapshot {
	s := &snapshot.Snapshot{Config: cfg}
	for p, text := range files {
		s.Ideas = append(s.Ideas, snapshot.File{Path: p, Data: []byte(text), Size: int64(len(text))})
	}
	s.Sort()
	return s
}

func render(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("\t" + d.Text(model.English) + "\n")
	}
	return b.String()
}

func errorsOf(ds []diag.Diagnostic) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

func rulesOf(ds []diag.Diagnostic) []diag.Rule {
	var rs []diag.Rule
	for _, d := range ds {
		rs = append(rs, d.Rule)
	}
	return rs
}

// knownBugs are pairs the program gets wrong today, reported to the lead.
// A failure on one of them skips instead of failing; a pass fails, so that
// the entry is removed once the bug is fixed.
var knownBugs = map[workflow.Key]string{}

// verdict reports a failure, or for a known bug a skip.
func verdict(t *testing.T, key workflow.Key, bugs map[workflow.Key]string, failed bool, format string, args ...any) {
	t.Helper()
	bug, known := bugs[key]
	switch {
	case failed && known:
		t.Skipf("known bug (%s): "+format, append([]any{bug}, args...)...)
	case failed:
		t.Errorf(format, args...)
	case known:
		t.Errorf("the known bug %q no longer shows: remove %v from the list of known bugs", bug, key)
	}
}

func TestTransitionMatrix(t *testing.T) {
	for _, b := range matrixBanks(t) {
		t.Run(b.name, func(t *testing.T) { b.matrix(t) })
	}
}

func (b *matrixBank) matrix(t *testing.T) {
	cfg := b.file
	stages := b.flow.Stages()
	froms := append([]model.Stage{""}, stages...)

	tableEntries := 0
	for _, r := range b.flow.Rows {
		if r.From == nil {
			tableEntries++
		}
		tableEntries += len(r.From)
	}

	pairs, allowed, checked := 0, 0, 0
	for _, from := range froms {
		for _, to := range stages {
			pairs++
			key := workflow.Key{From: from, To: to}
			tr, ok := b.flow.Lookup(from, to)
			if ok {
				allowed++
				if tr.From != from || tr.To != to {
					t.Errorf("Lookup(%q, %q) returned the transition %q → %q", from, to, tr.From, tr.To)
				}
			}
			baseRoutes := b.routesTo(from)
			if from == "" {
				baseRoutes = []string{""}
			}
			for _, rname := range baseRoutes {
				name := fmt.Sprintf("%s/%s→%s", rname, orNew(from), to)
				if rname == "" {
					name = fmt.Sprintf("new→%s", to)
				}
				t.Run(name, func(t *testing.T) {
					checked++
					base := map[string]string{}
					var head string
					var g *ideaGen
					if from != "" {
						g = b.generate(t, b.routes[rname])
						base[matrixPath] = g.text("Text.")
					}
					switch {
					case ok && from == to:
						g.step(t, to) // a re-screening that keeps the stage
						head = g.text("Text.")
					case ok:
						fresh := g == nil
						if fresh {
							g = b.newIdeaGen()
						}
						g.step(t, to)
						head = g.text("Text.")
						if fresh {
							// Anyone may add an idea, but only with their
							// own login as its submitter's, or none.
							head = strings.Replace(head, ", github: "+matrixSubmitter, "", 1)
						}
					case from == to:
						head = g.text("Text, förtydligad.")
					default:
						// Not a step: the head is a valid file at to,
						// as if the idea had been taken another way.
						head = b.generate(t, b.routes[string(to)]).text("Text.")
					}
					c := Change{
						Base:  snap(cfg, base),
						Head:  snap(cfg, map[string]string{matrixPath: head}),
						Today: b.today,
					}
					if !ok {
						c.Actor = b.editor
						res := CheckChange(c)
						want := diag.RuleTransition
						if from == "" {
							want = diag.RuleNewStage
						}
						rules := rulesOf(res.Diags)
						if from == to {
							// A final idea's text is frozen: the editor's
							// edit needs an admin (workflow.Edits).
							want := 0
							if b.flow.Final(from) {
								want = 1
							}
							errs := errorsOf(res.Diags)
							if slices.Contains(rules, diag.RuleTransition) || len(errs) != want || want == 1 && errs[0].Rule != diag.RulePermission {
								t.Errorf("an edit at the same stage gave:\n%s", render(res.Diags))
							}
							return
						}
						n := 0
						for _, d := range res.Diags {
							if d.Rule == want {
								n++
								if d.Severity != diag.Error || d.Path != matrixPath || d.Pos.Line != 5 {
									t.Errorf("want a %s error on the stage line 5, got %s", want, d.Text(model.English))
								}
							}
						}
						if n != 1 {
							t.Errorf("want one %s diagnostic, got:\n%s", want, render(res.Diags))
						}
						// A step that does not exist is not also a problem
						// of who made it. (Sections the head holds that
						// the base did not may be reported as edits.)
						for _, d := range res.Diags {
							if d.Msg.Key == "change.permission" {
								t.Errorf("a step that does not exist is not also a permission problem:\n%s", render(res.Diags))
							}
						}
						return
					}
					// An allowed step, made by each actor the table names.
					for _, a := range tr.Actors {
						c.Actor = b.logins[a]
						res := CheckChange(c)
						errs := errorsOf(res.Diags)
						verdict(t, key, knownBugs, len(errs) > 0, "made by %s (%s), want no errors, got:\n%s", c.Actor, a, render(res.Diags))
					}
					// The same step by approval: an outsider authors, a role holder approves.
					c.Actor, c.Approvers = matrixStranger, append(slices.Clone(b.outsiders[1:]), b.logins[tr.Actors[len(tr.Actors)-1]])
					if res := CheckChange(c); len(errorsOf(res.Diags)) > 0 {
						verdict(t, key, knownBugs, true, "approved by %v, want no errors, got:\n%s", c.Approvers, render(res.Diags))
					}
					c.Approvers = nil
					if slices.Contains(tr.Actors, workflow.Anyone) {
						return
					}
					for _, outsider := range b.outsiders {
						c.Actor = outsider
						res := CheckChange(c)
						errs := errorsOf(res.Diags)
						perm := 0
						for _, d := range errs {
							if d.Rule == diag.RulePermission {
								perm++
							}
						}
						failed := perm != 1 || len(errs) != 1
						verdict(t, key, knownBugs, failed, "made by %s, want exactly one error, a permission error; got:\n%s", outsider, render(res.Diags))
					}
				})
			}
		}
	}
	if want := (len(stages) + 1) * len(stages); pairs != want {
		t.Errorf("checked %d pairs, want %d", pairs, want)
	}
	if allowed != tableEntries {
		t.Errorf("%d pairs are allowed, but the workflow table has %d entries", allowed, tableEntries)
	}
	if checked < pairs {
		t.Errorf("ran %d cases for %d pairs", checked, pairs)
	}
}

func orNew(s model.Stage) string {
	if s == "" {
		return "new"
	}
	return string(s)
}

// TestGeneratedIdeasLint checks the generator: the idea it writes at each
// stage, along each route, lints without a diagnostic.
func TestGeneratedIdeasLint(t *testing.T) {
	for _, b := range matrixBanks(t) {
		for name, route := range b.routes {
			t.Run(b.name+"/"+name, func(t *testing.T) {
				text := b.generate(t, route).text("Text.")
				res := Lint(snap(b.file, map[string]string{matrixPath: text}), b.today)
				if len(res.Diags) > 0 {
					t.Errorf("the generated idea at %s:\n%s\nhas diagnostics:\n%s", route[len(route)-1].To, text, render(res.Diags))
				}
			})
		}
	}
}
