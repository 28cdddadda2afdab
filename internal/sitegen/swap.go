package sitegen

import "os"

// exchangeByRenames swaps the folders a and b by moving b aside, a into
// its place, and the old b to a, for systems without an exchange in one
// step.
func exchangeByRenames(a, b string) error {
	aside := a + "0"
	if err := os.Rename(b, aside); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		_ = os.Rename(aside, b)
		return err
	}
	return os.Rename(aside, a)
}
