package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/atomicfile"
)

// helperEnv, when set, makes the test binary run idebank with the
// arguments it holds (split at tabs) instead of the tests, and stop in the
// middle of each write, its temporary file written and not yet renamed:
// the moment a signal is meant to find.
const helperEnv = "IDEBANK_SIGNAL_HELPER"

func TestMain(m *testing.M) {
	if args := os.Getenv(helperEnv); args != "" {
		atomicfile.Hook = func(tmp string) {
			fmt.Fprintf(os.Stderr, "WRITING %s\n", tmp)
			time.Sleep(time.Minute)
		}
		os.Exit(Main(strings.Split(args, "\t"), OSEnv()))
	}
	os.Exit(m.Run())
}

// interrupted runs idebank with args in dir as a real process, waits until
// it is writing a file, sends it sig, and returns its exit status and the
// temporary file it was writing.
func interrupted(t *testing.T, dir string, sig os.Signal, args ...string) (code int, tmp string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), helperEnv+"="+strings.Join(args, "\t"), "IDEBANK_LANG=en")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	var rest strings.Builder
	for lines.Scan() {
		if name, ok := strings.CutPrefix(lines.Text(), "WRITING "); ok {
			tmp = name
			break
		}
		rest.WriteString(lines.Text() + "\n")
	}
	if tmp == "" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("%v never wrote a file:\n%s%s", args, stdout.String(), rest.String())
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("the temporary file %s is not there mid-write: %v", tmp, err)
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	go func() {
		for lines.Scan() {
		}
	}()
	err = cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return -int(ws.Signal()), tmp
		}
		return exit.ExitCode(), tmp
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, tmp
}

// tempFiles returns the temporary files under dir's ideas/.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	_ = filepath.WalkDir(filepath.Join(dir, "ideas"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && atomicfile.IsTemp(d.Name()) {
			out = append(out, p)
		}
		return err
	})
	return out
}

// TestEditsCleanUpOnSignal interrupts advance, new and forget, each a real
// process, in the middle of writing an idea file, with SIGINT and with
// SIGTERM: each removes its temporary file, leaves the idea file as it
// was, and exits with 128 and the signal's number.
func TestEditsCleanUpOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		for _, tt := range []struct {
			name string
			args []string
		}{
			{"advance", []string{"advance", "2026-001", "--to", "developing", "--by", "amb", "--today", "2026-11-21"}},
			{"new", []string{"new", "--kind", "improvement", "--title", "Ny idé", "--unit", "skola", "--name", "Eva Exempel", "--today", "2026-11-21"}},
			{"forget", []string{"forget", "--name", "Eva Exempel"}},
		} {
			t.Run(fmt.Sprintf("%s %v", tt.name, sig), func(t *testing.T) {
				dir := newTestBank(t, "sv", map[string]string{advanceSubmittedPath: advanceSubmitted})
				code, tmp := interrupted(t, dir, sig, tt.args...)
				if code != 128+int(sig) {
					t.Errorf("exit %d, want %d", code, 128+int(sig))
				}
				if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("the temporary file %s is still there (%v)", tmp, err)
				}
				if left := tempFiles(t, dir); len(left) > 0 {
					t.Errorf("left behind: %v", left)
				}
				if got := readIdea(t, dir, advanceSubmittedPath); got != advanceSubmitted {
					t.Errorf("the idea file changed:\n%s", got)
				}
				if matches, _ := filepath.Glob(filepath.Join(dir, "ideas/2026/2026-002-*")); len(matches) > 0 {
					t.Errorf("a new idea was written: %v", matches)
				}
			})
		}
	}
}

// TestCheckReportsKilledEdit kills advance mid-write, where nothing can
// clean up: the temporary file stays, and check names it as an error, so
// that `git add -A` does not slip it into a pull request unseen.
func TestCheckReportsKilledEdit(t *testing.T) {
	dir := newTestBank(t, "sv", map[string]string{advanceSubmittedPath: advanceSubmitted})
	code, tmp := interrupted(t, dir, syscall.SIGKILL, "advance", "2026-001", "--to", "developing", "--by", "amb", "--today", "2026-11-21")
	if code != -int(syscall.SIGKILL) {
		t.Fatalf("exit %d, want killed", code)
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("the killed write left no temporary file: %v", err)
	}
	rel, _ := filepath.Rel(dir, tmp)
	code, stdout, stderr := runMain(t, dir, "check", "--today", "2026-11-21")
	if code != ExitProblems {
		t.Errorf("check: exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, filepath.ToSlash(rel)+": error: ") || !strings.Contains(stdout, "[file-name]") {
		t.Errorf("check does not name %s as an error:\n%s", rel, stdout)
	}
}
