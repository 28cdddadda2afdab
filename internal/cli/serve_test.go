package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/idebanken/idebanken/internal/model"
)

// TestServe serves an idea bank on a free port, as an ambassador previews
// an edit: the pages are there, a folder without its slash is redirected,
// what is not there is the site's own 404, and an edited idea shows once
// the site is rebuilt.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"idebank.yaml": testConfig, "ideas/2026/2026-001-x.md": submitted} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan int, 1)
	var out, errOut bytes.Buffer
	opts := &ServeOptions{Stdout: &out, Stderr: &errOut, Dir: dir, Addr: "127.0.0.1:0", Poll: 20 * time.Millisecond,
		Today: func() model.Date { return model.Date{Year: 2026, Month: 3, Day: 20} }, Listening: func(a string) { addr <- a }}
	go func() { done <- runServe(ctx, opts, model.Swedish) }()
	defer func() {
		cancel()
		if code := <-done; code != ExitOK {
			t.Errorf("serve ended with %d\n%s%s", code, &out, &errOut)
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case <-time.After(20 * time.Second):
		t.Fatalf("serve never listened\n%s%s", &out, &errOut)
	}
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

	// An edit shows once the site is rebuilt.
	edited := strings.Replace(submitted, "Bättre schema <b>nu</b>", "Ännu bättre schema", 1)
	if err := os.WriteFile(filepath.Join(dir, "ideas/2026/2026-001-x.md"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	_ = os.Chtimes(filepath.Join(dir, "ideas/2026/2026-001-x.md"), later, later)
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, body, _ := get("/idea/2026-001/"); strings.Contains(body, "Ännu bättre schema") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the edit never showed\n%s%s", &out, &errOut)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
