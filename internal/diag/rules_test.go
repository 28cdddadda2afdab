package diag

import (
	"os"
	"regexp"
	"slices"
	"testing"
)

// TestEveryRuleIsDocumented keeps docs/rules.md in step with the rules:
// one "## rule-id" section for each, in the order of Rules, and no other.
func TestEveryRuleIsDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	var documented []Rule
	for _, m := range regexp.MustCompile(`(?m)^## ([a-z0-9-]+)\s*$`).FindAllStringSubmatch(string(data), -1) {
		documented = append(documented, Rule(m[1]))
	}
	for _, r := range Rules {
		if !slices.Contains(documented, r) {
			t.Errorf("docs/rules.md has no section ## %s", r)
		}
	}
	for _, r := range documented {
		if !slices.Contains(Rules, r) {
			t.Errorf("docs/rules.md documents %s, which is no rule", r)
		}
	}
	if len(documented) == len(Rules) && !slices.Equal(documented, Rules) {
		t.Errorf("docs/rules.md is not in the order of Rules:\n got %v\nwant %v", documented, Rules)
	}
}
