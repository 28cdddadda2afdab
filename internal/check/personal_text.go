package check

import "github.com/idebanken/idebanken/internal/diag"

// PersonalIn reports which of the personal data that the check refuses in
// an idea's text s holds: a personal identity number, a phone number. It
// uses the check's own detector, so intake asks about what the check would
// refuse, before anything is committed.
func PersonalIn(s string) (pnr, phone bool) {
	scanPersonal(s, func(sev diag.Severity, key string) {
		switch key {
		case "lint.pnr":
			pnr = true
		case "lint.phone":
			phone = true
		}
	})
	return pnr, phone
}
