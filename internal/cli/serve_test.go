package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/idebanken/idebanken/internal/model"
)

// TestServe serves an idea bank on a free port, as an ambassador previews
// an edit: the pages are there, with serve's reload script put in, a
// folder without its slash is redirected, what is not there is the site's
// own 404, and an edit is told to the open page by a server-sent event,
// after which the page shows it.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"idebank.yaml": []byte(testConfig), "ideas/2026/2026-001-x.md": []byte(submitted)})
	base, out, errOut := startServe(t, dir)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) (int, string, http.Header) {
		t.Helper()
		resp, err := noRedirect.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body), resp.Header
	}
	if code, body, h := get("/idea/2026-001/"); code != 200 || !strings.Contains(body, "Bättre schema") || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Errorf("the idea page: %d %s", code, h.Get("Content-Type"))
	}
	if code, _, h := get("/idea/2026-001"); code != http.StatusMovedPermanently || h.Get("Location") != "/idea/2026-001/" {
		t.Errorf("a folder without its slash: %d to %q", code, h.Get("Location"))
	}
	if code, body, _ := get("/no/such/page"); code != 404 || !strings.Contains(body, "Sidan finns inte") {
		t.Errorf("a missing page: %d", code)
	}
	if code, _, h := get("/assets/style.css"); code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/css") || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("the style sheet: %d %v", code, h)
	}

	if _, body, _ := get("/idea/2026-001/"); strings.Count(body, reloadTag) != 1 || !strings.Contains(body, reloadTag+"</body>") {
		t.Error("the page served has no reload script before </body>")
	}
	if code, body, h := get(reloadScript); code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/javascript") || !strings.Contains(body, eventsPath) {
		t.Errorf("the reload script: %d %s", code, h.Get("Content-Type"))
	}

	// The open page listens for events; an edit sends one, and then the
	// page shows the edit.
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("the events are %s", ct)
	}
	events := bufio.NewReader(resp.Body)
	next := func() string {
		t.Helper()
		for {
			line, err := events.ReadString('\n')
			if err != nil {
				t.Fatalf("the events ended: %v\n%s%s", err, out, errOut)
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				return strings.TrimSpace(data)
			}
		}
	}
	first := next()
	edited := strings.Replace(submitted, "Bättre schema <b>nu</b>", "Ännu bättre schema", 1)
	if err := os.WriteFile(filepath.Join(dir, "ideas/2026/2026-001-x.md"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if second := next(); second == first || second == "" {
		t.Errorf("the event after an edit is %q, the one before %q", second, first)
	}
	if _, body, _ := get("/idea/2026-001/"); !strings.Contains(body, "Ännu bättre schema") {
		t.Errorf("the edit is not on the page after its event\n%s%s", out, errOut)
	}
	// A new year's folder and an idea in it: watched, and shown.
	if err := os.MkdirAll(filepath.Join(dir, "ideas/2027"), 0o755); err != nil {
		t.Fatal(err)
	}
	next()
	newer := strings.NewReplacer("2026-001", "2027-001", "2026-03-", "2027-03-").Replace(submitted)
	if err := os.WriteFile(filepath.Join(dir, "ideas/2027/2027-001-x.md"), []byte(newer), 0o644); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; {
		if code, _, _ := get("/idea/2027-001/"); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("an idea in a new folder never showed\n%s%s", out, errOut)
		}
		next()
	}
}

// TestServeCommit: a commit made while serve runs (git commit in another
// terminal, here with go-git into a repository on disk) moves HEAD without
// touching a file under ideas/, and the idea's timeline on the page served
// then links the commit that registered it.
func TestServeCommit(t *testing.T) {
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	commit := func(name string) plumbing.Hash {
		t.Helper()
		if _, err := wt.Add(name); err != nil {
			t.Fatal(err)
		}
		when = when.Add(time.Hour)
		sig := &object.Signature{Name: "T", Email: "t@example.org", When: when}
		h, err := wt.Commit("c", &git.CommitOptions{Author: sig})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	writeFiles(t, dir, map[string][]byte{"idebank.yaml": []byte(testConfig + "repository: org/repo\n"), "ideas/2026/2026-001-x.md": []byte(submitted)})
	commit("idebank.yaml") // the idea's file is not committed yet

	base, out, errOut := startServe(t, dir)
	page := func() string {
		t.Helper()
		resp, err := http.Get(base + "/idea/2026-001/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return string(body)
	}
	if body := page(); strings.Contains(body, "/commit/") {
		t.Fatal("the page links a commit before the idea's file is committed")
	}
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	// The events as they come, so that a test without one fails instead
	// of waiting for ever.
	gens := make(chan string)
	go func() {
		defer close(gens)
		events := bufio.NewReader(resp.Body)
		for {
			line, err := events.ReadString('\n')
			if err != nil {
				return
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				gens <- strings.TrimSpace(data)
			}
		}
	}()
	next := func() string {
		t.Helper()
		select {
		case g, ok := <-gens:
			if !ok {
				t.Fatalf("the events ended\n%s%s", out, errOut)
			}
			return g
		case <-time.After(20 * time.Second):
			t.Fatalf("no event in 20 s\n%s%s", out, errOut)
			return ""
		}
	}
	first := next()
	h := commit("ideas/2026/2026-001-x.md")
	if second := next(); second == first {
		t.Fatalf("no new generation after the commit\n%s%s", out, errOut)
	}
	if body := page(); !strings.Contains(body, "https://github.com/org/repo/commit/"+h.String()) {
		t.Errorf("the timeline does not link the commit %s after it\n%s%s", h, out, errOut)
	}
}

// startServe runs serve on dir, on a free port and a fixed day, until the
// test ends, and returns the address it serves and what it writes. A serve
// that does not end well when stopped fails the test.
func startServe(t *testing.T, dir string) (base string, out, errOut *bytes.Buffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan int, 1)
	out, errOut = new(bytes.Buffer), new(bytes.Buffer)
	opts := &ServeOptions{Stdout: out, Stderr: errOut, Dir: dir, Addr: "127.0.0.1:0",
		Today: func() model.Date { return model.Date{Year: 2026, Month: 3, Day: 20} }, Listening: func(a string) { addr <- a }}
	go func() { done <- runServe(ctx, opts, model.Swedish) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != ExitOK {
			t.Errorf("serve ended with %d\n%s%s", code, out, errOut)
		}
	})
	select {
	case a := <-addr:
		return "http://" + a, out, errOut
	case <-time.After(20 * time.Second):
		t.Fatalf("serve never listened\n%s%s", out, errOut)
	}
	return "", out, errOut
}
