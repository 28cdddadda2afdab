package i18n

func init() {
	for k, v := range editTexts {
		catalog[k] = v
	}
}

// editTexts are the texts of the commands that write idea files: idebank
// new and idebank advance.
var editTexts = map[string]Text{
	"cli.new-usage": {`Användning: idebank new [flaggor]

Skapar en ny idéfil under ideas/ från mallen för idéns typ, med nästa lediga id
och dagens datum. Saknas något och programmet körs i en terminal frågar det efter
det; annars måste allt som krävs anges som flaggor.

  --kind TYP          improvement, incident, deviation eller problem (krävs)
  --title RUBRIK      idéns rubrik, högst 120 tecken (krävs)
  --unit ID           enheten, id eller namn från idebank.yaml (krävs)
  --name NAMN         ditt namn (krävs, om du inte anger --anonymous)
  --anonymous         lämna idén anonymt: inget namn sparas eller publiceras
  --github LOGIN      ditt GitHub-användarnamn (valfritt)
  --tags A,B          taggar, med små bokstäver (valfritt)
  --today ÅÅÅÅ-MM-DD  registrera idén som om det vore detta datum
  -C MAPP             kör i MAPP i stället för den aktuella mappen
`, `Usage: idebank new [flags]

Creates a new idea file under ideas/ from the template of the idea's kind, with
the next free id and today's date. Where something is missing and the program
runs in a terminal it asks for it; otherwise everything required must be given
as flags.

  --kind KIND         improvement, incident, deviation or problem (required)
  --title TITLE       the idea's title, at most 120 characters (required)
  --unit ID           the unit, an id or name from idebank.yaml (required)
  --name NAME         your name (required, unless you give --anonymous)
  --anonymous         submit the idea anonymously: no name is kept or published
  --github LOGIN      your GitHub login (optional)
  --tags A,B          tags, in lowercase (optional)
  --today YYYY-MM-DD  submit the idea as if it were this date
  -C DIR              run in DIR instead of the current folder
`},
	"cli.advance-usage": {`Användning: idebank advance ID --to STEG [flaggor]

Flyttar idén med id ID till steget STEG: ändrar stage och lägger till de avsnitt
och fält som steget kräver, med dagens datum och ditt användarnamn. Det du själv
måste skriva lämnas tomt, och programmet säger vad som återstår. Resten av filen
lämnas precis som den var.

  --to STEG           steget att flytta till (krävs), till exempel developing
  --by LOGIN          ditt GitHub-användarnamn, som skrivs i by (standard: $GITHUB_ACTOR)
  --today ÅÅÅÅ-MM-DD  datera steget med detta datum i stället för i dag
  -C MAPP             kör i MAPP i stället för den aktuella mappen
`, `Usage: idebank advance ID --to STAGE [flags]

Moves the idea with id ID to the stage STAGE: changes stage and adds the sections
and fields the step requires, with today's date and your login. What you must
write yourself is left empty, and the program says what remains. The rest of the
file is left exactly as it was.

  --to STAGE          the stage to move to (required), for example developing
  --by LOGIN          your GitHub login, written in by (default: $GITHUB_ACTOR)
  --today YYYY-MM-DD  date the step with this date instead of today
  -C DIR              run in DIR instead of the current folder
`},

	// idebank new.
	"cli.new-bad-kind":         {"okänd typ %q: välj %v", "unknown kind %q: choose %v"},
	"cli.new-bad-title":        {"rubriken måste vara 1–%d tecken på en rad", "the title must be 1–%d characters on one line"},
	"cli.new-anonymous-name":   {"en anonym idé sparar varken namn eller GitHub-användarnamn: ange antingen --anonymous eller --name/--github", "an anonymous idea keeps neither a name nor a GitHub login: give either --anonymous or --name/--github"},
	"cli.bad-login":            {"%q är inget GitHub-användarnamn: bara bokstäver, siffror och bindestreck", "%q is not a GitHub login: letters, digits and hyphens only"},
	"cli.new-bad-tag":          {"taggen %q är för lång: högst %d tecken på en rad", "the tag %q is too long: at most %d characters on one line"},
	"cli.new-missing":          {"uppgifter saknas: %v. Ange dem som flaggor, eller kör idebank new i en terminal så frågar programmet efter dem", "missing: %v. Give them as flags, or run idebank new in a terminal and the program asks for them"},
	"cli.new-name-flag":        {"--name (eller --anonymous)", "--name (or --anonymous)"},
	"cli.new-exists":           {"%s finns redan: idebank new skriver aldrig över en fil", "%s exists already: idebank new never overwrites a file"},
	"cli.new-no-template":      {"mallen %s saknas eller går inte att läsa; den behövs för en idé av typen %s", "the template %s is missing or cannot be read; it is needed for an idea of the kind %s"},
	"cli.new-created":          {"Skapade %s (id %s)", "Created %s (id %s)"},
	"cli.new-similar":          {"Liknande idéer finns redan. Är det samma idé, stöd hellre den som finns i dess diskussion:", "Similar ideas are in the bank already. If it is the same idea, rather support the one there in its discussion:"},
	"cli.new-similar-idea":     {"  %s %s (%v)", "  %s %s (%v)"},
	"cli.new-next":             {"Nästa steg: skriv din idé under rubrikerna och öppna en pull request.", "Next step: write your idea under the headings and open a pull request."},
	"cli.new-empty-body":       {"Tills du har skrivit texten säger idebank check att idén saknar text [empty-body]; resten av filen klarar kontrollen.", "Until you have written the text, idebank check says the idea has no text [empty-body]; the rest of the file passes the check."},
	"cli.new-other-errors":     {"Filen har också de här felen; rätta dem innan du öppnar en pull request:", "The file also has these errors; correct them before you open a pull request:"},
	"cli.new-ask-kind":         {"Vilken sorts idé är det?", "What kind of idea is it?"},
	"cli.new-ask-unit":         {"Vilken enhet gäller idén?", "Which unit is the idea about?"},
	"cli.new-option":           {"  %d. %s (%s)", "  %d. %s (%s)"},
	"cli.new-ask-choice":       {"Välj 1–%d: ", "Choose 1–%d: "},
	"cli.new-retry-choice":     {"Svara med en siffra från 1 till %d.", "Answer with a number from 1 to %d."},
	"cli.new-ask-title":        {"Rubrik, på en rad (högst %d tecken): ", "Title, on one line (at most %d characters): "},
	"cli.new-ask-name":         {"Ditt namn (lämna tomt för att vara anonym): ", "Your name (leave empty to be anonymous): "},
	"cli.new-ask-anonymous":    {"Lämna idén anonymt? Då sparas och publiceras inget namn. [j/N]: ", "Submit the idea anonymously? Then no name is kept or published. [y/N]: "},
	"cli.new-yes":              {"j", "y"},
	"cli.new-aborted":          {"avbrutet: svaren tog slut innan allt var angivet", "aborted: the answers ran out before everything was given"},
	"cli.new-personal-warning": {"Allt i filen publiceras öppet: skriv inte namn på andra personer, personnummer eller uppgifter om någons hälsa.", "Everything in the file is published openly: do not write other people's names, personal identity numbers or anything about someone's health."},

	// idebank advance.
	"cli.advance-no-id":          {"ange idéns id, till exempel: idebank advance 2026-007 --to developing", "give the idea's id, for example: idebank advance 2026-007 --to developing"},
	"cli.advance-bad-id":         {"%q är inget id: skriv år, bindestreck och löpnummer, till exempel 2026-007", "%q is not an id: write the year, a hyphen and the number, for example 2026-007"},
	"cli.advance-no-to":          {"ange steget att flytta till med --to, till exempel --to developing", "give the stage to move to with --to, for example --to developing"},
	"cli.advance-not-found":      {"det finns ingen idé med id %s under ideas/", "there is no idea with id %s under ideas/"},
	"cli.advance-duplicate":      {"id %s används av flera filer (%v): rätta det först", "id %s is used by several files (%v): correct that first"},
	"cli.advance-unreadable":     {"%s går inte att läsa som en idé; rätta felen först:", "%s cannot be read as an idea; correct the errors first:"},
	"cli.advance-no-stage":       {"%s saknar ett giltigt steg (stage): rätta det först", "%s has no valid stage: correct that first"},
	"cli.advance-may-not-sign":   {"%s får inte ta steget %s → %s: det krävs %v för enheten %s. De som får: %v. Ange en av dem med --by", "%s may not take the step %s → %s: it takes %v for the unit %s. Those who may: %v. Give one of them with --by"},
	"cli.advance-unknown-signer": {"%q finns inte bland people i idebank.yaml, och steget %s → %s kräver %v för enheten %s. De som får: %v. Ange en av dem med --by", "%q is not among the people in idebank.yaml, and the step %s → %s takes %v for the unit %s. Those who may: %v. Give one of them with --by"},
	"cli.advance-bad-stage":      {"okänt steg %q; från %s kan idén gå till: %v", "unknown stage %q; from %s the idea can go to: %v"},
	"cli.advance-too-early":      {"steget kan inte dateras %s, före %[3]s (%[2]s) i idéns fil. Ange stegets dag med --today, tidigast %[2]s", "the step cannot be dated %s, before %[3]s (%[2]s) in the idea's file. Give the step's day with --today, %[2]s or later"},
	"cli.advance-final":          {"idén är i slutsteget %s och kan inte flyttas vidare", "the idea is at the final stage %s and cannot move on"},
	"cli.advance-same":           {"idén är redan i steget %s; härifrån kan den gå till: %v", "the idea is at the stage %s already; from here it can go to: %v"},
	"cli.advance-no-step":        {"%s → %s är inget steg i processen; från %[1]s kan idén gå till: %[3]v", "%s → %s is not a step of the process; from %[1]s the idea can go to: %[3]v"},
	"cli.advance-stage":          {"%s (%v)", "%s (%v)"},
	"cli.advance-cannot-edit":    {"%s kan inte ändras automatiskt, eftersom %v: gör ändringen för hand", "%s cannot be changed automatically, because %v: make the change by hand"},
	"cli.advance-why-form":       {"värdet är skrivet på ett sätt som inte går att ändra säkert på plats (till exempel över flera rader, eller med tecknen !! eller &)", "the value is written in a way that cannot be changed safely in place (for example over several lines, or with the marks !! or &)"},
	"cli.advance-why-shape":      {"fältet innehåller något annat än en grupp av fält", "the field holds something other than a group of fields"},
	"cli.advance-done":           {"%s flyttades från %s till %s i %s:", "%s moved from %s to %s in %s:"},
	"cli.advance-changed":        {"  ändrat    %s: %s → %s", "  changed   %s: %s → %s"},
	"cli.advance-added":          {"  tillagt   %s: %s", "  added     %s: %s"},
	"cli.advance-added-group":    {"  tillagt   %s (%s)", "  added     %s (%s)"},
	"cli.advance-removed":        {"  borttaget %s (var %s)", "  removed   %s (was %s)"},
	"cli.advance-empty":          {"(tomt)", "(empty)"},
	"cli.advance-kept":           {"Kvar från tidigare, se över om det fortfarande stämmer: %v", "Kept from before, check that it still holds: %v"},
	"cli.advance-no-login":       {"obs: inget användarnamn angavs (--by eller GITHUB_ACTOR), så by lämnades tomt", "note: no login was given (--by or GITHUB_ACTOR), so by was left empty"},
	"cli.advance-todo":           {"Fyll i det här innan du öppnar en pull request:", "Fill this in before you open a pull request:"},
	"cli.advance-clean":          {"Filen klarar idebank check.", "The file passes idebank check."},
}
