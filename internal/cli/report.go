package cli

import (
	"bytes"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/report"
	"github.com/idebanken/idebanken/internal/vocab"
)

// ReportOptions are the inputs of idebank report.
type ReportOptions struct {
	Stdout, Stderr io.Writer

	Dir    string
	Period report.Period
	Unit   string
	Format report.Format
	Out    string // a file; "" for standard output
	Lang   model.Lang
	Today  model.Date
}

func runReportCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &ReportOptions{Stdout: env.Stdout, Stderr: env.Stderr, Today: today(env.Now)}
	fs := newFlagSet("report")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	period := fs.String("period", "", "")
	fs.StringVar(&opts.Unit, "unit", "", "")
	format := fs.String("format", "md", "")
	fs.StringVar(&opts.Out, "out", "", "")
	langFlag := fs.String("lang", "", "")
	fs.Var(dateFlag{&opts.Today}, "today", "")
	if code, ok := parseFlags(fs, args, lang, "cli.report-usage", env); !ok {
		return code
	}
	if *period == "" {
		*period = strconv.Itoa(opts.Today.Year)
	}
	p, err := report.ParsePeriod(*period)
	if err != nil {
		if from, to, ok := strings.Cut(*period, ".."); ok {
			a, errA := model.ParseDate(from)
			b, errB := model.ParseDate(to)
			if errA == nil && errB == nil && b.Before(a) {
				return valueError(env.Stderr, lang, "report", "cli.bad-period-order", *period, to, from)
			}
		}
		return valueError(env.Stderr, lang, "report", "cli.bad-period", *period)
	}
	opts.Period = p
	f, ok := choice(env.Stderr, lang, "report", "format", *format, vocab.Plain(report.Formats))
	if !ok {
		return ExitCannot
	}
	opts.Format = report.Format(f)
	if *langFlag != "" {
		l, ok := choice(env.Stderr, lang, "report", "lang", *langFlag, vocab.Langs())
		if !ok {
			return ExitCannot
		}
		opts.Lang = model.Lang(l)
	}
	if opts.Out != "" && !filepath.IsAbs(opts.Out) {
		opts.Out = filepath.Join(env.Dir, opts.Out)
	}
	return runReport(opts, lang)
}

func runReport(opts *ReportOptions, lang model.Lang) int {
	b, ok := openBank(opts.Dir, opts.Today, opts.Stderr, lang)
	if !ok {
		return ExitCannot
	}
	cfg := b.Res.Config
	lang = b.Lang
	if opts.Lang != "" {
		lang = opts.Lang
	}
	if opts.Unit != "" {
		u, ok := vocab.Unit(cfg, opts.Unit)
		if !ok {
			return valueError(opts.Stderr, lang, "report", "cli.unknown-unit", opts.Unit, vocab.List(vocab.Units(cfg), lang))
		}
		opts.Unit = u
	}
	if errs := b.Res.Errors(); errs > 0 {
		say(opts.Stderr, lang, "cli.report-with-errors", errs)
	}
	r := report.Make(cfg, b.Res.Ideas, report.Options{Period: opts.Period, Unit: opts.Unit, Today: opts.Today})
	info := report.Info{Title: cfg.Title, Organisation: cfg.Organisation, Units: map[string]string{}, Lang: lang, Process: cfg.Process}
	if cfg.BaseURL != "" {
		info.IdeaURL = strings.TrimSuffix(cfg.BaseURL, "/") + "/idea/" // the site's pages of the ideas
	}
	for _, u := range cfg.Units {
		info.Units[u.ID] = u.Name
	}
	var buf bytes.Buffer
	write := map[report.Format]func(io.Writer, *report.Report, report.Info) error{
		report.Markdown: report.WriteMarkdown, report.HTML: report.WriteHTML,
		report.CSV: report.WriteCSV, report.JSON: report.WriteJSON,
	}[opts.Format]
	if err := write(&buf, r, info); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	var err error
	if opts.Out == "" {
		_, err = opts.Stdout.Write(buf.Bytes())
	} else {
		err = atomicfile.WriteFile(opts.Out, buf.Bytes(), 0o644)
	}
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	return ExitOK
}
