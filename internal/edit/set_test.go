package edit

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestSet(t *testing.T) {
	for _, c := range []struct {
		name, before, path string
		v                  Value
		after              string // "" for an error
	}{
		{"plain", "a: x # c\n", "a", Text("y").Overwritten(), "a: y # c\n"},
		{"quoted", "a: \"x\\\"y\" # c\n", "a", Text("z").Overwritten(), "a: z # c\n"},
		{"single quoted", "a: 'it''s' # c\n", "a", Text("z").Overwritten(), "a: z # c\n"},
		{"empty", "a:   # c\nb: 1\n", "a", Text("z"), "a: z   # c\nb: 1\n"},
		{"to empty", "a: x # c\n", "a", Null().Overwritten(), "a: # c\n"},
		{"flow empty", "m: {met: , note: \"\"}\n", "m.met", Value{text: "true"}, "m: {met: true, note: \"\"}\n"},
		{"flow last empty", "m: {short: , long: }\n", "m.long", Value{text: "4"}, "m: {short: , long: 4}\n"},
		{"flow to empty", "m: {by: amb, x: 1}\n", "m.by", Null().Overwritten(), "m: {by: , x: 1}\n"},
		{"flow needs quotes", "m: {a: 1}\n", "m.b", Text("x, y"), "m: {a: 1, b: \"x, y\"}\n"},
		{"block plain", "m:\n  a: 1\n", "m.b", Text("x, y"), "m:\n  a: 1\n  b: x, y\n"},
		{"fill keeps", "a: x\n", "a", Text("y"), "a: x\n"},
		{"null word", "a: null\n", "a", Text("y"), "a: y\n"},
		{"into empty flow", "m: {}\n", "m.a", Text("x"), "m: {a: x}\n"},
		{"new mapping under null", "m:\nn: 1\n", "m", Map(P("a", Text("x"))), "m:\n  a: x\nn: 1\n"},
		{"flow mapping under null", "m: {a: , b: 1}\n", "m.a", Flow(P("x", Null())), "m: {a: {x: }, b: 1}\n"},
		{"multi-line plain", "a: one\n  two\n", "a", Text("y").Overwritten(), ""},
		{"anchor", "a: &x one\n", "a", Text("y").Overwritten(), ""},
		{"tag", "a: !!str one\n", "a", Text("y").Overwritten(), ""},
		{"literal", "a: |\n  one\n", "a", Text("y").Overwritten(), ""},
		{"no parent", "a: 1\n", "m.b", Text("y"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Open([]byte("---\n" + c.before + "---\nText.\n"))
			if err != nil {
				t.Fatal(err)
			}
			_, err = d.Set(c.path, c.v)
			got := string(d.Bytes())
			switch {
			case c.after == "" && err == nil:
				t.Errorf("no error; the file:\n%s", got)
			case c.after == "" && !errors.As(err, new(*Error)):
				t.Errorf("error %v is not an *Error", err)
			case c.after == "" && got != "---\n"+c.before+"---\nText.\n":
				t.Errorf("after an error the file changed:\n%s", got)
			case c.after != "" && err != nil:
				t.Errorf("error: %v", err)
			case c.after != "" && got != "---\n"+c.after+"---\nText.\n":
				t.Errorf("got:\n%s\nwant:\n%s", got, c.after)
			}
		})
	}
}

// TestSetHostile writes texts made to break out of YAML into block and flow
// mappings, and reads them back: each comes back exactly, and no other key
// changes.
func TestSetHostile(t *testing.T) {
	hostile := []string{
		"", " ", "enkel", "title: fake\nstage: approved", "--- \nstage: approved\n---", "a, b", "{x}", "[y]",
		"\"quoted\" 'single' `back` \\ backslash", "# not a comment", "x # y", "- item", "? key", "&a *b !c %d @e",
		"yes", "no", "~", "null", "true", "0x1F", "1e3", "2026-03-02", "tab\there", "åäö 😀", "  leading", "trailing  ",
		"ends with colon:", "key: value", "\r\n", "line\rbreak",
	}
	for _, before := range []string{"m:\n  a: 1 # c\n  b: 2\n", "m: {a: 1, b: 2} # c\n", "m:\n  a: 1\n  b:\n"} {
		for _, s := range hostile {
			d, err := Open([]byte("---\n" + before + "z: 3\n---\nText.\n"))
			if err != nil {
				t.Fatal(err)
			}
			for _, path := range []string{"m.b", "m.c"} {
				if _, err := d.Set(path, Text(s).Overwritten()); err != nil {
					t.Fatalf("%q into %q: %v", s, before, err)
				}
			}
			data := d.Bytes()
			fm := string(data[4:strings.Index(string(data), "\n---\n")])
			var got struct {
				M map[string]any
				Z int
			}
			if err := yaml.Unmarshal([]byte(fm), &got); err != nil {
				t.Fatalf("%q into %q does not parse: %v\n%s", s, before, err, data)
			}
			wantB := any(s)
			if strings.HasSuffix(before, "b:\n") && strings.TrimSpace(s) == "" {
				wantB = nil // blank over blank is no change
			}
			if got.M["b"] != wantB || got.M["c"] != s || got.M["a"] != 1 || got.Z != 3 || len(got.M) != 3 {
				t.Errorf("%q into %q came back as %#v\n%s", s, before, got, data)
			}
		}
	}
}
