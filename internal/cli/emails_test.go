package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/personal"
)

// plantedAddresses are e-mail addresses in the forms people and editors
// write them, each with a local part found nowhere else, so that a trace
// of any of them in an output is found.
var plantedAddresses = map[string]string{
	"title":      "gustav.titel@göteborg.se",
	"feedback":   "anna.feedback@kommun.se",
	"summary":    "bo.summary&#64;kommun.se",
	"motivation": "cia.motivation&commat;kommun.se",
	"channel":    "dan.kanal@kommun.se",
	"effects":    "eva.effekt@xn--gteborg-90a.se",
	"reported":   "fia.rapport@kommun.se",
	"lessons":    "gun.lardom\\@kommun.se",
	"tag":        "hans.tagg@kommun.se",
	"body":       "ida.text@göteborg.se",
	"link":       "mailto:jan.lank%40kommun.se",
	"encoded":    "https://example.org/?to=kim.kodad%40g%C3%B6teborg.se",
	"nfd":        "lis.nfd@go\u0308teborg.se",
}

// TestEmailsMaskedEverywhere plants addresses in every text of an
// evaluated idea, builds the site, writes each report format, and finds
// none of them in any file: pages, feeds, ideas.json, the search index
// and the reports, CSV titles included.
func TestEmailsMaskedEverywhere(t *testing.T) {
	cfg, err := os.ReadFile("../../idebank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../ideas/2025/2025-003-gemensam-digital-schemalaggning-i-hemtjansten.md")
	if err != nil {
		t.Fatal(err)
	}
	p := plantedAddresses
	idea := string(src)
	for _, r := range [][2]string{
		{"title: Gemensam digital schemaläggning i hemtjänsten", "title: Schema från " + p["title"]},
		{"tags: [hemtjänst, schema, digitalisering]", "tags: [hemtjanst, " + p["tag"] + "]"},
		{"discussion: https://github.com/exempelkommunen/idebanken/issues/8", "discussion: \"https://github.com/exempelkommunen/idebanken/issues/8?from=" + strings.Replace(p["tag"], "@", "%40", 1) + "\""},
		{"feedback: \"Tack för förslaget!", "feedback: \"Tack, " + p["feedback"] + "!"},
		{"summary: \"Använd", "summary: \"Skriv till " + p["summary"] + ". Använd"},
		{"motivation: \"Förslaget", "motivation: \"" + p["motivation"] + " Förslaget"},
		{"channel: \"intranätet och arbetsplatsträffar\"", "channel: \"intranätet och " + p["channel"] + "\""},
		{"effects: \"Antalet", "effects: \"" + p["effects"] + " Antalet"},
		{"lessons: \"Gemensamma", "lessons: \"" + strings.ReplaceAll(p["lessons"], `\`, `\\`) + " Gemensamma"}, // escaped for YAML
		{"reported_to: {body: servicenämnden,", "reported_to: {body: \"servicenämnden, " + p["reported"] + "\","},
		{"## Förslag\n", "## Förslag\n\nSkriv till " + p["body"] + ", [mejla](" + p["link"] + "), se [sidan](" + p["encoded"] + ") eller " + p["nfd"] + ".\n"},
	} {
		idea = plantOnce(t, idea, r)
	}
	dir := plantedBank(t, cfg, idea)

	out := filepath.Join(t.TempDir(), "site")
	if code, stdout, stderr := runMain(t, dir, "build", "--out", out); code == ExitCannot {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	outputs := map[string]string{}
	err = filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(out, path)
		outputs[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"md", "html", "csv", "json"} {
		for _, period := range []string{"2025", "2026"} {
			code, stdout, stderr := runMain(t, dir, "report", "--period", period, "--format", format)
			if code != ExitOK {
				t.Fatalf("report %s %s: exit %d\n%s", period, format, code, stderr)
			}
			outputs["report "+period+"."+format] = stdout
		}
	}
	// search.json holds the idea's words alone (its id is in lists.json):
	// the planted tag beside the one with the address, and "skriv" of the
	// body, which the planted address follows.
	holds := map[string][]string{"search.json": {"hemtjanst", "skriv till"}}
	for _, name := range []string{"idea/2025-003/index.html", "ideas.json", "lists.json", "feed.xml", "feed-implemented.xml", "report 2026.csv"} {
		holds[name] = []string{"2025-003"}
	}
	for name, want := range holds {
		for _, w := range want {
			if !strings.Contains(outputs[name], w) {
				t.Errorf("%s does not hold %q of the idea: the test would pass on an empty output", name, w)
			}
		}
	}
	for name, data := range outputs {
		if personal.HasEmail(data) {
			t.Errorf("%s holds an e-mail address", name)
		}
		for field, addr := range p {
			local := addr[:strings.IndexAny(addr, "@&\\%")]
			local = local[strings.LastIndexAny(local, ":=")+1:]
			if strings.Contains(data, local) {
				t.Errorf("%s holds the address planted in %s (%s)", name, field, local)
			}
		}
	}
	if !strings.Contains(outputs["idea/2025-003/index.html"], personal.Masked) {
		t.Error("the idea's page shows no masked address")
	}
}

// plantOnce replaces r[0] in idea by r[1] once, and fails when the idea has
// no r[0]: a text planted nowhere would make the search for it pass.
func plantOnce(t *testing.T, idea string, r [2]string) string {
	t.Helper()
	if !strings.Contains(idea, r[0]) {
		t.Fatalf("the idea has no %q", r[0])
	}
	return strings.Replace(idea, r[0], r[1], 1)
}

// plantedBank lays out a bank of cfg and the one planted idea, made from
// the shipped 2025-003, whose related idea it does not have.
func plantedBank(t *testing.T, cfg []byte, idea string) string {
	t.Helper()
	idea = strings.Replace(idea, "related: [2026-002]\n", "", 1)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "idebank.yaml"), string(cfg))
	write(t, filepath.Join(dir, "ideas/2025/2025-003-schema.md"), idea)
	return dir
}
