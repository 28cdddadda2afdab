package sitegen

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/snapshot"
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

// rawKey matches a catalogue key as text: a word of the catalogue's
// prefixes, a dot and more, not part of a file name or address.
var rawKey = regexp.MustCompile(`(?:^|[\s>"'(])((?:site|stage|role|criterion|section|kind|actor|report|notice|lint|list|process)\.[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)(?:[\s<"'),.:;]|$)`)

// TestNoRawCatalogueKey: no built page or open data file holds a key of
// the catalogue where its text belongs, for either process.
func TestNoRawCatalogueKey(t *testing.T) {
	for name, res := range banks(t) {
		m := buildMemory(t, res)
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

var flowCount = regexp.MustCompile(`<span class="flow-count">(\d+)</span> <span class="flow-label">([^<]*)</span>`)

// TestHomeCountsAddUp: the start page counts every idea at exactly one
// stage, and shows every stage of the process, whatever the process.
func TestHomeCountsAddUp(t *testing.T) {
	for name, res := range banks(t) {
		m := buildMemory(t, res)
		data, ok := m.File("index.html")
		if !ok {
			t.Fatalf("%s: no start page", name)
		}
		sum, labels := 0, map[string]bool{}
		for _, hit := range flowCount.FindAllStringSubmatch(string(data), -1) {
			// A stage on both the main line and the quick line is shown on
			// both, with the same count: counted once.
			n, _ := strconv.Atoi(hit[1])
			if !labels[hit[2]] {
				sum += n
			}
			labels[hit[2]] = true
		}
		if sum != len(res.Ideas) {
			t.Errorf("%s: the start page counts %d ideas, the bank has %d", name, sum, len(res.Ideas))
		}
		if len(labels) != len(res.Config.Process.Stages) {
			t.Errorf("%s: the start page shows %d stages, the process has %d", name, len(labels), len(res.Config.Process.Stages))
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
