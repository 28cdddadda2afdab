package cli

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/ghapi"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/notice"
	"github.com/idebanken/idebanken/internal/workflow"
)

func init() {
	commands["pr-comment"] = runPRCommentCmd
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
	lang = bankLang(opts.Dir, lang)
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
		return cannot(opts.Stderr, lang, i18n.Errorf(nil, "cli.config-unusable"))
	}
	w := notice.Writer{Lang: res.Config.Language, Cfg: res.Config, Like: func(idea *model.Idea) []*model.Idea {
		return similarTo(res.Ideas, ideaDoc(idea), idea.ID, similarShown)
	}}
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

// RemindOptions are the inputs of idebank remind.
type RemindOptions struct {
	Stdout, Stderr io.Writer
	GitHub         GitHub
	Dir            string
	Today          model.Date
}

// ReminderLabel is set on the one issue that lists what waits too long, for
// people to filter by. remind does not find the issue by it: GitHub drops
// labels that a token without push access sets, and people remove them.
const ReminderLabel = "idebank:påminnelse"

// reminderMarker is the hidden line in the body of the one issue that
// lists what waits too long, by which remind finds it again.
var reminderMarker = ghapi.Marker("remind", "list")

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
	flow := workflow.Of(cfg)
	var feedback, revisit []notice.Waiting
	for _, idea := range b.Res.Ideas {
		// The waits are the process's: its first stage, and a stage with
		// a day to take the idea up again (v1's pause).
		_, due := flow.RevisitOf(idea, idea.Stage)
		switch {
		case idea.Stage == flow.Process.Start() && !idea.Submitted.IsZero() && idea.Submitted.DaysUntil(opts.Today) > cfg.FeedbackDays:
			feedback = append(feedback, notice.Waiting{Idea: idea, Since: idea.Submitted, Days: idea.Submitted.DaysUntil(opts.Today)})
		case !due.IsZero() && !due.After(opts.Today):
			revisit = append(revisit, notice.Waiting{Idea: idea, Since: due, Days: due.DaysUntil(opts.Today)})
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
	body := reminderMarker + "\n" + w.Reminder(feedback, revisit, opts.Today, link)
	title := w.Title()
	found, err := reminderIssue(ctx, repo)
	if err != nil {
		return cannot(opts.Stderr, b.Lang, err)
	}
	count := len(feedback) + len(revisit)
	waiting := count > 0
	open := found != nil && found.GetState() == "open"
	switch {
	case !waiting && !open:
		say(opts.Stdout, b.Lang, "cli.remind-nothing")
	case found == nil:
		issue, _, err := repo.Client.Issues.Create(ctx, repo.Owner, repo.Name, &github.IssueRequest{
			Title: &title, Body: &body, Labels: &[]string{ReminderLabel}})
		if err != nil {
			return cannot(opts.Stderr, b.Lang, err)
		}
		say(opts.Stdout, b.Lang, "cli.remind-opened", issue.GetNumber(), i18n.Count{Key: "cli.ideas", N: count})
	default:
		// The one issue is kept: edited while open, closed when nothing
		// waits, and opened again rather than a second one made.
		req := &github.IssueRequest{Body: &body}
		key := "cli.remind-updated"
		switch {
		case !waiting:
			req.State, key = github.String("closed"), "cli.remind-closed"
		case !open:
			req.State, key = github.String("open"), "cli.remind-reopened"
		}
		if _, _, err := repo.Client.Issues.Edit(ctx, repo.Owner, repo.Name, found.GetNumber(), req); err != nil {
			return cannot(opts.Stderr, b.Lang, err)
		}
		if key == "cli.remind-closed" {
			say(opts.Stdout, b.Lang, key, found.GetNumber())
		} else {
			say(opts.Stdout, b.Lang, key, found.GetNumber(), i18n.Count{Key: "cli.ideas", N: count})
		}
	}
	return ExitOK
}

// reminderIssue returns the issue that lists what waits, open or closed,
// or nil: the oldest open one whose body holds the marker, else the newest
// closed one. An issue with the label but no marker is one an earlier
// version opened; it counts too, and is given the marker when edited.
func reminderIssue(ctx context.Context, repo *ghapi.Repo) (*github.Issue, error) {
	var open, closed *github.Issue
	opts := &github.IssueListByRepoOptions{State: "all", Sort: "created", Direction: "asc", ListOptions: github.ListOptions{PerPage: 100}}
	for {
		issues, resp, err := repo.Client.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opts)
		if err != nil {
			return nil, err
		}
		for _, i := range issues {
			if i.IsPullRequest() || !isReminder(i) {
				continue
			}
			if i.GetState() == "open" && open == nil {
				open = i
			}
			if i.GetState() != "open" {
				closed = i
			}
		}
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	if open != nil {
		return open, nil
	}
	return closed, nil
}

func isReminder(i *github.Issue) bool {
	if strings.Contains(i.GetBody(), reminderMarker) {
		return true
	}
	for _, l := range i.Labels {
		if l.GetName() == ReminderLabel {
			return true
		}
	}
	return false
}
