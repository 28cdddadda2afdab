package main

import (
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/corpus"
)

// TestKilledRebuild kills the real program in the middle of builds over an
// existing site, at points spread over a build's length: each time, the
// output folder holds one whole site, the old or the new, with no
// temporary file in it, and the next build leaves nothing beside it.
// (The kills are timed; what is asserted holds whenever they land.)
func TestKilledRebuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a bank of 1,500 ideas many times")
	}
	bin, err := exec.LookPath("idebank")
	if err != nil {
		t.Fatalf("testscript.Main did not put idebank on PATH: %v", err)
	}
	root := t.TempDir()
	// Two banks whose sites differ in nearly every file.
	banks := []string{filepath.Join(root, "a"), filepath.Join(root, "b")}
	refs := make([]map[string]string, 2)
	var took time.Duration
	for i, bank := range banks {
		if err := corpus.WriteDir(bank, 1500, uint64(i+1)); err != nil {
			t.Fatal(err)
		}
		ref := filepath.Join(root, "ref", string(rune('a'+i)))
		start := time.Now()
		if out, err := exec.Command(bin, "build", "-C", bank, "--out", ref).CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		took = max(took, time.Since(start))
		refs[i] = readTree(t, ref)
	}
	site := filepath.Join(root, "out", "site")
	if out, err := exec.Command(bin, "build", "-C", banks[0], "--out", site).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	const kills = 8
	landed := map[string]int{}
	for k := range kills {
		bank := banks[(k+1)%2]
		cmd := exec.Command(bin, "build", "-C", bank, "--out", site)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(took * time.Duration(k+1) / (kills + 1))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		got := readTree(t, site)
		switch {
		case maps.Equal(got, refs[0]):
			landed["a"]++
		case maps.Equal(got, refs[1]):
			landed["b"]++
		default:
			t.Fatalf("kill %d: the site is neither the old nor the new one (%d files)", k, len(got))
		}
	}
	t.Logf("after the kills: %v", landed)
	if out, err := exec.Command(bin, "build", "-C", banks[0], "--out", site).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got := readTree(t, site); !maps.Equal(got, refs[0]) {
		t.Error("a build after the kills does not give the site")
	}
	entries, err := os.ReadDir(filepath.Dir(site))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the site after a build: %v", names)
	}
}

// readTree returns every file under dir by its name with slashes, and
// fails on any temporary file.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.Contains(e.Name(), ".tmp-") || strings.HasPrefix(e.Name(), ".idebank-new") || e.Name() == ".gitignore" {
			t.Errorf("a temporary file in the site: %s", p)
		}
		if e.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
