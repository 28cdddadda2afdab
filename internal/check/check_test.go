package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata archives")

// Each archive under testdata/lint and testdata/change is one case. Lines of
// its comment set options ("today: 2026-11-21", "lang: en", "actor: alice",
// "approvers: a,b", "committers: a,,b" where an empty element is an author
// without an account). Files go in as a snapshot: testdata/idebank.yaml is
// the configuration unless the archive has its own. An archive with files
// under base/ and head/ is checked as a change from base to head. The
// "want" file holds the expected diagnostics, one per line, as text.
func TestLintArchives(t *testing.T)   { runArchives(t, "testdata/lint") }
func TestChangeArchives(t *testing.T) { runArchives(t, "testdata/change") }

func runArchives(t *testing.T, dir string) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no cases in %s", dir)
	}
	defaultConfig, err := os.ReadFile("testdata/idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			opts := archiveOptions(t, ar.Comment)
			res := runArchive(ar, defaultConfig, opts)
			var got bytes.Buffer
			if err := diag.Write(&got, diag.FormatText, opts.lang, res.Diags); err != nil {
				t.Fatal(err)
			}
			wantIdx := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					wantIdx = i
				}
			}
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = got.Bytes()
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatalf("no want section; run go test -update")
			}
			if want := string(ar.Files[wantIdx].Data); got.String() != want {
				t.Errorf("diagnostics differ\n--- got\n%s--- want\n%s", got.String(), want)
			}
		})
	}
}

type archiveOpts struct {
	today      model.Date
	lang       model.Lang
	actor      string
	committers []string
	approvers  []string
}

func archiveOptions(t *testing.T, comment []byte) archiveOpts {
	opts := archiveOpts{today: model.Date{Year: 2026, Month: 11, Day: 21}, lang: model.English}
	for _, line := range strings.Split(string(comment), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "today":
			d, err := model.ParseDate(v)
			if err != nil {
				t.Fatal(err)
			}
			opts.today = d
		case "lang":
			opts.lang = model.Lang(v)
		case "actor":
			opts.actor = v
		case "approvers":
			opts.approvers = strings.Split(v, ",")
		case "committers":
			opts.committers = strings.Split(v, ",")
		}
	}
	return opts
}

func runArchive(ar *txtar.Archive, defaultConfig []byte, opts archiveOpts) *Result {
	trees := map[string]*snapshot.Snapshot{"": {}, "base/": {}, "head/": {}}
	change := false
	for _, f := range ar.Files {
		if f.Name == "want" {
			continue
		}
		prefix := ""
		for _, p := range []string{"base/", "head/"} {
			if strings.HasPrefix(f.Name, p) {
				prefix, change = p, true
			}
		}
		s := trees[prefix]
		name := strings.TrimPrefix(f.Name, prefix)
		file := snapshot.File{Path: name, Data: f.Data, Size: int64(len(f.Data))}
		if name == snapshot.ConfigFile {
			s.Config = &file
		} else {
			s.Ideas = append(s.Ideas, file)
		}
	}
	for _, s := range trees {
		if s.Config == nil {
			s.Config = &snapshot.File{Path: snapshot.ConfigFile, Data: defaultConfig, Size: int64(len(defaultConfig))}
		}
		s.Sort()
	}
	if !change {
		return Lint(trees[""], opts.today)
	}
	return CheckChange(Change{Base: trees["base/"], Head: trees["head/"], Actor: opts.actor, Committers: opts.committers, Approvers: opts.approvers, Today: opts.today})
}
