package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/idebanken/idebanken/internal/ghmd"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

// Format is how diagnostics are written.
type Format string

// The formats.
const (
	FormatText   Format = "text"   // path:line:col: error: message [rule]
	FormatJSON   Format = "json"   // a JSON array
	FormatGitHub Format = "github" // GitHub Actions workflow commands
	// FormatMarkdown is a Markdown list for GitHub (a job summary, a
	// comment), every text escaped by ghmd.
	FormatMarkdown Format = "markdown"
)

// Formats lists every valid Format.
var Formats = []Format{FormatText, FormatJSON, FormatGitHub, FormatMarkdown}

// Write writes ds to w in format f, with messages in lang.
func Write(w io.Writer, f Format, lang model.Lang, ds []Diagnostic) error {
	switch f {
	case FormatJSON:
		return writeJSON(w, lang, ds)
	case FormatGitHub:
		return writeGitHub(w, lang, ds)
	case FormatMarkdown:
		return writeMarkdown(w, lang, ds)
	}
	return writeText(w, lang, ds)
}

// Location returns "path:line:col", "path:line" or "path", as much as d has.
func (d Diagnostic) Location() string {
	switch {
	case d.Pos.Line > 0 && d.Pos.Col > 0:
		return fmt.Sprintf("%s:%d:%d", d.Path, d.Pos.Line, d.Pos.Col)
	case d.Pos.Line > 0:
		return fmt.Sprintf("%s:%d", d.Path, d.Pos.Line)
	}
	return d.Path
}

// Text returns d as one line of text: path:line:col: error: message [rule].
func (d Diagnostic) Text(lang model.Lang) string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Location(), d.Severity, i18n.Render(lang, d.Msg), d.Rule)
}

func writeText(w io.Writer, lang model.Lang, ds []Diagnostic) error {
	for _, d := range ds {
		if _, err := fmt.Fprintln(w, d.Text(lang)); err != nil {
			return err
		}
	}
	return nil
}

// jsonDiagnostic is the JSON form of a Diagnostic; its field names are part
// of the command's interface.
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Rule     Rule   `json:"rule"`
	Message  string `json:"message"`
}

func writeJSON(w io.Writer, lang model.Lang, ds []Diagnostic) error {
	out := make([]jsonDiagnostic, len(ds))
	for i, d := range ds {
		out[i] = jsonDiagnostic{d.Path, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Rule, i18n.Render(lang, d.Msg)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeGitHub writes workflow commands, which GitHub shows as annotations
// on the lines of a pull request.
func writeGitHub(w io.Writer, lang model.Lang, ds []Diagnostic) error {
	for _, d := range ds {
		props := "file=" + escapeProperty(d.Path)
		if d.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			props += fmt.Sprintf(",col=%d", d.Pos.Col)
		}
		props += ",title=" + escapeProperty("idebank "+string(d.Rule))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, props, escapeData(i18n.Render(lang, d.Msg))); err != nil {
			return err
		}
	}
	return nil
}

// writeMarkdown writes one list item per diagnostic. A file name can hold
// anything git allows, backticks and line breaks too: as a code span from
// ghmd.Code it cannot end the list or start markup.
func writeMarkdown(w io.Writer, lang model.Lang, ds []Diagnostic) error {
	for _, d := range ds {
		if _, err := fmt.Fprintf(w, "- %s **%s** %s %s\n", ghmd.Code(d.Location()), d.Severity,
			ghmd.Text(i18n.Render(lang, d.Msg)), ghmd.Code("["+string(d.Rule)+"]")); err != nil {
			return err
		}
	}
	return nil
}

// escapeData escapes the message of a workflow command, so that no text in
// it can end the command or start another.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
