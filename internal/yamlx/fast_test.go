package yamlx

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/corpus"
)

var long = flag.Bool("long", false, "compare the fast path with yaml.v3 on many more random texts")

// v3 parses src with yaml.v3 as Parse did before the fast path: its root
// node, or an error, also for a panic.
func v3(src []byte) (root *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// diff returns where got and want differ in what a yaml.Node says, but for
// comments, which the fast path leaves out; "" if nowhere.
func diff(got, want *yaml.Node, path string) string {
	if got == nil || want == nil {
		if got != want {
			return fmt.Sprintf("%s: got %v, want %v", path, got, want)
		}
		return ""
	}
	type fields struct {
		Kind          yaml.Kind
		Style         yaml.Style
		Tag, ShortTag string
		Value, Anchor string
		Alias         bool
		Line, Column  int
		Len           int
	}
	f := func(n *yaml.Node) fields {
		return fields{n.Kind, n.Style, n.Tag, n.ShortTag(), n.Value, n.Anchor, n.Alias != nil, n.Line, n.Column, len(n.Content)}
	}
	if g, w := f(got), f(want); g != w {
		return fmt.Sprintf("%s:\n got  %+v\n want %+v", path, g, w)
	}
	for i := range got.Content {
		if d := diff(got.Content[i], want.Content[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// compare checks the fast path against yaml.v3 on src and reports whether
// the fast path took it.
func compare(t *testing.T, name string, src []byte) bool {
	t.Helper()
	return compareIn(t, name, src, nil)
}

// compareIn is compare with the fast path's nodes made in mem.
func compareIn(t *testing.T, name string, src []byte, mem *blocks) bool {
	t.Helper()
	got, ok := parseFast(src, mem)
	if !ok {
		return false
	}
	want, err := v3(src)
	if err != nil {
		t.Errorf("%s: the fast path accepts what yaml.v3 rejects (%v):\n%s", name, err, src)
		return true
	}
	if d := diff(got, want, "root"); d != "" {
		t.Errorf("%s: the fast path's tree differs from yaml.v3's at %s\ninput:\n%s", name, d, src)
	}
	return true
}

// frontMatter returns the text between the first two "---" lines of an
// idea file, as ideafile.Split takes it.
func frontMatter(data []byte) ([]byte, bool) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if !isFence(first) {
		return nil, false
	}
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		if end < 0 {
			end = len(rest) - off
		}
		if isFence(rest[off : off+end]) {
			return rest[:off], true
		}
		off += end + 1
	}
	return nil, false
}

func isFence(line []byte) bool { return string(bytes.TrimRight(line, " \t")) == "---" }

type input struct {
	name string
	src  []byte
	// common is set for the files the fast path exists for: it must take
	// them.
	common bool
}

// repoInputs returns every YAML text in the repository: idea files,
// templates, configurations, workflows, and the files in test archives.
func repoInputs(t testing.TB) []input {
	root := filepath.Join("..", "..")
	var ins []input
	add := func(name string, data []byte, common bool) {
		if fm, ok := frontMatter(data); ok {
			ins = append(ins, input{name + " (front matter)", fm, common})
		}
		ins = append(ins, input{name, data, common && (strings.HasSuffix(name, ".yaml"))})
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			switch rel {
			case ".git", "tools", "site", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(rel)
		if ext != ".md" && ext != ".yaml" && ext != ".yml" && ext != ".txtar" {
			return nil
		}
		if ext == ".md" && !strings.HasPrefix(rel, "ideas/") && !strings.HasPrefix(rel, "templates/") && !strings.Contains(rel, "testdata/") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if ext == ".txtar" {
			for _, f := range txtar.Parse(data).Files {
				add(rel+":"+f.Name, f.Data, false)
			}
			return nil
		}
		common := strings.HasPrefix(rel, "ideas/") || strings.HasPrefix(rel, "templates/") || strings.HasSuffix(rel, "idebank.yaml")
		add(rel, data, common)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ins
}

// tricky are hand-written inputs at the edges of the fast path. Those
// marked true it must take; the others it may take or leave, but what it
// takes must equal yaml.v3's tree.
var tricky = []struct {
	src  string
	take bool
}{
	{"a: b\n", true},
	{"a: b", true},
	{"a:\n", true},
	{"a:", true},
	{"a: \nb: 1\n", true},
	{"a:   # comment\nb:\n", true},
	{"# head\n\na: 1 # trailing\n# between\nb: 2\n# foot\n", true},
	{"  a: 1\n  b: 2\n", true},
	{"a:\n  b:\n    c: d\n  e: f\ng: h\n", true},
	{"a:\n- x\n- y\nb: 1\n", true},
	{"a:\n  - x\n  -\n  - # c\n  - z\n", true},
	{"- a: 1\n  b: 2\n- c: 3\n", true},
	{"- - a\n  - b\n- c\n", true},
	{"-\n  a: 1\n", true},
	{"a: - b\n", false},
	{"a: b: c\n", false},
	{"a: 'it''s'\nb: \"tab\\tnew\\nline \\u00e5\\x41\\U0001F600 \\\"q\\\" \\\\\"\n", true},
	{"a: \"\"\nb: ''\n", true},
	{"a: \"x\n  y\n\n  z\"\n", true},
	{"a: \"x \\\n  y\"\n", true},
	{"a: 'x\n\n\n y  '\n", true},
	{"a: \"x\ny\"\nb: 1\n", true},
	{"a: \"ends\\\n\"\n", true},
	{"\"quoted key\": 1\n'single': 2\n\"x\" : 3\n", true},
	{"a: plain text, with: colons:inside and #hash\n", false},
	{"a: plain text, with colons:inside and C#\n", true},
	{"a: text # a comment\n", true},
	{"a: one\n  two\n\n  three\n   four\nb: x\n", true},
	{"a: one\n  two: x\n", false},
	{"a: one\n  # not a comment in yaml.v3's eyes\n  two\n", false},
	{"a: one\n# comment\n  two\n", false},
	{"- one\n  two\n- three\n", true},
	{"- one # c\n- 'two' # c\n- [3] # c\n- |  # c\n  x\n", true},
	{"- one #c\n- 'two'#c\n", false},
	{"a: {met: true, note: Inom uppdraget.}\n", true},
	{"a: {date: 2023-04-14, by: kom, channel: intranätet}\n", true},
	{"a: [kompetens, idé]\nb: []\nc: {}\nd: [ x , 'y', \"z\" ]\n", true},
	{"a: [a, [b, {c: d}], {}]\n", true},
	{"a: {b: \"x\", c: 'y'}  # c\n", true},
	{"a: [a, b,]\n", false},
	{"a: [a\n, b]\n", false},
	{"a: {b}\n", false},
	{"a: {b:c}\n", false},
	{"a: {url: http://x.se/a?b}\n", false},
	{"a: {url: http://x.se/a}\n", true},
	{"a: [a: b]\n", false},
	{"a: [a b, c]x\n", false},
	{"a: |\n  line one\n    indented\n\n  line three\nb: 1\n", true},
	{"a: |-\n  x\n\n\nb: 1\n", true},
	{"a: |+\n  x\n\n\nb: 1\n", true},
	{"a: |\nb: 1\n", true},
	{"a: |\n", true},
	{"a: |\n  x", true},
	{"a: >\n  folded\n  text\n\n  more\n    kept\n  end\n", true},
	{"a: >-\n\n  x\n   y\n  z\n", true},
	{"a: | # comment\n  x\n", true},
	{"a: |2\n   x\n", false},
	{"a: |\n  x\n # less\n  y\n", false},
	{"a:\n  b: |\n      x\n    y\n", false},
	{"a: |\n    \n  x\n", false}, // yaml.v3: did not find expected key
	{"- |\n  x\n- >\n  y\n", true},
	{"a: true\nb: 4\nc: 4.5\nd: ~\ne: null\nf: 2023-04-14\ng: 2023-02-30\nh: 0x1F\ni: .5\nj: yes\nk: 1_000\n", true},
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"? a\n: b\n", false},
	{"%YAML 1.1\n---\na: 1\n", false},
	{"a: 1\n---\nb: 2\n", false},
	{"a: 1\n...\n", false},
	{"a:\tb\n", false},
	{"a: b\r\n", false},
	{"<<: {a: 1}\n", false},
	{"a: -1\n", false},
	{"a: b\n  c: d\n", false},
	{"a: 1\n b: 2\n", false},
	{"a:\n  - x\n b: 2\n", false},
	{"a: 1\na: 2\n", true},
	{"a: 'unclosed\n", false},
	{"a: \"bad \\q escape\"\n", false},
	{"a: [unclosed\n", false},
	{"x\n", false},
	{"", false},
	{"# only a comment\n", false},
	{"- a\nb: 1\n", false},
	{"a:\n  - b\n  c: 1\n", false},
	{"åäö: Vård- och omsorg\nb: {id: vård, name: Vård- och omsorgsförvaltningen, x: y}\n", true},
	{"a: \"å\\\n ä\"\nb: [ö, {ü: ß}]\n", true},
	{"a: \"\\N\\_\\L\\P\\e\\0\\a\\b\\v\\f\\r\\ \\/\"\n", false},
}

// TestFastPathFiles checks the fast path against yaml.v3 on every YAML
// text in the repository and the generated benchmark corpus, and that it
// takes the common ones: a fast path that took nothing would pass the
// comparison too.
func TestFastPathFiles(t *testing.T) {
	ins := repoInputs(t)
	ins = append(ins, input{"corpus.Config", []byte(corpus.Config), true})
	for _, f := range corpus.Generate(10000, 1) {
		fm, ok := frontMatter(f.Data)
		if !ok {
			t.Fatalf("%s: no front matter", f.Path)
		}
		ins = append(ins, input{f.Path, fm, true})
	}
	taken, common := 0, 0
	for _, in := range ins {
		if in.common {
			common++
		}
		if compare(t, in.name, in.src) {
			taken++
		} else if in.common {
			t.Errorf("%s: the fast path does not take a common file:\n%s", in.name, in.src)
		}
	}
	if common < 10000+20 {
		t.Errorf("only %d common files: the repository's ideas were not found", common)
	}
	t.Logf("the fast path took %d of %d texts (%d common)", taken, len(ins), common)
}

func TestFastPathTricky(t *testing.T) {
	for _, c := range tricky {
		if took := compare(t, fmt.Sprintf("%q", c.src), []byte(c.src)); c.take && !took {
			t.Errorf("the fast path does not take %q", c.src)
		}
	}
}

// TestParseUsesFastPath checks that Parse returns the fast path's nodes for
// a common file and yaml.v3's, with its error, for one the fast path
// leaves.
func TestParseUsesFastPath(t *testing.T) {
	d := NewDecoder("x.md", 1, nil)
	root, ok := d.Parse([]byte("a: [b, c]\n"))
	if !ok || root.Kind != yaml.MappingNode || root.Content[1].Style != yaml.FlowStyle {
		t.Fatalf("Parse = %v, %v", root, ok)
	}
	if root.Content[0].HeadComment != "" {
		t.Error("unexpected comment")
	}
	// An anchor is outside the fast path: yaml.v3 keeps it.
	root, ok = d.Parse([]byte("a: &x b\n"))
	if !ok || root.Content[1].Anchor != "x" {
		t.Fatalf("Parse with an anchor = %v, %v", root, ok)
	}
}

// FuzzFastPath holds the fast path to yaml.v3: whatever it takes, yaml.v3
// must take too and build the same tree of.
func FuzzFastPath(f *testing.F) {
	for _, in := range repoInputs(f) {
		if len(in.src) < 4096 {
			f.Add(in.src)
		}
	}
	for _, c := range tricky {
		f.Add([]byte(c.src))
	}
	for _, fl := range corpus.Generate(30, 7) {
		fm, _ := frontMatter(fl.Data)
		f.Add(fm)
	}
	// Each input is parsed into memory that holds nodes of an earlier
	// parse, as a Decoder's pooled memory does: here, the worst of them.
	f.Fuzz(func(t *testing.T, src []byte) {
		junk := &yaml.Node{Kind: yaml.ScalarNode, Value: "junk"}
		mem := &blocks{nodes: make([]yaml.Node, 1024), ptrs: make([]*yaml.Node, 1024)}
		for i := range mem.nodes {
			mem.nodes[i] = yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Tag: "!!junk", Value: "junk",
				Anchor: "a", Alias: junk, Content: []*yaml.Node{junk, junk}, HeadComment: "#", LineComment: "#",
				FootComment: "#", Line: 99, Column: 99}
			mem.ptrs[i] = junk
		}
		compareIn(t, "fuzz", src, mem)
	})
}

// TestResolve checks the fast path's tags for plain scalars against
// yaml.v3's on the values its shortcuts take and their neighbours.
func TestResolve(t *testing.T) {
	for _, v := range []string{
		"", "~", "null", "Null", "NULL", "nULL", "nul", "true", "True", "TRUE", "tRUE", "false", "no", "No",
		"yes", "y", "on", "Off", "o", "text", "Text", "Tack", "ö", ".5", ".nan", ".inf", "-.inf", "+.inf", "+1", "-1",
		"0", "00", "01", "0123", "089", "7", "42", "123456789012345678", "1234567890123456789",
		"9223372036854775807", "9223372036854775808", "99999999999999999999", "1_000", "1e3", "1.5", "0x1F", "0b101",
		"0o17", "2023-04-14", "2023-4-14", "2023-02-30", "2024-02-29", "2023-02-29", "2023-13-01", "0000-01-01",
		"2023-00-10", "2023-04-00", "2023-04-14T10:00:00Z", "2023-04-14 10:00:00", "2023-048", "2023-0481",
		"2023-04814", "2023-04", "202-04-14", "2023-004", "12-345", "2026-008",
	} {
		n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
		if got, want := resolve(v), n.ShortTag(); got != want {
			t.Errorf("resolve(%q) = %s, yaml.v3 says %s", v, got, want)
		}
	}
}

// randomText returns a random text, mostly of YAML that the fast path
// takes, with now and then a piece that matters to the scanner: these come
// up more often than from a byte-level fuzzer.
func randomText(r *rand.Rand) string {
	pick := func(ss ...string) string { return ss[r.IntN(len(ss))] }
	rare := func() bool { return r.IntN(25) == 0 }
	var word func() string
	word = func() string {
		switch {
		case rare():
			return pick("-", "-1", "?", "&a", "*a", "!t", "<<", "@", "%", "- x", "", "x: y", "a #b", "a\tb", "'", `"`, "[", "{",
				`"\q"`, `"\x4"`, "'a", `"a`, "[a,]", "{a}", "{a:b}", "[a: b]", "[a]x", "|2", "|x")
		case r.IntN(4) == 0:
			return pick(`"`, "'") + pick("", "a", "b c", `\n`, `\"`, `\\`, `\u00e5`, `\x41`, `\t`, "\\\n", "''", " x ",
				"a\n b", "a\n\n b", "é", "#", ": ") + pick(`"`, "'")
		case r.IntN(5) == 0:
			return "[" + word() + pick(", ", ",", " ,") + word() + "]"
		case r.IntN(5) == 0:
			return "{" + word() + pick(": ", " : ") + word() + pick("}", ", b: c}")
		}
		return pick("a", "b c", "Vård", "x:y", "C#", "1", "07", "2023-04-14", "2026-008", "true", "~", "null",
			"http://x", "é ö", "key", "k", "é")
	}
	last := 0 // the indentation of the line before
	indent := func() string {
		switch r.IntN(10) {
		case 0, 1:
			last = 0
		case 2, 3:
			last += 2
		case 4:
			last = r.IntN(7)
		case 5:
			last = max(0, last-2)
		}
		return strings.Repeat(" ", last)
	}
	var b strings.Builder
	for range 1 + r.IntN(8) {
		b.WriteString(indent())
		switch r.IntN(10) {
		case 0:
			b.WriteString("- " + word())
		case 1:
			b.WriteString("- " + word() + ": " + word())
		case 2, 3:
			b.WriteString(word() + ":")
		case 4:
			b.WriteString(word() + ": " + pick("|", "|-", "|+", ">", ">-", "| #c") + "\n")
			for range r.IntN(4) {
				b.WriteString(indent() + pick("text", "", " x", "# c", "a: b", "- y") + "\n")
			}
		case 5:
			b.WriteString(pick("# c", "", "-", word()))
		default:
			b.WriteString(word() + pick(": ", ":  ", " : ") + word())
		}
		if rare() {
			b.WriteString(pick("#c", "\t", "---", "..."))
		}
		b.WriteString(pick("", "", "", " ", " # c"))
		b.WriteString(pick("\n", "\n", "\n", "\n\n", "\n \n"))
	}
	return b.String()
}

// TestFastPathRandom compares the fast path with yaml.v3 on random texts,
// from a fixed seed, and many more of them with -long.
func TestFastPathRandom(t *testing.T) {
	n := 20000
	if *long {
		n = 5000000
	}
	r := rand.New(rand.NewPCG(1, 2))
	taken := 0
	for range n {
		if compare(t, "random", []byte(randomText(r))) {
			taken++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("the fast path took %d of %d", taken, n)
}

// TestReusedBlocks: nodes made in memory an earlier parse used are the
// nodes yaml.v3 makes, with nothing left of the earlier ones.
func TestReusedBlocks(t *testing.T) {
	docs := []string{
		"id: 2026-001\nscreening:\n  criteria:\n    mission: {met: true, note: Inom uppdraget.}\n  outcome: develop\ntags: [a, b, c]\n",
		"id: 2026-002\nscreening: klar\ntags: x\n",
		"- a\n- {b: c}\n- [d, e]\n",
		"title: \"Citat \\\"inne\\\"\"\nbody: |\n  rad ett\n  rad två\n",
	}
	mem := &blocks{}
	for round := 0; round < 2; round++ {
		for i, doc := range docs {
			got, ok := parseFast([]byte(doc), mem)
			if !ok {
				t.Fatalf("doc %d: not taken by the fast path", i)
			}
			want, err := v3([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if d := diff(got, want, "root"); d != "" {
				t.Errorf("round %d, doc %d, in reused memory: differs at %s", round, i, d)
			}
		}
	}
}
