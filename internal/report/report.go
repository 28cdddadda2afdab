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
	"strconv"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
)

// Options choose what a report covers.
type Options struct {
	Period Period
	Unit   string // "" for every unit
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

// FunnelSteps are the steps of the funnel, in order.
var FunnelSteps = []string{"screened", "developed", "quick-win", "proposed", "decided", "approved", "started", "implemented", "evaluated"}

// Step is how many of the period's ideas reached one step of the funnel.
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

func (l *Lead) add(id model.ID, days int) {
	l.Figure.add(id)
	l.Days = append(l.Days, days)
}

// finish computes the median and the 90th percentile (nearest rank).
func (l *Lead) finish() {
	n := len(l.Days)
	if n == 0 {
		return
	}
	d := slices.Clone(l.Days)
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
	Period       Period    `json:"-"`
	Previous     Period    `json:"-"`
	Unit         string    `json:"unit,omitempty"`
	Units        []string  `json:"units"` // the unit ids the report covers
	FeedbackDays int       `json:"feedback_days"`
	Inflow       Inflow    `json:"inflow"`
	Funnel       []Step    `json:"funnel"`
	Response     Response  `json:"response"`
	Implemented  []Result  `json:"implemented"`
	Evaluated    []Result  `json:"evaluated"`
	QuickWins    Figure    `json:"quick_wins"`
	Backlog      Backlog   `json:"backlog"`
	Comparison   []Compare `json:"comparison"`
	Facts        []Fact    `json:"-"`
	titles       map[model.ID]string
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
	var in []*model.Idea
	for _, idea := range ideas {
		if idea.ID != "" && (opts.Unit == "" || idea.Unit == opts.Unit) {
			in = append(in, idea)
		}
	}
	slices.SortFunc(in, func(a, b *model.Idea) int { return strings.Compare(string(a.ID), string(b.ID)) })
	r := &Report{Period: opts.Period, Previous: opts.Period.Previous(), Unit: opts.Unit,
		FeedbackDays: cfg.FeedbackDays, titles: map[model.ID]string{}}
	for _, u := range cfg.Units {
		if opts.Unit == "" || u.ID == opts.Unit {
			r.Units = append(r.Units, u.ID)
		}
	}
	for _, idea := range in {
		r.titles[idea.ID] = idea.Title
	}
	r.inflow(in)
	r.funnel(in)
	r.response(in, opts.Period, &r.Response, true)
	r.results(in)
	r.backlog(in)
	r.compare(in)
	return r
}

// Title returns the title of an idea in the report.
func (r *Report) Title(id model.ID) string { return r.titles[id] }

func (r *Report) fact(section, measure, group string, id model.ID, value string) {
	r.Facts = append(r.Facts, Fact{section, measure, group, id, value})
}

func (r *Report) inflow(ideas []*model.Idea) {
	byKind := map[model.Kind]*Figure{}
	byUnit := map[string]*Figure{}
	months := r.Period.Months()
	r.Inflow.Monthly = make([]Month, len(months))
	for i, m := range months {
		r.Inflow.Monthly[i] = Month{Start: m, ByUnit: make([]Figure, len(r.Units))}
	}
	for _, idea := range ideas {
		if !r.Period.Contains(idea.Submitted) {
			continue
		}
		r.Inflow.Total.add(idea.ID)
		r.fact("inflow", "submitted", "", idea.ID, idea.Submitted.String())
		if byKind[idea.Kind] == nil {
			byKind[idea.Kind] = &Figure{}
		}
		byKind[idea.Kind].add(idea.ID)
		r.fact("inflow", "by-kind", string(idea.Kind), idea.ID, "1")
		if byUnit[idea.Unit] == nil {
			byUnit[idea.Unit] = &Figure{}
		}
		byUnit[idea.Unit].add(idea.ID)
		r.fact("inflow", "by-unit", idea.Unit, idea.ID, "1")
		for i, m := range months {
			if idea.Submitted.Year == m.Year && idea.Submitted.Month == m.Month {
				r.Inflow.Monthly[i].Total.add(idea.ID)
				if u := slices.Index(r.Units, idea.Unit); u >= 0 {
					r.Inflow.Monthly[i].ByUnit[u].add(idea.ID)
				}
				r.fact("inflow", "by-month", m.String()[:7], idea.ID, "1")
			}
		}
	}
	for _, k := range model.Kinds {
		r.Inflow.ByKind = append(r.Inflow.ByKind, Group{string(k), deref(byKind[model.Kind(k)])})
	}
	for _, u := range r.Units {
		r.Inflow.ByUnit = append(r.Inflow.ByUnit, Group{u, deref(byUnit[u])})
	}
}

func deref(f *Figure) Figure {
	if f == nil {
		return Figure{}
	}
	return *f
}

// reached reports whether idea has come as far as a step of the funnel.
func reached(idea *model.Idea, step string) bool {
	s, d, im := idea.Screening, idea.Decision, idea.Implementation
	switch step {
	case "screened":
		return s != nil
	case "developed":
		return s != nil && s.Outcome == model.ScreenDevelop || idea.Proposal != nil
	case "quick-win":
		return s != nil && s.Outcome == model.ScreenQuickWin
	case "proposed":
		return idea.Proposal != nil
	case "decided":
		return d != nil && (d.Outcome == model.DecideApprove || d.Outcome == model.DecideReject)
	case "approved":
		return d != nil && d.Outcome == model.DecideApprove
	case "started":
		return im != nil && !im.Started.IsZero()
	case "implemented":
		return im != nil && !im.Completed.IsZero()
	case "evaluated":
		return idea.Outcome != nil
	}
	return false
}

// funnel follows the ideas submitted in the period: how far each came.
func (r *Report) funnel(ideas []*model.Idea) {
	total := r.Inflow.Total.Count
	for _, step := range FunnelSteps {
		var f Figure
		for _, idea := range ideas {
			if r.Period.Contains(idea.Submitted) && reached(idea, step) {
				f.add(idea.ID)
				r.fact("funnel", step, "", idea.ID, "1")
			}
		}
		r.Funnel = append(r.Funnel, Step{step, f, f.Share(total)})
	}
}

// response measures the lead times of the steps taken in p. facts is false
// for the previous period, which only the comparison uses.
func (r *Report) response(ideas []*model.Idea, p Period, out *Response, facts bool) {
	for _, idea := range ideas {
		if s := idea.Screening; s != nil && p.Contains(s.Date) && !idea.Submitted.IsZero() {
			days := idea.Submitted.DaysUntil(s.Date)
			out.FirstFeedback.add(idea.ID, days)
			within := days <= r.FeedbackDays
			if within {
				out.WithinLimit.add(idea.ID)
			}
			if facts {
				r.fact("response", "days-to-first-feedback", "", idea.ID, strconv.Itoa(days))
				r.fact("response", "feedback-within-limit", "", idea.ID, yesno(within))
			}
		}
		if d := idea.Decision; d != nil && p.Contains(d.Date) && d.Outcome != model.DecidePause && !idea.Submitted.IsZero() {
			days := idea.Submitted.DaysUntil(d.Date)
			out.ToDecision.add(idea.ID, days)
			if facts {
				r.fact("response", "days-to-decision", "", idea.ID, strconv.Itoa(days))
			}
		}
		if im := idea.Implementation; im != nil && p.Contains(im.Completed) && !idea.Submitted.IsZero() {
			days := idea.Submitted.DaysUntil(im.Completed)
			out.ToImplementation.add(idea.ID, days)
			if facts {
				r.fact("response", "days-to-implementation", "", idea.ID, strconv.Itoa(days))
			}
		}
	}
	out.FirstFeedback.finish()
	out.ToDecision.finish()
	out.ToImplementation.finish()
	out.WithinShare = out.WithinLimit.Share(out.FirstFeedback.Figure.Count)
}

func (r *Report) results(ideas []*model.Idea) {
	for _, idea := range ideas {
		res := Result{ID: idea.ID, Title: idea.Title, Unit: idea.Unit}
		if o := idea.Outcome; o != nil {
			res.Effects, res.Lessons = o.Effects, o.Lessons
			if o.ReportedTo != nil {
				res.ReportedTo, res.ReportedDate = o.ReportedTo.Body, o.ReportedTo.Date
			}
		}
		if im := idea.Implementation; im != nil && r.Period.Contains(im.Completed) {
			x := res
			x.Date = im.Completed
			r.Implemented = append(r.Implemented, x)
			r.fact("outcomes", "implemented", "", idea.ID, im.Completed.String())
		}
		if o := idea.Outcome; o != nil && r.Period.Contains(o.Date) {
			x := res
			x.Date = o.Date
			r.Evaluated = append(r.Evaluated, x)
			r.fact("outcomes", "evaluated", "", idea.ID, o.Date.String())
			if x.ReportedTo != "" {
				r.fact("outcomes", "reported", x.ReportedTo, idea.ID, x.ReportedDate.String())
			}
		}
		if s := idea.Screening; s != nil && s.Outcome == model.ScreenQuickWin && r.Period.Contains(s.Date) {
			r.QuickWins.add(idea.ID)
			r.fact("outcomes", "quick-win", "", idea.ID, s.Date.String())
		}
	}
	byDate := func(a, b Result) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(string(a.ID), string(b.ID)))
	}
	slices.SortFunc(r.Implemented, byDate)
	slices.SortFunc(r.Evaluated, byDate)
}

// backlog lists the ideas open at the end of the period, at the stage the
// dates in their files put them on that day.
func (r *Report) backlog(ideas []*model.Idea) {
	end := r.Period.To
	count := map[model.Stage]*Figure{}
	for _, idea := range ideas {
		st, since := StageAt(idea, end)
		if st == "" || st.Final() {
			continue
		}
		w := Waiting{ID: idea.ID, Title: idea.Title, Stage: st, Since: since, Age: since.DaysUntil(end)}
		switch st {
		case model.StageSubmitted:
			w.Overdue = idea.Submitted.DaysUntil(end) > r.FeedbackDays
		case model.StagePaused:
			w.Overdue = idea.Screening != nil && !idea.Screening.Revisit.IsZero() && !idea.Screening.Revisit.After(end)
		}
		r.Backlog.Items = append(r.Backlog.Items, w)
		if count[st] == nil {
			count[st] = &Figure{}
		}
		count[st].add(idea.ID)
		r.fact("backlog", "open", string(st), idea.ID, strconv.Itoa(w.Age))
		if w.Overdue {
			r.Backlog.Overdue.add(idea.ID)
			r.fact("backlog", "overdue", string(st), idea.ID, strconv.Itoa(w.Age))
		}
	}
	for _, st := range model.Stages {
		if f := count[st]; f != nil {
			r.Backlog.ByStage = append(r.Backlog.ByStage, Group{string(st), *f})
		}
	}
	slices.SortFunc(r.Backlog.Items, func(a, b Waiting) int {
		return cmp.Or(slices.Index(model.Stages, a.Stage)-slices.Index(model.Stages, b.Stage), b.Age-a.Age, strings.Compare(string(a.ID), string(b.ID)))
	})
}

// compare sets the key figures of this period beside the previous one's.
func (r *Report) compare(ideas []*model.Idea) {
	prev := r.previousFigures(ideas, r.Previous)
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

// previous holds what the comparison needs of the previous period.
type previous struct {
	submitted, implemented, evaluated int
	resp                              Response
}

// previousFigures computes the key figures of period p with the same rules.
func (r *Report) previousFigures(ideas []*model.Idea, p Period) previous {
	var out previous
	for _, idea := range ideas {
		if p.Contains(idea.Submitted) {
			out.submitted++
		}
		if im := idea.Implementation; im != nil && p.Contains(im.Completed) {
			out.implemented++
		}
		if o := idea.Outcome; o != nil && p.Contains(o.Date) {
			out.evaluated++
		}
	}
	r.response(ideas, p, &out.resp, false)
	return out
}

// StageAt returns the stage the dates in idea's file put it at on day d,
// and since when; "" when it was not yet submitted. A step the file no
// longer records (an earlier screening replaced by a new one) is not seen.
func StageAt(idea *model.Idea, d model.Date) (model.Stage, model.Date) {
	if idea.Submitted.IsZero() || idea.Submitted.After(d) {
		return "", model.Date{}
	}
	type step struct {
		date  model.Date
		stage model.Stage
	}
	steps := []step{{idea.Submitted, model.StageSubmitted}}
	add := func(date model.Date, st model.Stage) {
		if !date.IsZero() && st != "" {
			steps = append(steps, step{date, st})
		}
	}
	if s := idea.Screening; s != nil {
		add(s.Date, map[model.ScreeningOutcome]model.Stage{model.ScreenDevelop: model.StageDeveloping,
			model.ScreenQuickWin: model.StageQuickWin, model.ScreenPause: model.StagePaused, model.ScreenReject: model.StageRejected}[s.Outcome])
	}
	if p := idea.Proposal; p != nil {
		add(p.Date, model.StageProposed)
	}
	if dec := idea.Decision; dec != nil {
		st := map[model.DecisionOutcome]model.Stage{model.DecideApprove: model.StageApproved,
			model.DecideReject: model.StageRejected, model.DecidePause: model.StagePaused}[dec.Outcome]
		if st == model.StageApproved && idea.Proposal == nil {
			st = model.StageQuickWin // a unit manager's yes to a quick win: it is carried out next
		}
		add(dec.Date, st)
	}
	if p := idea.Plan; p != nil {
		add(p.Date, model.StagePlanning)
	}
	if im := idea.Implementation; im != nil {
		add(im.Started, model.StageImplementing)
		add(im.Completed, model.StageImplemented)
	}
	if o := idea.Outcome; o != nil {
		add(o.Date, model.StageEvaluated)
	}
	if w := idea.Withdrawn; w != nil {
		add(w.Date, model.StageWithdrawn)
	}
	slices.SortStableFunc(steps, func(a, b step) int { return a.date.Compare(b.date) })
	at := steps[0]
	for _, s := range steps {
		if s.date.After(d) {
			break
		}
		at = s
	}
	return at.stage, at.date
}

func yesno(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
