// Package buffers lends the byte buffers that pages are written into
// while they are made: a page of the site or of a report grows its buffer
// from nothing to several kilobytes, and a build makes a hundred thousand
// of them, each of which did that anew.
package buffers

import (
	"bytes"
	"sync"
)

// MaxKept is the largest capacity that Put keeps for the next page: a
// buffer that grew to hold a list, a report of every idea or ideas.json
// would hand megabytes to pages of a few kilobytes after it.
const MaxKept = 1 << 20

var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Get returns an empty buffer.
func Get() *bytes.Buffer {
	b := pool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// Put gives b back, for a later Get, unless it has grown past MaxKept.
// The caller must not use b, nor the bytes it held, after Put.
func Put(b *bytes.Buffer) {
	if b.Cap() <= MaxKept {
		pool.Put(b)
	}
}
