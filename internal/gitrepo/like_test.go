package gitrepo

import (
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/idebanken/idebanken/internal/snapshot"
)

// TestSnapshotLike: the snapshot of a revision read like the working tree
// is the revision's snapshot, and the blobs that the working tree holds as
// they are are not read at all: with one removed from the repository, it is
// still read whole, and only a changed file's blob is read (and found
// missing, when it is).
func TestSnapshotLike(t *testing.T) {
	r := newRepo(t)
	r.write("idebank.yaml", "title: T\n")
	r.write("ideas/2025/2025-001-y.md", idea("submitted"))
	r.write("ideas/2026/2026-001-x.md", idea("rejected"))
	r.commit("ideas", "A", "a@example.org")
	repo, err := Open(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	want, err := repo.Snapshot("HEAD", "")
	if err != nil {
		t.Fatal(err)
	}
	// The working tree: one file changed, one as it is, the config too.
	r.write("ideas/2026/2026-001-x.md", idea("submitted"))
	work, err := snapshot.FromDir(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := repo.SnapshotLike("HEAD", "", work)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("SnapshotLike = %+v, %v; want %+v", got, err, want)
	}
	// The blob of the unchanged file gone: not read, so not missed.
	if err := os.Remove(r.looseObject(r.objectAt("ideas/2025/2025-001-y.md"))); err != nil {
		t.Fatal(err)
	}
	again, err := Open(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got, err := again.SnapshotLike("HEAD", "", work); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("with an unchanged blob gone: %v", err)
	}
	// The changed file's blob gone: read, and missed.
	if err := os.Remove(r.looseObject(r.objectAt("ideas/2026/2026-001-x.md"))); err != nil {
		t.Fatal(err)
	}
	var oe *ObjectError
	if _, err := again.SnapshotLike("HEAD", "", work); !errors.As(err, &oe) || oe.Path != "ideas/2026/2026-001-x.md" {
		t.Errorf("with the changed blob gone: %v, want an *ObjectError naming it", err)
	}
}
