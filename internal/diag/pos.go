package diag

// Pos is a position in a file: 1-based line and column. The zero Pos means
// "no position".
type Pos struct {
	Line, Col int
}
