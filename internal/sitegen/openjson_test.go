package sitegen

import (
	"bytes"
	"encoding/json"
	"testing"

	theme "github.com/idebanken/idebanken/site"
)

// TestOpenDataAsEncodingJSON: appendJSON writes each record of ideas.json
// as encoding/json's Encoder does, for the shipped bank's ideas with the
// test fixtures (hostile text among them), the example bank's sections of
// its own and a generated corpus; and jsonString every kind of string.
func TestOpenDataAsEncodingJSON(t *testing.T) {
	banks := banks(t)
	banks["generated"] = corpusResult(t, 600)
	for name, res := range banks {
		s, err := prepare(Options{Config: res.Config, Ideas: res.Ideas, Theme: theme.FS, Out: NewMemory(), BaseURL: "https://kommunen.example/idebanken/"})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.ideas) == 0 {
			t.Fatalf("%s: no records", name)
		}
		for _, v := range s.ideas {
			o := s.openRecord(v)
			var want bytes.Buffer
			if err := json.NewEncoder(&want).Encode(&o); err != nil {
				t.Fatal(err)
			}
			got, err := o.appendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(append(got, '\n'), want.Bytes()) {
				t.Errorf("%s, %s:\n%s\nencoding/json:\n%s", name, o.ID, got, want.Bytes())
			}
		}
	}
	for _, s := range []string{"", "plain", `"quoted" \ back`, "<script>&amp;</script>", "\x00\x01\b\f\n\r\t\x1f\x7f", "åäö €", "\u2028\u2029", "bad \xff\xfe utf-8", "\xe2\x80"} {
		want, _ := json.Marshal(s)
		if got := jsonString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: %s, encoding/json %s", s, got, want)
		}
	}
}
