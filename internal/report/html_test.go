package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
	"github.com/idebanken/idebanken/internal/render"
)

// viaMarkdown is what PageHTML writes directly: the report's Markdown
// without its title, rendered in two parts, before and after the second
// section.
func viaMarkdown(t *testing.T, r *Report, info Info) (head, body string) {
	t.Helper()
	var md bytes.Buffer
	if err := WriteMarkdown(&md, r, info); err != nil {
		t.Fatal(err)
	}
	_, text, _ := strings.Cut(md.String(), "\n")
	first := strings.Index(text, "\n## ")
	second := strings.Index(text[first+1:], "\n## ")
	head, rest := text[:first+1+second], text[first+1+second:]
	doc := render.NewDocument()
	h, err := doc.HTML(head)
	if err != nil {
		t.Fatal(err)
	}
	b, err := doc.HTML(rest)
	if err != nil {
		t.Fatal(err)
	}
	// The page marks number columns with a class, as HTML has no align.
	num := strings.NewReplacer(`<th align="right">`, `<th class="num">`, `<td align="right">`, `<td class="num">`)
	return num.Replace(h), num.Replace(b)
}

// TestPageHTMLIsTheMarkdownRendered checks that PageHTML says what the
// report's Markdown says, in the same HTML, for ideas whose text has no
// markup: every period, unit and language of a generated bank.
func TestPageHTMLIsTheMarkdownRendered(t *testing.T) {
	ideas := parseCorpus(t, corpus.Generate(400, 7))
	units := &model.Config{Title: "Idébanken", Organisation: "Benchkommunen", FeedbackDays: 30}
	for _, id := range []string{"kultur-och-utbildning", "vard-och-omsorg", "samhallsbyggnad"} {
		units.Units = append(units.Units, model.Unit{ID: id, Name: id})
	}
	names := map[string]string{"vard-och-omsorg": "Vård & omsorg | Syd", "samhallsbyggnad": "Samhällsbyggnad"}
	for _, c := range []*model.Config{units, {Title: "Tom", FeedbackDays: 10}} {
		for _, name := range []string{"2024", "2025", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-02", "2019", "2025-03-03..2025-03-03"} {
			for _, unit := range []string{"", "vard-och-omsorg"} {
				if unit != "" && len(c.Units) == 0 {
					continue
				}
				for _, lang := range []model.Lang{model.Swedish, model.English} {
					r := Make(c, ideas, Options{Period: period(t, name), Unit: unit, OmitFacts: true})
					info := Info{Title: c.Title, Organisation: c.Organisation, Units: names, Lang: lang}
					wantHead, wantBody := viaMarkdown(t, r, info)
					head, body, _ := PageHTML(r, info)
					if got, want := textOf(t, head), textOf(t, wantHead); got != want {
						t.Errorf("%s %s %s %q: head says\n%s\nwant\n%s", c.Title, name, lang, unit, got, want)
					}
					if got, want := textOf(t, body), textOf(t, wantBody); got != want {
						t.Errorf("%s %s %s %q: body says otherwise\n%s", c.Title, name, lang, unit, firstDiff(got, want))
					}
				}
			}
		}
	}
}

// textOf returns the text of an HTML fragment, its white space made single
// spaces: what a reader reads, whatever the markup around it.
func textOf(t *testing.T, s string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, n := range nodes {
		walk(n, func(n *html.Node) {
			if n.Type == html.TextNode {
				b.WriteString(n.Data)
			}
		})
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	return "got  …" + got[from:min(len(got), i+200)] + "\nwant …" + want[from:min(len(want), i+200)]
}

// TestCatalogueMarkup checks that inline renders the catalogue's report
// texts as Markdown would, and that the texts that take user text have no
// markup, which PageHTML writes as they are.
func TestCatalogueMarkup(t *testing.T) {
	doc := render.NewDocument()
	for _, key := range i18n.Keys() {
		if !strings.HasPrefix(key, "report.") && !strings.HasPrefix(key, "kind.") && !strings.HasPrefix(key, "stage.") {
			continue
		}
		text, _ := i18n.Lookup(key)
		for _, s := range []string{text.SV, text.EN} {
			want, err := doc.HTML(s)
			if err != nil {
				t.Fatal(err)
			}
			want = strings.TrimSuffix(strings.TrimPrefix(want, "<p>"), "</p>\n")
			if got := inline(s); got != want {
				t.Errorf("%s: inline gives %q, Markdown %q", key, got, want)
			}
		}
	}
	for _, key := range []string{"report.org", "report.unit", "report.implemented-on", "report.evaluated-on", "report.reported"} {
		text, _ := i18n.Lookup(key)
		for _, s := range []string{text.SV, text.EN} {
			if strings.ContainsAny(s, "*_`[]<>&\"\\!#|~") {
				t.Errorf("%s: %q has markup, which tu would not render", key, s)
			}
		}
	}
}

// TestPageHTMLEscapes puts script-injection vectors and e-mail addresses
// in every text of a report that comes from the ideas or the
// configuration: none is markup in the page, and each shows as written.
func TestPageHTMLEscapes(t *testing.T) {
	vectors := []string{
		`<script>alert(1)</script>`,
		`"><img src=x onerror=alert(2)>`,
		`<svg onload=alert(3)>`,
		`*fet* [länk](javascript:alert(4)) <https://evil.example>`,
		"`kod` &amp; &lt;b&gt; \\| | a",
		`</td></tr></table><iframe src=//evil.example>`,
		`<!-- --><style>body{}</style>`,
		`Mejla eva.exempel@kommun.se`,
	}
	c := &model.Config{Title: "T", Organisation: vectors[0], FeedbackDays: 30}
	names := map[string]string{}
	var ideas []*model.Idea
	for i, v := range vectors {
		unit := "u" + string(rune('a'+i))
		c.Units = append(c.Units, model.Unit{ID: unit, Name: v})
		names[unit] = v
		idea := idea(string(model.MakeID(2026, i+1)), unit, "2026-01-10", "2026-01-20", "2026-02-01", "2026-03-01")
		idea.Title = v
		idea.Outcome = &model.Outcome{Date: date("2026-03-20"), Effects: v, Lessons: v, ReportedTo: &model.Report{Body: v, Date: date("2026-03-25")}}
		ideas = append(ideas, idea)
		open := idea2(string(model.MakeID(2026, 100+i)), unit, v)
		ideas = append(ideas, open)
	}
	quick := idea2("2026-200", "ua", vectors[1])
	quick.Screening = &model.Screening{Date: date("2026-02-01"), Outcome: model.ScreenQuickWin}
	ideas = append(ideas, quick)
	r := Make(c, ideas, Options{Period: period(t, "2026-Q1"), OmitFacts: true})
	if len(r.Implemented) == 0 || len(r.Evaluated) == 0 || len(r.Backlog.Items) == 0 || r.QuickWins.Count == 0 {
		t.Fatalf("the fixture misses a section: %+v", r)
	}
	for _, lang := range []model.Lang{model.Swedish, model.English} {
		head, body, _ := PageHTML(r, Info{Title: c.Title, Organisation: c.Organisation, Units: names, Lang: lang, IdeaURL: "../../idea/"})
		for part, s := range map[string]string{"head": head, "body": body} {
			nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			for _, n := range nodes {
				walk(n, func(n *html.Node) {
					switch n.Type {
					case html.ElementNode:
						switch n.Data {
						case "p", "br", "h2", "h3", "h4", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "strong", "code", "span", "a":
						default:
							t.Errorf("%s %s: <%s> from the text", lang, part, n.Data)
						}
						for _, a := range n.Attr {
							switch {
							case a.Key == "class" && (a.Val == "num" || a.Val == "stack" || a.Val == "date" || a.Val == "as-of"),
								a.Key == "scope" && (a.Val == "col" || a.Val == "row"),
								a.Key == "data-label", a.Key == "title", a.Key == "href" && strings.HasPrefix(a.Val, "../../idea/"):
								continue
							}
							{
								t.Errorf("%s %s: <%s %s=%q>", lang, part, n.Data, a.Key, a.Val)
							}
						}
					case html.CommentNode:
						t.Errorf("%s %s: a comment from the text", lang, part)
					case html.TextNode:
						text.WriteString(n.Data)
					}
				})
			}
			if part == "head" && !strings.Contains(text.String(), vectors[0]) {
				t.Errorf("%s head: the organisation is not shown as written", lang)
			}
			if part == "body" {
				for _, v := range vectors[1:] {
					v = personal.MaskEmails(v)
					if n := strings.Count(text.String(), v); n < 6 {
						t.Errorf("%s body: %q shown as written %d times, want at least 6", lang, v, n)
					}
				}
			}
			if strings.Contains(s, "@kommun.se") {
				t.Errorf("%s %s: an e-mail address", lang, part)
			}
		}
	}
}

// idea2 is an idea submitted at the start of 2026 and not yet screened.
func idea2(id, unit, title string) *model.Idea {
	i := idea(id, unit, "2026-01-05", "", "", "")
	i.Title = title
	return i
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// TestOneLine checks the quick way of oneLine against the sure one.
func TestOneLine(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "Förbättrad rutin, färre fel.",
		"a\u00a0b", "a\u0085b", "a\u2003b", "a\u3000b", "a\u202fb", "a\u1680b", "a\u205fb", "a\u2028b", "é ä ö å ü ß €", "\xff \xfe",
		"Kortare handläggningstid.", "a \u00a0", "\u00a0"} {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTuEscapesNamedStrings: user text in a named string type is escaped
// as a plain string is.
func TestTuEscapesNamedStrings(t *testing.T) {
	for _, arg := range []any{"<b>x</b>", model.ID("<b>x</b>"), model.Stage("<b>x</b>")} {
		w := &htmlWriter{info: Info{Lang: model.English}, b: new(bytes.Buffer)}
		w.tu("report.unit", arg)
		if got := w.b.String(); strings.Contains(got, "<b>") || !strings.Contains(got, "&lt;b&gt;x") {
			t.Errorf("%T: %q", arg, got)
		}
	}
}
