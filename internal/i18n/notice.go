package i18n

func init() {
	for k, v := range noticeTexts {
		catalog[k] = v
	}
}

// noticeTexts are what Idébanken says on GitHub.
var noticeTexts = map[string]Text{
	"notice.actors": {"%v", "%v"},

	"notice.pr.title":       {"Idébanken: kontroll av ändringen", "Idébanken: check of the change"},
	"notice.pr.does":        {"Vad ändringen gör", "What the change does"},
	"notice.pr.no-ideas":    {"Ändringen rör ingen idé.", "The change touches no idea."},
	"notice.pr.approve":     {"Vem som ska göra eller godkänna stegen", "Who must make or approve the steps"},
	"notice.pr.who":         {"%s för %s (%s)", "%s for %s (%s)"},
	"notice.pr.approved-by": {"klart: %s", "done: %s"},
	"notice.pr.waiting":     {"väntar: ingen av dem har skrivit eller godkänt ändringen än", "waiting: none of them has made or approved the change yet"},
	"notice.pr.no-errors":   {"Inga fel: ändringen följer processen.", "No errors: the change follows the process."},
	"notice.pr.missing":     {"Det här behöver rättas (%d)", "This needs correcting (%d)"},
	"notice.pr.warnings":    {"Varningar (%d), som inte stoppar ändringen", "Warnings (%d), which do not stop the change"},
	"notice.pr.footer":      {"Den här kommentaren uppdateras vid varje ändring och granskning.", "This comment is updated with every change and review."},

	"notice.change.added":      {"Ny idé %s registreras (%s).", "New idea %s is submitted (%s)."},
	"notice.change.step":       {"%s går från **%s** till **%s**.", "%s goes from **%s** to **%s**."},
	"notice.change.no-step":    {"%s ändras från %s till %s, vilket inte är ett steg i processen.", "%s changes from %s to %s, which is not a step of the process."},
	"notice.change.edited":     {"%s ändras, men steget är kvar: %s.", "%s is edited, and stays at %s."},
	"notice.change.deleted":    {"%s tas bort.", "%s is deleted."},
	"notice.change.unreadable": {"%s kan inte läsas.", "%s cannot be read."},

	"notice.step.moved":                {"Din idé %s har gått från %s till **%s**.", "Your idea %s has gone from %s to **%s**."},
	"notice.step.motivation":           {"Motivering", "Justification"},
	"notice.step.feedback":             {"Återkoppling från idéambassadören", "Feedback from the idea ambassador"},
	"notice.step.proposal":             {"Beslutsunderlaget", "The decision basis"},
	"notice.step.plan":                 {"Planen", "The plan"},
	"notice.step.effects":              {"Effekter", "Effects"},
	"notice.step.reason":               {"Skäl", "Reason"},
	"notice.step.read":                 {"Läs mer och följ idén:", "Read more and follow the idea:"},
	"notice.similar.title":             {"Liknande idéer som redan finns, för %s", "Similar ideas already in the bank, for %s"},
	"notice.similar.hint":              {"Är det samma idé? Stöd då den som redan finns i dess diskussion. Idéambassadören kan registrera den nya som en dubblett (screening.duplicate_of), så räknas den som stöd för den tidigare.", "Is it the same idea? Then support the one already in the bank in its discussion. The idea ambassador can record the new one as a duplicate (screening.duplicate_of), and it counts as support for the earlier one."},
	"notice.step.duplicate-of":         {"Din idé är samma som idé %s, som redan finns i idébanken: följ den och stöd den i dess diskussion.", "Your idea is the same as idea %s, which the idea bank already holds: follow it and support it in its discussion."},
	"notice.step.duplicate-stage":      {"Din idé är samma som %s, som redan finns i idébanken och nu är i steget %s. Följ den och stöd den i dess diskussion: din idé räknas som stöd för den.", "Your idea is the same as %s, which the idea bank already holds and which is now at the stage %s. Follow it and support it in its discussion: your idea counts as support for it."},
	"notice.step.duplicate-page":       {"Den finns här: %s", "It is here: %s"},
	"notice.step.duplicate-discussion": {"Diskussionen: %s", "Its discussion: %s"},

	"notice.step.means.submitted":    {"Idén väntar på att en idéambassadör bedömer den.", "The idea waits for an idea ambassador to screen it."},
	"notice.step.means.developing":   {"Innovationsgruppen utvecklar idén vidare, tillsammans med dig, till ett beslutsunderlag.", "The innovation group develops the idea further, with you, into a decision basis."},
	"notice.step.means.quick-win":    {"Idén är en snabb vinst: en enhetschef kan besluta om den och genomföra den direkt.", "The idea is a quick win: a unit manager can decide on it and carry it out directly."},
	"notice.step.means.paused":       {"Idén är pausad och tas upp igen senare.", "The idea is paused and will be taken up again later."},
	"notice.step.means.rejected":     {"Idén kommer inte att genomföras. Tack för att du bidrog!", "The idea will not be carried out. Thank you for contributing!"},
	"notice.step.means.proposed":     {"Beslutsunderlaget är klart och går till förvaltningsledningen för beslut.", "The decision basis is ready and goes to management for a decision."},
	"notice.step.means.approved":     {"Ledningen har beslutat att genomföra idén och utsett en genomförare.", "Management has decided to carry out the idea and appointed an implementer."},
	"notice.step.means.planning":     {"Genomförandet planeras, tillsammans med dig.", "The implementation is being planned, with you."},
	"notice.step.means.implementing": {"Idén genomförs nu.", "The idea is being carried out now."},
	"notice.step.means.implemented":  {"Idén är genomförd och ska nu utvärderas.", "The idea is carried out and will now be evaluated."},
	"notice.step.means.evaluated":    {"Innovationen är utvärderad, och lärdomarna rapporteras till servicenämnden. Tack!", "The innovation is evaluated, and the lessons are reported to the service committee. Thank you!"},
	"notice.step.means.withdrawn":    {"Idén är återtagen.", "The idea is withdrawn."},

	"notice.intake.problems":     {"Tack för din idé! Innan den kan registreras behöver det här rättas:", "Thank you for your idea! Before it can be registered, this needs putting right:"},
	"notice.intake.edit":         {"Redigera ärendet (⋯ → Edit), så provar Idébanken igen.", "Edit the issue (⋯ → Edit), and Idébanken tries again."},
	"notice.intake.thanks":       {"Tack för din idé! Den är registrerad som **%s** och föreslås i #%d, där en idéambassadör granskar den. Du får besked här i ärendet vid varje steg, med motivering. Alla kan kommentera idén här.", "Thank you for your idea! It is registered as **%s** and proposed in #%d, where an idea ambassador reviews it. You are told here in the issue at every step, with a justification. Everyone can comment on the idea here."},
	"notice.intake.commit":       {"Registrerad från #%d med idebank intake.", "Submitted from #%d with idebank intake."},
	"notice.intake.pr":           {"Ny idé %s från #%d, registrerad med `idebank intake`.\n\nGranska filen och rätta det kontrollen pekar på; när den förs in får idégivaren besked i #%[2]d, som förblir idéns diskussion.", "New idea %s from #%d, submitted with `idebank intake`.\n\nReview the file and correct what the check points at; when it is merged the submitter is told in #%[2]d, which stays the idea's discussion."},
	"notice.remind.title":        {"Idébanken: det här väntar för länge", "Idébanken: what waits too long"},
	"notice.remind.intro":        {"Läget %s. Första återkoppling ska ges inom %d dagar från registreringen.", "As of %s. First feedback is due within %d days of submission."},
	"notice.remind.feedback":     {"Väntar på första återkoppling (%d)", "Waiting for first feedback (%d)"},
	"notice.remind.revisit":      {"Pausade som ska tas upp igen (%d)", "Paused ideas due to be taken up again (%d)"},
	"notice.remind.none":         {"Inget väntar för länge.", "Nothing waits too long."},
	"notice.remind.idea":         {"Idé", "Idea"},
	"notice.remind.unit":         {"Förvaltning", "Unit"},
	"notice.remind.submitted":    {"Registrerad", "Submitted"},
	"notice.remind.revisit-date": {"Skulle tas upp", "Due to be taken up"},
	"notice.remind.days":         {"Dagar", "Days"},
	"notice.remind.footer":       {"Den här listan uppdateras varje vecka av Idébanken. Den stängs när inget väntar för länge.", "This list is updated every week by Idébanken. It is closed when nothing waits too long."},
}
