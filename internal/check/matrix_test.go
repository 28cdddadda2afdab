package check

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/internal/workflow"
)

// The matrix test moves a generated idea from every stage (and from no file
// at all) to every stage, and checks that CheckChange allows exactly the
// steps of the workflow table, made by exactly the people it names.

const matrixPath = "ideas/2026/2026-001-matris.md"

// The longest history, eight steps and one more, stays before today, and an
// idea at submitted is not yet due for feedback.
var (
	matrixToday     = model.Date{Year: 2026, Month: 11, Day: 21}
	matrixSubmitted = model.Date{Year: 2026, Month: 10, Day: 25}
)

const matrixStepDays = 3

// matrixLogins are people of testdata/idebank.yaml who act in the unit
// skola, by role, and the people an idea names.
var matrixLogins = map[workflow.Actor]string{
	workflow.RoleActor(model.RoleAmbassador):      "amb",
	workflow.RoleActor(model.RoleInnovationGroup): "inno",
	workflow.RoleActor(model.RoleUnitManager):     "chef",
	workflow.RoleActor(model.RoleManagement):      "led",
	workflow.RoleActor(model.RoleProjectLead):     "proj",
	workflow.RoleActor(model.RoleCommunicator):    "kom",
	workflow.Submitter:                            "evaex",
	workflow.Implementer:                          "gen", // a project lead of omsorg only: allowed as the implementer alone
	workflow.Anyone:                               "nisse",
}

// matrixOutsiders hold no role for an idea of skola: nisse is not in the
// configuration, amb2 is an ambassador of another unit.
var matrixOutsiders = []string{"nisse", "amb2"}

// routes are the histories the generator writes, as the stages an idea
// passed through after it was submitted. Each stage has one; paused has a
// second, a pause decided by management after a proposal.
var routes = map[string][]model.Stage{
	"submitted":    {"submitted"},
	"developing":   {"submitted", "developing"},
	"quick-win":    {"submitted", "quick-win"},
	"proposed":     {"submitted", "developing", "proposed"},
	"approved":     {"submitted", "developing", "proposed", "approved"},
	"planning":     {"submitted", "developing", "proposed", "approved", "planning"},
	"implementing": {"submitted", "developing", "proposed", "approved", "planning", "implementing"},
	"implemented":  {"submitted", "developing", "proposed", "approved", "planning", "implementing", "implemented"},
	"evaluated":    {"submitted", "developing", "proposed", "approved", "planning", "implementing", "implemented", "evaluated"},
	"paused":       {"submitted", "paused"},
	"rejected":     {"submitted", "rejected"},
	"withdrawn":    {"submitted", "withdrawn"},

	"paused-by-decision": {"submitted", "developing", "proposed", "paused"},
}

// routesTo returns the names of the routes that end at s.
func routesTo(s model.Stage) []string {
	var names []string
	for name, r := range routes {
		if r[len(r)-1] == s {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// ideaGen writes an idea file that holds the sections of every step it was
// taken through. A later step that writes a section again (a re-screening)
// replaces it, as a person editing the file would.
type ideaGen struct {
	stage    model.Stage
	day      int // days after the submission of the latest step
	sections map[string]string
	impl     map[string]string // started, communicated, completed
}

func newIdeaGen() *ideaGen {
	return &ideaGen{sections: map[string]string{}, impl: map[string]string{}}
}

func (g *ideaGen) date() string {
	return matrixSubmitted.AddDays(g.day).String()
}

func signer(r workflow.Requirement) string {
	if len(r.Signers) == 0 {
		return ""
	}
	// A role that the test configuration names first; the implementer is
	// named by the decision, so a role holder is the safer pick for a
	// signature.
	for _, a := range r.Signers {
		if _, ok := a.Role(); ok {
			return matrixLogins[a]
		}
	}
	return matrixLogins[r.Signers[0]]
}

// step takes the idea one step, to stage to, writing what the workflow
// table requires of that step.
func (g *ideaGen) step(t *testing.T, to model.Stage) {
	t.Helper()
	tr, ok := workflow.Lookup(g.stage, to)
	if !ok {
		t.Fatalf("generator: %q → %q is not a step", g.stage, to)
	}
	if g.stage != "" {
		g.day += matrixStepDays
	}
	d := g.date()
	for _, r := range tr.Requires {
		switch r.Section {
		case "screening":
			g.sections["screening"] = fmt.Sprintf("{date: %s, by: %s, criteria: {mission: {met: true}, reach: {met: true}, benefit: {met: true}, value: {short: 3, long: 4}}, outcome: %s, feedback: Motivering.}", d, signer(r), r.Outcome)
		case "proposal":
			g.sections["proposal"] = fmt.Sprintf("{date: %s, by: %s, summary: Underlag.}", d, signer(r))
		case "decision":
			impl := ""
			if slices.Contains(r.Fields, "implementer") {
				impl = ", implementer: " + matrixLogins[workflow.Implementer]
			}
			g.sections["decision"] = fmt.Sprintf("{date: %s, by: %s, outcome: %s, motivation: Motivering.%s}", d, signer(r), r.Outcome, impl)
		case "plan":
			g.sections["plan"] = fmt.Sprintf("{date: %s, by: %s, summary: Plan.}", d, signer(r))
		case "implementation.started":
			g.impl["started"] = "started: " + d
		case "implementation.communicated":
			g.impl["communicated"] = fmt.Sprintf("communicated: {date: %s, by: %s, channel: intranätet}", d, signer(r))
		case "implementation.completed":
			g.impl["completed"] = "completed: " + d
		case "outcome":
			g.sections["outcome"] = fmt.Sprintf("{date: %s, by: %s, effects: Effekter., lessons: Lärdomar.}", d, signer(r))
		case "withdrawn":
			g.sections["withdrawn"] = fmt.Sprintf("{date: %s, reason: Inte längre aktuellt.}", d)
		default:
			t.Fatalf("generator: no text for the requirement %q", r.Section)
		}
		if r.CriteriaMet && r.Section != "screening" {
			t.Fatalf("generator: criteria on %q", r.Section)
		}
	}
	g.stage = to
}

func (g *ideaGen) text(body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nid: 2026-001\ntitle: Matris\nkind: improvement\nstage: %s\nsubmitted: %s\n", g.stage, matrixSubmitted)
	b.WriteString("submitter: {name: Eva Exempel, github: evaex}\nunit: skola\n")
	for _, s := range []string{"screening", "proposal", "decision", "plan"} {
		if v, ok := g.sections[s]; ok {
			fmt.Fprintf(&b, "%s: %s\n", s, v)
		}
	}
	if len(g.impl) > 0 {
		b.WriteString("implementation:\n")
		for _, k := range []string{"started", "communicated", "completed"} {
			if v, ok := g.impl[k]; ok {
				fmt.Fprintf(&b, "  %s\n", v)
			}
		}
	}
	for _, s := range []string{"outcome", "withdrawn"} {
		if v, ok := g.sections[s]; ok {
			fmt.Fprintf(&b, "%s: %s\n", s, v)
		}
	}
	b.WriteString("---\n" + body + "\n")
	return b.String()
}

// generate walks route and returns the generator at its last stage.
func generate(t *testing.T, route []model.Stage) *ideaGen {
	t.Helper()
	g := newIdeaGen()
	for _, s := range route {
		g.step(t, s)
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
	cfg := matrixConfig(t)
	froms := append([]model.Stage{""}, model.Stages...)

	tableEntries := 0
	for _, r := range workflow.Rows {
		if r.From == nil {
			tableEntries++
		}
		tableEntries += len(r.From)
	}

	pairs, allowed, checked := 0, 0, 0
	for _, from := range froms {
		for _, to := range model.Stages {
			pairs++
			key := workflow.Key{From: from, To: to}
			tr, ok := workflow.Lookup(from, to)
			if ok {
				allowed++
				if tr.From != from || tr.To != to {
					t.Errorf("Lookup(%q, %q) returned the transition %q → %q", from, to, tr.From, tr.To)
				}
			}
			baseRoutes := routesTo(from)
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
						g = generate(t, routes[rname])
						base[matrixPath] = g.text("Text.")
					}
					switch {
					case ok && from == to:
						g.step(t, to) // a re-screening that keeps the stage
						head = g.text("Text.")
					case ok:
						fresh := g == nil
						if fresh {
							g = newIdeaGen()
						}
						g.step(t, to)
						head = g.text("Text.")
						if fresh {
							// Anyone may add an idea, but only with their
							// own login as its submitter's, or none.
							head = strings.Replace(head, ", github: evaex", "", 1)
						}
					case from == to:
						head = g.text("Text, förtydligad.")
					default:
						// Not a step: the head is a valid file at to,
						// as if the idea had been taken another way.
						head = generate(t, routes[string(to)]).text("Text.")
					}
					c := Change{
						Base:  snap(cfg, base),
						Head:  snap(cfg, map[string]string{matrixPath: head}),
						Today: matrixToday,
					}
					if !ok {
						c.Actor = "amb"
						res := CheckChange(c)
						want := diag.RuleTransition
						if from == "" {
							want = diag.RuleNewStage
						}
						rules := rulesOf(res.Diags)
						if from == to {
							// A final idea's text is frozen: the ambassador's
							// edit needs an admin (workflow.Edits).
							want := 0
							if from.Final() {
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
						c.Actor = matrixLogins[a]
						res := CheckChange(c)
						errs := errorsOf(res.Diags)
						verdict(t, key, knownBugs, len(errs) > 0, "made by %s (%s), want no errors, got:\n%s", c.Actor, a, render(res.Diags))
					}
					// The same step by approval: an outsider authors, a role holder approves.
					c.Actor, c.Approvers = "nisse", []string{"amb2", matrixLogins[tr.Actors[len(tr.Actors)-1]]}
					if res := CheckChange(c); len(errorsOf(res.Diags)) > 0 {
						verdict(t, key, knownBugs, true, "approved by %v, want no errors, got:\n%s", c.Approvers, render(res.Diags))
					}
					c.Approvers = nil
					if slices.Contains(tr.Actors, workflow.Anyone) {
						return
					}
					for _, outsider := range matrixOutsiders {
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
	if want := (len(model.Stages) + 1) * len(model.Stages); pairs != want {
		t.Errorf("checked %d pairs, want %d", pairs, want)
	}
	if allowed != tableEntries {
		t.Errorf("%d pairs are allowed, but the workflow table has %d entries", allowed, tableEntries)
	}
	// The contract: 1 start, 2×4 screening steps, 1 proposal, 3 decisions,
	// 2 quick-win steps, planning, implementing, implemented, evaluated,
	// and a withdrawal from each of the 9 stages that are not final.
	if allowed != 28 {
		t.Errorf("%d pairs are allowed, want 28", allowed)
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
	cfg := matrixConfig(t)
	for name, route := range routes {
		t.Run(name, func(t *testing.T) {
			text := generate(t, route).text("Text.")
			res := Lint(snap(cfg, map[string]string{matrixPath: text}), matrixToday)
			if len(res.Diags) > 0 {
				t.Errorf("the generated idea at %s:\n%s\nhas diagnostics:\n%s", route[len(route)-1], text, render(res.Diags))
			}
		})
	}
	for _, s := range model.Stages {
		if len(routesTo(s)) == 0 {
			t.Errorf("no route to %s", s)
		}
	}
}
