package sitegen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/idebanken/idebanken/internal/model"
	theme "github.com/idebanken/idebanken/site"
)

// TestXSSCorpus puts each of a corpus of known script-injection vectors in
// every place an idea's or the configuration's text reaches a page: the
// title, the body, tags, the unit's name, people's names, the feedback, a
// link. No vector survives as markup in any page, and the data files stay
// well-formed, with nothing in them that could close a script element.
func TestXSSCorpus(t *testing.T) {
	f, err := os.Open("testdata/xss-vectors.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var vectors []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v := strings.TrimSpace(sc.Text()); v != "" {
			vectors = append(vectors, v)
		}
	}
	if len(vectors) < 50 {
		t.Fatalf("only %d vectors", len(vectors))
	}
	cfg := &model.Config{Title: vectors[0], Organisation: vectors[1], Language: model.Swedish, FeedbackDays: 30,
		BaseURL: "https://example.org/ide/"}
	var ideas []*model.Idea
	for i, v := range vectors {
		unit := fmt.Sprintf("u%d", i)
		cfg.Units = append(cfg.Units, model.Unit{ID: unit, Name: v})
		login := fmt.Sprintf("p%d", i)
		cfg.People = append(cfg.People, model.Person{Login: login, Name: v, Roles: []model.Role{model.RoleAmbassador}})
		ideas = append(ideas, &model.Idea{
			ID: model.MakeID(2026, i+1), Path: fmt.Sprintf("ideas/2026/%s-x.md", model.MakeID(2026, i+1)),
			Title: v, Kind: model.KindIncident, Stage: model.StageDeveloping, Unit: unit, Tags: []string{v},
			Submitted: model.Date{Year: 2026, Month: 3, Day: 1}, Submitter: model.Submitter{Name: v}, Discussion: v,
			Body: "## " + v + "\n\n" + v + "\n\n" + v + " [länk](" + v + ")\n\n| " + v + " |\n|---|\n| " + v + " |\n",
			Screening: &model.Screening{Date: model.Date{Year: 2026, Month: 3, Day: 2}, By: login, Outcome: model.ScreenDevelop, Feedback: v,
				Criteria: model.Criteria{"mission": {Met: true, Note: v}, "reach": {Met: true}, "benefit": {Met: true}}},
		})
	}
	m := NewMemory()
	if err := Build(Options{Config: cfg, Ideas: ideas, Theme: theme.FS, Out: m}); err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, name := range m.Names() {
		data, _ := m.File(name)
		switch {
		case strings.HasSuffix(name, ".html"):
			pages++
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			walk(doc, func(n *html.Node) { safeNode(t, name, n) })
		case strings.HasSuffix(name, ".json"):
			if !json.Valid(data) {
				t.Errorf("%s is not valid JSON", name)
			}
			if bytes.Contains(data, []byte("<")) || bytes.Contains(data, []byte(">")) {
				t.Errorf("%s holds < or >, which could close a script element it were put in", name)
			}
		case strings.HasSuffix(name, ".xml"):
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err != nil {
					if err.Error() != "EOF" {
						t.Errorf("%s is not well-formed: %v", name, err)
					}
					break
				}
			}
		}
	}
	if pages < len(vectors) {
		t.Errorf("only %d pages were checked", pages)
	}
}

// safeNode fails t if n could run script or load from elsewhere.
func safeNode(t *testing.T, page string, n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	switch n.Data {
	case "script":
		if !strings.HasSuffix(attr(n, "src"), "assets/app.js") {
			t.Errorf("%s: a script that is not the site's", page)
		}
	case "svg":
		if attr(n, "class") != "chart" {
			t.Errorf("%s: an <svg> that is not a chart", page)
		}
	case "iframe", "object", "embed", "img", "style", "base", "video", "audio", "source", "math", "details", "marquee", "textarea", "body":
		if n.Data != "body" || n.Parent == nil || n.Parent.Data != "html" {
			t.Errorf("%s: <%s> from the text", page, n.Data)
		}
	case "meta":
		if attr(n, "http-equiv") != "" && attr(n, "http-equiv") != "Content-Security-Policy" {
			t.Errorf("%s: <meta http-equiv=%q>", page, attr(n, "http-equiv"))
		}
	case "link":
		if rel := attr(n, "rel"); rel == "stylesheet" && !strings.HasSuffix(attr(n, "href"), "assets/style.css") {
			t.Errorf("%s: a style sheet that is not the site's: %s", page, attr(n, "href"))
		}
	case "form", "input":
		if n.Data == "form" && attr(n, "class") != "search" {
			t.Errorf("%s: a form from the text", page)
		}
	}
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" || k == "formaction" {
			t.Errorf("%s: <%s %s=%q>", page, n.Data, a.Key, a.Val)
		}
		if k == "href" || k == "src" || k == "action" || k == "data" {
			v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			for _, bad := range []string{"javascript:", "vbscript:", "data:"} {
				if strings.HasPrefix(v, bad) {
					t.Errorf("%s: <%s %s=%q>", page, n.Data, a.Key, a.Val)
				}
			}
		}
	}
}
