package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/issueform"
)

// TestCommittedIssueFormsUpToDate fails when the forms committed in
// .github/ISSUE_TEMPLATE differ from what idebank gen github makes from the
// repository's own idebank.yaml and templates/: run the command and commit
// what it writes.
func TestCommittedIssueFormsUpToDate(t *testing.T) {
	var out, errs bytes.Buffer
	code := runGen(&GenOptions{Stdout: &out, Stderr: &errs, Dir: "../..", Check: true}, "sv")
	if code != ExitOK {
		t.Fatalf("the committed issue forms are not what `go run ./cmd/idebank gen github` makes (exit %d):\n%s%s", code, out.String(), errs.String())
	}
}

func runMain(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = Main(args, Env{Stdout: &out, Stderr: &errs, Dir: dir, Getenv: func(k string) string {
		if k == "IDEBANK_LANG" {
			return "en"
		}
		return ""
	}})
	return code, out.String(), errs.String()
}

// bankWithTemplates makes an idea bank with the repository's templates.
func bankWithTemplates(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "idebank.yaml"), config)
	for _, k := range []string{"improvement", "incident", "deviation", "problem"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "templates", k+".md"))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "templates", k+".md"), string(data))
	}
	return dir
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

const genConfig = `language: en
base_url: https://example.org/ideas/
units:
  - {id: skola, name: Skolförvaltningen}
people:
  - {login: amb, name: Anna, roles: [ambassador]}
`

func TestGen(t *testing.T) {
	dir := bankWithTemplates(t, genConfig)
	forms := filepath.Join(dir, filepath.FromSlash(issueform.Dir))
	write(t, filepath.Join(forms, "custom.yml"), "name: A form made by hand\n")
	write(t, filepath.Join(forms, "0-old.yml"), issueform.Header+"\nname: old\n")

	code, stdout, stderr := runMain(t, dir, "gen", "github", "--check")
	if code != ExitProblems || !strings.Contains(stdout, "missing: .github/ISSUE_TEMPLATE/1-improvement.yml") ||
		!strings.Contains(stdout, "to be removed: .github/ISSUE_TEMPLATE/0-old.yml") || !strings.Contains(stderr, "not up to date") {
		t.Fatalf("--check before: %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(forms, "1-improvement.yml")); err == nil {
		t.Fatal("--check wrote a file")
	}

	code, stdout, stderr = runMain(t, dir, "gen", "github")
	if code != ExitOK || !strings.Contains(stdout, "wrote .github/ISSUE_TEMPLATE/config.yml") || !strings.Contains(stdout, "removed .github/ISSUE_TEMPLATE/0-old.yml") {
		t.Fatalf("gen: %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(forms, "0-old.yml")); err == nil {
		t.Error("a stale generated form was kept")
	}
	if data, err := os.ReadFile(filepath.Join(forms, "custom.yml")); err != nil || string(data) != "name: A form made by hand\n" {
		t.Errorf("a form made by hand was touched: %q, %v", data, err)
	}
	form, err := os.ReadFile(filepath.Join(forms, "1-improvement.yml"))
	if err != nil || !strings.Contains(string(form), "Skolförvaltningen") || !strings.Contains(string(form), "label: Unit") {
		t.Fatalf("the form: %v\n%s", err, form)
	}

	// A second run writes nothing and says the forms are up to date.
	code, stdout, stderr = runMain(t, dir, "gen", "github")
	if code != ExitOK || stdout != "" || !strings.Contains(stderr, "up to date (5 files)") {
		t.Errorf("second run: %d %q %q", code, stdout, stderr)
	}
	code, _, _ = runMain(t, dir, "gen", "github", "--check")
	if code != ExitOK {
		t.Errorf("--check after gen: %d", code)
	}

	// A new unit changes every form, not config.yml.
	write(t, filepath.Join(dir, "idebank.yaml"), strings.Replace(genConfig, "units:\n", "units:\n  - {id: vard, name: Vårdförvaltningen}\n", 1))
	code, stdout, _ = runMain(t, dir, "gen", "github", "--check", "-C", filepath.Join(dir, "templates"))
	if code != ExitProblems || strings.Count(stdout, "differs: ") != 4 || strings.Contains(stdout, "config.yml") {
		t.Errorf("--check after a new unit: %d\n%s", code, stdout)
	}
}

func TestGenCannot(t *testing.T) {
	dir := bankWithTemplates(t, genConfig)
	os.Remove(filepath.Join(dir, "templates", "problem.md"))
	code, _, stderr := runMain(t, dir, "gen", "github")
	if code != ExitCannot || !strings.Contains(stderr, "the template templates/problem.md is missing") {
		t.Errorf("missing template: %d %q", code, stderr)
	}

	dir = bankWithTemplates(t, "units:\n  - {id: Skola, name: Skolan}\npeople: []\n")
	code, _, stderr = runMain(t, dir, "gen", "github")
	if code != ExitCannot || !strings.Contains(stderr, "idebank.yaml:2") || !strings.Contains(stderr, "idebank gen: idebank.yaml har fel") {
		t.Errorf("bad configuration: %d %q", code, stderr)
	}

	code, _, stderr = runMain(t, t.TempDir(), "gen", "github")
	if code != ExitCannot || !strings.Contains(stderr, "idebank.yaml") {
		t.Errorf("no configuration: %d %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, ".github")); err == nil {
		t.Error("a failed run wrote files")
	}
}

func TestGenUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"gen"}, ExitCannot, "say what to generate"},
		{[]string{"gen", "--check"}, ExitCannot, "say what to generate"},
		{[]string{"gen", "gitlab"}, ExitCannot, `cannot generate "gitlab"`},
		{[]string{"gen", "github", "extra"}, ExitCannot, "unexpected arguments: extra"},
		{[]string{"gen", "github", "--bogus"}, ExitCannot, "unknown flag"},
	} {
		code, stdout, stderr := runMain(t, t.TempDir(), tc.args...)
		if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "Usage: idebank gen github") {
			t.Errorf("%v: %d %q %q", tc.args, code, stdout, stderr)
		}
	}
	code, stdout, _ := runMain(t, t.TempDir(), "gen", "-h")
	if code != ExitOK || !strings.HasPrefix(stdout, "Usage: idebank gen github") {
		t.Errorf("-h: %d %q", code, stdout)
	}
}
