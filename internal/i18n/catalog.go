package i18n

// catalog holds every text, keyed by where it is used. Messages about a
// problem say what is wrong and how to put it right; field names and values
// that people type stay as they are written in the file.
var catalog = map[string]Text{
	"list.or":           {" eller ", " or "},
	"list.none":         {"ingen", "none"},
	"yaml.front-matter": {"uppgifterna överst i filen", "the fields at the top of the file"},

	// Reading a file.
	"file.too-large":       {"filen är %d kB; gränsen är %d kB. Korta texten eller lägg bilagor någon annanstans och länka till dem", "the file is %d kB; the limit is %d kB. Shorten the text, or keep attachments elsewhere and link to them"},
	"file.binary":          {"filen innehåller binära data (NUL-tecken), inte text. En idéfil ska vara Markdown-text sparad som UTF-8", "the file holds binary data (NUL bytes), not text. An idea file must be Markdown text saved as UTF-8"},
	"file.not-utf8":        {"filen är inte sparad som UTF-8 (tecknet här går inte att läsa). Spara om filen med teckenkodningen UTF-8", "the file is not saved as UTF-8 (the character here cannot be read). Save it again with the UTF-8 encoding"},
	"file.lone-cr":         {"fälten överst har ett radslut av ett slag som gamla Mac-program skrev (ett ensamt CR-tecken), så radnumren blir fel. Öppna filen i en texteditor, till exempel på github.com, och spara den igen: då får den vanliga radslut", "the fields at the top have a line ending of the kind old Mac programs wrote (a lone CR character), which puts line numbers wrong. Open the file in a text editor, for example on github.com, and save it again: it then gets ordinary line endings"},
	"file.empty":           {"filen är tom. Börja från en mall i templates/ eller använd `idebank new`", "the file is empty. Start from a template in templates/ or use `idebank new`"},
	"file.no-front-matter": {"filen måste börja med en rad med bara `---`, sedan fälten (id, title, …), sedan en till rad `---` och därefter texten", "the file must start with a line holding only `---`, then the fields (id, title, …), then another `---` line and then the text"},
	"file.unclosed":        {"fälten överst avslutas aldrig: lägg till en rad med bara `---` efter dem, före texten", "the fields at the top are never closed: add a line holding only `---` after them, before the text"},
	"file.not-mapping":     {"fälten överst måste vara rader av formen `namn: värde`, inte en lista eller en ensam text", "the fields at the top must be lines of the form `key: value`, not a list or a single text"},
	"file.symlink":         {"en symbolisk länk hör inte hemma under ideas/: lägg själva filen här", "a symbolic link does not belong under ideas/: put the file itself here"},
	"file.temp":            {"en tillfällig fil som ett avbrutet kommando lämnade efter sig: ta bort den (den är ingen idé), och lägg inte till den i git", "a temporary file that an interrupted command left behind: remove it (it is no idea), and do not add it to git"},
	"file.not-md":          {"bara idéfiler hör hemma under ideas/, med namnet ideas/<ÅÅÅÅ>/<id>-<namn>.md", "only idea files belong under ideas/, named ideas/<YYYY>/<id>-<slug>.md"},

	// YAML.
	"yaml.syntax":           {"raden går inte att läsa som fält. Skriv varje fält som `namn: värde` på en egen rad, dra in med mellanslag (inte tabb) och sätt en text som innehåller kolon eller citattecken inom citattecken", "the line cannot be read as fields. Write each field as `name: value` on a line of its own, indent with spaces (not tabs) and put a text that holds a colon or quotes in quotes"},
	"yaml.colon":            {"texten i %s innehåller ett kolon, och då tror programmet att ett nytt fält börjar. Sätt texten inom citattecken: %s", "the text of %s holds a colon, so the program takes it for the start of a new field. Put the text in quotes: %s"},
	"yaml.tab":              {"raden är indragen med tabb. Använd mellanslag i stället: två mellanslag för varje nivå", "the line is indented with a tab. Use spaces instead: two spaces for each level"},
	"yaml.indent":           {"raden är indragen %s, men fältet ovanför (%s på rad %d) är indraget %s: fält i samma grupp ska börja lika långt in. Ta bort eller lägg till mellanslag i början av raden", "the line is indented %s, but the field above it (%s on line %d) is indented %s: fields in the same group must start equally far in. Remove or add spaces at the start of the line"},
	"yaml.indent-left":      {"raden är indragen %s, men fältet ovanför (%s på rad %d) börjar längst till vänster, och ett fält på samma nivå ska också göra det. Ta bort mellanslagen i början av raden", "the line is indented %s, but the field above it (%s on line %d) starts at the left edge, and a field at the same level must too. Remove the spaces at the start of the line"},
	"yaml.indent-top":       {"raden är indragen %s, men den första raden ska börja längst till vänster: ta bort mellanslagen", "the line is indented %s, but the first line must start at the left edge: remove the spaces"},
	"yaml.spaces.one":       {"%d mellanslag", "%d space"},
	"yaml.spaces.other":     {"%d mellanslag", "%d spaces"},
	"yaml.unclosed-quote":   {"citattecknet %s här avslutas aldrig: sätt ett likadant citattecken i slutet av texten, på samma rad", "the quote %s here is never closed: put the same quote at the end of the text, on the same line"},
	"yaml.after-quote":      {"texten fortsätter efter det avslutande citattecknet. Sätt hela texten inom citattecken: %s", "the text goes on after the closing quote. Put the whole text in quotes: %s"},
	"yaml.list-item":        {"raden börjar med ett bindestreck som en punkt i en lista, men står inte under något fält med en lista. Flytta in den under listan den hör till (indragen under till exempel tags:), eller ta bort bindestrecket", "the line starts with a hyphen like an item of a list, but is not under any field that holds a list. Move it in under the list it belongs to (indented under, say, tags:), or remove the hyphen"},
	"yaml.list-then-field":  {"ett fält står efter en lista på samma nivå som listans punkter. Dra in listan under ett fält (som tags:), eller sätt fältet före listan", "a field comes after a list, at the level of the list's items. Indent the list under a field (such as tags:), or put the field before the list"},
	"yaml.no-colon":         {"raden saknar kolon. Skriv den som `namn: värde`, eller, om den fortsätter texten på raden ovanför, dra in den och sätt hela texten inom citattecken", "the line has no colon. Write it as `name: value`, or, if it goes on with the text of the line above, indent it and put the whole text in quotes"},
	"yaml.reserved":         {"ett värde kan inte börja med %s utan citattecken. Sätt värdet inom citattecken: %s (ett GitHub-användarnamn skrivs utan @)", "a value cannot start with %s without quotes. Put the value in quotes: %s (a GitHub login is written without @)"},
	"yaml.unclosed-bracket": {"tecknet %s här stängs aldrig: avsluta med %s på samma rad", "the bracket %s here is never closed: end it with %s on the same line"},
	"yaml.alias":            {"alias (%s) och ankare används inte i idéfiler: skriv ut värdet", "aliases (%s) and anchors are not used in idea files: write the value out"},
	"yaml.want-mapping":     {"%v ska innehålla fält av formen `namn: värde`, men är %v", "%v must hold fields of the form `key: value`, but is %v"},
	"yaml.key-not-text":     {"ett fältnamn måste vara ett enkelt ord, som `title`", "a key must be a plain word, such as `title`"},
	"yaml.duplicate":        {"fältet %q står två gånger i %v (första gången på rad %d): ta bort den ena raden", "the field %q appears twice in %v (first on line %d): remove one of the lines"},
	"yaml.unknown-suggest":  {"okänt fält %q i %v: menade du %q?", "unknown field %q in %v: did you mean %q?"},
	"yaml.unknown":          {"okänt fält %q i %v. Tillåtna fält här: %v", "unknown field %q in %v. Fields allowed here: %v"},
	"yaml.want-text":        {"%v ska vara en text, men är %v", "%v must be a text, but is %v"},
	"yaml.bool-as-text":     {"%v ska vara en text, men %s tolkas som sant/falskt: sätt citattecken runt värdet", "%v must be a text, but %s is read as true/false: put quotes around the value"},
	"yaml.want-bool":        {"%v ska vara true eller false, men är %v", "%v must be true or false, but is %v"},
	"yaml.want-int":         {"%v ska vara ett heltal (utan mellanslag eller decimaler), men är %v", "%v must be a whole number (no spaces or decimals), but is %v"},
	"yaml.want-date":        {"%v ska vara ett datum som 2026-03-02, men är %v", "%v must be a date such as 2026-03-02, but is %v"},
	"yaml.bad-date":         {"%v: %q är inget riktigt datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2026-03-02", "%v: %q is not a real date. Write YYYY-MM-DD, for example 2026-03-02"},
	"yaml.want-list":        {"%v ska vara en lista, men är %v: skriv [%s]", "%v must be a list, but is %v: write [%s]"},
	"yaml.enum-suggest":     {"%q är inte tillåtet i %v: menade du %q? Tillåtna värden: %v", "%q is not allowed in %v: did you mean %q? Allowed values: %v"},
	"yaml.enum-name":        {"%q är ett namn på %s; i filen ska id:t stå: skriv %s: %s", "%q is a name of %s; the file holds the id: write %s: %s"},
	"yaml.enum":             {"%q är inte tillåtet i %v. Tillåtna värden: %v", "%q is not allowed in %v. Allowed values: %v"},
	"yaml.empty-item":       {"%v innehåller ett tomt värde: ta bort det eller fyll i det", "%v holds an empty value: remove it or fill it in"},
	"yaml.kind.mapping":     {"en grupp av fält", "a group of fields"},
	"yaml.kind.list":        {"en lista", "a list"},
	"yaml.kind.alias":       {"ett alias", "an alias"},
	"yaml.kind.null":        {"tomt", "empty"},

	// The values of an idea.
	"idea.id-format":     {"id %q har fel form: skriv år, bindestreck och ett löpnummer med minst tre siffror, till exempel 2026-007", "id %q has the wrong form: write the year, a hyphen and a number of at least three digits, for example 2026-007"},
	"idea.value-range":   {"%s ska vara ett heltal från %[3]d till %[4]d (är %[2]d)", "%s must be a whole number from %[3]d to %[4]d (is %[2]d)"},
	"idea.cost-negative": {"kostnaden kan inte vara negativ (%d): skriv kostnaden i kronor", "the cost cannot be negative (%d): write the cost in SEK"},

	// One idea.
	"lint.required":             {"fältet %q saknas: alla idéer måste ha id, title, kind, stage, submitted, submitter och unit", "the field %q is missing: every idea must have id, title, kind, stage, submitted, submitter and unit"},
	"lint.title-long":           {"rubriken har %d tecken; den får ha högst %d. Korta den och berätta resten i texten", "the title has %d characters; it may have at most %d. Shorten it and say the rest in the text"},
	"lint.title-lines":          {"rubriken måste stå på en rad", "the title must be on one line"},
	"lint.id-year":              {"id %s börjar inte med året då idén registrerades (%d): ett id börjar alltid med registreringsåret", "id %s does not start with the year the idea was submitted (%d): an id always starts with the year of submission"},
	"lint.file-name-want":       {"filen ligger fel: en idé med detta id ska heta %s", "the file is in the wrong place: an idea with this id must be named %s"},
	"lint.file-name":            {"filen ligger fel: en idé ska heta ideas/<ÅÅÅÅ>/<id>-<namn>.md, till exempel ideas/2026/2026-007-digital-felanmalan.md", "the file is in the wrong place: an idea must be named ideas/<YYYY>/<id>-<slug>.md, for example ideas/2026/2026-007-digital-felanmalan.md"},
	"lint.file-id":              {"id %s stämmer inte med filnamnet %s: byt namn på filen till %s eller rätta id", "id %s does not match the file name %s: rename the file to %s or correct the id"},
	"lint.file-year":            {"filen ligger i mappen %s men id:t är från %s: flytta den till %s", "the file is in the folder %s but its id is from %s: move it to %s"},
	"lint.anonymous-name":       {"idégivaren är anonym men har ett namn i filen: ta bort namnet, annars publiceras det", "the submitter is anonymous but has a name in the file: remove the name, or it is published"},
	"lint.anonymous-github":     {"idégivaren är anonym men har ett GitHub-användarnamn i filen: ta bort submitter.github, annars kan idén knytas till den som skrev den", "the submitter is anonymous but has a GitHub login in the file: remove submitter.github, or the idea can be tied to whoever wrote it"},
	"lint.submitter-name":       {"idégivaren saknar namn: skriv submitter.name, eller anonymous: true för en anonym idé", "the submitter has no name: write submitter.name, or anonymous: true for an anonymous idea"},
	"lint.login-form":           {"%q är inget GitHub-användarnamn: bara bokstäver, siffror och bindestreck", "%q is not a GitHub login: letters, digits and hyphens only"},
	"lint.unit-suggest":         {"enheten %q finns inte i idebank.yaml: menade du %q?", "the unit %q is not in idebank.yaml: did you mean %q?"},
	"lint.unit":                 {"enheten %q finns inte i idebank.yaml. Enheterna är: %v", "the unit %q is not in idebank.yaml. Units: %v"},
	"lint.url":                  {"%q är ingen webbadress: skriv hela adressen, med https://", "%q is not a web address: write the whole address, with https://"},
	"lint.tag-case":             {"taggen %q ska skrivas med små bokstäver: %q", "the tag %q must be written in lowercase: %q"},
	"lint.tag-form":             {"taggen %q är för lång eller innehåller radbrytningar: högst %d tecken på en rad", "the tag %q is too long or holds line breaks: at most %d characters on one line"},
	"lint.tag-twice":            {"taggen %q står två gånger", "the tag %q is there twice"},
	"lint.empty-body":           {"idén saknar text: beskriv under rubrikerna vad problemet är, vad du föreslår och vilken nytta det gör", "the idea has no text: describe under the headings what the problem is, what you propose and what good it does"},
	"lint.markdown-text":        {"texten är %d kB, mer än de %d kB som en idé kan visa: korta den, och länka till ett dokument med resten", "the text is %d kB, more than the %d kB an idea can show: shorten it, and link to a document with the rest"},
	"lint.markdown-line":        {"raden har %d tecken, fler än de %d som en rad kan ha: dela den i flera rader (en tom rad mellan styckena)", "the line has %d characters, more than the %d a line may have: split it into several lines (a blank line between paragraphs)"},
	"lint.markdown-depth":       {"raden lägger citat och listor %d nivåer djupt, fler än de %d som går att visa: ta bort några > eller listtecken, eller dra in raden mindre", "the line nests quotes and lists %d levels deep, more than the %d that can be shown: remove some > or list markers, or indent the line less"},
	"lint.markdown-openers":     {"texten har %d [ till och med den här raden, fler än de %d länkar, bilder och hakparenteser som går att visa: ta bort länkar eller hakparenteser", "the text has %d [ up to this line, more than the %d links, images and square brackets that can be shown: remove links or square brackets"},
	"lint.section-field":        {"%s saknas: avsnittet %s måste ha det", "%s is missing: the section %s must have it"},
	"lint.criteria":             {"utfallet %s kräver att kriterierna %v är uppfyllda (met: true); dessa är inte uppfyllda: %v. Välj ett annat utfall, eller ändra bedömningen", "the outcome %s needs the criteria %v met (met: true); not met: %v. Choose another outcome, or change the assessment"},
	"lint.revisit-outcome":      {"revisit hör till utfallet pause, men utfallet är %s: ta bort revisit", "revisit belongs with the outcome pause, but the outcome is %s: remove revisit"},
	"lint.implementer":          {"ett beslut att genomföra (approve) måste utse en genomförare: skriv decision.implementer med personens användarnamn", "a decision to approve must appoint an implementer: write decision.implementer with the person's login"},
	"lint.person-suggest":       {"%q finns inte bland people i idebank.yaml: menade du %q?", "%q is not among the people in idebank.yaml: did you mean %q?"},
	"lint.person":               {"%q finns inte bland people i idebank.yaml: lägg till personen där eller rätta användarnamnet", "%q is not among the people in idebank.yaml: add the person there or correct the login"},
	"lint.future":               {"%s (%s) ligger efter dagens datum %s: skriv datumet då steget togs", "%s (%s) is after today, %s: write the date the step was taken"},
	"lint.date-order":           {"%s (%s) är tidigare än %s (%s): ett steg kan inte dateras före steget innan", "%s (%s) is earlier than %s (%s): a step cannot be dated before the step before it"},
	"lint.feedback-due":         {"idén skulle ha fått sin första återkoppling senast %s: den har väntat %d dagar (gränsen är %d). En idéambassadör behöver bedöma den", "first feedback was due by %s: the idea has waited %d days (the limit is %d). An idea ambassador needs to screen it"},
	"lint.revisit-due":          {"idén pausades till %s: dags att ta upp den igen", "the idea was paused until %s: time to take it up again"},
	"lint.pnr":                  {"%s verkar innehålla ett personnummer: ta bort det, filen och webbplatsen är offentliga", "%s seems to hold a personal identity number: remove it, the file and the site are public"},
	"lint.pnr-body":             {"raden verkar innehålla ett personnummer: ta bort det, filen och webbplatsen är offentliga", "the line seems to hold a personal identity number: remove it, the file and the site are public"},
	"lint.phone":                {"%s verkar innehålla ett telefonnummer: ta bort det, filen och webbplatsen är offentliga", "%s seems to hold a phone number: remove it, the file and the site are public"},
	"lint.pnr-file":             {"filnamnet verkar innehålla ett personnummer: byt namn på filen (bara namnet efter id:t), filnamnet syns på webbplatsen och GitHub", "the file name seems to hold a personal identity number: rename the file (only the name after the id); the file name shows on the site and on GitHub"},
	"lint.phone-file":           {"filnamnet verkar innehålla ett telefonnummer: byt namn på filen (bara namnet efter id:t), filnamnet syns på webbplatsen och GitHub", "the file name seems to hold a phone number: rename the file (only the name after the id); the file name shows on the site and on GitHub"},
	"lint.phone-body":           {"raden verkar innehålla ett telefonnummer: ta bort det, filen och webbplatsen är offentliga", "the line seems to hold a phone number: remove it, the file and the site are public"},
	"lint.email":                {"%s innehåller en e-postadress; den publiceras inte på webbplatsen, men syns i filen", "%s holds an e-mail address; it is not published on the site, but is visible in the file"},
	"lint.email-body":           {"raden innehåller en e-postadress; den publiceras inte på webbplatsen, men syns i filen", "the line holds an e-mail address; it is not published on the site, but is visible in the file"},
	"lint.missing-section":      {"steget är %s, så avsnittet %s måste finnas (det läggs till i steget %v)", "the stage is %s, so the section %s must be there (it is added by the step %v)"},
	"lint.step":                 {"%s → %s", "%s → %s"},
	"lint.step-new":             {"ny idé → %s", "new idea → %s"},
	"lint.outcome":              {"%s.outcome är %s, men steget %s kräver %s: rätta utfallet eller steget", "%s.outcome is %s, but the stage %s needs %s: correct the outcome or the stage"},
	"lint.unexpected":           {"avsnittet %s hör till ett senare steg än %s: ta bort det eller flytta idén ett steg i taget", "the section %s belongs to a later stage than %s: remove it, or move the idea one step at a time"},
	"lint.role":                 {"%s får inte skriva under här: det krävs %v för enheten %s. De som får: %v", "%s may not sign here: it takes %v for the unit %s. Those who may: %v"},
	"lint.duplicate-id":         {"id %s används också av %s: varje idé behöver ett eget id (ta nästa lediga nummer)", "id %s is also used by %s: every idea needs its own id (take the next free number)"},
	"lint.related-self":         {"idén %s pekar på sig själv i related", "the idea %s refers to itself in related"},
	"lint.related-form":         {"related: %q är inget id; skriv id:n som 2026-007", "related: %q is not an id; write ids like 2026-007"},
	"lint.tag-personal":         {"en tagg verkar innehålla ett personnummer eller telefonnummer: ta bort det, filen och webbplatsen är offentliga", "a tag seems to hold a personal identity number or phone number: remove it, the file and the site are public"},
	"lint.related":              {"related: det finns ingen idé med id %s", "related: there is no idea with id %s"},
	"lint.duplicate-of-form":    {"screening.duplicate_of: %q är inget id; skriv id:t för den tidigare idén som 2025-003", "screening.duplicate_of: %q is not an id; write the id of the earlier idea like 2025-003"},
	"lint.duplicate-of-self":    {"screening.duplicate_of: idén %s kan inte vara en dubblett av sig själv; skriv id:t för den tidigare idén som den upprepar", "screening.duplicate_of: the idea %s cannot be a duplicate of itself; write the id of the earlier idea it repeats"},
	"lint.duplicate-of":         {"screening.duplicate_of: det finns ingen idé med id %s; skriv id:t för en idé i banken", "screening.duplicate_of: there is no idea with id %s; write the id of an idea in the bank"},
	"lint.duplicate-of-outcome": {"screening.duplicate_of hör till utfallet reject, men utfallet är %s: sätt outcome: reject eller ta bort duplicate_of", "screening.duplicate_of belongs with the outcome reject, but the outcome is %s: set outcome: reject or remove duplicate_of"},
	"lint.unit-by-name":         {"%q är enhetens namn; i filen skrivs enhetens id: unit: %s", "%q is the unit's name; the file holds the unit's id: unit: %s"},
	"lint.section-field-hint":   {"fyll i %s: %v", "fill in %s: %v"},

	// The history.
	"history.step": {"enligt git-historiken gick idén från %s till %s i %s (%s), vilket inte är ett steg i processen: ändringen gjordes förbi kontrollen", "according to the git history the idea went from %s to %s in %s (%s), which is not a step of the process: the change was made past the check"},
	"history.date": {"%s är %s, men steget sammanfogades redan %s (%s): ett steg kan inte vara daterat efter att det sammanfogades. Rätta datumet", "%s is %s, but the step was merged on %s (%s): a step cannot be dated after it was merged. Correct the date"},
	// About an anonymous idea: the same without the commit, whose author
	// would tie the submitter to the idea.
	"history.step-anonymous": {"enligt git-historiken gick idén från %s till %s %s, vilket inte är ett steg i processen: ändringen gjordes förbi kontrollen", "according to the git history the idea went from %s to %s on %s, which is not a step of the process: the change was made past the check"},
	"history.date-anonymous": {"%s är %s, men steget sammanfogades redan %s: ett steg kan inte vara daterat efter att det sammanfogades. Rätta datumet", "%s is %s, but the step was merged on %s: a step cannot be dated after it was merged. Correct the date"},

	// A change.
	"change.base-unreadable": {"versionen före ändringen gick inte att läsa, så steget till %s kan inte kontrolleras: rätta filen i en egen ändring, utan att byta steg", "the version before this change could not be read, so the step to %s cannot be checked: repair the file in a change of its own, without changing the stage"},
	"change.deleted":         {"en idéfil tas aldrig bort: för att avsluta en idé, flytta den till withdrawn (av idégivaren) eller rejected", "an idea file is never deleted: to end an idea, move it to withdrawn (by its submitter) or rejected"},
	"change.new-stage":       {"en ny idé börjar i steget submitted, inte %s: skriv stage: submitted", "a new idea starts at the stage submitted, not %s: write stage: submitted"},
	"change.rename":          {"filen flyttades från %s: bara namnet efter id:t får ändras, inte mappen", "the file was moved from %s: only the name after the id may change, not the folder"},
	"change.final":           {"idén var i slutsteget %s och kan inte flyttas till %s: lämna en ny idé i stället", "the idea was at the final stage %s and cannot move to %s: submit a new idea instead"},
	"change.transition":      {"%s → %s är inget steg i processen; från %[1]s kan idén gå till: %[3]v. Ta ett steg per ändring", "%s → %s is not a step of the process; from %[1]s the idea can go to: %[3]v. Take one step per change"},
	"change.immutable":       {"%s får inte ändras när idén väl är registrerad (var %s): ändra tillbaka", "%s may not change once the idea is submitted (was %s): change it back"},
	"change.once":            {"%s är redan satt (var %s) och får aldrig ändras eller tas bort: idégivaren får sina meddelanden i det ärende som den pekar på. Ändra tillbaka", "%s is set already (was %s) and may never be changed or removed: the submitter is told in the issue it points to. Change it back"},
	"change.frozen":          {"%s får inte ändras när idén är i steget %s: ändra tillbaka", "%s may not change while the idea is at the stage %s: change it back"},
	"change.submitter":       {"submitter får inte ändras när idén väl är registrerad; det enda tillåtna är att göra idégivaren anonym (anonymous: true utan name och github)", "submitter may not change once the idea is submitted; the one change allowed is to make the submitter anonymous (anonymous: true without name and github)"},
	"change.new-submitter":   {"submitter.github är %s, men ändringen är gjord av %s: en ny idé får bara ange författarens eget GitHub-användarnamn. Skriv ditt eget, eller ta bort github", "submitter.github is %s, but the change is made by %s: a new idea may only give the login of its own author. Write your own, or remove github"},
	"change.edit-permission": {"%s ändrades: det får bara göras eller godkännas av %v för enheten %s (%v), enligt idebank.yaml före ändringen; ändringens författare (%v) har inte alla den rollen, %v. Be någon av dem godkänna pull requesten", "%s was changed: only %v for the unit %s (%v) may make or approve that, as idebank.yaml says before the change; the change's authors (%v) do not all hold that role, %v. Ask one of them to approve the pull request"},
	"change.permission":      {"%s: steget %s → %s måste göras eller godkännas av %v för enheten %s (%v), enligt idebank.yaml före ändringen; ändringens författare (%v) har inte alla den rollen, %v. Be någon av dem godkänna pull requesten", "%s: the step %s → %s must be made or approved by %v for the unit %s (%v), as idebank.yaml says before the change; the change's authors (%v) do not all hold that role, %v. Ask one of them to approve the pull request"},
	"change.config":          {"idebank.yaml ändrades: en ändring av konfigurationen måste göras eller godkännas av %v (%v), enligt idebank.yaml före ändringen; ändringens författare (%v) har inte alla den rollen, %v. Be någon av dem godkänna pull requesten", "idebank.yaml was changed: a change of the configuration must be made or approved by %v (%v), as idebank.yaml says before the change; the change's authors (%v) do not all hold that role, %v. Ask one of them to approve the pull request"},
	"change.config-nobody":   {"idebank.yaml ändrades, men idebank.yaml före ändringen ger ingen rollen admin eller management, så ingen kan godkänna det: repots administratör lägger till en person med roles: [admin] direkt på huvudgrenen", "idebank.yaml was changed, but idebank.yaml before the change gives nobody the role admin or management, so nobody can approve it: the repository's administrator adds a person with roles: [admin] directly on the main branch"},
	// About an anonymous idea the check names nobody who acts in no role:
	// its messages are public annotations.
	"change.edit-final":              {"%s ändrades, men idén är i slutsteget %s och dess innehåll är låst: bara en administratör (%v) får ändra det, till exempel för att ta bort personuppgifter. Ändra tillbaka, eller be en administratör godkänna pull requesten", "%s was changed, but the idea is at the final stage %s and its content is frozen: only an administrator (%v) may change it, to remove personal data, for one. Change it back, or ask an administrator to approve the pull request"},
	"change.edit-permission-unnamed": {"%s ändrades: det får bara göras eller godkännas av %v för enheten %s (%v), enligt idebank.yaml före ändringen; ändringens författare och godkännare har inte den rollen (de nämns inte här, eftersom idégivaren är anonym). Be någon av dem godkänna pull requesten", "%s was changed: only %v for the unit %s (%v) may make or approve that, as idebank.yaml says before the change; the change's authors and approvers do not hold that role (they are not named here, as the submitter is anonymous). Ask one of them to approve the pull request"},
	"change.permission-unnamed":      {"%s: steget %s → %s måste göras eller godkännas av %v för enheten %s (%v), enligt idebank.yaml före ändringen; ändringens författare och godkännare har inte den rollen (de nämns inte här, eftersom idégivaren är anonym). Be någon av dem godkänna pull requesten", "%s: the step %s → %s must be made or approved by %v for the unit %s (%v), as idebank.yaml says before the change; the change's authors and approvers do not hold that role (they are not named here, as the submitter is anonymous). Ask one of them to approve the pull request"},

	// The configuration.
	"config.symlink":             {"idebank.yaml är en symbolisk länk; konfigurationen måste vara en vanlig fil i repot, och länken följs inte: ersätt länken med själva filen", "idebank.yaml is a symbolic link; the configuration must be a plain file of the repository, and the link is not followed: replace the link with the file itself"},
	"config.missing":             {"idebank.yaml saknas i roten av repot: den anger enheter, personer och roller", "idebank.yaml is missing from the root of the repository: it names the units, people and roles"},
	"config.not-mapping":         {"idebank.yaml måste bestå av rader av formen `namn: värde`", "idebank.yaml must consist of lines of the form `key: value`"},
	"config.want-list":           {"%s ska vara en lista, med ett `- ` före varje post", "%s must be a list, with a `- ` before each entry"},
	"config.base-url":            {"base_url %q är ingen fullständig webbadress: skriv den med https://", "base_url %q is not a complete web address: write it with https://"},
	"config.feedback-days":       {"feedback_days måste vara minst 1 (är %d)", "feedback_days must be at least 1 (is %d)"},
	"config.repository":          {"repository %q är inget GitHub-repo: skriv det som ägare/namn, till exempel exempelkommunen/idebanken", "repository %q is not a GitHub repository: write it as owner/name, for example exempelkommunen/idebanken"},
	"config.a11y-contact":        {"accessibility.contact %q är varken en webbadress eller en e-postadress: skriv till exempel https://exempelkommunen.se/kontakt eller kontakt@exempelkommunen.se", "accessibility.contact %q is neither a web address nor an e-mail address: write, for example, https://exempelkommunen.se/kontakt or kontakt@exempelkommunen.se"},
	"config.a11y-missing":        {"%s saknas: tillgänglighetsredogörelsen måste ange status, datum för bedömningen (assessed), metod och kontakt", "%s is missing: the accessibility statement must give the status, the date of the assessment (assessed), the method and a contact"},
	"config.a11y-statement":      {"accessibility.statement %s är före bedömningen (assessed %s): redogörelsen kan inte vara äldre än bedömningen den redovisar", "accessibility.statement %s is before the assessment (assessed %s): the statement cannot be older than the assessment it reports"},
	"config.a11y-issues":         {"accessibility.status är %s: skriv under known_issues vad som inte uppfyller kraven, en punkt per brist", "accessibility.status is %s: write under known_issues what does not meet the requirements, one item per shortcoming"},
	"config.no-units":            {"idebank.yaml måste ha minst en enhet under units", "idebank.yaml must have at least one unit under units"},
	"config.unit-no-id":          {"enheten saknar id", "the unit has no id"},
	"config.unit-id-form":        {"enhetens id %q ska skrivas med små bokstäver, siffror och bindestreck (å, ä → a, ö → o)", "the unit id %q must be written in lowercase letters, digits and hyphens (å, ä → a, ö → o)"},
	"config.unit-duplicate":      {"enheten %q finns två gånger", "the unit %q is there twice"},
	"config.unit-no-name":        {"enheten %q saknar name", "the unit %q has no name"},
	"config.person-no-login":     {"personen saknar login (GitHub-användarnamn)", "the person has no login (GitHub login)"},
	"config.login-form":          {"%q är inget GitHub-användarnamn: bara bokstäver, siffror och bindestreck", "%q is not a GitHub login: letters, digits and hyphens only"},
	"config.person-duplicate":    {"personen %q finns två gånger: samla rollerna under en post", "the person %q is there twice: gather the roles under one entry"},
	"config.person-no-name":      {"personen %q saknar name", "the person %q has no name"},
	"config.person-no-role":      {"personen %q har ingen roll: ge personen minst en roll i roles, eller ta bort posten", "the person %q has no role: give them at least one role in roles, or remove the entry"},
	"config.person-unknown-unit": {"personen %q har enheten %q, som inte finns under units", "the person %q has the unit %q, which is not under units"},

	// Who acts.
	"actor.anyone":           {"vem som helst", "anyone"},
	"actor.submitter":        {"idégivaren", "the submitter"},
	"actor.implementer":      {"genomföraren (decision.implementer)", "the implementer (decision.implementer)"},
	"actor.ambassador":       {"en idéambassadör", "an idea ambassador"},
	"actor.innovation-group": {"innovationsgruppen", "the innovation group"},
	"actor.unit-manager":     {"en enhetschef", "a unit manager"},
	"actor.management":       {"förvaltningsledningen", "management"},
	"actor.project-lead":     {"en projektledare", "a project lead"},
	"actor.communicator":     {"en kommunikatör", "a communicator"},
	"actor.admin":            {"en administratör", "an administrator"},
	"change.approvers":       {"och ingen som har godkänt den (%v) har den", "and none of its approvers (%v) holds it"},
	"change.no-approvers":    {"och ingen har godkänt den", "and nobody has approved it"},
	"actor.unknown":          {"en okänd författare", "an unidentified author"},
}

func init() {
	for k, v := range cliTexts {
		catalog[k] = v
	}
}

// cliTexts are the texts of the command line itself.
var cliTexts = map[string]Text{
	"cli.usage": {`idebank – Idébanken, kommunens process för förbättring och innovation

Användning:
  idebank check [--base REV] [--head REV] [--actor LOGIN] [--approvers LOGIN,...]
                [--format text|json|github] [--lang sv|en] [--today ÅÅÅÅ-MM-DD] [-C MAPP]
      kontrollerar alla idéer och idebank.yaml; med --base även varje ändring sedan REV
  idebank build [--out MAPP] [--base-url URL]
      bygger den statiska webbplatsen (standard: _site/)
  idebank serve [--addr VÄRD:PORT]
      visar webbplatsen på din dator och laddar om sidan när en fil ändras
  idebank report [--period 2026|2026-Q2|2026-05|FRÅN..TILL] [--unit ID] [--format md|html|csv|json] [--out FIL]
      skriver verksamhetsrapporten för en period
  idebank new [--kind TYP] [--title RUBRIK] [--unit ID] [--name NAMN | --anonymous]
              [--github LOGIN] [--tags A,B] [--today ÅÅÅÅ-MM-DD] [-C MAPP]
      skapar en ny idéfil från mallen, med nästa lediga id; frågar efter det som saknas
  idebank advance ID --to STEG [--by LOGIN] [--today ÅÅÅÅ-MM-DD] [-C MAPP]
      flyttar idén till steget STEG och lägger till det som steget kräver
  idebank gen github [--check] [-C MAPP]
      skriver GitHub-formulären för nya idéer (.github/ISSUE_TEMPLATE) från idebank.yaml och templates/
  idebank intake [--issue N]      gör en idéfil och en pull request av ett ärende från ett idéformulär
  idebank pr-comment [--pr N]     håller en kommentar på en pull request: vad den gör, vem som godkänner
  idebank notify [--base REV --head REV]   berättar för idégivarna när deras idéer tar ett steg
  idebank remind                  håller ett ärende med det som väntar för länge
  idebank forget --name NAMN [--login LOGIN]   tar bort en person ur alla idéfiler, på begäran
  idebank version
  idebank help

Slutstatus: 0 inga fel, 1 fel hittades, 2 kunde inte köras.
`, `idebank – Idébanken, the municipality's process for improvement and innovation

Usage:
  idebank check [--base REV] [--head REV] [--actor LOGIN] [--approvers LOGIN,...]
                [--format text|json|github] [--lang sv|en] [--today YYYY-MM-DD] [-C DIR]
      checks every idea and idebank.yaml; with --base also each change since REV
  idebank build [--out DIR] [--base-url URL]
      builds the static site (default: _site/)
  idebank serve [--addr HOST:PORT]
      shows the site on your computer and reloads the page when a file changes
  idebank report [--period 2026|2026-Q2|2026-05|FROM..TO] [--unit ID] [--format md|html|csv|json] [--out FILE]
      writes the activity report for a period
  idebank new [--kind KIND] [--title TITLE] [--unit ID] [--name NAME | --anonymous]
              [--github LOGIN] [--tags A,B] [--today YYYY-MM-DD] [-C DIR]
      creates a new idea file from the template, with the next free id; asks for what is missing
  idebank advance ID --to STAGE [--by LOGIN] [--today YYYY-MM-DD] [-C DIR]
      moves the idea to the stage STAGE and adds what the step requires
  idebank gen github [--check] [-C DIR]
      writes the GitHub forms for new ideas (.github/ISSUE_TEMPLATE) from idebank.yaml and templates/
  idebank intake [--issue N]      makes an idea file and a pull request of an issue from an idea form
  idebank pr-comment [--pr N]     keeps one comment on a pull request: what it does, who approves
  idebank notify [--base REV --head REV]   tells submitters when their ideas take a step
  idebank remind                  keeps one issue listing what waits too long
  idebank forget --name NAME [--login LOGIN]   removes a person from every idea file, on request
  idebank version
  idebank help

Exit status: 0 no errors, 1 errors found, 2 could not run.
`},
	"cli.check-usage": {`Användning: idebank check [flaggor]

Kontrollerar alla idéfiler under ideas/ och idebank.yaml.

  --base REV          kontrollera också varje ändring från REV (gren, tagg eller commit)
  --head REV          jämför med REV i stället för arbetskatalogen (kräver --base)
  --actor LOGIN       den som föreslår ändringen (pull requestens författare)
  --committers A,B    de som skrivit ändringens commits; ett tomt namn är en okänd
                      författare. Varje författare måste ha rollen för varje steg,
                      eller någon som godkänt ändringen
  --approvers A,B     de som godkänt ändringen; det räcker att en av dem har rollen
  --format FORMAT     text (standard), json, github (standard i GitHub Actions) eller
                      markdown (en lista för jobbets sammanfattning)
  --lang sv|en        meddelandenas språk (standard: language i idebank.yaml)
  --today ÅÅÅÅ-MM-DD  kontrollera som om det vore detta datum
  --history           jämför också datumen i filerna med git-historiken (varningar)
  -C MAPP             kör i MAPP i stället för den aktuella mappen
`, `Usage: idebank check [flags]

Checks every idea file under ideas/ and idebank.yaml.

  --base REV          also check each change from REV (a branch, tag or commit)
  --head REV          compare with REV instead of the working tree (needs --base)
  --actor LOGIN       who proposes the change (the pull request's author)
  --committers A,B    who wrote the change's commits; an empty name is an unknown
                      author. Every author must hold the role for each step, or
                      someone who approved the change must
  --approvers A,B     who approved the change; one of them holding the role is enough
  --format FORMAT     text (default), json, github (default in GitHub Actions) or
                      markdown (a list for the job summary)
  --lang sv|en        the language of messages (default: language in idebank.yaml)
  --today YYYY-MM-DD  check as if it were this date
  --history           also compare the files' dates with the git history (warnings)
  -C DIR              run in DIR instead of the current folder
`},
	"cli.build-usage": {`Användning: idebank build [flaggor]

Bygger den statiska webbplatsen, med rapporter, från ideas/ och idebank.yaml.

  --out MAPP          mappen att bygga i (standard: _site i idébanken)
  --base-url URL      adressen webbplatsen publiceras på (standard: base_url i idebank.yaml)
  -C MAPP             kör i MAPP i stället för den aktuella mappen
`, `Usage: idebank build [flags]

Builds the static site, with its reports, from ideas/ and idebank.yaml.

  --out DIR           the folder to build into (default: _site in the idea bank)
  --base-url URL      the address the site is published at (default: base_url in idebank.yaml)
  -C DIR              run in DIR instead of the current folder
`},
	"cli.serve-usage": {`Användning: idebank serve [flaggor]

Visar webbplatsen på din dator. När en fil ändras kontrolleras och visas det som ändrades på nytt, och sidan du har öppen laddas om.

  --addr VÄRD:PORT    adressen att lyssna på (standard: localhost:8080)
  -C MAPP             kör i MAPP i stället för den aktuella mappen
`, `Usage: idebank serve [flags]

Shows the site on your computer. When a file changes, what changed is checked and shown again, and the page you have open reloads.

  --addr HOST:PORT    the address to listen on (default: localhost:8080)
  -C DIR              run in DIR instead of the current folder
`},
	"cli.report-usage": {`Användning: idebank report [flaggor]

Skriver verksamhetsrapporten för en period, beräknad från idéfilerna.

  --period PERIOD     2026, 2026-Q2, 2026-05 eller 2026-01-01..2026-06-30 (standard: i år)
  --unit ID           bara en enhet (id eller namn från idebank.yaml)
  --format FORMAT     md (standard), html, csv eller json
  --out FIL           skriv till FIL i stället för till skärmen
  --lang sv|en        rapportens språk (standard: language i idebank.yaml)
  --today ÅÅÅÅ-MM-DD  räkna som om det vore detta datum
  -C MAPP             kör i MAPP i stället för den aktuella mappen
`, `Usage: idebank report [flags]

Writes the activity report for a period, computed from the idea files.

  --period PERIOD     2026, 2026-Q2, 2026-05 or 2026-01-01..2026-06-30 (default: this year)
  --unit ID           one unit only (an id or name from idebank.yaml)
  --format FORMAT     md (default), html, csv or json
  --out FILE          write to FILE instead of the screen
  --lang sv|en        the report's language (default: language in idebank.yaml)
  --today YYYY-MM-DD  count as if it were this date
  -C DIR              run in DIR instead of the current folder
`},
	"cli.bad-period":         {"%q är ingen period: skriv 2026, 2026-Q2, 2026-05 eller 2026-01-01..2026-06-30", "%q is not a period: write 2026, 2026-Q2, 2026-05 or 2026-01-01..2026-06-30"},
	"cli.bad-period-order":   {"perioden %q slutar innan den börjar: skriv det tidigare datumet först, %s..%s", "the period %q ends before it starts: write the earlier date first, %s..%s"},
	"cli.unknown-unit":       {"enheten %q finns inte i idebank.yaml. Ange en av dessa, med id eller namn: %v", "the unit %q is not in idebank.yaml. Give one of these, by id or name: %v"},
	"cli.report-with-errors": {"obs: idéfilerna har %d fel (se idebank check); rapporten bygger på det som gick att läsa", "note: the idea files have %d errors (see idebank check); the report is made of what could be read"},
	"cli.no-history":         {"obs: det finns ingen git-historik här att jämföra med", "note: there is no git history here to compare with"},
	"cli.shallow-history":    {"obs: git-historiken är ofullständig (en grund klon); steg före den saknas. Hämta hela historiken, i GitHub Actions med fetch-depth: 0", "note: the git history is incomplete (a shallow clone); steps before it are missing. Fetch the whole history, in GitHub Actions with fetch-depth: 0"},
	"cli.pr-comment-usage": {`Användning: idebank pr-comment [--pr N] [--base REV] [--head REV] [--committers A,B]

Håller en kommentar på en pull request uppdaterad: vad ändringen gör, vem som ska godkänna den och vad som saknas.
Läser GITHUB_TOKEN, GITHUB_REPOSITORY och GITHUB_API_URL; utan --pr tas numret från GITHUB_EVENT_PATH.
--head jämför med REV i stället för arbetskatalogen; --committers som för idebank check.
`, `Usage: idebank pr-comment [--pr N] [--base REV] [--head REV] [--committers A,B]

Keeps one comment on a pull request up to date: what the change does, who must approve it and what is missing.
Reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL; without --pr the number comes from GITHUB_EVENT_PATH.
--head compares with REV instead of the working tree; --committers as for idebank check.
`},
	"cli.notify-usage": {`Användning: idebank notify [--head REV] [--days N] [--base REV]

Berättar för idégivarna om varje steg deras idéer har tagit och som inte är berättat än: en kommentar i idéns diskussion med stegets motivering, etiketten för idéns steg, och ärendet stängs i ett slutsteg.
Vad som redan är berättat läses ur kommentarerna i ärendet, så ett steg berättas en gång, vilken push det än kom med.
--head är versionen vars historik läses (utan den: pushen i GITHUB_EVENT_PATH, annars HEAD); --days hur många dagar bakåt från den steg söks (30; 0 läser hela historiken). --base behövs inte längre.
`, `Usage: idebank notify [--head REV] [--days N] [--base REV]

Tells submitters of every step their ideas have taken and have not yet been told of: a comment in the idea's discussion with the step's justification, the label of the idea's stage, and the issue closed at a final stage.
What was told is read from the comments on the issue, so a step is told once, whatever push brought it.
--head is the revision whose history is read (without it: the push in GITHUB_EVENT_PATH, or else HEAD); --days how many days back from it steps are looked for (30; 0 reads the whole history). --base is no longer needed.
`},
	"cli.remind-usage": {`Användning: idebank remind [--today ÅÅÅÅ-MM-DD]

Håller ett ärende uppdaterat med det som väntar för länge: första återkoppling efter feedback_days och pausade idéer efter sitt datum.
`, `Usage: idebank remind [--today YYYY-MM-DD]

Keeps one issue up to date with what waits too long: first feedback past feedback_days and paused ideas past their date.
`},
	"cli.intake-usage": {`Användning: idebank intake [--issue N] [--today ÅÅÅÅ-MM-DD]

Gör en idéfil av ett ärende från ett idéformulär, på en egen gren, och öppnar en pull request för en idéambassadör att granska.
Ärendet förblir idéns diskussion. Utan --issue tas numret från GITHUB_EVENT_PATH.
Nekar repots inställningar att öppna pull requesten förklarar intake i ärendet och i jobbets sammanfattning (GITHUB_STEP_SUMMARY) vad en administratör ska ändra, och avslutar med status 3; nästa körning återanvänder grenen.
`, `Usage: idebank intake [--issue N] [--today YYYY-MM-DD]

Makes an idea file of an issue opened with an idea form, on a branch of its own, and opens a pull request for an idea ambassador to review.
The issue stays the idea's discussion. Without --issue the number comes from GITHUB_EVENT_PATH.
When the repository's settings refuse to open the pull request, intake explains on the issue and in the job summary (GITHUB_STEP_SUMMARY) what an administrator must change, and exits with status 3; the next run reuses the branch.
`},
	"cli.need-issue":      {"vilket ärende? Ange --issue N (eller kör i GitHub Actions på ett ärende)", "which issue? Give --issue N (or run in GitHub Actions on an issue)"},
	"cli.intake-not-idea": {"ärende #%d kommer inte från ett idéformulär", "issue #%d does not come from an idea form"},
	"cli.intake-exists":   {"ärende #%d är redan registrerat som %s", "issue #%d is already registered as %s"},
	"cli.intake-proposed": {"ärende #%d är redan föreslaget i pull request #%d", "issue #%d is already proposed in pull request #%d"},
	"cli.intake-no-title": {"ärendet saknar rubrik: skriv en kort rubrik som säger vad idén handlar om", "the issue has no title: write a short title that says what the idea is about"},
	"cli.intake-asked":    {"ärende #%d: idégivaren har ombetts att rätta det som saknas eller är fel (antal: %d)", "issue #%d: the submitter has been asked to correct what is missing or wrong (count: %d)"},
	"cli.intake-no-id":    {"inget ledigt id efter %d försök: andra ärenden tar id:n samtidigt under %s. Kör intake igen om en stund", "no free id after %d tries: other issues take ids at the same time under %s. Run intake again in a while"},
	"cli.intake-done":     {"ärende #%d är registrerat som %s i pull request #%d", "issue #%d is registered as %s in pull request #%d"},
	"cli.forget-usage": {`Användning: idebank forget --name NAMN [--login LOGIN] [--dry-run]

Tar bort en person ur alla idéfiler, på personens begäran: där personen är idégivare blir idén anonym
och namn och GitHub-användarnamn tas bort; där namnet står i en text ersätts det. Inget annat i filerna
ändras. Se docs/privacy.md för hela rutinen.

  --name NAMN         personens namn, som det står i filerna
  --login LOGIN       personens GitHub-användarnamn
  --dry-run           visa vad som skulle ändras, utan att ändra
  -C MAPP             kör i MAPP i stället för den aktuella mappen
`, `Usage: idebank forget --name NAME [--login LOGIN] [--dry-run]

Removes a person from every idea file, at their request: where they are the submitter the idea becomes
anonymous and their name and GitHub login are removed; where their name stands in a text it is
replaced. Nothing else in the files changes. See docs/privacy.md for the whole procedure.

  --name NAME         the person's name, as the files write it
  --login LOGIN       the person's GitHub login
  --dry-run           show what would change, without changing it
  -C DIR              run in DIR instead of the current folder
`},
	"cli.forget-whom":        {"vem? Ange --name och/eller --login", "whom? Give --name and/or --login"},
	"cli.forget-replacement": {"[namn borttaget]", "[name removed]"},
	"cli.forget-configured":  {"obs: personen finns bland people i idebank.yaml; ta bort eller ändra posten där för hand (personens underskrifter är användarnamn)", "note: the person is among the people in idebank.yaml; remove or change the entry there by hand (their signatures are logins)"},
	"cli.forget-manual":      {"%s: %s kan inte ändras säkert automatiskt; ändra det för hand", "%s: %s cannot be changed safely by the program; change it by hand"},
	"cli.forget-left":        {"%s:%d: namnet står kvar här (i en kommentar eller en text i en form som programmet inte ändrar); ändra det för hand", "%s:%d: the name is still here (in a comment, or a text in a form the program does not change); change it by hand"},
	"cli.forget-file-name":   {"%s: filnamnet innehåller namnet; byt namn på filen (bara namnet efter id:t) för hand", "%s: the file name holds the name; rename the file (only the name after the id) by hand"},
	"cli.forget-unreadable":  {"%s: filen går inte att läsa som en idé men innehåller namnet; rätta och ändra den för hand", "%s: the file cannot be read as an idea but holds the name; repair and change it by hand"},
	"cli.forget-changed":     {"%s: %s", "%s: %s"},
	"cli.forget-done":        {"Ändrade filer: %d. Granska ändringen och öppna en pull request; se docs/privacy.md om versionshistoriken", "Files changed: %d. Review the change and open a pull request; see docs/privacy.md about the version history"},
	"cli.need-pr":            {"vilken pull request? Ange --pr N (eller kör i GitHub Actions på en pull request)", "which pull request? Give --pr N (or run in GitHub Actions on a pull request)"},
	"cli.pr-comment-posted":  {"Kommentaren på pull request #%d är skriven", "The comment on pull request #%d is posted"},
	"cli.pr-comment-edited":  {"Kommentaren på pull request #%d är uppdaterad", "The comment on pull request #%d is updated"},
	"cli.notify-no-issue":    {"%s har ingen diskussion i det här repot att berätta i", "%s has no discussion in this repository to tell"},
	"cli.notify-nothing":     {"Ingen idé tog ett steg", "No idea took a step"},
	"cli.remind-nothing":     {"Inget väntar för länge", "Nothing waits too long"},
	"cli.remind-opened":      {"Ärende #%d listar %v som väntar för länge", "Issue #%d lists %v that wait too long"},
	"cli.remind-updated":     {"Ärende #%d är uppdaterat: %v väntar för länge", "Issue #%d is updated: %v wait too long"},
	"cli.built":              {"Webbplatsen med %v är byggd i %s: %v skrevs, %d var oförändrade, %d togs bort", "The site with %v is built in %s: wrote %v, left %d as they were, removed %d"},
	"cli.files.one":          {"%d fil", "%d file"},
	"cli.files.other":        {"%d filer", "%d files"},
	"cli.bad-base-url":       {"--base-url %q är ingen webbadress: skriv hela adressen som webbplatsen publiceras på, med https://", "--base-url %q is not a web address: write the whole address the site is published at, with https://"},
	"cli.out-is-bank":        {"bygger inte i %s: mappen är idébanken själv eller en mapp ovanför den. Välj en egen mapp för webbplatsen, till exempel _site", "not building in %s: the folder is the idea bank itself or a folder above it. Choose a folder of its own for the site, for example _site"},
	"cli.out-in-ideas":       {"bygger inte i %s: mappen ligger i ideas/ eller .git/, där idébankens filer finns. Välj en mapp utanför dem, till exempel _site", "not building in %s: the folder is inside ideas/ or .git/, where the idea bank's files are. Choose a folder outside them, for example _site"},
	"cli.out-holds":          {"bygger inte i %s: mappen innehåller %s och ser ut att vara en idébank. Välj en tom mapp för webbplatsen", "not building in %s: the folder holds %s and looks like an idea bank. Choose an empty folder for the site"},
	"cli.out-not-empty":      {"bygger inte i %s: mappen innehåller filer och har inte byggts av idebank build, som inte tar bort filer den inte själv har skrivit. Välj en tom mapp, eller en som idebank build har byggt förut", "not building in %s: the folder holds files and was not built by idebank build, which does not remove files it did not write. Choose an empty folder, or one idebank build has built before"},
	"cli.out-no-stage":       {"kan inte skapa en tillfällig mapp för bygget i %s: ta bort gamla mappar där vars namn börjar med en punkt och försök igen", "cannot make a temporary folder for the build in %s: remove old folders there whose names start with a dot, and try again"},
	"cli.out-bad-name":       {"sidan %q skulle hamna utanför webbplatsens mapp och skrivs inte. Det är ett fel i programmet eller i temat: rapportera det till den som sköter idébanken", "the page %q would land outside the site's folder and is not written. It is a fault of the program or the theme: report it to whoever runs the idea bank"},
	"cli.serving":            {"Webbplatsen visas på %s (avsluta med Ctrl+C)", "The site is shown at %s (stop with Ctrl+C)"},
	"cli.rebuilt":            {"Webbplatsen är ombyggd", "The site is rebuilt"},
	"cli.serve-waiting":      {"Webbplatsen kunde inte byggas: rätta felen ovan, så byggs den om", "The site could not be built: correct the errors above, and it is rebuilt"},
	"cli.unknown-command":    {"okänt kommando %q", "unknown command %q"},
	"cli.extra-args":         {"oväntade argument: %s", "unexpected arguments: %s"},
	"cli.bad-choice":         {"--%s kan inte vara %q. Välj %v", "--%s cannot be %q. Choose %v"},
	"lang.sv":                {"svenska", "Swedish"},
	"lang.en":                {"engelska", "English"},
	"cli.bad-today":          {"--today %q är inget datum av formen ÅÅÅÅ-MM-DD", "--today %q is not a date of the form YYYY-MM-DD"},
	"cli.head-without-base":  {"--head kräver --base", "--head needs --base"},
	"cli.config-unusable":    {"idebank.yaml går inte att använda som konfiguration: kör idebank check för att se felen, med rad och hur de rättas", "idebank.yaml cannot be used as a configuration: run idebank check to see the errors, with their lines and how to correct them"},
	"cli.abandoned":          {"programmet avbröts innan filen hann skrivas; filen är oförändrad", "the program was stopped before the file was written; it is as it was before"},
	"cli.file-error":         {"%s: %v", "%s: %v"},
	"cli.file-missing":       {"filen eller mappen finns inte", "the file or folder does not exist"},
	"cli.file-permission":    {"du saknar behörighet att läsa eller skriva här: kontrollera filens rättigheter", "you lack permission to read or write here: check the file's permissions"},
	"cli.file-full":          {"disken är full: frigör utrymme och försök igen", "the disk is full: free some space and try again"},
	"cli.file-read-only":     {"filsystemet är skrivskyddat: kör i en mapp där du får skriva", "the file system is read-only: run in a folder you may write to"},
	"cli.file-is-folder":     {"det är en mapp, inte en fil", "it is a folder, not a file"},
	"cli.file-not-folder":    {"en del av sökvägen är en fil, inte en mapp: välj en mapp", "a part of the path is a file, not a folder: choose a folder"},
	"cli.file-other":         {"filen går inte att läsa eller skriva", "the file cannot be read or written"},
	"cli.object-missing":     {"objektet saknas", "the object is missing"},
	"cli.object-damaged":     {"objektet är skadat", "the object is damaged"},
	"cli.edit-syntax":        {"rad %d: %v", "line %d: %v"},
	"cli.edit-wrong-stage":   {"idén är i steget %s", "the idea is at the stage %s"},
	"cli.edit-other":         {"filen kan inte ändras automatiskt: gör ändringen för hand", "the file cannot be changed by the program: make the change by hand"},
	"cli.github-token":       {"GITHUB_TOKEN är inte satt, och därför kan programmet inte nå GitHub. I ett arbetsflöde: lägg till env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} i steget. På din dator: export GITHUB_TOKEN=<en token från github.com/settings/tokens>", "GITHUB_TOKEN is not set, so the program cannot talk to GitHub. In a workflow: add env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} to the step. On your computer: export GITHUB_TOKEN=<a token from github.com/settings/tokens>"},
	"cli.github-repository":  {"GITHUB_REPOSITORY ska vara ägare/namn, till exempel exempelkommunen/idebanken, men är %q. GitHub Actions sätter den själv; på din dator: export GITHUB_REPOSITORY=ägare/namn", "GITHUB_REPOSITORY must be owner/name, for example exempelkommunen/idebanken, but is %q. GitHub Actions sets it itself; on your computer: export GITHUB_REPOSITORY=owner/name"},
	"cli.github-api-url":     {"GITHUB_API_URL %q är ingen webbadress: ta bort variabeln, eller skriv hela adressen till API:t, med https://", "GITHUB_API_URL %q is not a web address: remove the variable, or write the API's whole address, with https://"},
	"cli.github-event":       {"händelsen i %s (GITHUB_EVENT_PATH) går inte att läsa som JSON: kör kommandot i GitHub Actions, eller ange numret med en flagga", "the event in %s (GITHUB_EVENT_PATH) cannot be read as JSON: run the command in GitHub Actions, or give the number with a flag"},
	"cli.github-401":         {"GitHub godtar inte GITHUB_TOKEN (%s): den är fel eller har gått ut. Skapa en ny token", "GitHub does not accept GITHUB_TOKEN (%s): it is wrong or has expired. Make a new token"},
	"cli.github-403":         {"GITHUB_TOKEN saknar behörighet för %s: ge arbetsflödet de behörigheter (permissions:) som docs/github-setup.md anger", "GITHUB_TOKEN lacks the permission for %s: give the workflow the permissions docs/github-setup.md names"},
	"cli.github-404":         {"GitHub hittar inte %s: kontrollera GITHUB_REPOSITORY och numret, och att GITHUB_TOKEN får se repot", "GitHub does not find %s: check GITHUB_REPOSITORY and the number, and that GITHUB_TOKEN may see the repository"},
	"cli.github-refused":     {"GitHub tog inte emot %s (fel %d). GitHub säger: ”%s”. Rätta det som GitHub pekar på och kör jobbet igen; gäller det en gren eller pull request som redan finns, ta bort den först", "GitHub did not accept %s (error %d). GitHub says: “%s”. Correct what GitHub points to and run the job again; if it is about a branch or pull request that already exists, remove it first"},
	"cli.github-status":      {"GitHub svarade med fel %d på %s: försök igen om en stund", "GitHub answered with error %d to %s: try again in a while"},
	"cli.github-rate-limit":  {"GitHub tar inte emot fler anrop just nu (gränsen för anrop är nådd): försök igen om en stund", "GitHub takes no more requests just now (the rate limit is reached): try again in a while"},
	"cli.github-unreachable": {"GitHub gick inte att nå på %s: kontrollera nätverket och GITHUB_API_URL", "GitHub could not be reached at %s: check the network and GITHUB_API_URL"},
	"cli.theme-unreadable":   {"temat: %s går inte att läsa: kontrollera filens rättigheter, eller ta bort site/layouts för att använda det inbyggda temat", "the theme: %s cannot be read: check the file's permissions, or remove site/layouts to use the built-in theme"},
	"cli.theme-nul":          {"temat: %s innehåller ett NUL-tecken: spara mallen som vanlig text", "the theme: %s holds a NUL character: save the layout as plain text"},
	"cli.theme-template":     {"temat i site/layouts går inte att använda; mallmotorn säger: ”%s”. Rätta mallen, eller ta bort site/layouts för att använda det inbyggda temat", "the theme in site/layouts cannot be used; the template engine says: “%s”. Correct the layout, or remove site/layouts to use the built-in theme"},
	"cli.theme-parse":        {"%s:%s: mallen har ett fel och temat går inte att använda (mallmotorn säger: ”%s”). Rätta mallen på den raden, eller ta bort site/layouts för att använda det inbyggda temat", "%s:%s: the layout has a fault and the theme cannot be used (the template engine says: “%s”). Correct the layout on that line, or remove site/layouts to use the built-in theme"},
	"cli.theme-execute":      {"%s:%s: sidan %s går inte att bygga med mallen (mallmotorn säger: ”%s”). Rätta mallen på den raden, eller ta bort site/layouts för att använda det inbyggda temat", "%s:%s: the page %s cannot be built with the layout (the template engine says: “%s”). Correct the layout on that line, or remove site/layouts to use the built-in theme"},
	"cli.theme-failed":       {"sidan %s går inte att bygga med temat i site/layouts (mallmotorn säger: ”%s”). Rätta mallen, eller ta bort site/layouts för att använda det inbyggda temat", "the page %s cannot be built with the theme in site/layouts (the template engine says: “%s”). Correct the layout, or remove site/layouts to use the built-in theme"},
	"cli.theme-no-layout":    {"temat saknar mallen %s: lägg till den, eller ta bort site/layouts för att använda det inbyggda temat", "the theme lacks the layout %s: add it, or remove site/layouts to use the built-in theme"},
	"cli.theme-no-assets":    {"temat saknar mappen %s, med stilmallen och skriptet: kopiera den från programmets eget tema, eller ta bort site/layouts för att använda det inbyggda temat", "the theme lacks the folder %s, with the style sheet and the script: copy it from the program's own theme, or remove site/layouts to use the built-in theme"},
	"cli.cannot":             {"kan inte köra: %s", "cannot run: %s"},
	"cli.check-summary":      {"Kontrollerat: %v; %v, %v", "Checked: %v; %v, %v"},
	"cli.ideas.one":          {"%d idé", "%d idea"},
	"cli.ideas.other":        {"%d idéer", "%d ideas"},
	"cli.errors.one":         {"%d fel", "%d error"},
	"cli.errors.other":       {"%d fel", "%d errors"},
	"cli.warnings.one":       {"%d varning", "%d warning"},
	"cli.warnings.other":     {"%d varningar", "%d warnings"},
	"cli.no-dir":             {"mappen %s finns inte", "the folder %s does not exist"},
	"cli.flag-unknown":       {"okänd flagga %s", "unknown flag %s"},
	"cli.flag-bad-value":     {"flaggan %s kan inte ha värdet %q: den ska vara ett heltal, till exempel 42", "the flag %s cannot take the value %q: it takes a whole number, for example 42"},
	"cli.flag-bad-bool":      {"flaggan %s kan inte ha värdet %q: skriv bara flaggan, eller =true eller =false", "the flag %s cannot take the value %q: write the flag alone, or =true or =false"},
	"cli.flag-value":         {"flaggan %s behöver ett värde", "the flag %s needs a value"},
	"cli.not-git":            {"%s ligger inte i ett git-repo; --base kräver ett", "%s is not in a git repository; --base needs one"},
	"cli.unreadable-object":  {"%s i revisionen %q går inte att läsa ur git-repot (%v). Kontrollen avbryts, eftersom den annars skulle jämföra med en ofullständig version. Hämta repot på nytt, eller kör git fsck för att se vad som är skadat", "%s at the revision %q cannot be read from the git repository (%v). The check stops, as it would otherwise compare with an incomplete version. Fetch the repository again, or run git fsck to see what is damaged"},
	"cli.unreadable-commit":  {"commit %s (revisionen %q) går inte att läsa ur git-repot: %v. Hämta repot på nytt, eller kör git fsck för att se vad som är skadat", "the commit %s (revision %q) cannot be read from the git repository: %v. Fetch the repository again, or run git fsck to see what is damaged"},
	"cli.unreadable-history": {"git-historiken från %q går inte att läsa: en commit, en mapp eller en fil i den är skadad (git säger: ”%s”). Hämta repot på nytt, eller kör git fsck för att se vad som är skadat", "the git history from %q cannot be read: a commit, folder or file in it is damaged (git says: “%s”). Fetch the repository again, or run git fsck to see what is damaged"},
	"cli.git-unopenable":     {"git-repot för %s går inte att öppna (git säger: ”%s”). Kontrollera mappen .git, eller klona repot på nytt", "the git repository of %s cannot be opened (git says: “%s”). Check the .git folder, or clone the repository again"},
	"cli.bad-revision":       {"revisionen %q finns inte i repot (en grund klon kan sakna den: hämta mer historik, i GitHub Actions med fetch-depth: 0)", "the revision %q is not in the repository (a shallow clone may lack it: fetch more history, in GitHub Actions with fetch-depth: 0)"},
}
