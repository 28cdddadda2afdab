package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/google/go-github/v60/github"

	"github.com/idebanken/idebanken/internal/check"
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
	// Summary is the file of the job's summary (GITHUB_STEP_SUMMARY), where
	// a failure the repository's settings cause is explained; "" for none.
	Summary string
}

// IntakeBranch is the branch that intake proposes the idea of issue n on.
func IntakeBranch(n int) string { return fmt.Sprintf("idebank/issue-%d", n) }

func runIntakeCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &IntakeOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now), Summary: env.Getenv("GITHUB_STEP_SUMMARY"),
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
		// A run that opened the pull request and then failed left the
		// issue unlabelled or unanswered: finish that, once.
		if first, _, _ := strings.Cut(pr.GetTitle(), " "); pr.GetState() == "open" && model.ID(first).Year() != 0 {
			if code := intakeTell(ctx, opts, lang, w, repo, model.ID(first), pr, ""); code != ExitOK {
				return code
			}
		}
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
	// The title is cut and made one line before anything is written: the
	// file must pass its check, and GitHub refuses a long pull request
	// title.
	title := cutTitle(issueform.Title(issue.GetTitle()), check.MaxTitle)
	problems := answer.Problems
	if title == "" {
		problems = append(problems, i18n.M("cli.intake-no-title"))
	}
	problems = append(problems, personalProblems(title, answer)...)
	if len(problems) > 0 {
		// Ask for what is missing; the workflow runs again when the issue
		// is edited.
		body := w.IntakeProblems(problems)
		if _, err := repo.UpsertComment(ctx, opts.Issue, intakeMarker, body); err != nil {
			return cannot(opts.Stderr, lang, err)
		}
		say(opts.Stdout, lang, "cli.intake-asked", opts.Issue, len(problems))
		return ExitOK
	}
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
	sub := subfolder(b.Root)
	known := make([]model.ID, 0, len(b.Res.Ideas))
	for _, idea := range b.Res.Ideas {
		known = append(known, idea.ID)
	}
	p := &proposal{repo: repo, branch: branch, year: opts.Today.Year, known: known,
		file: func(id model.ID) (string, []byte, error) {
			data, err := ideafile.Encode(ideafile.New{ID: id, Title: title, Kind: kind, Submitted: opts.Today, Submitter: submitter,
				Unit: answer.Unit, Tags: answer.Tags, Discussion: url, Body: body})
			name := model.FileName(id, slugOr(title, string(kind)))
			if sub != "" {
				name = path.Join(sub, name)
			}
			return name, data, err
		},
		message: func(id model.ID) string { return w.IntakeCommit(id, title, opts.Issue) },
		prBody:  func(id model.ID) string { return w.IntakePR(id, title, opts.Issue) },
	}
	id, pr, err := p.propose(ctx)
	var refused *refusedError
	switch {
	case errors.As(err, &refused):
		return intakeRefused(ctx, opts, lang, w, repo, id, refused)
	case err != nil:
		return cannot(opts.Stderr, lang, err)
	}
	// The ideas most like it, for the submitter and the ambassador to see
	// before anyone screens it.
	like := w.Similar(id, similarTo(b.Res.Ideas, similar.Doc{Title: title, Tags: answer.Tags, Text: body}, id, similarShown))
	if code := intakeTell(ctx, opts, lang, w, repo, id, pr, like); code != ExitOK {
		return code
	}
	say(opts.Stdout, lang, "cli.intake-done", opts.Issue, string(id), pr.GetNumber())
	return ExitOK
}

// intakeTell marks the issue as taken in and thanks the submitter, in the
// one comment of intake's that explained any problem before, with like,
// the ideas most like the new one, where there are any.
func intakeTell(ctx context.Context, opts *IntakeOptions, lang model.Lang, w notice.Writer, repo *ghapi.Repo, id model.ID, pr *github.PullRequest, like string) int {
	if _, _, err := repo.Client.Issues.AddLabelsToIssue(ctx, repo.Owner, repo.Name, opts.Issue,
		[]string{issueform.LabelIdea, StageLabel(model.StageSubmitted)}); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	thanks := w.IntakeThanks(id, pr.GetNumber())
	if like != "" {
		thanks += "\n\n" + like
	}
	if _, err := repo.UpsertComment(ctx, opts.Issue, intakeMarker, thanks); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	return ExitOK
}

// intakeMarker marks intake's one comment on an issue: what to put right,
// why the pull request could not be opened, or the thanks once it is.
var intakeMarker = ghapi.Marker("intake", "problems")

// cutTitle makes title one line of at most max characters, cut at a space
// where there is one in the last third, with an ellipsis when cut.
func cutTitle(title string, max int) string {
	t := strings.Join(strings.Fields(title), " ")
	r := []rune(t)
	if len(r) <= max {
		return t
	}
	r = r[:max-1]
	if i := strings.LastIndex(string(r), " "); i > 0 && utf8.RuneCountInString(string(r)[:i]) > max*2/3 {
		r = []rune(string(r)[:i])
	}
	return strings.TrimRight(string(r), " ,.;:-") + "…"
}

// personalProblems asks about each answer that holds a personal identity
// number or a phone number: the issue is public already, but the idea file
// and the site need not be too. Nothing is committed until the submitter
// has edited the issue.
func personalProblems(title string, a *issueform.Answer) []i18n.Message {
	var out []i18n.Message
	ask := func(where any, text string) {
		pnr, phone := check.PersonalIn(text)
		if pnr {
			out = append(out, i18n.M("cli.intake-pnr", where))
		}
		if phone {
			out = append(out, i18n.M("cli.intake-phone", where))
		}
	}
	ask(i18n.Key("cli.intake-where-title"), title)
	for _, s := range a.Sections {
		ask("”"+s.Heading+"”", s.Text)
	}
	ask(i18n.Key("cli.intake-where-tags"), strings.Join(a.Tags, " "))
	if strings.TrimSpace(a.Other) != "" {
		ask(i18n.Key("cli.intake-where-other"), a.Other)
	}
	return out
}

// refusedError is GitHub's refusal to open a pull request for reasons of
// the repository's settings or the token's permissions.
type refusedError struct {
	Message string // GitHub's message
	Actions bool   // the setting that Actions may not create pull requests
	Branch  string // the branch that holds the idea, ready for a retry
}

func (e *refusedError) Error() string { return "opening the pull request: " + e.Message }

// intakeRefused says on the issue, in the job summary and on the command
// line what an administrator must change, and exits with ExitRefused. The
// branch stays: the run again, once the setting is changed, reuses it.
func intakeRefused(ctx context.Context, opts *IntakeOptions, lang model.Lang, w notice.Writer, repo *ghapi.Repo, id model.ID, e *refusedError) int {
	text := w.IntakeRefused(id, e.Branch, e.Message, e.Actions, repo.SettingsURL())
	if _, err := repo.UpsertComment(ctx, opts.Issue, intakeMarker, text); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	if opts.Summary != "" {
		if err := appendFile(opts.Summary, "## "+w.IntakeRefusedTitle(opts.Issue)+"\n\n"+text+"\n"); err != nil {
			return cannot(opts.Stderr, lang, err)
		}
	}
	say(opts.Stderr, lang, "cli.intake-refused", opts.Issue, e.Message)
	return ExitRefused
}

// appendFile adds text at the end of the file at name, as GitHub's job
// summary is written.
func appendFile(name, text string) error {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
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

// displayName returns the name a GitHub user shows, or the login.
func displayName(ctx context.Context, repo *ghapi.Repo, login string) string {
	u, _, err := repo.Client.Users.Get(ctx, login)
	if err != nil || strings.TrimSpace(u.GetName()) == "" {
		return login
	}
	return strings.TrimSpace(u.GetName())
}

// idRefs is the namespace of the refs by which intake takes ids: creating
// refs/idebank/ids/<id> succeeds for one intake only, so two at the same
// moment never take the same id.
const idRefs = "refs/idebank/ids/"

// A proposal is one new idea file that intake commits on its branch and
// proposes in a pull request, through the Git Data API (no checkout, no
// git program).
type proposal struct {
	repo    *ghapi.Repo
	branch  string
	year    int
	known   []model.ID // the ids in the files
	file    func(model.ID) (name string, data []byte, err error)
	message func(model.ID) string
	prBody  func(model.ID) string
}

// propose commits the idea on the branch and opens its pull request. A
// branch that a run before left (its pull request refused) is reused with
// its id; otherwise the next free id is taken. It returns the id even
// when the pull request is refused.
func (p *proposal) propose(ctx context.Context) (model.ID, *github.PullRequest, error) {
	gh, owner, name := p.repo.Client, p.repo.Owner, p.repo.Name
	r, _, err := gh.Repositories.Get(ctx, owner, name)
	if err != nil {
		return "", nil, err
	}
	base := r.GetDefaultBranch()
	ref, _, err := gh.Git.GetRef(ctx, owner, name, "heads/"+base)
	if err != nil {
		return "", nil, err
	}
	parent, _, err := gh.Git.GetCommit(ctx, owner, name, ref.GetObject().GetSHA())
	if err != nil {
		return "", nil, err
	}
	id, existing, err := p.branchID(ctx)
	if err != nil {
		return "", nil, err
	}
	if id == "" {
		if id, err = p.takeID(ctx, parent.GetSHA()); err != nil {
			return "", nil, err
		}
	} else if err := p.keepID(ctx, id, parent.GetSHA()); err != nil {
		return "", nil, err
	}
	file, data, err := p.file(id)
	if err != nil {
		return id, nil, err
	}
	content, message := string(data), p.message(id)
	tree, _, err := gh.Git.CreateTree(ctx, owner, name, parent.GetTree().GetSHA(), []*github.TreeEntry{
		{Path: &file, Mode: github.String("100644"), Type: github.String("blob"), Content: &content}})
	if err != nil {
		return id, nil, err
	}
	commit, _, err := gh.Git.CreateCommit(ctx, owner, name, &github.Commit{
		Message: &message, Tree: tree, Parents: []*github.Commit{{SHA: parent.SHA}}}, nil)
	if err != nil {
		return id, nil, err
	}
	// The branch is made again from the default branch as it is now, with
	// the issue as it is now: a retry after the issue was edited proposes
	// the edited idea.
	branchRef := &github.Reference{Ref: github.String("refs/heads/" + p.branch), Object: &github.GitObject{SHA: commit.SHA}}
	if existing {
		_, _, err = gh.Git.UpdateRef(ctx, owner, name, branchRef, true)
	} else {
		_, _, err = gh.Git.CreateRef(ctx, owner, name, branchRef)
	}
	if err != nil {
		return id, nil, err
	}
	title := prTitle(message)
	pr, _, err := gh.PullRequests.Create(ctx, owner, name, &github.NewPullRequest{
		Title: &title, Head: &p.branch, Base: &base, Body: github.String(p.prBody(id))})
	if e := refusal(err); e != nil {
		e.Branch = p.branch
		return id, nil, e
	}
	if err != nil {
		return id, nil, fmt.Errorf("opening the pull request: %w", err)
	}
	return id, pr, nil
}

// branchID returns the id that the intake branch proposes, when a run
// before left the branch.
func (p *proposal) branchID(ctx context.Context) (model.ID, bool, error) {
	gh, owner, name := p.repo.Client, p.repo.Owner, p.repo.Name
	ref, _, err := gh.Git.GetRef(ctx, owner, name, "heads/"+p.branch)
	if ghapi.NotFound(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	c, _, err := gh.Git.GetCommit(ctx, owner, name, ref.GetObject().GetSHA())
	if err != nil {
		return "", true, err
	}
	// The commit's message starts with the id (IntakeCommit).
	first, _, _ := strings.Cut(c.GetMessage(), " ")
	if id := model.ID(first); id.Year() != 0 {
		return id, true, nil
	}
	return "", true, nil
}

// takeID takes the next free id by creating its ref: GitHub creates a ref
// only once, so when another intake took the id first, this one takes the
// next.
func (p *proposal) takeID(ctx context.Context, at string) (model.ID, error) {
	gh, owner, name := p.repo.Client, p.repo.Owner, p.repo.Name
	taken := slices.Clone(p.known)
	open, err := openIntakeIDs(ctx, p.repo)
	if err != nil {
		return "", err
	}
	taken = append(taken, open...)
	// The matching refs come in one answer: GitHub does not page them.
	refs, _, err := gh.Git.ListMatchingRefs(ctx, owner, name, &github.ReferenceListOptions{Ref: strings.TrimPrefix(idRefs, "refs/")})
	if err != nil {
		return "", err
	}
	for _, r := range refs {
		taken = append(taken, model.ID(strings.TrimPrefix(r.GetRef(), idRefs)))
	}
	for range maxIDTries {
		id := model.NextID(p.year, taken)
		_, _, err := gh.Git.CreateRef(ctx, owner, name, &github.Reference{Ref: github.String(idRefs + string(id)), Object: &github.GitObject{SHA: &at}})
		if err == nil {
			return id, nil
		}
		if !refExists(err) {
			return "", err
		}
		taken = append(taken, id)
	}
	return "", i18n.Errorf(nil, "cli.intake-no-id", maxIDTries, idRefs)
}

// keepID makes sure the ref of the id that a branch proposes exists: a
// branch that an earlier version left took no ref.
func (p *proposal) keepID(ctx context.Context, id model.ID, at string) error {
	_, _, err := p.repo.Client.Git.CreateRef(ctx, p.repo.Owner, p.repo.Name,
		&github.Reference{Ref: github.String(idRefs + string(id)), Object: &github.GitObject{SHA: &at}})
	if err != nil && !refExists(err) {
		return err
	}
	return nil
}

// openIntakeIDs returns the ids that open intake pull requests propose by
// their titles: those an earlier version opened took no ref.
func openIntakeIDs(ctx context.Context, repo *ghapi.Repo) ([]model.ID, error) {
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

// maxIDTries bounds how many ids an intake tries when others take them.
const maxIDTries = 50

// refExists reports whether err is GitHub's refusal to create a ref that
// exists.
func refExists(err error) bool {
	var e *github.ErrorResponse
	return errors.As(err, &e) && e.Response != nil && e.Response.StatusCode == http.StatusUnprocessableEntity &&
		strings.Contains(e.Message, "Reference already exists")
}

// refusal returns the error of a pull request GitHub refuses to open for
// the repository's settings or the token's permissions (403), or nil.
func refusal(err error) *refusedError {
	var e *github.ErrorResponse
	if !errors.As(err, &e) || e.Response == nil || e.Response.StatusCode != http.StatusForbidden {
		return nil
	}
	return &refusedError{Message: e.Message, Actions: strings.Contains(e.Message, "not permitted to create or approve pull requests")}
}

// maxPRTitle is the longest title GitHub takes for a pull request.
const maxPRTitle = 256

// prTitle is the first line of a commit message, within GitHub's limit.
func prTitle(message string) string {
	first, _, _ := strings.Cut(message, "\n")
	return cutTitle(first, maxPRTitle)
}
