package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// The pull-request workflow runs the base's program on the pull request's
// files as git objects, never checked out: pr-comment compares --base with
// --head, whatever the working tree holds, and counts every commit author
// (--committers) as check does.
func TestPRCommentHeadAndCommitters(t *testing.T) {
	dir, base, head := gitRepo(t, map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted},
		map[string]string{"ideas/2026/2026-001-x.md": developing})
	for _, tt := range []struct {
		name, committers, reviews string
		want, not                 []string
	}{
		{"the opener's commits only, approved by an ambassador", "eva", `[{"user": {"login": "amb"}, "state": "APPROVED", "commit_id": "h2"}]`,
			[]string{"går från **Registrerad** till **Vidareutvecklas**", "✅ klart: `amb`"}, nil},
		{"a commit by an ambassador does not stand in for the opener's", "amb,eva", `[]`,
			[]string{"går från **Registrerad** till **Vidareutvecklas**", "⏳"}, []string{"✅"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			gh := newFakeGitHub(t)
			gh.on("GET", "/repos/org/repo/pulls/7", `{"number": 7, "user": {"login": "eva"}, "base": {"ref": "master"}, "head": {"sha": "h2"}}`)
			gh.on("GET", "/repos/org/repo/pulls/7/reviews", tt.reviews)
			gh.on("GET", "/repos/org/repo/issues/7/comments", `[]`)
			gh.on("POST", "/repos/org/repo/issues/7/comments", `{"id": 99}`)
			env, out, errOut := gh.env(dir, `{"pull_request": {"number": 7}}`)
			args := []string{"pr-comment", "--base", base.String(), "--head", head.String(), "--committers", tt.committers}
			if code := Main(args, env); code != ExitOK {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			made := gh.made("POST", "/repos/org/repo/issues/7/comments")
			if len(made) != 1 {
				t.Fatalf("want one comment, got calls %v", gh.calls)
			}
			var c struct{ Body string }
			_ = json.Unmarshal([]byte(made[0].Body), &c)
			for _, w := range tt.want {
				if !strings.Contains(c.Body, w) {
					t.Errorf("the comment lacks %q:\n%s", w, c.Body)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(c.Body, n) {
					t.Errorf("the comment has %q:\n%s", n, c.Body)
				}
			}
		})
	}
}
