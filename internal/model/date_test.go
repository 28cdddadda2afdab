package model

import (
	"fmt"
	"testing"
	"time"
)

// TestDateStringAgrees: the hand-made formatting writes what Sprintf
// writes, over every day of 1899 to 2101 and some odd values.
func TestDateStringAgrees(t *testing.T) {
	for d := (Date{1899, time.January, 1}); d.Year < 2102; d = d.AddDays(1) {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day); got != want {
			t.Fatalf("%v: %q, want %q", d, got, want)
		}
	}
	for _, d := range []Date{{0, 1, 1}, {9999, 12, 31}, {10000, 1, 1}, {-1, 1, 1}, {2026, 13, 1}, {2026, 0, 5}, {2026, 1, 100}} {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day); got != want {
			t.Errorf("%#v: %q, want %q", d, got, want)
		}
	}
}
