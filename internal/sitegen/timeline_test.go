package sitegen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/config"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
	theme "github.com/idebanken/idebanken/site"
)

// TestTimelineIsTheReports: on the shipped bank and on the example's, an
// idea's timeline shows it at the stage the reports place it at on each of
// its days; and the timeline names every stage change the reports see.
func TestTimelineIsTheReports(t *testing.T) {
	for _, dir := range []string{"../..", "../../examples/bostadsbolaget"} {
		data, err := os.ReadFile(filepath.Join(dir, "idebank.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var diags diag.List
		cfg := config.Parse(data, &diags)
		flow := workflow.Of(cfg)
		files, _ := filepath.Glob(filepath.Join(dir, "ideas", "*", "*.md"))
		if len(files) == 0 {
			t.Fatalf("%s: no ideas", dir)
		}
		steps := 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			idea := ideafile.ParseFor(cfg.Process, "ideas/x/"+filepath.Base(f), data, &diags)
			if diags.Len() > 0 {
				t.Fatalf("%s: %v", f, diags.Items())
			}
			tl := timeline(idea, flow, func(string) Person { return Person{} })
			events := flow.Events(idea)
			for i, e := range tl {
				if i+1 < len(tl) && tl[i+1].Date == e.Date {
					continue // the day ends at the last of its steps
				}
				if st, _ := workflow.StageAt(events, e.Date); st != e.Stage {
					t.Errorf("%s on %s: the timeline shows %s, the reports %s", f, e.Date, e.Stage, st)
				}
			}
			for _, e := range tl {
				if !e.aside {
					steps++
				}
			}
			if last := tl[len(tl)-1]; last.Stage != idea.Stage {
				t.Errorf("%s: the timeline ends at %s, the file is at %s", f, last.Stage, idea.Stage)
			}
		}
		if steps <= len(files) {
			t.Errorf("%s: %d steps in %d timelines", dir, steps, len(files))
		}
	}
}

// TestTimelineQuickWinApproval: a unit manager's yes to a quick win is
// not a step to approved, which a quick win never visits; the start of
// its work is the step to implementing.
func TestTimelineQuickWinApproval(t *testing.T) {
	d := func(s string) model.Date { x, _ := model.ParseDate(s); return x }
	idea := &model.Idea{ID: "2026-001", Stage: model.StageImplementing, Submitted: d("2026-01-10"),
		Screening:      &model.Screening{Date: d("2026-01-12"), Outcome: model.ScreenQuickWin},
		Decision:       &model.Decision{Date: d("2026-01-20"), Outcome: model.DecideApprove, Implementer: "c"},
		Implementation: &model.Implementation{Started: d("2026-02-01")}}
	tl := timeline(idea, workflow.Default, func(string) Person { return Person{} })
	var got []string
	for _, e := range tl {
		s := e.Label + " " + string(e.Stage)
		if e.aside {
			s += " aside"
		}
		got = append(got, s)
	}
	want := []string{
		"site.event.submitted submitted",
		"site.event.screened.quick-win quick-win",
		"site.event.decided.approve quick-win aside",
		"site.event.started implementing",
	}
	if len(got) != len(want) {
		t.Fatalf("timeline %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("step %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// TestTimelineOneNote: an idea page's timeline has one note on what its
// dates rest on: without a history the history's, which says the dates
// are the file's alone (the links the general note speaks of are not
// there), and with one the general note.
func TestTimelineOneNote(t *testing.T) {
	res := corpusResult(t, 30)
	cfg := *res.Config
	cfg.Repository = "kommunen/idebanken"
	hist := &history.History{Steps: map[model.ID][]history.Step{}}
	for _, idea := range res.Ideas {
		hist.Steps[idea.ID] = []history.Step{{Commit: strings.Repeat("ab", 20), When: idea.Submitted.Time(), To: idea.Stage}}
	}
	for _, c := range []struct {
		hist *history.History
		want string
	}{{nil, "site.history.none"}, {hist, "site.timeline-note"}} {
		m := NewMemory()
		if err := Build(Options{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: m, History: c.hist}); err != nil {
			t.Fatal(err)
		}
		want := `<p class="note">` + htmlText.Replace(i18n.T(model.Swedish, c.want)) + "</p>\n</section>"
		for _, idea := range res.Ideas {
			page, _ := m.File("idea/" + string(idea.ID) + "/index.html")
			_, timeline, _ := strings.Cut(string(page), `<h2 id="h-timeline">`)
			timeline, _, _ = strings.Cut(timeline, "</section>")
			if n := strings.Count(timeline, `<p class="note">`); n != 1 || !strings.Contains(string(page), want) {
				t.Fatalf("the timeline of %s (history %v) has %d notes, want the one of %s:\n%s", idea.ID, c.hist != nil, n, c.want, timeline)
			}
		}
	}
}
