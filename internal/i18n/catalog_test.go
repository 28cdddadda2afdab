package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/model"
)

var templateKey = regexp.MustCompile(`"((?:site|report|stage|kind|role|criterion|section|actor)\.[a-z0-9.-]+)"`)

var keyLiteral = regexp.MustCompile(`^(file|yaml|lint|config|process|change|actor|cli|idea|list|site|report|history|notice|hint)\.[a-z0-9.-]+$`)

// dynamic are the key prefixes that code completes at run time, with the
// endings it may add.
var dynamic = map[string][]string{
	"actor.":             append([]string{"anyone", "submitter", "implementer"}, names(model.Roles)...),
	"stage.":             names(model.Stages),
	"kind.":              names(model.Kinds),
	"lang.":              names(model.Langs),
	"role.":              names(model.Roles),
	"criterion.":         {"mission", "reach", "benefit", "value"},
	"notice.step.means.": names(model.Stages),
	"section.":           {"screening", "proposal", "decision", "plan", "implementation", "outcome", "withdrawn"},
}

func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// codeKeys returns every catalogue key that the project's Go code names.
func codeKeys(t *testing.T) map[string]string {
	keys := make(map[string]string)
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// Benchmarks show people nothing; their file names only look like keys.
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "bench" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".html") {
			// A template names keys as {{t "site.home"}} and prefixes as
			// (print "site.stage-desc." .Stage).
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range templateKey.FindAllStringSubmatch(string(data), -1) {
				keys[m[1]] = path
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		// The catalogue names every key; counting it would make every key
		// used. (The literals of this package's own code are few: List's
		// "list.none" and the front matter's name.)
		if filepath.Base(filepath.Dir(path)) == "i18n" && !strings.HasSuffix(path, "i18n.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err == nil && keyLiteral.MatchString(s) {
				keys[s] = fset.Position(lit.Pos()).String()
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func TestEveryKeyInCatalogue(t *testing.T) {
	used := codeKeys(t)
	if len(used) < 50 {
		t.Fatalf("found only %d keys in the code: is the scan broken?", len(used))
	}
	var prefixes []string // literals the code completes: "report.funnel."+step
	for k := range used {
		if strings.HasSuffix(k, ".") {
			prefixes = append(prefixes, k)
		}
	}
	for k, where := range used {
		if strings.HasSuffix(k, ".") {
			continue
		}
		if !Has(k) && !(Has(k+".one") && Has(k+".other")) {
			t.Errorf("%s: key %q is not in the catalogue", where, k)
		}
	}
	for prefix, endings := range dynamic {
		for _, e := range endings {
			if !Has(prefix + e) {
				t.Errorf("key %q is not in the catalogue", prefix+e)
			}
		}
	}
	// Personal-data messages come in a pair: about a field and about a
	// line of the body.
	for k := range used {
		if strings.HasPrefix(k, "lint.") && Has(k+"-body") {
			used[k+"-body"] = "(body variant)"
		}
		if Has(k + ".one") {
			used[k+".one"], used[k+".other"] = "(count)", "(count)"
		}
	}
	for _, k := range Keys() {
		_, ok := used[k]
		for prefix := range dynamic {
			ok = ok || strings.HasPrefix(k, prefix)
		}
		for _, prefix := range prefixes {
			ok = ok || strings.HasPrefix(k, prefix)
		}
		if !ok {
			t.Errorf("catalogue key %q is used nowhere", k)
		}
	}
}

var stray = regexp.MustCompile(`%.?`)

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[vsqdfx%]`)

func TestCatalogueLanguagesAgree(t *testing.T) {
	for _, k := range Keys() {
		text, _ := Lookup(k)
		if strings.TrimSpace(text.SV) == "" || strings.TrimSpace(text.EN) == "" {
			t.Errorf("%s: a language is missing", k)
			continue
		}
		for _, s := range []string{text.SV, text.EN} {
			// A % that starts no verb prints as %!x(MISSING): write %%.
			if m := stray.FindString(verb.ReplaceAllString(s, "")); m != "" {
				t.Errorf("%s: a stray %q; write %%%% for a percent sign", k, m)
			}
		}
		sv, en := verbs(text.SV), verbs(text.EN)
		if strings.Join(sv, " ") != strings.Join(en, " ") {
			t.Errorf("%s: the languages take different arguments: sv %v, en %v", k, sv, en)
		}
	}
}

// verbs returns the verbs of a format, ordered by the argument each takes.
func verbs(format string) []string {
	var out []string
	next := 1
	byArg := map[int]string{}
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[0] == "%%" {
			continue
		}
		arg := next
		if m[1] != "" {
			arg, _ = strconv.Atoi(strings.Trim(m[1], "[]"))
		}
		byArg[arg] = m[0][len(m[0])-1:]
		next = arg + 1
	}
	for i := 1; i <= len(byArg)+1; i++ {
		if v, ok := byArg[i]; ok {
			out = append(out, strconv.Itoa(i)+v)
		}
	}
	return out
}

func TestRender(t *testing.T) {
	m := M("yaml.unknown", "colour", "screening", List{"date", "by"})
	if got, want := Render(model.English, m), `unknown field "colour" in screening. Fields allowed here: date, by`; got != want {
		t.Errorf("English: got %q, want %q", got, want)
	}
	if got := Render(model.Swedish, M("yaml.want-text", "title", Key("yaml.kind.list"))); got != "title ska vara en text, men är en lista" {
		t.Errorf("Swedish with a key argument: got %q", got)
	}
	if got := Render(model.English, M("lint.unit", "x", List{})); !strings.HasSuffix(got, "Units: none") {
		t.Errorf("empty list: got %q", got)
	}
	if got := Render(model.English, M("no.such.key")); got != "no.such.key" {
		t.Errorf("missing key renders as itself, got %q", got)
	}
}
