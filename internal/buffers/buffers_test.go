package buffers

import "testing"

// TestGetIsEmpty: a buffer given back with bytes in it comes back empty.
func TestGetIsEmpty(t *testing.T) {
	for range 10 {
		b := Get()
		if b.Len() != 0 {
			t.Fatalf("Get returned a buffer holding %q", b.String())
		}
		b.WriteString("a page")
		Put(b)
	}
}

// TestPutDropsLarge: a buffer grown past MaxKept is not handed out again.
func TestPutDropsLarge(t *testing.T) {
	large := Get()
	large.Grow(2 * MaxKept)
	Put(large)
	for range 100 {
		if b := Get(); b == large {
			t.Fatal("a buffer past MaxKept was kept")
		}
	}
}
