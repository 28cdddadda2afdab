package check

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
	"github.com/idebanken/idebanken/internal/workflow"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// Incidents and deviations may name the people involved. The repository and
// the site are public, so the check refuses what identifies a person beyond
// doubt. Messages never repeat what they found: CI logs are public too.

// idPrefix is the id at the start of a file name, which is no phone
// number.
var idPrefix = regexp.MustCompile(`^[0-9]{4}-[0-9]{3,}-?`)

// fileKeys are the messages about a file name (whose slug can hold no
// e-mail address).
var fileKeys = map[string]string{"lint.pnr": "lint.pnr-file", "lint.phone": "lint.phone-file"}

// shownFields are the fields outside the sections whose text the site or
// GitHub shows, beside the body and the tags.
var shownFields = []string{"title", "submitter.name", "discussion"}

// personalData reports personal identity numbers and phone numbers as
// errors, and e-mail addresses as warnings, in every text of the idea that
// is shown: its fields (the sections' are those the process gives the
// type text), its body line by line, and its file name, which new and
// intake make from the title.
func personalData(flow *workflow.Flow, idea *model.Idea, keys yamlx.Fields, out *diag.List) {
	for _, f := range slices.Concat(shownFields, flow.TextFields()) {
		if t := idea.Value(f).Text; t != "" {
			scanPersonal(t, func(rule diag.Severity, key string) {
				report(out, idea.Path, keys.Lookup(f), rule, key, f)
			})
		}
	}
	for i, line := range strings.Split(idea.Body, "\n") {
		pos := diag.Pos{Line: idea.BodyLine + i, Col: 1}
		scanPersonal(line, func(rule diag.Severity, key string) {
			report(out, idea.Path, pos, rule, key, "")
		})
	}
	// new and intake make the name from the title, hyphens for spaces.
	name := idPrefix.ReplaceAllString(strings.TrimSuffix(path.Base(idea.Path), ".md"), "")
	scanPersonal(name, func(rule diag.Severity, key string) {
		if file := fileKeys[key]; file != "" {
			out.Add(diag.Diagnostic{Path: idea.Path, Severity: rule, Rule: diag.RulePersonalData, Msg: i18n.M(file)})
		}
	})
}

func report(out *diag.List, path string, pos diag.Pos, sev diag.Severity, key, field string) {
	m := i18n.M(key + "-body")
	if field != "" {
		m = i18n.M(key, field)
	}
	out.Add(diag.Diagnostic{Path: path, Pos: pos, Severity: sev, Rule: diag.RulePersonalData, Msg: m})
}

func scanPersonal(s string, found func(diag.Severity, string)) {
	for _, k := range personal.Find(s) {
		switch k {
		case personal.PersonalNumber:
			found(diag.Error, "lint.pnr")
		case personal.Phone:
			found(diag.Error, "lint.phone")
		case personal.Email:
			found(diag.Warning, "lint.email")
		}
	}
}

// containsPersonal reports whether s holds a personal identity number or a
// phone number.
func containsPersonal(s string) bool {
	found := false
	scanPersonal(s, func(sev diag.Severity, _ string) { found = found || sev == diag.Error })
	return found
}
