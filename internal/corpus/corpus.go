// Package corpus generates idea banks of any size for benchmarks and tests:
// a configuration and valid idea files spread over every stage, as a real
// municipality's would be after some years.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
)

// Config is the configuration of a generated idea bank.
const Config = `title: Idébanken
organisation: Benchkommunen
language: sv
feedback_days: 30
units:
  - {id: kultur-och-utbildning, name: Kultur- och utbildningsförvaltningen}
  - {id: vard-och-omsorg, name: Vård- och omsorgsförvaltningen}
  - {id: samhallsbyggnad, name: Samhällsbyggnadsförvaltningen}
people:
  - {login: amb, name: Alice Ambassadör, roles: [ambassador]}
  - {login: inno, name: Bertil Innovation, roles: [innovation-group]}
  - {login: chef, name: Cecilia Chef, roles: [unit-manager]}
  - {login: led, name: David Ledning, roles: [management]}
  - {login: proj, name: Erik Projekt, roles: [project-lead]}
  - {login: kom, name: Frida Kommunikatör, roles: [communicator]}
`

var units = []string{"kultur-och-utbildning", "vard-och-omsorg", "samhallsbyggnad"}

var words = strings.Fields(`förskola hemtjänst bibliotek bygglov felanmälan schema lokaler
e-tjänst digital rutin halkrisk läkemedel skolskjuts måltider städning parkering belysning
återvinning kompetens introduktion vikarier blanketter kö ärende medborgare trygghet`)

// stages is the spread of stages: most ideas are in the early stages.
var stages = []model.Stage{
	model.StageSubmitted, model.StageSubmitted, model.StageDeveloping, model.StageQuickWin,
	model.StagePaused, model.StageRejected, model.StageRejected, model.StageProposed,
	model.StageApproved, model.StagePlanning, model.StageImplementing, model.StageImplemented,
	model.StageEvaluated, model.StageEvaluated, model.StageWithdrawn,
}

// File is one generated file.
type File struct {
	Path string
	Data []byte
}

// Generate returns n valid idea files, the same for the same seed. Ideas
// are submitted over the years before 2026-06-01, every step dated after
// the one before.
func Generate(n int, seed uint64) []File {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	files := make([]File, 0, n)
	seq := map[int]int{}
	for i := 0; i < n; i++ {
		year := 2026 - i*4/max(n, 1)
		seq[year]++
		id := model.MakeID(year, seq[year])
		stage := stages[r.IntN(len(stages))]
		first := []rune(words[r.IntN(len(words))])
		title := fmt.Sprintf("%s%s för %s nummer %d", strings.ToUpper(string(first[0])), string(first[1:]), words[r.IntN(len(words))], i+1)
		files = append(files, File{
			Path: model.FileName(id, model.Slugify(title)),
			Data: []byte(idea(r, id, title, stage, year)),
		})
	}
	return files
}

func idea(r *rand.Rand, id model.ID, title string, stage model.Stage, year int) string {
	day := model.Date{Year: year, Month: 1, Day: 1}.AddDays(r.IntN(140))
	if stage == model.StageSubmitted {
		// Ideas waiting for screening are recent, or their first feedback
		// would be overdue; older ones have long been decided.
		if year == 2026 {
			day = model.Date{Year: 2026, Month: 11, Day: 1}.AddDays(r.IntN(15))
		} else {
			stage = model.StageRejected
		}
	}
	next := func() string {
		day = day.AddDays(1 + r.IntN(20))
		return day.String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\nid: %s\ntitle: %s\nkind: %s\nstage: %s\nsubmitted: %s\n",
		id, title, model.Kinds[r.IntN(len(model.Kinds))], stage, day)
	if r.IntN(10) == 0 {
		b.WriteString("submitter:\n  anonymous: true\n")
	} else {
		fmt.Fprintf(&b, "submitter:\n  name: Person %d\n  github: person%d\n", r.IntN(500), r.IntN(500))
	}
	fmt.Fprintf(&b, "unit: %s\ntags: [%s, %s]\n", units[r.IntN(len(units))], ascii(words[r.IntN(len(words))]), "idé")
	screen := func(outcome string, met bool) {
		fmt.Fprintf(&b, "screening:\n  date: %s\n  by: amb\n  criteria:\n    mission: {met: true, note: Inom uppdraget.}\n"+
			"    reach: {met: %t}\n    benefit: {met: true}\n    value: {short: %d, long: %d}\n  outcome: %s\n"+
			"  feedback: \"Tack för idén. Vi har bedömt den mot kriterierna och går vidare med %s.\"\n",
			next(), met, 1+r.IntN(5), 1+r.IntN(5), outcome, outcome)
	}
	decide := func(by, outcome string) {
		fmt.Fprintf(&b, "decision:\n  date: %s\n  by: %s\n  outcome: %s\n  motivation: Beslutat enligt underlaget.\n", next(), by, outcome)
		if outcome == "approve" {
			b.WriteString("  implementer: proj\n")
		}
	}
	main := []model.Stage{model.StageDeveloping, model.StageProposed, model.StageApproved, model.StagePlanning,
		model.StageImplementing, model.StageImplemented, model.StageEvaluated}
	reached := func(s model.Stage) bool {
		for i, m := range main {
			if m == s {
				for _, x := range main[i:] {
					if x == stage {
						return true
					}
				}
			}
		}
		return false
	}
	switch stage {
	case model.StageSubmitted, model.StageWithdrawn:
	case model.StageQuickWin:
		screen("quick-win", true)
	case model.StagePaused:
		screen("pause", false)
		fmt.Fprintf(&b, "  revisit: %s\n", model.Date{Year: 2027, Month: 3, Day: 1})
	case model.StageRejected:
		screen("reject", false)
	default:
		screen("develop", true)
		if reached(model.StageProposed) {
			fmt.Fprintf(&b, "proposal:\n  date: %s\n  by: inno\n  summary: Underlag med kostnad och nytta.\n  cost: %d\n", next(), 1000*r.IntN(200))
		}
		if reached(model.StageApproved) {
			decide("led", "approve")
		}
		if reached(model.StagePlanning) {
			fmt.Fprintf(&b, "plan:\n  date: %s\n  by: proj\n  summary: Plan tillsammans med förslagsställaren.\n", next())
		}
		if reached(model.StageImplementing) {
			fmt.Fprintf(&b, "implementation:\n  started: %s\n  communicated: {date: %s, by: kom, channel: intranätet}\n", next(), next())
			if reached(model.StageImplemented) {
				fmt.Fprintf(&b, "  completed: %s\n", next())
			}
		}
		if reached(model.StageEvaluated) {
			fmt.Fprintf(&b, "outcome:\n  date: %s\n  by: inno\n  effects: Kortare handläggningstid.\n  lessons: Prova i liten skala först.\n", next())
		}
	}
	if stage == model.StageWithdrawn {
		fmt.Fprintf(&b, "withdrawn: {date: %s, reason: Löstes på annat sätt.}\n", next())
	}
	b.WriteString("---\n")
	body(&b, r, id.Seq()%3)
	return b.String()
}

// body writes the text of an idea. People write as the ideas under ideas/
// are written: a third in headings and plain sentences, the rest with what
// Markdown is used for in them, lists, a dash, a percentage, emphasis and a
// link, so that a benchmark meets the Markdown a real bank holds. The
// variant (0 to 2) is the caller's, so that the random draws, and with
// them every other part of the corpus, are those of before.
func body(b *strings.Builder, r *rand.Rand, variant int) {
	what := words[r.IntN(len(words))]
	proposal := strings.Repeat("Vi föreslår att rutinen görs digital och enklare. ", 1+r.IntN(6))
	switch variant {
	case 0:
		fmt.Fprintf(b, "## Nuläge\n\nI dag tar arbetet med %s för lång tid.\n\n## Förslag\n\n%s\n\n## Nytta\n\nAlla i enheten sparar tid.\n",
			what, proposal)
	case 1:
		fmt.Fprintf(b, "## Nuläge / problem\n\nI dag tar arbetet med %s för lång tid – ofta flera timmar i veckan.\n\n"+
			"## Förslag\n\n%s\n\n## Nytta (för vem, hur mycket)\n\n"+
			"- Medarbetarna sparar tid (uppskattningsvis %d %% av handläggningen).\n"+
			"- Brukarna får svar snabbare.\n- Färre ärenden behöver kompletteras.\n",
			what, proposal, 5+len(proposal)%30)
	default:
		fmt.Fprintf(b, "## Vad var beslutat eller förväntat\n\nEnligt [rutinen för %s](https://intranat.example.se/rutiner/%s) ska ärendet vara klart **samma dag**.\n\n"+
			"## Vad blev det i stället\n\n%s\n\n## Förslag till åtgärd\n\n"+
			"1. En tydlig rutin, så att *någon* alltid ansvarar.\n2. Att enheten får veta direkt när något har ändrats.\n",
			what, ascii(what), proposal)
	}
}

func ascii(s string) string { return model.Slugify(s) }
