// Package collect keeps Parallax up to date from the web: it fetches
// feeds, sitemaps, URL lists and pages politely (robots.txt, a per-host
// rate, conditional GET, retries with backoff, bounded redirects and
// sizes, no private addresses) and turns what it finds into input records
// for the pipeline.
package collect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config holds the fetching parameters. DefaultConfig documents each.
type Config struct {
	// UserAgent is sent with every request and matched against robots.txt.
	UserAgent string
	// Timeout bounds one request from dialling to the last body byte, so a
	// server that trickles bytes forever costs at most this long.
	Timeout time.Duration
	// MaxBytes bounds a response body after decompression, so a gzip bomb
	// stops there.
	MaxBytes int64
	// MaxRedirects is the number of redirects followed per request.
	MaxRedirects int
	// Retries is the number of further attempts after a network error, a
	// 429 or a 5xx response.
	Retries int
	// Backoff is the base delay before a retry; it doubles per attempt, with
	// full jitter, and a Retry-After header longer than it wins up to
	// MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// HostInterval is the least time between two requests to one host; a
	// robots.txt Crawl-delay that is longer wins.
	HostInterval time.Duration
	// AllowPrivate lets requests reach loopback, private and link-local
	// addresses. Off by default: a feed must not make Parallax probe the
	// network it runs in.
	AllowPrivate bool
}

// DefaultConfig returns the parameters Parallax ships with.
func DefaultConfig() Config {
	return Config{
		UserAgent:    "Parallax/1.0 (+https://github.com/parallax-news/parallax)",
		Timeout:      30 * time.Second,
		MaxBytes:     16 << 20,
		MaxRedirects: 5,
		Retries:      2,
		Backoff:      time.Second,
		MaxBackoff:   time.Minute,
		HostInterval: time.Second,
	}
}

// Request is one URL to fetch, with the validators of an earlier response
// for a conditional GET.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is a fetched document.
type Response struct {
	// URL is where the document was found, after redirects.
	URL    string
	Status int
	// NotModified is true on a 304: the document has not changed since the
	// validators of the request, and Body is empty.
	NotModified bool
	Body        []byte
	// ContentType is the header as sent. MediaType is it without
	// parameters, lowercased;
	// Charset is its charset parameter, if any.
	ContentType, MediaType, Charset string
	ETag, LastModified              string
}

// Fetcher fetches documents politely. It is safe for concurrent use.
type Fetcher struct {
	cfg    Config
	client *http.Client
	// sleep waits, or returns the context's error; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
	now   func() time.Time

	mu     sync.Mutex
	hosts  map[string]*host
	robots map[string]*robotsEntry
}

// host is the rate state of one host.
type host struct {
	next time.Time // the earliest time of the next request
}

// NewFetcher returns a Fetcher with cfg; zero fields take DefaultConfig's
// values.
func NewFetcher(cfg Config) *Fetcher {
	allow := PublicAddress
	if cfg.AllowPrivate {
		allow = func(netip.Addr) bool { return true }
	}
	return newFetcher(cfg, allow)
}

// newFetcher is NewFetcher with the addresses allowed given by allow.
func newFetcher(cfg Config, allow func(netip.Addr) bool) *Fetcher {
	def := DefaultConfig()
	if cfg.UserAgent == "" {
		cfg.UserAgent = def.UserAgent
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = def.Timeout
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = def.MaxBytes
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = def.MaxRedirects
	}
	if cfg.Retries < 0 {
		cfg.Retries = 0
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = def.Backoff
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = def.MaxBackoff
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		DialContext:           guardedDialer(dialer, allow),
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		// No proxy: a proxy would dial for us and bypass the address check.
	}
	f := &Fetcher{cfg: cfg, hosts: map[string]*host{}, robots: map[string]*robotsEntry{}, sleep: sleepCtx, now: time.Now}
	f.client = &http.Client{
		Transport: transport,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > cfg.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", cfg.MaxRedirects)
			}
			if err := checkURL(req.URL); err != nil {
				return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), err)
			}
			return nil
		},
	}
	return f
}

// Config returns the fetcher's parameters.
func (f *Fetcher) Config() Config { return f.cfg }

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// ParseURL checks that s is an absolute http or https URL without
// credentials, and returns it parsed.
func ParseURL(s string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("not a URL: %w", err)
	}
	if err := checkURL(u); err != nil {
		return nil, err
	}
	return u, nil
}

// Redact hides the password of a URL for messages.
func Redact(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return s
}

func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("scheme %q is not fetched (want http or https)", u.Scheme)
	}
	if u.Hostname() == "" {
		return errors.New("URL has no host")
	}
	if u.User != nil {
		return errors.New("URL carries credentials")
	}
	return nil
}

// Fetch gets one document: robots.txt allowing, at the host's pace, with
// retries. Errors name the URL.
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	u, err := ParseURL(req.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", Redact(req.URL), err)
	}
	rules, err := f.robotsFor(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	if !rules.allowed(u, f.cfg.UserAgent) {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), ErrRobots)
	}
	resp, err := f.get(ctx, u, req, rules.delay)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	return resp, nil
}

// ErrRobots is returned, wrapped, for a URL that robots.txt disallows.
var ErrRobots = errors.New("disallowed by robots.txt")

// StatusError is a response that is neither a success nor a 304.
type StatusError struct{ Status int }

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
}

// get runs the request with retries.
func (f *Fetcher) get(ctx context.Context, u *url.URL, req Request, delay time.Duration) (*Response, error) {
	var lastErr error
	for attempt := 0; attempt <= f.cfg.Retries; attempt++ {
		if attempt > 0 {
			wait := f.backoff(attempt, lastErr)
			if err := f.sleep(ctx, wait); err != nil {
				return nil, fmt.Errorf("%w (after %v)", err, lastErr)
			}
		}
		if err := f.pace(ctx, u.Host, delay); err != nil {
			return nil, err
		}
		resp, err := f.once(ctx, u, req)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		if !retryable(err) {
			return nil, err
		}
	}
	if f.cfg.Retries > 0 {
		return nil, fmt.Errorf("%w (gave up after %d attempts)", lastErr, f.cfg.Retries+1)
	}
	return nil, lastErr
}

// retryAfter is an error that carries a server's Retry-After.
type retryAfter struct {
	err  error
	wait time.Duration
}

func (e *retryAfter) Error() string { return e.err.Error() }
func (e *retryAfter) Unwrap() error { return e.err }

func retryable(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status == http.StatusTooManyRequests || se.Status >= 500
	}
	if errors.Is(err, ErrForbiddenAddress) || errors.Is(err, ErrTooLarge) || errors.Is(err, context.Canceled) {
		return false
	}
	var ue *url.Error
	if errors.As(err, &ue) && strings.Contains(ue.Err.Error(), "redirect") {
		return false
	}
	return true
}

// backoff is the wait before attempt n (1-based): full jitter over
// Backoff·2^(n-1), or the server's Retry-After when that is longer, both
// capped at MaxBackoff.
func (f *Fetcher) backoff(n int, err error) time.Duration {
	ceiling := f.cfg.Backoff << (n - 1)
	if ceiling > f.cfg.MaxBackoff || ceiling <= 0 {
		ceiling = f.cfg.MaxBackoff
	}
	wait := time.Duration(rand.Int64N(int64(ceiling)) + 1)
	var ra *retryAfter
	if errors.As(err, &ra) && ra.wait > wait {
		wait = min(ra.wait, f.cfg.MaxBackoff)
	}
	return wait
}

// pace waits until the host may be asked again and books the next slot.
func (f *Fetcher) pace(ctx context.Context, hostName string, delay time.Duration) error {
	interval := max(f.cfg.HostInterval, delay)
	f.mu.Lock()
	h := f.hosts[hostName]
	if h == nil {
		h = &host{}
		f.hosts[hostName] = h
	}
	now := f.now()
	at := h.next
	if at.Before(now) {
		at = now
	}
	h.next = at.Add(interval)
	f.mu.Unlock()
	return f.sleep(ctx, at.Sub(now))
}

// ErrTooLarge is returned, wrapped, for a body over Config.MaxBytes.
var ErrTooLarge = errors.New("response too large")

// once sends one request and reads the body.
func (f *Fetcher) once(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	hr.Header.Set("User-Agent", f.cfg.UserAgent)
	hr.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, text/*;q=0.8, */*;q=0.5")
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := f.client.Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		err := error(&StatusError{Status: resp.StatusCode})
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), f.now()); ok {
			err = &retryAfter{err: err, wait: d}
		}
		return nil, err
	}
	if resp.ContentLength > f.cfg.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes announced, limit %d", ErrTooLarge, resp.ContentLength, f.cfg.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return nil, fmt.Errorf("%w: over the %d-byte limit", ErrTooLarge, f.cfg.MaxBytes)
	}
	out.Body = body
	out.ContentType = resp.Header.Get("Content-Type")
	if mt, params, err := mime.ParseMediaType(out.ContentType); err == nil {
		out.MediaType, out.Charset = strings.ToLower(mt), params["charset"]
	}
	return out, nil
}

func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
