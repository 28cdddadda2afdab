package sitegen

import (
	"bytes"
	"testing"

	theme "github.com/idebanken/idebanken/site"
)

// TestBaseURLNeverScript builds with a base address that runs script, as
// the configuration or --base-url may give it: the check reports it, and
// no feed, ideas.json or page may carry it.
func TestBaseURLNeverScript(t *testing.T) {
	for _, base := range []string{"javascript:alert(1)//", "JavaScript:alert(1)", "data:text/html,x", "//evil.invalid/", "https://eva@kommun.se/"} {
		res := fixture(t)
		cfg := *res.Config
		cfg.BaseURL = base
		m := NewMemory()
		if err := Build(Options{Config: &cfg, Ideas: res.Ideas, Theme: theme.FS, Out: m}); err != nil {
			t.Fatal(err)
		}
		m2 := NewMemory()
		if err := Build(Options{Config: res.Config, BaseURL: base, Ideas: res.Ideas, Theme: theme.FS, Out: m2}); err != nil {
			t.Fatal(err)
		}
		for _, out := range []*Memory{m, m2} {
			for _, name := range out.Names() {
				data, _ := out.File(name)
				if bytes.Contains(bytes.ToLower(data), []byte(string(bytes.ToLower([]byte(base))))) {
					t.Errorf("base %q: %s holds it", base, name)
				}
			}
			if feed, _ := out.File("feed.xml"); !bytes.Contains(feed, []byte("urn:idebanken:")) {
				t.Errorf("base %q: the feed is not built as a site without an address", base)
			}
		}
	}
}
