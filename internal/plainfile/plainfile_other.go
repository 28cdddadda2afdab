//go:build !(linux || darwin)

package plainfile

var read, write = readOS, writeOS
