package edit

import (
	"strings"
	"testing"
)

func TestDelete(t *testing.T) {
	for _, tt := range []struct{ name, in, path, want string }{
		{"block", "---\nid: 1\nsubmitter:\n  name: Anna # namn\n  github: anna\n  anonymous: true\n---\nText.\n", "submitter.name",
			"---\nid: 1\nsubmitter:\n  github: anna\n  anonymous: true\n---\nText.\n"},
		{"flow, first", "---\nsubmitter: {name: Anna, github: anna}\n---\n", "submitter.name", "---\nsubmitter: {github: anna}\n---\n"},
		{"flow, last", "---\nsubmitter: {name: Anna, github: anna}\n---\n", "submitter.github", "---\nsubmitter: {name: Anna}\n---\n"},
		{"missing", "---\nsubmitter: {name: Anna}\n---\n", "submitter.github", "---\nsubmitter: {name: Anna}\n---\n"},
		{"crlf", "---\r\nsubmitter:\r\n  name: Anna\r\n  anonymous: true\r\n---\r\n", "submitter.name", "---\r\nsubmitter:\r\n  anonymous: true\r\n---\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Open([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.Delete(tt.path); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
	d, _ := Open([]byte("---\nsubmitter: {name: Anna}\n---\n"))
	if _, err := d.Delete("submitter.name"); err == nil || !strings.Contains(string(d.Bytes()), "Anna") {
		t.Errorf("emptying a mapping: err %v, file %q", err, d.Bytes())
	}
}
