package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// svgTextJS lists the texts of the charts that stick out of their chart:
// a label cut off at the chart's edge is one a reader cannot read whole.
const svgTextJS = `(function () {
  var out = [];
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    svg.querySelectorAll('text').forEach(function (t) {
      var r = t.getBoundingClientRect();
      if (r.width === 0) { return; }
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
        out.push('"' + t.textContent + '" at ' + Math.round(r.left - box.left) + '..' + Math.round(r.right - box.left) +
          ' of ' + Math.round(box.width) + 'px');
      }
    });
  });
  return out;
})()`

// chartCountJS counts the charts' texts, so that a test of them can tell
// that there were some.
const chartCountJS = `document.querySelectorAll('svg.chart text').length`

// TestChartLabelsWhole loads the reports at 320 and 390 px, at 1366 px
// and as printed, and requires every text of every chart inside its chart.
func TestChartLabelsWhole(t *testing.T) {
	t.Parallel()
	need(t)
	ctx := newTab(t)
	for _, p := range []string{"reports/2025/", "reports/2026/", "reports/2026-q4/"} {
		for _, vp := range []viewport{narrow, phone, desktop} {
			if err := chromedp.Do(ctx, vp.emulate()); err != nil {
				t.Fatal(err)
			}
			for _, media := range []string{"screen", "print"} {
				if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
					t.Fatal(err)
				}
				open(ctx, t, p, "")
				if n := eval[int](ctx, t, chartCountJS); n < 10 {
					t.Fatalf("%s: only %d texts in its charts", p, n)
				}
				if out := eval[[]string](ctx, t, svgTextJS); len(out) > 0 {
					t.Errorf("%s at %dpx (%s): chart texts outside their chart:\n  %s", p, vp.width, media, strings.Join(out, "\n  "))
				}
			}
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
		t.Fatal(err)
	}
}

// focusJS says how the focused element shows its focus: an outline, or
// nothing.
const focusShownJS = `(function () { var e = document.activeElement; if (!e || e === document.body) { return 'nothing has focus'; }
  var s = getComputedStyle(e), r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) { return ''; }
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) { return ''; }
  if (s.boxShadow && s.boxShadow !== 'none') { return ''; }
  return e.tagName.toLowerCase() + ' "' + e.textContent.trim().slice(0, 40) + '" shows no focus';
})()`

// TestFocusVisible tabs through the first links and controls of every
// kind of page, at 390 and 1366 px: each must show that it has focus.
func TestFocusVisible(t *testing.T) {
	t.Parallel()
	need(t)
	ctx := newTab(t)
	for _, vp := range []viewport{phone, desktop} {
		if err := chromedp.Do(ctx, vp.emulate()); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			open(ctx, t, p.path, p.ready)
			for i := 0; i < 12; i++ {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
					t.Fatal(err)
				}
				if out := eval[string](ctx, t, focusShownJS); out != "" {
					t.Errorf("%s at %dpx, Tab %d: %s", p.path, vp.width, i+1, out)
					break
				}
			}
		}
	}
}

// TestReportOfARunningPeriod loads the report of the year the fixture's
// today falls in: it must say that it shows the state as of today, and
// claim nothing of the days to come.
func TestReportOfARunningPeriod(t *testing.T) {
	t.Parallel()
	need(t)
	ctx := newTab(t)
	open(ctx, t, "reports/2026/", "")
	text := eval[string](ctx, t, "document.querySelector('main').innerText")
	if !strings.Contains(text, "Perioden pågår: rapporten visar läget den "+today.String()) {
		t.Errorf("the report of the running year does not say it is as of today:\n%.600s", text)
	}
	if strings.Contains(text, "Den 2026-12-31") || strings.Contains(text, "Det som väntar vid periodens slut") {
		t.Errorf("the report of the running year states the end of the year as fact:\n%.600s", text)
	}
	if strings.Contains(text, "dec\n") {
		t.Error("the inflow chart has a bar for a month to come")
	}
	open(ctx, t, "reports/2025/", "")
	if text := eval[string](ctx, t, "document.querySelector('main').innerText"); strings.Contains(text, "Perioden pågår") {
		t.Error("the report of a year that has ended says it is still running")
	}
}
