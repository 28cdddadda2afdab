package actions

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/cli"
)

// fakeGH is a gh that answers the three API calls of pull-request.sh from
// the environment, as GitHub's REST API would, applying --jq as gh does.
const fakeGH = `#!/usr/bin/env bash
set -euo pipefail
path="" jq=""
while [ $# -gt 0 ]; do
	case "$1" in
	api|--paginate) ;;
	--jq) jq="$2"; shift ;;
	*) path="$1" ;;
	esac
	shift
done
case "$path" in
"repos/o/r/pulls/7") body="{\"head\": {\"sha\": \"$FAKE_HEAD\"}, \"user\": {\"login\": \"eva\"}, \"commits\": 2}" ;;
"repos/o/r/pulls/7/commits?per_page=100") body='[{"author": {"login": "eva"}}, {"author": null}]' ;;
"repos/o/r/pulls/7/reviews") body="[{\"user\": {\"login\": \"amb\"}, \"state\": \"APPROVED\", \"commit_id\": \"$FAKE_HEAD\", \"submitted_at\": \"2026-03-10T09:00:00Z\"},
	{\"user\": {\"login\": \"inno\"}, \"state\": \"APPROVED\", \"commit_id\": \"0000000000000000000000000000000000000000\", \"submitted_at\": \"2026-03-10T09:00:00Z\"}]" ;;
"repos/o/r/pulls?state=open&per_page=100") body="[{\"number\": 7, \"head\": {\"sha\": \"$FAKE_HEAD\"}}]" ;;
*) echo "fake gh: no answer for $path" >&2; exit 1 ;;
esac
if [ -n "$jq" ]; then jq -r "$jq" <<<"$body"; else echo "$body"; fi
`

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.org",
		"GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

const scriptConfig = `title: T
units:
  - {id: skola, name: Skolförvaltningen}
people:
  - {login: amb, name: Anna Ambassadör, roles: [ambassador]}
`

const scriptIdea = `---
id: 2026-001
title: Bättre schema
kind: improvement
stage: %s
submitted: 2026-03-02
submitter: {name: Eva Exempel, github: eva}
unit: skola
%s---
Text.
`

const scriptScreening = `screening:
  date: 2026-03-10
  by: amb
  criteria:
    mission: {met: true}
    reach: {met: true}
    benefit: {met: true}
    value: {short: 3, long: 4}
  outcome: develop
  feedback: Bra idé.
`

// pull-request.sh, run as check.yml runs it in a real repository: the pull
// request's commits are fetched into the object store and merged as a tree,
// the working tree stays the base's, and what it writes to GITHUB_OUTPUT
// lets the base's idebank check judge the change.
func TestPullRequestScript(t *testing.T) {
	for _, tool := range []string{"bash", "git", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	script, err := filepath.Abs(filepath.Join(root, ".github", "scripts", "pull-request.sh"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	origin := filepath.Join(tmp, "origin")
	idea := filepath.Join("ideas", "2026", "2026-001-battre-schema.md")
	write := func(dir, name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(origin, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, origin, "init", "-q", "-b", "main")
	write(origin, "idebank.yaml", scriptConfig)
	submitted := strings.Replace(strings.Replace(scriptIdea, "%s", "submitted", 1), "%s", "", 1)
	write(origin, idea, submitted)
	git(t, origin, "add", "-A")
	git(t, origin, "commit", "-q", "-m", "base")
	git(t, origin, "checkout", "-q", "-b", "pr")
	developing := strings.Replace(strings.Replace(scriptIdea, "%s", "developing", 1), "%s", scriptScreening, 1)
	write(origin, idea, developing)
	git(t, origin, "commit", "-q", "-am", "screening")
	head := git(t, origin, "rev-parse", "HEAD")
	git(t, origin, "update-ref", "refs/pull/7/head", head)
	git(t, origin, "checkout", "-q", "main")
	// main moves on after the pull request branched: the merge has both.
	write(origin, "ideas/2026/2026-002-annat.md", strings.Replace(submitted, "2026-001", "2026-002", 1))
	git(t, origin, "add", "-A")
	git(t, origin, "commit", "-q", "-m", "another idea")

	work := filepath.Join(tmp, "work")
	git(t, tmp, "clone", "-q", origin, work)
	base := git(t, work, "rev-parse", "HEAD")

	bin := filepath.Join(tmp, "bin")
	write(bin, "gh", fakeGH)
	if err := os.Chmod(filepath.Join(bin, "gh"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, pr, runHead string }{
		{"pull_request_target", "7", ""},
		{"workflow_run after a review", "", head},
	} {
		t.Run(c.name, func(t *testing.T) {
			output := filepath.Join(tmp, "output-"+strings.ReplaceAll(c.name, " ", "-"))
			cmd := exec.Command("bash", script)
			cmd.Dir = work
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
				"GH_TOKEN=secret-token", "REPO=o/r", "PR="+c.pr, "RUN_HEAD_SHA="+c.runHead, "FAKE_HEAD="+head,
				"GITHUB_OUTPUT="+output, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("pull-request.sh: %v\n%s", err, out)
			} else if bytes.Contains(out, []byte("secret-token")) {
				t.Errorf("the script printed the token:\n%s", out)
			}
			data, err := os.ReadFile(output)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				k, v, _ := strings.Cut(line, "=")
				got[k] = v
			}
			for k, want := range map[string]string{"pr": "7", "head": head, "base": base, "actor": "eva",
				"committers": "eva,", "approvers": "amb"} {
				if got[k] != want {
					t.Errorf("%s=%q, want %q", k, got[k], want)
				}
			}
			merge := got["merge"]
			if parents := git(t, work, "rev-list", "--parents", "-n", "1", merge); parents != merge+" "+base+" "+head {
				t.Errorf("merge's parents: %s, want base and head", parents)
			}
			if git(t, work, "show", merge+":"+filepath.ToSlash(idea)) != strings.TrimSpace(developing) {
				t.Error("the merge does not hold the pull request's file")
			}
			git(t, work, "cat-file", "-e", merge+":ideas/2026/2026-002-annat.md")
			// The working tree is still the base's: nothing was checked out.
			if now, _ := os.ReadFile(filepath.Join(work, idea)); string(now) != submitted {
				t.Error("the working tree holds the pull request's file")
			}
			if st := git(t, work, "status", "--porcelain"); st != "" {
				t.Errorf("the working tree changed:\n%s", st)
			}

			// The base's check on the change, with what the script found:
			// the unidentified second author holds no role, and amb's
			// approval of the head carries the step.
			check := func(args ...string) (int, string) {
				var out, errOut bytes.Buffer
				env := cli.Env{Stdout: &out, Stderr: &errOut, Dir: work,
					Now: func() time.Time { return time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC) }}
				code := cli.Main(append([]string{"check", "--base", got["base"], "--head", merge, "--actor", got["actor"],
					"--committers", got["committers"]}, args...), env)
				return code, out.String() + errOut.String()
			}
			if code, out := check("--approvers", got["approvers"]); code != 0 {
				t.Errorf("approved by amb: exit %d\n%s", code, out)
			}
			if code, out := check("--approvers", ""); code != 1 || !strings.Contains(out, "[permission]") {
				t.Errorf("not approved: exit %d, want 1 with a permission error\n%s", code, out)
			}
		})
	}
}
