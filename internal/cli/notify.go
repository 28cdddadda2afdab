package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ghapi"
	"github.com/idebanken/idebanken/internal/gitrepo"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/notice"
)

func init() { commands["notify"] = runNotifyCmd }

// NotifyOptions are the inputs of idebank notify.
type NotifyOptions struct {
	Stdout, Stderr io.Writer
	GitHub         GitHub
	Dir            string
	// Head is the revision whose history is told: the push's after, or
	// HEAD. Base, the push's before, is taken and not needed: every step
	// not yet told is told, whatever push brought it.
	Base, Head string
	// Days is how far back from Head's commit a step is looked for; 0
	// looks through the whole history.
	Days  int
	Today model.Date
}

// notifyDays is how far back notify looks by default: far enough to catch
// up any run GitHub cancelled, near enough that a push costs a few calls.
const notifyDays = 30

func runNotifyCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &NotifyOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now), Days: notifyDays,
		GitHub: GitHub{Config: ghapi.FromEnv(env.Getenv), HTTP: env.HTTP}}
	fs := newFlagSet("notify")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.StringVar(&opts.Base, "base", "", "")
	fs.StringVar(&opts.Head, "head", "", "")
	fs.IntVar(&opts.Days, "days", notifyDays, "")
	if code, ok := parseFlags(fs, args, lang, "cli.notify-usage", env); !ok {
		return code
	}
	if opts.Days < 0 {
		say(env.Stderr, lang, "cli.notify-bad-days", opts.Days)
		return ExitCannot
	}
	if opts.Head == "" {
		opts.Head = "HEAD"
		if ev, err := event(opts.GitHub.Config); err == nil && ev.After != "" && strings.Trim(ev.After, "0") != "" {
			opts.Head = ev.After
		}
	}
	return runNotify(opts, lang)
}

// A toldStep is what the marker of a notice says: which step of which idea
// it told, and the commit that step was merged in.
type toldStep struct {
	ID     model.ID
	Stage  model.Stage
	Date   string // the date of the section that took the idea there; "" in an old marker
	Commit string // "" in an old marker
}

// stepMarker is the hidden line of the notice of a step. The commit tells
// one visit of a stage from the next; the stage and the date still match
// the step when history is rewritten and the commit is gone.
func stepMarker(s toldStep) string {
	return ghapi.Marker("step", fmt.Sprintf("%s %s@%s %s", s.ID, s.Stage, s.Date, s.Commit))
}

var (
	stepMarkerPattern = regexp.MustCompile(`<!-- idebank:step (\S+) ([a-z-]+)@(\S*) ([0-9a-f]*) -->`)
	// Before the markers held the commit, a stage was told once per idea.
	oldMarkerPattern = regexp.MustCompile(`<!-- idebank:notify (\S+) ([a-z-]+) -->`)
)

// toldSteps reads the markers in the comments of an issue.
func toldSteps(bodies []string) []toldStep {
	var out []toldStep
	for _, b := range bodies {
		for _, m := range stepMarkerPattern.FindAllStringSubmatch(b, -1) {
			out = append(out, toldStep{ID: model.ID(m[1]), Stage: model.Stage(m[2]), Date: m[3], Commit: m[4]})
		}
		for _, m := range oldMarkerPattern.FindAllStringSubmatch(b, -1) {
			out = append(out, toldStep{ID: model.ID(m[1]), Stage: model.Stage(m[2])})
		}
	}
	return out
}

// untold returns the steps of one idea that no marker tells, oldest first.
// A marker tells the step of its commit; one whose commit is not among the
// idea's steps (history rewritten) tells the step of its stage and date; an
// old marker without either tells the first visit of its stage.
func untold(steps []toldStep, told []toldStep) []toldStep {
	commits := map[string]bool{}
	for _, s := range steps {
		commits[s.Commit] = true
	}
	tells := func(m, s toldStep) bool {
		if m.ID != s.ID || m.Stage != s.Stage {
			return false
		}
		old := m.Commit == "" && m.Date == ""
		return old || m.Commit == s.Commit || !commits[m.Commit] && m.Date == s.Date
	}
	// Each marker tells one step: the first, oldest, that it matches.
	done := make([]bool, len(steps))
	for _, m := range told {
		for i, s := range steps {
			if !done[i] && tells(m, s) {
				done[i] = true
				break
			}
		}
	}
	var out []toldStep
	for i, s := range steps {
		if !done[i] {
			out = append(out, s)
		}
	}
	return out
}

// runNotify tells each submitter every step their idea has taken and not
// yet been told of: a comment on the idea's discussion issue with the new
// stage and its justification, as the file was when the step was merged.
// Which steps were told it reads from the markers of the comments on the
// issue, so that a run GitHub cancelled, or one that failed half-way, is
// caught up by the next. The issue's stage label is the idea's stage, and
// the issue is closed at a final stage.
func runNotify(opts *NotifyOptions, lang model.Lang) int {
	lang = bankLang(opts.Dir, lang)
	repo, err := opts.GitHub.open()
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	root := findRoot(opts.Dir)
	git, sub, err := openRepo(root)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	defer git.Close()
	snap, err := git.Snapshot(opts.Head, sub)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	res := check.Lint(snap, opts.Today)
	cfg := res.Config
	if cfg == nil {
		return cannot(opts.Stderr, lang, i18n.Errorf(nil, "cli.config-unusable"))
	}
	lang = cfg.Language
	head, err := git.Commit(opts.Head)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	hist, err := git.History(head.Hash.String(), sub, nil)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	var since time.Time
	if opts.Days > 0 {
		since = head.Committer.When.AddDate(0, 0, -opts.Days)
	}
	w := notice.Writer{Lang: lang, Cfg: cfg, Idea: ideaByID(res.Ideas)}
	ctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
	defer cancel()
	ideas := slices.Clone(res.Ideas)
	slices.SortFunc(ideas, func(a, b *model.Idea) int { return strings.Compare(string(a.ID), string(b.ID)) })
	told, failed, shallow := 0, 0, false
	for _, idea := range ideas {
		var steps []history.Step
		recent := false
		for _, s := range hist.Steps[idea.ID] {
			if s.From == "" {
				continue // a new idea is greeted by intake; steps are told
			}
			steps = append(steps, s)
			recent = recent || !s.When.Before(since)
		}
		if !recent {
			continue
		}
		shallow = shallow || hist.Shallow
		n, ok := repo.IssueNumber(idea.Discussion)
		if !ok {
			say(opts.Stdout, lang, "cli.notify-no-issue", string(idea.ID))
			continue
		}
		k, err := notifyIdea(ctx, opts, lang, w, repo, git, sub, idea, n, steps)
		told += k
		if msg, ok := issueRefused(err); ok {
			// One issue deleted, moved or locked must not keep every other
			// submitter from being told; the run fails, so that it shows.
			say(opts.Stderr, lang, "cli.notify-issue-refused", string(idea.ID), n, msg)
			failed++
			continue
		}
		if err != nil {
			return cannot(opts.Stderr, lang, err)
		}
	}
	if shallow {
		say(opts.Stderr, lang, "cli.notify-shallow")
	}
	if told == 0 {
		say(opts.Stdout, lang, "cli.notify-nothing")
	}
	if failed > 0 {
		return ExitProblems
	}
	return ExitOK
}

// issueRefused reports whether err is GitHub's refusal about one issue:
// gone (404, 410) or locked (403); not a rate limit, which stops the run.
func issueRefused(err error) (string, bool) {
	var e *github.ErrorResponse
	if !errors.As(err, &e) || e.Response == nil {
		return "", false
	}
	switch e.Response.StatusCode {
	case http.StatusNotFound, http.StatusGone, http.StatusForbidden:
		return fmt.Sprintf("%d %s", e.Response.StatusCode, e.Message), true
	}
	return "", false
}

// notifyIdea tells the steps of one idea that its issue n has not been
// told, then puts the issue's label and state right. It returns how many
// steps it told.
func notifyIdea(ctx context.Context, opts *NotifyOptions, lang model.Lang, w notice.Writer, repo *ghapi.Repo, git *gitrepo.Repo,
	sub string, idea *model.Idea, n int, steps []history.Step) (int, error) {
	bodies, err := repo.CommentBodies(ctx, n)
	if err != nil {
		return 0, err
	}
	// The idea as each step left it: its justification, and the date that
	// marks the visit.
	type visit struct {
		step  history.Step
		idea  *model.Idea
		marks toldStep
	}
	visits := make([]visit, 0, len(steps))
	marks := make([]toldStep, 0, len(steps))
	for _, s := range steps {
		v := visit{step: s, marks: toldStep{ID: s.ID, Stage: s.To, Commit: s.Commit}}
		if data, err := git.File(s.Commit, path.Join(sub, s.Path)); err == nil {
			var ds diag.List
			if at := ideafile.Parse(s.Path, data, &ds); at != nil && at.ID == idea.ID {
				v.idea = at
				if d := notice.StepDate(at); !d.IsZero() {
					v.marks.Date = d.String()
				}
			}
		}
		visits = append(visits, v)
		marks = append(marks, v.marks)
	}
	todo := untold(marks, toldSteps(bodies))
	link := ""
	if cfg := w.Cfg; cfg.BaseURL != "" {
		link = strings.TrimSuffix(cfg.BaseURL, "/") + "/idea/" + string(idea.ID) + "/"
	}
	told := 0
	for _, m := range todo {
		i := slices.IndexFunc(visits, func(v visit) bool { return v.marks == m })
		v := visits[i]
		at := v.idea
		if at == nil {
			// The file cannot be read at that commit: tell the step
			// with what the file says now.
			at = idea
		}
		at = withStage(at, v.step.To)
		body := stepMarker(m) + "\n" + w.Step(at, v.step.From, link)
		if _, _, err := repo.Client.Issues.CreateComment(ctx, repo.Owner, repo.Name, n, &github.IssueComment{Body: &body}); err != nil {
			return told, err
		}
		told++
		say(opts.Stdout, lang, "cli.notified-step", string(idea.ID), i18n.Name(w.Cfg.Process, "stage."+string(v.step.To)), n)
	}
	return told, followStage(ctx, repo, n, idea.Stage)
}

// ideaByID returns a lookup of ideas by id: the first of those that
// share one, as the site has it.
func ideaByID(ideas []*model.Idea) func(model.ID) *model.Idea {
	byID := make(map[model.ID]*model.Idea, len(ideas))
	for _, idea := range ideas {
		if byID[idea.ID] == nil {
			byID[idea.ID] = idea
		}
	}
	return func(id model.ID) *model.Idea { return byID[id] }
}

// withStage returns idea at stage s: a step is told as the stage it went
// to, even where the file read at its commit says otherwise.
func withStage(idea *model.Idea, s model.Stage) *model.Idea {
	if idea.Stage == s {
		return idea
	}
	c := *idea
	c.Stage = s
	return &c
}

// StageLabel is the label of an issue whose idea is at stage s.
func StageLabel(s model.Stage) string { return "stage:" + string(s) }

// followStage gives issue n the label of stage s and no other stage label,
// and closes it when s is final.
func followStage(ctx context.Context, repo *ghapi.Repo, n int, s model.Stage) error {
	issue, _, err := repo.Client.Issues.Get(ctx, repo.Owner, repo.Name, n)
	if err != nil {
		return err
	}
	want, has := StageLabel(s), false
	for _, l := range issue.Labels {
		name := l.GetName()
		switch {
		case name == want:
			has = true
		case strings.HasPrefix(name, "stage:"):
			_, err := repo.Client.Issues.RemoveLabelForIssue(ctx, repo.Owner, repo.Name, n, name)
			if err != nil && !ghapi.NotFound(err) {
				return err
			}
		}
	}
	if !has {
		if _, _, err := repo.Client.Issues.AddLabelsToIssue(ctx, repo.Owner, repo.Name, n, []string{want}); err != nil {
			return err
		}
	}
	if s.Final() && issue.GetState() == "open" {
		reason := "completed"
		if s != model.StageEvaluated {
			reason = "not_planned"
		}
		state := "closed"
		if _, _, err := repo.Client.Issues.Edit(ctx, repo.Owner, repo.Name, n, &github.IssueRequest{State: &state, StateReason: &reason}); err != nil {
			return err
		}
	}
	return nil
}
