package browser

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/sitegen"
	"github.com/idebanken/idebanken/internal/snapshot"
	theme "github.com/idebanken/idebanken/site"
)

// TestLongListFilter: on a list of many pages the filter and the sort work
// over the whole list, from lists.json, in place of the page's rows and
// with the page links hidden; cleared, the page is as it was. The page
// passes axe-core with its page links.
func TestLongListFilter(t *testing.T) {
	ctx := newTab(t)
	const n = 3*sitegen.ListPageSize + 10
	s := &snapshot.Snapshot{Config: &snapshot.File{Path: snapshot.ConfigFile, Data: []byte(corpus.Config), Size: int64(len(corpus.Config))}}
	for _, f := range corpus.Generate(n, 1) {
		s.Ideas = append(s.Ideas, snapshot.File{Path: f.Path, Data: f.Data, Size: int64(len(f.Data))})
	}
	s.Sort()
	res := check.Lint(s, today)
	mem := sitegen.NewMemory()
	if err := sitegen.Build(sitegen.Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: mem}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range mem.Names() {
		data, _ := mem.File(name)
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(siteHandler(dir))
	defer srv.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+subPath+"idea/")); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "document.querySelector('.table-tools') && !document.querySelector('.table-tools').hidden")
	if v := runAxe(ctx, t).Violations; len(v) > 0 {
		t.Errorf("axe-core on a page of a long list: %v", v)
	}
	rows := `Array.prototype.map.call(document.querySelectorAll('#ideas-table tbody tr'), function (r) { return r.cells[0].textContent; })`
	first := eval[[]string](ctx, t, rows)
	if len(first) != sitegen.ListPageSize {
		t.Fatalf("the first page has %d rows", len(first))
	}
	// The oldest idea of all is on the last page; the filter finds it.
	oldest := res.Ideas[0].ID
	for _, idea := range res.Ideas {
		if idea.Submitted.Compare(res.Ideas[0].Submitted) < 0 || (idea.Submitted == res.Ideas[0].Submitted && idea.ID < oldest) {
			oldest = idea.ID
		}
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("filter-ideas-table"), string(oldest))); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "document.querySelector('.filter-status').textContent !== ''")
	if got := eval[[]string](ctx, t, rows); len(got) != 1 || got[0] != string(oldest) {
		t.Errorf("filtering on %s shows %v", oldest, got)
	}
	if !eval[bool](ctx, t, "document.querySelector('.pager').hidden") {
		t.Error("the page links are shown while the filter is on")
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(function () { var i = document.getElementById('filter-ideas-table'); i.value = ''; i.dispatchEvent(new Event('input')); })()`)); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "document.querySelector('.filter-status').textContent === ''")
	if got := eval[[]string](ctx, t, rows); len(got) != len(first) || got[0] != first[0] {
		t.Errorf("cleared, the page shows %d rows from %v, want its own", len(got), got[:min(1, len(got))])
	}
	// Sorted by id, ascending: the smallest id of the whole list first.
	if err := chromedp.Do(ctx, chromedp.Click("#ideas-table thead th:first-child button")); err != nil {
		t.Fatal(err)
	}
	smallest := res.Ideas[0].ID
	for _, idea := range res.Ideas {
		smallest = min(smallest, idea.ID)
	}
	waitFor(ctx, t, "document.querySelector('#ideas-table tbody tr').cells[0].textContent === '"+string(smallest)+"'")
	if got := eval[[]string](ctx, t, rows); len(got) != sitegen.ListPageSize {
		t.Errorf("sorted, the list shows %d rows, want %d", len(got), sitegen.ListPageSize)
	}

	// A tag's list has fewer columns: what the filter finds over the whole
	// list is drawn with the table's columns, as the page's own rows are.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+subPath+"tags/ide/")); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "document.querySelector('.table-tools') && !document.querySelector('.table-tools').hidden")
	cells := `Array.prototype.map.call(document.querySelectorAll('#ideas-table tbody tr'), function (r) {
	  return Array.prototype.map.call(r.cells, function (c) { return c.innerHTML; }).join("|"); })`
	heads := eval[int](ctx, t, "document.querySelectorAll('#ideas-table thead th').length")
	own := eval[[]string](ctx, t, cells)
	if heads != 4 || len(own) != sitegen.ListPageSize {
		t.Fatalf("the list of a tag has %d columns and %d rows", heads, len(own))
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("filter-ideas-table"), string(oldest))); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "document.querySelector('.filter-status').textContent !== ''")
	found := eval[[]string](ctx, t, cells)
	if len(found) != 1 || strings.Count(found[0], "|") != heads-1 || !strings.HasPrefix(found[0], string(oldest)+"|<a href=") || !strings.Contains(found[0], `<span class="stage stage-`) {
		t.Errorf("filtering the tag's list on %s shows %q", oldest, found)
	}

	// The reports of so many ideas leave their long lists to pages of
	// their own (sitegen.ReportListMax): those pass axe-core and the Nu
	// Html Checker too.
	reports := []string{"reports/2025/"}
	lists, _ := filepath.Glob(filepath.Join(dir, "reports", "2025", "*", "index.html"))
	for _, l := range lists {
		if name := filepath.Base(filepath.Dir(l)); strings.HasPrefix(name, "funnel-") || strings.HasPrefix(name, "waiting-") {
			reports = append(reports, "reports/2025/"+name+"/")
		}
	}
	if len(reports) < 3 {
		t.Fatalf("the report of 2025 has lists of its own only at %v", reports)
	}
	for _, p := range reports[:min(len(reports), 5)] {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+subPath+p)); err != nil {
			t.Fatal(err)
		}
		waitFor(ctx, t, "document.readyState === 'complete' && document.querySelector('h1') !== null")
		if v := runAxe(ctx, t).Violations; len(v) > 0 {
			t.Errorf("axe-core on %s: %v", p, v)
		}
	}
	pages, errs := checkHTML(t, filepath.Join(dir, "reports"))
	if pages < 30 || len(errs) > 0 {
		t.Errorf("the Nu Html Checker found %d errors in %d pages of reports:\n%s", len(errs), pages, strings.Join(errs[:min(len(errs), 40)], "\n"))
	}
}
