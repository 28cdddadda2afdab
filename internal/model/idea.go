package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Idea is one idea file: its front matter and its Markdown body.
//
// A stage section is nil when the file does not have it. Whether an optional
// scalar was written at all (an explicit "met: false" against a missing
// "met"), and where each key stands, is not the model's: the check asks the
// positions ideafile.Decode returns beside the idea.
type Idea struct {
	Path string // slash-separated, relative to the repository root

	ID         ID
	Title      string
	Kind       Kind
	Stage      Stage
	Submitted  Date
	Submitter  Submitter
	Unit       string
	Tags       []string
	Discussion string
	Related    []ID

	Screening      *Screening
	Proposal       *Proposal
	Decision       *Decision
	Plan           *Plan
	Implementation *Implementation
	Outcome        *Outcome
	Withdrawn      *Withdrawal
	// Sections holds the sections of a bank's own process by id: those
	// that v1 does not have, read as their process describes them.
	Sections map[string]*Section

	Body     string // the Markdown after the front matter
	BodyLine int    // the line of the file on which Body starts
}

// Submitter is the employee who submitted an idea.
type Submitter struct {
	Name      string
	GitHub    string
	Anonymous bool
}

// PublicName is the name that may be published: empty for an anonymous
// submitter, whatever the file says.
func (s Submitter) PublicName() string {
	if s.Anonymous {
		return ""
	}
	return s.Name
}

// Screening is the ambassador's assessment against the four criteria
// (Utvärdering).
type Screening struct {
	Date     Date
	By       string
	Criteria Criteria
	Outcome  ScreeningOutcome
	Feedback string
	Revisit  Date
	// DuplicateOf is the earlier idea this one is the same as, with the
	// outcome reject; "" when none is named.
	DuplicateOf ID
}

// Criteria are the assessments of the criteria of the assessment template,
// by the criterion's id (mission, reach, benefit and value in v1).
type Criteria map[string]Assessment

// Assessment is how an idea was assessed against one criterion: met or
// not, or given a score for each of the criterion's terms.
type Assessment struct {
	Met    bool
	Scores map[string]int // by term (short, long); nil for a criterion of type met
	Note   string
}

// ValueMin and ValueMax bound the scale of v1's criterion value.
const (
	ValueMin = 1
	ValueMax = 5
)

// Met reports whether every criterion of ids is met.
func (c Criteria) Met(ids []string) bool {
	for _, id := range ids {
		if !c[id].Met {
			return false
		}
	}
	return true
}

// Proposal is the innovation group's decision basis (Beslutsunderlag).
type Proposal struct {
	Date      Date
	By        string
	Summary   string
	Cost      int // SEK; 0 when not given
	Resources string
}

// Decision is management's or a unit manager's decision (Beslut).
type Decision struct {
	Date        Date
	By          string
	Outcome     DecisionOutcome
	Motivation  string
	Implementer string
	Resources   string
}

// Plan is the plan made with the submitter (Förbereda genomförandet).
type Plan struct {
	Date    Date
	By      string
	Summary string
}

// Implementation records carrying the idea out and announcing it
// (Genomföra och kommunicera).
type Implementation struct {
	Started      Date
	Communicated *Communication
	Completed    Date
}

// Communication is the communicator's announcement of an innovation.
type Communication struct {
	Date    Date
	By      string
	Channel string
}

// Outcome is the evaluation of an implemented innovation (Utvärdera
// innovationen).
type Outcome struct {
	Date       Date
	By         string
	Effects    string
	Lessons    string
	ReportedTo *Report
}

// Report records when an evaluation was reported, and to which body.
type Report struct {
	Body string
	Date Date
}

// Withdrawal records that the submitter withdrew the idea.
type Withdrawal struct {
	Date   Date
	Reason string
}

// The limits of an idea's texts, in characters.
const (
	MaxTitle = 120
	MaxTag   = 40
)

// ID identifies an idea: the year of submission and a sequence number of at
// least three digits, as in 2026-007.
type ID string

var idPattern = regexp.MustCompile(`^([0-9]{4})-([0-9]{3,})$`)

// ParseID checks the form of s and returns it as an ID.
func ParseID(s string) (ID, error) {
	if !idPattern.MatchString(s) {
		return "", fmt.Errorf("%q is not an id of the form YYYY-NNN", s)
	}
	return ID(s), nil
}

// Year returns the year part of a valid id, or 0.
func (id ID) Year() int {
	m := idPattern.FindStringSubmatch(string(id))
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}

// Seq returns the sequence number of a valid id, or 0.
func (id ID) Seq() int {
	m := idPattern.FindStringSubmatch(string(id))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[2])
	return n
}

// MakeID returns the id for the given year and sequence number.
func MakeID(year, seq int) ID { return ID(fmt.Sprintf("%04d-%03d", year, seq)) }

// NextID returns the first id of year after every id in ids of that year.
func NextID(year int, ids []ID) ID {
	max := 0
	for _, id := range ids {
		if id.Year() == year && id.Seq() > max {
			max = id.Seq()
		}
	}
	return MakeID(year, max+1)
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s is a slug: lowercase ASCII letters and digits
// in words joined by single hyphens.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// Slugify makes a slug from a title: å and ä become a, ö becomes o, other
// accented letters lose their accent, and everything else separates words.
func Slugify(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range Fold(title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	return b.String()
}

// Fold returns s in lower case without accents (å, ä → a, ö → o, é → e),
// as slugs are made and as search matches.
func Fold(s string) string {
	// Most text is ASCII, Latin-1 and Latin Extended-A (å, ä, ö, é, ü, č,
	// ł), with the dashes, quotes and signs of general punctuation (–, ’,
	// ”, …, €): folded from tables in one pass. Anything else goes through
	// Unicode decomposition, as all text once did; TestFoldTable holds the
	// tables to it.
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r < foldLatinEnd:
			b.WriteString(foldLatin[r])
		case foldPunctStart <= r && r < foldPunctEnd:
			b.WriteString(foldPunct[r-foldPunctStart])
		default:
			return foldSlow(s)
		}
	}
	return b.String()
}

// The ranges of Fold's tables: Latin-1 and Latin Extended-A, whose letters
// decompose into a base letter and marks or are in foldLetter, and general
// punctuation and currency signs. Each of their characters is a starter of
// its own (canonical combining class 0), so that folding a text of them
// character by character folds it as a whole.
const (
	foldLatinEnd   = 0x180
	foldPunctStart = 0x2000
	foldPunctEnd   = 0x20d0
)

// foldLatin and foldPunct hold what foldSlow makes of each character of
// their ranges.
var foldLatin, foldPunct = func() (latin [foldLatinEnd]string, punct [foldPunctEnd - foldPunctStart]string) {
	for r := range rune(foldLatinEnd) {
		latin[r] = foldSlow(string(r))
	}
	for r := rune(foldPunctStart); r < foldPunctEnd; r++ {
		punct[r-foldPunctStart] = foldSlow(string(r))
	}
	return latin, punct
}()

// foldSlow is Fold for any text.
func foldSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue // the accent of the letter before
		}
		if f, ok := foldLetter[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldLetter holds the letters that decomposition leaves whole.
var foldLetter = map[rune]string{
	'æ': "ae", 'ø': "o", 'ß': "ss", 'đ': "d", 'ł': "l", 'þ': "th", 'ð': "d", 'œ': "oe", 'ı': "i",
}

// FileName returns the conventional path of an idea file, ideas/<YYYY>/<id>-<slug>.md.
func FileName(id ID, slug string) string {
	return fmt.Sprintf("ideas/%04d/%s-%s.md", id.Year(), id, slug)
}
