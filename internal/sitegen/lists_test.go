package sitegen

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// rowIDs returns the ids of the rows of the idea table of a page.
func rowIDs(page []byte) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`<tr><td>([^<]+)<td>`).FindAllSubmatch(page, -1) {
		ids = append(ids, string(m[1]))
	}
	return ids
}

// TestLongLists: a list of more ideas than ListPageSize is split into
// pages that, followed by their links alone (no script), hold every idea
// once, in the order of the list; lists.json holds every idea with what
// the filter needs; the waiting page shows WaitPreview of a stage and
// links pages of all of them; the open data is also there by year.
func TestLongLists(t *testing.T) {
	const n = 4*ListPageSize + 100 // five pages, and more than WaitPreview waiting somewhere
	res := corpusResult(t, n)
	m := buildMemory(t, res)

	var ix listIndex
	data, _ := m.File("lists.json")
	if err := json.Unmarshal(data, &ix); err != nil {
		t.Fatal(err)
	}
	if len(ix.Ideas) != n {
		t.Fatalf("lists.json has %d ideas, want %d", len(ix.Ideas), n)
	}
	var all []string
	for _, r := range ix.Ideas {
		if len(r) != 8 || ix.Kinds[r[2].(string)] == "" || ix.Units[r[3].(string)] == "" || ix.Stages[r[4].(string)] == "" {
			t.Fatalf("a record without its labels: %v", r)
		}
		all = append(all, r[0].(string))
	}

	// follow walks a list by its "next page" links from its first page.
	follow := func(first string) (ids []string, pages int) {
		for name := first; name != ""; {
			pages++
			page, ok := m.File(name)
			if !ok {
				t.Fatalf("no page %s", name)
			}
			if len(page) > 1<<20 {
				t.Errorf("%s is %d bytes", name, len(page))
			}
			rows := rowIDs(page)
			if len(rows) > ListPageSize {
				t.Errorf("%s has %d rows", name, len(rows))
			}
			ids = append(ids, rows...)
			next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindSubmatch(page)
			if next == nil {
				break
			}
			name = path.Join(path.Dir(name), string(next[1]), "index.html")
		}
		return ids, pages
	}
	ids, pages := follow("idea/index.html")
	if !slices.Equal(ids, all) || pages != 5 {
		t.Errorf("the pages of all ideas hold %d ideas on %d pages, want the %d of lists.json in its order on 5", len(ids), pages, n)
	}
	last, _ := m.File("idea/page/5/index.html")
	for _, want := range []string{`<a href="../../">1</a>`, `href="../../page/4/" rel="prev"`, `aria-current="page">5<`, `data-pages="5"`} {
		if !bytes.Contains(last, []byte(want)) {
			t.Errorf("the last page has no %s", want)
		}
	}
	if _, ok := m.File("idea/page/6/index.html"); ok {
		t.Error("a page past the last")
	}
	// Each stage's list, whole, is the ideas of lists.json at that stage.
	for st := range ix.Stages {
		ids, _ := follow("stages/" + st + "/index.html")
		var want []string
		for _, r := range ix.Ideas {
			if r[4] == st {
				want = append(want, r[0].(string))
			}
		}
		if !slices.Equal(ids, want) {
			t.Errorf("the list of %s holds %d ideas, want %d", st, len(ids), len(want))
		}
	}

	waiting, _ := m.File("waiting/index.html")
	more := regexp.MustCompile(`<a href="([a-z-]+)/">`).FindAllSubmatch(waiting, -1)
	if len(more) == 0 {
		t.Fatal("the waiting page links no stage's own pages")
	}
	for _, l := range more {
		st := string(l[1])
		var items int
		for name := "waiting/" + st + "/index.html"; name != ""; {
			page, ok := m.File(name)
			if !ok {
				t.Fatalf("no page %s", name)
			}
			items += len(regexp.MustCompile(`<tr><td><a href="`).FindAll(page, -1))
			next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindSubmatch(page)
			name = ""
			if next != nil {
				name = path.Join("waiting", st, string(next[1]), "index.html")
			}
		}
		want := 0
		for _, r := range ix.Ideas {
			if r[4] == st {
				want++
			}
		}
		if items != want || want <= WaitPreview {
			t.Errorf("the pages of what waits at %s show %d ideas, want %d (more than %d)", st, items, want, WaitPreview)
		}
	}

	var whole []json.RawMessage
	data, _ = m.File("ideas.json")
	if err := json.Unmarshal(data, &whole); err != nil {
		t.Fatal(err)
	}
	var byYear []json.RawMessage
	for _, name := range m.Names() {
		if !strings.HasPrefix(name, "data/ideas-") {
			continue
		}
		var year []json.RawMessage
		packed, _ := m.File(name)
		zr, err := gzip.NewReader(bytes.NewReader(packed))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := json.Unmarshal(data, &year); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range year {
			if !bytes.Contains(r, []byte(`"submitted":"`+strings.TrimSuffix(strings.TrimPrefix(name, "data/ideas-"), ".json.gz"))) {
				t.Errorf("%s holds an idea of another year", name)
			}
		}
		byYear = append(byYear, year...)
	}
	slices.SortFunc(byYear, func(a, b json.RawMessage) int { return bytes.Compare(a, b) })
	slices.SortFunc(whole, func(a, b json.RawMessage) int { return bytes.Compare(a, b) })
	if len(byYear) != len(whole) || !slices.EqualFunc(byYear, whole, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
		t.Errorf("the years hold %d records, ideas.json %d, or not the same", len(byYear), len(whole))
	}
}

// TestListColumns: a list leaves out the column that is the same on all
// its rows, a tag's list shows tagColumns; every row has a cell for each
// column of the table's head, in its order, and the idea's values in them.
func TestListColumns(t *testing.T) {
	res := corpusResult(t, 300)
	m := buildMemory(t, res)
	var ix listIndex
	data, _ := m.File("lists.json")
	if err := json.Unmarshal(data, &ix); err != nil {
		t.Fatal(err)
	}
	records := map[string][]any{}
	for _, r := range ix.Ideas {
		records[r[0].(string)] = r
	}
	r := ix.Ideas[0]
	tag := r[7].([]any)[0].(string)
	head := regexp.MustCompile(`<th data-col="([a-z]+)"`)
	row := regexp.MustCompile(`(?m)^<tr><td>.*$`)
	cell := regexp.MustCompile(`<td[^>]*>((?:<a [^>]*>|<span [^>]*>)?[^<]*)`)
	for _, c := range []struct {
		list string
		want string
	}{
		{"idea/index.html", "id title kind unit stage submitted changed"},
		{"stages/" + r[4].(string) + "/index.html", "id title kind unit submitted changed"},
		{"units/" + r[3].(string) + "/index.html", "id title kind stage submitted changed"},
		{"kinds/" + r[2].(string) + "/index.html", "id title unit stage submitted changed"},
		{"tags/" + tagSlug(t, m, tag) + "/index.html", "id title stage submitted"},
	} {
		page, ok := m.File(c.list)
		if !ok {
			t.Fatalf("no page %s", c.list)
		}
		var cols []string
		for _, h := range head.FindAllSubmatch(page, -1) {
			cols = append(cols, string(h[1]))
		}
		if got := strings.Join(cols, " "); got != c.want {
			t.Errorf("%s has the columns %q, want %q", c.list, got, c.want)
		}
		rows := row.FindAll(page, -1)
		if len(rows) == 0 {
			t.Fatalf("%s has no rows", c.list)
		}
		for _, line := range rows {
			cells := cell.FindAllSubmatch(line, -1)
			if len(cells) != len(cols) {
				t.Fatalf("%s: a row of %d cells under %d columns: %s", c.list, len(cells), len(cols), line)
			}
			rec := records[string(cells[0][1])]
			for i, col := range cols {
				text := regexp.MustCompile(`^<[^>]*>`).ReplaceAllString(string(cells[i][1]), "")
				want := map[string]string{"id": rec[0].(string), "title": rec[1].(string), "kind": ix.Kinds[rec[2].(string)],
					"unit": ix.Units[rec[3].(string)], "stage": ix.Stages[rec[4].(string)], "submitted": rec[5].(string), "changed": rec[6].(string)}[col]
				if html.UnescapeString(text) != want {
					t.Errorf("%s: the %s of %s is %q, want %q", c.list, col, rec[0], text, want)
				}
			}
		}
	}
}

// tagSlug returns the folder of tag's list, from the browse page's links.
func tagSlug(t *testing.T, m *Memory, tag string) string {
	t.Helper()
	browse, _ := m.File("browse/index.html")
	re := regexp.MustCompile(`href="\.\./tags/([^/"]+)/">` + regexp.QuoteMeta(html.EscapeString(tag)) + ` <`)
	if l := re.FindSubmatch(browse); l != nil {
		return string(l[1])
	}
	t.Fatalf("the browse page links no list of the tag %q", tag)
	return ""
}

func TestPager(t *testing.T) {
	got := func(p *Pager) string {
		var parts []string
		for _, l := range p.Links {
			switch {
			case l.Gap:
				parts = append(parts, "…")
			case l.Current:
				parts = append(parts, fmt.Sprintf("[%d]", l.Number))
			default:
				parts = append(parts, fmt.Sprintf("%d=%s", l.Number, l.Href))
			}
		}
		return p.Prev + " | " + strings.Join(parts, " ") + " | " + p.Next
	}
	for _, c := range []struct {
		n, pages int
		want     string
	}{
		{1, 2, " | [1] 2=page/2/ | page/2/"},
		{2, 2, "../../ | 1=../../ [2] | "},
		{5, 9, "../../page/4/ | 1=../../ … 3=../../page/3/ 4=../../page/4/ [5] 6=../../page/6/ 7=../../page/7/ … 9=../../page/9/ | ../../page/6/"},
		{1, 9, " | [1] 2=page/2/ 3=page/3/ … 9=page/9/ | page/2/"},
	} {
		if g := got(pager(c.n, c.pages)); g != c.want {
			t.Errorf("pager(%d, %d) = %q, want %q", c.n, c.pages, g, c.want)
		}
	}
}

// TestLongReports: on a bank whose reports count more ideas than a page
// of a report lists (ReportListMax), each report's page links to the
// lists it leaves off, every page of them is there with the report's
// crumbs and page links, and every link of a report's pages resolves.
func TestLongReports(t *testing.T) {
	m := buildMemory(t, corpusResult(t, 3*ListPageSize))
	page, ok := m.File("reports/2025/index.html")
	if !ok {
		t.Fatal("no report of 2025")
	}
	lists := regexp.MustCompile(`<a href="([a-z0-9-]+)/">`).FindAllSubmatch(page, -1)
	if len(lists) < 10 {
		t.Fatalf("the report of 2025 links to %d lists of its own", len(lists))
	}
	pages := 0
	for _, l := range lists {
		dir := "reports/2025/" + string(l[1]) + "/"
		first, ok := m.File(dir + "index.html")
		if !ok {
			t.Errorf("no %sindex.html", dir)
			continue
		}
		pages++
		if !bytes.Contains(first, []byte(`<li><a href="../../../reports/2025/">2025</a></li>`)) {
			t.Errorf("%s does not lead back to its report", dir)
		}
		if n := regexp.MustCompile(`rel="next"`).FindAll(first, -1); len(n) > 0 {
			if _, ok := m.File(dir + "page/2/index.html"); !ok {
				t.Errorf("%s links to a page 2 that is not there", dir)
			}
		}
	}
	// What waits at the end of 2025 is what waits at the end of its last
	// quarter: the year's page links to the quarter's lists of it, which
	// hold the ideas the year's page counts, and has none of its own.
	waiting := regexp.MustCompile(`<a href="\.\./2025-q4/((?:waiting-[a-z-]+|overdue))/">([^<]+)<`).FindAllSubmatch(page, -1)
	if len(waiting) < 3 {
		t.Errorf("the report of 2025 links to %d lists of what waits of 2025-Q4's", len(waiting))
	}
	q4, _ := m.File("reports/2025-q4/index.html")
	for _, l := range waiting {
		if _, ok := m.File("reports/2025-q4/" + string(l[1]) + "/index.html"); !ok {
			t.Errorf("the report of 2025 links to 2025-Q4's %s, which is not there", l[1])
		}
		// The link says how many the list holds: as the quarter's own does.
		if !bytes.Contains(q4, []byte(`<a href="`+string(l[1])+`/">`+string(l[2])+`<`)) {
			t.Errorf("the report of 2025 links to 2025-Q4's %s as %q, which the quarter's page does not", l[1], l[2])
		}
	}
	for _, name := range m.Names() {
		if strings.HasPrefix(name, "reports/2025/waiting-") || strings.HasPrefix(name, "reports/2025/overdue/") {
			t.Errorf("the report of 2025 has %s, as its last quarter has", name)
		}
	}
	for _, name := range m.Names() {
		if data, _ := m.File(name); strings.HasSuffix(name, ".html") && len(data) > 1<<20 {
			t.Errorf("%s is %d bytes", name, len(data))
		}
	}
	if checked := linksResolve(t, m, func(name string) bool { return strings.HasPrefix(name, "reports/") }); checked < 10*pages {
		t.Errorf("checked %d links on the reports' pages", checked)
	}
}
