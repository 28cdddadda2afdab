// Command historybench measures the history pass against git on the same
// repository, side by side in one run: a full pass with an empty cache
// against `git log --raw --no-renames -- ideas/`, and a pass after one
// more commit with the cache of the first.
//
//	go run ./bench/historybench -repo DIR [-rounds 3]
//
// The repository needs a branch main; -more names a script that adds one
// commit to it (bench/history.sh passes one).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/idebanken/idebanken/internal/gitrepo"
	"github.com/idebanken/idebanken/internal/history"
)

func main() {
	repoDir := flag.String("repo", "", "the repository")
	rounds := flag.Int("rounds", 3, "rounds of each measurement; the best is kept")
	more := flag.String("more", "", "a command that adds one commit to the repository")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the full passes to this file")
	flag.Parse()
	if *repoDir == "" {
		fmt.Fprintln(os.Stderr, "historybench: -repo is required")
		os.Exit(2)
	}
	best := func(f func() error) time.Duration {
		var b time.Duration
		for i := 0; i < *rounds; i++ {
			t := time.Now()
			if err := f(); err != nil {
				fmt.Fprintln(os.Stderr, "historybench:", err)
				os.Exit(1)
			}
			if d := time.Since(t); b == 0 || d < b {
				b = d
			}
		}
		return b
	}
	gitLog := func() error {
		cmd := exec.Command("git", "-C", *repoDir, "log", "--raw", "--no-renames", "main", "--", "ideas/")
		cmd.Stdout = nil
		return cmd.Run()
	}
	cacheDir, err := os.MkdirTemp("", "historybench")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(cacheDir)
	cachePath := filepath.Join(cacheDir, "history.json")
	var last *history.History
	pass := func(cache *history.Cache) func() error {
		return func() error {
			repo, err := gitrepo.Open(*repoDir)
			if err != nil {
				return err
			}
			c := cache
			if c != nil {
				c = history.LoadCache(cachePath) // as a rebuild does: from disk
			}
			defer repo.Close()
			last, err = repo.History("main", "", c)
			return err
		}
	}
	gitTime := best(gitLog)
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			panic(err)
		}
		_ = pprof.StartCPUProfile(f)
	}
	fullTime := best(pass(nil))
	if *profile != "" {
		pprof.StopCPUProfile()
	}
	full := last
	// The cache of a full pass, then one commit more, then a cached pass.
	c := history.LoadCache(cachePath)
	repo, _ := gitrepo.Open(*repoDir)
	if _, err := repo.History("main", "", c); err != nil {
		panic(err)
	}
	if err := c.Save(cachePath); err != nil {
		panic(err)
	}
	cachedTime := time.Duration(0)
	if *more != "" {
		if out, err := exec.Command("sh", "-c", *more).CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "historybench: %s: %v\n%s", *more, err, out)
			os.Exit(1)
		}
		cachedTime = best(pass(c))
	}
	steps := 0
	for _, s := range full.Steps {
		steps += len(s)
	}
	fmt.Printf("commits %d, ideas with steps %d, steps %d\n", full.Commits, len(full.Steps), steps)
	fmt.Printf("%-44s %10s\n", "measurement (best of rounds)", "seconds")
	fmt.Printf("%-44s %10.3f\n", "git log --raw --no-renames -- ideas/", gitTime.Seconds())
	fmt.Printf("%-44s %10.3f\n", "history pass, empty cache", fullTime.Seconds())
	ratio := fullTime.Seconds() / gitTime.Seconds()
	fmt.Printf("%-44s %10.2f  (target ≤ 2.00: %s)\n", "ratio to git", ratio, verdict(ratio <= 2))
	if *more != "" {
		fmt.Printf("%-44s %10.3f  (read %d commits; target < %.3f: %s)\n", "history pass after one commit, cached", cachedTime.Seconds(),
			last.Read, fullTime.Seconds()/10, verdict(cachedTime < fullTime/10))
	}
}

func verdict(ok bool) string {
	if ok {
		return "PASS"
	}
	return "FAIL"
}
