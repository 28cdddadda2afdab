package sitegen

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/buffers"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/parallel"
)

// SearchTextLimit is how much of an idea's text the search index holds, in
// characters: enough to find an idea by what it is about, without making
// the index of 10,000 ideas heavy to load.
const SearchTextLimit = 600

// searchEntry is one idea in search.json: its tags and text, folded as the
// script folds a query, each word once. search.json lists them in the
// order of the ideas of lists.json, whose row of an idea gives the script
// the rest of what it searches and shows (the id, title, kind, unit and
// stage): each of those once on the site, not in both indexes, which at
// 100,000 ideas were 15 MB of search.json.
type searchEntry string

// searchIndex writes search.json, whose entries indexes made.
func (s *site) searchIndex() error {
	return writeJSONLines(s, "search.json", s.search)
}

// firstRunes returns the first n characters of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// openIdea is one idea in ideas.json: every published field, for other
// systems and for open data. The sections are typed structs whose fields
// are in the order of their keys, so the bytes are those a map would give.
type openIdea struct {
	ID          string         `json:"id"`
	URL         string         `json:"url,omitempty"`
	Title       string         `json:"title"`
	Kind        model.Kind     `json:"kind"`
	Stage       model.Stage    `json:"stage"`
	Submitted   string         `json:"submitted"`
	Submitter   string         `json:"submitter,omitempty"`
	Anonymous   bool           `json:"anonymous"`
	Unit        string         `json:"unit"`
	UnitName    string         `json:"unit_name"`
	Tags        []string       `json:"tags"`
	Discussion  string         `json:"discussion,omitempty"`
	Related     []string       `json:"related"`
	Similar     []string       `json:"similar"`
	Duplicates  []string       `json:"duplicates"`
	Text        string         `json:"text"`
	Screening   *openScreening `json:"screening,omitempty"`
	Proposal    *openProposal  `json:"proposal,omitempty"`
	Decision    *openDecision  `json:"decision,omitempty"`
	Plan        *openPlan      `json:"plan,omitempty"`
	Implemented *openImplement `json:"implementation,omitempty"`
	Outcome     *openOutcome   `json:"outcome,omitempty"`
	Withdrawn   *openWithdrawn `json:"withdrawn,omitempty"`
	// Sections are the sections of the bank's own process, by id.
	Sections map[string]map[string]any `json:"sections,omitempty"`
}

type openPerson struct {
	Login string `json:"login"`
	Name  string `json:"name"`
}

type openMet struct {
	Met  bool   `json:"met"`
	Note string `json:"note"`
}

type openScreening struct {
	By       *openPerson    `json:"by"`
	Criteria map[string]any `json:"criteria"` // by criterion: {met, note}, or a score for each term and a note
	Date     *string        `json:"date"`
	// DuplicateOf is "" but for an idea screened as another's duplicate.
	DuplicateOf string                 `json:"duplicate_of,omitempty"`
	Feedback    string                 `json:"feedback"`
	Outcome     model.ScreeningOutcome `json:"outcome"`
	Revisit     *string                `json:"revisit"`
}

type openProposal struct {
	By        *openPerson `json:"by"`
	Cost      int         `json:"cost"`
	Date      *string     `json:"date"`
	Resources string      `json:"resources"`
	Summary   string      `json:"summary"`
}

type openDecision struct {
	By          *openPerson           `json:"by"`
	Date        *string               `json:"date"`
	Implementer *openPerson           `json:"implementer"`
	Motivation  string                `json:"motivation"`
	Outcome     model.DecisionOutcome `json:"outcome"`
	Resources   string                `json:"resources"`
}

type openPlan struct {
	By      *openPerson `json:"by"`
	Date    *string     `json:"date"`
	Summary string      `json:"summary"`
}

type openCommunicated struct {
	By      *openPerson `json:"by"`
	Channel string      `json:"channel"`
	Date    *string     `json:"date"`
}

type openImplement struct {
	Communicated *openCommunicated `json:"communicated,omitempty"`
	Completed    *string           `json:"completed"`
	Started      *string           `json:"started"`
}

type openReported struct {
	Body string  `json:"body"`
	Date *string `json:"date"`
}

type openOutcome struct {
	By         *openPerson   `json:"by"`
	Date       *string       `json:"date"`
	Effects    string        `json:"effects"`
	Lessons    string        `json:"lessons"`
	ReportedTo *openReported `json:"reported_to,omitempty"`
}

type openWithdrawn struct {
	Date   *string `json:"date"`
	Reason string  `json:"reason"`
}

// ids returns the ids of refs, [] for none: every record has the key.
func ids(refs []Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.ID
	}
	return out
}

func date(d model.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func who(p Person) *openPerson {
	if p.Login == "" {
		return nil
	}
	return &openPerson{p.Login, p.Name}
}

func (s *site) openData() error { return s.writeOpenData() }

// openRecord returns the record of v in ideas.json.
func (s *site) openRecord(v *Idea) openIdea {
	o := openIdea{
		ID: v.ID, Title: v.Title, Kind: v.Kind, Stage: v.Stage, Submitted: v.SubmittedText,
		Submitter: v.Submitter, Anonymous: v.Submitter == "", Unit: v.Unit, UnitName: v.UnitName,
		Tags: append([]string{}, v.Tags...), Discussion: v.Discussion, Related: []string{}, Text: v.Text,
	}
	if s.base != "" {
		o.URL = s.base + "idea/" + v.ID + "/"
	}
	for _, r := range v.Related {
		o.Related = append(o.Related, r.ID)
	}
	o.Similar, o.Duplicates = make([]string, len(v.Similar)), ids(v.Duplicates)
	for i, x := range v.Similar {
		o.Similar[i] = x.ID
	}
	if sc := v.Screening; sc != nil {
		crit := make(map[string]any, len(sc.Criteria))
		for _, c := range sc.Criteria {
			if c.Scores == nil && c.Max == 0 {
				crit[c.Key] = openMet{c.Met, c.Note}
				continue
			}
			score := map[string]any{"note": c.Note}
			for t, n := range c.Scores {
				score[t] = n
			}
			crit[c.Key] = score
		}
		o.Screening = &openScreening{Date: date(sc.Date), By: who(sc.By), Criteria: crit,
			Outcome: sc.Outcome, Feedback: sc.Feedback, Revisit: date(sc.Revisit)}
		if v.DuplicateOf != nil {
			o.Screening.DuplicateOf = v.DuplicateOf.ID
		}
	}
	if p := v.Proposal; p != nil {
		o.Proposal = &openProposal{Date: date(p.Date), By: who(p.By), Summary: p.Summary, Cost: p.Cost, Resources: p.Resources}
	}
	if d := v.Decision; d != nil {
		o.Decision = &openDecision{Date: date(d.Date), By: who(d.By), Outcome: d.Outcome,
			Motivation: d.Motivation, Implementer: who(d.Implementer), Resources: d.Resources}
	}
	if p := v.Plan; p != nil {
		o.Plan = &openPlan{Date: date(p.Date), By: who(p.By), Summary: p.Summary}
	}
	if im := v.Implementation; im != nil {
		o.Implemented = &openImplement{Started: date(im.Started), Completed: date(im.Completed)}
		if c := im.Communicated; c != nil {
			o.Implemented.Communicated = &openCommunicated{Date: date(c.Date), By: who(c.By), Channel: c.Channel}
		}
	}
	if oc := v.Outcome; oc != nil {
		o.Outcome = &openOutcome{Date: date(oc.Date), By: who(oc.By), Effects: oc.Effects, Lessons: oc.Lessons}
		if oc.ReportedTo != "" {
			o.Outcome.ReportedTo = &openReported{Body: oc.ReportedTo, Date: date(oc.ReportedDate)}
		}
	}
	for _, sec := range v.Own {
		if o.Sections == nil {
			o.Sections = map[string]map[string]any{}
		}
		fields := make(map[string]any, len(sec.Fields))
		for _, f := range sec.Fields {
			fields[f.Name] = f.Value
		}
		o.Sections[sec.ID] = fields
	}
	if w := v.Withdrawn; w != nil {
		o.Withdrawn = &openWithdrawn{Date: date(w.Date), Reason: w.Reason}
	}
	return o
}

// writeOpenData writes ideas.json, and the same records by the year of
// submission as data/ideas-YYYY.json.gz: a consumer of a large bank reads
// the years it needs, and a year once past changes seldom. The years are
// compressed: uncompressed they were as large as ideas.json again (121 MB
// at 100,000 ideas), a tenth of a web host's limit for the whole site.
//
// Each record is made as it is written and let go: all of them made first
// were 124 MB of the heap at 100,000 ideas, at the build's peak. And
// ideas.json is written as it is made where the output takes it so (see
// streamer): made whole, its buffer grew to 232 MB at 100,000 ideas, the
// newest ideas it sizes itself by being the smallest.
func (s *site) writeOpenData() error {
	all, err := newSink(s.opts.Out, "ideas.json")
	if err != nil {
		return err
	}
	if err := s.openRecords(all); err != nil {
		all.abandon()
		return err
	}
	return all.close()
}

// openWindow is how many records of ideas.json are made at once.
const openWindow = 1024

// openRecords writes the records of ideas.json into all, and those of
// each year, compressed, as the year's file.
func (s *site) openRecords(all *sink) error {
	items := s.ideas
	years, err := newYearFiles(s.opts.Out)
	if err != nil {
		return err
	}
	defer years.release()
	all.writeString("[\n")
	// The records are made a window at a time on every core, and written
	// in order: made on one core, they kept the other idle for a second
	// at 100,000 ideas. Each slot's memory serves every window.
	recs := make([][]byte, min(len(items), openWindow))
	for start := 0; start < len(items); start += openWindow {
		window := items[start:min(start+openWindow, len(items))]
		errs := make([]error, len(window))
		parallel.For(len(window), func(j int) {
			o := s.openRecord(window[j])
			recs[j], errs[j] = o.appendJSON(recs[j][:0])
		})
		if err := errors.Join(errs...); err != nil {
			return err
		}
		for j, v := range window {
			i := start + j
			all.grow(i, len(items))
			if i > 0 {
				all.writeString(",\n")
			}
			all.write(recs[j])
			if err := years.add(v.SubmittedText, recs[j]); err != nil {
				return err
			}
		}
	}
	if len(items) > 0 {
		all.writeString("\n")
	}
	all.writeString("]\n")
	return years.end()
}

// yearFiles writes the records of ideas.json of each year, compressed, as
// data/ideas-YYYY.json.gz. The ideas come newest first, so that each
// year's records come together, and a year's file is written when the
// next year's first record comes, or at end.
type yearFiles struct {
	out    Output
	packed *bytes.Buffer
	zw     *gzip.Writer
	year   string
	open   bool // a year's file is begun
}

func newYearFiles(out Output) (*yearFiles, error) {
	packed := buffers.Get()
	// The fastest level: JSON gets nearly as small as at the default,
	// in half the time. No name or time in the header: the same records,
	// the same bytes, so that a rebuild leaves a year as it was.
	zw, err := gzip.NewWriterLevel(packed, gzip.BestSpeed)
	if err != nil {
		buffers.Put(packed)
		return nil, err
	}
	return &yearFiles{out: out, packed: packed, zw: zw}, nil
}

// add adds rec, the record of an idea submitted on the day submitted, to
// its year's file.
func (y *yearFiles) add(submitted string, rec []byte) error {
	sep := ",\n"
	if !y.open || !strings.HasPrefix(submitted, y.year) {
		if err := y.end(); err != nil {
			return err
		}
		y.year, y.open = submitted[:min(4, len(submitted))], true
		y.packed.Reset()
		y.zw.Reset(y.packed)
		sep = "[\n"
	}
	if _, err := y.zw.Write([]byte(sep)); err != nil {
		return err
	}
	_, err := y.zw.Write(rec)
	return err
}

// end writes the file of the year begun, if any.
func (y *yearFiles) end() error {
	if !y.open {
		return nil
	}
	y.open = false
	if _, err := y.zw.Write([]byte("\n]\n")); err != nil {
		return err
	}
	if err := y.zw.Close(); err != nil {
		return err
	}
	name := y.year
	if len(name) != 4 {
		name = "undated" // an idea whose date the check refuses
	}
	return y.out.Write("data/ideas-"+name+".json.gz", y.packed.Bytes())
}

// release gives the buffer back.
func (y *yearFiles) release() { buffers.Put(y.packed) }

// growFor makes room in buf, once i of n records are in it, for all n by
// the size of those: grown by doubling, the 121 MB of ideas.json at
// 100,000 ideas took a buffer of up to twice that, and a copy at each
// step, at the build's peak (search.json likewise).
func growFor(buf *bytes.Buffer, i, n int) {
	if i == 64 && n > 4*i {
		buf.Grow(buf.Len()/i*(n-i)*9/8 + 1024)
	}
}

// writeJSONLines writes items as a JSON array, an item a line: small to
// load, easy to read a record of, and made in one pass, where indenting
// took a second. encoding/json escapes <, > and & so that the text can
// never close a script element or start markup where it lands.
func writeJSONLines[T any](s *site, name string, items []T) error {
	buf := buffers.Get()
	defer buffers.Put(buf)
	buf.WriteString("[\n")
	// An Encoder, not Marshal: it writes into buf, where Marshal made a
	// copy of each record to be copied again.
	enc := json.NewEncoder(buf)
	for i := range items {
		growFor(buf, i, len(items))
		if err := enc.Encode(items[i]); err != nil {
			return err
		}
		if i < len(items)-1 {
			buf.Truncate(buf.Len() - 1) // the newline Encode ends with
			buf.WriteString(",\n")
		}
	}
	buf.WriteString("]\n")
	return s.opts.Out.Write(name, buf.Bytes())
}

// The feeds: new ideas, decisions, and implemented innovations.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// FeedSize is how many entries a feed holds.
const FeedSize = 50

func (s *site) feeds() error {
	type feed struct {
		name, title string
		date        func(*Idea) model.Date
		summary     func(*Idea) string
	}
	feeds := []feed{
		{"feed.xml", "site.feed.new", func(v *Idea) model.Date { return v.Submitted }, func(v *Idea) string { return v.Text }},
		{"feed-decided.xml", "site.feed.decided", func(v *Idea) model.Date {
			if v.Decision != nil && v.Decision.Outcome != model.DecidePause {
				return v.Decision.Date
			}
			return model.Date{}
		}, func(v *Idea) string { return s.t("stage."+string(v.Stage)) + ": " + v.Decision.Motivation }},
		{"feed-implemented.xml", "site.feed.implemented", func(v *Idea) model.Date {
			if v.Implementation != nil {
				return v.Implementation.Completed
			}
			return model.Date{}
		}, func(v *Idea) string { return v.Text }},
	}
	for _, f := range feeds {
		ideas := s.latest(FeedSize, f.date)
		doc := atomFeed{
			Lang: string(s.lang), Title: s.cfg.Title + ": " + s.t(f.title),
			ID: s.base + f.name, Author: atomAuthor{cmp.Or(s.cfg.Organisation, s.cfg.Title)},
			Links: []atomLink{{Rel: "self", Href: s.base + f.name}, {Rel: "alternate", Href: s.base}},
		}
		if s.base == "" {
			doc.ID = "urn:idebanken:" + f.name
		}
		updated := model.Date{Year: 2000, Month: 1, Day: 1}
		for _, v := range ideas {
			d := f.date(v)
			if d.After(updated) {
				updated = d
			}
			summary := f.summary(v)
			if utf8.RuneCountInString(summary) > 400 {
				summary = string([]rune(summary)[:400]) + "…"
			}
			id := s.base + "idea/" + v.ID + "/"
			if s.base == "" {
				id = "urn:idebanken:idea:" + v.ID
			}
			doc.Entries = append(doc.Entries, atomEntry{
				Title: v.ID + " " + v.Title, ID: id + "#" + d.String(), Updated: d.String() + "T00:00:00Z",
				Link: atomLink{Href: s.base + "idea/" + v.ID + "/"}, Summary: summary,
			})
		}
		doc.Updated = updated.String() + "T00:00:00Z"
		var buf bytes.Buffer
		buf.WriteString(xml.Header)
		enc := xml.NewEncoder(&buf)
		enc.Indent("", " ")
		if err := enc.Encode(doc); err != nil {
			return err
		}
		buf.WriteByte('\n')
		if err := s.opts.Out.Write(f.name, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// listIndex is lists.json: every idea in a few fields, newest first, for
// the filter and sort of a list of many pages, which work over the whole
// list. Each idea is a row [id, title, kind, unit, stage, submitted,
// changed, tags]; kind, unit and stage are ids, whose labels are in the
// maps.
type listIndex struct {
	Kinds  map[string]string `json:"kinds"`
	Units  map[string]string `json:"units"`
	Stages map[string]string `json:"stages"`
	Ideas  [][]any           `json:"ideas"`
}

// lists writes lists.json.
func (s *site) lists() error {
	ix := listIndex{Kinds: map[string]string{}, Units: map[string]string{}, Stages: map[string]string{}, Ideas: make([][]any, len(s.ideas))}
	for i, v := range s.ideas {
		ix.Kinds[string(v.Kind)] = v.KindName
		ix.Units[v.Unit] = v.UnitName
		ix.Stages[string(v.Stage)] = v.StageName
		tags := v.Tags
		if tags == nil {
			tags = []string{}
		}
		ix.Ideas[i] = []any{v.ID, v.Title, v.Kind, v.Unit, v.Stage, v.SubmittedText, v.ChangedText, tags}
	}
	buf := buffers.Get()
	defer buffers.Put(buf)
	if err := json.NewEncoder(buf).Encode(ix); err != nil {
		return err
	}
	return s.opts.Out.Write("lists.json", buf.Bytes())
}
