package cli

import (
	"errors"
	htmltemplate "html/template"
	"regexp"
	"strings"
	"text/template"

	"github.com/idebanken/idebanken/internal/i18n"
)

// templatePlace is where Go's template engine says a fault is, and what it
// says of it: "template: idea.html:3:12: executing "main" at <.X>: …" or
// "html/template:idea.html:3:16: no such template …".
var templatePlace = regexp.MustCompile(`(?:html/)?template: ?([^:\s]+\.html):(\d+)(?::\d+)?: (?:executing "[^"]*" at )?(.*)$`)

// templateStart is where the engine's words start in an error.
var templateStart = regexp.MustCompile(`(?:html/)?template: ?`)

// themeMessage says what is wrong with the idea bank's own theme, from an
// error of Go's template engine: the layout's file and line in the
// catalogue's words, and the engine's own (Go's, in English) only as a
// quoted detail, for whoever writes the theme.
func themeMessage(err error) (i18n.Message, bool) {
	var ue *i18n.Error
	var exec template.ExecError
	var esc *htmltemplate.Error
	parsing := errors.As(err, &ue) && ue.Msg.Key == "cli.theme-template"
	if !parsing && !errors.As(err, &exec) && !errors.As(err, &esc) {
		return i18n.Message{}, false
	}
	text := err.Error()
	if parsing && ue.Err != nil {
		text = ue.Err.Error()
	}
	// The page being built, where it was: "idea/2026-001/index.html: template: …".
	page := ""
	if loc := templateStart.FindStringIndex(text); loc != nil && loc[0] > 0 {
		page = strings.TrimSuffix(strings.TrimSuffix(text[:loc[0]], " "), ":")
		if j := strings.LastIndex(page, ": "); j >= 0 {
			page = page[j+2:]
		}
	}
	m := templatePlace.FindStringSubmatch(text)
	if m == nil {
		return i18n.M("cli.theme-failed", page, text), true
	}
	file, line, detail := "site/layouts/"+m[1], m[2], m[3]
	if parsing || page == "" {
		return i18n.M("cli.theme-parse", file, line, detail), true
	}
	return i18n.M("cli.theme-execute", file, line, page, detail), true
}
