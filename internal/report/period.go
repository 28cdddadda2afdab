package report

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/idebanken/idebanken/internal/model"
)

// Period is a span of days, both ends included.
type Period struct {
	From, To model.Date
	// Name is how the period was asked for: 2026, 2026-Q2, 2026-05, or
	// 2026-01-01..2026-06-30.
	Name string
}

var (
	yearPattern    = regexp.MustCompile(`^(\d{4})$`)
	quarterPattern = regexp.MustCompile(`^(\d{4})-[Qq]([1-4])$`)
	monthPattern   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	rangePattern   = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$`)
)

// ParsePeriod reads a period: a year (2026), a quarter (2026-Q2), a month
// (2026-05) or two dates (2026-01-01..2026-06-30).
func ParsePeriod(s string) (Period, error) {
	if m := yearPattern.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return Period{model.Date{Year: y, Month: 1, Day: 1}, model.Date{Year: y, Month: 12, Day: 31}, s}, nil
	}
	if m := quarterPattern.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		q, _ := strconv.Atoi(m[2])
		from := model.Date{Year: y, Month: time.Month(3*q - 2), Day: 1}
		return Period{from, monthEnd(y, time.Month(3*q)), fmt.Sprintf("%d-Q%d", y, q)}, nil
	}
	if m := monthPattern.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return Period{}, fmt.Errorf("%q: there is no month %d", s, mo)
		}
		return Period{model.Date{Year: y, Month: time.Month(mo), Day: 1}, monthEnd(y, time.Month(mo)), s}, nil
	}
	if m := rangePattern.FindStringSubmatch(s); m != nil {
		from, err := model.ParseDate(m[1])
		if err != nil {
			return Period{}, err
		}
		to, err := model.ParseDate(m[2])
		if err != nil {
			return Period{}, err
		}
		if to.Before(from) {
			return Period{}, fmt.Errorf("%q ends before it starts", s)
		}
		return Period{from, to, s}, nil
	}
	return Period{}, fmt.Errorf("%q is not a period: write 2026, 2026-Q2, 2026-05 or 2026-01-01..2026-06-30", s)
}

func monthEnd(y int, m time.Month) model.Date {
	return model.DateOf(time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC))
}

// Contains reports whether d lies in p.
func (p Period) Contains(d model.Date) bool { return p.has(d) }

// has is Contains, quick enough to ask of every idea for every report.
func (p *Period) has(d model.Date) bool {
	return !d.IsZero() && !before(d, p.From) && !before(p.To, d)
}

// before is a.Before(b), quick.
func before(a, b model.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// Days returns the number of days in p.
func (p Period) Days() int { return p.From.DaysUntil(p.To) + 1 }

// Previous returns the period of the same kind just before p: the year,
// quarter or month before, or as many days before a range.
func (p Period) Previous() Period {
	switch {
	case yearPattern.MatchString(p.Name):
		q, _ := ParsePeriod(strconv.Itoa(p.From.Year - 1))
		return q
	case quarterPattern.MatchString(p.Name), monthPattern.MatchString(p.Name):
		months := 1
		if quarterPattern.MatchString(p.Name) {
			months = 3
		}
		from := model.DateOf(p.From.Time().AddDate(0, -months, 0))
		end := p.From.AddDays(-1)
		name := fmt.Sprintf("%04d-%02d", from.Year, from.Month)
		if months == 3 {
			name = fmt.Sprintf("%d-Q%d", from.Year, (int(from.Month)+2)/3)
		}
		return Period{from, end, name}
	}
	to := p.From.AddDays(-1)
	from := to.AddDays(-(p.Days() - 1))
	return Period{from, to, from.String() + ".." + to.String()}
}

// Months returns the first day of each month that p touches.
func (p Period) Months() []model.Date {
	var ms []model.Date
	for d := (model.Date{Year: p.From.Year, Month: p.From.Month, Day: 1}); !d.After(p.To); d = model.DateOf(d.Time().AddDate(0, 1, 0)) {
		ms = append(ms, d)
	}
	return ms
}
