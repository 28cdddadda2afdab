package edit

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/workflow"
)

var update = flag.Bool("update", false, "rewrite the after, changes and error sections of testdata archives")

// Each archive under testdata is one change of stage. Lines of its comment
// set options:
//
//	to: STAGE        the stage to move to (required)
//	today: DATE      the date of the step (default 2026-11-21)
//	by: LOGIN        the signer of every section (default: none)
//	crlf: true       the file is given with CRLF line endings
//	bom: true        the file is given with a byte-order mark
//
// The "before" file is the idea file; "after" is the file after the change
// (with LF endings and no mark: the test converts), "changes" what the
// change reports, or "error" the error when it cannot be made. Every case
// runs also in CRLF and with a byte-order mark, and must give the same
// result in them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no cases in testdata")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := goldenCase(t, ar)
			before := c.files["before"]
			if before == nil {
				t.Fatal("no before section")
			}
			got := map[string][]byte{}
			res, err := c.run(before)
			if err != nil {
				got["error"] = []byte(err.Error() + "\n")
			} else {
				got["after"] = res.Data
				got["changes"] = formatChanges(res)
				checkSurgical(t, before, res)
			}
			// The same in every form a file comes in.
			for _, v := range []struct {
				name     string
				bom, lf2 bool
			}{{"crlf", false, true}, {"bom", true, false}, {"bom+crlf", true, true}} {
				if c.crlf || c.bom {
					break // the case is about one form already
				}
				in := convert(before, v.bom, v.lf2)
				vres, verr := c.run(in)
				switch {
				case (err == nil) != (verr == nil):
					t.Errorf("%s: error %v, but %v in LF", v.name, verr, err)
				case err == nil && !bytes.Equal(vres.Data, convert(res.Data, v.bom, v.lf2)):
					t.Errorf("%s: the result differs from the LF result converted:\n%s", v.name, vres.Data)
				}
			}
			if *update {
				var files []txtar.File
				files = append(files, txtar.File{Name: "before", Data: c.files["before"]})
				for _, name := range []string{"after", "changes", "error"} {
					if got[name] != nil {
						files = append(files, txtar.File{Name: name, Data: got[name]})
					}
				}
				ar.Files = files
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"after", "changes", "error"} {
				want, ok := c.files[name]
				g, gok := got[name]
				switch {
				case ok != gok:
					t.Errorf("section %s: got %v, want %v; run go test -update\n%s", name, gok, ok, g)
				case !bytes.Equal(g, want):
					t.Errorf("section %s differs\n--- got\n%s--- want\n%s", name, g, want)
				}
			}
		})
	}
}

type golden struct {
	to        model.Stage
	today     model.Date
	by        string
	crlf, bom bool
	files     map[string][]byte // as given, LF
}

func goldenCase(t *testing.T, ar *txtar.Archive) *golden {
	c := &golden{today: model.Date{Year: 2026, Month: 11, Day: 21}, files: map[string][]byte{}}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "to":
			c.to = model.Stage(v)
		case "today":
			d, err := model.ParseDate(v)
			if err != nil {
				t.Fatal(err)
			}
			c.today = d
		case "by":
			c.by = v
		case "crlf":
			c.crlf = v == "true"
		case "bom":
			c.bom = v == "true"
		}
	}
	if c.to == "" {
		t.Fatal("no to: in the comment")
	}
	for _, f := range ar.Files {
		c.files[f.Name] = f.Data
	}
	return c
}

// run applies the case's change to in, converted to the case's form; the
// result comes back in LF without a mark, checked to be in the form given.
func (c *golden) run(in []byte) (*Result, error) {
	in = convert(in, c.bom, c.crlf)
	bom := bytes.HasPrefix(in, []byte("\uFEFF"))
	crlf := bytes.Contains(in, []byte("\r\n"))
	d, err := Open(in)
	if err != nil {
		return nil, err
	}
	from, _ := d.Get("stage")
	tr, ok := workflow.Default.Lookup(model.Stage(from), c.to)
	if !ok {
		return nil, fmt.Errorf("no step %s → %s", from, c.to)
	}
	res, err := Advance(in, tr, Options{Today: c.today, By: func(workflow.Requirement) string { return c.by }})
	if err != nil {
		if !errors.As(err, new(*Error)) {
			return nil, fmt.Errorf("not an *Error: %w", err)
		}
		return nil, err
	}
	if bom != bytes.HasPrefix(res.Data, []byte("\uFEFF")) {
		return nil, fmt.Errorf("the byte-order mark was not kept")
	}
	if crlf && bytes.Count(res.Data, []byte("\n")) != bytes.Count(res.Data, []byte("\r\n")) {
		return nil, fmt.Errorf("a line of the result does not end in CRLF:\n%q", res.Data)
	}
	if c.crlf || c.bom {
		res.Data = bytes.TrimPrefix(bytes.ReplaceAll(res.Data, []byte("\r\n"), []byte("\n")), []byte("\uFEFF"))
	}
	return res, nil
}

// convert gives data a byte-order mark and CRLF line endings.
func convert(data []byte, bom, crlf bool) []byte {
	if crlf {
		data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	}
	if bom {
		data = append([]byte("\uFEFF"), data...)
	}
	return data
}

func formatChanges(res *Result) []byte {
	var b bytes.Buffer
	for _, c := range res.Changes {
		switch c.Kind {
		case Changed:
			fmt.Fprintf(&b, "changed %s: %q → %q\n", c.Path, c.Old, c.New)
		case Added:
			if c.Keys != nil {
				fmt.Fprintf(&b, "added %s (%s)\n", c.Path, strings.Join(c.Keys, ", "))
			} else {
				fmt.Fprintf(&b, "added %s: %q\n", c.Path, c.New)
			}
		case Removed:
			fmt.Fprintf(&b, "removed %s: %q\n", c.Path, c.Old)
		}
	}
	for _, k := range res.Kept {
		fmt.Fprintf(&b, "kept %s\n", k)
	}
	return b.Bytes()
}

// checkSurgical checks that the result parses as an idea file and that the
// lines the change removed are lines of the keys it reports, or lines that
// it added text to: everything else is as it was.
func checkSurgical(t *testing.T, before []byte, res *Result) {
	t.Helper()
	var ds diag.List
	if idea := ideafile.Parse("ideas/2026/2026-001-x.md", res.Data, &ds); idea == nil {
		t.Fatalf("the result does not parse:\n%s", res.Data)
	}
	for _, d := range ds.Items() {
		if d.Rule == diag.RuleYAMLSyntax {
			t.Errorf("the result does not parse: %s", d.Text(model.English))
		}
	}
	// A line may change where it holds a key the change names (a key
	// given the empty value gets it on its own line), or the old value of
	// one (written on the line after its key).
	var keys []string
	for _, c := range res.Changes {
		keys = append(keys, c.Path[strings.LastIndexByte(c.Path, '.')+1:])
		if c.Old != "" {
			keys = append(keys, c.Old)
		}
	}
	// Every value the change does not name reads as it did.
	was, is := flatten(t, before), flatten(t, res.Data)
	named := map[string]bool{}
	for _, c := range res.Changes {
		named[c.Path] = true
	}
	for path, v := range was {
		if !named[path] && is[path] != v {
			t.Errorf("%s was %q, is %q", path, v, is[path])
		}
	}
	removed, added := diffLines(before, res.Data)
	for _, l := range removed {
		ok := false
		for _, k := range keys {
			ok = ok || strings.Contains(l, k)
		}
		for _, a := range added {
			ok = ok || insertedInto(l, a)
		}
		// An empty value on the line after its key.
		ok = ok || map[string]bool{`""`: true, `''`: true, "~": true, "null": true, "!": true, "!!null": true}[strings.TrimSpace(l)]
		if !ok {
			t.Errorf("the line %q changed, but no change reported touches it", l)
		}
	}
}

// flatten returns every scalar of the front matter of data by its dotted
// path, as YAML reads it.
func flatten(t *testing.T, data []byte) map[string]string {
	t.Helper()
	d, err := Open(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	out := map[string]string{}
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(prefix+n.Content[i].Value+".", n.Content[i+1])
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(fmt.Sprintf("%s%d.", prefix, i), c)
			}
		default:
			out[strings.TrimSuffix(prefix, ".")] = n.ShortTag() + " " + n.Value
		}
	}
	walk("", d.root)
	return out
}

// insertedInto reports whether b is a with text inserted, at one place or
// more, as keys added to a flow mapping change the line that holds it:
// nothing of a is lost.
func insertedInto(a, b string) bool {
	if len(b) <= len(a) {
		return false
	}
	i := 0
	for j := 0; j < len(b) && i < len(a); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}

// diffLines returns the lines of a that are not in b and the lines of b
// that are not in a, by a longest common subsequence.
func diffLines(a, b []byte) (removed, added []string) {
	x := strings.SplitAfter(string(a), "\n")
	y := strings.SplitAfter(string(b), "\n")
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case x[i] == y[j]:
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			removed = append(removed, x[i])
			i++
		default:
			added = append(added, y[j])
			j++
		}
	}
	removed = append(removed, x[i:]...)
	added = append(added, y[j:]...)
	return removed, added
}
