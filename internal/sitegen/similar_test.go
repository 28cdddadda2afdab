package sitegen

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	theme "github.com/idebanken/idebanken/site"
)

// bank parses the idea files given as path and text, with the corpus
// configuration, failing on any error.
func bank(t *testing.T, files map[string]string) *check.Result {
	t.Helper()
	s := &snapshot.Snapshot{Config: &snapshot.File{Path: snapshot.ConfigFile, Data: []byte(corpus.Config), Size: int64(len(corpus.Config))}}
	for p, data := range files {
		s.Ideas = append(s.Ideas, snapshot.File{Path: p, Data: []byte(data), Size: int64(len(data))})
	}
	s.Sort()
	res := check.Lint(s, today)
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			t.Fatalf("%s", d.Text(model.English))
		}
	}
	return res
}

func ideaFile(id, title, stage, screening, body string) string {
	return fmt.Sprintf("---\nid: %s\ntitle: %s\nkind: improvement\nstage: %s\nsubmitted: %s-11-02\nsubmitter: {name: Eva Exempel}\nunit: samhallsbyggnad\n%s---\n%s\n",
		id, title, stage, id[:4], screening, body)
}

// TestSimilarAndDuplicates builds a bank in which one idea is screened as
// another's duplicate and a third is about something else: ideas.json
// names the likeness and the duplicates on every record, the original's
// page counts and links its duplicate, the duplicate's page links its
// original, and both list the other among their similar ideas.
func TestSimilarAndDuplicates(t *testing.T) {
	dup := "screening:\n  date: 2026-11-05\n  by: amb\n  criteria:\n    mission: {met: true}\n    reach: {met: true}\n    benefit: {met: true}\n" +
		"    value: {short: 1, long: 1}\n  outcome: reject\n  feedback: Samma idé som 2025-003.\n  duplicate_of: 2025-003\n"
	res := bank(t, map[string]string{
		"ideas/2025/2025-003-halkrisk-vid-entren.md": ideaFile("2025-003", "Halkrisk vid entrén till stadshuset", "submitted", "",
			"Trappan vid stadshusets entré blir isig på vintern och flera har halkat."),
		"ideas/2026/2026-004-isig-trappa.md": ideaFile("2026-004", "Isig trappa vid stadshusets entré", "rejected", dup,
			"Trappan utanför entrén till stadshuset är isig och hal på vintern."),
		"ideas/2026/2026-005-cykelstall.md": ideaFile("2026-005", "Fler cykelställ vid biblioteket", "submitted", "",
			"Det saknas cykelställ med tak vid biblioteket."),
	})
	m := NewMemory()
	if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: m}); err != nil {
		t.Fatal(err)
	}
	data, _ := m.File("ideas.json")
	var records []map[string]any
	if err := json.Unmarshal(data, &records); err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]any{}
	for _, r := range records {
		for _, key := range []string{"similar", "duplicates"} {
			if _, ok := r[key].([]any); !ok {
				t.Errorf("%s: %s is %v, want a list", r["id"], key, r[key])
			}
		}
		got[r["id"].(string)] = r
	}
	list := func(id, key string) []string {
		var out []string
		for _, x := range got[id][key].([]any) {
			out = append(out, x.(string))
		}
		return out
	}
	if s := list("2025-003", "similar"); len(s) == 0 || s[0] != "2026-004" {
		t.Errorf("2025-003 similar %v, want 2026-004 first", s)
	}
	if s := list("2026-004", "similar"); len(s) == 0 || s[0] != "2025-003" {
		t.Errorf("2026-004 similar %v, want 2025-003 first", s)
	}
	if s := list("2025-003", "similar"); slices.Contains(s, "2026-005") {
		t.Errorf("2025-003 similar %v: the cycle stands have nothing in common with it", s)
	}
	if d := list("2025-003", "duplicates"); !slices.Equal(d, []string{"2026-004"}) {
		t.Errorf("2025-003 duplicates %v, want [2026-004]", d)
	}
	if d := list("2026-004", "duplicates"); len(d) != 0 {
		t.Errorf("2026-004 duplicates %v, want none", d)
	}
	if sc := got["2026-004"]["screening"].(map[string]any); sc["duplicate_of"] != "2025-003" {
		t.Errorf("2026-004 screening.duplicate_of = %v", sc["duplicate_of"])
	}

	page := func(id string) string {
		b, ok := m.File("idea/" + id + "/index.html")
		if !ok {
			t.Fatalf("no page for %s", id)
		}
		return string(b)
	}
	orig, copy := page("2025-003"), page("2026-004")
	for _, want := range []string{"Liknande idéer", "Samma idé från fler", "1 till har föreslagit samma sak:", `href="../../idea/2026-004/"`} {
		if !strings.Contains(orig, want) {
			t.Errorf("the original's page lacks %q", want)
		}
	}
	for _, want := range []string{"Liknande idéer", "Den här idén är samma som en tidigare idé och följs där:", `href="../../idea/2025-003/">2025-003 Halkrisk vid entrén till stadshuset</a> <span class="stage stage-submitted">`} {
		if !strings.Contains(copy, want) {
			t.Errorf("the duplicate's page lacks %q", want)
		}
	}
	if strings.Contains(page("2026-005"), "Samma idé") {
		t.Error("an idea with no duplicates says it has some")
	}

	// An original the check refuses, gone or the idea itself, is no link:
	// the build goes on without it.
	for _, bad := range []model.ID{"2024-999", "2026-004"} {
		for _, idea := range res.Ideas {
			if idea.ID == "2026-004" {
				idea.Screening.DuplicateOf = bad
			}
		}
		m := NewMemory()
		if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: m}); err != nil {
			t.Fatalf("duplicate_of %s: %v", bad, err)
		}
		p, _ := m.File("idea/2026-004/index.html")
		o, _ := m.File("idea/2025-003/index.html")
		if strings.Contains(string(p), "Den här idén är samma") || strings.Contains(string(o), "Samma idé från fler") {
			t.Errorf("duplicate_of %s is shown as a link", bad)
		}
	}
}

// TestSearchWordsOnce: search.json holds each word of an entry once, and
// finds what the whole text finds: for every idea of a generated bank and
// every query word made of a piece of its text, or of pieces of two words
// side by side (which no query can hold, as a query's words hold no
// space), the entry's text holds it exactly when the whole folded text
// does.
func TestSearchWordsOnce(t *testing.T) {
	res := corpusResult(t, 200)
	m := buildMemory(t, res)
	data, _ := m.File("search.json")
	var entries []searchEntry
	if err := json.Unmarshal(data, &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(res.Ideas) {
		t.Fatalf("search.json has %d entries for %d ideas", len(entries), len(res.Ideas))
	}
	shorter := 0
	for i, e := range entries {
		words := strings.Split(string(e), " ")
		seen := map[string]bool{}
		for _, w := range words {
			if seen[w] || w == "" {
				t.Fatalf("entry %d: the word %q twice or empty in %q", i, w, e)
			}
			seen[w] = true
		}
	}
	for _, idea := range res.Ideas {
		whole := model.Fold(string(idea.ID) + " " + idea.Title + " " + strings.Join(idea.Tags, " ") + " " + idea.Body)
		once := distinctWords(whole)
		if len(once) < len(whole) {
			shorter++
		}
		for i := 0; i < len(whole); i += 3 {
			for n := 1; n <= 12 && i+n <= len(whole); n++ {
				q := whole[i : i+n]
				if strings.Contains(q, " ") {
					continue
				}
				if strings.Contains(once, q) != strings.Contains(whole, q) {
					t.Fatalf("%s: %q found in the whole text %v, in its words once %v", idea.ID, q, strings.Contains(whole, q), strings.Contains(once, q))
				}
			}
		}
	}
	if shorter == 0 {
		t.Error("no text was shorter with its words once")
	}
}
