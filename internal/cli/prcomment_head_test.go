package cli

import (
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
			c := struct{ Body string }{prCommentBody(t, dir, prRun{opener: "eva", reviews: tt.reviews,
				args: []string{"--base", base.String(), "--head", head.String(), "--committers", tt.committers}})}
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
