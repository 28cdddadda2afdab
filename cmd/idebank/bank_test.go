package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/idebanken/idebanken/internal/i18n"
)

// cmdShippedBank copies the bank this repository ships (idebank.yaml,
// ideas/, templates/) into the script's folder, as a new user starts from
// it: "shippedbank".
func cmdShippedBank(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: shippedbank")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	ts.Check(err)
	data, err := os.ReadFile(filepath.Join(root, "idebank.yaml"))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs("idebank.yaml"), data, 0o644))
	for _, dir := range []string{"ideas", "templates"} {
		ts.Check(os.CopyFS(ts.MkAbs(dir), os.DirFS(filepath.Join(root, dir))))
	}
}

// cmdAppend adds the text of a file to the end of another, as a person
// adds a block to idebank.yaml: "append FILE FROM".
func cmdAppend(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: append FILE FROM")
	}
	add, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_APPEND|os.O_WRONLY, 0)
	ts.Check(err)
	_, err = f.Write(add)
	ts.Check(err)
	ts.Check(f.Close())
}

// rawKey matches a key of the catalogue as text where its words belong:
// one of the catalogue's first words, a dot and more, not part of a file
// name or an address.
var rawKey = func() *regexp.Regexp {
	prefixes := []string{"stage", "role", "criterion", "section", "kind", "actor"}
	for _, k := range i18n.Keys() {
		if p, _, ok := strings.Cut(k, "."); ok && !slices.Contains(prefixes, p) {
			prefixes = append(prefixes, p)
		}
	}
	return regexp.MustCompile(`(?:^|[\s>"'(|,])((?:` + strings.Join(prefixes, "|") + `)\.[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*)(?:[\s<"'),.:;|]|$)`)
}()

var fileName = regexp.MustCompile(`\.(css|js|json|xml|svg|html|txt|png|ico|webmanifest|md|csv|gz)$`)

// cmdNoKeys fails when a file, or any page, data or report file under a
// folder, holds a raw catalogue key where its text belongs: "nokeys PATH...".
// "! nokeys" holds that one does, so that the check is seen to find one.
func cmdNoKeys(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: nokeys PATH...")
	}
	var found []string
	files := 0
	for _, a := range args {
		ts.Check(filepath.WalkDir(ts.MkAbs(a), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !slices.Contains([]string{".html", ".json", ".xml", ".md", ".csv", ".txt", ""}, filepath.Ext(p)) {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			for _, hit := range rawKey.FindAllStringSubmatch(string(data), -1) {
				if !fileName.MatchString(hit[1]) {
					found = append(found, p+": "+hit[1])
				}
			}
			return nil
		}))
	}
	if files == 0 {
		ts.Fatalf("nokeys: no files in %v", args)
	}
	switch {
	case neg && len(found) == 0:
		ts.Fatalf("nokeys: no raw key in %d files", files)
	case !neg && len(found) > 0:
		ts.Fatalf("raw catalogue keys:\n%s", strings.Join(found, "\n"))
	}
}
