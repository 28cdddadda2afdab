package yamlx

import (
	"testing"
	"unsafe"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/diag"
)

// TestKeptTextsOwnTheirMemory: what a caller keeps of a document, its
// texts, its values of a list and the keys of its mappings, is no slice
// of the parser's copy of the document, which it would keep whole.
func TestKeptTextsOwnTheirMemory(t *testing.T) {
	var diags diag.List
	d := NewDecoder("x.md", 1, &diags)
	src := "title: En titel\nstage: screening\ntags: [a, b]\ncriteria:\n  mission: {met: true}\n"
	root, ok := d.Parse([]byte(src))
	if !ok {
		t.Fatal(diags.Items())
	}
	// The fast path's values are slices of its copy of src, which starts
	// with the first key.
	start := uintptr(unsafe.Pointer(unsafe.StringData(root.Content[0].Value)))
	inDoc := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= start && p < start+uintptr(len(src))
	}
	if !inDoc(root.Content[1].Value) {
		t.Fatal("not parsed by the fast path: its values are no slices of one copy")
	}
	var kept []string
	d.Map(root, "", []string{"title", "stage", "tags", "criteria"}, func(key string, v *yaml.Node) {
		kept = append(kept, key)
		switch key {
		case "title":
			kept = append(kept, d.String(v, key))
		case "stage":
			kept = append(kept, string(Enum(d, v, key, []string{"submitted", "screening"})))
		case "tags":
			kept = append(kept, d.Strings(v, key)...)
		case "criteria":
			d.Map(v, key, []string{"mission"}, func(k string, v *yaml.Node) { kept = append(kept, k) })
		}
	})
	if len(kept) != 9 || len(diags.Items()) != 0 {
		t.Fatalf("read %q, %v", kept, diags.Items())
	}
	for _, s := range kept {
		if inDoc(s) {
			t.Errorf("%q is a slice of the document's text", s)
		}
	}
	d.Release()
}
