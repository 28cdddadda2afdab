// Package diag holds the problems that checking finds: each one positioned in
// a file, with a stable rule id and a message that is rendered in the
// reader's language.
package diag

import (
	"cmp"
	"slices"

	"github.com/idebanken/idebanken/internal/i18n"
)

// Severity says whether a problem blocks a change.
type Severity int

// The severities.
const (
	Error Severity = iota
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem in one file.
type Diagnostic struct {
	Path     string // slash-separated, relative to the repository root
	Pos      Pos
	Severity Severity
	Rule     Rule
	Msg      i18n.Message
}

// List collects diagnostics. Validation adds to it and goes on, so that a
// user sees every problem at once instead of one per run.
type List struct {
	items []Diagnostic
}

// Add appends d.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Errorf adds an error.
func (l *List) Errorf(path string, pos Pos, rule Rule, key string, args ...any) {
	l.Add(Diagnostic{Path: path, Pos: pos, Severity: Error, Rule: rule, Msg: i18n.M(key, args...)})
}

// Warnf adds a warning.
func (l *List) Warnf(path string, pos Pos, rule Rule, key string, args ...any) {
	l.Add(Diagnostic{Path: path, Pos: pos, Severity: Warning, Rule: rule, Msg: i18n.M(key, args...)})
}

// Append adds every diagnostic of ds.
func (l *List) Append(ds ...Diagnostic) { l.items = append(l.items, ds...) }

// Items returns the diagnostics collected so far.
func (l *List) Items() []Diagnostic { return l.items }

// Len returns the number of diagnostics.
func (l *List) Len() int { return len(l.items) }

// Sort orders ds by file, line, column and rule, so output is stable.
func Sort(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule, b.Rule),
		)
	})
}

// Count returns the number of errors and warnings in ds.
func Count(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
