package model

// Config is the configuration of an idea bank, idebank.yaml.
type Config struct {
	Title        string
	Organisation string
	Language     Lang
	BaseURL      string
	FeedbackDays int
	// Repository is where the bank lives on GitHub, "owner/name", or "":
	// the site links to its issue forms, files and history.
	Repository string
	// Accessibility is what the accessibility statement says; nil when
	// the site has not been assessed.
	Accessibility *Accessibility
	Units         []Unit
	People        []Person
	// Process is the bank's improvement process: its own, or the default
	// of v1 when idebank.yaml has no process:. Nil only in a Config made
	// by hand, which then runs the default too.
	Process *Process
}

// DefaultFeedbackDays is the feedback_days used when the configuration does
// not set it.
const DefaultFeedbackDays = 30

// Accessibility is the assessment the site's accessibility statement
// (tillgänglighetsredogörelse) reports, after DIGG's model.
type Accessibility struct {
	Status   Compliance
	Assessed Date
	// Statement is when the statement was last brought up to date; zero
	// for the day of the assessment.
	Statement Date
	Method    AssessMethod
	// Contact is where to report a barrier: a web address or an e-mail
	// address of the organisation.
	Contact string
	// KnownIssues are what does not yet meet the requirements, in plain
	// words.
	KnownIssues []string
}

// Compliance is how far a site meets the accessibility requirements.
type Compliance string

// The states of compliance, as DIGG's model names them.
const (
	ComplianceFull    Compliance = "full"    // helt förenlig
	CompliancePartial Compliance = "partial" // delvis förenlig
	ComplianceNone    Compliance = "none"    // inte förenlig
)

// Compliances lists every valid Compliance.
var Compliances = []Compliance{ComplianceFull, CompliancePartial, ComplianceNone}

// AssessMethod is how the site's accessibility was assessed.
type AssessMethod string

// The methods of assessment.
const (
	MethodSelf  AssessMethod = "self-assessment" // egen bedömning
	MethodAudit AssessMethod = "audit"           // granskning av tredje part
)

// AssessMethods lists every valid AssessMethod.
var AssessMethods = []AssessMethod{MethodSelf, MethodAudit}

// Unit is an administration or department that ideas belong to.
type Unit struct {
	ID   string
	Name string
}

// Person is someone who holds roles in the process.
type Person struct {
	Login string // GitHub login
	Name  string
	Roles []Role
	Units []string // empty: every unit
}

// Holds reports whether p has role r in the unit with id unit.
func (p *Person) Holds(r Role, unit string) bool {
	if !contains(p.Roles, r) {
		return false
	}
	return len(p.Units) == 0 || contains(p.Units, unit)
}

// Unit returns the unit with the given id, or nil.
func (c *Config) Unit(id string) *Unit {
	for i := range c.Units {
		if c.Units[i].ID == id {
			return &c.Units[i]
		}
	}
	return nil
}

// Person returns the person with the given login, or nil. Logins compare
// without regard to case, as on GitHub.
func (c *Config) Person(login string) *Person {
	for i := range c.People {
		if equalFoldASCII(c.People[i].Login, login) {
			return &c.People[i]
		}
	}
	return nil
}

// Holds reports whether the person with login has role r in unit.
func (c *Config) Holds(login string, r Role, unit string) bool {
	p := c.Person(login)
	return p != nil && p.Holds(r, unit)
}

// Holders returns the logins of everyone who has role r in unit.
func (c *Config) Holders(r Role, unit string) []string {
	var logins []string
	for i := range c.People {
		if c.People[i].Holds(r, unit) {
			logins = append(logins, c.People[i].Login)
		}
	}
	return logins
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// SameLogin reports whether two GitHub logins name the same account.
func SameLogin(a, b string) bool { return a != "" && equalFoldASCII(a, b) }

// ValidLogin reports whether s can be a GitHub login: letters, digits and
// single hyphens, not at either end, at most 39 characters.
func ValidLogin(s string) bool {
	if len(s) == 0 || len(s) > 39 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' && s[i-1] != '-'
		if !ok {
			return false
		}
	}
	return true
}
