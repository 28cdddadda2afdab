package sitegen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/model"
	theme "github.com/idebanken/idebanken/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// nextBlock is the "what happens next" section of an idea page.
var nextBlock = regexp.MustCompile(`(?s)<section class="next[^"]*" aria-labelledby="h-next">.*?</section>`)

// TestNextAtEveryStage holds the block an idea page opens with, where the
// idea stands, who acts next and by when, to a golden file for an idea at
// every stage of the process (go test -update rewrites them).
func TestNextAtEveryStage(t *testing.T) {
	res := fixture(t)
	m := buildMemory(t, res)
	seen := map[model.Stage]bool{}
	for _, idea := range res.Ideas {
		if seen[idea.Stage] || idea.Stage == "" {
			continue
		}
		seen[idea.Stage] = true
		data, ok := m.File("idea/" + string(idea.ID) + "/index.html")
		if !ok {
			t.Fatalf("no page for %s", idea.ID)
		}
		got := nextBlock.Find(data)
		if got == nil {
			t.Errorf("%s (%s): no block of what happens next", idea.ID, idea.Stage)
			continue
		}
		golden := filepath.Join("testdata", "next", string(idea.Stage)+".html")
		got = append([]byte("<!-- "+string(idea.ID)+" -->\n"), append(got, '\n')...)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the block differs from %s:\n%s", idea.ID, golden, got)
		}
	}
	for _, st := range model.Stages {
		if !seen[st] {
			t.Errorf("no idea of the fixture is at %s", st)
		}
	}
}

// TestNextSaysWhoAndWhen checks the parts of the block that the golden
// files could hold wrongly without anyone noticing: the due date of the
// first feedback, the people of the role in the idea's unit, the official
// answer up front, and that a final stage names no one to act.
func TestNextSaysWhoAndWhen(t *testing.T) {
	res := fixture(t)
	m := buildMemory(t, res)
	for _, idea := range res.Ideas {
		data, _ := m.File("idea/" + string(idea.ID) + "/index.html")
		block := string(nextBlock.Find(data))
		switch {
		case idea.Stage == model.StageSubmitted:
			due := LongDate(model.Swedish, idea.Submitted.AddDays(res.Config.FeedbackDays))
			if !strings.Contains(block, "senast "+due) {
				t.Errorf("%s: no due date %q in\n%s", idea.ID, due, block)
			}
			for _, login := range res.Config.Holders(model.RoleAmbassador, idea.Unit) {
				if p := res.Config.Person(login); !strings.Contains(block, p.Name) {
					t.Errorf("%s: the ambassador %s of the unit is not named", idea.ID, p.Name)
				}
			}
		case idea.Stage.Final():
			if strings.Contains(block, "<dt>Vem</dt>") || strings.Contains(block, "<dt>När</dt>") {
				t.Errorf("%s at %s: someone to act, or a date\n%s", idea.ID, idea.Stage, block)
			}
		}
		if idea.Decision != nil && idea.Decision.Motivation != "" && !strings.Contains(block, firstWords(idea.Decision.Motivation)) {
			t.Errorf("%s: the decision's motivation is not up front", idea.ID)
		}
		if idea.Decision == nil && idea.Withdrawn == nil && idea.Screening != nil && idea.Screening.Feedback != "" &&
			!strings.Contains(block, firstWords(idea.Screening.Feedback)) {
			t.Errorf("%s: the screening's feedback is not up front", idea.ID)
		}
	}
}

func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(3, len(f))], " ")
}

// withRepository returns the fixture with a repository in its
// configuration.
func withRepository(t *testing.T, repo string) *check.Result {
	res := fixture(t)
	res.Config.Repository = repo
	return res
}

// TestSubmitLinksToTheForms checks that every invitation to submit offers
// the four issue forms of the repository, with the unit filled in on a
// unit's page, and that a site without a repository names the ambassadors
// to ask instead.
func TestSubmitLinksToTheForms(t *testing.T) {
	m := buildMemory(t, withRepository(t, "exempelkommunen/idebanken"))
	for _, page := range []string{"index.html", "process/index.html", "units/vard-och-omsorg/index.html"} {
		data, _ := m.File(page)
		for _, k := range model.Kinds {
			want := `href="https://github.com/exempelkommunen/idebanken/issues/new?template=` + map[model.Kind]string{
				model.KindImprovement: "1-improvement.yml", model.KindIncident: "2-incident.yml",
				model.KindDeviation: "3-deviation.yml", model.KindProblem: "4-problem.yml"}[k]
			if page == "units/vard-och-omsorg/index.html" {
				want += `&amp;unit=V%C3%A5rd-&#43;och&#43;omsorgsf%C3%B6rvaltningen"`
			} else {
				want += `"`
			}
			if !bytes.Contains(data, []byte(want)) {
				t.Errorf("%s: no link %s", page, want)
			}
		}
	}
	home, _ := m.File("index.html")
	if !bytes.Contains(home, []byte(`href="#submit"`)) || !bytes.Contains(home, []byte(`id="submit"`)) {
		t.Error("the start page's button does not lead to the forms on the page")
	}

	bare := buildMemory(t, withRepository(t, ""))
	for _, name := range bare.Names() {
		data, _ := bare.File(name)
		if bytes.Contains(data, []byte("/issues/new")) {
			t.Errorf("%s links to an issue form of no known repository", name)
		}
	}
	home, _ = bare.File("index.html")
	for _, p := range withRepository(t, "").Config.People {
		if holdsIn(&p, model.RoleAmbassador, "") && !bytes.Contains(home, []byte(p.Name)) {
			t.Errorf("without a repository, the start page does not name the ambassador %s", p.Name)
		}
	}
}

// TestIdeaLinksToGitHub checks the links of an idea page: its file in
// GitHub's editor and its history, with the bank's folder in the
// repository; an anonymous idea's history is not linked, as it shows who
// added the file.
func TestIdeaLinksToGitHub(t *testing.T) {
	res := withRepository(t, "exempelkommunen/idebanken")
	m := NewMemory()
	if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: m, RepoDir: "bank", Branch: "huvud"}); err != nil {
		t.Fatal(err)
	}
	for _, idea := range res.Ideas {
		data, _ := m.File("idea/" + string(idea.ID) + "/index.html")
		edit := `href="https://github.com/exempelkommunen/idebanken/edit/huvud/bank/` + idea.Path + `"`
		hist := `href="https://github.com/exempelkommunen/idebanken/commits/huvud/bank/` + idea.Path + `"`
		if !bytes.Contains(data, []byte(edit)) {
			t.Errorf("%s: no link %s", idea.ID, edit)
		}
		if got := bytes.Contains(data, []byte(hist)); got == idea.Submitter.Anonymous {
			t.Errorf("%s (anonymous %v): history linked %v", idea.ID, idea.Submitter.Anonymous, got)
		}
	}
}

// TestTimelineFromFileAndHistory checks that an idea has one timeline,
// the steps of its file with the commits that made them, and the steps only
// the history has; that no one is named from a commit, whose author is
// whoever it says; and that the commit that added an anonymous idea is not
// linked.
func TestTimelineFromFileAndHistory(t *testing.T) {
	res := withRepository(t, "exempelkommunen/idebanken")
	var named, anon *model.Idea
	for _, idea := range res.Ideas {
		if idea.Stage == model.StageEvaluated && named == nil && !idea.Submitter.Anonymous {
			named = idea
		}
		if idea.Submitter.Anonymous && anon == nil {
			anon = idea
		}
	}
	if named == nil || anon == nil {
		t.Fatal("the fixture lacks an evaluated or an anonymous idea")
	}
	someone := res.Config.People[0]
	at := func(d string) time.Time { t, _ := time.Parse(time.DateOnly, d); return t }
	sha := func(c byte) string { return strings.Repeat(string(c), 40) }
	hist := &history.History{}
	hist.Add(
		// A commit whose author claims to be a configured person: her name
		// must not appear as the one who took the step.
		history.Step{ID: named.ID, Path: named.Path, From: model.StageImplemented, To: model.StageEvaluated, Commit: sha('c'), When: at("2026-11-21"), Author: "Mallory " + someone.Name, Login: someone.Login},
		history.Step{ID: named.ID, Path: named.Path, From: model.StageSubmitted, To: model.StagePaused, Commit: sha('b'), When: at("2025-02-01"), Author: someone.Name, Login: someone.Login},
		history.Step{ID: named.ID, Path: named.Path, To: model.StageSubmitted, Commit: sha('a'), When: at("2025-01-20"), Author: someone.Name},
		history.Step{ID: anon.ID, Path: anon.Path, To: anon.Stage, Commit: sha('d'), When: at("2026-01-01"), Author: "Anonym Person", Login: "anonperson"},
	)
	hist.Finish()
	m := NewMemory()
	if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: m, History: hist}); err != nil {
		t.Fatal(err)
	}
	data, _ := m.File("idea/" + string(named.ID) + "/index.html")
	page := string(data)
	if n := strings.Count(page, `<ol class="timeline"`); n != 1 {
		t.Errorf("%d timelines, want one", n)
	}
	for _, c := range []byte{'a', 'b', 'c'} {
		if !strings.Contains(page, `href="https://github.com/exempelkommunen/idebanken/commit/`+sha(c)+`"`) {
			t.Errorf("the commit %s is not linked", sha(c)[:7])
		}
	}
	timeline := page[strings.Index(page, `<ol class="timeline"`):]
	timeline = timeline[:strings.Index(timeline, "</ol>")]
	if strings.Contains(timeline, "Mallory") {
		t.Error("the timeline names a commit's author")
	}
	if !strings.Contains(timeline, "Till steget Pausad") {
		t.Errorf("the step only the history has is missing:\n%s", timeline)
	}
	if n := strings.Count(timeline, "<li>"); n != strings.Count(timeline, "\n<li>") || n < 5 { // a step a line
		t.Errorf("the timeline has too few steps:\n%s", timeline)
	}
	data, _ = m.File("idea/" + string(anon.ID) + "/index.html")
	if bytes.Contains(data, []byte(sha('d'))) {
		t.Error("the commit that added an anonymous idea is linked")
	}
	if bytes.Contains(data, []byte("anonperson")) || bytes.Contains(data, []byte("Anonym Person")) {
		t.Error("an anonymous idea's page names the author of its commit")
	}
}

// TestAccessibilityStatement checks the statement has every part DIGG's
// model asks for, from the configuration, and that a bank without an
// assessment says plainly that the site has not been assessed.
func TestAccessibilityStatement(t *testing.T) {
	res := fixture(t)
	res.Config.Accessibility = &model.Accessibility{Status: model.CompliancePartial, Assessed: model.Date{Year: 2026, Month: 11, Day: 1},
		Method: model.MethodAudit, Contact: "tillganglighet@exempelkommunen.se", KnownIssues: []string{"Diagrammen saknar textbeskrivning."}}
	m := buildMemory(t, res)
	data, _ := m.File("accessibility/index.html")
	page := string(data)
	for _, want := range []string{
		"delvis förenlig med lagen om tillgänglighet till digital offentlig service", // status
		"<li>Diagrammen saknar textbeskrivning.</li>",                                // what does not comply
		`href="mailto:tillganglighet@exempelkommunen.se"`,                            // how to report a barrier
		`href="https://www.digg.se/tdosanmalan"`,                                     // enforcement
		"gjordes den 1 november 2026",                                                // date of assessment
		"uppdaterades senast den 1 november 2026",                                    // date of the statement
		"granskats av en oberoende part",                                             // method
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the statement lacks %q", want)
		}
	}
	res.Config.Accessibility = nil
	data, _ = buildMemory(t, res).File("accessibility/index.html")
	if page := string(data); !strings.Contains(page, "Webbplatsens tillgänglighet har inte bedömts") || strings.Contains(page, "förenlig med lagen om") ||
		!strings.Contains(page, `href="https://www.digg.se/tdosanmalan"`) {
		t.Errorf("without an assessment:\n%s", page)
	}
}
