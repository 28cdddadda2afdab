package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestAdvanceJourneyExample goes the ambassador's way on the example bank's
// own process (examples/bostadsbolaget), as advance-fill-check.txtar does on
// the default one: advance writes each field to fill in with a comment
// saying what it takes; the check then says "fyll i" once for each of
// them and for nothing else; each field filled in as its comment says is
// one message fewer, until the file passes; and so again for the next
// step.
func TestAdvanceJourneyExample(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../examples/bostadsbolaget")); err != nil {
		t.Fatal(err)
	}
	const file = "ideas/2026/2026-001-digital-tvattstugebokning.md"
	path := filepath.Join(dir, file)
	run := func(args ...string) (int, string) {
		env, out, errOut := quietEnv(dir)
		code := Main(args, env)
		return code, out.String() + errOut.String()
	}
	// toFill is a field left to fill in, with its comment: "    met:  # true eller false".
	toFill := regexp.MustCompile(`(?m)^( *)([a-z-]+): (""|) +# (.*)$`)
	errorsOf := func() []string {
		_, said := run("check", "--today", "2026-11-22")
		var errs []string
		for _, l := range strings.Split(said, "\n") {
			if strings.Contains(l, ": error: ") {
				errs = append(errs, l)
			}
		}
		return errs
	}
	for _, step := range []struct{ to, by string }{{"Nytänkandeverkstad", "saraholm"}, {"utvecklas", "linneaek"}} {
		if code, said := run("advance", "2026-001", "--to", step.to, "--by", step.by, "--today", "2026-11-22"); code != ExitOK {
			t.Fatalf("advance --to %s: exit %d\n%s", step.to, code, said)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var fields []string
		for _, m := range toFill.FindAllStringSubmatch(string(data), -1) {
			if strings.HasPrefix(m[4], "frivilligt") {
				continue // a note may stay empty
			}
			fields = append(fields, m[2])
			if m[4] == "" {
				t.Errorf("%s: no word of what it takes", m[0])
			}
		}
		if len(fields) == 0 {
			t.Fatalf("advance --to %s left nothing to fill in:\n%s", step.to, data)
		}
		errs := errorsOf()
		if len(errs) != len(fields) {
			t.Fatalf("advance --to %s: %d fields to fill in %v, but the check says\n%s", step.to, len(fields), fields, strings.Join(errs, "\n"))
		}
		for _, e := range errs {
			if !strings.Contains(e, ": error: fyll i ") {
				t.Errorf("not a field to fill in: %s", e)
			}
		}
		// Fill in one field at a time, as its comment says.
		for n := len(fields); n > 0; n-- {
			data, _ := os.ReadFile(path)
			m := toFill.FindStringSubmatchIndex(string(data))
			for m != nil && strings.HasPrefix(string(data[m[8]:m[9]]), "frivilligt") {
				next := toFill.FindStringSubmatchIndex(string(data[m[1]:]))
				if next == nil {
					m = nil
					break
				}
				for i := range next {
					next[i] += m[1]
				}
				m = next
			}
			if m == nil {
				t.Fatalf("%d fields still to fill in, but none in the file", n)
			}
			hint, value := string(data[m[8]:m[9]]), `"Det här är ifyllt"`
			switch {
			case strings.Contains(hint, "true eller false"):
				value = "true"
			case strings.HasPrefix(hint, "ett heltal från 1"):
				value = "2"
			case strings.HasPrefix(hint, "ett datum"):
				value = "2026-11-22"
			}
			line := string(data[m[2]:m[3]]) + string(data[m[4]:m[5]]) + ": " + value
			data = append(append(append([]byte{}, data[:m[0]]...), line...), data[m[1]:]...)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if errs := errorsOf(); len(errs) != n-1 {
				t.Fatalf("after %q: %d errors, want %d:\n%s", line, len(errs), n-1, strings.Join(errs, "\n"))
			}
		}
		if code, said := run("check", "--today", "2026-11-22"); code != ExitOK {
			t.Fatalf("after filling in: exit %d\n%s", code, said)
		}
	}
}
