package check

import (
	"bytes"
	"reflect"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"

	"github.com/idebanken/idebanken/internal/snapshot"
)

// peakLive runs f and returns the largest live heap that a collection
// found while it ran, in bytes. The collector runs at every 10% of growth
// meanwhile, so that the peak is missed by little: it is the live heap a
// phase of a build needs at once, whatever the collector's settings.
func peakLive(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	var (
		mu   sync.Mutex
		peak uint64
		done bool
	)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	// A cleanup runs after each collection that finds its object gone: it
	// reads what that collection found live, and sets up the next one.
	var arm func()
	arm = func() {
		runtime.AddCleanup(new([64]byte), func(struct{}) {
			mu.Lock()
			defer mu.Unlock()
			if done {
				return
			}
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			arm()
		}, struct{}{})
	}
	arm()
	f()
	runtime.GC()
	runtime.GC() // the cleanups of the first have run by the end of the second
	mu.Lock()
	defer mu.Unlock()
	done = true
	return peak
}

// cloneSnapshot copies s with its own bytes, for a lint that consumes them.
func cloneSnapshot(s *snapshot.Snapshot) *snapshot.Snapshot {
	c := &snapshot.Snapshot{Config: s.Config, Ideas: make([]snapshot.File, len(s.Ideas))}
	for i, f := range s.Ideas {
		f.Data = bytes.Clone(f.Data)
		c.Ideas[i] = f
	}
	return c
}

// TestLintWithSameMessages: the options change what the result holds, not
// what the check says, nor the lines it names: the checks across files
// place theirs by the positions of ideas whose own are gone.
func TestLintWithSameMessages(t *testing.T) {
	snap := corpusSnapshot(40)
	// Problems of the files on their own and across files, each on a line
	// of its own.
	snap.Ideas = append(snap.Ideas,
		snapshot.File{Path: "ideas/2026/2026-901-a.md", Data: []byte("---\nid: 2026-901\ntitle: A\nkind: idea\nstage: submitted\nsubmitted: 2026-11-01\nsubmitter:\n  name: Anna\nunit: nope\nrelated: [2026-999]\n---\n\nText.\n")},
		snapshot.File{Path: "ideas/2026/2026-901-b.md", Data: []byte("---\ntitle: B\nid: 2026-901\nkind: idea\nstage: screening\nsubmitted: 2026-11-01\nsubmitter:\n  name: Bo\nunit: it\nscreening:\n  date: 2026-11-02\n  duplicate_of: 2026-998\n---\n\nText.\n")},
		snapshot.File{Path: "ideas/2026/2026-902-c.md", Data: []byte("no front matter\n")},
	)
	snap.Sort()
	want := Lint(snap, benchToday)
	if len(want.Diags) < 5 {
		t.Fatalf("the bank gives %d messages; the test needs more to compare", len(want.Diags))
	}
	for _, opts := range []Options{{NoKeys: true}, {Consume: true}, {NoKeys: true, Consume: true}} {
		s := cloneSnapshot(snap)
		got := LintWith(s, benchToday, opts)
		if !reflect.DeepEqual(got.Diags, want.Diags) {
			t.Errorf("%+v: messages\n%v\nwant those of Lint\n%v", opts, got.Diags, want.Diags)
		}
		if len(got.Ideas) != len(want.Ideas) {
			t.Errorf("%+v: %d ideas, want %d", opts, len(got.Ideas), len(want.Ideas))
		}
		if keep := !opts.NoKeys; (got.Keys != nil) != keep || keep && len(got.Keys) != len(got.Ideas) {
			t.Errorf("%+v: %d positions kept for %d ideas", opts, len(got.Keys), len(got.Ideas))
		}
		for _, f := range s.Ideas {
			if (f.Data == nil) != opts.Consume {
				t.Errorf("%+v: %s: bytes kept %v", opts, f.Path, f.Data != nil)
				break
			}
		}
	}
	// The lines, spelt out for the checks across files.
	lines := map[string]int{}
	for _, d := range want.Diags {
		lines[d.Path+" "+string(d.Rule)] = d.Pos.Line
	}
	for key, line := range map[string]int{
		"ideas/2026/2026-901-a.md related":      10,
		"ideas/2026/2026-901-a.md duplicate-id": 2,
		"ideas/2026/2026-901-b.md duplicate-id": 3,
		"ideas/2026/2026-901-b.md duplicate-of": 12,
	} {
		if lines[key] != line {
			t.Errorf("%s: line %d, want %d (all: %v)", key, lines[key], line, lines)
		}
	}
}

// TestLintNoKeysLetsGo: without Keys, the positions of the ideas checked
// are let go while the others are, not all held until the check ends.
// Dropping Result.Keys after Lint returned, as the build did, fails it:
// the heap at the end of the check is the same.
func TestLintNoKeysLetsGo(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 1,500 ideas twice with a busy collector")
	}
	snap := corpusSnapshot(1500)
	var res *Result
	kept := peakLive(func() { res = Lint(snap, benchToday) })
	res.Keys = nil
	res = nil
	let := peakLive(func() { res = LintWith(snap, benchToday, Options{NoKeys: true}) })
	runtime.KeepAlive(res)
	t.Logf("peak live heap: %.1f MB keeping the positions, %.1f MB letting them go", float64(kept)/1e6, float64(let)/1e6)
	// The positions are some 40% of what the check holds at its end, the
	// files' bytes (which snap holds here) and the ideas the rest.
	if float64(let) > 0.75*float64(kept) {
		t.Errorf("peak live heap %d bytes without the positions, %d with: they are held to the end", let, kept)
	}
}

// BenchmarkLintBuild10k is the check of idebank build on 10,000 ideas in
// memory: no positions kept, the files' bytes taken. peak-MB is the live
// heap at its largest, against Lint's.
func BenchmarkLintBuild10k(b *testing.B) {
	s := corpusSnapshot(10000)
	for _, c := range []struct {
		name string
		opts *Options
	}{{"Lint", nil}, {"NoKeys+Consume", &Options{NoKeys: true, Consume: true}}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				b.StopTimer()
				snap := cloneSnapshot(s)
				b.StartTimer()
				var res *Result
				lint := func() {
					if c.opts == nil {
						res = Lint(snap, benchToday)
					} else {
						res = LintWith(snap, benchToday, *c.opts)
					}
				}
				if peak == 0 {
					// Once: the busy collector is no part of the time.
					b.StopTimer()
					peak = peakLive(lint)
					b.StartTimer()
				} else {
					lint()
				}
				if res.Errors() != 0 {
					b.Fatal("corpus has errors")
				}
			}
			b.ReportMetric(float64(peak)/1e6, "peak-MB")
		})
	}
}
