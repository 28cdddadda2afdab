// Command gencorpus writes a generated idea bank to disk for benchmarks:
// idebank.yaml (corpus.Config) and n valid idea files under ideas/.
//
//	go run ./bench/gencorpus -n 10000 -out /tmp/bank -seed 1
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/idebanken/idebanken/internal/corpus"
)

func main() {
	n := flag.Int("n", 10000, "how many ideas to write")
	out := flag.String("out", "", "the folder to write the idea bank into (required; must be empty or absent)")
	seed := flag.Uint64("seed", 1, "the generator's seed: the same seed gives the same files")
	flag.Parse()
	if err := run(*n, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(n int, out string, seed uint64) error {
	if out == "" {
		return errors.New("-out is required")
	}
	if n < 0 {
		return errors.New("-n must not be negative")
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", out)
	}
	return corpus.WriteDir(out, n, seed)
}
