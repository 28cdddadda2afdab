// Package report computes the periodic report (verksamhetsrapport) of an
// idea bank from its files alone: inflow, the funnel, how fast ideas get
// feedback and decisions, what was implemented and learnt, and what waits.
//
// Every figure keeps the ideas it is made of, and Facts lists them one row
// per idea per fact, so that anyone can check a number against the files.
package report

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
	"github.com/idebanken/idebanken/internal/workflow"
)

// Options choose what a report covers.
type Options struct {
	Period Period
	Unit   string // "" for every unit
	// Today is the day the report is made. A period that has not ended
	// by then is reported as of today, and says so: what waits at its end
	// is not yet known. Zero: the period is taken as ended.
	Today model.Date
	// OmitFacts leaves Report.Facts empty. Only the CSV and JSON formats
	// write the facts, a row per idea per figure; a caller that writes
	// neither, such as the site, is spared making them.
	OmitFacts bool
}

// Figure is a count and the ideas it is made of.
type Figure struct {
	Count int        `json:"count"`
	IDs   []model.ID `json:"ideas"`
}

func (f *Figure) add(id model.ID) {
	f.Count++
	f.IDs = append(f.IDs, id)
}

// Share returns f as a share of total, from 0 to 1; 0 when total is 0.
func (f Figure) Share(total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(f.Count) / float64(total)
}

// Group is a figure for one kind, unit or stage.
type Group struct {
	Key    string `json:"key"`
	Figure Figure `json:"figure"`
}

// Month is the inflow of one month, by unit in the order of Report.Units.
type Month struct {
	Start  model.Date `json:"month"`
	ByUnit []Figure   `json:"by_unit"`
	Total  Figure     `json:"total"`
}

// Inflow is what was submitted in the period.
type Inflow struct {
	Total   Figure  `json:"total"`
	ByKind  []Group `json:"by_kind"`
	ByUnit  []Group `json:"by_unit"`
	Monthly []Month `json:"monthly"`
}

// Step is how many of the period's ideas reached one step of the funnel.
// The steps are the stages of workflow's Funnel: the first counts the
// ideas that have left the stage every idea starts at, each other those
// that have been at the stage.
type Step struct {
	Step   string  `json:"step"`
	Figure Figure  `json:"figure"`
	Share  float64 `json:"share"`
}

// Lead is a lead time: how many days something took, over the ideas it was
// measured for.
type Lead struct {
	Figure Figure  `json:"figure"`
	Days   []int   `json:"days"` // in the order of Figure.IDs
	Median float64 `json:"median"`
	P90    int     `json:"p90"`
}

// add counts id in l, listing it only if ids: see response.
func (l *Lead) add(id model.ID, days int, ids bool) {
	if ids {
		l.Figure.add(id)
	} else {
		l.Figure.Count++
	}
	l.Days = append(l.Days, days)
}

// finish computes the median and the 90th percentile (nearest rank).
func (l *Lead) finish() {
	n := len(l.Days)
	if n == 0 {
		return
	}
	d := l.Days
	if l.Figure.IDs != nil {
		d = slices.Clone(d) // Days are in the order of the ids they are of
	}
	slices.Sort(d)
	if n%2 == 1 {
		l.Median = float64(d[n/2])
	} else {
		l.Median = float64(d[n/2-1]+d[n/2]) / 2
	}
	l.P90 = d[int(math.Ceil(0.9*float64(n)))-1]
}

// Response is how fast the process answers.
type Response struct {
	// FirstFeedback is submitted → screening, for screenings in the period.
	FirstFeedback Lead `json:"first_feedback"`
	// WithinLimit are the screenings given within feedback_days.
	WithinLimit Figure  `json:"within_limit"`
	WithinShare float64 `json:"within_share"`
	// ToDecision is submitted → decision, for decisions in the period.
	ToDecision Lead `json:"to_decision"`
	// ToImplementation is submitted → completed, for completions in the period.
	ToImplementation Lead `json:"to_implementation"`
}

// Result is an implemented or evaluated innovation.
type Result struct {
	ID           model.ID   `json:"id"`
	Title        string     `json:"title"`
	Unit         string     `json:"unit"`
	Date         model.Date `json:"date"`
	Effects      string     `json:"effects,omitempty"`
	Lessons      string     `json:"lessons,omitempty"`
	ReportedTo   string     `json:"reported_to,omitempty"`
	ReportedDate model.Date `json:"reported_date,omitzero"`
}

// Support is an idea that others proposed again: the ideas screened in
// the period as its duplicates, each one more employee asking for the
// same thing.
type Support struct {
	ID         model.ID   `json:"id"`
	Title      string     `json:"title"`
	Duplicates []model.ID `json:"duplicates"`
}

// Waiting is an idea open at the end of the period.
type Waiting struct {
	ID      model.ID    `json:"id"`
	Title   string      `json:"title"`
	Stage   model.Stage `json:"stage"`
	Since   model.Date  `json:"since"`
	Age     int         `json:"age_days"`
	Overdue bool        `json:"overdue"`
}

// Backlog is what is open at the end of the period.
type Backlog struct {
	ByStage []Group   `json:"by_stage"`
	Items   []Waiting `json:"items"`
	Overdue Figure    `json:"overdue"`
}

// Compare is a key figure in this period and the one before. A value is
// nil where there was nothing to measure, such as a median of no ideas.
type Compare struct {
	Measure  string   `json:"measure"`
	Current  *float64 `json:"current"`
	Previous *float64 `json:"previous"`
}

// Report is the periodic report.
type Report struct {
	Period   Period `json:"-"`
	Previous Period `json:"-"`
	// AsOf is the day a period still running is reported as of; zero for
	// a period that has ended.
	AsOf         model.Date    `json:"as_of,omitzero"`
	Unit         string        `json:"unit,omitempty"`
	Units        []string      `json:"units"` // the unit ids the report covers
	FeedbackDays int           `json:"feedback_days"`
	Inflow       Inflow        `json:"inflow"`
	Funnel       []Step        `json:"funnel"`
	Response     Response      `json:"response"`
	Implemented  []Result      `json:"implemented"`
	Evaluated    []Result      `json:"evaluated"`
	QuickWins    Figure        `json:"quick_wins"`
	Support      []Support     `json:"support"`
	Backlog      Backlog       `json:"backlog"`
	Comparison   []Compare     `json:"comparison"`
	Facts        []Fact        `json:"-"`
	ideas        []*model.Idea // the ideas the report covers, by id
}

// Fact is one idea's part in one figure: the rows of the CSV.
type Fact struct {
	Section string   `json:"section"`
	Measure string   `json:"measure"`
	Group   string   `json:"group,omitempty"`
	ID      model.ID `json:"idea"`
	Value   string   `json:"value"`
}

// Make computes the report of ideas for opts.
func Make(cfg *model.Config, ideas []*model.Idea, opts Options) *Report {
	return MakeAll(cfg, ideas, []Options{opts})[0]
}

// MakeAll computes the report of ideas for each of opts, as Make would.
// It goes over the ideas once for them all, each idea's figures for every
// report while its file's data is at hand: the site makes a report of
// every year and quarter.
func MakeAll(cfg *model.Config, ideas []*model.Idea, opts []Options) []*Report {
	return MakeAllFrom(cfg, ideas, opts, workflow.Of(cfg).Events)
}

// MakeAllFrom is MakeAll with each idea's events from eventsOf, which
// returns what workflow's Events does: for a caller that has made them
// already (the site, for the ideas' timelines), so that a build makes
// them once an idea, not once more for each share of the reports.
func MakeAllFrom(cfg *model.Config, ideas []*model.Idea, opts []Options, eventsOf func(*model.Idea) []workflow.Event) []*Report {
	all := make([]*model.Idea, 0, len(ideas))
	for _, idea := range ideas {
		if idea.ID != "" {
			all = append(all, idea)
		}
	}
	// The build and the report command pass the ideas in the order of
	// their files, which is the order of their ids: sort only if not.
	byID := func(a, b *model.Idea) int { return strings.Compare(string(a.ID), string(b.ID)) }
	if !slices.IsSortedFunc(all, byID) {
		slices.SortStableFunc(all, byID)
	}
	// The ideas submitted by the end of a period are as many as may be
	// open then: room for them saves growing the backlog idea by idea.
	submitted := make([]model.Date, 0, len(all))
	for _, idea := range all {
		if !idea.Submitted.IsZero() {
			submitted = append(submitted, idea.Submitted)
		}
	}
	slices.SortFunc(submitted, model.Date.Compare)
	ms := make([]*making, len(opts))
	for i, o := range opts {
		ms[i] = start(cfg, all, o)
		n := sort.Search(len(submitted), func(k int) bool { return before(o.Period.To, submitted[k]) })
		ms[i].open = make([]open, 0, n)
	}
	// The figures that list the ideas of the period's screenings,
	// decisions, completions and evaluations are counted first, and made
	// to size: grown an idea at a time, they took twice the room they
	// ended with. A few comparisons of dates an idea, where placing it in
	// the backlog reads all its events.
	for _, idea := range all {
		for _, m := range ms {
			if m.r.Unit == "" || idea.Unit == m.r.Unit {
				m.count(idea)
			}
		}
	}
	for _, m := range ms {
		m.size()
	}
	for _, idea := range all {
		first, last := eventSpan(idea)
		// The backlog of every report places the idea at a stage: its
		// events are made once for them all.
		events := eventsOf(idea)
		for _, m := range ms {
			if m.r.Unit == "" || idea.Unit == m.r.Unit {
				m.add(idea, first, last, events)
			}
		}
	}
	rs := make([]*Report, len(ms))
	for i, m := range ms {
		rs[i] = m.finish()
	}
	return rs
}

// making is a report being made, an idea at a time in the order of ids.
type making struct {
	r         *Report
	flow      *workflow.Flow
	facts     bool
	submitted []*model.Idea
	reached   []bool // submitted idea i reached step k of the funnel: [i*steps+k]
	open      []open
	// The ideas implemented and evaluated in the period, by id.
	implemented, evaluated []*model.Idea
	room                   room
	prev                   previous
	sections               [4][]Fact               // inflow, response, outcomes, backlog; the funnel's are made last
	support                map[model.ID][]model.ID // the duplicates screened in the period, by their original
	span                   Period                  // the period and the one before
}

// The sections whose facts making collects as it goes.
const (
	inflowFacts = iota
	responseFacts
	outcomeFacts
	backlogFacts
)

func start(cfg *model.Config, all []*model.Idea, opts Options) *making {
	r := &Report{Period: opts.Period, Previous: opts.Period.Previous(), Unit: opts.Unit,
		FeedbackDays: cfg.FeedbackDays, ideas: all}
	if !opts.Today.IsZero() && before(opts.Today, opts.Period.To) {
		r.AsOf = opts.Today
	}
	for _, u := range cfg.Units {
		if opts.Unit == "" || u.ID == opts.Unit {
			r.Units = append(r.Units, u.ID)
		}
	}
	if opts.Unit != "" {
		r.ideas = nil
		for _, idea := range all {
			if idea.Unit == opts.Unit {
				r.ideas = append(r.ideas, idea)
			}
		}
	}
	months := r.Period.Months()
	if !r.AsOf.IsZero() {
		// The months to come have no inflow yet, not an inflow of none.
		for len(months) > 0 && before(r.AsOf, months[len(months)-1]) {
			months = months[:len(months)-1]
		}
	}
	r.Inflow.Monthly = make([]Month, len(months))
	for i, m := range months {
		r.Inflow.Monthly[i] = Month{Start: m, ByUnit: make([]Figure, len(r.Units))}
	}
	m := &making{r: r, flow: workflow.Of(cfg), facts: !opts.OmitFacts, span: r.Period}
	if before(r.Previous.From, m.span.From) {
		m.span.From = r.Previous.From
	}
	if before(m.span.To, r.Previous.To) {
		m.span.To = r.Previous.To
	}
	return m
}

func (m *making) fact(section int, name, measure, group string, id model.ID, value string) {
	m.sections[section] = append(m.sections[section], Fact{name, measure, group, id, value})
}

// add counts idea in every figure of the report it is part of. first and
// last are the span of the dates those figures count it by, eventSpan's;
// events are the idea's, as workflow's Events lists them.
func (m *making) add(idea *model.Idea, first, last model.Date, events []workflow.Event) {
	r := m.r
	// Only the backlog counts an idea that did nothing in the period or
	// the one before.
	if !first.IsZero() && !before(last, m.span.From) && !before(m.span.To, first) {
		if r.Period.has(idea.Submitted) {
			m.submitted = append(m.submitted, idea)
			n := len(m.reached)
			m.reached = slices.Grow(m.reached, len(m.flow.Funnel()))[:n+len(m.flow.Funnel())]
			m.flow.Reached(events, m.reached[n:])
		}
		response(idea, &r.Period, r.FeedbackDays, &r.Response, m)
		m.prev.add(idea, &r.Previous, r.FeedbackDays)
		m.results(idea)
	}
	m.backlog(idea, events)
}

// room is how many ideas each of a report's figures that add and
// finish list will list, or more, counted by count.
type room struct {
	submitted, screened, within, decided, completed, evaluated, quickWins int
}

// count counts idea in m.room, by the rules of add.
func (m *making) count(idea *model.Idea) {
	p, c := &m.r.Period, &m.room
	if p.has(idea.Submitted) {
		c.submitted++
	}
	s := idea.Screening
	if s != nil && p.has(s.Date) {
		if !idea.Submitted.IsZero() {
			c.screened++
			if daysBetween(idea.Submitted, s.Date) <= m.r.FeedbackDays {
				c.within++
			}
		}
		if s.Outcome == model.ScreenQuickWin {
			c.quickWins++
		}
	}
	if d := idea.Decision; d != nil && p.has(d.Date) && d.Outcome != model.DecidePause && !idea.Submitted.IsZero() {
		c.decided++
	}
	if im := idea.Implementation; im != nil && p.has(im.Completed) {
		c.completed++
	}
	if o := idea.Outcome; o != nil && p.has(o.Date) {
		c.evaluated++
	}
}

// size makes room in m's figures for the ideas count counted.
func (m *making) size() {
	c, r := &m.room, &m.r.Response
	lead := func(n int) Lead {
		if n == 0 {
			return Lead{}
		}
		return Lead{Figure: sized(n), Days: make([]int, 0, n)}
	}
	r.FirstFeedback, r.WithinLimit = lead(c.screened), sized(c.within)
	r.ToDecision, r.ToImplementation = lead(c.decided), lead(c.completed)
	m.r.QuickWins = sized(c.quickWins)
	m.submitted = make([]*model.Idea, 0, c.submitted)
	m.reached = make([]bool, 0, c.submitted*len(m.flow.Funnel()))
	m.implemented = make([]*model.Idea, 0, c.completed)
	m.evaluated = make([]*model.Idea, 0, c.evaluated)
}

// eventSpan returns the first and the last of the dates that the figures
// of a period other than the backlog count an idea by: when it was
// submitted, screened, decided, completed and evaluated.
func eventSpan(idea *model.Idea) (first, last model.Date) {
	add := func(d model.Date) {
		if d.IsZero() {
			return
		}
		if first.IsZero() || before(d, first) {
			first = d
		}
		if before(last, d) {
			last = d
		}
	}
	add(idea.Submitted)
	if s := idea.Screening; s != nil {
		add(s.Date)
	}
	if d := idea.Decision; d != nil {
		add(d.Date)
	}
	if im := idea.Implementation; im != nil {
		add(im.Completed)
	}
	if o := idea.Outcome; o != nil {
		add(o.Date)
	}
	return first, last
}

// inflow counts the ideas submitted in the period, each figure's ideas
// counted before they are listed, as there are many.
func (m *making) inflow() {
	r := m.r
	type place struct{ kind, unit, month int }
	at := make([]place, len(m.submitted))
	kinds := make([]int, len(model.Kinds))
	units := make([]int, len(r.Units))
	months := make([]int, len(r.Inflow.Monthly))
	monthUnits := make([]int, len(r.Inflow.Monthly)*len(r.Units))
	for i, idea := range m.submitted {
		p := place{slices.Index(model.Kinds, idea.Kind), slices.Index(r.Units, idea.Unit), -1}
		for k, month := range r.Inflow.Monthly {
			if idea.Submitted.Year == month.Start.Year && idea.Submitted.Month == month.Start.Month {
				p.month = k
				break
			}
		}
		if p.kind >= 0 {
			kinds[p.kind]++
		}
		if p.unit >= 0 {
			units[p.unit]++
		}
		if p.month >= 0 {
			months[p.month]++
			if p.unit >= 0 {
				monthUnits[p.month*len(r.Units)+p.unit]++
			}
		}
		at[i] = p
	}
	r.Inflow.Total = sized(len(m.submitted))
	byKind := make([]Figure, len(kinds))
	for k, n := range kinds {
		byKind[k] = sized(n)
	}
	byUnit := make([]Figure, len(units))
	for u, n := range units {
		byUnit[u] = sized(n)
	}
	for k := range r.Inflow.Monthly {
		month := &r.Inflow.Monthly[k]
		month.Total = sized(months[k])
		for u := range month.ByUnit {
			month.ByUnit[u] = sized(monthUnits[k*len(r.Units)+u])
		}
	}
	for i, idea := range m.submitted {
		p := at[i]
		r.Inflow.Total.add(idea.ID)
		if m.facts {
			m.fact(inflowFacts, "inflow", "submitted", "", idea.ID, idea.Submitted.String())
			m.fact(inflowFacts, "inflow", "by-kind", string(idea.Kind), idea.ID, "1")
			m.fact(inflowFacts, "inflow", "by-unit", idea.Unit, idea.ID, "1")
		}
		if p.kind >= 0 {
			byKind[p.kind].add(idea.ID)
		}
		if p.unit >= 0 {
			byUnit[p.unit].add(idea.ID)
		}
		if p.month >= 0 {
			month := &r.Inflow.Monthly[p.month]
			month.Total.add(idea.ID)
			if p.unit >= 0 {
				month.ByUnit[p.unit].add(idea.ID)
			}
			if m.facts {
				m.fact(inflowFacts, "inflow", "by-month", month.Start.String()[:7], idea.ID, "1")
			}
		}
	}
	for k, kind := range model.Kinds {
		r.Inflow.ByKind = append(r.Inflow.ByKind, Group{string(kind), byKind[k]})
	}
	for u, unit := range r.Units {
		r.Inflow.ByUnit = append(r.Inflow.ByUnit, Group{unit, byUnit[u]})
	}
}

// sized returns a Figure with room for n ideas.
func sized(n int) Figure {
	if n == 0 {
		return Figure{}
	}
	return Figure{IDs: make([]model.ID, 0, n)}
}

// response measures the lead times of the steps a submitted idea took in
// p. m is nil for the previous period, which only the comparison uses and
// which has no facts: its figures are counted, their ideas not listed.
func response(idea *model.Idea, p *Period, feedbackDays int, out *Response, m *making) {
	if idea.Submitted.IsZero() {
		return
	}
	facts := m != nil && m.facts
	ids := m != nil
	if s := idea.Screening; s != nil && p.has(s.Date) {
		days := daysBetween(idea.Submitted, s.Date)
		out.FirstFeedback.add(idea.ID, days, ids)
		within := days <= feedbackDays
		if within && ids {
			out.WithinLimit.add(idea.ID)
		} else if within {
			out.WithinLimit.Count++
		}
		if facts {
			m.fact(responseFacts, "response", "days-to-first-feedback", "", idea.ID, strconv.Itoa(days))
			m.fact(responseFacts, "response", "feedback-within-limit", "", idea.ID, yesno(within))
		}
	}
	if d := idea.Decision; d != nil && p.has(d.Date) && d.Outcome != model.DecidePause {
		days := daysBetween(idea.Submitted, d.Date)
		out.ToDecision.add(idea.ID, days, ids)
		if facts {
			m.fact(responseFacts, "response", "days-to-decision", "", idea.ID, strconv.Itoa(days))
		}
	}
	if im := idea.Implementation; im != nil && p.has(im.Completed) {
		days := daysBetween(idea.Submitted, im.Completed)
		out.ToImplementation.add(idea.ID, days, ids)
		if facts {
			m.fact(responseFacts, "response", "days-to-implementation", "", idea.ID, strconv.Itoa(days))
		}
	}
}

// finish computes the medians and shares once every idea is counted.
func (out *Response) finish() {
	out.FirstFeedback.finish()
	out.ToDecision.finish()
	out.ToImplementation.finish()
	out.WithinShare = out.WithinLimit.Share(out.FirstFeedback.Figure.Count)
}

// results lists an idea implemented, evaluated or found a quick win in the
// period.
//
// The ideas are listed, and made into Results of their size once all are
// counted: a Result is 144 bytes, and a slice of them grown an idea at a
// time allocated twice the room it ended with.
func (m *making) results(idea *model.Idea) {
	r := m.r
	if im := idea.Implementation; im != nil && r.Period.has(im.Completed) {
		m.implemented = append(m.implemented, idea)
		if m.facts {
			m.fact(outcomeFacts, "outcomes", "implemented", "", idea.ID, im.Completed.String())
		}
	}
	if o := idea.Outcome; o != nil && r.Period.has(o.Date) {
		m.evaluated = append(m.evaluated, idea)
		if m.facts {
			m.fact(outcomeFacts, "outcomes", "evaluated", "", idea.ID, o.Date.String())
			if x := result(idea, o.Date); x.ReportedTo != "" {
				m.fact(outcomeFacts, "outcomes", "reported", x.ReportedTo, idea.ID, x.ReportedDate.String())
			}
		}
	}
	if s := idea.Screening; s != nil && s.Outcome == model.ScreenQuickWin && r.Period.has(s.Date) {
		r.QuickWins.add(idea.ID)
		if m.facts {
			m.fact(outcomeFacts, "outcomes", "quick-win", "", idea.ID, s.Date.String())
		}
	}
	if s := idea.Screening; s != nil && s.Outcome == model.ScreenReject && s.DuplicateOf != "" && s.DuplicateOf != idea.ID && r.Period.has(s.Date) {
		if m.support == nil {
			m.support = map[model.ID][]model.ID{}
		}
		m.support[s.DuplicateOf] = append(m.support[s.DuplicateOf], idea.ID)
		if m.facts {
			m.fact(outcomeFacts, "outcomes", "support", string(s.DuplicateOf), idea.ID, s.Date.String())
		}
	}
}

// result returns idea as a Result of date.
func result(idea *model.Idea, date model.Date) Result {
	// A report is published as the site is: every text masked, in
	// every format.
	res := Result{ID: idea.ID, Title: personal.MaskEmails(idea.Title), Unit: idea.Unit, Date: date}
	if o := idea.Outcome; o != nil {
		res.Effects, res.Lessons = personal.MaskEmails(o.Effects), personal.MaskEmails(o.Lessons)
		if o.ReportedTo != nil {
			res.ReportedTo, res.ReportedDate = personal.MaskEmails(o.ReportedTo.Body), o.ReportedTo.Date
		}
	}
	return res
}

// supportOrder lists the ideas that others proposed again, the most
// supported first.
func (m *making) supportOrder() {
	r := m.r
	r.Support = []Support{}
	for id, dups := range m.support {
		r.Support = append(r.Support, Support{ID: id, Title: r.Title(id), Duplicates: dups})
	}
	slices.SortFunc(r.Support, func(a, b Support) int {
		return cmp.Or(cmp.Compare(len(b.Duplicates), len(a.Duplicates)), strings.Compare(string(a.ID), string(b.ID)))
	})
}

// backlog lists an idea open at the end of the period, at the stage the
// dates in its file put it on that day.
func (m *making) backlog(idea *model.Idea, events []workflow.Event) {
	end := m.r.End()
	st, since := workflow.StageAt(events, end)
	stages := m.flow.Process.Stages
	i := slices.IndexFunc(stages, func(s model.StageDef) bool { return s.ID == st })
	if i < 0 || m.flow.Final(st) {
		return
	}
	age := daysBetween(since, end)
	o := open{idea: idea, since: since, age: int32(age), stage: int32(i)}
	switch st {
	case m.flow.Process.Start():
		o.overdue = daysBetween(idea.Submitted, end) > m.r.FeedbackDays
	default:
		// A wait with a day to take the idea up again (v1's pause) is
		// overdue past that day.
		if _, d := m.flow.RevisitOf(idea, st); !d.IsZero() && !d.After(end) {
			o.overdue = true
		}
	}
	m.open = append(m.open, o)
	if m.facts {
		m.fact(backlogFacts, "backlog", "open", string(st), idea.ID, strconv.Itoa(age))
		if o.overdue {
			m.fact(backlogFacts, "backlog", "overdue", string(st), idea.ID, strconv.Itoa(age))
		}
	}
}

// backlogOrder lists the backlog by stage in the order of the process,
// then the oldest first, then by id: the order the ideas came in.
func (m *making) backlogOrder() {
	r := m.r
	if len(m.open) == 0 {
		return
	}
	stages := m.flow.Stages()
	// The figures' ideas counted first, each figure then made to size.
	count := make([]int, len(stages))
	overdue := 0
	for _, o := range m.open {
		count[o.stage]++
		if o.overdue {
			overdue++
		}
	}
	byStage := make([]Figure, len(stages))
	for i, n := range count {
		byStage[i] = sized(n)
	}
	r.Backlog.Overdue = sized(overdue)
	for _, o := range m.open {
		byStage[o.stage].add(o.idea.ID)
		if o.overdue {
			r.Backlog.Overdue.add(o.idea.ID)
		}
	}
	for i, f := range byStage {
		if f.Count > 0 {
			r.Backlog.ByStage = append(r.Backlog.ByStage, Group{string(stages[i]), f})
		}
	}
	// Sort keys: the stage, the age the other way, the place in m.open.
	const bits = 24
	keys := make([]uint64, len(m.open))
	quick := len(m.open) < 1<<bits
	for i, o := range m.open {
		if o.age < 0 || o.age >= 1<<bits {
			quick = false
			break
		}
		keys[i] = uint64(o.stage)<<(2*bits) | uint64(1<<bits-1-o.age)<<bits | uint64(i)
	}
	if quick {
		slices.Sort(keys)
	} else {
		for i := range keys {
			keys[i] = uint64(i)
		}
		slices.SortFunc(keys, func(a, b uint64) int {
			x, y := &m.open[a], &m.open[b]
			return cmp.Or(cmp.Compare(x.stage, y.stage), cmp.Compare(y.age, x.age), cmp.Compare(a, b))
		})
	}
	r.Backlog.Items = make([]Waiting, len(m.open))
	for i, k := range keys {
		o := &m.open[k&(1<<bits-1)]
		if !quick {
			o = &m.open[k]
		}
		r.Backlog.Items[i] = Waiting{ID: o.idea.ID, Title: personal.MaskEmails(o.idea.Title), Stage: stages[o.stage], Since: o.since,
			Age: int(o.age), Overdue: o.overdue}
	}
}

// open is an idea open at the end of the period: a Waiting to be. Every
// report has room for one of every idea submitted by its end: 48 bytes
// where ints took 56. A day count of the years 1 to 9999 fits in an int32.
type open struct {
	idea    *model.Idea
	since   model.Date
	age     int32
	stage   int32 // in the process's stages
	overdue bool
}

// finish makes the figures that need every idea counted: groups, the
// funnel, medians, the order of lists, the comparison and the facts.
func (m *making) finish() *Report {
	r := m.r
	m.inflow()
	// The funnel follows the ideas submitted in the period: how far each came.
	var funnel []Fact
	total := r.Inflow.Total.Count
	stages := m.flow.Funnel()
	steps, reached := len(stages), m.reached
	reaching := make([]int, steps)
	for i, r := range reached {
		if r {
			reaching[i%steps]++
		}
	}
	for k, st := range stages {
		step := string(st)
		f := sized(reaching[k])
		for i, idea := range m.submitted {
			if reached[i*steps+k] {
				f.add(idea.ID)
				if m.facts {
					funnel = append(funnel, Fact{"funnel", step, "", idea.ID, "1"})
				}
			}
		}
		r.Funnel = append(r.Funnel, Step{step, f, f.Share(total)})
	}
	// A figure given room that lists no idea is one of none, as it
	// was: null in the JSON, not [].
	for _, f := range []*Figure{&r.Response.WithinLimit, &r.QuickWins} {
		if f.Count == 0 {
			*f = Figure{}
		}
	}
	for _, l := range []*Lead{&r.Response.FirstFeedback, &r.Response.ToDecision, &r.Response.ToImplementation} {
		if l.Figure.Count == 0 {
			*l = Lead{}
		}
	}
	r.Response.finish()
	byDate := func(a, b Result) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(string(a.ID), string(b.ID)))
	}
	if len(m.implemented) > 0 {
		r.Implemented = make([]Result, len(m.implemented))
		for i, idea := range m.implemented {
			r.Implemented[i] = result(idea, idea.Implementation.Completed)
		}
	}
	if len(m.evaluated) > 0 {
		r.Evaluated = make([]Result, len(m.evaluated))
		for i, idea := range m.evaluated {
			r.Evaluated[i] = result(idea, idea.Outcome.Date)
		}
	}
	slices.SortFunc(r.Implemented, byDate)
	slices.SortFunc(r.Evaluated, byDate)
	m.supportOrder()
	m.backlogOrder()
	m.prev.resp.finish()
	r.compare(m.prev)
	n := len(funnel)
	for _, s := range m.sections {
		n += len(s)
	}
	if n > 0 {
		r.Facts = make([]Fact, 0, n)
		r.Facts = append(r.Facts, m.sections[inflowFacts]...)
		r.Facts = append(r.Facts, funnel...)
		r.Facts = append(r.Facts, m.sections[responseFacts]...)
		r.Facts = append(r.Facts, m.sections[outcomeFacts]...)
		r.Facts = append(r.Facts, m.sections[backlogFacts]...)
	}
	return r
}

// End returns the last day the report covers: the period's end, or today
// for a period still running.
func (r *Report) End() model.Date {
	if !r.AsOf.IsZero() {
		return r.AsOf
	}
	return r.Period.To
}

// backlogHeading is the catalogue key of the heading of what waits.
func (r *Report) backlogHeading() string {
	if !r.AsOf.IsZero() {
		return "report.backlog-today"
	}
	return "report.backlog"
}

// Title returns the title of an idea in the report.
func (r *Report) Title(id model.ID) string {
	// The last of the ideas that share an id, as ever.
	i := sort.Search(len(r.ideas), func(i int) bool { return r.ideas[i].ID > id })
	if i == 0 || r.ideas[i-1].ID != id {
		return ""
	}
	return personal.MaskEmails(r.ideas[i-1].Title)
}

// compare sets the key figures of this period beside the previous one's.
func (r *Report) compare(prev previous) {
	count := func(n int) *float64 { v := float64(n); return &v }
	// of is a value measured over n ideas: none without them.
	of := func(v float64, n int) *float64 {
		if n == 0 {
			return nil
		}
		return &v
	}
	cur, pre := r.Response.FirstFeedback.Figure.Count, prev.resp.FirstFeedback.Figure.Count
	r.Comparison = []Compare{
		{"submitted", count(r.Inflow.Total.Count), count(prev.submitted)},
		{"screened", count(cur), count(pre)},
		{"median-days-to-first-feedback", of(r.Response.FirstFeedback.Median, cur), of(prev.resp.FirstFeedback.Median, pre)},
		{"share-feedback-within-limit", of(r.Response.WithinShare, cur), of(prev.resp.WithinShare, pre)},
		{"decided", count(r.Response.ToDecision.Figure.Count), count(prev.resp.ToDecision.Figure.Count)},
		{"implemented", count(len(r.Implemented)), count(prev.implemented)},
		{"evaluated", count(len(r.Evaluated)), count(prev.evaluated)},
	}
}

// previous holds what the comparison needs of the previous period,
// computed with the same rules.
type previous struct {
	submitted, implemented, evaluated int
	resp                              Response
}

func (out *previous) add(idea *model.Idea, p *Period, feedbackDays int) {
	if p.has(idea.Submitted) {
		out.submitted++
	}
	if im := idea.Implementation; im != nil && p.has(im.Completed) {
		out.implemented++
	}
	if o := idea.Outcome; o != nil && p.has(o.Date) {
		out.evaluated++
	}
	response(idea, p, feedbackDays, &out.resp, nil)
}

// daysBetween is from.DaysUntil(to), counted without the time package for
// dates of the years 1 to 9999.
func daysBetween(from, to model.Date) int {
	a, okA := dayNumber(from)
	b, okB := dayNumber(to)
	// A time.Duration holds no more than 106,751 days: DaysUntil stops
	// there.
	if !okA || !okB || b-a > 100000 || a-b > 100000 {
		return from.DaysUntil(to)
	}
	return b - a
}

// dayNumber returns the number of days from 0001-03-01 to d, where a day
// past the end of a month is in the next, as in time.Date; false if d's
// year or month is out of range.
func dayNumber(d model.Date) (int, bool) {
	y, m := d.Year, int(d.Month)
	if y < 1 || y > 9999 || m < 1 || m > 12 || d.Day < -1000 || d.Day > 1000 {
		return 0, false
	}
	// Years from March, so that a leap day ends one.
	if m <= 2 {
		y--
		m += 12
	}
	return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + d.Day - 1, true
}

func yesno(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
