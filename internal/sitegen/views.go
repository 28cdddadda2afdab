package sitegen

import (
	"html/template"
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
	"github.com/idebanken/idebanken/internal/public"
	"github.com/idebanken/idebanken/internal/render"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Idea is what the site publishes of an idea. Everything in it may be
// shown to anyone: it never holds an anonymous submitter's name, a
// submitter's login or an e-mail address.
type Idea struct {
	ID        string
	Title     string
	Kind      model.Kind
	Stage     model.Stage
	KindName  string // in the site's language
	StageName string
	Unit      string // id
	UnitName  string
	Submitter string // "" when anonymous
	Submitted model.Date
	Tags      []string
	// TagLinks are the tags with the folders of their pages: as Timeline,
	// for the idea's page.
	TagLinks   []Tag
	Discussion string // a web address, or ""
	Body       template.HTML
	Text       string // the body as plain text, for search

	Screening      *Screening
	Proposal       *Proposal
	Decision       *Decision
	Plan           *Signed
	Implementation *Implementation
	Outcome        *Outcome
	Withdrawn      *Withdrawn
	// Own are the sections of the bank's own process, in its order.
	Own []OwnSection

	// Timeline is every step the idea took, from its file and the
	// repository's history reconciled, oldest first: made for its page
	// alone (see pageView), nil in the view.
	Timeline []Event
	// HistoryNote is a catalogue key that says why the history is missing
	// from the timeline or incomplete, or "": as Timeline, for the page.
	HistoryNote string
	// Next is where the idea stands and what happens next: as Timeline,
	// for the page.
	Next Next
	// EditURL and HistoryURL are GitHub's editor for the idea's file and
	// the file's history; "" where the repository is not known. As
	// Timeline, for the page.
	EditURL, HistoryURL string
	Related             []Ref
	// Similar are the ideas most like this one, most alike first (see
	// package similar): whole ideas, so that a page prints them as the
	// rows of a table that every list shares (see site.rows).
	Similar []*Idea
	// DuplicateOf is the original of an idea screened as its duplicate,
	// and Duplicates the ideas screened as this one's, by id, with
	// DuplicatesText saying how many they are ("" for none).
	DuplicateOf    *Ref
	Duplicates     []Ref
	DuplicatesText string
	// Changed is the date of the latest step.
	Changed model.Date
	// SubmittedText and ChangedText are the dates as a page prints them:
	// a layout prints a string for less than half of what a date costs,
	// which html/template formats through fmt.
	SubmittedText, ChangedText string

	// events are the idea's as workflow's Events made them, for the
	// reports (see site.eventsOf) and the timeline of its page.
	events []workflow.Event

	// src is the idea the view was made of: serve keeps what is made of
	// it between builds (see ViewCache).
	src *model.Idea
}

// Ref is a link to another idea.
type Ref struct {
	ID, Title string
	Stage     model.Stage
	StageName string
}

// Person is someone named on a page: their name, or their login when the
// configuration has no name.
type Person struct {
	Login, Name string
}

// Screening is the published screening.
type Screening struct {
	Date      model.Date
	By        Person
	Signature string // the date and who, as the page shows them
	Criteria  []Criterion
	Outcome   model.ScreeningOutcome
	// OutcomeText is the outcome as people read it.
	OutcomeText string
	Feedback    string
	Revisit     model.Date
	// RevisitText is the revisit date as a sentence, "" when there is
	// none.
	RevisitText string
}

// Criterion is one criterion of the assessment, as the process lists them:
// met or not, or scored.
type Criterion struct {
	Key    string // mission, reach, benefit, value in v1
	Met    bool
	Scores map[string]int // by term, for a criterion scored
	Max    int            // the top of a score's scale
	Note   string
	// Label and MetText are the criterion and yes or no (or its scores),
	// as people read them.
	Label, MetText string
}

// Proposal is the published decision basis.
type Proposal struct {
	Date      model.Date
	By        Person
	Signature string
	Summary   string
	Cost      int
	CostText  string // "" when there is no cost
	Resources string
}

// Decision is the published decision.
type Decision struct {
	Date        model.Date
	By          Person
	Signature   string
	Outcome     model.DecisionOutcome
	OutcomeText string
	Motivation  string
	Implementer Person
	Resources   string
}

// Signed is a dated, signed text: the plan.
type Signed struct {
	Date      model.Date
	By        Person
	Signature string
	Summary   string
}

// Implementation is the published implementation.
type Implementation struct {
	Started, Completed model.Date
	Communicated       *Communication
}

// Communication is the published announcement.
type Communication struct {
	Date    model.Date
	By      Person
	Channel string
	Text    string // when, where and by whom, as a sentence
}

// Outcome is the published evaluation.
type Outcome struct {
	Date             model.Date
	By               Person
	Signature        string
	Effects, Lessons string
	ReportedTo       string
	ReportedDate     model.Date
	ReportedText     string // "" when not reported
}

// Withdrawn is the published withdrawal.
type Withdrawn struct {
	Date   model.Date
	Reason string
}

// Event is one step in an idea's timeline.
type Event struct {
	Date     model.Date
	DateText string      // Date as a page prints it
	Stage    model.Stage // the stage the step led to
	Label    string      // a catalogue key
	By       Person
	Text     string // the label in the site's language, and who took the step
	// Commit is the commit that made the step, where the history has it.
	Commit *Commit
	// FromHistory is true for a step only the history records.
	FromHistory bool
	// aside is true for what happens within a stage (an announcement, a
	// report), not a change of stage that a commit makes.
	aside bool
}

// Commit is a commit of the repository's history, as a timeline links it.
type Commit struct {
	Date     model.Date
	DateText string
	Short    string // the abbreviated hash
	URL      string // on GitHub; "" where not known or not to be linked
}

// pageView returns a copy of v with what its page alone prints: its
// timeline, what happens next, its tags' links and the links to its file
// on GitHub. They are made as the page is written and let go with it:
// every view holding its own timeline was some 100 MB of the heap at
// 100,000 ideas, the rest some 50 MB more, only one page of which reads
// them. The view's body is let go of as its page takes it, where the
// build may (see dropsPrinted): some 40 MB at 100,000 ideas, less and
// less as the idea pages, the last of the build, are written.
func (s *site) pageView(v *Idea) *Idea {
	c := *v
	if s.dropsPrinted() {
		v.Body = ""
	}
	c.HistoryNote, c.Timeline = reconcile(timelineText(v.events, s.cfg, s.lang), v.src, s.opts.History, s.github, s.lang, proc(s.cfg))
	c.Next = next(v, s.cfg, s.lang)
	c.EditURL = s.github.edit(v.src.Path)
	if public.ShowsCommits(v.src) {
		c.HistoryURL = s.github.history(v.src.Path) // it names who made each commit
	}
	if len(v.Tags) > 0 {
		c.TagLinks = make([]Tag, len(v.Tags))
		for i, t := range v.Tags {
			c.TagLinks[i] = s.tagByName[t]
		}
	}
	return &c
}

// reconcile makes the one timeline of an idea from ev, the steps its file
// records (see timelineText): those steps, each with the commit that made
// it where the history has one, and the steps only the history still has (a stage visited before, whose section a
// later visit replaced). It names people only from the file's signed
// sections: a commit's author is whoever the commit says, and may be
// anyone. Commits are shown as package public allows: none of an
// anonymous idea, where they would tie the submitter to it.
func reconcile(ev []Event, idea *model.Idea, hist *history.History, gh gitHub, lang model.Lang, p *model.Process) (string, []Event) {
	if hist == nil {
		return "site.history.none", ev
	}
	steps := hist.Steps[idea.ID]
	matched := make([]bool, len(ev))
	var extra []Event
	// From the latest back: the file holds the latest visit of each
	// section, so the latest step to a stage is the one its dates record.
	k := len(ev) - 1
	for i := len(steps) - 1; i >= 0; i-- {
		st := steps[i]
		// The commit that added the file made the idea registered,
		// whatever stage the file had then.
		to := st.To
		if st.From == "" {
			to = ev[0].Stage // the process's first stage
		}
		j := k
		for j >= 0 && (matched[j] || ev[j].aside || ev[j].Stage != to) {
			j--
		}
		commit := Commit{Date: model.DateOf(st.When), Short: public.Commit(idea, st.Commit)}
		if commit.Short != "" {
			commit.URL = gh.commit(st.Commit)
		}
		commit.DateText = commit.Date.String()
		if j < 0 {
			if st.To == "" {
				continue
			}
			e := Event{Date: commit.Date, DateText: commit.DateText, Stage: st.To, Label: "site.event.moved", Commit: &commit, FromHistory: true}
			e.Text = i18n.Render(lang, i18n.M("site.event.moved", i18n.Name(p, "stage."+string(st.To))))
			extra = append(extra, e)
			continue
		}
		matched[j] = true
		c := commit
		ev[j].Commit = &c
		k = j - 1
	}
	if len(extra) > 0 {
		ev = append(ev, extra...)
		slices.SortStableFunc(ev, func(a, b Event) int { return a.Date.Compare(b.Date) })
	}
	if hist.Shallow {
		return "site.history.shallow", ev
	}
	return "", ev
}

// clean makes a text fit to publish.
func clean(s string) string { return personal.MaskEmails(s) }

// newIdea makes the published view of idea. The texts it holds for the
// layouts are in lang: printing a field costs a page less than calling a
// template function that looks it up. Those that many ideas have alike
// are taken from same. The view is made in dst, or in a new Idea where dst
// is nil.
func newIdea(dst *Idea, idea *model.Idea, cfg *model.Config, lang model.Lang, md *render.Renderer, same *alike) (*Idea, error) {
	tr := func(key string) string { return i18n.Label(lang, proc(cfg), key) }
	say := func(key string, args ...any) string { return i18n.Render(lang, i18n.M(key, args...)) }
	sign := func(d model.Date, p Person) string { return same.text(say("site.signed", d, p.Name)) }
	person := func(login string) Person { return personOf(cfg, login) }
	body, plain, err := md.HTMLAndText(idea.Body)
	if err != nil {
		return nil, err
	}
	if dst == nil {
		dst = new(Idea)
	}
	v := dst
	*v = Idea{
		ID: string(idea.ID), Title: clean(idea.Title), Kind: idea.Kind, Stage: idea.Stage,
		KindName: tr("kind." + string(idea.Kind)), StageName: tr("stage." + string(idea.Stage)),
		Unit: idea.Unit, UnitName: idea.Unit, Submitted: idea.Submitted,
		Submitter: public.Submitter(idea),
		Body:      template.HTML(body), // rendered safe by render.Renderer
		Text:      plain,
	}
	if u := cfg.Unit(idea.Unit); u != nil {
		v.UnitName = clean(u.Name)
	}
	for _, t := range idea.Tags {
		v.Tags = append(v.Tags, clean(t))
	}
	v.Discussion = public.WebAddress(idea.Discussion)
	if s := idea.Screening; s != nil {
		v.Screening = &Screening{Date: s.Date, By: person(s.By), Outcome: s.Outcome, Feedback: clean(s.Feedback),
			OutcomeText: outcomeText(lang, cfg, "screening", string(s.Outcome)),
			Revisit:     s.Revisit}
		v.Screening.Signature = sign(s.Date, v.Screening.By)
		if !s.Revisit.IsZero() {
			v.Screening.RevisitText = same.text(say("site.revisit", s.Revisit))
		}
		if n := len(proc(cfg).Criteria); n > 0 {
			v.Screening.Criteria = make([]Criterion, 0, n)
		}
		for _, def := range proc(cfg).Criteria {
			a := s.Criteria[def.ID]
			c := Criterion{Key: def.ID, Met: a.Met, Note: clean(a.Note), Label: def.Label.In(lang), MetText: tr("site.no")}
			switch {
			case def.Type == model.CriterionScore:
				c.Scores = same.score(def.Terms, func(t string) int { return a.Scores[t] })
				c.Max, c.MetText = def.Max, same.text(scoreText(lang, def, a))
			case a.Met:
				c.MetText = tr("site.yes")
			}
			v.Screening.Criteria = append(v.Screening.Criteria, c)
		}
	}
	if p := idea.Proposal; p != nil {
		by := person(p.By)
		v.Proposal = &Proposal{Date: p.Date, By: by, Signature: sign(p.Date, by), Summary: clean(p.Summary), Cost: p.Cost, Resources: clean(p.Resources)}
		if p.Cost != 0 {
			v.Proposal.CostText = thousands(p.Cost)
		}
	}
	if d := idea.Decision; d != nil {
		v.Decision = &Decision{Date: d.Date, By: person(d.By), Signature: sign(d.Date, person(d.By)), Outcome: d.Outcome, OutcomeText: outcomeText(lang, cfg, "decision", string(d.Outcome)),
			Motivation: clean(d.Motivation), Implementer: person(d.Implementer), Resources: clean(d.Resources)}
	}
	if p := idea.Plan; p != nil {
		v.Plan = &Signed{Date: p.Date, By: person(p.By), Signature: sign(p.Date, person(p.By)), Summary: clean(p.Summary)}
	}
	if im := idea.Implementation; im != nil {
		v.Implementation = &Implementation{Started: im.Started, Completed: im.Completed}
		if c := im.Communicated; c != nil {
			by := person(c.By)
			v.Implementation.Communicated = &Communication{Date: c.Date, By: by, Channel: clean(c.Channel),
				Text: say("site.communicated-how", c.Date, clean(c.Channel), by.Name)}
		}
	}
	if o := idea.Outcome; o != nil {
		v.Outcome = &Outcome{Date: o.Date, By: person(o.By), Signature: sign(o.Date, person(o.By)), Effects: clean(o.Effects), Lessons: clean(o.Lessons)}
		if r := o.ReportedTo; r != nil {
			v.Outcome.ReportedTo, v.Outcome.ReportedDate = clean(r.Body), r.Date
			v.Outcome.ReportedText = say("site.reported", clean(r.Body), r.Date)
		}
	}
	if w := idea.Withdrawn; w != nil {
		v.Withdrawn = &Withdrawn{w.Date, clean(w.Reason)}
	}
	v.Own = ownSections(idea, proc(cfg), lang, person)
	v.events = workflow.Of(cfg).Events(idea)
	v.Changed = v.Submitted
	for _, e := range v.events {
		if e.Date.After(v.Changed) {
			v.Changed = e.Date
		}
	}
	v.SubmittedText, v.ChangedText = same.text(v.Submitted.String()), same.text(v.Changed.String())
	return v, nil
}

// personOf returns who login is, as cfg names them.
func personOf(cfg *model.Config, login string) Person {
	if login == "" {
		return Person{}
	}
	if p := cfg.Person(login); p != nil && p.Name != "" {
		return Person{Login: p.Login, Name: clean(p.Name)}
	}
	return Person{Login: login, Name: clean(login)}
}

// timelineText is the timeline of an idea whose events are these, each
// step named and dated as its page prints it.
func timelineText(events []workflow.Event, cfg *model.Config, lang model.Lang) []Event {
	tr := func(key string) string { return i18n.Label(lang, proc(cfg), key) }
	ev := timelineOf(events, func(login string) Person { return personOf(cfg, login) })
	for i, e := range ev {
		ev[i].Text = tr(e.Label)
		if !i18n.Has(e.Label) && !e.aside { // an outcome or a section of the bank's own
			ev[i].Text = i18n.Render(lang, i18n.M("site.event.to", tr("stage."+string(e.Stage))))
		}
		if e.By.Name != "" {
			ev[i].Text += " – " + e.By.Name
		}
		ev[i].DateText = e.Date.String()
	}
	return ev
}

// outcomeText says what an outcome of section means: in v1's words, or
// for an outcome of the bank's own, the stage it leads to.
func outcomeText(lang model.Lang, cfg *model.Config, section, outcome string) string {
	prefix := map[string]string{"screening": "site.screening.", "decision": "site.decision."}[section]
	if key := prefix + outcome; prefix != "" && i18n.Has(key) {
		return i18n.T(lang, key)
	}
	to := workflow.Of(cfg).LeadsTo(section, outcome)
	return i18n.Render(lang, i18n.M("site.outcome-to", i18n.Label(lang, proc(cfg), "stage."+string(to))))
}

// OwnSection is a published section of the bank's own process: its label
// and each field it gives, in the order the process lists them.
type OwnSection struct {
	ID, Label string
	Fields    []OwnField
}

// OwnField is one field of an OwnSection, as text; URL is set for a web
// address that may be linked.
type OwnField struct {
	Name, Text, URL string
	Value           any // for open data: a text, a date, a number or a person
}

// ownSections makes the published view of the idea's sections of the
// bank's own.
func ownSections(idea *model.Idea, p *model.Process, lang model.Lang, person func(string) Person) []OwnSection {
	var out []OwnSection
	for _, def := range p.Sections {
		sec := idea.Sections[def.ID]
		if def.Builtin || sec == nil {
			continue
		}
		o := OwnSection{ID: def.ID, Label: def.Label.In(lang)}
		for _, f := range def.Fields {
			v, ok := sec.Values[f.Name]
			if !ok || !v.Set {
				continue
			}
			of := OwnField{Name: f.Name}
			switch f.Type {
			case model.FieldDate:
				of.Text, of.Value = v.Date.String(), v.Date.String()
			case model.FieldNumber:
				of.Text, of.Value = thousands(v.Number), v.Number
			case model.FieldLogin:
				by := person(v.Text)
				of.Text, of.Value = by.Name, who(by)
			case model.FieldURL:
				of.Text, of.Value = clean(v.Text), clean(v.Text)
				if render.SafeURL(v.Text) && strings.HasPrefix(strings.ToLower(v.Text), "http") {
					of.URL = v.Text
				}
			default:
				of.Text, of.Value = clean(v.Text), clean(v.Text)
			}
			o.Fields = append(o.Fields, of)
		}
		out = append(out, o)
	}
	return out
}

// proc returns the process of cfg, the default for a Config made by hand.
func proc(cfg *model.Config) *model.Process { return workflow.Of(cfg).Process }

// scoreText says what scores a criterion was given: v1's value as its own
// sentence, any other as each term's score out of the scale's top.
func scoreText(lang model.Lang, def model.CriterionDef, a model.Assessment) string {
	if slices.Equal(def.Terms, []string{"short", "long"}) && def.Max == 5 {
		return i18n.Render(lang, i18n.M("site.value", a.Scores["short"], a.Scores["long"]))
	}
	parts := make([]string, len(def.Terms))
	for i, t := range def.Terms {
		parts[i] = i18n.Render(lang, i18n.M("site.score", t, a.Scores[t], def.Max))
	}
	return strings.Join(parts, ", ")
}

// timeline lists the dated steps of idea in order, as the process's
// Events has them, each with the catalogue key that names it.
func timeline(idea *model.Idea, flow *workflow.Flow, person func(string) Person) []Event {
	return timelineOf(flow.Events(idea), person)
}

// timelineOf is timeline of an idea whose events are these.
func timelineOf(events []workflow.Event, person func(string) Person) []Event {
	ev := make([]Event, len(events))
	for i, e := range events {
		ev[i] = Event{Date: e.Date, Stage: e.Stage, Label: eventLabel(e), By: person(e.By), aside: e.To == ""}
	}
	return ev
}

// eventLabels are the catalogue keys of the dates of v1's sections; a
// key ending in a dot takes the section's outcome.
var eventLabels = map[string]string{
	"submitted":                        "site.event.submitted",
	"screening.date":                   "site.event.screened.",
	"proposal.date":                    "site.event.proposed",
	"decision.date":                    "site.event.decided.",
	"plan.date":                        "site.event.planned",
	"implementation.started":           "site.event.started",
	"implementation.communicated.date": "site.event.communicated",
	"implementation.completed":         "site.event.completed",
	"outcome.date":                     "site.event.evaluated",
	"outcome.reported_to.date":         "site.event.reported",
	"withdrawn.date":                   "site.event.withdrawn",
}

// eventLabel returns the catalogue key that names e: v1's own, or for a
// section of the bank's own the section's label. newIdea names a step
// with a key the catalogue lacks (an outcome of the bank's own) by the
// stage it leads to.
func eventLabel(e workflow.Event) string {
	if k, ok := eventLabels[e.Field]; ok {
		if strings.HasSuffix(k, ".") {
			k += e.Outcome
		}
		return k
	}
	return "section." + e.Section
}

// waitsFor returns who an idea at stage s waits for: the actors of the
// steps onward, except withdrawal, which only its submitter may take.
func waitsFor(flow *workflow.Flow, s model.Stage) []workflow.Actor {
	var actors []workflow.Actor
	for _, to := range flow.Next(s) {
		if to == model.StageWithdrawn {
			continue
		}
		t, _ := flow.Lookup(s, to)
		for _, a := range t.Actors {
			if !slices.Contains(actors, a) {
				actors = append(actors, a)
			}
		}
	}
	return actors
}
