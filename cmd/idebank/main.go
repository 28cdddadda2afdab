// Command idebank runs Idébanken, the idea bank of a municipality's process
// for systematic improvement and innovation, from files in a git repository.
//
// See README.md, or run "idebank help".
package main

import (
	"os"
	_ "time/tzdata" // the date in Sweden, on machines without a zone database

	"github.com/idebanken/idebanken/internal/cli"
)

func main() {
	args, env := os.Args[1:], cli.OSEnv()
	tuneMemory(args, &env)
	os.Exit(cli.Main(args, env))
}
