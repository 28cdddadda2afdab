package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/sitegen"
	"github.com/idebanken/idebanken/internal/snapshot"
)

// BenchmarkServeEdit10k is the time from saving an edit of one idea of
// 10,000 to having its page, edited, from idebank serve: the file written,
// the change seen, the bank checked and the site prepared again, the event
// sent, and the page rendered and served. One full build of the same bank
// is timed first, in the same run, and reported as build-s, with the
// ratio of an edit to it as edit/build; and the processor time an edit
// takes, as cpu-ns/op.
func BenchmarkServeEdit10k(b *testing.B) {
	bank := b.TempDir()
	if err := corpus.WriteDir(bank, 10000, 1); err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	gc := debug.SetGCPercent(100)
	defer debug.SetGCPercent(gc)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	env := Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" },
		Now: func() time.Time { return now }, Dir: bank}
	start := time.Now()
	if code := runBuildCmd([]string{"--out", filepath.Join(b.TempDir(), "site")}, env); code != ExitOK {
		b.Fatalf("build: exit %d", code)
	}
	build := time.Since(start)
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)

	files, err := filepath.Glob(filepath.Join(bank, "ideas", "2026", "*.md"))
	if err != nil || len(files) == 0 {
		b.Fatal("no idea files", err)
	}
	file := files[0]
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	id := strings.SplitN(filepath.Base(file), "-", 3)
	page := "/idea/" + id[0] + "-" + id[1] + "/"
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan int, 1)
	var errOut bytes.Buffer
	opts := &ServeOptions{Stdout: io.Discard, Stderr: &errOut, Dir: bank, Addr: "127.0.0.1:0",
		Today: func() model.Date { return today(func() time.Time { return now }) }, Listening: func(a string) { addr <- a }}
	go func() { done <- runServe(ctx, opts, model.Swedish) }()
	defer func() { cancel(); <-done }()
	base := "http://" + <-addr
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	next := func() {
		for {
			line, err := events.ReadString('\n')
			if err != nil {
				b.Fatalf("events: %v\n%s", err, &errOut)
			}
			if strings.HasPrefix(line, "data: ") {
				return
			}
		}
	}
	next()
	i := 0
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		i++
		title := fmt.Sprintf("Redigerad rubrik %d", i)
		edited := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(orig, []byte("title: "+title))
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		next()
		r, err := http.Get(base + page)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if !bytes.Contains(body, []byte(title)) {
			b.Fatalf("the page does not show the edit\n%s", &errOut)
		}
	}
	b.StopTimer()
	// The processor time of an edit, serve's and the page's request
	// together, says more than the wall time on a busy machine.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	per := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(build.Seconds(), "build-s")
	b.ReportMetric(per/build.Seconds(), "edit/build")
}

// BenchmarkServeRebuild10k is the work of idebank serve after an edit of
// one idea of 10,000, without the file watching and the HTTP around it:
// the bank checked again with what the check kept, the site prepared
// again with the views kept, and the edited idea's page rendered. It
// reports the processor time of an edit as cpu-ns/op, which says more
// than the wall time on a busy machine.
func BenchmarkServeRebuild10k(b *testing.B) {
	bank := b.TempDir()
	if err := corpus.WriteDir(bank, 10000, 1); err != nil {
		b.Fatal(err)
	}
	now := model.Date{Year: 2026, Month: 11, Day: 21}
	s := &served{root: bank, today: func() model.Date { return now }, lint: check.NewCache(), views: sitegen.NewViewCache()}
	var err error
	if s.snap, err = snapshot.FromDir(bank); err != nil {
		b.Fatal(err)
	}
	if site, _ := s.rebuild(io.Discard, model.Swedish); site == nil {
		b.Fatal("the bank does not build")
	}
	f := &s.snap.Ideas[len(s.snap.Ideas)/2]
	orig := f.Data
	id := strings.SplitN(path.Base(f.Path), "-", 3)
	page := "idea/" + id[0] + "-" + id[1] + "/index.html"
	title := regexp.MustCompile(`(?m)^title: .*$`)
	i := 0
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		i++
		want := fmt.Sprintf("Redigerad rubrik %d", i)
		f.Data = title.ReplaceAll(orig, []byte("title: "+want))
		f.Size = int64(len(f.Data))
		site, _ := s.rebuild(io.Discard, model.Swedish)
		if site == nil {
			b.Fatal("the edited bank does not build")
		}
		body, ok, err := site.File(page)
		if err != nil || !ok || !bytes.Contains(body, []byte(want)) {
			b.Fatalf("%s does not show the edit (%v, %v)", page, ok, err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkCheckBase10k is idebank check --base HEAD on a repository of
// 10,000 ideas with one of them changed in the working tree, beside a
// plain idebank check of the same bank, in the same iteration: reported as
// plain-s, base-s and their ratio base/plain.
func BenchmarkCheckBase10k(b *testing.B) {
	bank := b.TempDir()
	if err := corpus.WriteDir(bank, 10000, 1); err != nil {
		b.Fatal(err)
	}
	repo, err := git.PlainInit(bank, false)
	if err != nil {
		b.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		b.Fatal(err)
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		b.Fatal(err)
	}
	sig := &object.Signature{Name: "Test", Email: "test@example.org", When: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := wt.Commit("the bank", &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(bank, "ideas", "2026", "*.md"))
	data, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	edited := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(data, []byte("title: En ändrad rubrik"))
	if err := os.WriteFile(files[0], edited, 0o644); err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	run := func(args ...string) time.Duration {
		env := Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" },
			Now: func() time.Time { return now }, Dir: bank}
		start := time.Now()
		if code := runCheckCmd(args, env); code == ExitCannot {
			b.Fatalf("check %v could not run", args)
		}
		return time.Since(start)
	}
	var plain, base time.Duration
	b.ResetTimer()
	for b.Loop() {
		plain += run()
		base += run("--base", "HEAD")
	}
	b.ReportMetric(plain.Seconds()/float64(b.N), "plain-s")
	b.ReportMetric(base.Seconds()/float64(b.N), "base-s")
	b.ReportMetric(float64(base)/float64(plain), "base/plain")
}
