package check

import (
	"regexp"
	"strings"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Incidents and deviations may name the people involved. The repository and
// the site are public, so the check refuses what identifies a person beyond
// doubt. Messages never repeat what they found: CI logs are public too.

// personnummer: YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN and
// YYYYMMDDNNNN, with a space instead of the hyphen as people type it.
var pnrPattern = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)?[0-9]{6})[-+ ]?([0-9]{4})(?:$|[^0-9])`)

// Swedish phone numbers: 0 or +46 and 7 to 9 more digits, in groups as
// people write them (070-123 45 67, 08-123 456 78, +46 70 123 45 67).
var phonePattern = regexp.MustCompile(`(?:^|[^0-9+])((?:\+46|0046)[ -]?\(?0?\)?[ -]?[1-9]|0[1-9])((?:[ -]?[0-9]){6,8})(?:$|[^0-9])`)

var emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

// personalData reports personal identity numbers and phone numbers as
// errors, and e-mail addresses as warnings, in the idea's prose.
// The fields of prose are those the process gives the type text.
func personalData(flow *workflow.Flow, idea *model.Idea, out *diag.List) {
	for _, f := range flow.TextFields() {
		if t := idea.Value(f).Text; t != "" {
			scanPersonal(t, func(rule diag.Severity, key string) {
				report(out, idea.Path, idea.Fields.Lookup(f), rule, key, f)
			})
		}
	}
	for i, line := range strings.Split(idea.Body, "\n") {
		pos := model.Pos{Line: idea.BodyLine + i, Col: 1}
		scanPersonal(line, func(rule diag.Severity, key string) {
			report(out, idea.Path, pos, rule, key, "")
		})
	}
}

func report(out *diag.List, path string, pos model.Pos, sev diag.Severity, key, field string) {
	m := i18n.M(key + "-body")
	if field != "" {
		m = i18n.M(key, field)
	}
	out.Add(diag.Diagnostic{Path: path, Pos: pos, Severity: sev, Rule: diag.RulePersonalData, Msg: m})
}

func scanPersonal(s string, found func(diag.Severity, string)) {
	// Both numbers have at least eight digits and an address has an @:
	// counting first spares the patterns the text of nearly every line.
	if digits(s) >= 8 {
		if ContainsPersonalNumber(s) {
			found(diag.Error, "lint.pnr")
		}
		if phonePattern.MatchString(s) {
			found(diag.Error, "lint.phone")
		}
	}
	if strings.IndexByte(s, '@') >= 0 && emailPattern.MatchString(s) {
		found(diag.Warning, "lint.email")
	}
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// containsPersonal reports whether s holds a personal identity number or a
// phone number.
func containsPersonal(s string) bool {
	found := false
	scanPersonal(s, func(sev diag.Severity, _ string) { found = found || sev == diag.Error })
	return found
}

// ContainsPersonalNumber reports whether s holds a Swedish personal identity
// number or co-ordination number with a valid check digit.
func ContainsPersonalNumber(s string) bool {
	for _, m := range pnrPattern.FindAllStringSubmatch(s, -1) {
		date, tail := m[1], m[2]
		if len(date) == 8 {
			date = date[2:]
		}
		if validPersonalNumber(date + tail) {
			return true
		}
	}
	return false
}

// validPersonalNumber checks ten digits YYMMDDNNNC: a possible month and
// day (day+60 for a co-ordination number) and the Luhn check digit C.
func validPersonalNumber(d string) bool {
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	day := int(d[4]-'0')*10 + int(d[5]-'0')
	if day > 60 {
		day -= 60
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return false
	}
	sum := 0
	for i := 0; i < 10; i++ {
		n := int(d[i] - '0')
		if i%2 == 0 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}
