package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/sitegen"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/internal/workflow"
	theme "github.com/idebanken/idebanken/site"
)

// chromiumPath is Debian's Chromium, as CI installs it.
const chromiumPath = "/usr/bin/chromium"

// subPath is where the site is served, as on GitHub Pages: every link must
// work below it, and nothing may be asked for outside it.
const subPath = "/idebanken/"

var today = model.Date{Year: 2026, Month: 11, Day: 21}

// env is what every test shares: one site, one server, one browser.
var env struct {
	root    string // the site's address: http://127.0.0.1:PORT/idebanken/
	dir     string // the folder the site is built into
	repo    string // the repository's root
	browser context.Context
	axe     string
	missing string // why the browser tests cannot run here, or ""
	broken  string // why the site could not be built or served, or ""
	once    sync.Once
	cleanup []func()
	index   []searchEntry
	title   map[string]string // idea id → title
	lang    model.Lang

	mu     sync.Mutex
	strays []string // requests that found nothing, or left the sub-path
}

// searchEntry is what the search page searches of an idea: its row of
// lists.json beside its words in search.json.
type searchEntry struct {
	ID    string `json:"i"`
	Title string `json:"t"`
	Stage string `json:"s"`
	Unit  string `json:"u"`
	Kind  string `json:"k"`
	Fold  string
}

// TestMain closes the browser and the server and removes the site after
// the tests. They are made by the first test that needs them, so that the
// files they read count for go test's cache.
func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(env.cleanup) - 1; i >= 0; i-- {
		env.cleanup[i]()
	}
	os.Exit(code)
}

// setup builds and serves the site and starts the browser.
func setup() {
	repo, err := repoRoot()
	if err != nil {
		env.broken = err.Error()
		return
	}
	dir, err := os.MkdirTemp("", "idebank-browser-")
	if err != nil {
		env.broken = err.Error()
		return
	}
	env.cleanup = append(env.cleanup, func() { os.RemoveAll(dir) })
	site := filepath.Join(dir, "site")
	env.dir, env.repo = site, repo
	if err := buildSite(repo, site); err != nil {
		env.broken = "building the site: " + err.Error()
		return
	}
	srv := httptest.NewServer(siteHandler(site))
	env.cleanup = append(env.cleanup, srv.Close)
	env.root = srv.URL + subPath

	axe, err := os.ReadFile(filepath.Join(repo, "tools", "node_modules", "axe-core", "axe.min.js"))
	switch {
	case err != nil:
		env.missing = "axe-core is not installed (npm ci --prefix tools): " + err.Error()
		return
	case !fileExists(chromiumPath):
		env.missing = chromiumPath + " is not installed (apt-get install chromium)"
		return
	}
	env.axe = string(axe)
	stop, err := startBrowser(filepath.Join(dir, "profile"))
	if err != nil {
		env.missing = "chromium did not start: " + err.Error()
		return
	}
	env.cleanup = append(env.cleanup, stop)
}

// need sets up the site and the browser once, for every test. It skips the
// test when the browser or axe-core is missing, but fails it under CI, where
// both must be there.
func need(t *testing.T) {
	t.Helper()
	env.once.Do(setup)
	if env.broken != "" {
		t.Fatal(env.broken)
	}
	if env.missing == "" {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(env.missing)
	}
	t.Skip(env.missing)
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if fileExists(filepath.Join(dir, "go.mod")) && fileExists(filepath.Join(dir, "idebank.yaml")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no repository root above the test")
		}
		dir = parent
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// buildSite builds, into out, the shipped ideas with the fixtures of
// internal/sitegen (a hostile idea and a plain one) and this package's planted
// idea, whose every vector would set window.__xss if it ran.
func buildSite(repo, out string) error {
	s, err := snapshot.FromDir(repo)
	if err != nil {
		return err
	}
	extra, err := os.ReadFile(filepath.Join(repo, "internal", "check", "testdata", "idebank.yaml"))
	if err != nil {
		return err
	}
	merged, err := mergeConfig(s.Config.Data, extra)
	if err != nil {
		return err
	}
	s.Config = &snapshot.File{Path: snapshot.ConfigFile, Data: merged, Size: int64(len(merged))}
	fixtures := []struct{ file, path string }{
		{"internal/sitegen/testdata/hostile.md", "ideas/2026/2026-900-farlig.md"},
		{"internal/sitegen/testdata/plain.md", "ideas/2026/2026-901-saker-gangvag.md"},
		{"internal/browser/testdata/planted.md", "ideas/2026/2026-902-planterad.md"},
	}
	for _, f := range fixtures {
		data, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(f.file)))
		if err != nil {
			return err
		}
		s.Ideas = append(s.Ideas, snapshot.File{Path: f.path, Data: data, Size: int64(len(data))})
	}
	s.Sort()
	res := check.Lint(s, today)
	if res.Config == nil {
		return fmt.Errorf("fixture configuration: %v", res.Diags)
	}
	env.lang = res.Config.Language
	mem := sitegen.NewMemory()
	err = sitegen.Build(sitegen.Options{Config: res.Config, Ideas: res.Ideas, BaseURL: "https://example.org" + subPath, Theme: theme.FS, Out: mem, Today: today})
	if err != nil {
		return err
	}
	for _, name := range mem.Names() {
		data, _ := mem.File(name)
		file := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return err
		}
	}
	for _, id := range []string{"2025-001", "2026-900", "2026-902"} {
		if _, ok := mem.File("idea/" + id + "/index.html"); !ok {
			return fmt.Errorf("the fixture has no idea %s", id)
		}
	}
	if env.index, err = searchIndex(mem); err != nil {
		return err
	}
	env.title = map[string]string{}
	for _, e := range env.index {
		env.title[e.ID] = e.Title
	}
	return nil
}

// searchIndex reads what the search page searches, as the script reads
// it: the ideas of lists.json beside the words of search.json.
func searchIndex(mem *sitegen.Memory) ([]searchEntry, error) {
	var words []string
	var ix struct {
		Kinds, Units, Stages map[string]string
		Ideas                [][]any
	}
	data, _ := mem.File("search.json")
	if err := json.Unmarshal(data, &words); err != nil {
		return nil, fmt.Errorf("search.json: %w", err)
	}
	data, _ = mem.File("lists.json")
	if err := json.Unmarshal(data, &ix); err != nil {
		return nil, fmt.Errorf("lists.json: %w", err)
	}
	if len(words) != len(ix.Ideas) {
		return nil, fmt.Errorf("search.json has %d entries, lists.json %d ideas", len(words), len(ix.Ideas))
	}
	index := make([]searchEntry, len(words))
	for i, d := range ix.Ideas {
		str := func(j int) string { s, _ := d[j].(string); return s }
		index[i] = searchEntry{ID: str(0), Title: str(1), Kind: ix.Kinds[str(2)], Unit: ix.Units[str(3)], Stage: ix.Stages[str(4)], Fold: words[i]}
	}
	return index, nil
}

// mergeConfig adds the units and people of extra to base, as the tests of
// internal/sitegen do: the fixtures use the test configuration's.
func mergeConfig(base, extra []byte) ([]byte, error) {
	out := string(base)
	for _, key := range []string{"units", "people"} {
		m := regexp.MustCompile(`(?ms)^` + key + `:\n(.*?)(?:^\S|\z)`).FindSubmatch(extra)
		if m == nil || !strings.Contains(out, key+":\n") {
			return nil, fmt.Errorf("no %s in a configuration", key)
		}
		out = strings.Replace(out, key+":\n", key+":\n"+string(m[1]), 1)
	}
	return []byte(out), nil
}

// siteHandler serves the folder under subPath as GitHub Pages does: a
// folder's index.html, and 404.html with the status 404 for what is not
// there. It notes every request that finds nothing or leaves the sub-path.
func siteHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	stray := func(r *http.Request) {
		if strings.Contains(r.URL.Path, "finns-inte") || r.URL.Path == "/favicon.ico" {
			return // asked for on purpose, or by the browser itself
		}
		env.mu.Lock()
		env.strays = append(env.strays, r.URL.String())
		env.mu.Unlock()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, subPath) {
			stray(r)
			http.NotFound(w, r)
			return
		}
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+strings.TrimPrefix(r.URL.Path, subPath))))
		st, err := os.Stat(name)
		if err == nil && st.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			stray(r)
			data, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(data)
			return
		}
		http.StripPrefix(strings.TrimSuffix(subPath, "/"), files).ServeHTTP(w, r)
	})
}

// startBrowser starts one Chromium for every test. The flags keep it from
// reaching out to the network, which is closed here.
func startBrowser(profile string) (stop func(), err error) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("lang", "sv-SE"),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	stop = func() { cancelBrowser(); cancelAlloc() }
	start, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(browser) }()
	select {
	case err = <-done:
	case <-start.Done():
		err = errors.New("timed out")
	}
	if err != nil {
		stop()
		return func() {}, err
	}
	env.browser = browser
	return stop, nil
}

// newTab opens a tab of the shared browser for t, closed when t ends. It
// fails t if a page asked for something the site does not have.
func newTab(t *testing.T) context.Context {
	t.Helper()
	need(t)
	ctx, cancel := chromedp.NewContext(env.browser)
	t.Cleanup(cancel)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTime)
	t.Cleanup(func() {
		env.mu.Lock()
		strays := env.strays
		env.strays = nil
		env.mu.Unlock()
		for _, s := range strays {
			t.Errorf("a page asked for %s, which the site does not have under %s", s, subPath)
		}
	})
	return ctx
}

// viewport is a window size to test at.
type viewport struct {
	name          string
	width, height int64
	mobile        bool
}

var (
	desktop = viewport{"desktop", 1366, 900, false}
	phone   = viewport{"phone", 390, 844, true}
	narrow  = viewport{"narrow", 320, 640, true} // WCAG 1.4.10: 1280 px at 400 %
)

func (v viewport) emulate() chromedp.Action[chromedp.Void] {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	return chromedp.EmulateViewport(v.width, v.height, opts...)
}

// open loads the page at p, relative to the site's root, and waits until
// ready, a JavaScript expression, holds (when not "").
func open(ctx context.Context, t *testing.T, p, ready string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(env.root+p)); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	if ready != "" {
		waitFor(ctx, t, ready)
	}
}

// waitFor waits until the JavaScript expression cond is true.
func waitFor(ctx context.Context, t *testing.T, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %s on %s (%v)", cond, location(ctx), err)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// eval evaluates expr in the page and returns its value as T.
func eval[T any](ctx context.Context, t *testing.T, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %.80s on %s: %v", expr, location(ctx), err)
	}
	return v
}

func location(ctx context.Context) string {
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	return strings.TrimPrefix(loc, env.root)
}

// The pages of every kind, each with what to wait for before testing it.
var pages = []struct{ name, path, ready string }{
	{"start", "", ""},
	{"all ideas", "idea/", ""},
	{"evaluated idea", "idea/2025-001/", ""},
	{"withdrawn idea", "idea/2025-007/", ""},
	{"idea with a table", "idea/2026-901/", ""},
	{"hostile idea", "idea/2026-900/", ""},
	{"planted idea", "idea/2026-902/", ""},
	{"stage list", "stages/submitted/", ""},
	{"empty stage list", "stages/quick-win/", ""},
	{"unit list", "units/vard-och-omsorg/", ""},
	{"kind list", "kinds/incident/", ""},
	{"tag list", "tags/halka/", ""},
	{"browse", "browse/", ""},
	{"waiting", "waiting/", ""},
	{"process", "process/", ""},
	{"search", "search/", ""},
	{"search results", "search/?q=förskola", "document.querySelectorAll('#search-results li').length > 0"},
	{"search, nothing found", "search/?q=zzzyx", "document.getElementById('search-status').textContent !== ''"},
	{"reports", "reports/", ""},
	{"year report", "reports/2025/", ""},
	{"quarter report", "reports/2026-q4/", ""},
	{"accessibility statement", "accessibility/", ""},
	{"404", "finns-inte/", ""},
}

// axeResult is what axeRun returns.
type axeResult struct {
	Violations []axeRule `json:"violations"`
	Incomplete []axeRule `json:"incomplete"`
	Passes     int       `json:"passes"`
}

type axeRule struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	URL    string `json:"url"`
	Nodes  []struct {
		Target  []string `json:"target"`
		HTML    string   `json:"html"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

func (r axeRule) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %s (%s): %s\n    %s\n", r.ID, cmpOr(r.Impact, "no impact"), r.Help, r.URL)
	for i, n := range r.Nodes {
		if i == 8 {
			fmt.Fprintf(&b, "    … and %d more\n", len(r.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "    - %s\n      %.200s\n", strings.Join(n.Target, " "), n.HTML)
		for _, line := range strings.Split(strings.TrimSpace(n.Summary), "\n") {
			fmt.Fprintf(&b, "      %s\n", strings.TrimSpace(line))
		}
	}
	return b.String()
}

func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(function (r) {
  function rules(list) {
    return list.map(function (v) {
      return {id: v.id, impact: v.impact || '', help: v.help, url: v.helpUrl, nodes: v.nodes.map(function (n) {
        return {target: n.target.map(String), html: n.html, summary: n.failureSummary || ''};
      })};
    });
  }
  return {violations: rules(r.violations), incomplete: rules(r.incomplete), passes: r.passes.length};
})`

// runAxe runs axe-core on the page loaded in ctx.
func runAxe(ctx context.Context, t *testing.T) axeResult {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](env.axe)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	if res.Passes == 0 {
		t.Fatal("axe-core passed no rule at all: did it run?")
	}
	return res
}

// overflowJS lists what sticks out of the viewport on the right, outside
// the tables' own scrolling boxes: the page must not scroll sideways.
const overflowJS = `(function () {
  var w = document.documentElement.clientWidth, out = [];
  if (document.documentElement.scrollWidth <= w) { return out; }
  document.querySelectorAll('body *').forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1 && !el.parentElement.closest('.table-scroll')) {
      out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : '') +
        ' reaches ' + Math.round(r.right) + 'px: ' + el.textContent.trim().slice(0, 60));
    }
  });
  return out.length ? out.slice(0, 10) : ['the page is ' + document.documentElement.scrollWidth + 'px wide'];
})()`

// overlapJS lists the links, buttons and fields that overlap another one:
// a layout that lets them collide hides text and takes clicks away.
const overlapJS = `(function () {
  var boxes = [];
  document.querySelectorAll('a[href], button, input, select, textarea').forEach(function (el) {
    Array.prototype.forEach.call(el.getClientRects(), function (r) {
      if (r.width > 0 && r.height > 0) { boxes.push({el: el, r: r}); }
    });
  });
  function name(el) { return el.tagName.toLowerCase() + ' "' + (el.textContent || el.id || '').trim().slice(0, 30) + '"'; }
  var out = [];
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) { continue; }
      var w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      var h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) { out.push(name(a.el) + ' overlaps ' + name(b.el)); }
    }
  }
  return out.slice(0, 10);
})()`

// checkLayout fails t when the page loaded in ctx scrolls sideways or has
// controls on top of each other.
func checkLayout(ctx context.Context, t *testing.T, p string, vp viewport) {
	t.Helper()
	if out := eval[[]string](ctx, t, overflowJS); len(out) > 0 {
		t.Errorf("%s scrolls sideways at %dpx:\n  %s", p, vp.width, strings.Join(out, "\n  "))
	}
	if out := eval[[]string](ctx, t, overlapJS); len(out) > 0 {
		t.Errorf("%s at %dpx:\n  %s", p, vp.width, strings.Join(out, "\n  "))
	}
}

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules on every kind
// of page, at a desktop and a phone viewport, after the page's script has
// run. At both, the page must not scroll sideways and no control may lie on
// another.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	need(t)
	for _, vp := range []viewport{desktop, phone} {
		t.Run(vp.name, func(t *testing.T) {
			t.Parallel()
			ctx := newTab(t)
			if err := chromedp.Do(ctx, vp.emulate()); err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				t.Run(p.name, func(t *testing.T) {
					open(ctx, t, p.path, p.ready)
					res := runAxe(ctx, t)
					if len(res.Violations) > 0 {
						var b strings.Builder
						for _, v := range res.Violations {
							b.WriteString(v.String())
						}
						t.Errorf("axe-core: %d violations on %s at %s:\n%s", len(res.Violations), p.path, vp.name, b.String())
					}
					if keys := eval[[]string](ctx, t, rawKeysJS); len(keys) > 0 {
						t.Errorf("%s shows catalogue keys, not texts: %q", p.path, keys)
					}
					for _, v := range res.Incomplete {
						t.Logf("axe-core needs review on %s at %s:\n%s", p.path, vp.name, v)
					}
					checkLayout(ctx, t, p.path, vp)
				})
			}
		})
	}
}

// rawKeysJS finds catalogue keys that a page shows instead of their text.
const rawKeysJS = `document.body.innerText.match(/\b(site|stage|kind|section|criterion|role|actor)\.[a-z][a-z.-]*[a-z]\b/g) || []`

// TestReflow loads every kind of page 320 CSS pixels wide, what WCAG 1.4.10
// asks for: nothing may make the page scroll sideways, and no control may
// lie on another.
func TestReflow(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	if err := chromedp.Do(ctx, narrow.emulate()); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		open(ctx, t, p.path, p.ready)
		checkLayout(ctx, t, p.path, narrow)
	}
}

// expected returns the ids of the ideas whose folded text holds every word
// of query, from search.json, as the script must find them.
func expected(query string) []string {
	words := strings.Fields(model.Fold(query))
	var ids []string
	for _, e := range env.index {
		// The script searches what an entry shows beside its f.
		text := model.Fold(strings.Join([]string{e.ID, e.Title, e.Unit, e.Kind, e.Stage}, " ")) + " " + e.Fold
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(text, w)
		}
		if ok {
			ids = append(ids, e.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// shownResults is what the search page shows.
type shownResults struct {
	Status string   `json:"status"`
	IDs    []string `json:"ids"`
	Links  []string `json:"links"`
	Texts  []string `json:"texts"`
	Query  string   `json:"query"`
}

const resultsJS = `(function () {
  var links = Array.prototype.slice.call(document.querySelectorAll('#search-results li > a'));
  return {
    status: document.getElementById('search-status').textContent,
    ids: links.map(function (a) { return a.textContent.split(' ')[0]; }),
    links: links.map(function (a) { return a.href; }),
    texts: links.map(function (a) { return a.textContent; }),
    query: new URLSearchParams(location.search).get('q') || ''
  };
})()`

func foundMessage(n int) string {
	switch n {
	case 0:
		return i18n.T(env.lang, "site.search.none")
	case 1:
		return i18n.T(env.lang, "site.search.found-one")
	}
	return strings.Replace(i18n.T(env.lang, "site.search.found"), "{n}", fmt.Sprint(n), 1)
}

// TestSearch types queries with and without å, ä and ö, and in capitals,
// into the search page, and follows what it finds.
func TestSearch(t *testing.T) {
	ctx := newTab(t)
	open(ctx, t, "search/", "")
	cases := []struct {
		query  string
		submit bool     // press Enter, not only type
		must   []string // ideas that must be among those found
	}{
		{"förskola", false, []string{"2025-001", "2026-008", "2026-901"}},
		{"forskola", true, []string{"2025-001", "2026-008", "2026-901"}},
		{"HEMTJÄNST", false, []string{"2025-002", "2025-003", "2026-007"}},
		{"halka Förskola", false, []string{"2026-008", "2026-901"}},
		// An id and a unit's name are in what an entry shows, which the
		// script folds as it loads the index.
		{"2025-001", false, []string{"2025-001"}},
		{"KULTUR- och utbildningsförvaltningen 2026-00", false, []string{"2026-008"}},
		{"zzzyx", true, nil},
	}
	for _, c := range cases {
		want := expected(c.query)
		for _, id := range c.must {
			if !slices.Contains(want, id) {
				t.Fatalf("%q: search.json does not find %s: the fixture changed?", c.query, id)
			}
		}
		keys := c.query
		if c.submit {
			keys += kb.Enter
		}
		eval[chromedp.Void](ctx, t, "document.getElementById('q').value = ''")
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), keys)); err != nil {
			t.Fatal(err)
		}
		var got shownResults
		deadline := time.Now().Add(5 * time.Second)
		for {
			got = eval[shownResults](ctx, t, resultsJS)
			ids := slices.Sorted(slices.Values(got.IDs))
			if got.Status == foundMessage(len(want)) && slices.Equal(ids, want) && got.Query == c.query {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%q: the page shows %q and %v (query in the address %q), want %q and %v",
					c.query, got.Status, got.IDs, got.Query, foundMessage(len(want)), want)
			}
			time.Sleep(25 * time.Millisecond)
		}
		for i, link := range got.Links {
			id := got.IDs[i]
			if link != env.root+"idea/"+id+"/" {
				t.Errorf("%q: the result %s links to %s", c.query, id, link)
			}
			if got.Texts[i] != id+" "+env.title[id] {
				t.Errorf("%q: the result %s reads %q", c.query, id, got.Texts[i])
			}
			resp, err := http.Get(link)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%q: %s answers %s", c.query, link, resp.Status)
			}
		}
	}

	// A search's address shows the same results when opened, and a result
	// leads to its idea.
	open(ctx, t, "search/?q="+url.QueryEscape("förskola"), "document.querySelectorAll('#search-results li').length > 0")
	if v := eval[string](ctx, t, "document.getElementById('q').value"); v != "förskola" {
		t.Errorf("the search field holds %q after loading ?q=förskola", v)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#search-results a[href$="/idea/2025-001/"]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, `location.pathname === "`+subPath+`idea/2025-001/" && document.readyState === "complete"`)
	if h1 := eval[string](ctx, t, "document.querySelector('h1').textContent"); h1 != env.title["2025-001"] {
		t.Errorf("the idea's heading is %q, want %q", h1, env.title["2025-001"])
	}
}

// TestKeyboard: the skip link is the first stop and leads into main; the
// tables' headers sort from the keyboard and say how; the filter says how
// many rows it shows.
func TestKeyboard(t *testing.T) {
	ctx := newTab(t)
	open(ctx, t, "", "")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	type focused struct {
		Class, ID, Text, Href string
		Top, Height           float64
		InMain                bool
	}
	const focusJS = `(function () { var e = document.activeElement, r = e.getBoundingClientRect();
	  return {Class: e.className, ID: e.id, Text: e.textContent.trim(), Href: e.getAttribute('href') || '', Top: r.top, Height: r.height, InMain: !!e.closest('main')}; })()`
	f := eval[focused](ctx, t, focusJS)
	if f.Class != "skip" || f.Text != i18n.T(env.lang, "site.skip") || f.Href != "#main" {
		t.Fatalf("the first Tab stop is %+v, want the skip link", f)
	}
	if f.Top < 0 || f.Height == 0 {
		t.Errorf("the skip link is not on screen when it has focus: %+v", f)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "document.activeElement.id === 'main'")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if f := eval[focused](ctx, t, focusJS); !f.InMain {
		t.Errorf("after the skip link, Tab goes to %+v, outside main", f)
	}

	// Sorting.
	open(ctx, t, "idea/", "")
	type header struct {
		Button bool   `json:"button"`
		Sort   string `json:"sort"`
		Text   string `json:"text"`
	}
	const headersJS = `Array.prototype.map.call(document.querySelectorAll('#ideas-table thead th'), function (th) {
	  var b = th.querySelector(':scope > button');
	  return {button: !!b && b.type === 'button' && b.textContent.trim() === th.textContent.trim(), sort: th.getAttribute('aria-sort') || '', text: th.textContent.trim()};
	})`
	heads := eval[[]header](ctx, t, headersJS)
	if len(heads) != 7 {
		t.Fatalf("the table has %d headers", len(heads))
	}
	for _, h := range heads {
		if !h.Button {
			t.Errorf("the header %q is not a button", h.Text)
		}
	}
	sorts := func() []string {
		var out []string
		for _, h := range eval[[]header](ctx, t, headersJS) {
			out = append(out, h.Sort)
		}
		return out
	}
	if got := sorts(); !slices.Equal(got, []string{"", "", "", "", "", "descending", ""}) {
		t.Errorf("before sorting, aria-sort is %q: want the submission date descending", got)
	}
	const titlesSorted = `(function (dir) {
	  var t = Array.prototype.map.call(document.querySelectorAll('#ideas-table tbody tr td:nth-child(2)'), function (c) { return c.textContent.trim(); });
	  for (var i = 1; i < t.length; i++) { if (dir * t[i - 1].localeCompare(t[i], document.documentElement.lang, {numeric: true}) > 0) { return false; } }
	  return t.length > 1;
	})`
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#ideas-table thead th:nth-child(2) button")), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if got := sorts(); !slices.Equal(got, []string{"", "ascending", "", "", "", "", ""}) {
		t.Errorf("after Enter on the title, aria-sort is %q", got)
	}
	if !eval[bool](ctx, t, titlesSorted+"(1)") {
		t.Error("Enter on the title did not sort the rows by title")
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	if got := sorts(); !slices.Equal(got, []string{"", "descending", "", "", "", "", ""}) {
		t.Errorf("after Space on the title, aria-sort is %q", got)
	}
	if !eval[bool](ctx, t, titlesSorted+"(-1)") {
		t.Error("Space on the title did not sort the rows backwards")
	}

	// Filtering.
	type filtered struct {
		Status, Role, Live string
		Total              int
		Shown, Hidden      []string // the rows' text
	}
	const filterJS = `(function () { var s = document.querySelector('.table-tools .filter-status'), rows = document.querySelectorAll('#ideas-table tbody tr');
	  var shown = [], hidden = [];
	  rows.forEach(function (r) { (r.getClientRects().length ? shown : hidden).push(r.textContent); });
	  return {Status: s.textContent, Role: s.getAttribute('role') || '', Live: s.getAttribute('aria-live') || '', Total: rows.length, Shown: shown, Hidden: hidden}; })()`
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("filter-ideas-table"), "hemtjänst")); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "document.querySelector('.table-tools .filter-status').textContent !== ''")
	got := eval[filtered](ctx, t, filterJS)
	if got.Role != "status" {
		t.Errorf("the filter's status has role %q", got.Role)
	}
	want := strings.NewReplacer("{shown}", fmt.Sprint(len(got.Shown)), "{total}", fmt.Sprint(got.Total)).Replace(i18n.T(env.lang, "site.filter.shown"))
	if got.Status != want {
		t.Errorf("the filter's status says %q, want %q", got.Status, want)
	}
	if len(got.Shown) == 0 || len(got.Hidden) == 0 {
		t.Errorf("filtering on hemtjänst shows %d rows and hides %d", len(got.Shown), len(got.Hidden))
	}
	for _, r := range got.Shown {
		if !strings.Contains(model.Fold(r), "hemtjanst") {
			t.Errorf("the filter shows a row without hemtjänst: %q", r)
		}
	}
	for _, r := range got.Hidden {
		if strings.Contains(model.Fold(r), "hemtjanst") {
			t.Errorf("the filter hides a row with hemtjänst: %q", r)
		}
	}
	// Emptied, the filter shows every row and says nothing.
	for range len("hemtjänst") {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Backspace)); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(ctx, t, "document.getElementById('filter-ideas-table').value === ''")
	if got := eval[filtered](ctx, t, filterJS); len(got.Hidden) != 0 || got.Status != "" {
		t.Errorf("an empty filter hides %d rows and says %q", len(got.Hidden), got.Status)
	}
}

// TestWithoutJavaScript: with scripts off, the pages show their content.
func TestWithoutJavaScript(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	type shown struct {
		H1                        string
		Flow, Cards, Rows, Facts  int
		Sections, Timeline, Tools int
		Buttons                   int
		Noscript                  string
	}
	const shownJS = `(function () { function n(s) { return document.querySelectorAll(s).length; }
	  var h1 = document.querySelector('h1'), tools = document.querySelector('.table-tools'), ns = document.querySelector('noscript');
	  return {H1: h1 ? h1.textContent : '', Flow: n('ol.flow > li'), Cards: n('ul.cards > li'), Rows: n('table.ideas tbody tr'), Facts: n('dl.facts dt'),
	    Sections: n('article section h2'), Timeline: n('ol.timeline > li'), Tools: tools && getComputedStyle(tools).display !== 'none' ? 1 : 0, Buttons: n('th button')}; })()`

	open(ctx, t, "", "")
	home := eval[shown](ctx, t, shownJS)
	if home.H1 == "" || home.Flow != len(mainLine()) || home.Cards == 0 {
		t.Errorf("the start page without JavaScript: %+v", home)
	}
	open(ctx, t, "idea/", "")
	list := eval[shown](ctx, t, shownJS)
	if list.H1 == "" || list.Rows != len(env.index) || list.Tools != 0 || list.Buttons != 0 {
		t.Errorf("the list of ideas without JavaScript (the filter must stay hidden, the headers plain): %+v", list)
	}
	open(ctx, t, "idea/2025-001/", "")
	idea := eval[shown](ctx, t, shownJS)
	if idea.H1 != env.title["2025-001"] || idea.Facts < 5 || idea.Sections < 7 || idea.Timeline < 5 {
		t.Errorf("an evaluated idea without JavaScript: %+v", idea)
	}
	open(ctx, t, "search/", "")
	if text := eval[string](ctx, t, "document.querySelector('main').innerText"); !strings.Contains(text, i18n.T(env.lang, "site.search.noscript")) {
		t.Errorf("the search page without JavaScript does not say that search needs it:\n%s", text)
	}
}

// TestNoScriptFromIdeas loads every page that shows the hostile and planted
// ideas with the Content-Security-Policy switched off, so that the escaping
// alone must hold: no dialog may open, window.__xss must stay undefined,
// and nothing in the page may run script.
func TestNoScriptFromIdeas(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var dialogs []string
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			mu.Lock()
			dialogs = append(dialogs, fmt.Sprintf("%s %q", ev.Type, ev.Message))
			mu.Unlock()
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()

	paths := []struct{ path, ready string }{
		{"idea/2026-900/", ""}, {"idea/2026-901/", ""}, {"idea/2026-902/", ""},
		{"", ""}, {"idea/", ""}, {"stages/developing/", ""}, {"stages/submitted/", ""},
		{"units/skola/", ""}, {"units/omsorg/", ""}, {"kinds/incident/", ""}, {"kinds/improvement/", ""},
		{"browse/", ""}, {"waiting/", ""},
		{"search/?q=farlig", "document.querySelectorAll('#search-results li').length > 0"},
		{"search/?q=planterad", "document.querySelectorAll('#search-results li').length > 0"},
		{"search/?q=" + url.QueryEscape("<img src=x onerror=alert(9)>"), "document.getElementById('search-status').textContent !== ''"},
	}
	// The pages of the hostile ideas' tags, whatever their slugs.
	for _, id := range []string{"2026-900", "2026-902"} {
		open(ctx, t, "idea/"+id+"/", "")
		for _, href := range eval[[]string](ctx, t, `Array.prototype.map.call(document.querySelectorAll('.facts a[href*="/tags/"]'), function (a) { return a.href; })`) {
			paths = append(paths, struct{ path, ready string }{strings.TrimPrefix(href, env.root), ""})
		}
	}

	const auditJS = `(function () {
	  var bad = [];
	  document.querySelectorAll('*').forEach(function (el) {
	    var tag = el.tagName.toLowerCase();
	    if (tag === 'script' && !/assets\/app\.js$/.test(el.getAttribute('src') || '')) { bad.push('a script: ' + el.outerHTML.slice(0, 80)); }
	    if (['iframe', 'object', 'embed', 'img', 'svg', 'math', 'style', 'details', 'input', 'form', 'button', 'x'].indexOf(tag) >= 0 && !el.closest('.search, .table-tools, thead')) {
	      bad.push('an element from idea text: ' + el.outerHTML.slice(0, 80));
	    }
	    Array.prototype.forEach.call(el.attributes, function (a) {
	      var v = a.value.trim().toLowerCase();
	      if (/^on/i.test(a.name)) { bad.push('a handler: ' + a.name + '=' + a.value); }
	      if (/^(javascript|data|vbscript):/.test(v)) { bad.push('a script address: ' + a.name + '=' + a.value); }
	    });
	  });
	  return {xss: typeof window.__xss === 'undefined' ? '' : String(window.__xss), bad: bad};
	})()`
	type audit struct {
		XSS string   `json:"xss"`
		Bad []string `json:"bad"`
	}
	for _, p := range paths {
		open(ctx, t, p.path, p.ready)
		waitFor(ctx, t, "document.readyState === 'complete'")
		time.Sleep(50 * time.Millisecond) // for an onerror or ontoggle, had one got in
		a := eval[audit](ctx, t, auditJS)
		if a.XSS != "" {
			t.Errorf("%s: idea text ran as script: window.__xss = %q", p.path, a.XSS)
		}
		for _, b := range a.Bad {
			t.Errorf("%s: %s", p.path, b)
		}
	}
	// The planted idea's markup shows as text.
	open(ctx, t, "idea/2026-902/", "")
	if h1 := eval[string](ctx, t, "document.querySelector('h1').textContent"); !strings.Contains(h1, `<img src=x onerror="window.__xss='titel'">`) {
		t.Errorf("the planted title is not shown as text: %q", h1)
	}
	// Open data is not HTML.
	for _, name := range []string{"ideas.json", "search.json", "feed.xml"} {
		open(ctx, t, name, "")
		ct := eval[string](ctx, t, "document.contentType")
		if strings.Contains(ct, "html") {
			t.Errorf("%s is served as %s", name, ct)
		}
		if x := eval[bool](ctx, t, "typeof window.__xss !== 'undefined'"); x {
			t.Errorf("%s: window.__xss is set", name)
		}
	}
	// The listener hears a dialog: a page's own alert is closed and noted.
	open(ctx, t, "", "")
	eval[chromedp.Void](ctx, t, "alert('probe')")
	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) == 0 || dialogs[len(dialogs)-1] != `alert "probe"` {
		t.Fatalf("the dialog listener did not hear an alert: %q", dialogs)
	}
	for _, d := range dialogs[:len(dialogs)-1] {
		t.Errorf("a dialog opened: %s", d)
	}
}

// TestScreenshots takes screenshots of the start page, an idea, a list, the
// waiting page, the process and a report at both viewports, for a person to
// look at. They go to $IDEBANK_SCREENSHOTS, or to a folder removed after the
// test.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("IDEBANK_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Parallel()
	ctx := newTab(t)
	shots := []struct{ name, path string }{
		{"start", ""}, {"idea", "idea/2025-001/"}, {"list", "idea/"}, {"waiting", "waiting/"}, {"process", "process/"}, {"report", "reports/2025/"},
	}
	for _, vp := range []viewport{desktop, phone} {
		if err := chromedp.Do(ctx, vp.emulate()); err != nil {
			t.Fatal(err)
		}
		for _, s := range shots {
			open(ctx, t, s.path, "")
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, s.name+"-"+vp.name+".png")
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
			if len(png) < 10_000 {
				t.Errorf("%s is only %d bytes: is the page blank?", name, len(png))
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}

// mainLine is the default process's main line and quick line, as the
// start page shows them.
func mainLine() []model.Stage {
	main, quick, _ := workflow.Default.MainLine()
	return append(main, quick...)
}
