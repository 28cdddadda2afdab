package model

// Kind is what an idea is: a suggestion, an incident, a deviation or a problem
// without a solution.
type Kind string

// The kinds of idea.
const (
	KindImprovement Kind = "improvement" // förbättringsförslag
	KindIncident    Kind = "incident"    // tillbud
	KindDeviation   Kind = "deviation"   // avvikelse
	KindProblem     Kind = "problem"     // problem utan lösning → nytänkandeverkstad
)

// Kinds lists every valid Kind in the order users see them.
var Kinds = []Kind{KindImprovement, KindIncident, KindDeviation, KindProblem}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return contains(Kinds, k) }

// Stage is where an idea is in the process.
type Stage string

// The stages of the process.
const (
	StageSubmitted    Stage = "submitted"
	StageDeveloping   Stage = "developing"
	StageQuickWin     Stage = "quick-win"
	StagePaused       Stage = "paused"
	StageRejected     Stage = "rejected"
	StageProposed     Stage = "proposed"
	StageApproved     Stage = "approved"
	StagePlanning     Stage = "planning"
	StageImplementing Stage = "implementing"
	StageImplemented  Stage = "implemented"
	StageEvaluated    Stage = "evaluated"
	StageWithdrawn    Stage = "withdrawn"
)

// Stages lists every valid Stage in the order of the process, side tracks
// (paused, rejected, withdrawn) after the main line.
var Stages = []Stage{
	StageSubmitted, StageDeveloping, StageQuickWin, StageProposed, StageApproved,
	StagePlanning, StageImplementing, StageImplemented, StageEvaluated,
	StagePaused, StageRejected, StageWithdrawn,
}

// Valid reports whether s is one of Stages.
func (s Stage) Valid() bool { return contains(Stages, s) }

// Final reports whether no change of stage may follow s.
func (s Stage) Final() bool {
	return s == StageRejected || s == StageWithdrawn || s == StageEvaluated
}

// Role is what a person may do in the process.
type Role string

// The roles of the configuration.
const (
	RoleAmbassador      Role = "ambassador"       // idéambassadör
	RoleInnovationGroup Role = "innovation-group" // innovationsgrupp
	RoleUnitManager     Role = "unit-manager"     // enhetschef / avdelningschef
	RoleManagement      Role = "management"       // förvaltningsledning
	RoleProjectLead     Role = "project-lead"     // projektledare / utredare
	RoleCommunicator    Role = "communicator"     // kommunikatör
	// RoleAdmin holds the bank's rules: a change of idebank.yaml must be
	// made or approved by an admin of the base (check rule config-change).
	// It is bank-wide; a person's units do not narrow it.
	RoleAdmin Role = "admin" // administratör
)

// Roles lists every valid Role.
var Roles = []Role{
	RoleAmbassador, RoleInnovationGroup, RoleUnitManager,
	RoleManagement, RoleProjectLead, RoleCommunicator, RoleAdmin,
}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return contains(Roles, r) }

// ScreeningOutcome is where the screening sends an idea.
type ScreeningOutcome string

// The outcomes of a screening.
const (
	ScreenDevelop  ScreeningOutcome = "develop"
	ScreenQuickWin ScreeningOutcome = "quick-win"
	ScreenPause    ScreeningOutcome = "pause"
	ScreenReject   ScreeningOutcome = "reject"
)

// ScreeningOutcomes lists every valid ScreeningOutcome.
var ScreeningOutcomes = []ScreeningOutcome{ScreenDevelop, ScreenQuickWin, ScreenPause, ScreenReject}

// Valid reports whether o is one of ScreeningOutcomes.
func (o ScreeningOutcome) Valid() bool { return contains(ScreeningOutcomes, o) }

// DecisionOutcome is what a decision says.
type DecisionOutcome string

// The outcomes of a decision.
const (
	DecideApprove DecisionOutcome = "approve"
	DecideReject  DecisionOutcome = "reject"
	DecidePause   DecisionOutcome = "pause"
)

// DecisionOutcomes lists every valid DecisionOutcome.
var DecisionOutcomes = []DecisionOutcome{DecideApprove, DecideReject, DecidePause}

// Valid reports whether o is one of DecisionOutcomes.
func (o DecisionOutcome) Valid() bool { return contains(DecisionOutcomes, o) }

// Lang is the language of the site and of messages.
type Lang string

// The supported languages.
const (
	Swedish Lang = "sv"
	English Lang = "en"
)

// Langs lists every supported Lang, the default first.
var Langs = []Lang{Swedish, English}

// Valid reports whether l is one of Langs.
func (l Lang) Valid() bool { return contains(Langs, l) }

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
