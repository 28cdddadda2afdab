package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/idebanken/idebanken/internal/corpus"
	"github.com/idebanken/idebanken/internal/model"
)

// benchPeriods are the years and quarters the site makes a report of for
// the generated corpus.
func benchPeriods(tb testing.TB) []Period {
	var ps []Period
	for y := 2022; y <= 2026; y++ {
		for _, name := range []string{fmt.Sprint(y), fmt.Sprintf("%d-Q1", y), fmt.Sprintf("%d-Q2", y), fmt.Sprintf("%d-Q3", y), fmt.Sprintf("%d-Q4", y)} {
			p, err := ParsePeriod(name)
			if err != nil {
				tb.Fatal(err)
			}
			ps = append(ps, p)
		}
	}
	return ps
}

func benchBank(b *testing.B) (*model.Config, []*model.Idea) {
	c := &model.Config{Title: "Idébanken", Organisation: "Benchkommunen", FeedbackDays: 30, Language: model.Swedish}
	for _, id := range []string{"kultur-och-utbildning", "vard-och-omsorg", "samhallsbyggnad"} {
		c.Units = append(c.Units, model.Unit{ID: id, Name: id})
	}
	ideas := parseCorpus(b, corpus.Generate(10000, 1))
	// In the order of their files, as the build passes them.
	slices.SortFunc(ideas, func(a, b *model.Idea) int { return strings.Compare(a.Path, b.Path) })
	return c, ideas
}

// BenchmarkMakeAll10k makes the site's reports of 10,000 ideas: a year's
// and its quarters' for five years, without the facts.
func BenchmarkMakeAll10k(b *testing.B) {
	c, ideas := benchBank(b)
	var opts []Options
	for _, p := range benchPeriods(b) {
		opts = append(opts, Options{Period: p, OmitFacts: true})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		MakeAll(c, ideas, opts)
	}
}

// BenchmarkMake10k is BenchmarkMakeAll10k a report at a time.
func BenchmarkMake10k(b *testing.B) {
	c, ideas := benchBank(b)
	ps := benchPeriods(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range ps {
			Make(c, ideas, Options{Period: p, OmitFacts: true})
		}
	}
}

// BenchmarkMakeFacts10k is BenchmarkMake10k with the facts, as the CSV
// and JSON formats make them.
func BenchmarkMakeFacts10k(b *testing.B) {
	c, ideas := benchBank(b)
	ps := benchPeriods(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range ps {
			Make(c, ideas, Options{Period: p})
		}
	}
}

// BenchmarkMarkdown10k writes the Markdown of the reports of
// BenchmarkMake10k.
func BenchmarkMarkdown10k(b *testing.B) {
	c, ideas := benchBank(b)
	var rs []*Report
	for _, p := range benchPeriods(b) {
		rs = append(rs, Make(c, ideas, Options{Period: p, OmitFacts: true}))
	}
	info := Info{Title: c.Title, Organisation: c.Organisation, Lang: model.Swedish}
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, r := range rs {
			buf.Reset()
			_ = WriteMarkdown(&buf, r, info)
		}
	}
}

// BenchmarkPageHTML10k writes the pages of the reports of
// BenchmarkMakeAll10k.
func BenchmarkPageHTML10k(b *testing.B) {
	benchPageHTML(b, Info{})
}

// BenchmarkPageHTMLLists10k is BenchmarkPageHTML10k as the site writes
// the pages: with links to the ideas, and the lists longer than 25 on
// pages of their own.
func BenchmarkPageHTMLLists10k(b *testing.B) {
	benchPageHTML(b, Info{IdeaURL: "../../idea/", ListMax: 25})
}

// benchPageHTML writes the pages of the reports of BenchmarkMakeAll10k
// with info, and reports the bytes of a round, lists' pages included.
func benchPageHTML(b *testing.B, info Info) {
	c, ideas := benchBank(b)
	var opts []Options
	for _, p := range benchPeriods(b) {
		opts = append(opts, Options{Period: p, OmitFacts: true})
	}
	rs := MakeAll(c, ideas, opts)
	info.Title, info.Organisation, info.Lang = c.Title, c.Organisation, model.Swedish
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, r := range rs {
			head, body, lists := PageHTML(r, info)
			n += len(head) + len(body)
			for _, l := range lists {
				for _, p := range l.Pages {
					n += len(p)
				}
			}
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "bytes/op")
}
