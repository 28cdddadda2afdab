// Package actions holds the repository's GitHub Actions workflows to the
// rules that keep the gate closed: its tests read .github/ and fail when a
// workflow lets a pull request rewrite the required check, runs the pull
// request's code with a token that can write, uses an action not pinned to
// a commit, or asks for more than it needs. It has no code of its own.
package actions
