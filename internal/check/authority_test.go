package check

import (
	"os"
	"testing"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/snapshot"
)

// A base whose idebank.yaml is a link gives nobody a role: the link is
// never followed, so nothing can be authorised from it, and the head's
// configuration does not stand in for it.
func TestBaseConfigLinkGrantsNothing(t *testing.T) {
	cfg, err := os.ReadFile("testdata/idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := &snapshot.Snapshot{Config: &snapshot.File{Path: snapshot.ConfigFile, Symlink: true}}
	head := &snapshot.Snapshot{Config: &snapshot.File{Path: snapshot.ConfigFile, Data: cfg, Size: int64(len(cfg))}}
	res := CheckChange(Change{Base: base, Head: head, Actor: "led", Today: ruleToday})
	var got []string
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			got = append(got, string(d.Rule)+" "+d.Msg.Key)
		}
	}
	if len(got) != 1 || got[0] != "config-change change.config-nobody" {
		t.Errorf("errors %v, want one config-change that nobody can approve", got)
	}
	// The head's link is refused outright: no configuration to check with.
	res = CheckChange(Change{Base: head, Head: base, Actor: "led", Today: ruleToday})
	if res.Config != nil || len(res.Diags) == 0 || res.Diags[0].Msg.Key != "config.symlink" {
		t.Errorf("head link: config %v, diags %v", res.Config, res.Diags)
	}
}
