package i18n

import "github.com/idebanken/idebanken/internal/model"

// Error is an error that a user may see: a catalogue message that names
// the file, commit or setting it concerns and says what to do, rendered
// in the reader's language where it is printed. Err is its cause, for
// errors.Is and errors.As.
type Error struct {
	Msg Message
	Err error
}

// Errorf returns the Error of the catalogue text key with args, caused by
// cause (which may be nil).
func Errorf(cause error, key string, args ...any) *Error {
	return &Error{Msg: M(key, args...), Err: cause}
}

// Error returns the message in English, for logs and tests; users see it
// through Render.
func (e *Error) Error() string { return Render(model.English, e.Msg) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }
