package collect

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsTTL is how long a host's robots.txt is kept before it is asked
// for again.
const robotsTTL = time.Hour

// robotsEntry is a host's robots.txt, parsed.
type robotsEntry struct {
	data *robotstxt.RobotsData // nil: everything allowed
	// err, when set, is why robots.txt could not be read: the host is not
	// fetched until the entry expires.
	err     error
	fetched time.Time
	// delay is the Crawl-delay for the user agent.
	delay time.Duration
}

func (r *robotsEntry) allowed(u *url.URL, agent string) bool {
	if r.data == nil {
		return true
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return r.data.TestAgent(path, agent)
}

// robotsFor returns the rules of u's host, fetching robots.txt when it is
// not known or has expired. As RFC 9309 says: a missing robots.txt (4xx)
// allows everything; a server error or an unreachable host disallows
// everything until the next try.
func (f *Fetcher) robotsFor(ctx context.Context, u *url.URL) (*robotsEntry, error) {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	e := f.robots[key]
	f.mu.Unlock()
	if e != nil && f.now().Sub(e.fetched) < e.ttl() {
		return e, e.failure()
	}
	e = f.fetchRobots(ctx, &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"})
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	f.mu.Lock()
	f.robots[key] = e
	f.mu.Unlock()
	return e, e.failure()
}

// ttl is how long the entry holds: failures are retried sooner.
func (r *robotsEntry) ttl() time.Duration {
	if r.err != nil {
		return robotsTTL / 60
	}
	return robotsTTL
}

func (r *robotsEntry) failure() error {
	if r.err == nil {
		return nil
	}
	return fmt.Errorf("robots.txt could not be read, so the host is not fetched for now (RFC 9309): %w", r.err)
}

func (f *Fetcher) fetchRobots(ctx context.Context, u *url.URL) *robotsEntry {
	e := &robotsEntry{fetched: f.now()}
	if err := f.pace(ctx, u.Host, 0); err != nil {
		e.err = err
		return e
	}
	resp, err := f.once(ctx, u, Request{})
	var se *StatusError
	switch {
	case errors.As(err, &se) && se.Status >= 400 && se.Status < 500:
		return e
	case err != nil:
		e.err = err
		return e
	}
	data, err := robotstxt.FromStatusAndBytes(http.StatusOK, resp.Body)
	if err != nil {
		// unparseable rules are no rules
		return e
	}
	e.data = data
	if g := data.FindGroup(f.cfg.UserAgent); g != nil {
		e.delay = g.CrawlDelay
	}
	return e
}
