package collect

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is the fixture news site, served by a real HTTP server in the test
// process: the files of testdata/site with ETag and Last-Modified, plus
// routes that misbehave on purpose.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	requests []request
	flaky    int // failures left on /flaky.xml
	// clock, when set, stamps requests (the fetcher's fake clock).
	clock func() time.Time
}

type request struct {
	path, agent string
	at          time.Time
	conditional bool
}

var modTime = time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)

func newSite(t *testing.T) *site {
	s := &site{flaky: 2}
	mux := http.NewServeMux()
	mux.HandleFunc("/", s.file)
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><link>`)
	})
	mux.HandleFunc("/html-feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<!doctype html><html><head><title>Oops</title></head><body><p>Our feeds have moved.</p></body></html>`)
	})
	mux.HandleFunc("/flaky.xml", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		fail := s.flaky > 0
		s.flaky--
		s.mu.Unlock()
		if fail {
			w.Header().Set("Retry-After", "3")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		r.URL.Path = "/rss.xml"
		s.file(w, r)
	})
	mux.HandleFunc("/down.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fl := w.(http.Flusher)
		for {
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
			fl.Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/big.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>"+strings.Repeat("All work and no play. ", 100_000)+"</p></body></html>")
	})
	// built now, not on the first request: compressing 64 MiB took longer
	// than TestFetchFailures' 300 ms timeout on a loaded machine, which
	// then failed with a timeout instead of the size limit
	bomb()
	mux.HandleFunc("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		// 64 MiB of zeros in 64 KiB
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb())
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/moved.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/rss.xml", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	s.Server = httptest.NewServer(s.log(mux))
	t.Cleanup(s.Close)
	return s
}

var bomb = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 64 {
		w.Write(zeros)
	}
	w.Close()
	return b.Bytes()
})

func (s *site) log(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		at := time.Now()
		if s.clock != nil {
			at = s.clock()
		}
		s.mu.Lock()
		s.requests = append(s.requests, request{path: r.URL.Path, agent: r.UserAgent(), at: at,
			conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != ""})
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// file serves testdata/site with validators; urls.txt names the server.
func (s *site) file(w http.ResponseWriter, r *http.Request) {
	name := filepath.Join("testdata", "site", filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/")))
	if strings.HasSuffix(r.URL.Path, "/") {
		name = filepath.Join(name, "index.html")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	data = bytes.ReplaceAll(data, []byte("HOST"), []byte(strings.TrimPrefix(s.URL, "http://")))
	switch filepath.Ext(name) {
	case ".xml":
		w.Header().Set("Content-Type", "application/xml")
	case ".json":
		w.Header().Set("Content-Type", "application/feed+json")
	case ".txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	case ".html":
		// cafe.html is Latin-1: this header is wrong for it on purpose
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sha256.Sum256(data))[:18]+`"`)
	http.ServeContent(w, r, name, modTime, bytes.NewReader(data))
}

// paths returns the paths requested so far.
func (s *site) paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.requests))
	for i, r := range s.requests {
		out[i] = r.path
	}
	return out
}

func (s *site) count(path string) int {
	n := 0
	for _, p := range s.paths() {
		if p == path {
			n++
		}
	}
	return n
}

// fakeClock makes a fetcher's waits instant and measurable: sleeping moves
// the clock.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	waits []time.Duration
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) install(f *Fetcher) {
	c.t = time.Now().Truncate(time.Second)
	f.now = c.now
	f.sleep = func(ctx context.Context, d time.Duration) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		if d > 0 {
			c.t = c.t.Add(d)
			c.waits = append(c.waits, d)
		}
		return ctx.Err()
	}
}
