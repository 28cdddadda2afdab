package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/ghapi"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/notice"
)

func init() {
	commands["pr-comment"] = runPRCommentCmd
	commands["notify"] = runNotifyCmd
	commands["remind"] = runRemindCmd
}

// GitHub is how a command reaches GitHub: the environment's configuration
// and the HTTP client to use (tests give one that talks to a local server).
type GitHub struct {
	Config ghapi.Config
	HTTP   *http.Client
}

func (g GitHub) open() (*ghapi.Repo, error) { return g.Config.Open(g.HTTP) }

// apiTimeout bounds one command's work against the API.
const apiTimeout = 2 * time.Minute

// PRCommentOptions are the inputs of idebank pr-comment.
type PRCommentOptions struct {
	Stdout, Stderr io.Writer
	GitHub         GitHub
	Dir            string
	PR             int
	Base           string // the revision to compare with; "" for origin/<the pull request's base>
	Head           string // the revision to check; "" for the working tree
	// Committers are the authors of the pull request's commits, as for
	// check --committers; nil when not given.
	Committers []string
	Today      model.Date
}

func runPRCommentCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &PRCommentOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now),
		GitHub: GitHub{Config: ghapi.FromEnv(env.Getenv), HTTP: env.HTTP}}
	fs := newFlagSet("pr-comment")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.IntVar(&opts.PR, "pr", 0, "")
	fs.StringVar(&opts.Base, "base", "", "")
	fs.StringVar(&opts.Head, "head", "", "")
	fs.Var(committersFlag{&opts.Committers}, "committers", "")
	if code, ok := parseFlags(fs, args, lang, "cli.pr-comment-usage", env); !ok {
		return code
	}
	if opts.PR == 0 {
		ev, err := event(opts.GitHub.Config)
		if err != nil || ev.PullRequest == nil {
			say(env.Stderr, lang, "cli.need-pr")
			return ExitCannot
		}
		opts.PR = ev.PullRequest.Number
	}
	return runPRComment(opts, lang)
}

func event(c ghapi.Config) (*ghapi.Event, error) {
	if c.EventPath == "" {
		return nil, errors.New("no event")
	}
	return ghapi.ReadEvent(c.EventPath)
}

// runPRComment keeps the one comment on a pull request that says what it
// does, who must approve it and what it lacks, in plain words.
func runPRComment(opts *PRCommentOptions, lang model.Lang) int {
	repo, err := opts.GitHub.open()
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
	defer cancel()
	pr, _, err := repo.Client.PullRequests.Get(ctx, repo.Owner, repo.Name, opts.PR)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	approvers, err := approvals(ctx, repo, opts.PR, pr.GetHead().GetSHA())
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	base := opts.Base
	if base == "" {
		base = "origin/" + pr.GetBase().GetRef()
	}
	copts := &CheckOptions{Base: base, Head: opts.Head, Actor: pr.GetUser().GetLogin(), Committers: opts.Committers, Approvers: approvers, Today: opts.Today}
	c, err := loadChange(findRoot(opts.Dir), copts)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	res := check.CheckChange(*c)
	if res.Config == nil {
		return cannot(opts.Stderr, lang, errors.New("idebank.yaml cannot be read"))
	}
	w := notice.Writer{Lang: res.Config.Language, Cfg: res.Config}
	body := w.PullRequest(check.Summarize(*c), res.Diags)
	posted, err := repo.UpsertComment(ctx, opts.PR, ghapi.Marker("pr-comment", ""), body)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	key := "cli.pr-comment-edited"
	if posted {
		key = "cli.pr-comment-posted"
	}
	say(opts.Stdout, res.Config.Language, key, opts.PR)
	return ExitOK
}

// approvals returns who approves a pull request now: each reviewer whose
// latest review approves its head commit. A later "changes requested" or
// a dismissal takes an approval back, and an approval of an earlier
// commit does not count: what was approved is not what is checked.
func approvals(ctx context.Context, repo *ghapi.Repo, pr int, head string) ([]string, error) {
	latest := map[string]string{}
	var order []string
	opts := &github.ListOptions{PerPage: 100}
	for {
		reviews, resp, err := repo.Client.PullRequests.ListReviews(ctx, repo.Owner, repo.Name, pr, opts)
		if err != nil {
			return nil, err
		}
		for _, r := range reviews {
			login, state := r.GetUser().GetLogin(), r.GetState()
			if state == "COMMENTED" || state == "PENDING" {
				continue // a comment neither gives nor takes an approval
			}
			if _, seen := latest[login]; !seen {
				order = append(order, login)
			}
			if state == "APPROVED" && head != "" && r.GetCommitID() != head {
				state = "STALE"
			}
			latest[login] = state
		}
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	var out []string
	for _, l := range order {
		if latest[l] == "APPROVED" {
			out = append(out, l)
		}
	}
	return out, nil
}

// NotifyOptions are the inputs of idebank notify.
type NotifyOptions struct {
	Stdout, Stderr io.Writer
	GitHub         GitHub
	Dir            string
	Base, Head     string // revisions: the push's before and after
	Today          model.Date
}

func runNotifyCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &NotifyOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now),
		GitHub: GitHub{Config: ghapi.FromEnv(env.Getenv), HTTP: env.HTTP}}
	fs := newFlagSet("notify")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.StringVar(&opts.Base, "base", "", "")
	fs.StringVar(&opts.Head, "head", "", "")
	if code, ok := parseFlags(fs, args, lang, "cli.notify-usage", env); !ok {
		return code
	}
	if opts.Base == "" || opts.Head == "" {
		ev, err := event(opts.GitHub.Config)
		if err != nil || ev.Before == "" || ev.After == "" {
			say(env.Stderr, lang, "cli.need-push")
			return ExitCannot
		}
		opts.Base, opts.Head = ev.Before, ev.After
	}
	return runNotify(opts, lang)
}

// runNotify tells each submitter whose idea took a step between two
// commits: a comment on the idea's discussion issue with the new stage and
// the justification, the stage as a label, and the issue closed at a final
// stage. A step already told is not told again.
func runNotify(opts *NotifyOptions, lang model.Lang) int {
	repo, err := opts.GitHub.open()
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	if strings.Trim(opts.Base, "0") == "" {
		say(opts.Stdout, lang, "cli.notify-first-push")
		return ExitOK // a new branch: there is no before to compare with
	}
	c, err := loadChange(findRoot(opts.Dir), &CheckOptions{Base: opts.Base, Head: opts.Head, Today: opts.Today})
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	cfg := check.Lint(c.Head, opts.Today).Config
	if cfg == nil {
		return cannot(opts.Stderr, lang, errors.New("idebank.yaml cannot be read"))
	}
	lang = cfg.Language
	w := notice.Writer{Lang: lang, Cfg: cfg}
	ctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
	defer cancel()
	told := 0
	for _, s := range check.Summarize(*c) {
		if s.Head == nil || s.From == "" || s.From == s.To || s.Step == nil {
			continue // new ideas are greeted by intake; only steps are told
		}
		idea := s.Head
		n, ok := repo.IssueNumber(idea.Discussion)
		if !ok {
			say(opts.Stdout, lang, "cli.notify-no-issue", string(idea.ID))
			continue
		}
		marker := ghapi.Marker("notify", fmt.Sprintf("%s %s", idea.ID, idea.Stage))
		if old, err := repo.FindComment(ctx, n, marker); err != nil {
			return cannot(opts.Stderr, lang, err)
		} else if old != nil {
			continue // told already: the workflow ran again
		}
		link := ""
		if cfg.BaseURL != "" {
			link = strings.TrimSuffix(cfg.BaseURL, "/") + "/idea/" + string(idea.ID) + "/"
		}
		body := marker + "\n" + w.Step(idea, s.From, link)
		if _, _, err := repo.Client.Issues.CreateComment(ctx, repo.Owner, repo.Name, n, &github.IssueComment{Body: &body}); err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		if err := stageLabel(ctx, repo, n, s.From, idea.Stage); err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		if idea.Stage.Final() {
			reason := "completed"
			if idea.Stage != model.StageEvaluated {
				reason = "not_planned"
			}
			state := "closed"
			if _, _, err := repo.Client.Issues.Edit(ctx, repo.Owner, repo.Name, n, &github.IssueRequest{State: &state, StateReason: &reason}); err != nil {
				return cannot(opts.Stderr, lang, err)
			}
		}
		told++
		say(opts.Stdout, lang, "cli.notified", string(idea.ID), n)
	}
	if told == 0 {
		say(opts.Stdout, lang, "cli.notify-nothing")
	}
	return ExitOK
}

// StageLabel is the label of an issue whose idea is at stage s.
func StageLabel(s model.Stage) string { return "stage:" + string(s) }

// stageLabel moves an issue's stage label from one stage to the next.
func stageLabel(ctx context.Context, repo *ghapi.Repo, n int, from, to model.Stage) error {
	if from != "" {
		_, err := repo.Client.Issues.RemoveLabelForIssue(ctx, repo.Owner, repo.Name, n, StageLabel(from))
		if err != nil && !ghapi.NotFound(err) {
			return err
		}
	}
	_, _, err := repo.Client.Issues.AddLabelsToIssue(ctx, repo.Owner, repo.Name, n, []string{StageLabel(to)})
	return err
}

// RemindOptions are the inputs of idebank remind.
type RemindOptions struct {
	Stdout, Stderr io.Writer
	GitHub         GitHub
	Dir            string
	Today          model.Date
}

// ReminderLabel marks the one issue that lists what waits too long.
const ReminderLabel = "idebank:påminnelse"

func runRemindCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &RemindOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now),
		GitHub: GitHub{Config: ghapi.FromEnv(env.Getenv), HTTP: env.HTTP}}
	fs := newFlagSet("remind")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.Var(dateFlag{&opts.Today}, "today", "")
	if code, ok := parseFlags(fs, args, lang, "cli.remind-usage", env); !ok {
		return code
	}
	return runRemind(opts, lang)
}

// runRemind keeps one issue up to date with what waits too long: first
// feedback past feedback_days and pauses past their revisit date. It is
// closed when nothing does, and opened again when something does.
func runRemind(opts *RemindOptions, lang model.Lang) int {
	b, ok := openBank(opts.Dir, opts.Today, opts.Stderr, lang)
	if !ok {
		return ExitCannot
	}
	cfg := b.Res.Config
	var feedback, revisit []notice.Waiting
	for _, idea := range b.Res.Ideas {
		switch {
		case idea.Stage == model.StageSubmitted && !idea.Submitted.IsZero() && idea.Submitted.DaysUntil(opts.Today) > cfg.FeedbackDays:
			feedback = append(feedback, notice.Waiting{Idea: idea, Since: idea.Submitted, Days: idea.Submitted.DaysUntil(opts.Today)})
		case idea.Stage == model.StagePaused && idea.Screening != nil && !idea.Screening.Revisit.IsZero() && !idea.Screening.Revisit.After(opts.Today):
			revisit = append(revisit, notice.Waiting{Idea: idea, Since: idea.Screening.Revisit, Days: idea.Screening.Revisit.DaysUntil(opts.Today)})
		}
	}
	repo, err := opts.GitHub.open()
	if err != nil {
		return cannot(opts.Stderr, b.Lang, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
	defer cancel()
	w := notice.Writer{Lang: b.Lang, Cfg: cfg}
	link := func(id model.ID) string {
		if cfg.BaseURL == "" {
			return ""
		}
		return strings.TrimSuffix(cfg.BaseURL, "/") + "/idea/" + string(id) + "/"
	}
	body := w.Reminder(feedback, revisit, opts.Today, link)
	title := w.Title()
	open, err := reminderIssue(ctx, repo)
	if err != nil {
		return cannot(opts.Stderr, b.Lang, err)
	}
	waiting := len(feedback)+len(revisit) > 0
	switch {
	case open == nil && !waiting:
		say(opts.Stdout, b.Lang, "cli.remind-nothing")
	case open == nil:
		issue, _, err := repo.Client.Issues.Create(ctx, repo.Owner, repo.Name, &github.IssueRequest{
			Title: &title, Body: &body, Labels: &[]string{ReminderLabel}})
		if err != nil {
			return cannot(opts.Stderr, b.Lang, err)
		}
		say(opts.Stdout, b.Lang, "cli.remind-opened", issue.GetNumber(), len(feedback)+len(revisit))
	default:
		req := &github.IssueRequest{Body: &body}
		if !waiting {
			state := "closed"
			req.State = &state
		}
		if _, _, err := repo.Client.Issues.Edit(ctx, repo.Owner, repo.Name, open.GetNumber(), req); err != nil {
			return cannot(opts.Stderr, b.Lang, err)
		}
		say(opts.Stdout, b.Lang, "cli.remind-updated", open.GetNumber(), len(feedback)+len(revisit))
	}
	return ExitOK
}

// reminderIssue returns the open issue that lists what waits, or nil.
func reminderIssue(ctx context.Context, repo *ghapi.Repo) (*github.Issue, error) {
	issues, _, err := repo.Client.Issues.ListByRepo(ctx, repo.Owner, repo.Name, &github.IssueListByRepoOptions{
		State: "open", Labels: []string{ReminderLabel}, ListOptions: github.ListOptions{PerPage: 10}})
	if err != nil {
		return nil, err
	}
	for _, i := range issues {
		if !i.IsPullRequest() {
			return i, nil
		}
	}
	return nil, nil
}
