// Package config reads idebank.yaml, the configuration of an idea bank: its
// name and language, its units, and the people who hold roles in them.
package config

import (
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/process"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// FileName is the configuration's path from the repository root.
const FileName = "idebank.yaml"

// MaxSize is the largest configuration file read, in bytes.
const MaxSize = 1 << 20

var (
	topKeys    = []string{"title", "organisation", "language", "base_url", "feedback_days", "repository", "accessibility", "units", "people", "process"}
	a11yKeys   = []string{"status", "assessed", "statement", "method", "contact", "known_issues"}
	unitKeys   = []string{"id", "name"}
	personKeys = []string{"login", "name", "roles", "units"}
)

// Parse reads and validates a configuration. It returns nil when data cannot
// be read as a configuration at all; problems are added to diags.
func Parse(data []byte, diags *diag.List) *model.Config {
	start := diag.Pos{Line: 1, Col: 1}
	if len(data) > MaxSize {
		diags.Errorf(FileName, start, diag.RuleTooLarge, "file.too-large", len(data)/1024, MaxSize/1024)
		return nil
	}
	d := yamlx.NewDecoder(FileName, 0, diags)
	d.Name = FileName
	root, ok := d.Parse(data)
	if !ok {
		return nil
	}
	if !yamlx.IsNull(root) && root.Kind != yaml.MappingNode {
		diags.Errorf(FileName, d.Pos(root), diag.RuleConfig, "config.not-mapping")
		return nil
	}
	c := &model.Config{Language: model.Swedish, FeedbackDays: model.DefaultFeedbackDays, Title: "Idébanken"}
	d.Fields[""] = yamlx.Field{Pos: start}
	var unitNodes, personNodes, processNode []*yaml.Node
	var rolesMistyped []bool
	d.Map(root, "", topKeys, func(k string, v *yaml.Node) {
		switch k {
		case "title":
			c.Title = d.String(v, k)
		case "organisation":
			c.Organisation = d.String(v, k)
		case "language":
			c.Language = yamlx.Enum(d, v, k, model.Langs)
		case "base_url":
			c.BaseURL = d.String(v, k)
			if u, err := url.Parse(c.BaseURL); c.BaseURL != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
				diags.Errorf(FileName, d.Pos(v), diag.RuleURL, "config.base-url", c.BaseURL)
				// Reported, and kept from everything that links with it:
				// the site, the feeds, the forms, the notices.
				c.BaseURL = ""
			}
		case "feedback_days":
			before := d.Diags.Len()
			n := d.Int(v, k)
			if d.Diags.Len() > before {
				break // reported; the default stands, so no idea is falsely overdue
			}
			if n < 1 {
				diags.Errorf(FileName, d.Pos(v), diag.RuleValue, "config.feedback-days", n)
				break
			}
			c.FeedbackDays = n
		case "repository":
			c.Repository = d.String(v, k)
			if c.Repository != "" && !ValidRepository(c.Repository) {
				diags.Errorf(FileName, d.Pos(v), diag.RuleValue, "config.repository", c.Repository)
			}
		case "accessibility":
			c.Accessibility = accessibility(d, v)
		case "units":
			unitNodes = items(d, v, k)
			for _, n := range unitNodes {
				c.Units = append(c.Units, unit(d, n))
			}
		case "process":
			processNode = []*yaml.Node{v}
		case "people":
			personNodes = items(d, v, k)
		}
	})
	// The process comes first whatever the order of the file: it names
	// the roles the people hold.
	c.Process = process.Default()
	if len(processNode) > 0 {
		c.Process = process.Decode(d, processNode[0], "process")
	}
	for _, n := range personNodes {
		// admin is the bank's own, not the process's: it holds the rules.
		p, mistyped := person(d, n, append(c.Process.RoleIDs(), model.RoleAdmin))
		c.People = append(c.People, p)
		rolesMistyped = append(rolesMistyped, mistyped)
	}
	validate(c, d, unitNodes, personNodes, rolesMistyped)
	return c
}

// ValidRepository reports whether s is a GitHub repository as owner/name:
// a login, a slash, and a name of letters, digits, '.', '-' and '_'.
func ValidRepository(s string) bool {
	owner, name, ok := strings.Cut(s, "/")
	if !ok || !model.ValidLogin(owner) || name == "" || len(name) > 100 || name == "." || name == ".." {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// accessibility reads the assessment the accessibility statement reports.
// Every part DIGG's model asks for must be there: a statement that left one
// out would not be one.
func accessibility(d *yamlx.Decoder, n *yaml.Node) *model.Accessibility {
	if yamlx.IsNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.Map(n, "accessibility", a11yKeys, nil) // says what it should be
		return nil
	}
	a := &model.Accessibility{}
	var issuesNode *yaml.Node
	d.Map(n, "accessibility", a11yKeys, func(k string, v *yaml.Node) {
		path := "accessibility." + k
		switch k {
		case "status":
			a.Status = yamlx.Enum(d, v, path, model.Compliances)
		case "assessed":
			a.Assessed = d.Date(v, path)
		case "statement":
			a.Statement = d.Date(v, path)
		case "method":
			a.Method = yamlx.Enum(d, v, path, model.AssessMethods)
		case "contact":
			a.Contact = strings.TrimSpace(d.String(v, path))
			if a.Contact != "" && !validContact(a.Contact) {
				d.Diags.Errorf(FileName, d.Pos(v), diag.RuleValue, "config.a11y-contact", a.Contact)
			}
		case "known_issues":
			a.KnownIssues = d.Strings(v, path)
			issuesNode = v
		}
	})
	if !a.Statement.IsZero() && !a.Assessed.IsZero() && a.Statement.Before(a.Assessed) {
		d.Diags.Errorf(FileName, d.Fields.Lookup("accessibility.statement"), diag.RuleDateOrder, "config.a11y-statement", a.Statement, a.Assessed)
	}
	for _, k := range []string{"status", "assessed", "method", "contact"} {
		if !d.Fields.Has("accessibility." + k) {
			d.Diags.Errorf(FileName, d.Pos(n), diag.RuleRequired, "config.a11y-missing", "accessibility."+k)
		}
	}
	if (a.Status == model.CompliancePartial || a.Status == model.ComplianceNone) && len(a.KnownIssues) == 0 {
		pos := d.Pos(n)
		if issuesNode != nil {
			pos = d.Pos(issuesNode)
		}
		d.Diags.Errorf(FileName, pos, diag.RuleRequired, "config.a11y-issues", a.Status)
	}
	return a
}

// validContact reports whether s is a web address or an e-mail address.
func validContact(s string) bool {
	if u, err := url.Parse(s); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return true
	}
	local, domain, ok := strings.Cut(strings.TrimPrefix(s, "mailto:"), "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " <>\"\t") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

func items(d *yamlx.Decoder, n *yaml.Node, path string) []*yaml.Node {
	if yamlx.IsNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.Diags.Errorf(FileName, d.Pos(n), diag.RuleFieldType, "config.want-list", path)
		return nil
	}
	var out []*yaml.Node
	for _, item := range n.Content {
		if !d.Alias(item) {
			out = append(out, item)
		}
	}
	return out
}

func unit(d *yamlx.Decoder, n *yaml.Node) model.Unit {
	var u model.Unit
	d.Map(n, "units[]", unitKeys, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			u.ID = d.String(v, "units[].id")
		case "name":
			u.Name = d.String(v, "units[].name")
		}
	})
	return u
}

// person reads one person. mistyped is true when roles was given in a form
// that could not be read, or a key was taken for a misspelling of it: "has
// no role" would then only repeat that error.
func person(d *yamlx.Decoder, n *yaml.Node, roles []model.Role) (p model.Person, mistyped bool) {
	before := d.Diags.Len()
	rolesGiven := false
	defer func() {
		mistyped = mistyped || rolesGiven
		for _, x := range d.Diags.Items()[before:] {
			if x.Rule == diag.RuleUnknownKey && len(x.Msg.Args) == 3 && x.Msg.Args[2] == "roles" {
				mistyped = true
			}
		}
	}()
	d.Map(n, "people[]", personKeys, func(k string, v *yaml.Node) {
		switch k {
		case "login":
			p.Login = d.String(v, "people[].login")
		case "name":
			p.Name = d.String(v, "people[].name")
		case "roles":
			if !yamlx.IsNull(v) && v.Kind != yaml.SequenceNode {
				d.Diags.Errorf(FileName, d.Pos(v), diag.RuleFieldType, "config.want-list", "roles")
				rolesGiven = true // wrongly, but "no role" would repeat it
				return
			}
			if v.Kind == yaml.SequenceNode {
				for _, r := range v.Content {
					p.Roles = append(p.Roles, yamlx.Enum(d, r, "roles", roles))
				}
			}
		case "units":
			p.Units = d.Strings(v, "people[].units")
		}
	})
	return p, false
}

// validate checks what the configuration's parts must say about each other.
// nodes give the position of each unit and person.
func validate(c *model.Config, d *yamlx.Decoder, unitNodes, personNodes []*yaml.Node, rolesMistyped []bool) {
	errorf := func(n *yaml.Node, key string, args ...any) {
		d.Diags.Errorf(FileName, d.Pos(n), diag.RuleConfig, key, args...)
	}
	if len(c.Units) == 0 && d.Fields.Is("units", yamlx.Sequence) || !d.Fields.Declared("units") {
		d.Diags.Errorf(FileName, d.Fields.Lookup("units"), diag.RuleConfig, "config.no-units")
	}
	units := make(map[string]bool)
	for i, u := range c.Units {
		n := unitNodes[i]
		switch {
		case u.ID == "":
			errorf(n, "config.unit-no-id")
		case !model.ValidSlug(u.ID):
			errorf(n, "config.unit-id-form", u.ID)
		case units[u.ID]:
			errorf(n, "config.unit-duplicate", u.ID)
		}
		if u.Name == "" {
			errorf(n, "config.unit-no-name", u.ID)
		}
		units[u.ID] = true
	}
	logins := make(map[string]bool)
	for i, p := range c.People {
		n := personNodes[i]
		key := strings.ToLower(p.Login)
		switch {
		case p.Login == "":
			errorf(n, "config.person-no-login")
		case !model.ValidLogin(p.Login):
			errorf(n, "config.login-form", p.Login)
		case logins[key]:
			errorf(n, "config.person-duplicate", p.Login)
		}
		logins[key] = true
		if p.Name == "" {
			errorf(n, "config.person-no-name", p.Login)
		}
		if len(p.Roles) == 0 && !rolesMistyped[i] {
			errorf(n, "config.person-no-role", p.Login)
		}
		for _, u := range p.Units {
			if !units[u] {
				errorf(n, "config.person-unknown-unit", p.Login, u)
			}
		}
	}
}
