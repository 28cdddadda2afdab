package cli

import (
	"context"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/google/go-github/v60/github"

	"github.com/idebanken/idebanken/internal/ghapi"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/issueform"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/notice"
	"github.com/idebanken/idebanken/internal/similar"
)

func init() { commands["intake"] = runIntakeCmd }

// IntakeOptions are the inputs of idebank intake.
type IntakeOptions struct {
	Stdout, Stderr io.Writer
	GitHub         GitHub
	Dir            string // a checkout of the repository's default branch
	Issue          int
	Today          model.Date
}

// IntakeBranch is the branch that intake proposes the idea of issue n on.
func IntakeBranch(n int) string { return fmt.Sprintf("idebank/issue-%d", n) }

func runIntakeCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &IntakeOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now),
		GitHub: GitHub{Config: ghapi.FromEnv(env.Getenv), HTTP: env.HTTP}}
	fs := newFlagSet("intake")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.IntVar(&opts.Issue, "issue", 0, "")
	fs.Var(dateFlag{&opts.Today}, "today", "")
	if code, ok := parseFlags(fs, args, lang, "cli.intake-usage", env); !ok {
		return code
	}
	if opts.Issue == 0 {
		ev, err := event(opts.GitHub.Config)
		if err != nil || ev.Issue == nil {
			say(env.Stderr, lang, "cli.need-issue")
			return ExitCannot
		}
		opts.Issue = ev.Issue.Number
	}
	return runIntake(opts, lang)
}

// runIntake turns an issue opened with an idea form into an idea file on
// a branch of its own and a pull request for an ambassador to review. The
// issue stays open as the idea's discussion. Run again for the same issue,
// it proposes nothing new.
func runIntake(opts *IntakeOptions, lang model.Lang) int {
	b, ok := openBank(opts.Dir, opts.Today, opts.Stderr, lang)
	if !ok {
		return ExitCannot
	}
	cfg := b.Res.Config
	lang = b.Lang
	w := notice.Writer{Lang: lang, Cfg: cfg}
	repo, err := opts.GitHub.open()
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), apiTimeout)
	defer cancel()
	issue, _, err := repo.Client.Issues.Get(ctx, repo.Owner, repo.Name, opts.Issue)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	if issue.IsPullRequest() {
		say(opts.Stderr, lang, "cli.intake-not-idea", opts.Issue)
		return ExitProblems
	}
	var labels []string
	for _, l := range issue.Labels {
		labels = append(labels, l.GetName())
	}
	kind, ok := issueform.KindOf(labels, issue.GetTitle())
	if !ok {
		say(opts.Stderr, lang, "cli.intake-not-idea", opts.Issue)
		return ExitProblems
	}
	url := repo.IssueURL(opts.Issue)
	for _, idea := range b.Res.Ideas {
		if idea.Discussion == url || idea.Discussion == issue.GetHTMLURL() {
			say(opts.Stdout, lang, "cli.intake-exists", opts.Issue, string(idea.ID))
			return ExitOK
		}
	}
	branch := IntakeBranch(opts.Issue)
	if pr, err := intakePR(ctx, repo, branch); err != nil {
		return cannot(opts.Stderr, lang, err)
	} else if pr != nil {
		say(opts.Stdout, lang, "cli.intake-proposed", opts.Issue, pr.GetNumber())
		return ExitOK
	}
	templates, err := issueform.ReadTemplates(b.Root)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	answer, err := issueform.Parse(cfg, templates, kind, issue.GetBody())
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	title := issueform.Title(issue.GetTitle())
	problems := answer.Problems
	if strings.TrimSpace(title) == "" {
		problems = append(problems, i18n.M("cli.intake-no-title"))
	}
	if len(problems) > 0 {
		// Ask for what is missing; the workflow runs again when the issue
		// is edited.
		body := w.IntakeProblems(problems)
		if _, err := repo.UpsertComment(ctx, opts.Issue, ghapi.Marker("intake", "problems"), body); err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		say(opts.Stdout, lang, "cli.intake-asked", opts.Issue, len(problems))
		return ExitOK
	}
	ids := make([]model.ID, 0, len(b.Res.Ideas))
	for _, idea := range b.Res.Ideas {
		ids = append(ids, idea.ID)
	}
	reserved, err := reservedIDs(ctx, repo)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	id := model.NextID(opts.Today.Year, append(ids, reserved...))
	submitter := model.Submitter{Anonymous: answer.Anonymous}
	if !answer.Anonymous {
		submitter.GitHub = issue.GetUser().GetLogin()
		submitter.Name = answer.Name
		if submitter.Name == "" {
			submitter.Name = displayName(ctx, repo, submitter.GitHub)
		}
	}
	body := answer.Body()
	if strings.TrimSpace(answer.Other) != "" {
		body = strings.TrimSpace(body + "\n\n" + answer.Other)
	}
	data, err := ideafile.Encode(ideafile.New{ID: id, Title: title, Kind: kind, Submitted: opts.Today, Submitter: submitter,
		Unit: answer.Unit, Tags: answer.Tags, Discussion: url, Body: body})
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	file := model.FileName(id, slugOr(title, string(kind)))
	if sub := subfolder(b.Root); sub != "" {
		file = path.Join(sub, file)
	}
	pr, err := propose(ctx, repo, branch, file, data, w.IntakeCommit(id, title, opts.Issue), w.IntakePR(id, title, opts.Issue))
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	if _, _, err := repo.Client.Issues.AddLabelsToIssue(ctx, repo.Owner, repo.Name, opts.Issue,
		[]string{issueform.LabelIdea, StageLabel(model.StageSubmitted)}); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	// The ideas most like it, for the submitter and the ambassador to see
	// before anyone screens it.
	thanks := w.IntakeThanks(id, pr.GetNumber())
	if like := w.Similar(id, similarTo(b.Res.Ideas, similar.Doc{Title: title, Tags: answer.Tags, Text: body}, id, similarShown)); like != "" {
		thanks += "\n\n" + like
	}
	if _, err := repo.UpsertComment(ctx, opts.Issue, ghapi.Marker("intake", "problems"), thanks); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	say(opts.Stdout, lang, "cli.intake-done", opts.Issue, string(id), pr.GetNumber())
	return ExitOK
}

func slugOr(title, fallback string) string {
	if s := model.Slugify(title); s != "" {
		return s
	}
	return fallback
}

// subfolder returns where the idea bank at root lies in its repository, ""
// at the top.
func subfolder(root string) string {
	repo, sub, err := openRepo(root)
	if err != nil {
		return ""
	}
	repo.Close()
	return sub
}

// intakePR returns the pull request of branch, open or not, or nil.
func intakePR(ctx context.Context, repo *ghapi.Repo, branch string) (*github.PullRequest, error) {
	prs, _, err := repo.Client.PullRequests.List(ctx, repo.Owner, repo.Name, &github.PullRequestListOptions{
		Head: repo.Owner + ":" + branch, State: "all"})
	if err != nil || len(prs) == 0 {
		return nil, err
	}
	return prs[0], nil
}

// reservedIDs returns the ids that open intake pull requests propose: two
// ideas submitted before either is merged must not get the same id.
func reservedIDs(ctx context.Context, repo *ghapi.Repo) ([]model.ID, error) {
	var ids []model.ID
	opts := &github.PullRequestListOptions{State: "open", ListOptions: github.ListOptions{PerPage: 100}}
	for {
		prs, resp, err := repo.Client.PullRequests.List(ctx, repo.Owner, repo.Name, opts)
		if err != nil {
			return nil, err
		}
		for _, pr := range prs {
			if strings.HasPrefix(pr.GetHead().GetRef(), "idebank/issue-") {
				if first, _, _ := strings.Cut(pr.GetTitle(), " "); model.ID(first).Year() != 0 {
					ids = append(ids, model.ID(first))
				}
			}
		}
		if resp.NextPage == 0 {
			return ids, nil
		}
		opts.Page = resp.NextPage
	}
}

// displayName returns the name a GitHub user shows, or the login.
func displayName(ctx context.Context, repo *ghapi.Repo, login string) string {
	u, _, err := repo.Client.Users.Get(ctx, login)
	if err != nil || strings.TrimSpace(u.GetName()) == "" {
		return login
	}
	return strings.TrimSpace(u.GetName())
}

// propose commits one new file on a new branch from the default branch,
// through the Git Data API (no checkout, no git program), and opens a pull
// request for it.
func propose(ctx context.Context, repo *ghapi.Repo, branch, file string, data []byte, message, prBody string) (*github.PullRequest, error) {
	gh := repo.Client
	r, _, err := gh.Repositories.Get(ctx, repo.Owner, repo.Name)
	if err != nil {
		return nil, err
	}
	base := r.GetDefaultBranch()
	ref, _, err := gh.Git.GetRef(ctx, repo.Owner, repo.Name, "heads/"+base)
	if err != nil {
		return nil, err
	}
	parent, _, err := gh.Git.GetCommit(ctx, repo.Owner, repo.Name, ref.GetObject().GetSHA())
	if err != nil {
		return nil, err
	}
	content := string(data)
	tree, _, err := gh.Git.CreateTree(ctx, repo.Owner, repo.Name, parent.GetTree().GetSHA(), []*github.TreeEntry{
		{Path: &file, Mode: github.String("100644"), Type: github.String("blob"), Content: &content}})
	if err != nil {
		return nil, err
	}
	commit, _, err := gh.Git.CreateCommit(ctx, repo.Owner, repo.Name, &github.Commit{
		Message: &message, Tree: tree, Parents: []*github.Commit{{SHA: parent.SHA}}}, nil)
	if err != nil {
		return nil, err
	}
	if _, _, err := gh.Git.CreateRef(ctx, repo.Owner, repo.Name, &github.Reference{
		Ref: github.String("refs/heads/" + branch), Object: &github.GitObject{SHA: commit.SHA}}); err != nil {
		return nil, err
	}
	title, _, _ := strings.Cut(message, "\n")
	pr, _, err := gh.PullRequests.Create(ctx, repo.Owner, repo.Name, &github.NewPullRequest{
		Title: &title, Head: &branch, Base: &base, Body: &prBody})
	if err != nil {
		return nil, fmt.Errorf("opening the pull request: %w", err)
	}
	return pr, nil
}
