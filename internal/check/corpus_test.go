package check

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
)

// corpusCase is one line of testdata/personal-data.txt.
type corpusCase struct {
	line       int // in the corpus
	kind, text string
	why        string
}

var escape = regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`)

func readCorpus(t *testing.T) []corpusCase {
	t.Helper()
	f, err := os.Open("testdata/personal-data.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, " | ")
		if len(parts) != 3 {
			t.Fatalf("personal-data.txt:%d: want kind | text | why", n)
		}
		text := escape.ReplaceAllStringFunc(parts[1], func(m string) string {
			r, _ := strconv.ParseUint(m[2:], 16, 32)
			return string(rune(r))
		})
		out = append(out, corpusCase{n, parts[0], text, parts[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPersonalDataCorpus holds the check to the corpus: each case is a
// line of an idea's body, and also its title, and each refused case must
// be reported on its line, each ordinary one not at all.
func TestPersonalDataCorpus(t *testing.T) {
	cases := readCorpus(t)
	kinds := map[string]int{}
	var body strings.Builder
	for _, c := range cases {
		kinds[c.kind]++
		body.WriteString(c.text + "\n")
	}
	for _, k := range []string{"pnr", "phone", "email", "ok"} {
		if kinds[k] < 5 {
			t.Fatalf("the corpus has %d cases of %s", kinds[k], k)
		}
	}
	idea := strings.Replace(validIdea, "Text.\n", body.String(), 1)
	bodyLine := strings.Count(validIdea[:strings.Index(validIdea, "Text.\n")], "\n") + 1
	res := Lint(snap(matrixConfig(t), map[string]string{"ideas/2026/2026-001-x.md": idea}), ruleToday)
	got := map[int][]string{} // line of the idea → message keys
	for _, d := range res.Diags {
		if d.Rule == diag.RulePersonalData {
			got[d.Pos.Line] = append(got[d.Pos.Line], d.Msg.Key)
		} else {
			t.Errorf("another diagnostic: %s", d.Text("en"))
		}
	}
	want := map[string]string{"pnr": "lint.pnr-body", "phone": "lint.phone-body", "email": "lint.email-body"}
	for i, c := range cases {
		keys := got[bodyLine+i]
		name := fmt.Sprintf("personal-data.txt:%d (%s, %s)", c.line, c.why, strings.ToValidUTF8(c.text, "?"))
		switch {
		case c.kind == "ok" && len(keys) > 0:
			t.Errorf("%s: refused as %v", name, keys)
		case c.kind != "ok" && (len(keys) != 1 || keys[0] != want[c.kind]):
			t.Errorf("%s: got %v, want %s", name, keys, want[c.kind])
		}
	}

	// In a field, the same: each case as the title of an idea of its own.
	for _, c := range cases {
		if c.kind == "email" {
			continue // a title with an address is a warning, tested above in the body
		}
		doc := strings.Replace(validIdea, "title: X", "title: '"+strings.ReplaceAll(c.text, "'", "''")+"'", 1)
		res := Lint(snap(matrixConfig(t), map[string]string{"ideas/2026/2026-001-x.md": doc}), ruleToday)
		refused := false
		for _, d := range res.Diags {
			if d.Rule == diag.RulePersonalData && d.Severity == diag.Error && d.Pos.Line == 3 && d.Msg.Key == "lint."+c.kind {
				refused = true
			}
		}
		if refused != (c.kind != "ok") {
			t.Errorf("personal-data.txt:%d (%s) as the title: refused %v, want %v\n%s", c.line, c.why, refused, c.kind != "ok", render(res.Diags))
		}
	}
}
