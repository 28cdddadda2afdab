// Package ghapi is Idébanken's side of the GitHub REST API, through
// go-github: the repository a command acts on, read from the environment
// GitHub Actions sets, the event that started a workflow, and comments kept
// up to date instead of posted again.
package ghapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/google/go-github/v60/github"

	"github.com/idebanken/idebanken/internal/i18n"
)

// Config is where the API is and who may use it, as GitHub Actions sets it
// in the environment.
type Config struct {
	Token      string // GITHUB_TOKEN
	Repository string // GITHUB_REPOSITORY: owner/name
	APIURL     string // GITHUB_API_URL; "" for github.com's
	ServerURL  string // GITHUB_SERVER_URL, for links; "" for https://github.com
	EventPath  string // GITHUB_EVENT_PATH: the event that started the workflow
}

// FromEnv reads a Config.
func FromEnv(getenv func(string) string) Config {
	return Config{
		Token: getenv("GITHUB_TOKEN"), Repository: getenv("GITHUB_REPOSITORY"),
		APIURL: getenv("GITHUB_API_URL"), ServerURL: getenv("GITHUB_SERVER_URL"), EventPath: getenv("GITHUB_EVENT_PATH"),
	}
}

// ErrConfig is returned when the environment lacks what a command needs.
var ErrConfig = errors.New("GitHub is not configured")

// Repo is a repository and a client for its API.
type Repo struct {
	Owner, Name string
	Client      *github.Client
	server      string
}

// Open returns the repository of c, using hc for requests (nil for the
// default client).
func (c Config) Open(hc *http.Client) (*Repo, error) {
	owner, name, ok := strings.Cut(c.Repository, "/")
	if !ok || owner == "" || name == "" {
		return nil, i18n.Errorf(ErrConfig, "cli.github-repository", c.Repository)
	}
	if c.Token == "" {
		return nil, i18n.Errorf(ErrConfig, "cli.github-token")
	}
	client := github.NewClient(hc).WithAuthToken(c.Token)
	if c.APIURL != "" && strings.TrimSuffix(c.APIURL, "/") != "https://api.github.com" {
		base := strings.TrimSuffix(c.APIURL, "/") + "/"
		u, err := url.Parse(base)
		if err != nil {
			return nil, i18n.Errorf(ErrConfig, "cli.github-api-url", c.APIURL)
		}
		client.BaseURL = u
	}
	server := strings.TrimSuffix(c.ServerURL, "/")
	if server == "" {
		server = "https://github.com"
	}
	return &Repo{Owner: owner, Name: name, Client: client, server: server}, nil
}

// IssueURL returns the web address of issue n.
func (r *Repo) IssueURL(n int) string {
	return fmt.Sprintf("%s/%s/%s/issues/%d", r.server, r.Owner, r.Name, n)
}

// SettingsURL returns the web address of the repository's settings for
// Actions, where an administrator lets workflows open pull requests.
func (r *Repo) SettingsURL() string {
	return fmt.Sprintf("%s/%s/%s/settings/actions", r.server, r.Owner, r.Name)
}

var issuePath = regexp.MustCompile(`^/([^/]+)/([^/]+)/issues/([0-9]+)/?$`)

// IssueNumber returns the number of the issue at address u, if it is an
// issue of this repository.
func (r *Repo) IssueNumber(u string) (int, bool) {
	parsed, err := url.Parse(u)
	if err != nil || !strings.EqualFold(parsed.Scheme+"://"+parsed.Host, r.server) {
		return 0, false
	}
	m := issuePath.FindStringSubmatch(parsed.Path)
	if m == nil || !strings.EqualFold(m[1], r.Owner) || !strings.EqualFold(m[2], r.Name) {
		return 0, false
	}
	n, err := strconv.Atoi(m[3])
	return n, err == nil
}

// Event is what Idébanken reads of the event that started a workflow.
type Event struct {
	Issue *struct {
		Number int `json:"number"`
	} `json:"issue"`
	PullRequest *struct {
		Number int `json:"number"`
	} `json:"pull_request"`
	Before string `json:"before"` // a push: the commit before
	After  string `json:"after"`  // and after
}

// ReadEvent reads the event payload at path.
func ReadEvent(path string) (*Event, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var e Event
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, i18n.Errorf(err, "cli.github-event", path)
	}
	return &e, nil
}

// Explain says what an error from GitHub's API means for the user, and
// what to do: the token, its permissions, the network. It returns false
// for an error that is not GitHub's.
func Explain(err error) (i18n.Message, bool) {
	var resp *github.ErrorResponse
	var limit *github.RateLimitError
	var abuse *github.AbuseRateLimitError
	var urlErr *url.Error
	switch {
	case errors.As(err, &limit), errors.As(err, &abuse):
		return i18n.M("cli.github-rate-limit"), true
	case errors.As(err, &resp) && resp.Response != nil:
		where := resp.Response.Request.Method + " " + resp.Response.Request.URL.Path
		switch code := resp.Response.StatusCode; {
		case code == http.StatusUnauthorized:
			return i18n.M("cli.github-401", where), true
		case code == http.StatusForbidden:
			return i18n.M("cli.github-403", where), true
		case code == http.StatusNotFound, code == http.StatusGone:
			return i18n.M("cli.github-404", where), true
		case code == http.StatusTooManyRequests:
			return i18n.M("cli.github-rate-limit"), true
		case code == http.StatusUnprocessableEntity, code == http.StatusConflict:
			return i18n.M("cli.github-refused", where, code, githubSays(resp)), true
		}
		return i18n.M("cli.github-status", resp.Response.StatusCode, where), true
	case errors.As(err, &urlErr):
		return i18n.M("cli.github-unreachable", urlErr.URL), true
	}
	return i18n.Message{}, false
}

// githubSays is GitHub's own words about a request it refused, its
// message and each field's error, as a quoted detail: they are GitHub's,
// in English, for whoever looks into the workflow.
func githubSays(resp *github.ErrorResponse) string {
	parts := []string{resp.Message}
	for _, e := range resp.Errors {
		switch {
		case e.Message != "":
			parts = append(parts, e.Message)
		case e.Field != "":
			parts = append(parts, e.Resource+"."+e.Field+": "+e.Code)
		}
	}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "; ")
}

// Marker returns the hidden line that marks a comment as Idébanken's, of a
// kind and about a subject, so that it can be found again.
func Marker(kind, subject string) string {
	return fmt.Sprintf("<!-- idebank:%s %s -->", kind, subject)
}

// FindComment returns the first comment on issue n that holds marker.
func (r *Repo) FindComment(ctx context.Context, n int, marker string) (*github.IssueComment, error) {
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		comments, resp, err := r.Client.Issues.ListComments(ctx, r.Owner, r.Name, n, opts)
		if err != nil {
			return nil, err
		}
		for _, c := range comments {
			if strings.Contains(c.GetBody(), marker) {
				return c, nil
			}
		}
		if resp.NextPage == 0 {
			return nil, nil
		}
		opts.Page = resp.NextPage
	}
}

// CommentBodies returns the text of every comment on issue n, oldest
// first.
func (r *Repo) CommentBodies(ctx context.Context, n int) ([]string, error) {
	var out []string
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		comments, resp, err := r.Client.Issues.ListComments(ctx, r.Owner, r.Name, n, opts)
		if err != nil {
			return nil, err
		}
		for _, c := range comments {
			out = append(out, c.GetBody())
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}

// UpsertComment keeps one comment marked with marker on issue or pull
// request n: it edits the one there, or posts it. It reports whether it
// posted a new one.
func (r *Repo) UpsertComment(ctx context.Context, n int, marker, body string) (bool, error) {
	body = marker + "\n" + body
	old, err := r.FindComment(ctx, n, marker)
	if err != nil {
		return false, err
	}
	if old != nil {
		if old.GetBody() == body {
			return false, nil
		}
		_, _, err = r.Client.Issues.EditComment(ctx, r.Owner, r.Name, old.GetID(), &github.IssueComment{Body: &body})
		return false, err
	}
	_, _, err = r.Client.Issues.CreateComment(ctx, r.Owner, r.Name, n, &github.IssueComment{Body: &body})
	return err == nil, err
}

// NotFound reports whether err is the API's 404.
func NotFound(err error) bool {
	var e *github.ErrorResponse
	return errors.As(err, &e) && e.Response != nil && e.Response.StatusCode == http.StatusNotFound
}
