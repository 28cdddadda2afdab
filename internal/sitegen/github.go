package sitegen

import (
	"cmp"
	"net/url"
	"path"
	"strings"

	"github.com/idebanken/idebanken/internal/issueform"
	"github.com/idebanken/idebanken/internal/model"
)

// DefaultBranch is the branch the site links files on, where the build
// is not told another.
const DefaultBranch = "main"

// gitHub makes the addresses of the bank on GitHub: its issue forms, its
// files and their history. Without a repository it makes none.
type gitHub struct {
	repo   string // owner/name, or ""
	branch string
	dir    string // the bank's folder in the repository, "" at its top
}

func (g gitHub) known() bool { return g.repo != "" }

func (g gitHub) base() string { return "https://github.com/" + g.repo }

// form returns the address of the issue form of kind k, with fields filled
// in: GitHub fills in a field of a form from the query parameter named by
// its id.
func (g gitHub) form(k model.Kind, fields url.Values) string {
	if !g.known() {
		return ""
	}
	q := url.Values{"template": {issueform.FileName(k)}}
	for key, v := range fields {
		q[key] = v
	}
	return g.base() + "/issues/new?" + q.Encode()
}

// file returns the path of a file of the bank in the repository, each
// segment escaped for an address.
func (g gitHub) file(p string) string {
	parts := strings.Split(path.Join(g.dir, p), "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// edit returns the address of GitHub's editor for the file at p, which
// proposes the change as a pull request for anyone who may not push.
func (g gitHub) edit(p string) string {
	if !g.known() || p == "" {
		return ""
	}
	return g.base() + "/edit/" + url.PathEscape(g.branch) + "/" + g.file(p)
}

// history returns the address of the commits that changed the file at p.
func (g gitHub) history(p string) string {
	if !g.known() || p == "" {
		return ""
	}
	return g.base() + "/commits/" + url.PathEscape(g.branch) + "/" + g.file(p)
}

// commit returns the address of a commit.
func (g gitHub) commit(sha string) string {
	if !g.known() || sha == "" {
		return ""
	}
	return g.base() + "/commit/" + url.PathEscape(sha)
}

// Form is one issue form on GitHub, as an invitation to submit.
type Form struct {
	Kind model.Kind
	Name string // the kind as people call it
	Desc string
	URL  string
}

// Contact is someone to ask how to submit, where the site knows no
// repository to link to.
type Contact struct {
	Name, Unit string
}

// Submit is how a page invites people to submit an idea: the forms on
// GitHub, or who to ask.
type Submit struct {
	Forms    []Form
	Contacts []Contact
	// UnitName is the unit the forms are filled in with, or "".
	UnitName string
}

// submit returns the invitation to submit, for the unit u (nil for any).
func (s *site) submit(u *model.Unit) Submit {
	var sub Submit
	if s.github.known() {
		var fields url.Values
		if u != nil {
			// The form's unit field is a list of the units' names.
			fields = url.Values{issueform.IDUnit: {u.Name}}
			sub.UnitName = clean(u.Name)
		}
		for _, k := range model.Kinds {
			sub.Forms = append(sub.Forms, Form{Kind: k, Name: s.t("kind." + string(k)), Desc: s.t("site.kind-desc." + string(k)), URL: s.github.form(k, fields)})
		}
		return sub
	}
	unit := ""
	if u != nil {
		unit = u.ID
	}
	for _, p := range s.cfg.People {
		if p.Name == "" || !holdsIn(&p, model.RoleAmbassador, unit) {
			continue
		}
		c := Contact{Name: clean(p.Name)}
		var units []string
		for _, id := range p.Units {
			if x := s.cfg.Unit(id); x != nil {
				units = append(units, clean(x.Name))
			}
		}
		if len(units) == 0 {
			c.Unit = s.t("site.submit.every-unit")
		} else {
			c.Unit = strings.Join(units, ", ")
		}
		sub.Contacts = append(sub.Contacts, c)
	}
	return sub
}

// holdsIn reports whether p holds r in unit, or anywhere when unit is "".
func holdsIn(p *model.Person, r model.Role, unit string) bool {
	if unit != "" {
		return p.Holds(r, unit)
	}
	for _, x := range p.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Statement is the data of the accessibility statement
// (tillgänglighetsredogörelse), after DIGG's model: every text in the
// site's language.
type Statement struct {
	Assessed bool   // false: the site has not been assessed, and says so
	Status   string // how far the site complies, as a sentence
	Issues   []string
	// ContactURL is where to report a barrier: a web address or a mailto:
	// address; ContactText what the link says.
	ContactURL, ContactText string
	Method                  string // how it was assessed, as a sentence
	AssessedText            string // the date of the assessment
	StatementText           string // the date the statement was updated
}

// statement makes the accessibility statement from the configuration.
func (s *site) statement() Statement {
	a := s.cfg.Accessibility
	if a == nil {
		return Statement{}
	}
	st := Statement{Assessed: true, Status: s.t("site.a11y.status." + string(a.Status)),
		Method: s.t("site.a11y.method." + string(a.Method)), AssessedText: LongDate(s.lang, a.Assessed)}
	for _, issue := range a.KnownIssues {
		st.Issues = append(st.Issues, clean(issue))
	}
	st.StatementText = LongDate(s.lang, cmp.Or(a.Statement, a.Assessed))
	// The contact is the organisation's, and published on purpose: it is
	// not masked as an address in an idea's text is.
	switch c := a.Contact; {
	case strings.HasPrefix(c, "http://") || strings.HasPrefix(c, "https://"):
		st.ContactURL, st.ContactText = c, c
	case c != "":
		addr := strings.TrimPrefix(c, "mailto:")
		st.ContactURL, st.ContactText = "mailto:"+addr, addr
	}
	return st
}
