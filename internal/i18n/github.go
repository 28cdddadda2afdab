package i18n

func init() {
	for k, v := range githubTexts {
		catalog[k] = v
	}
}

// githubTexts are what the GitHub commands (notify, intake, remind) say on
// the command line and in the job summary.
var githubTexts = map[string]Text{
	"cli.remind-reopened": {"Ärende #%d är öppnat igen: %d idéer väntar för länge", "Issue #%d is open again: %d ideas wait too long"},
	"cli.remind-closed":   {"Ärende #%d är stängt: inget väntar för länge", "Issue #%d is closed: nothing waits too long"},
}
