package browser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vnuJar is the Nu Html Checker as npm's vnu-jar installs it (npm ci
// --prefix tools).
const vnuJar = "tools/node_modules/vnu-jar/build/dist/vnu.jar"

// vnuMessage is one message of the checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`
	SubType   string `json:"subType"`
	URL       string `json:"url"`
	FirstLine int    `json:"firstLine"`
	LastLine  int    `json:"lastLine"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// TestValidHTML runs the Nu Html Checker, the W3C's validator, over every
// page of the site: each must be valid HTML, with no error. Like the
// browser tests, it is skipped where Java or the checker is missing, and
// fails under CI, where both must be there.
func TestValidHTML(t *testing.T) {
	t.Parallel()
	env.once.Do(setup)
	if env.broken != "" {
		t.Fatal(env.broken)
	}
	pages, errs := checkHTML(t, env.dir)
	if pages < 20 {
		t.Fatalf("only %d pages to check", pages)
	}
	if len(errs) > 0 {
		t.Errorf("the Nu Html Checker found %d errors in %d pages:\n%s", len(errs), pages, strings.Join(errs[:min(len(errs), 40)], "\n"))
	}
	t.Logf("the Nu Html Checker checked %d pages: %d errors", pages, len(errs))
}

// checkHTML runs the Nu Html Checker over the pages in dir and returns how
// many there are and its errors. It skips the test where the checker is
// not installed, but fails it under CI, where it must be.
func checkHTML(t *testing.T, dir string) (pages int, errs []string) {
	t.Helper()
	jar := filepath.Join(env.repo, filepath.FromSlash(vnuJar))
	if env.repo == "" {
		repo, err := repoRoot()
		if err != nil {
			t.Fatal(err)
		}
		jar = filepath.Join(repo, filepath.FromSlash(vnuJar))
	}
	java, err := exec.LookPath("java")
	missing := ""
	switch {
	case err != nil:
		missing = "java is not installed (apt-get install default-jre-headless)"
	case !fileExists(jar):
		missing = "the Nu Html Checker is not installed (npm ci --prefix tools)"
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(missing)
		}
		t.Skip(missing)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, "-Xss16m", "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exit 1 when there are errors: the JSON says which
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &out); err != nil {
		t.Fatalf("the checker's output (%v): %v\n%s", runErr, err, stderr.String())
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	for _, m := range out.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			file := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), dir+"/")
			errs = append(errs, fmt.Sprintf("%s:%d: %s\n    %s", file, m.LastLine, m.Message, strings.ReplaceAll(m.Extract, "\n", "↵")))
		}
	}
	return pages, errs
}
