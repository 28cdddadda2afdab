package actions

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// root is the repository's root, from this package's folder.
const root = "../.."

// workflow is a workflow file, as far as these rules need it.
type workflow struct {
	file string
	name string
	on   map[string]*yaml.Node // event → its settings
	// perms is the workflow's permissions: nil when not given.
	perms *yaml.Node
	jobs  []job
}

type job struct {
	id    string
	perms *yaml.Node
	steps []step
	uses  *yaml.Node // a reusable workflow
}

type step struct {
	name string
	uses *yaml.Node // nil for a run step
	run  string
	with map[string]string
}

func readWorkflows(t *testing.T) []*workflow {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, ".github", "workflows", "*.y*ml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows: %v", err)
	}
	var out []*workflow
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		w := &workflow{file: filepath.Base(f), on: map[string]*yaml.Node{}}
		top := doc.Content[0]
		for k, v := range pairs(top) {
			switch k {
			case "name":
				w.name = v.Value
			case "on":
				switch v.Kind {
				case yaml.ScalarNode:
					w.on[v.Value] = nil
				case yaml.SequenceNode:
					for _, e := range v.Content {
						w.on[e.Value] = nil
					}
				case yaml.MappingNode:
					for ev, settings := range pairs(v) {
						w.on[ev] = settings
					}
				}
			case "permissions":
				w.perms = v
			case "jobs":
				for id, jn := range pairs(v) {
					j := job{id: id}
					for jk, jv := range pairs(jn) {
						switch jk {
						case "permissions":
							j.perms = jv
						case "uses":
							j.uses = jv
						case "steps":
							for _, sn := range jv.Content {
								s := step{with: map[string]string{}}
								for sk, sv := range pairs(sn) {
									switch sk {
									case "name":
										s.name = sv.Value
									case "uses":
										s.uses = sv
									case "run":
										s.run = sv.Value
									case "with":
										for wk, wv := range pairs(sv) {
											s.with[wk] = wv.Value
										}
									}
								}
								j.steps = append(j.steps, s)
							}
						}
					}
					w.jobs = append(w.jobs, j)
				}
			}
		}
		out = append(out, w)
	}
	return out
}

// pairs returns the keys and values of a mapping, in order.
func pairs(n *yaml.Node) func(func(string, *yaml.Node) bool) {
	return func(yield func(string, *yaml.Node) bool) {
		if n == nil || n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !yield(n.Content[i].Value, n.Content[i+1]) {
				return
			}
		}
	}
}

// headDefined are the events for which GitHub takes the workflow from the
// pull request itself: what such a workflow does, the pull request decides.
var headDefined = []string{"pull_request", "pull_request_review", "pull_request_review_comment"}

// baseDefined are the events of the pull request's world for which GitHub
// takes the workflow from the base branch, with a token that can write.
var baseDefined = []string{"pull_request_target", "workflow_run"}

func (w *workflow) triggered(events []string) bool {
	for ev := range w.on {
		if slices.Contains(events, ev) {
			return true
		}
	}
	return false
}

// writes returns the scopes a job's permissions may write.
func writes(perms *yaml.Node) []string {
	var out []string
	if perms == nil {
		return nil
	}
	if perms.Kind == yaml.ScalarNode {
		if perms.Value == "write-all" {
			return []string{"write-all"}
		}
		return nil
	}
	for scope, v := range pairs(perms) {
		if v.Value == "write" {
			out = append(out, scope)
		}
	}
	return out
}

// The required check is the job "check" of check.yml, and GitHub must take
// its definition from the base branch: on pull_request, a pull request that
// edits the job to "exit 0" would make the required status pass.
func TestRequiredCheckFromBase(t *testing.T) {
	var check *workflow
	for _, w := range readWorkflows(t) {
		if w.file == "check.yml" {
			check = w
		}
	}
	if check == nil {
		t.Fatal("no check.yml")
	}
	for ev := range check.on {
		if !slices.Contains(baseDefined, ev) {
			t.Errorf("check.yml is triggered by %s: the required check must only run as the base branch defines it (%v)", ev, baseDefined)
		}
	}
	if _, ok := check.on["pull_request_target"]; !ok {
		t.Error("check.yml does not run on pull_request_target")
	}
	// The re-run after a review starts from a workflow that exists.
	if wr, ok := check.on["workflow_run"]; ok {
		names := map[string]bool{}
		for _, w := range readWorkflows(t) {
			names[w.name] = true
		}
		for k, v := range pairs(wr) {
			if k == "workflows" {
				for _, n := range v.Content {
					if !names[n.Value] {
						t.Errorf("check.yml waits for the workflow %q, which does not exist", n.Value)
					}
				}
			}
		}
	}
	var job *job
	for i := range check.jobs {
		if check.jobs[i].id == "check" {
			job = &check.jobs[i]
		}
	}
	if job == nil {
		t.Fatal("check.yml has no job check")
	}
	all := runText(t, job)
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`go build [^\n]*\./cmd/idebank`),                                           // the base's program
		regexp.MustCompile(`check --base "\$BASE" --head "\$MERGE"`),                                  // the head as git objects
		regexp.MustCompile(`--actor "\$ACTOR" --committers "\$COMMITTERS" --approvers "\$APPROVERS"`), // who, from the API
		regexp.MustCompile(`context="idebank check"`),                                                 // the required status
		regexp.MustCompile(`git merge-tree --write-tree`),
	} {
		if !want.MatchString(all) {
			t.Errorf("the job check does not do %s", want)
		}
	}
}

// runText returns what a job runs: its run steps and the repository's
// scripts they call.
func runText(t *testing.T, j *job) string {
	t.Helper()
	var b strings.Builder
	script := regexp.MustCompile(`\.github/scripts/[\w.-]+`)
	for _, s := range j.steps {
		b.WriteString(s.run + "\n")
		for _, p := range script.FindAllString(s.run, -1) {
			data, err := os.ReadFile(filepath.Join(root, p))
			if err != nil {
				t.Errorf("job %s runs %s: %v", j.id, p, err)
				continue
			}
			b.Write(data)
		}
	}
	return b.String()
}

// checksOut matches what would put the pull request's files in the working
// tree, or run them.
var checksOut = regexp.MustCompile(`\bgit\s+(checkout|switch|worktree|restore|reset|stash|pull|merge\s)|\bgh\s+pr\s+checkout\b|pull_request\.head|refs/pull/[^ ]*/merge`)

// No job that can write, or that runs for another's pull request with the
// base's token, checks out or runs the pull request's code. A workflow that
// the pull request defines (pull_request) gets no write at all.
func TestNoHeadCodeWithWriteToken(t *testing.T) {
	for _, w := range readWorkflows(t) {
		for _, j := range w.jobs {
			where := w.file + ": job " + j.id
			if w.triggered(headDefined) {
				if ws := writes(j.perms); len(ws) > 0 {
					t.Errorf("%s runs as the pull request defines it, with write on %v", where, ws)
				}
				if ws := writes(w.perms); len(ws) > 0 {
					t.Errorf("%s: the workflow's permissions write %v", w.file, ws)
				}
			}
			if !w.triggered(baseDefined) {
				continue
			}
			for _, s := range j.steps {
				if s.uses != nil && strings.HasPrefix(s.uses.Value, "actions/checkout@") {
					for _, k := range []string{"ref", "repository", "allow-unsafe-pr-checkout"} {
						if v, ok := s.with[k]; ok {
							t.Errorf("%s checks out with %s: %s: only the base may be checked out", where, k, v)
						}
					}
				}
				if s.uses != nil && strings.HasPrefix(s.uses.Value, "./") {
					t.Errorf("%s uses the local action %s", where, s.uses.Value)
				}
			}
			if m := checksOut.FindString(runText(t, &j)); m != "" {
				t.Errorf("%s runs %q: the pull request's commits are data, never checked out or run", where, m)
			}
		}
	}
}

var pinned = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$`)
var versionComment = regexp.MustCompile(`^# v(\d+)\.\d+\.\d+$`)

// node24Since is, for each action the workflows use, the first major on
// the Node 24 runtime: GitHub has retired Node 20. An action not listed
// here is a new one, to be looked at and added.
var node24Since = map[string]int{
	"actions/checkout":                5,
	"actions/setup-go":                6,
	"actions/cache":                   5,
	"actions/upload-artifact":         6,
	"actions/upload-pages-artifact":   5, // its own upload-artifact is on Node 24 from v5
	"actions/deploy-pages":            5,
	"actions/create-github-app-token": 3,
}

// Every action is pinned to a full commit, with its version in a comment,
// at a major on a runtime GitHub still runs: a tag can be moved to other
// code, a commit cannot.
func TestActionsPinned(t *testing.T) {
	n := 0
	for _, w := range readWorkflows(t) {
		for _, j := range w.jobs {
			uses := []*yaml.Node{j.uses}
			for _, s := range j.steps {
				uses = append(uses, s.uses)
			}
			for _, u := range uses {
				if u == nil {
					continue
				}
				n++
				where := w.file + ": job " + j.id + ": " + u.Value
				if !pinned.MatchString(u.Value) {
					t.Errorf("%s is not pinned to a 40-hex commit", where)
					continue
				}
				m := versionComment.FindStringSubmatch(u.LineComment)
				if m == nil {
					t.Errorf("%s has no version comment (# vX.Y.Z), but %q", where, u.LineComment)
					continue
				}
				name := u.Value[:strings.Index(u.Value, "@")]
				since, ok := node24Since[name]
				major, _ := strconv.Atoi(m[1])
				switch {
				case !ok:
					t.Errorf("%s: a new action; add it to node24Since with the major that runs on Node 24", where)
				case major < since:
					t.Errorf("%s is at v%d, on a retired runtime: use v%d or later", where, major, since)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no uses: found; the test reads nothing")
	}
}

// Permissions are explicit and minimal: nothing at the workflow's level,
// each job says what it needs, and each write says why in a comment.
func TestPermissionsMinimal(t *testing.T) {
	for _, w := range readWorkflows(t) {
		if w.perms == nil || w.perms.Kind != yaml.MappingNode || len(w.perms.Content) != 0 {
			t.Errorf("%s: the workflow's permissions must be {} (each job asks for its own)", w.file)
		}
		for _, j := range w.jobs {
			where := w.file + ": job " + j.id
			if j.perms == nil {
				t.Errorf("%s has no permissions of its own: it would get the repository's default", where)
				continue
			}
			if j.perms.Kind != yaml.MappingNode {
				t.Errorf("%s: permissions %q; list each scope", where, j.perms.Value)
				continue
			}
			for i := 0; i+1 < len(j.perms.Content); i += 2 {
				k, v := j.perms.Content[i], j.perms.Content[i+1]
				switch v.Value {
				case "read", "none":
				case "write":
					if v.LineComment == "" && k.LineComment == "" {
						t.Errorf("%s writes %s without a comment saying why", where, k.Value)
					}
				default:
					t.Errorf("%s: %s: %q", where, k.Value, v.Value)
				}
			}
		}
	}
}

// The site is not published from a configuration with errors: the build
// job checks idebank.yaml before the site is uploaded.
func TestSiteNotPublishedWithConfigErrors(t *testing.T) {
	for _, w := range readWorkflows(t) {
		if w.file != "site.yml" {
			continue
		}
		for _, j := range w.jobs {
			checked := false
			for _, s := range j.steps {
				if strings.Contains(s.run, `check --format json`) && strings.Contains(s.run, `.file == "idebank.yaml" and .severity == "error"`) {
					checked = true
				}
				if s.uses != nil && strings.HasPrefix(s.uses.Value, "actions/upload-pages-artifact@") && !checked {
					t.Errorf("site.yml: job %s uploads the site before checking idebank.yaml", j.id)
				}
			}
		}
		return
	}
	t.Fatal("no site.yml")
}

// CODEOWNERS covers what the check does not: the workflows, the
// configuration and the program.
func TestCodeOwners(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, ".github", "CODEOWNERS"))
	if err != nil {
		t.Fatal(err)
	}
	owned := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && !strings.HasPrefix(f[0], "#") && strings.HasPrefix(f[1], "@") {
			owned[f[0]] = true
		}
	}
	for _, p := range []string{"/.github/", "/idebank.yaml", "/cmd/", "/internal/", "/site/", "/go.mod", "/go.sum"} {
		if !owned[p] {
			t.Errorf("CODEOWNERS has no owner for %s", p)
		}
	}
}

// Dependabot keeps the pinned actions and the Go modules up to date.
func TestDependabot(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, ".github", "dependabot.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Updates []struct {
			Ecosystem string `yaml:"package-ecosystem"`
		}
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range cfg.Updates {
		got = append(got, u.Ecosystem)
	}
	for _, want := range []string{"github-actions", "gomod"} {
		if !slices.Contains(got, want) {
			t.Errorf("dependabot.yml does not update %s (has %v)", want, got)
		}
	}
}

// docs/github-setup.md names the test that holds each measure: every test
// and script it names exists, so the page says nothing that no test holds.
func TestSetupGuideNamesRealTests(t *testing.T) {
	guide, err := os.ReadFile(filepath.Join(root, "docs", "github-setup.md"))
	if err != nil {
		t.Fatal(err)
	}
	var tests strings.Builder
	scripts := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git") {
			return filepath.SkipDir
		}
		switch {
		case strings.HasSuffix(p, "_test.go"):
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			tests.Write(data)
		case strings.HasSuffix(p, ".txtar"):
			scripts[d.Name()] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	named := regexp.MustCompile("`(Test\\w+)`").FindAllStringSubmatch(string(guide), -1)
	if len(named) < 10 {
		t.Fatalf("the guide names %d tests; the table of measures is gone?", len(named))
	}
	for _, m := range named {
		if !strings.Contains(tests.String(), "func "+m[1]+"(") {
			t.Errorf("docs/github-setup.md names %s, which is no test", m[1])
		}
	}
	for _, m := range regexp.MustCompile("`([\\w-]+\\.txtar)`").FindAllStringSubmatch(string(guide), -1) {
		if !scripts[m[1]] {
			t.Errorf("docs/github-setup.md names %s, which is no test script", m[1])
		}
	}
	for _, m := range regexp.MustCompile("`([\\w-]+)\\*[^`]*` i[n]? `internal/check/testdata/change`").FindAllStringSubmatch(string(guide), -1) {
		ok := false
		for s := range scripts {
			ok = ok || strings.HasPrefix(s, m[1])
		}
		if !ok {
			t.Errorf("docs/github-setup.md names %s*, but no case starts so", m[1])
		}
	}
}
