package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// badCase is one entry of the catalogue of bad input: files, and what the
// program must say about them.
type badCase struct {
	name  string
	files map[string][]byte
	ok    bool     // no errors at all
	exit  int      // the exit status of check, when not 0 or 1 as ok says
	want  []string // "rule path[:line:col]"
}

// TestBadInput runs every case of testdata/bad-input, and the cases too
// large or too strange for a text file, through idebank check and idebank
// build: each gives its clear, positioned error (or, where the input is
// acceptable, a clean result), and nothing ever panics.
func TestBadInput(t *testing.T) {
	cases := readBadCases(t, "../../testdata/bad-input")
	cases = append(cases, generatedBadCases()...)
	if len(cases) < 25 {
		t.Fatalf("only %d cases", len(cases))
	}
	defaultConfig, err := os.ReadFile("../check/testdata/idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, ok := c.files["idebank.yaml"]; !ok {
				c.files["idebank.yaml"] = defaultConfig
			}
			writeFiles(t, dir, c.files)
			env, out, errOut := quietEnv(dir)
			code := Main([]string{"check", "--today", "2026-11-21", "--format", "json", "--lang", "en"}, env)
			noPanic(t, "check", out.String()+errOut.String())
			want := 1
			switch {
			case c.exit != 0:
				want = c.exit
			case c.ok:
				want = 0
			}
			if code != want {
				t.Errorf("check: exit %d, want %d\n%s%s", code, want, out, errOut)
			}
			var ds []struct {
				File, Rule, Severity string
				Line, Column         int
			}
			if err := json.Unmarshal(out.Bytes(), &ds); err != nil {
				t.Fatalf("check --format json printed no JSON: %v\n%s", err, out)
			}
			found := map[string]bool{}
			for _, d := range ds {
				if d.Severity != "error" {
					continue
				}
				found[d.Rule+" "+d.File] = true
				found[fmt.Sprintf("%s %s:%d:%d", d.Rule, d.File, d.Line, d.Column)] = true
				if d.Line == 0 && d.Rule != "file-name" && d.Rule != "deleted" && d.Rule != "rename" && d.Rule != "read" {
					t.Errorf("an error without a line: %+v", d)
				}
			}
			for _, w := range c.want {
				if !found[w] {
					t.Errorf("check did not report %s; it reported %+v", w, ds)
				}
			}

			// The site is built from what could be read, or not at all
			// when the configuration cannot be.
			site := filepath.Join(t.TempDir(), "site")
			env, out, errOut = quietEnv(dir)
			bcode := Main([]string{"build", "--out", site}, env)
			noPanic(t, "build", out.String()+errOut.String())
			if bcode != want {
				t.Errorf("build: exit %d, want %d\n%s%s", bcode, want, out, errOut)
			}
			if want != ExitCannot {
				if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
					t.Errorf("build made no site: %v", err)
				}
			}
		})
	}
}

var stackTrace = regexp.MustCompile(`panic:|goroutine \d+|runtime\.|\.go:\d+`)

func noPanic(t *testing.T, what, output string) {
	t.Helper()
	if m := stackTrace.FindString(output); m != "" {
		t.Errorf("%s printed what looks like a Go crash (%q):\n%s", what, m, output)
	}
}

func quietEnv(dir string) (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return Env{Stdout: &out, Stderr: &errOut, Dir: dir, Getenv: func(string) string { return "" },
		Now: func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) }}, &out, &errOut
}

func readBadCases(t *testing.T, dir string) []badCase {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []badCase
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := badCase{name: strings.TrimSuffix(filepath.Base(f), ".txtar"), files: map[string][]byte{}}
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			v, ok := strings.CutPrefix(line, "want: ")
			switch {
			case !ok:
			case v == "ok":
				c.ok = true
			case strings.HasPrefix(v, "exit "):
				fmt.Sscanf(v, "exit %d", &c.exit)
			default:
				c.want = append(c.want, v)
			}
		}
		if !c.ok && len(c.want) == 0 {
			t.Fatalf("%s says nothing of what it wants", f)
		}
		for _, af := range ar.Files {
			c.files[af.Name] = af.Data
		}
		cases = append(cases, c)
	}
	return cases
}

// idea returns a valid idea file whose title is title.
func ideaWithTitle(title string) []byte {
	return []byte("---\nid: 2026-001\ntitle: " + title + "\nkind: improvement\nstage: submitted\nsubmitted: 2026-11-10\n" +
		"submitter: {name: Eva}\nunit: skola\n---\nText.\n")
}

func generatedBadCases() []badCase {
	const p = "ideas/2026/2026-001-x.md"
	bomb := "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i := 'b'; i <= 'j'; i++ {
		prev := string(i - 1)
		bomb += fmt.Sprintf("%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", i, i, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	bomb += "title: *j\n---\nText.\n" // a billion "lol"s, were it expanded
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i * 7)
	}
	return []badCase{
		{name: "title-5MB", files: map[string][]byte{p: ideaWithTitle(strings.Repeat("Långt ", 5<<20/7))}, want: []string{"too-large " + p + ":1:1"}},
		{name: "title-200-characters", files: map[string][]byte{p: ideaWithTitle(strings.Repeat("x", 200))}, want: []string{"title " + p + ":3:1"}},
		{name: "file-50MB", files: map[string][]byte{p: bytes.Repeat([]byte("text\n"), 10<<20)}, want: []string{"too-large " + p + ":1:1"}},
		// Aliases are never expanded: the keys are reported, at once.
		{name: "alias-bomb", files: map[string][]byte{p: []byte(bomb)}, want: []string{"unknown-field " + p + ":2:1", "yaml-alias " + p + ":12:8"}},
		{name: "deep-nesting", files: map[string][]byte{p: []byte("---\nid: " + strings.Repeat("[", 20000) + "\n---\nText.\n")}, want: []string{"yaml-syntax " + p}},
		{name: "binary", files: map[string][]byte{p: binary}, want: []string{"encoding " + p + ":1:1"}},
		{name: "symlink-outside", files: map[string][]byte{p: []byte("symlink:/etc/passwd")}, want: []string{"file-name " + p}},
		// Old Mac line endings: YAML would count lines no editor shows.
		{name: "lone-cr", files: map[string][]byte{p: []byte("---\nid: 2026-001\rtitle: X\n---\nText.\n")}, want: []string{"encoding " + p + ":2:13"}},
		{name: "nul-byte", files: map[string][]byte{p: append(ideaWithTitle("X"), 0)}, want: []string{"encoding " + p + ":11:1"}},
	}
}
