package i18n

func init() {
	for k, v := range labels {
		catalog[k] = v
	}
}

// labels name the process's vocabulary as people say it: the stages, the
// kinds of idea, the roles and the criteria.
var labels = map[string]Text{
	"stage.submitted":    {"Registrerad", "Submitted"},
	"stage.developing":   {"Vidareutvecklas", "Being developed"},
	"stage.quick-win":    {"Snabb vinst", "Quick win"},
	"stage.paused":       {"Pausad", "Paused"},
	"stage.rejected":     {"Avslagen", "Rejected"},
	"stage.proposed":     {"Beslutsunderlag klart", "Proposed"},
	"stage.approved":     {"Beslutad", "Approved"},
	"stage.planning":     {"Planeras", "Being planned"},
	"stage.implementing": {"Genomförs", "Being implemented"},
	"stage.implemented":  {"Genomförd", "Implemented"},
	"stage.evaluated":    {"Utvärderad", "Evaluated"},
	"stage.withdrawn":    {"Återtagen", "Withdrawn"},

	"kind.improvement": {"Förbättringsförslag", "Improvement"},
	"kind.incident":    {"Tillbud", "Incident"},
	"kind.deviation":   {"Avvikelse", "Deviation"},
	"kind.problem":     {"Problem utan lösning", "Problem without a solution"},

	"role.ambassador":       {"Idéambassadör", "Idea ambassador"},
	"role.innovation-group": {"Innovationsgrupp", "Innovation group"},
	"role.unit-manager":     {"Enhetschef", "Unit manager"},
	"role.management":       {"Förvaltningsledning", "Management"},
	"role.project-lead":     {"Projektledare", "Project lead"},
	"role.communicator":     {"Kommunikatör", "Communicator"},
	"role.admin":            {"Administratör", "Administrator"},

	"criterion.mission": {"Inom förvaltningens uppdrag", "Within the administration's mission"},
	"criterion.reach":   {"Berör fler än en enskild medarbetare", "Affects more than one employee"},
	"criterion.benefit": {"Medborgarnytta och/eller effektivisering", "Public benefit and/or efficiency"},
	"criterion.value":   {"Effekt i förhållande till resurser, kort och lång sikt", "Effect against resources, short and long term"},

	"section.screening":      {"Utvärdering", "Screening"},
	"section.proposal":       {"Beslutsunderlag", "Decision basis"},
	"section.decision":       {"Beslut", "Decision"},
	"section.plan":           {"Förbereda genomförandet", "Preparing the implementation"},
	"section.implementation": {"Genomföra och kommunicera", "Implementing and communicating"},
	"section.outcome":        {"Utvärdera innovationen", "Evaluating the innovation"},
	"section.withdrawn":      {"Återtagen", "Withdrawn"},
}
