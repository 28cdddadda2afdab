package sitegen

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/personal"
	"github.com/idebanken/idebanken/internal/snapshot"
	theme "github.com/idebanken/idebanken/site"
)

var today = model.Date{Year: 2026, Month: 11, Day: 21}

// fixture returns the shipped example ideas with the hostile and plain
// fixtures added, parsed as the build command parses them.
func fixture(t testing.TB) *check.Result {
	t.Helper()
	s, err := snapshot.FromDir("../..")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("../check/testdata/idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The test configuration's units and people, with the shipped ones:
	// the fixtures use the test configuration's.
	main := s.Config.Data
	merged := mergeConfig(t, main, cfg)
	s.Config = &snapshot.File{Path: snapshot.ConfigFile, Data: merged, Size: int64(len(merged))}
	for _, name := range []string{"hostile.md", "plain.md"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		id := map[string]string{"hostile.md": "2026-900-farlig", "plain.md": "2026-901-saker-gangvag"}[name]
		s.Ideas = append(s.Ideas, snapshot.File{Path: "ideas/2026/" + id + ".md", Data: data, Size: int64(len(data))})
	}
	s.Sort()
	res := check.Lint(s, today)
	if res.Config == nil {
		t.Fatalf("fixture configuration: %v", res.Diags)
	}
	return res
}

// mergeConfig appends the units and people of extra to base.
func mergeConfig(t testing.TB, base, extra []byte) []byte {
	t.Helper()
	section := func(doc []byte, key string) string {
		re := regexp.MustCompile(`(?ms)^` + key + `:\n(.*?)(?:^\S|\z)`)
		m := re.FindSubmatch(doc)
		if m == nil {
			t.Fatalf("no %s in configuration", key)
		}
		return string(m[1])
	}
	out := string(base)
	for _, key := range []string{"units", "people"} {
		out = strings.Replace(out, key+":\n", key+":\n"+section(extra, key), 1)
	}
	return []byte(out)
}

func buildMemory(t testing.TB, res *check.Result) *Memory {
	t.Helper()
	m := NewMemory()
	if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: m}); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestEveryPageExists(t *testing.T) {
	res := fixture(t)
	m := buildMemory(t, res)
	want := []string{"index.html", "404.html", "idea/index.html", "browse/index.html", "waiting/index.html",
		"process/index.html", "search/index.html", "accessibility/index.html", "search.json", "ideas.json",
		"feed.xml", "feed-decided.xml", "feed-implemented.xml", "assets/style.css", "assets/app.js"}
	for _, idea := range res.Ideas {
		want = append(want, "idea/"+string(idea.ID)+"/index.html")
	}
	for _, st := range model.Stages {
		want = append(want, "stages/"+string(st)+"/index.html")
	}
	for _, k := range model.Kinds {
		want = append(want, "kinds/"+string(k)+"/index.html")
	}
	for _, u := range res.Config.Units {
		want = append(want, "units/"+u.ID+"/index.html")
	}
	for _, name := range want {
		if _, ok := m.File(name); !ok {
			t.Errorf("no %s", name)
		}
	}
	if _, ok := m.File("tags/halka/index.html"); !ok {
		t.Error("no page for the tag halka")
	}
}

// TestLinksResolve follows every link and reference in every page: each
// must name a file of the site (a folder its index.html), and a fragment
// an id in the page it points to. Only http(s) links leave the site, and
// nothing is loaded from another host.
func TestLinksResolve(t *testing.T) {
	if checked := linksResolve(t, buildMemory(t, fixture(t)), nil); checked < 500 {
		t.Errorf("checked only %d links: is the walk broken?", checked)
	}
}

// linksResolve checks the links of the pages of m that pick takes (nil:
// every page), and returns how many it checked.
func linksResolve(t *testing.T, m *Memory, pick func(name string) bool) int {
	t.Helper()
	ids := map[string]map[string]bool{}
	docs := map[string]*html.Node{}
	for _, name := range m.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := m.File(name)
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs[name] = doc
		ids[name] = map[string]bool{}
		walk(doc, func(n *html.Node) {
			if id := attr(n, "id"); id != "" {
				ids[name][id] = true
			}
		})
	}
	checked := 0
	for name, doc := range docs {
		if name == "404.html" || pick != nil && !pick(name) {
			continue // its links are from the site root, wherever it is served
		}
		walk(doc, func(n *html.Node) {
			for _, key := range []string{"href", "src", "action", "data-index"} {
				ref := attr(n, key)
				if n.Type != html.ElementNode || !hasAttr(n, key) {
					continue
				}
				checked++
				u, err := url.Parse(ref)
				if err != nil {
					t.Errorf("%s: bad %s %q", name, key, ref)
					continue
				}
				if u.Scheme != "" || u.Host != "" {
					if u.Scheme != "http" && u.Scheme != "https" {
						t.Errorf("%s: %s with scheme %q: %q", name, key, u.Scheme, ref)
					}
					if key == "src" || (n.Data == "link" && attr(n, "rel") == "stylesheet") {
						t.Errorf("%s: loads %q from another host", name, ref)
					}
					continue
				}
				target := name
				if u.Path != "" {
					target = path.Join(path.Dir(name), u.Path)
					if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == "./" {
						target = path.Join(target, "index.html")
					}
				}
				if _, ok := m.File(target); !ok {
					t.Errorf("%s: %s %q points to %s, which is not there", name, key, ref, target)
					continue
				}
				if u.Fragment != "" && !ids[target][u.Fragment] {
					t.Errorf("%s: %q: no id %q in %s", name, ref, u.Fragment, target)
				}
			}
		})
	}
	return checked
}

// TestNothingPrivateIsPublished looks through every file of the site for
// the anonymous submitter's name and for e-mail addresses.
func TestNothingPrivateIsPublished(t *testing.T) {
	res := fixture(t)
	m := buildMemory(t, res)
	var secrets []string
	for _, idea := range res.Ideas {
		if idea.Submitter.Anonymous && idea.Submitter.Name != "" {
			secrets = append(secrets, idea.Submitter.Name)
		}
		if idea.Submitter.Anonymous && idea.Submitter.GitHub != "" {
			secrets = append(secrets, idea.Submitter.GitHub)
		}
	}
	if len(secrets) == 0 {
		t.Fatal("the fixture has no anonymous submitter with a name")
	}
	for _, name := range m.Names() {
		data, _ := m.File(name)
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s: holds the anonymous submitter %q", name, s)
			}
		}
		if personal.HasEmail(string(data)) {
			t.Errorf("%s: holds an e-mail address", name)
		}
	}
}

// TestIdeaMarkupIsNotRendered builds the hostile fixture and checks each
// page's parsed tree: the only script is the site's own, no element has an
// event handler, no link runs script, and nothing loads from elsewhere.
func TestIdeaMarkupIsNotRendered(t *testing.T) {
	m := buildMemory(t, fixture(t))
	for _, name := range m.Names() {
		data, _ := m.File(name)
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch n.Data {
			case "script":
				if !strings.HasSuffix(attr(n, "src"), "assets/app.js") {
					t.Errorf("%s: a script that is not the site's: %s", name, outerHTML(n))
				}
			case "svg":
				if attr(n, "class") != "chart" || n.Parent == nil || n.Parent.Data != "figure" {
					t.Errorf("%s: an <svg> that is not one of the site's charts", name)
				}
			case "iframe", "object", "embed", "img", "form":
				if n.Data != "form" || attr(n, "class") != "search" {
					t.Errorf("%s: element <%s> from idea text", name, n.Data)
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: event handler %s=%q", name, a.Key, a.Val)
				}
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
					t.Errorf("%s: %s=%q", name, a.Key, a.Val)
				}
			}
		})
	}
	page, _ := m.File("idea/2026-900/index.html")
	for _, want := range []string{"&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt; Farlig", `href="https://evil.example/sp%C3%A5r.png"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the hostile idea's page lacks %q, text shown as text", want)
		}
	}
}

func TestBuildsAreIdentical(t *testing.T) {
	res := fixture(t)
	a, b := buildMemory(t, res), buildMemory(t, res)
	if fmt.Sprint(a.Names()) != fmt.Sprint(b.Names()) {
		t.Fatal("two builds wrote different files")
	}
	for _, name := range a.Names() {
		x, _ := a.File(name)
		y, _ := b.File(name)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func outerHTML(n *html.Node) string {
	var b bytes.Buffer
	_ = html.Render(&b, n)
	return b.String()
}

func TestOutputFolderSafety(t *testing.T) {
	repo := t.TempDir()
	for _, dir := range []string{"ideas/2026", "elsewhere"} {
		if err := os.MkdirAll(filepath.Join(repo, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, "elsewhere", "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{repo, filepath.Join(repo, "ideas"), filepath.Join(repo, "ideas", "2026", "site"), filepath.Dir(repo), filepath.Join(repo, "elsewhere")} {
		if _, err := OpenDir(out, repo); err == nil {
			t.Errorf("OpenDir(%s) accepted an unsafe folder", out)
		}
	}

	// A real site builds and rebuilds; a rebuild that changes nothing
	// touches nothing, and only files the last build wrote are removed.
	res := fixture(t)
	out := filepath.Join(repo, "_site")
	build := func() {
		d, err := OpenDir(out, repo)
		if err != nil {
			t.Fatal(err)
		}
		if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: d}); err != nil {
			t.Fatal(err)
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
	}
	build()
	index := filepath.Join(out, "process", "index.html") // the same whatever the ideas
	before, err := os.Stat(index)
	if err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(out, "idea", "2026-900", "index.html")
	mine := filepath.Join(out, "CNAME")
	if err := os.WriteFile(mine, []byte("example.org"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Drop the hostile fixture: its page must go, the CNAME must stay.
	var kept []*model.Idea
	for _, idea := range res.Ideas {
		if idea.ID != "2026-900" {
			kept = append(kept, idea)
		}
	}
	res.Ideas = kept
	build()
	after, err := os.Stat(index)
	if err != nil {
		t.Fatal(err)
	}
	if !after.ModTime().Equal(before.ModTime()) {
		t.Error("a rebuild rewrote process/index.html although it had not changed")
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the page of a removed idea is still there: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(stale)); !os.IsNotExist(err) {
		t.Error("the folder of a removed idea is still there")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file the build did not write was removed: %v", err)
	}
}

// TestEveryPageIsReachable walks the site from its start page by links
// alone, as a visitor (or a search engine) would: every page is reached.
func TestEveryPageIsReachable(t *testing.T) {
	m := buildMemory(t, fixture(t))
	seen := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		data, _ := m.File(name)
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode || n.Data != "a" {
				return
			}
			u, err := url.Parse(attr(n, "href"))
			if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
				return
			}
			target := path.Join(path.Dir(name), u.Path)
			if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == "./" {
				target = path.Join(target, "index.html")
			}
			if _, ok := m.File(target); ok && strings.HasSuffix(target, ".html") && !seen[target] {
				seen[target] = true
				queue = append(queue, target)
			}
		})
	}
	for _, name := range m.Names() {
		if strings.HasSuffix(name, ".html") && name != "404.html" && !seen[name] {
			t.Errorf("%s cannot be reached from the start page", name)
		}
	}
}

// TestFoldingChangesNothing: the theme's texts and roots, folded into the
// templates once, give the very pages that calling t and root on every page
// gives, in both languages.
func TestFoldingChangesNothing(t *testing.T) {
	res := fixture(t)
	for _, lang := range []model.Lang{model.Swedish, model.English} {
		cfg := *res.Config
		cfg.Language = lang
		folded, plain := NewMemory(), NewMemory()
		for _, o := range []Options{
			{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: folded},
			{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: plain, noFold: true},
		} {
			if err := Build(o); err != nil {
				t.Fatal(err)
			}
		}
		if fmt.Sprint(folded.Names()) != fmt.Sprint(plain.Names()) {
			t.Fatal("folding changed which files are written")
		}
		for _, name := range folded.Names() {
			x, _ := folded.File(name)
			y, _ := plain.File(name)
			if !bytes.Equal(x, y) {
				t.Errorf("%s (%s): folding changed the file", name, lang)
			}
		}
	}
}

// TestFirstBuild: a first build into a folder that does not exist is
// written beside it and renamed into place by Close, and one given up
// leaves nothing. An empty folder that is there already, or a link to one,
// is built into where it is, keeping its rights; there too nothing shows
// before Close.
func TestFirstBuild(t *testing.T) {
	res := fixture(t)
	build := func(t *testing.T, out string) {
		t.Helper()
		d, err := OpenDir(out, filepath.Join(t.TempDir(), "bank"))
		if err != nil {
			t.Fatal(err)
		}
		if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: d}); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
			t.Error("the site is visible before Close")
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"index.html", manifestName} {
			if _, err := os.Stat(filepath.Join(out, name)); err != nil {
				t.Error(err)
			}
		}
		for _, name := range []string{moveFolder, ".gitignore"} {
			if _, err := os.Lstat(filepath.Join(out, name)); err == nil {
				t.Errorf("%s left in the site", name)
			}
		}
	}
	t.Run("new", func(t *testing.T) {
		parent := t.TempDir()
		build(t, filepath.Join(parent, "site"))
		if entries, _ := os.ReadDir(parent); len(entries) != 1 {
			t.Errorf("beside the site after Close: %v", entries)
		}
	})
	t.Run("empty", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		if err := os.Mkdir(out, 0o750); err != nil {
			t.Fatal(err)
		}
		build(t, out)
		if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o750 {
			t.Errorf("the folder's rights are not kept: %v %v", info.Mode(), err)
		}
	})
	t.Run("link", func(t *testing.T) {
		parent := t.TempDir()
		target, link := filepath.Join(parent, "target"), filepath.Join(parent, "site")
		if err := os.Mkdir(target, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, link); err != nil {
			t.Skip(err)
		}
		build(t, link)
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", info.Mode(), err)
		}
		if _, err := os.Stat(filepath.Join(target, "index.html")); err != nil {
			t.Error(err)
		}
	})
	t.Run("abort", func(t *testing.T) {
		parent := t.TempDir()
		d, err := OpenDir(filepath.Join(parent, "site"), filepath.Join(parent, "bank"))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Write("index.html", []byte("x")); err != nil {
			t.Fatal(err)
		}
		if err := d.Abort(); err != nil {
			t.Fatal(err)
		}
		if entries, _ := os.ReadDir(parent); len(entries) != 0 {
			t.Errorf("after Abort: %v", entries)
		}
	})
}

// readSite returns every file under dir by its name with slashes, but for
// the move folder, where a build in place writes before Close.
func readSite(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	dir += string(filepath.Separator) // the folder a link leads to
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.Name() == moveFolder {
			return fs.SkipDir
		}
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestRebuild: a build over a site shows the old site whole until Close and
// the new one whole after it; it writes only the files whose bytes
// changed, and says so; it removes the files of the old site that it did
// not make and whatever killed builds left (temporary files of earlier
// versions, stages beside the folder, the move folder), and keeps files
// of someone else's. Given up, it leaves the old site as it was. The same
// in a plain folder (swapped in one step) and through a link (moved file by
// file).
func TestRebuild(t *testing.T) {
	res := fixture(t)
	var fewer []*model.Idea
	for _, idea := range res.Ideas {
		if idea.ID != "2026-900" {
			fewer = append(fewer, idea)
		}
	}
	for _, kind := range []string{"folder", "link"} {
		t.Run(kind, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "site")
			if kind == "link" {
				if err := os.Mkdir(filepath.Join(parent, "target"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink("target", out); err != nil {
					t.Skip(err)
				}
			}
			open := func() *Dir {
				d, err := OpenDir(out, filepath.Join(parent, "bank"))
				if err != nil {
					t.Fatal(err)
				}
				return d
			}
			d := open()
			if err := Build(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: d}); err != nil {
				t.Fatal(err)
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			if st := d.Stats(); st.Written == 0 || st.Unchanged != 0 || st.Removed != 0 {
				t.Errorf("first build: %+v", st)
			}
			// What killed builds leave, and a file of someone else's.
			plant := map[string]string{
				filepath.Join(out, "CNAME"):                         "example.org",
				filepath.Join(out, "idea", ".index.html.tmp-12345"): "half a page",
				filepath.Join(out, moveFolder, "7"):                 "half a page",
				filepath.Join(parent, ".site"+stageInfix+"42", "x"): "half a site",
			}
			for name, content := range plant {
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := readSite(t, out)
			process := filepath.Join(out, "process", "index.html") // the same whatever the ideas
			info, err := os.Stat(process)
			if err != nil {
				t.Fatal(err)
			}

			// Given up: the old site, as it was.
			d = open()
			if err := Build(Options{Config: res.Config, Ideas: fewer, Theme: theme.FS, Out: d}); err != nil {
				t.Fatal(err)
			}
			if err := d.Abort(); err != nil {
				t.Fatal(err)
			}
			if after := readSite(t, out); !maps.Equal(before, after) {
				t.Error("a build given up changed the site")
			}

			d = open()
			if err := Build(Options{Config: res.Config, Ideas: fewer, Theme: theme.FS, Out: d}); err != nil {
				t.Fatal(err)
			}
			if now := readSite(t, out); !maps.Equal(before, now) {
				t.Error("the site changed before Close")
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			want := NewMemory()
			if err := Build(Options{Config: res.Config, Ideas: fewer, Theme: theme.FS, Out: want}); err != nil {
				t.Fatal(err)
			}
			got := readSite(t, out)
			var st Stats
			for _, name := range want.Names() {
				data, _ := want.File(name)
				if got[name] != string(data) {
					t.Errorf("%s is not what the build made", name)
				}
				if old, ok := before[name]; !ok || old != string(data) {
					st.Written++
				} else {
					st.Unchanged++
				}
				delete(got, name)
			}
			for name := range strings.SplitSeq(before[manifestName], "\n") {
				if _, ok := want.File(name); name != "" && !ok {
					st.Removed++
				}
			}
			if st.Removed == 0 || st.Written == 0 || st.Unchanged == 0 {
				t.Fatalf("the test changes too little: %+v", st)
			}
			if d.Stats() != st {
				t.Errorf("Stats() = %+v, want %+v", d.Stats(), st)
			}
			delete(got, manifestName)
			if _, err := os.Lstat(filepath.Join(out, moveFolder)); err == nil {
				t.Error("the move folder is left in the site")
			}
			if !maps.Equal(got, map[string]string{"CNAME": "example.org"}) {
				t.Errorf("in the site beside what the build made: %v", slices.Collect(maps.Keys(got)))
			}
			if now, err := os.Stat(process); err != nil || !now.ModTime().Equal(info.ModTime()) {
				t.Errorf("an unchanged file was written again: %v", err)
			}
			entries, _ := os.ReadDir(parent)
			var beside []string
			for _, e := range entries {
				beside = append(beside, e.Name())
			}
			if want := map[string][]string{"folder": {"site"}, "link": {"site", "target"}}[kind]; !slices.Equal(beside, want) {
				t.Errorf("beside the site: %v, want %v", beside, want)
			}
		})
	}
}

func TestFirstRunes(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{{"", 3, ""}, {"abc", 2, "ab"}, {"åäö", 2, "åä"}, {"åäö", 3, "åäö"}, {"åäö", 9, "åäö"}, {"a\xffb", 2, "a\xff"}, {"idé", 0, ""}} {
		if got := firstRunes(c.s, c.n); got != c.want {
			t.Errorf("firstRunes(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

var metaDescription = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)

// TestIdeaDescription: an idea page's description is its kind, its stage
// and the start of its text, short enough for what a search engine shows.
func TestIdeaDescription(t *testing.T) {
	res := corpusResult(t, 40)
	m := buildMemory(t, res)
	long := 0
	for _, idea := range res.Ideas {
		page, _ := m.File("idea/" + string(idea.ID) + "/index.html")
		hit := metaDescription.FindStringSubmatch(string(page))
		if hit == nil {
			t.Fatalf("%s: no description", idea.ID)
		}
		desc := html.UnescapeString(hit[1])
		_, text, ok := strings.Cut(desc, ": ")
		if !ok || text == "" || utf8.RuneCountInString(text) > descriptionText {
			t.Errorf("%s: the description %q is not kind, stage and at most %d characters of the text", idea.ID, desc, descriptionText)
		}
		if utf8.RuneCountInString(text) == descriptionText {
			long++
		}
		if n := utf8.RuneCountInString(desc); n > 160 {
			t.Errorf("%s: a description of %d characters", idea.ID, n)
		}
	}
	if long == 0 {
		t.Error("no text was cut: the test says nothing")
	}
}
