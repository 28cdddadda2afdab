package i18n

func init() {
	for k, v := range githubTexts {
		catalog[k] = v
	}
}

// githubTexts are what the GitHub commands (notify, intake, remind) say on
// the command line and in the job summary.
var githubTexts = map[string]Text{
	"cli.intake-refused":          {"ärende #%d: GitHub nekade att öppna pull requesten (%s). Repots inställningar behöver ändras: se kommentaren i ärendet och jobbets sammanfattning", "issue #%d: GitHub refused to open the pull request (%s). The repository's settings need changing: see the comment on the issue and the job summary"},
	"cli.intake-pnr":              {"%v verkar innehålla ett personnummer. Ärendet är offentligt, och idéfilen och webbplatsen blir det också: redigera ärendet och ta bort numret, så registreras idén utan det", "%v seems to hold a personal identity number. The issue is public, and the idea file and the site will be too: edit the issue and remove the number, and the idea is registered without it"},
	"cli.intake-phone":            {"%v verkar innehålla ett telefonnummer. Ärendet är offentligt, och idéfilen och webbplatsen blir det också: redigera ärendet och ta bort numret (idéambassadören når dig här i ärendet), så registreras idén utan det", "%v seems to hold a phone number. The issue is public, and the idea file and the site will be too: edit the issue and remove the number (the ambassador reaches you here in the issue), and the idea is registered without it"},
	"cli.intake-where-title":      {"Rubriken", "The title"},
	"cli.intake-where-tags":       {"Nyckelorden", "The tags"},
	"cli.intake-where-other":      {"Texten utanför formulärets frågor", "The text outside the form's questions"},
	"notice.intake.refused-title": {"Idébanken: pull requesten för ärende #%d kunde inte öppnas", "Idébanken: the pull request for issue #%d could not be opened"},
	"notice.intake.refused-actions": {"Tack för din idé! Den är sparad som **%s** på grenen %s, men pull requesten som en idéambassadör granskar kunde inte öppnas: repots inställningar tillåter inte GitHub Actions att skapa pull requests.\n\n" +
		"**Till en administratör av repot:** öppna *Settings → Actions → General* (%s), kryssa under *Workflow permissions* i **Allow GitHub Actions to create and approve pull requests** och spara. Är rutan grå bestäms den av organisationen: samma ruta under organisationens *Settings → Actions → General*. (En GitHub App för mottagningen fungerar också, se docs/github-setup.md.) Kör sedan arbetsflödet *intake* igen (*Re-run jobs*) eller redigera ärendet: idén föreslås då från samma gren, med samma nummer.\n\nGitHub svarade: %s",
		"Thank you for your idea! It is saved as **%s** on the branch %s, but the pull request that an idea ambassador reviews could not be opened: the repository's settings do not let GitHub Actions create pull requests.\n\n" +
			"**To an administrator of the repository:** open *Settings → Actions → General* (%s), tick **Allow GitHub Actions to create and approve pull requests** under *Workflow permissions* and save. If the box is greyed out, the organisation sets it: the same box under the organisation's *Settings → Actions → General*. (A GitHub App for the intake works too, see docs/github-setup.md.) Then run the *intake* workflow again (*Re-run jobs*) or edit the issue: the idea is then proposed from the same branch, with the same number.\n\nGitHub answered: %s"},
	"notice.intake.refused-token": {"Tack för din idé! Den är sparad som **%s** på grenen %s, men pull requesten som en idéambassadör granskar kunde inte öppnas: GitHub nekade arbetsflödets token (403).\n\n" +
		"**Till en administratör av repot:** arbetsflödet *intake* behöver rätten `pull-requests: write`, och under *Settings → Actions → General* (%s) ska *Workflow permissions* tillåta det (**Allow GitHub Actions to create and approve pull requests**). Kör sedan arbetsflödet igen (*Re-run jobs*) eller redigera ärendet: idén föreslås då från samma gren, med samma nummer.\n\nGitHub svarade: %s",
		"Thank you for your idea! It is saved as **%s** on the branch %s, but the pull request that an idea ambassador reviews could not be opened: GitHub refused the workflow's token (403).\n\n" +
			"**To an administrator of the repository:** the *intake* workflow needs the permission `pull-requests: write`, and under *Settings → Actions → General* (%s) *Workflow permissions* must allow it (**Allow GitHub Actions to create and approve pull requests**). Then run the workflow again (*Re-run jobs*) or edit the issue: the idea is then proposed from the same branch, with the same number.\n\nGitHub answered: %s"},
	"cli.notified-step":        {"%s: idégivaren är informerad om steget till %s i ärende #%d", "%s: the submitter is told of the step to %s in issue #%d"},
	"cli.notify-issue-refused": {"%s: ärende #%d går inte att skriva i (%s): idégivaren har inte fått besked. Öppna ärendet igen, lås upp det, eller rätta discussion i idéfilen; nästa körning berättar då", "%s: issue #%d cannot be written to (%s): the submitter has not been told. Reopen or unlock the issue, or correct discussion in the idea file; the next run then tells"},
	"cli.notify-bad-days":      {"--days %d: ange ett antal dagar, 0 eller fler (0 läser hela historiken)", "--days %d: give a number of days, 0 or more (0 reads the whole history)"},
	"cli.notify-shallow":       {"git-historiken är ofullständig (en grund klon): steg före den hämtade historiken kan inte berättas. Hämta hela historiken (fetch-depth: 0 i actions/checkout)", "the history is incomplete (a shallow clone): steps before the fetched history cannot be told. Fetch the whole history (fetch-depth: 0 in actions/checkout)"},
	"cli.remind-reopened":      {"Ärende #%d är öppnat igen: %v väntar för länge", "Issue #%d is open again: %v wait too long"},
	"cli.remind-closed":        {"Ärende #%d är stängt: inget väntar för länge", "Issue #%d is closed: nothing waits too long"},
}
