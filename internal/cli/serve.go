package cli

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/sitegen"
)

// ServeOptions are the inputs of idebank serve.
type ServeOptions struct {
	Stdout, Stderr io.Writer

	Dir   string
	Addr  string        // host:port to listen on
	Poll  time.Duration // how often to look for changed files
	Today func() model.Date
	// Listening, when set, is called with the address once the server
	// listens: tests use it to know where to connect.
	Listening func(addr string)
}

func runServeCmd(args []string, env Env) int {
	lang := envLang(env.Getenv)
	opts := &ServeOptions{Stdout: env.Stdout, Stderr: env.Stderr, Poll: 500 * time.Millisecond,
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

// preview is the site as last built, in memory.
type preview struct {
	mu   sync.RWMutex
	site *sitegen.Memory
}

func (p *preview) get() *sitegen.Memory {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.site
}

// runServe serves a preview of the site until ctx ends, and rebuilds it
// whenever a file it is made from changes.
func runServe(ctx context.Context, opts *ServeOptions, lang model.Lang) int {
	var p preview
	rebuild := func() (*bank, bool) {
		b, err := loadBank(opts.Dir, opts.Today())
		if err != nil {
			cannot(opts.Stderr, lang, err)
			return nil, false
		}
		if b.Res.Config == nil {
			b.printErrors(opts.Stderr, b.Lang)
			return b, false
		}
		hist, err := readHistory(b.Root)
		if err != nil {
			cannot(opts.Stderr, b.Lang, err)
			return b, false
		}
		m := sitegen.NewMemory()
		if err := sitegen.Build(sitegen.Options{Config: b.Res.Config, Ideas: b.Res.Ideas, Theme: theme(b.Root), Out: m, History: hist}); err != nil {
			cannot(opts.Stderr, b.Lang, err)
			return b, false
		}
		b.printErrors(opts.Stderr, b.Lang)
		p.mu.Lock()
		p.site = m
		p.mu.Unlock()
		return b, true
	}
	b, ok := rebuild()
	if b == nil {
		return ExitCannot
	}
	if !ok {
		say(opts.Stderr, b.Lang, "cli.serve-waiting")
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return cannot(opts.Stderr, b.Lang, err)
	}
	srv := &http.Server{Handler: &siteHandler{p: &p}, ReadHeaderTimeout: 10 * time.Second}
	say(opts.Stdout, b.Lang, "cli.serving", "http://"+ln.Addr().String()+"/")
	if opts.Listening != nil {
		opts.Listening(ln.Addr().String())
	}
	go func() {
		last := stamp(b.Root)
		t := time.NewTicker(opts.Poll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if now := stamp(b.Root); now != last {
					last = now
					if nb, ok := rebuild(); ok {
						say(opts.Stdout, nb.Lang, "cli.rebuilt")
					}
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
		return cannot(opts.Stderr, b.Lang, err)
	}
	return ExitOK
}

// stamp sums up the state of the files a site is made from: the newest
// modification time and the number of files, so that a deletion shows too.
func stamp(root string) [2]int64 {
	var newest, count int64
	for _, name := range []string{"idebank.yaml", "ideas", "templates", "site"} {
		_ = filepath.WalkDir(filepath.Join(root, name), func(_ string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := d.Info(); err == nil {
				count++
				newest = max(newest, info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return [2]int64{newest, count}
}

// siteHandler serves a site in memory as a web server serves the folder:
// index.html for a folder, 404.html for what is not there.
type siteHandler struct{ p *preview }

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	site := h.p.get()
	if site == nil {
		http.Error(w, "the site could not be built: see the terminal", http.StatusServiceUnavailable)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	} else if _, ok := site.File(name); !ok {
		if _, ok := site.File(name + "/index.html"); ok {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	data, ok := site.File(name)
	status := http.StatusOK
	if !ok {
		data, _ = site.File("404.html")
		name, status = "404.html", http.StatusNotFound
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
