package i18n

func init() {
	for k, v := range githubTexts {
		catalog[k] = v
	}
}

// githubTexts are what the GitHub commands (notify, intake, remind) say on
// the command line and in the job summary.
var githubTexts = map[string]Text{
	"cli.notified-step":   {"%s: idégivaren är informerad om steget till %s i ärende #%d", "%s: the submitter is told of the step to %s in issue #%d"},
	"cli.notify-bad-days": {"--days %d: ange ett antal dagar, 0 eller fler (0 läser hela historiken)", "--days %d: give a number of days, 0 or more (0 reads the whole history)"},
	"cli.notify-shallow":  {"historiken är ofullständig (en grund kloning): steg före den hämtade historiken kan inte berättas. Hämta hela historiken (fetch-depth: 0 i actions/checkout)", "the history is incomplete (a shallow clone): steps before the fetched history cannot be told. Fetch the whole history (fetch-depth: 0 in actions/checkout)"},
	"cli.remind-reopened": {"Ärende #%d är öppnat igen: %d idéer väntar för länge", "Issue #%d is open again: %d ideas wait too long"},
	"cli.remind-closed":   {"Ärende #%d är stängt: inget väntar för länge", "Issue #%d is closed: nothing waits too long"},
}
