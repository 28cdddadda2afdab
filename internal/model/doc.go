// Package model holds Idébanken's domain: ideas, their kinds and stages, the
// stage sections that record each step of the process, and the people, roles
// and units of the configuration.
//
// The package does no I/O and knows nothing of YAML, git or GitHub: parsing
// lives in ideafile and config, the rules of the process in workflow.
package model
