package sitegen

import (
	"testing"

	"github.com/idebanken/idebanken/internal/model"
)

// BenchmarkReportPages10k makes the report pages of 10,000 ideas: every
// year's and quarter's report, its charts and its HTML, without rendering
// them or the rest of the build.
func BenchmarkReportPages10k(b *testing.B) {
	res := corpusResult(b, 10000)
	s := &site{opts: Options{Config: res.Config, Ideas: res.Ideas, Out: NewMemory()}, cfg: res.Config, lang: res.Config.Language, byID: map[string]*Idea{}}
	if !s.lang.Valid() {
		s.lang = model.Swedish
	}
	if err := s.views(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	made := 0
	for b.Loop() {
		made = 0
		for _, job := range s.reportJobs(func(*page) error { made++; return nil }) {
			if err := job(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	if made < 2 {
		b.Fatalf("%d report pages", made)
	}
}
