package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/config"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
)

// loadBank reads the configuration and the ideas of a bank on disk.
func loadBank(t *testing.T, dir string) (*model.Config, []*model.Idea) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "idebank.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	cfg := config.Parse(data, &diags)
	files, err := filepath.Glob(filepath.Join(dir, "ideas", "*", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no ideas in %s: %v", dir, err)
	}
	var ideas []*model.Idea
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		ideas = append(ideas, ideafile.ParseFor(cfg.Process, filepath.ToSlash(rel), data, &diags))
	}
	if diags.Len() > 0 {
		t.Fatalf("%s: %v", dir, diags.Items())
	}
	return cfg, ideas
}

// backlogStages returns the stage each idea waits at in r's backlog.
func backlogStages(r *Report) map[model.ID]model.Stage {
	m := map[model.ID]model.Stage{}
	for _, w := range r.Backlog.Items {
		m[w.ID] = w.Stage
	}
	return m
}

// TestBacklogOwnProcess: the report places an idea at the bank's own
// stage, in the process's order, on the day the dates in its file say.
func TestBacklogOwnProcess(t *testing.T) {
	cfg, ideas := loadBank(t, "../../examples/bostadsbolaget")
	for _, c := range []struct {
		period string
		id     model.ID
		want   model.Stage // "" for not in the backlog
	}{
		{"2026-01-01..2026-03-11", "2026-002", "submitted"},
		{"2026-01-01..2026-03-12", "2026-002", "workshop"},
		// 2026-003 went to the workshop on 2026-02-20 and on to be
		// developed on 2026-03-05.
		{"2026-01-01..2026-03-04", "2026-003", "workshop"},
		{"2026-01-01..2026-03-05", "2026-003", "developing"},
		// 2026-005 is a quick fix the area manager said yes to on
		// 2026-05-06; the work started on 2026-05-07.
		{"2026-01-01..2026-05-06", "2026-005", "quick-win"},
		{"2026-01-01..2026-05-07", "2026-005", "implementing"},
	} {
		r := Make(cfg, ideas, Options{Period: period(t, c.period)})
		if got := backlogStages(r)[c.id]; got != c.want {
			t.Errorf("%s at the end of %s: %q, want %q", c.id, c.period, got, c.want)
		}
		var order []string
		for _, g := range r.Backlog.ByStage {
			order = append(order, g.Key)
		}
		for i := 1; i < len(order); i++ {
			if stageIndex(cfg, order[i-1]) >= stageIndex(cfg, order[i]) {
				t.Errorf("%s: the backlog's stages %v are not in the process's order", c.period, order)
			}
		}
	}
}

func stageIndex(cfg *model.Config, s string) int {
	for i, st := range cfg.Process.Stages {
		if string(st.ID) == s {
			return i
		}
	}
	return -1
}

// TestBacklogQuickWinApproved: on the default process too, a quick win
// the unit manager said yes to waits at quick-win until its work starts,
// as the site's timeline shows it.
func TestBacklogQuickWinApproved(t *testing.T) {
	i := &model.Idea{ID: "2026-001", Title: "Idé", Unit: "skola", Kind: model.KindImprovement,
		Stage: model.StageImplementing, Submitted: date("2026-01-10"),
		Screening:      &model.Screening{Date: date("2026-01-12"), Outcome: model.ScreenQuickWin},
		Decision:       &model.Decision{Date: date("2026-01-20"), Outcome: model.DecideApprove, Implementer: "c"},
		Implementation: &model.Implementation{Started: date("2026-02-01")}}
	for _, c := range []struct {
		period string
		want   model.Stage
	}{
		{"2026-01-01..2026-01-19", model.StageQuickWin},
		{"2026-01", model.StageQuickWin},
		{"2026-02", model.StageImplementing},
	} {
		r := Make(cfg, []*model.Idea{i}, Options{Period: period(t, c.period)})
		if got := backlogStages(r)[i.ID]; got != c.want {
			t.Errorf("at the end of %s: %q, want %q", c.period, got, c.want)
		}
	}
}

// catalogueKey matches a key of the catalogue as text where its words
// belong: a first word of the catalogue's keys, a dot and more.
var catalogueKey = func() *regexp.Regexp {
	prefixes := []string{"stage", "role", "criterion", "section", "kind", "actor"}
	for _, k := range i18n.Keys() {
		if p, _, ok := strings.Cut(k, "."); ok && !slices.Contains(prefixes, p) {
			prefixes = append(prefixes, p)
		}
	}
	return regexp.MustCompile(`(?:^|[\s>"'(|,])((?:` + strings.Join(prefixes, "|") + `)\.[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*)(?:[\s<"'),.:;|]|$)`)
}()

// TestNoRawCatalogueKey: a report in every format, in both languages, of
// the shipped bank (the default process) and of the example's (its own),
// holds no key of the catalogue where its text belongs.
func TestNoRawCatalogueKey(t *testing.T) {
	for _, dir := range []string{"../..", "../../examples/bostadsbolaget"} {
		cfg, ideas := loadBank(t, dir)
		for _, lang := range model.Langs {
			info := Info{Title: cfg.Title, Organisation: cfg.Organisation, Lang: lang, Process: cfg.Process}
			r := Make(cfg, ideas, Options{Period: period(t, "2026"), Today: date("2026-11-30")})
			for name, write := range map[string]func(*bytes.Buffer) error{
				"md":   func(b *bytes.Buffer) error { return WriteMarkdown(b, r, info) },
				"csv":  func(b *bytes.Buffer) error { return WriteCSV(b, r, info) },
				"html": func(b *bytes.Buffer) error { return WriteHTML(b, r, info) },
				"json": func(b *bytes.Buffer) error { return WriteJSON(b, r, info) },
			} {
				var b bytes.Buffer
				if err := write(&b); err != nil {
					t.Fatal(err)
				}
				if b.Len() < 500 {
					t.Errorf("%s, %s, %s: a report of %d bytes", dir, lang, name, b.Len())
				}
				for _, hit := range catalogueKey.FindAllStringSubmatch(b.String(), -1) {
					t.Errorf("%s, %s, %s: the report holds the raw key %q", dir, lang, name, hit[1])
				}
			}
		}
	}
}

// TestFunnelOwnProcess: the funnel's steps are the bank's own stages, its
// workshop and its three ways in among them, and an idea counts at each
// stage its file shows it has been at.
func TestFunnelOwnProcess(t *testing.T) {
	cfg, ideas := loadBank(t, "../../examples/bostadsbolaget")
	r := Make(cfg, ideas, Options{Period: period(t, "2026"), Today: date("2026-11-30")})
	want := map[string][]model.ID{
		"submitted":    {"2026-002", "2026-003", "2026-004", "2026-005", "2026-006", "2026-007", "2026-008"}, // moved on
		"workshop":     {"2026-002", "2026-003"},
		"developing":   {"2026-003", "2026-004"},
		"quick-win":    {"2026-005", "2026-006"},
		"decided":      {"2026-004"},
		"implementing": {"2026-005", "2026-006"},
		"followed-up":  {"2026-006"},
	}
	var steps []string
	for _, s := range r.Funnel {
		steps = append(steps, s.Step)
		if !slices.Equal(s.Figure.IDs, want[s.Step]) {
			t.Errorf("funnel step %s: %v, want %v", s.Step, s.Figure.IDs, want[s.Step])
		}
	}
	if w := []string{"submitted", "workshop", "developing", "quick-win", "decided", "implementing", "followed-up"}; !slices.Equal(steps, w) {
		t.Errorf("the funnel's steps are %v, want %v", steps, w)
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, r, Info{Lang: model.Swedish, Process: cfg.Process}); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"| Har gått vidare från Inkommen | 7 |", "| Nytänkandeverkstad | 2 |", "| Uppföljd | 1 |"} {
		if !strings.Contains(md.String(), row) {
			t.Errorf("the report has no row %q:\n%s", row, md.String())
		}
	}
}

// TestRevisitOwnStage: an idea that waits at a stage of the bank's own
// with a date to take it up again is overdue past that day, whatever the
// stage is called: the wait is the process's, not v1's "paused".
func TestRevisitOwnStage(t *testing.T) {
	dir := t.TempDir()
	bank := "../../examples/bostadsbolaget"
	rename := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("paused"), []byte("on-hold")) }
	data, err := os.ReadFile(filepath.Join(bank, "idebank.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "idebank.yaml"), rename(data), 0o644); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(bank, "ideas", "2026", "*.md"))
	if err := os.MkdirAll(filepath.Join(dir, "ideas", "2026"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "ideas", "2026", filepath.Base(f)), rename(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, ideas := loadBank(t, dir)
	// 2026-008 waits until 2027-03-01.
	for _, c := range []struct {
		period  string
		overdue bool
	}{
		{"2027-01-01..2027-02-28", false},
		{"2027-01-01..2027-03-01", true},
	} {
		r := Make(cfg, ideas, Options{Period: period(t, c.period)})
		var found bool
		for _, w := range r.Backlog.Items {
			if w.ID == "2026-008" {
				found = true
				if w.Stage != "on-hold" || w.Overdue != c.overdue {
					t.Errorf("%s: 2026-008 waits at %s, overdue %v; want on-hold, %v", c.period, w.Stage, w.Overdue, c.overdue)
				}
			}
		}
		if !found {
			t.Errorf("%s: 2026-008 is not in the backlog", c.period)
		}
		if got := slices.Contains(r.Backlog.Overdue.IDs, "2026-008"); got != c.overdue {
			t.Errorf("%s: 2026-008 among the overdue: %v, want %v", c.period, got, c.overdue)
		}
	}
}
