package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/demo"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/server"
)

const defaultAddr = "127.0.0.1:8080"

// defaultServeInputTimeout bounds one API ingest body or one collected
// source's pages, so that one request cannot hold ingest for long.
const defaultServeInputTimeout = 2 * time.Minute

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--db DSN] [--addr 127.0.0.1:8080]")
	db := dbFlag(fs)
	addr := fs.String("addr", defaultAddr, "address to listen on; the default accepts local connections only")
	rate := fs.Float64("rate", server.DefaultRateLimit, "API requests a second each client may make (bursts of twice that); 0 for no limit")
	collectOn := fs.Bool("collect", true, "collect from the sources (parallax sources) in the background, each at its interval")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body a write endpoint accepts")
	fetchCfg := fetchFlags(fs)
	budgets := budgetFlags(fs, defaultServeInputTimeout)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	shared := &lockedPipeline{p: st.pipeline(input.NewDecoder())}
	budgets(shared.p)
	c := st.collector(fetchCfg(), shared.p.Decoder)
	var wg sync.WaitGroup
	if *collectOn {
		loop := &collectLoop{c: c, p: shared}
		wg.Go(func() { loop.run(ctx, e.stdout, false) })
	}
	writes, err := writeEndpoints(ctx, e, st, shared, c, *maxBody)
	if err != nil {
		return err
	}
	err = serveWith(ctx, e, st, *addr, *rate, writes)
	// the collector stops before the store closes
	cancel()
	wg.Wait()
	return err
}

// serve runs the read-only web server until ctx is cancelled, then
// drains in-flight requests for up to ten seconds. rate is the API rate
// limit per client.
func serve(ctx context.Context, e *env, st *store, addr string, rate float64) error {
	return serveWith(ctx, e, st, addr, rate, nil)
}

// serveWith is serve with the write endpoints enabled when writes is set.
func serveWith(ctx context.Context, e *env, st *store, addr string, rate float64, writes *server.Writes) error {
	srv, err := newServer(st)
	if err != nil {
		return err
	}
	srv.RateLimit, srv.Writes = rate, writes
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: time.Minute, WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stdout, "Parallax is serving %s on %s (Ctrl-C to stop)\n", st.name, url)
	if e.ready != nil {
		e.ready(url)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down server: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	slog.Info("server stopped")
	return nil
}

// newServer is the web server on the store, without rate limit or writes.
func newServer(st *store) (*server.Server, error) {
	srv, err := server.New(st.stories, st.articles, st.sources)
	if err != nil {
		return nil, err
	}
	srv.Annotations, srv.Analyses, srv.Search, srv.Subscriptions = st.annots, st.analyses, st.search, st.subs
	srv.Changes = st.changes
	return srv, nil
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--addr 127.0.0.1:8080]")
	addr := fs.String("addr", defaultAddr, "address to listen on")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "parallax-demo-")
	if err != nil {
		return fmt.Errorf("create demo directory: %w", err)
	}
	defer os.RemoveAll(dir)
	corpus := filepath.Join(dir, "corpus")
	if err := writeCorpus(corpus); err != nil {
		return err
	}
	st, err := openStore(e, filepath.Join(dir, "demo.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	p := st.pipeline(input.NewDecoder())
	sum, err := p.Ingest(ctx, []string{corpus})
	if err != nil {
		return err
	}
	_, stories, err := st.stories.FindStories(ctx, parallax.StoryFilter{Limit: 1})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Loaded the demo corpus: %d articles in %d stories.\n", sum.Stored(), stories)
	return serve(ctx, e, st, *addr, server.DefaultRateLimit)
}

// writeCorpus copies the embedded demo corpus to dir, so that the demo
// ingests it exactly as a user's files would be.
func writeCorpus(dir string) error {
	return fs.WalkDir(demo.Corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read demo corpus: %w", err)
		}
		target := filepath.Join(dir, filepath.FromSlash(path[len("corpus"):]))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := demo.Corpus.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read demo corpus: %w", err)
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return fmt.Errorf("write demo corpus: %w", err)
		}
		return nil
	})
}
