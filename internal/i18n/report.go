package i18n

func init() {
	for k, v := range reportTexts {
		catalog[k] = v
	}
}

// reportTexts are the texts of the periodic report.
var reportTexts = map[string]Text{
	"report.title":    {"Verksamhetsrapport %s %s", "Activity report %s %s"},
	"report.org":      {"%s", "%s"},
	"report.period":   {"Period: %s", "Period: %s"},
	"report.compared": {"Jämförs med: %s", "Compared with: %s"},
	"report.unit":     {"Förvaltning: %s", "Unit: %s"},
	"report.summary":  {"Sammanfattning", "Summary"},
	"report.measure":  {"Nyckeltal", "Measure"},

	"report.compare.submitted":                     {"Registrerade idéer", "Ideas submitted"},
	"report.compare.screened":                      {"Bedömda idéer", "Ideas screened"},
	"report.compare.median-days-to-first-feedback": {"Dagar till första återkoppling (median)", "Days to first feedback (median)"},
	"report.compare.share-feedback-within-limit":   {"Återkoppling i tid", "Feedback on time"},
	"report.compare.decided":                       {"Beslut", "Decisions"},
	"report.compare.implemented":                   {"Genomförda innovationer", "Innovations implemented"},
	"report.compare.evaluated":                     {"Utvärderade innovationer", "Innovations evaluated"},

	"report.inflow":      {"Inflöde", "Inflow"},
	"report.inflow-text": {"Under perioden registrerades %d idéer.", "%d ideas were submitted in the period."},
	"report.kind":        {"Typ", "Kind"},
	"report.unit-col":    {"Förvaltning", "Unit"},
	"report.count":       {"Antal", "Number"},
	"report.ideas":       {"Idéer", "Ideas"},
	"report.idea":        {"Idé", "Idea"},
	"report.by-month":    {"Per månad och förvaltning", "By month and unit"},
	"report.month":       {"Månad", "Month"},
	"report.total":       {"Totalt", "Total"},

	"report.funnel":             {"Hur långt idéerna har kommit", "How far the ideas have come"},
	"report.funnel-text":        {"Av de %d idéer som registrerades under perioden har så här många nått varje steg (till i dag):", "Of the %d ideas submitted in the period, this many have reached each step (to date):"},
	"report.step":               {"Steg", "Step"},
	"report.share":              {"Andel", "Share"},
	"report.funnel.screened":    {"Bedömda", "Screened"},
	"report.funnel.developed":   {"Vidareutvecklade", "Developed further"},
	"report.funnel.quick-win":   {"Snabba vinster", "Quick wins"},
	"report.funnel.proposed":    {"Beslutsunderlag klart", "Decision basis ready"},
	"report.funnel.decided":     {"Beslutade (ja eller nej)", "Decided (yes or no)"},
	"report.funnel.approved":    {"Beslutade att genomföras", "Approved"},
	"report.funnel.started":     {"Genomförande påbörjat", "Implementation started"},
	"report.funnel.implemented": {"Genomförda", "Implemented"},
	"report.funnel.evaluated":   {"Utvärderade", "Evaluated"},

	"report.response":               {"Svarstider", "Response times"},
	"report.first-feedback":         {"Tid från registrering till första återkoppling: median %s dagar, 90:e percentilen %d dagar (%d bedömningar under perioden).", "Time from submission to first feedback: median %s days, 90th percentile %d days (%d screenings in the period)."},
	"report.first-feedback-none":    {"Inga idéer bedömdes under perioden.", "No ideas were screened in the period."},
	"report.within":                 {"%s gavs inom %[4]d dagar (%[2]d av %[3]d).", "%s were given within %[4]d days (%[2]d of %[3]d)."},
	"report.to-decision":            {"Tid från registrering till beslut: median %s dagar, 90:e percentilen %d dagar (%d beslut under perioden).", "Time from submission to decision: median %s days, 90th percentile %d days (%d decisions in the period)."},
	"report.to-decision-none":       {"Inga beslut fattades under perioden.", "No decisions were made in the period."},
	"report.to-implementation":      {"Tid från registrering till genomförd: median %s dagar, 90:e percentilen %d dagar (%d genomförda under perioden).", "Time from submission to implemented: median %s days, 90th percentile %d days (%d implemented in the period)."},
	"report.to-implementation-none": {"Ingen innovation blev genomförd under perioden.", "No innovation was completed in the period."},

	"report.results":        {"Resultat", "Results"},
	"report.implemented":    {"Genomförda innovationer", "Innovations implemented"},
	"report.implemented-on": {"Genomförd %s · %s", "Completed %s · %s"},
	"report.evaluated":      {"Utvärderade innovationer", "Innovations evaluated"},
	"report.evaluated-on":   {"Utvärderad %s · %s", "Evaluated %s · %s"},
	"report.effects":        {"**Effekter:**", "**Effects:**"},
	"report.lessons":        {"**Lärdomar:**", "**Lessons:**"},
	"report.reported":       {"Rapporterad till %s %s.", "Reported to %s on %s."},
	"report.quick-wins":     {"Snabba vinster", "Quick wins"},
	"report.none":           {"Inga under perioden.", "None in the period."},

	"report.backlog":      {"Det som väntar vid periodens slut", "What waits at the end of the period"},
	"report.backlog-text": {"Den %s var %d idéer öppna, varav %d försenade (första återkoppling efter gränsen, eller pausade förbi sitt datum för att tas upp igen).", "On %s, %d ideas were open, %d of them overdue (first feedback past the limit, or paused past their revisit date)."},
	"report.stage":        {"Steg", "Stage"},
	"report.age":          {"Dagar i steget", "Days at the stage"},
	"report.since":        {"Sedan", "Since"},
	"report.overdue":      {"Försenad", "Overdue"},
	"report.yes":          {"ja", "yes"},

	"report.method":      {"Om siffrorna", "About the figures"},
	"report.method-text": {"Alla siffror är beräknade från idéfilerna med `idebank report --period %s` och kan upprepas av vem som helst. Varje siffra bygger på de idéer som står bredvid den; CSV- och JSON-formaten har en rad per idé och uppgift. Tider räknas i kalenderdagar; medianen är mittvärdet och den 90:e percentilen det värde som 90 %% av idéerna håller sig inom. Vilket steg en idé var i vid periodens slut bestäms av datumen i dess fil.", "Every figure is computed from the idea files with `idebank report --period %s` and can be reproduced by anyone. Each figure is made of the ideas listed beside it; the CSV and JSON formats have one row per idea and fact. Times are counted in calendar days; the median is the middle value and the 90th percentile the value that 90%% of the ideas stay within. The stage an idea was at when the period ended is decided by the dates in its file."},
}
