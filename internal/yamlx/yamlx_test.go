package yamlx

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/model"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"title", "title", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"submiter", "submitter", 1},   // a letter left out
		{"submittter", "submitter", 1}, // a letter too many
		{"titel", "title", 1},          // two neighbours exchanged
		{"recieve", "receive", 1},
		{"kitten", "sitting", 3},
		{"stage", "stgae", 1},
		{"åäö", "aao", 3}, // letters, not bytes
		{"å", "a", 1},
		{"ca", "abc", 3}, // the restricted edit distance: no edit of an exchanged pair
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := distance(c.b, c.a); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
	long := strings.Repeat("a", 65)
	if distance(long, long) != 0 {
		t.Error("a long key equal to itself has distance 0")
	}
	if distance(long, long+"b") < 1<<10 {
		t.Error("keys over 64 letters are not compared letter by letter")
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"id", "title", "kind", "stage", "submitted", "submitter", "unit", "tags"}
	for _, c := range []struct {
		s, want string
	}{
		{"submiter", "submitter"},
		{"Title", "title"}, // case does not count
		{"TITLE", "title"}, // nor does it for a whole word
		{"titel", "title"}, // exchanged letters
		{"stgae", "stage"},
		{"submited", "submitted"},
		{"unti", "unit"}, // four letters: one edit allowed
		{"ki", ""},       // two edits away from "id" and "kind": too far for a short key
		{"colour", ""},   // nothing close
		{"xyz", ""},
		{"kid", "id"}, // one edit
		{"tagz", "tags"},
	} {
		if got := Suggest(c.s, keys); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	if got := Suggest("x", nil); got != "" {
		t.Errorf("Suggest with no candidates = %q", got)
	}
	// Two equally close candidates: the first in the list wins, so the
	// suggestion is stable.
	if got := Suggest("sv", []string{"sv", "en"}); got != "sv" {
		t.Errorf("exact match: %q", got)
	}
	if got := Suggest("se", []string{"sv", "en"}); got != "sv" {
		t.Errorf("Suggest(se) = %q, want sv", got)
	}
	if got := Suggest("submitte", []string{"submitter", "submitted"}); got != "submitter" {
		t.Errorf("a tie goes to the first candidate: %q", got)
	}
}

func parse(t *testing.T, src string) (*Decoder, *yaml.Node, *diag.List) {
	t.Helper()
	var l diag.List
	d := NewDecoder("f.md", 1, &l)
	root, ok := d.Parse([]byte(src))
	if !ok {
		t.Fatalf("Parse(%q) failed: %v", src, l.Items())
	}
	return d, root, &l
}

func TestDecoderPositionsAndTypes(t *testing.T) {
	src := "a: text\nb: 12\nc: true\nd: 2026-02-30\ne: [x, y]\nf: {g: 1}\na: again\nh: 1\n"
	d, root, l := parse(t, src)
	var got []string
	d.Map(root, "", []string{"a", "b", "c", "d", "e", "f"}, func(k string, v *yaml.Node) {
		switch k {
		case "a":
			got = append(got, d.String(v, k))
		case "b":
			got = append(got, d.String(v, k)) // a number as text is its text
			if d.Int(v, k) != 12 {
				t.Error("b as int")
			}
		case "c":
			d.String(v, k) // true as text: reported
			if !d.Bool(v, k) {
				t.Error("c as bool")
			}
		case "d":
			if !d.Date(v, k).IsZero() {
				t.Error("2026-02-30 is no date")
			}
		case "e":
			got = append(got, strings.Join(d.Strings(v, k), "+"))
			d.Int(v, k) // a list as a number: reported
		case "f":
			d.String(v, k) // a mapping as text: reported
		}
	})
	if strings.Join(got, ",") != "text,12,x+y" {
		t.Errorf("values: %v", got)
	}
	want := []struct {
		line, col int
		rule      diag.Rule
	}{
		{4, 4, diag.RuleFieldType},  // c: true as text
		{5, 4, diag.RuleDate},       // d
		{6, 4, diag.RuleFieldType},  // e as int
		{7, 4, diag.RuleFieldType},  // f as text
		{8, 1, diag.RuleDuplicate},  // a again
		{9, 1, diag.RuleUnknownKey}, // h
	}
	items := l.Items()
	if len(items) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %+v", len(items), len(want), items)
	}
	for i, w := range want {
		it := items[i]
		if it.Pos.Line != w.line || it.Pos.Col != w.col || it.Rule != w.rule {
			t.Errorf("diagnostic %d: %d:%d %s, want %d:%d %s", i, it.Pos.Line, it.Pos.Col, it.Rule, w.line, w.col, w.rule)
		}
	}
	if f := d.Fields["a"]; f.Pos != (diag.Pos{Line: 2, Col: 1}) {
		t.Errorf("a is at %v, want the first a, 2:1 (line 1 of the YAML, after one line of offset)", f.Pos)
	}
}

func TestAliasRefused(t *testing.T) {
	d, root, l := parse(t, "a: &x text\nb: *x\n")
	d.Map(root, "", []string{"a", "b"}, func(k string, v *yaml.Node) {
		if k == "b" {
			t.Error("the callback sees an alias")
		}
	})
	// Both the anchor and the alias are refused, each where it is.
	items := l.Items()
	if len(items) != 2 || items[0].Rule != diag.RuleYAMLAlias || items[0].Pos != (diag.Pos{Line: 2, Col: 4}) ||
		items[1].Rule != diag.RuleYAMLAlias || items[1].Pos != (diag.Pos{Line: 3, Col: 4}) {
		t.Errorf("want yaml-alias at 2:4 (the anchor) and 3:4 (the alias), got %+v", items)
	}
}

func TestBlankFields(t *testing.T) {
	d, root, _ := parse(t, "a:\nb: ''\nc: '  '\nd: ~\ne: x\n")
	d.Map(root, "", []string{"a", "b", "c", "d", "e"}, func(string, *yaml.Node) {})
	for _, k := range []string{"a", "b", "c", "d"} {
		if !d.Fields.Declared(k) || d.Fields.Has(k) {
			t.Errorf("%s: declared %v, has %v; want declared and blank", k, d.Fields.Declared(k), d.Fields.Has(k))
		}
	}
	if !d.Fields.Has("e") {
		t.Error("e has a value")
	}
}

func TestParseSyntaxError(t *testing.T) {
	for _, c := range []struct {
		src  string
		line int
	}{
		{"a: 1\nb: \"x\n", 3}, // unclosed quote: the scanner's line, after the offset
		{"a: 1\n\tb: 2\n", 3}, // a tab
		{"a: b: c\n", 2},      // no line in the message: the first line
	} {
		var l diag.List
		d := NewDecoder("f.md", 1, &l)
		if _, ok := d.Parse([]byte(c.src)); ok {
			t.Errorf("Parse(%q) succeeded", c.src)
			continue
		}
		if l.Len() != 1 || l.Items()[0].Rule != diag.RuleYAMLSyntax || l.Items()[0].Pos.Line != c.line {
			t.Errorf("Parse(%q): want one yaml-syntax error on line %d, got %+v", c.src, c.line, l.Items())
		}
	}
	var l diag.List
	d := NewDecoder("f.md", 0, &l)
	if root, ok := d.Parse(nil); !ok || root != nil || l.Len() != 0 {
		t.Errorf("an empty document is an empty value, not an error: %v %v %v", root, ok, l.Items())
	}
}

func TestEnum(t *testing.T) {
	d, root, l := parse(t, "a: sv\nb: se\nc: xx\n")
	got := map[string]model.Lang{}
	d.Map(root, "", []string{"a", "b", "c"}, func(k string, v *yaml.Node) {
		got[k] = Enum(d, v, k, model.Langs)
	})
	if got["a"] != model.Swedish {
		t.Errorf("a = %q", got["a"])
	}
	items := l.Items()
	if len(items) != 2 || items[0].Msg.Key != "yaml.enum-suggest" || items[1].Msg.Key != "yaml.enum" {
		t.Errorf("want a suggestion for se and a list for xx, got %+v", items)
	}
}

// TestParseLoneCR: YAML would count a lone carriage return as a line break,
// and put every later line number past the lines an editor shows.
func TestParseLoneCR(t *testing.T) {
	for src, want := range map[string]string{
		"a: 1\r\nb: 2\r\n": "",
		"a: 1\rb: 2\n":     "3:5",
		"a: 1\nb: 'ä\r":    "4:6",
	} {
		var ds diag.List
		d := NewDecoder("f.yaml", 2, &ds)
		_, ok := d.Parse([]byte(src))
		got := ""
		for _, it := range ds.Items() {
			got = fmt.Sprintf("%d:%d", it.Pos.Line, it.Pos.Col)
			if it.Rule != diag.RuleEncoding {
				t.Errorf("%q: rule %s", src, it.Rule)
			}
		}
		if got != want || ok != (want == "") {
			t.Errorf("%q: got %q (ok %v), want %q", src, got, ok, want)
		}
	}
}

// TestBoolAndIntAsYAMLReadsThem: the shortcuts of Bool and Int give what
// yaml.v3 gives, for every way of writing a value that it takes.
func TestBoolAndIntAsYAMLReadsThem(t *testing.T) {
	for _, v := range []string{"true", "false", "True", "FALSE", "0", "7", "-7", "010", "0x1F", "0o17", "1_000",
		"+5", "-0", "00", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "3.0", "yes"} {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+v), &root); err != nil {
			t.Fatal(err)
		}
		n := root.Content[0].Content[1]
		var diags diag.List
		d := NewDecoder("x.md", 0, &diags)
		var wantB bool
		errB := n.Decode(&wantB)
		if n.ShortTag() == "!!bool" {
			if got := d.Bool(n, "v"); got != wantB || (diags.Len() > 0) != (errB != nil) {
				t.Errorf("Bool(%s) = %v, %d problems; yaml.v3 %v, %v", v, got, diags.Len(), wantB, errB)
			}
		}
		diags = diag.List{}
		d = NewDecoder("x.md", 0, &diags)
		var wantI int
		errI := n.Decode(&wantI)
		if n.ShortTag() == "!!int" {
			if got := d.Int(n, "v"); got != wantI || (diags.Len() > 0) != (errI != nil) {
				t.Errorf("Int(%s) = %v, %d problems; yaml.v3 %v, %v", v, got, diags.Len(), wantI, errI)
			}
		}
	}
}
