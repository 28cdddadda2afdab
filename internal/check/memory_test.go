package check

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"

	"github.com/idebanken/idebanken/internal/snapshot"
)

// peakLive runs f and returns by how much the live heap grew at most while
// it ran, as the collections found it, in bytes: what f needs at once,
// whatever the collector's settings and whatever was live before.
// The collector runs at every 10% of growth meanwhile, so that the peak is
// missed by little.
func peakLive(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	runtime.GC()
	metrics.Read(sample)
	var (
		mu   sync.Mutex
		base = sample[0].Value.Uint64()
		peak = base
		done bool
	)
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
	runtime.GC() // what f left, which its last cleanup may not read in time
	mu.Lock()
	defer mu.Unlock()
	done = true
	metrics.Read(sample)
	return max(peak, sample[0].Value.Uint64()) - base
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
// the heap at the end of the check is the same. It measures in a process
// of its own, where no other test's heap or garbage blurs the peaks.
func TestLintNoKeysLetsGo(t *testing.T) {
	if os.Getenv("CHECK_PEAK_CHILD") != "" {
		lintPeaks()
		return
	}
	if testing.Short() {
		t.Skip("lints 1,500 ideas twice with a busy collector")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLintNoKeysLetsGo$")
	cmd.Env = append(os.Environ(), "CHECK_PEAK_CHILD=1")
	out, err := cmd.CombinedOutput()
	var kept, let uint64
	if _, scanErr := fmt.Sscanf(string(out), "peaks %d %d", &kept, &let); err != nil || scanErr != nil {
		t.Fatalf("measuring: %v %v\n%s", err, scanErr, out)
	}
	t.Logf("live heap at most: %.1f MB keeping the positions, %.1f MB letting them go", float64(kept)/1e6, float64(let)/1e6)
	// The positions are some 40% of what the check holds at its end, the
	// files' bytes (which snap holds here) and the ideas the rest.
	if float64(let) > 0.7*float64(kept) {
		t.Errorf("live heap at most %d bytes without the positions, %d with: they are held to the end", let, kept)
	}
}

// lintPeaks prints the peaks of TestLintNoKeysLetsGo, in its own process.
func lintPeaks() {
	snap := corpusSnapshot(1500)
	Lint(corpusSnapshot(50), benchToday) // what is made once, for all
	var res *Result
	kept := peakLive(func() { res = Lint(snap, benchToday) })
	res = nil
	let := peakLive(func() { res = LintWith(snap, benchToday, Options{NoKeys: true}) })
	runtime.KeepAlive(res)
	fmt.Printf("peaks %d %d\n", kept, let)
}

// BenchmarkLintBuild10k is the check of idebank build on 10,000 ideas in
// memory: no positions kept, the files' bytes taken. peak-MB is the live
// heap at its largest (above what it was before), against Lint's.
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
