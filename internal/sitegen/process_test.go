package sitegen

import (
	"encoding/json"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/internal/workflow"
	theme "github.com/idebanken/idebanken/site"
)

// The site is built for the shipped bank, which runs the default process,
// and for the example bank, which runs one of its own; both must show
// the process in people's words.

func exampleBank(t testing.TB) *check.Result {
	t.Helper()
	s, err := snapshot.FromDir("../../examples/bostadsbolaget")
	if err != nil {
		t.Fatal(err)
	}
	res := check.Lint(s, today)
	if res.Config == nil || res.Errors() > 0 {
		t.Fatalf("the example bank: %v", res.Diags)
	}
	return res
}

func banks(t *testing.T) map[string]*check.Result {
	return map[string]*check.Result{"shipped": fixture(t), "example": exampleBank(t)}
}

// rawKey matches a catalogue key as text: one of the catalogue's prefixes
// (every first word of its keys, and those of the process's labels), a dot
// and more, not part of a file name or address.
var rawKey = func() *regexp.Regexp {
	prefixes := []string{"stage", "role", "criterion", "section", "kind", "actor"}
	for _, k := range i18n.Keys() {
		if p, _, ok := strings.Cut(k, "."); ok && !slices.Contains(prefixes, p) {
			prefixes = append(prefixes, p)
		}
	}
	return regexp.MustCompile(`(?:^|[\s>"'(])((?:` + strings.Join(prefixes, "|") + `)\.[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*)(?:[\s<"'),.:;]|$)`)
}()

// TestNoRawCatalogueKey: no built page or open data file holds a key of
// the catalogue where its text belongs, for either process, with a
// history in which each idea has been at every stage of the process (the
// timeline names the stages only the history still has).
func TestNoRawCatalogueKey(t *testing.T) {
	for name, res := range banks(t) {
		m := buildMemory(t, res)
		checkNoRawKey(t, name, m)
		hist := &history.History{Steps: map[model.ID][]history.Step{}}
		stages := workflow.Of(res.Config).Process.StageIDs()
		for _, idea := range res.Ideas {
			for i, st := range stages {
				hist.Steps[idea.ID] = append(hist.Steps[idea.ID], history.Step{ID: idea.ID, Path: idea.Path,
					From: stages[max(i-1, 0)], To: st, Commit: strings.Repeat("cd", 20), When: idea.Submitted.Time()})
			}
			hist.Steps[idea.ID][0].From = ""
		}
		cfg := *res.Config
		cfg.Repository = "kommunen/idebanken"
		m = NewMemory()
		if err := Build(Options{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: m, History: hist}); err != nil {
			t.Fatal(err)
		}
		checkNoRawKey(t, name+", with a history", m)
	}
}

func checkNoRawKey(t *testing.T, name string, m *Memory) {
	t.Helper()
	{
		for _, f := range m.Names() {
			if !strings.HasSuffix(f, ".html") && !strings.HasSuffix(f, ".json") && !strings.HasSuffix(f, ".xml") {
				continue
			}
			data, _ := m.File(f)
			for _, hit := range rawKey.FindAllStringSubmatch(string(data), -1) {
				k := hit[1]
				if !fileName.MatchString(k) {
					t.Errorf("%s: %s holds the raw key %q", name, f, k)
				}
			}
		}
	}
}

// fileName matches what looks like a key but names a file.
var fileName = regexp.MustCompile(`\.(css|js|json|xml|svg|html|txt|png|ico|webmanifest)$`)

var flowCount = regexp.MustCompile(`<a href="[^"]*stages/([a-z0-9-]+)/"><span class="flow-count">(\d+)</span> <span class="flow-label">([^<]*)</span>`)

// TestHomeCountsAddUp: the start page counts every idea at exactly one
// stage, its own, under the stage's label, and shows every stage of the
// process, whatever the process.
func TestHomeCountsAddUp(t *testing.T) {
	for name, res := range banks(t) {
		m := buildMemory(t, res)
		data, ok := m.File("index.html")
		if !ok {
			t.Fatalf("%s: no start page", name)
		}
		at := map[model.Stage]int{}
		for _, idea := range res.Ideas {
			at[idea.Stage]++
		}
		sum, shown := 0, map[model.Stage]bool{}
		for _, hit := range flowCount.FindAllStringSubmatch(string(data), -1) {
			st := model.Stage(hit[1])
			n, _ := strconv.Atoi(hit[2])
			if n != at[st] {
				t.Errorf("%s: the start page counts %d ideas at %s, the bank has %d", name, n, st, at[st])
			}
			if want := html.EscapeString(i18n.Label(res.Config.Language, res.Config.Process, "stage."+string(st))); hit[3] != want {
				t.Errorf("%s: the start page names %s %q, the process %q", name, st, hit[3], want)
			}
			// A stage on both the main line and the quick line is shown on
			// both, with the same count: counted once.
			if !shown[st] {
				sum += n
			}
			shown[st] = true
		}
		if sum != len(res.Ideas) {
			t.Errorf("%s: the start page counts %d ideas, the bank has %d", name, sum, len(res.Ideas))
		}
		for _, st := range res.Config.Process.Stages {
			if !shown[st.ID] {
				t.Errorf("%s: the start page does not show the stage %s", name, st.ID)
			}
		}
		if len(shown) != len(res.Config.Process.Stages) {
			t.Errorf("%s: the start page shows %d stages, the process has %d", name, len(shown), len(res.Config.Process.Stages))
		}
	}
}

// TestOwnSectionsPublished: a section of the bank's own is shown on the
// idea's page and in ideas.json, field by field, and a stage of its own
// gets its page.
func TestOwnSectionsPublished(t *testing.T) {
	m := buildMemory(t, exampleBank(t))
	page, ok := m.File("idea/2026-003/index.html")
	if !ok {
		t.Fatal("no page for 2026-003")
	}
	for _, want := range []string{"Nytänkandeverkstad", "Bilder hjälper mer än text", "Linnéa Ek", "2026-03-05"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the idea page lacks %q", want)
		}
	}
	if _, ok := m.File("stages/workshop/index.html"); !ok {
		t.Error("no page for the stage workshop")
	}
	data, ok := m.File("ideas.json")
	if !ok {
		t.Fatal("no ideas.json")
	}
	var ideas []struct {
		ID       string
		Sections map[string]map[string]any
	}
	if err := json.Unmarshal(data, &ideas); err != nil {
		t.Fatal(err)
	}
	for _, idea := range ideas {
		if idea.ID == "2026-003" {
			if got := idea.Sections["workshop"]["summary"]; got != "Skyltar med bilder och de fyra vanligaste språken i området tas fram." {
				t.Errorf("ideas.json workshop.summary = %v", got)
			}
			return
		}
	}
	t.Error("2026-003 is not in ideas.json")
}
