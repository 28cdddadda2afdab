package notice

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
)

const (
	hostileName  = "ideas/2026/2026-001-`@mallory` <b>x</b> www.evil.example #1.md"
	hostileTitle = "Se @mallory, #12, GH-3 och www.evil.example ` <img src=x> [a](https://evil.example) **fet**"
)

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// live lists what GitHub would make of a comment: the HTML elements
// cmark-gfm writes, and in the text outside code the mentions and
// references GitHub's filters link.
func live(t *testing.T, md string) (elements []string, refs []string) {
	t.Helper()
	var out bytes.Buffer
	if err := gfm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	pattern := regexp.MustCompile(`(?i)@[a-z0-9]+|#[0-9]+|\bgh-[0-9]+|\bwww\.[a-z.]+`)
	var walk func(n *html.Node, inCode bool)
	walk = func(n *html.Node, inCode bool) {
		switch n.Type {
		case html.ElementNode:
			elements = append(elements, n.Data)
			inCode = inCode || n.Data == "code"
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" {
					elements = append(elements, n.Data+" "+a.Key+"="+a.Val)
				}
			}
		case html.TextNode:
			if !inCode {
				refs = append(refs, pattern.FindAllString(n.Data, -1)...)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inCode)
		}
	}
	walk(doc, false)
	return elements, refs
}

func testWriter() Writer {
	return Writer{Lang: model.Swedish, Cfg: &model.Config{FeedbackDays: 30, Units: []model.Unit{{ID: "skola", Name: "Skola @team <i>"}}}}
}

func hostileIdea() *model.Idea {
	return &model.Idea{ID: "2026-001", Title: hostileTitle, Path: hostileName, Unit: "skola", Stage: model.StageDeveloping,
		Submitter: model.Submitter{Name: "Eva", GitHub: "eva"},
		Screening: &model.Screening{Outcome: model.ScreenDevelop, Feedback: "Tala med @boss om GH-9 på www.intra.example"}}
}

func TestPullRequestEscapesFileNamesAndTitles(t *testing.T) {
	idea := hostileIdea()
	body := testWriter().PullRequest([]check.Summary{{Path: hostileName, Head: idea, ID: idea.ID, From: model.StageDeveloping, To: model.StageDeveloping},
		{Path: "ideas/2026/`x`@y.md", ID: "2026-002"}},
		[]diag.Diagnostic{{Path: hostileName, Pos: model.Pos{Line: 3}, Severity: diag.Error, Msg: i18n.M("lint.pnr", "title")},
			{Path: hostileName, Severity: diag.Warning, Msg: i18n.M("lint.email", "title")}})
	elements, refs := live(t, body)
	if len(refs) > 0 {
		t.Errorf("live mentions or references %q in\n%s", refs, body)
	}
	for _, e := range elements {
		if strings.Contains(e, "=") || e == "img" || e == "b" || e == "a" || e == "i" {
			t.Errorf("the comment makes an element %q:\n%s", e, body)
		}
	}
	if !strings.Contains(body, "``ideas/2026/2026-001-`@mallory` <b>x</b> www.evil.example #1.md:3``") {
		t.Errorf("the file name is not one code span:\n%s", body)
	}
}

func TestStepMentionsOnlyTheSubmitter(t *testing.T) {
	body := testWriter().Step(hostileIdea(), model.StageSubmitted, "https://example.org/idea/2026-001/")
	elements, refs := live(t, body)
	if len(refs) != 1 || refs[0] != "@eva" {
		t.Errorf("live mentions or references %q, want only @eva, in\n%s", refs, body)
	}
	var links []string
	for _, e := range elements {
		if strings.Contains(e, "=") {
			links = append(links, e)
		}
	}
	if len(links) != 1 || links[0] != "a href=https://example.org/idea/2026-001/" {
		t.Errorf("links %q, want only the idea's page, in\n%s", links, body)
	}
}

func TestReminderEscapes(t *testing.T) {
	w := testWriter()
	body := w.Reminder([]Waiting{{Idea: hostileIdea(), Since: model.Date{Year: 2026, Month: 1, Day: 2}, Days: 77}}, nil,
		model.Date{Year: 2026, Month: 3, Day: 20}, func(model.ID) string { return "https://example.org/a b)" })
	elements, refs := live(t, body)
	if len(refs) > 0 {
		t.Errorf("live mentions or references %q in\n%s", refs, body)
	}
	var links []string
	for _, e := range elements {
		if strings.Contains(e, "=") {
			links = append(links, e)
		}
	}
	if len(links) != 1 || links[0] != "a href=https://example.org/a%20b%29" {
		t.Errorf("links %q in\n%s", links, body)
	}
}
