package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/idebanken/idebanken/internal/check"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/history"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/sitegen"
	"github.com/idebanken/idebanken/internal/snapshot"
)

// ServeOptions are the inputs of idebank serve.
type ServeOptions struct {
	Stdout, Stderr io.Writer

	Dir   string
	Addr  string // host:port to listen on
	Today func() model.Date
	// Listening, when set, is called with the address once the server
	// listens: tests use it to know where to connect.
	Listening func(addr string)
}

func runServeCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &ServeOptions{Stdout: env.Stdout, Stderr: env.Stderr,
		Today: func() model.Date { return today(env.Now) }}
	fs := newFlagSet("serve")
	fs.StringVar(&opts.Dir, "C", env.Dir, "")
	fs.StringVar(&opts.Addr, "addr", "localhost:8080", "")
	if code, ok := parseFlags(fs, args, lang, "cli.serve-usage", env); !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return runServe(ctx, opts, lang)
}

// settle is how long serve waits after a change for more: an editor's save
// is often a few events (a new file, a rename, a change of mode).
const settle = 30 * time.Millisecond

// preview is the site as last built, rendered page by page as it is asked
// for, and the generation it is: a new one for each rebuild.
type preview struct {
	mu      sync.RWMutex
	site    *sitegen.Site
	gen     string
	changed chan struct{} // closed when a newer generation is there
}

func (p *preview) get() (*sitegen.Site, string, chan struct{}) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.site, p.gen, p.changed
}

func (p *preview) set(site *sitegen.Site, gen string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.site, p.gen = site, gen
	if p.changed != nil {
		close(p.changed)
	}
	p.changed = make(chan struct{})
}

// served is the idea bank that serve keeps in memory between rebuilds:
// its files as last read, what the check found in each, and the view of
// each idea, so that a rebuild reads, checks and renders again only what
// changed.
type served struct {
	root  string
	today func() model.Date
	snap  *snapshot.Snapshot
	lint  *check.Cache
	views *sitegen.ViewCache
	hist  *history.History
}

// rebuild checks the bank as last read and prepares its site again, and
// returns the site, or nil where the configuration cannot be read or the
// site cannot be made; the errors are written to stderr, in the language
// it returns.
func (b *served) rebuild(stderr io.Writer, lang model.Lang) (*sitegen.Site, model.Lang) {
	res := check.LintCached(b.snap, b.today(), b.lint)
	if res.Config != nil {
		lang = res.Config.Language
	}
	printErrors(stderr, lang, res.Diags)
	if res.Config == nil {
		return nil, lang
	}
	site, err := sitegen.Prepare(sitegen.Options{Config: res.Config, Ideas: res.Ideas, Theme: theme(b.root), History: b.hist, Views: b.views, Today: b.today()})
	if err != nil {
		cannot(stderr, lang, err)
		return nil, lang
	}
	return site, lang
}

// runServe serves a preview of the site until ctx ends, and rebuilds it
// whenever a file it is made from changes.
func runServe(ctx context.Context, opts *ServeOptions, lang model.Lang) int {
	if info, err := os.Stat(opts.Dir); err != nil || !info.IsDir() {
		return cannot(opts.Stderr, lang, &noDirError{opts.Dir})
	}
	b := &served{root: findRoot(opts.Dir), today: opts.Today, lint: check.NewCache(), views: sitegen.NewViewCache()}
	var err error
	if b.hist, err = readHistory(b.root); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	var p preview
	start := strconv.FormatInt(time.Now().UnixNano(), 36)
	generation := 0
	rebuild := func() (model.Lang, bool) {
		site, l := b.rebuild(opts.Stderr, lang)
		if site == nil {
			return l, false
		}
		generation++
		p.set(site, start+"-"+strconv.Itoa(generation))
		return l, true
	}
	if b.snap, err = snapshot.FromDir(b.root); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	defer w.Close()
	if err := watchTree(w, b.root); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	git := gitDir(b.root)
	if err := watchGit(w, git); err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	lang, ok := rebuild()
	if !ok {
		say(opts.Stderr, lang, "cli.serve-waiting")
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return cannot(opts.Stderr, lang, err)
	}
	srv := &http.Server{Handler: &siteHandler{p: &p, ctx: ctx}, ReadHeaderTimeout: 10 * time.Second}
	say(opts.Stdout, lang, "cli.serving", "http://"+ln.Addr().String()+"/")
	if opts.Listening != nil {
		opts.Listening(ln.Addr().String())
	}
	go func() {
		for {
			changed, head, ok := collect(ctx, w, b.root, git)
			if !ok {
				return
			}
			reread := false
			if head {
				// A commit, a checkout or a pull moved HEAD: the timelines
				// of the ideas it touched are in the history read anew.
				_ = watchGit(w, git)
				if h, err := readHistory(b.root); err != nil {
					cannot(opts.Stderr, lang, err)
				} else if headOf(h) != headOf(b.hist) {
					b.hist, reread = h, true
				}
			}
			for _, rel := range changed {
				if rel == "" { // a folder came or went: read it all again
					snap, err := snapshot.FromDir(b.root)
					if err != nil {
						cannot(opts.Stderr, lang, err)
						continue
					}
					b.snap, reread = snap, true
					_ = watchTree(w, b.root)
					continue
				}
				c, err := b.snap.Reread(b.root, rel)
				if err != nil {
					cannot(opts.Stderr, lang, err)
				}
				reread = reread || c
			}
			if reread || themeChanged(changed) {
				if l, ok := rebuild(); ok {
					say(opts.Stdout, l, "cli.rebuilt")
				} else {
					say(opts.Stderr, l, "cli.serve-waiting")
				}
			}
		}
	}()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return cannot(opts.Stderr, lang, err)
	}
	return ExitOK
}

// printErrors prints the errors among ds.
func printErrors(w io.Writer, lang model.Lang, ds []diag.Diagnostic) {
	var errs []diag.Diagnostic
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	_ = diag.Write(w, diag.FormatText, lang, errs)
}

// watched are the files and folders a site is made from, from the root.
var watched = []string{snapshot.IdeasDir, "site"}

// watchTree watches root (for idebank.yaml) and every folder under the
// folders of watched. fsnotify watches a folder, not what is under it.
func watchTree(w *fsnotify.Watcher, root string) error {
	if err := w.Add(root); err != nil {
		return err
	}
	for _, name := range watched {
		if err := watchFolders(w, filepath.Join(root, name)); err != nil {
			return err
		}
	}
	return nil
}

// watchFolders watches dir and every folder under it; nothing where dir
// does not exist.
func watchFolders(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// collect waits for the next change of the files a site is made from,
// then for settle more, and returns the names that changed, slash-separated
// from root; "" for a folder made or removed; and whether the HEAD of the
// repository whose git folder is git ("" for none) may have moved. It
// returns false when ctx ends. Nothing runs while nothing changes.
func collect(ctx context.Context, w *fsnotify.Watcher, root, git string) ([]string, bool, bool) {
	var names []string
	head := false
	seen := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil, false, false
		case err, ok := <-w.Errors:
			if !ok {
				return nil, false, false
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) && !seen[""] {
				seen[""] = true // events were lost: read it all again
				names = append(names, "")
				head = git != ""
				timer = time.After(settle)
			}
		case ev, ok := <-w.Events:
			if !ok {
				return nil, false, false
			}
			if git != "" {
				if rel, err := filepath.Rel(git, ev.Name); err == nil && headRef(filepath.ToSlash(rel)) {
					head = true
					if timer == nil {
						timer = time.After(settle)
					}
					continue
				}
			}
			rel, err := filepath.Rel(root, ev.Name)
			if err != nil {
				continue
			}
			rel = filepath.ToSlash(rel)
			if !relevant(rel) {
				continue
			}
			if info, err := os.Lstat(ev.Name); (err == nil && info.IsDir()) || (err != nil && ev.Has(fsnotify.Remove|fsnotify.Rename) && seenDir(rel)) {
				rel = ""
			}
			if !seen[rel] {
				seen[rel] = true
				names = append(names, rel)
			}
			if timer == nil {
				timer = time.After(settle)
			}
		case <-timer:
			return names, head, true
		}
	}
}

// headRef reports whether rel, a name in the git folder, is one whose
// change can move HEAD: HEAD itself, the packed refs, or a branch.
func headRef(rel string) bool {
	return rel == "HEAD" || rel == "packed-refs" || strings.HasPrefix(rel, "refs/heads/")
}

// gitDir returns the git folder of the repository that holds root, or ""
// where there is none.
func gitDir(root string) string {
	repo, _, err := openRepo(root)
	if err != nil {
		return ""
	}
	defer repo.Close()
	return repo.Dir()
}

// watchGit watches the git folder git (for HEAD and the packed refs) and
// its branches' folders; nothing for "". The objects, which a commit
// writes many of, are left alone.
func watchGit(w *fsnotify.Watcher, git string) error {
	if git == "" {
		return nil
	}
	if err := w.Add(git); err != nil {
		return err
	}
	return watchFolders(w, filepath.Join(git, "refs", "heads"))
}

// headOf returns the commit h was read at, "" for none.
func headOf(h *history.History) string {
	if h == nil {
		return ""
	}
	return h.Head
}

// seenDir reports whether rel, a name that is gone, was a folder: one of
// ideas/ has no extension.
func seenDir(rel string) bool {
	return strings.HasPrefix(rel, snapshot.IdeasDir+"/") && path.Ext(rel) == ""
}

// relevant reports whether rel is a name a site is made from.
func relevant(rel string) bool {
	if rel == snapshot.ConfigFile {
		return true
	}
	for _, name := range watched {
		if rel == name || strings.HasPrefix(rel, name+"/") {
			return true
		}
	}
	return false
}

// themeChanged reports whether one of names is in the theme folder.
func themeChanged(names []string) bool {
	for _, n := range names {
		if strings.HasPrefix(n, "site/") || n == "site" {
			return true
		}
	}
	return false
}

// The paths serve answers itself, beside the site's: no site has a file
// under .idebank/.
const (
	reloadScript = "/.idebank/reload.js"
	eventsPath   = "/.idebank/events"
)

// reloadJS reloads the page when serve says that a newer build is there.
// It is served by serve alone and put into each page as it is served:
// the built pages carry no such code.
const reloadJS = `(function () {
  "use strict";
  var seen = null;
  var events = new EventSource("/.idebank/events");
  events.onmessage = function (e) {
    if (seen === null) { seen = e.data; return; }
    if (e.data !== seen) { location.reload(); }
  };
})();
`

// reloadTag is put before </body> of every page serve serves.
const reloadTag = `<script src="` + reloadScript + `"></script>`

// siteHandler serves a site in memory as a web server serves the folder:
// index.html for a folder, 404.html for what is not there.
type siteHandler struct {
	p   *preview
	ctx context.Context
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case reloadScript:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = io.WriteString(w, reloadJS)
		return
	case eventsPath:
		h.events(w, r)
		return
	}
	site, _, _ := h.p.get()
	if site == nil {
		http.Error(w, "the site could not be built: see the terminal", http.StatusServiceUnavailable)
		return
	}
	file := func(name string) ([]byte, bool) {
		b, ok, err := site.File(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
		return b, ok
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	} else if _, ok := file(name); !ok {
		if _, ok := file(name + "/index.html"); ok {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	data, ok := file(name)
	status := http.StatusOK
	if !ok {
		data, _ = file("404.html")
		name, status = "404.html", http.StatusNotFound
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasPrefix(ctype, "text/html") {
		if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
			data = append(append(append([]byte(nil), data[:i]...), reloadTag...), data[i:]...)
		}
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store") // a preview is never stale
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// events sends the generation of the site as server-sent events: the one
// there now, then each newer one as it comes.
func (h *siteHandler) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "no streaming", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	for {
		_, gen, changed := h.p.get()
		if _, err := fmt.Fprintf(w, "data: %s\n\n", gen); err != nil {
			return
		}
		flusher.Flush()
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		case <-h.ctx.Done():
			return
		}
	}
}
