package i18n

func init() {
	for k, v := range formTexts {
		catalog[k] = v
	}
}

// formTexts are the texts of the GitHub issue forms (package issueform)
// and of idebank gen.
var formTexts = map[string]Text{
	// The forms' fixed questions. A label is also what the form's answer is
	// found by in the issue: changing one changes the forms (idebank gen
	// github), and issues opened before still read in the other language only.
	"idea.form.unit.label":       {"Förvaltning", "Unit"},
	"idea.form.unit.description": {"Vilken förvaltning gäller idén? Välj den du själv arbetar i om du är osäker.", "Which unit does the idea concern? Choose the one you work in if you are unsure."},
	"idea.form.tags.label":       {"Taggar", "Tags"},
	"idea.form.tags.description": {"Frivilligt: några nyckelord som gör idén lättare att hitta, åtskilda med kommatecken.", "Optional: a few keywords that make the idea easier to find, separated by commas."},
	"idea.form.tags.placeholder": {"lokaler, digitalisering", "premises, digitalisation"},
	"idea.form.name.label":       {"Ditt namn", "Your name"},
	"idea.form.name.description": {"Så som det ska stå på webbplatsen. Lämna tomt för att använda namnet i din GitHub-profil – och lämna det tomt om du vill vara anonym.", "As it is to be shown on the site. Leave it empty to use the name in your GitHub profile – and leave it empty if you want to be anonymous."},
	"idea.form.anonymous.label":  {"Anonymitet", "Anonymity"},
	"idea.form.anonymous.description": {
		"Kryssar du i rutan publiceras ditt namn aldrig: varken i idéfilen, på webbplatsen eller i rapporterna. " +
			"Men observera: ärendet skapas från ditt GitHub-konto, och ditt användarnamn syns vid ärendet för alla som kan se repot, " +
			"precis som allt du skriver här. Det går inte att dölja. Är det viktigt att ingen ska kunna koppla idén till dig? " +
			"Stäng då formuläret och be %v att lämna in idén åt dig.",
		"If you tick the box, your name is never published: not in the idea file, not on the site, not in the reports. " +
			"But note: the issue is opened from your GitHub account, and your user name shows at the issue to anyone who can see the repository, " +
			"just as everything you write here does. That cannot be hidden. If it matters that nobody can link the idea to you, " +
			"close the form and ask %v to submit the idea on your behalf.",
	},
	"idea.form.anonymous.option": {"Jag vill vara anonym: mitt namn ska inte publiceras", "I want to be anonymous: my name must not be published"},

	// The forms' text around the questions.
	"idea.form.title-hint": {"Skriv en kort rubrik i titelfältet ovan, efter **%s**. Rubriken blir idéns titel (högst %d tecken).", "Write a short heading in the title field above, after **%s**. It becomes the idea's title (at most %d characters)."},
	"idea.form.privacy": {
		"**Tänk på integriteten.** Allt du skriver i formuläret syns för alla som kan se repot och publiceras på Idébankens webbplats. " +
			"Skriv inte namn på andra personer, personnummer eller uppgifter om någons hälsa, och beskriv inte invånare, brukare, elever eller kollegor så att de kan kännas igen.",
		"**Mind privacy.** Everything you write in the form is visible to anyone who can see the repository and is published on Idébanken's site. " +
			"Do not write other people's names, personal identity numbers or anything about anyone's health, and do not describe residents, clients, pupils or colleagues so that they can be recognised.",
	},
	"idea.form.next":      {"**Vad händer sedan?** När du skickar formuläret registreras idén i Idébanken. Den bedöms mot kriterierna av %v, som ger dig återkoppling med en motivering inom %d dagar. Du följer idén, och kan diskutera den, här i ärendet.", "**What happens next?** When you submit the form, the idea is registered in Idébanken. It is screened against the criteria by %v, who gives you feedback with a justification within %d days. You follow the idea, and can discuss it, here in the issue."},
	"idea.form.read-more": {"[Så går det till](%s)", "[How it works](%s)"},

	"idea.form.describe.improvement": {"Föreslå en förbättring eller en ny idé för verksamheten.", "Suggest an improvement or a new idea for the organisation."},
	"idea.form.describe.incident":    {"Något hade kunnat leda till skada men gjorde det inte: hjälp oss förebygga att det händer igen.", "Something could have caused harm but did not: help prevent it from happening again."},
	"idea.form.describe.deviation":   {"Något blev inte som det var beslutat, planerat eller förväntat.", "Something did not turn out as decided, planned or expected."},
	"idea.form.describe.problem":     {"Ett problem du inte har någon lösning på – det kan tas vidare till en nytänkandeverkstad.", "A problem you have no solution for – it may be taken on in an innovation workshop."},

	"idea.form.contact.name":  {"Så fungerar Idébanken", "How Idébanken works"},
	"idea.form.contact.about": {"Processen, kriterierna och vem som gör vad, på Idébankens webbplats.", "The process, the criteria and who does what, on Idébanken's site."},

	// What keeps the forms from being made.
	"idea.form.no-template":     {"mallen %s saknas: varje typ av idé behöver en mall i templates/", "the template %s is missing: every kind of idea needs a template in templates/"},
	"idea.form.no-sections":     {"mallen %s har inga rubriker som börjar med ”## ”: formuläret frågar efter en rubrik i taget", "the template %s has no headings starting with \"## \": the form asks for one heading at a time"},
	"idea.form.bad-heading":     {"mallen %s: rubriken %q behöver minst en bokstav eller siffra", "the template %s: the heading %q needs at least one letter or digit"},
	"idea.form.duplicate-field": {"mallen %s: rubriken %q finns två gånger, eller är samma som en av formulärets fasta frågor (förvaltning, taggar, namn, anonymitet)", "the template %s: the heading %q appears twice, or is the same as one of the form's fixed questions (unit, tags, name, anonymity)"},
	"idea.form.no-units":        {"idebank.yaml har inga förvaltningar (units) att välja bland", "idebank.yaml has no units to choose from"},
	"idea.form.unit-no-name":    {"en förvaltning i idebank.yaml saknar namn (name)", "a unit in idebank.yaml has no name"},
	"idea.form.unit-reserved":   {"förvaltningen får inte heta %q i idebank.yaml: GitHub använder ordet för ”inget val”", "a unit cannot be named %q in idebank.yaml: GitHub uses the word for \"no choice\""},
	"idea.form.unit-twice":      {"två förvaltningar i idebank.yaml heter %q: ge dem olika namn, så att de går att skilja åt i formuläret", "two units in idebank.yaml are named %q: give them different names, so that the form can tell them apart"},

	// What is wrong with the answers of a form.
	"idea.form.no-unit":       {"ingen förvaltning är vald", "no unit is chosen"},
	"idea.form.unknown-unit":  {"förvaltningen %q finns inte i idebank.yaml", "the unit %q is not in idebank.yaml"},
	"idea.form.empty-section": {"avsnittet ”%s” är inte ifyllt", "the section \"%s\" is not filled in"},
	"idea.form.tag-too-long":  {"taggen %q är längre än %d tecken och togs inte med", "the tag %q is longer than %d characters and was left out"},

	// idebank gen.
	"cli.gen-usage": {`Användning: idebank gen github [flaggor]

Skriver GitHub-formulären för nya idéer (.github/ISSUE_TEMPLATE) utifrån
idebank.yaml och mallarna i templates/: ett formulär per typ av idé och
config.yml. Formulär som programmet skrivit förut men som inte längre behövs
tas bort; andra filer i mappen lämnas orörda. Kör kommandot och checka in
filerna varje gång du ändrar förvaltningarna, språket eller en mall.

Flaggor:
  --check    skriv ingenting; avsluta med status 1 och lista filerna om de
             skiljer sig från det som skulle skrivas (för CI)
  -C MAPP    idébanken som ska användas (standard: den aktuella mappen)

Slutstatus: 0 klart (eller aktuellt), 1 formulären är inte aktuella, 2 kunde inte köras.
`, `Usage: idebank gen github [flags]

Writes the GitHub forms for new ideas (.github/ISSUE_TEMPLATE) from
idebank.yaml and the templates in templates/: one form per kind of idea,
and config.yml. Forms the program wrote before that are no longer needed
are removed; other files in the folder are left alone. Run the command and
commit the files whenever you change the units, the language or a template.

Flags:
  --check    write nothing; exit with status 1 and list the files if they
             differ from what would be written (for CI)
  -C DIR     the idea bank to use (default: the current folder)

Exit status: 0 done (or up to date), 1 the forms are not up to date, 2 could not run.
`},
	"cli.gen-target":      {"säg vad som ska skapas: idebank gen github", "say what to generate: idebank gen github"},
	"cli.gen-unknown":     {"kan inte skapa %q: det som finns är github", "cannot generate %q: what there is, is github"},
	"cli.gen-config":      {"idebank.yaml har fel; rätta dem först (se idebank check)", "idebank.yaml has errors; correct them first (see idebank check)"},
	"cli.gen-wrote":       {"skrev %s", "wrote %s"},
	"cli.gen-removed":     {"tog bort %s", "removed %s"},
	"cli.gen-done":        {"Formulären i %s är aktuella (%v)", "The forms in %s are up to date (%v)"},
	"cli.gen-differs":     {"skiljer sig: %s", "differs: %s"},
	"cli.gen-missing":     {"saknas: %s", "missing: %s"},
	"cli.gen-stale":       {"ska tas bort: %s", "to be removed: %s"},
	"cli.gen-out-of-date": {"Formulären i %s är inte aktuella. Kör idebank gen github och checka in filerna", "The forms in %s are not up to date. Run idebank gen github and commit the files"},
	"cli.files.one":       {"%d fil", "%d file"},
	"cli.files.other":     {"%d filer", "%d files"},
}
