package cli

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/idebanken/idebanken/internal/atomicfile"
)

// exit ends the program; a variable so that nothing else calls os.Exit.
var exit = os.Exit

// cleanOnSignal makes a command that writes idea files leave nothing
// behind when it is interrupted (Ctrl-C, or a SIGTERM from a CI runner or
// an editor): the temporary file it is writing is removed, so that `git add
// -A` cannot commit it, and the program exits with 128 and the signal's
// number, as a shell reports it. It returns the function that stops
// listening, for the end of the command.
func cleanOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			atomicfile.Abandon()
			code := 128 + 2
			if sig == syscall.SIGTERM {
				code = 128 + 15
			}
			exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
