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
	ID         string
	Title      string
	Kind       model.Kind
	Stage      model.Stage
	KindName   string // in the site's language
	StageName  string
	Unit       string // id
	UnitName   string
	Submitter  string // "" when anonymous
	Submitted  model.Date
	Tags       []string
	TagLinks   []Tag  // the tags with the folders of their pages
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

	Timeline []Event
	// Merged is when each step was merged, from the repository's history.
	Merged []Merge
	// HistoryNote is a catalogue key that says why Merged is missing or
	// incomplete, or "".
	HistoryNote string
	Related     []Ref
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
}

// Merge is a step as the repository's history records it. It names
// nobody: a commit's author is whatever name and address the committer
// wrote, and who took a step is the signature in the file.
type Merge struct {
	From, To model.Stage
	Date     model.Date
	Commit   string // abbreviated; "" where public.Commit allows none
}

// merged returns the steps of idea in hist, as public allows them to be
// shown: for an anonymous idea, the stages and dates without the commits.
func merged(idea *model.Idea, hist *history.History) ([]Merge, string) {
	if hist == nil {
		return nil, "site.history.none"
	}
	var out []Merge
	for _, st := range hist.Steps[idea.ID] {
		out = append(out, Merge{From: st.From, To: st.To, Date: model.DateOf(st.When), Commit: public.Commit(idea, st.Commit)})
	}
	if hist.Shallow {
		return out, "site.history.shallow"
	}
	return out, ""
}

// clean makes a text fit to publish.
func clean(s string) string { return personal.MaskEmails(s) }

// newIdea makes the published view of idea. The texts it holds for the
// layouts are in lang: printing a field costs a page less than calling a
// template function that looks it up.
func newIdea(idea *model.Idea, cfg *model.Config, lang model.Lang, md *render.Renderer) (*Idea, error) {
	tr := func(key string) string { return i18n.T(lang, key) }
	say := func(key string, args ...any) string { return i18n.Render(lang, i18n.M(key, args...)) }
	sign := func(d model.Date, p Person) string { return say("site.signed", d, p.Name) }
	person := func(login string) Person {
		if login == "" {
			return Person{}
		}
		if p := cfg.Person(login); p != nil && p.Name != "" {
			return Person{Login: p.Login, Name: clean(p.Name)}
		}
		return Person{Login: login, Name: clean(login)}
	}
	body, plain, err := md.HTMLAndText(idea.Body)
	if err != nil {
		return nil, err
	}
	v := &Idea{
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
			OutcomeText: tr("site.screening." + string(s.Outcome)),
			Revisit:     s.Revisit}
		v.Screening.Signature = sign(s.Date, v.Screening.By)
		if !s.Revisit.IsZero() {
			v.Screening.RevisitText = say("site.revisit", s.Revisit)
		}
		for _, def := range proc(cfg).Criteria {
			a := s.Criteria[def.ID]
			c := Criterion{Key: def.ID, Met: a.Met, Note: clean(a.Note), Label: def.Label.In(lang), MetText: tr("site.no")}
			switch {
			case def.Type == model.CriterionScore:
				c.Scores, c.Max = make(map[string]int, len(def.Terms)), def.Max
				for _, t := range def.Terms {
					c.Scores[t] = a.Scores[t]
				}
				c.MetText = scoreText(lang, def, a)
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
		v.Decision = &Decision{Date: d.Date, By: person(d.By), Signature: sign(d.Date, person(d.By)), Outcome: d.Outcome, OutcomeText: tr("site.decision." + string(d.Outcome)),
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
	v.Timeline = timeline(v)
	for i, e := range v.Timeline {
		v.Timeline[i].Text = tr(e.Label)
		if e.By.Name != "" {
			v.Timeline[i].Text += " – " + e.By.Name
		}
	}
	v.Changed = v.Submitted
	for i, e := range v.Timeline {
		if e.Date.After(v.Changed) {
			v.Changed = e.Date
		}
		v.Timeline[i].DateText = e.Date.String()
	}
	v.SubmittedText, v.ChangedText = v.Submitted.String(), v.Changed.String()
	return v, nil
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

// timeline lists the dated steps of v in order, from the dates in its
// sections.
func timeline(v *Idea) []Event {
	ev := make([]Event, 1, 8) // room for the steps of most ideas, without growing
	ev[0] = Event{Date: v.Submitted, Stage: model.StageSubmitted, Label: "site.event.submitted"}
	add := func(d model.Date, st model.Stage, label string, by Person) {
		if !d.IsZero() {
			ev = append(ev, Event{Date: d, Stage: st, Label: label, By: by})
		}
	}
	if s := v.Screening; s != nil {
		add(s.Date, workflow.LeadsTo("screening", string(s.Outcome)), "site.event.screened."+string(s.Outcome), s.By)
	}
	if p := v.Proposal; p != nil {
		add(p.Date, model.StageProposed, "site.event.proposed", p.By)
	}
	if d := v.Decision; d != nil {
		add(d.Date, workflow.LeadsTo("decision", string(d.Outcome)), "site.event.decided."+string(d.Outcome), d.By)
	}
	if p := v.Plan; p != nil {
		add(p.Date, model.StagePlanning, "site.event.planned", p.By)
	}
	if im := v.Implementation; im != nil {
		add(im.Started, model.StageImplementing, "site.event.started", Person{})
		if c := im.Communicated; c != nil {
			add(c.Date, model.StageImplementing, "site.event.communicated", c.By)
		}
		add(im.Completed, model.StageImplemented, "site.event.completed", Person{})
	}
	if o := v.Outcome; o != nil {
		add(o.Date, model.StageEvaluated, "site.event.evaluated", o.By)
		add(o.ReportedDate, model.StageEvaluated, "site.event.reported", Person{})
	}
	if w := v.Withdrawn; w != nil {
		add(w.Date, model.StageWithdrawn, "site.event.withdrawn", Person{})
	}
	slices.SortStableFunc(ev, func(a, b Event) int { return a.Date.Compare(b.Date) })
	return ev
}

// StageLabel returns the label of a stage in lang.
func StageLabel(lang model.Lang, s model.Stage) string { return i18n.T(lang, "stage."+string(s)) }

// waitsFor returns who an idea at stage s waits for: the actors of the
// steps onward, except withdrawal, which only its submitter may take.
func waitsFor(s model.Stage) []workflow.Actor {
	var actors []workflow.Actor
	for _, to := range workflow.Next(s) {
		if to == model.StageWithdrawn {
			continue
		}
		t, _ := workflow.Lookup(s, to)
		for _, a := range t.Actors {
			if !slices.Contains(actors, a) {
				actors = append(actors, a)
			}
		}
	}
	return actors
}
