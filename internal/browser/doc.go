// Package browser holds only tests: they build the site from the shipped
// ideas and hostile fixtures, serve it under a sub-path on 127.0.0.1, and
// drive Debian's headless Chromium through chromedp. They run axe-core on
// every kind of page at a desktop and a phone viewport (WCAG 2.1 A and AA),
// and test search, keyboard use, pages without JavaScript, and that idea
// text never runs as script.
//
// They need /usr/bin/chromium (apt-get install chromium) and axe-core
// (npm ci --prefix tools). Without them the tests skip, except under CI=true,
// where they fail. Set IDEBANK_SCREENSHOTS to a folder to keep the
// screenshots they take.
package browser
