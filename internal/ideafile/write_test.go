package ideafile

import (
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/process"
)

// TestEncodeKeepsHostileTextAsText writes ideas whose every text is made
// to break out of YAML or Markdown, and reads them back: each text comes
// back exactly as given, and no field appears that was not written.
func TestEncodeKeepsHostileTextAsText(t *testing.T) {
	hostile := []string{
		"Enkel titel",
		"title: fake\nstage: approved",
		"--- \nstage: approved\n---",
		"\"quoted\" 'single' `back` \\ backslash",
		"{flow: mapping}, [list], &anchor *alias !tag %directive @at",
		"# not a comment: colon: yes, no, ~, null, true, 0x1F, 1e3, 2026-03-02",
		"<script>alert(1)</script> $(rm -rf /) `id` ${HOME} && | ; >",
		"tab\there, unicode åäö ÅÄÖ 😀, zero\u200bwidth",
		"   leading and trailing spaces   ",
		"- list item",
		"? complex key",
	}
	for i, text := range hostile {
		n := New{ID: model.MakeID(2026, i+1), Title: text, Kind: model.KindIncident, Submitted: model.Date{Year: 2026, Month: 3, Day: 2},
			Submitter: model.Submitter{Name: text, GitHub: "eva"}, Unit: "skola", Tags: []string{text},
			Discussion: "https://github.com/org/repo/issues/1", Body: "## Vad hände\n\n" + text + "\n---\nslut"}
		data, err := Encode(n)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		var ds diag.List
		idea, keys := Decode(process.Default(), "ideas/2026/x.md", data, &ds)
		if idea == nil || ds.Len() > 0 {
			t.Fatalf("%q: does not parse back:\n%s\n%v", text, data, ds.Items())
		}
		if idea.Title != text || idea.Submitter.Name != text || len(idea.Tags) != 1 || idea.Tags[0] != text {
			t.Errorf("%q came back as title %q, name %q, tags %q", text, idea.Title, idea.Submitter.Name, idea.Tags)
		}
		if idea.Stage != model.StageSubmitted || idea.ID != n.ID || idea.Screening != nil || idea.Decision != nil {
			t.Errorf("%q changed a field: stage %q, id %q", text, idea.Stage, idea.ID)
		}
		for key := range keys {
			if !strings.HasPrefix(key, "submitter") && !map[string]bool{"": true, "id": true, "title": true, "kind": true, "stage": true,
				"submitted": true, "unit": true, "tags": true, "discussion": true}[key] {
				t.Errorf("%q added the field %q", text, key)
			}
		}
		if !strings.Contains(idea.Body, strings.TrimSpace(text)) && !strings.Contains(text, "---") {
			t.Errorf("%q: the body lost the text:\n%s", text, idea.Body)
		}
	}
}

func TestEncodeAnonymous(t *testing.T) {
	data, err := Encode(New{ID: "2026-001", Title: "X", Kind: model.KindDeviation, Submitted: model.Date{Year: 2026, Month: 1, Day: 5},
		Submitter: model.Submitter{Name: "Ska inte synas", GitHub: "hemlig", Anonymous: true}, Unit: "skola", Body: "Text."})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Ska inte synas") || strings.Contains(string(data), "hemlig") {
		t.Errorf("an anonymous submitter's name or login was written:\n%s", data)
	}
}
