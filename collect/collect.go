package collect

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
)

// Collector turns subscriptions into articles: it fetches each due
// subscription, follows its new article links, extracts the pages, hands
// the records to a Store, and keeps each subscription's health record.
type Collector struct {
	Fetcher *Fetcher
	Decoder *input.Decoder
	Subs    parallax.SubscriptionService
	// MaxPages bounds the article pages fetched per subscription and
	// round; the rest wait for the next round. Default 100.
	MaxPages int
	// MaxSitemaps bounds the child sitemaps of an index read per round,
	// newest first. Default 10.
	MaxSitemaps int
	// Parallel is the number of subscriptions gathered at once. Requests
	// to one host still keep its pace. Default 4.
	Parallel int
	Now      func() time.Time

	// claimed holds the article URLs taken by a subscription in the
	// current round, so two subscriptions listing one article (a feed and
	// a sitemap) do not both fetch it.
	mu      sync.Mutex
	claimed map[string]bool
}

// Store receives the records of one subscription; the pipeline stores
// them. It is called from one goroutine at a time.
type Store func(ctx context.Context, name string, recs []input.Record) error

// RoundSummary counts what a round did.
type RoundSummary struct {
	Subscriptions int `json:"subscriptions"`
	Failed        int `json:"failed"`
	NotModified   int `json:"not_modified"`
	Pages         int `json:"pages"`
	PageErrors    int `json:"page_errors"`
}

// NewCollector returns a Collector with default limits.
func NewCollector(f *Fetcher, d *input.Decoder, subs parallax.SubscriptionService) *Collector {
	return &Collector{Fetcher: f, Decoder: d, Subs: subs, MaxPages: 100, MaxSitemaps: 10, Parallel: 4, Now: time.Now}
}

// gathered is what fetching one subscription gave, before storing.
type gathered struct {
	sub         *parallax.Subscription
	recs        []input.Record
	done        []string // item URLs that need no fetching again
	notModified bool
	err         error
}

// Round collects every subscription that is due (all of them when all is
// set). A subscription that fails is recorded as failing and the round
// goes on; the error is for the store and the context.
func (c *Collector) Round(ctx context.Context, all bool, store Store) (RoundSummary, error) {
	var sum RoundSummary
	filter := parallax.SubscriptionFilter{}
	if !all {
		filter.DueBy = c.Now()
	}
	subs, err := c.Subs.FindSubscriptions(ctx, filter)
	if err != nil {
		return sum, fmt.Errorf("collect: %w", err)
	}
	c.mu.Lock()
	c.claimed = map[string]bool{}
	c.mu.Unlock()
	results := make(chan *gathered)
	work := make(chan *parallax.Subscription)
	var wg sync.WaitGroup
	for range max(c.Parallel, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sub := range work {
				results <- c.gather(ctx, sub)
			}
		}()
	}
	go func() {
		defer close(work)
		for _, sub := range subs {
			select {
			case work <- sub:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	var storeErr error
	for g := range results {
		if storeErr != nil || ctx.Err() != nil {
			continue // drain
		}
		sum.Subscriptions++
		failed := countErrors(g.recs)
		sum.Pages += len(g.recs) - failed
		sum.PageErrors += failed
		if g.notModified {
			sum.NotModified++
		}
		if err := c.settle(ctx, g, store); err != nil {
			storeErr = err
			continue
		}
		if g.err != nil {
			sum.Failed++
		}
	}
	if storeErr != nil {
		return sum, fmt.Errorf("collect: %w", storeErr)
	}
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("collect: %w", err)
	}
	return sum, nil
}

// One collects from the most overdue source, claimed so that processes
// sharing the database never collect the same source at once, and
// reports whether there was one. A worker that dies while collecting
// leaves the source to be claimed again after an hour.
func (c *Collector) One(ctx context.Context, store Store) (bool, error) {
	sub, err := c.Subs.ClaimDue(ctx, c.Now(), time.Hour)
	if err != nil || sub == nil {
		return false, err
	}
	return true, c.settle(ctx, c.gather(ctx, sub), store)
}

// settle hands what a subscription gave to store, marks its article URLs
// collected, and records its health. Its error is one of the store's;
// the subscription's own failure is in g.err and its health record.
func (c *Collector) settle(ctx context.Context, g *gathered, store Store) error {
	if g.err == nil && len(g.recs) > 0 {
		if err := store(ctx, g.sub.URL, g.recs); err != nil {
			return err
		}
	}
	if g.err == nil && len(g.done) > 0 {
		g.err = c.Subs.MarkCollected(ctx, g.done)
	}
	return c.record(ctx, g)
}

func countErrors(recs []input.Record) int {
	n := 0
	for _, r := range recs {
		if r.Err != nil {
			n++
		}
	}
	return n
}

// record updates the subscription's health and schedule. A failing
// subscription is tried again after its interval times the number of
// failures in a row, at most a day later.
func (c *Collector) record(ctx context.Context, g *gathered) error {
	sub, now := g.sub, c.Now()
	sub.LastFetch = now
	if g.err != nil {
		sub.Failures++
		sub.LastError = g.err.Error()
		sub.NextFetch = now.Add(min(sub.Interval*time.Duration(sub.Failures), 24*time.Hour))
	} else {
		sub.Failures, sub.LastError, sub.LastSuccess = 0, "", now
		sub.Collected += len(g.recs) - countErrors(g.recs)
		sub.NextFetch = now.Add(sub.Interval)
	}
	if err := c.Subs.UpdateSubscription(ctx, sub); err != nil && parallax.ErrorCode(err) != parallax.ENOTFOUND {
		return err
	}
	return nil
}

// gather fetches a subscription and its new article pages.
func (c *Collector) gather(ctx context.Context, sub *parallax.Subscription) *gathered {
	g := &gathered{sub: sub}
	resp, err := c.Fetcher.Fetch(ctx, Request{URL: sub.URL, ETag: sub.ETag, LastModified: sub.LastModified})
	if err != nil {
		g.err = err
		return g
	}
	if resp.NotModified {
		g.notModified = true
		return g
	}
	doc, err := c.parse(resp, sub.URL)
	if err != nil {
		g.err = err
		return g
	}
	if doc.Kind == Page {
		g.err = notAFeed(sub.URL, doc)
		return g
	}
	items, err := c.items(ctx, doc)
	if err != nil {
		g.err = err
		return g
	}
	sub.Kind, sub.ETag, sub.LastModified = string(doc.Kind), resp.ETag, resp.LastModified
	if doc.Title != "" {
		sub.Title = doc.Title
	}
	urls := make([]string, len(items))
	for i, it := range items {
		urls[i] = it.URL
	}
	seen, err := c.Subs.Collected(ctx, urls)
	if err != nil {
		g.err = err
		return g
	}
	fetched, failed := 0, 0
	for _, it := range items {
		if seen[it.URL] || !c.claim(it.URL) {
			continue
		}
		if fetched == c.maxPages() {
			// the rest waits for the next round, without the validators,
			// so an unchanged feed is read again
			sub.ETag, sub.LastModified = "", ""
			break
		}
		fetched++
		rec, permanent := c.page(ctx, it)
		g.recs = append(g.recs, rec)
		if rec.Err != nil {
			failed++
		}
		if rec.Err == nil || permanent {
			g.done = append(g.done, it.URL)
		}
	}
	if fetched > 0 && failed == fetched {
		g.err = fmt.Errorf("all %d article pages failed; the first: %v", fetched, firstError(g.recs))
	}
	return g
}

// claim reports whether no other subscription has taken u this round,
// and takes it.
func (c *Collector) claim(u string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.claimed == nil {
		c.claimed = map[string]bool{}
	}
	if c.claimed[u] {
		return false
	}
	c.claimed[u] = true
	return true
}

func firstError(recs []input.Record) error {
	for _, r := range recs {
		if r.Err != nil {
			return r.Err
		}
	}
	return nil
}

func (c *Collector) maxPages() int {
	if c.MaxPages <= 0 {
		return 100
	}
	return c.MaxPages
}

// notAFeed explains a subscription that turned out to be an HTML page.
func notAFeed(u string, doc *Document) error {
	if len(doc.Feeds) > 0 {
		return fmt.Errorf("%s is an HTML page, not a feed; it announces %s", u, strings.Join(doc.Feeds, ", "))
	}
	return fmt.Errorf("%s is an HTML page, not a feed, sitemap or URL list, and it announces no feed", u)
}

// items are the article links of a document; an index's child sitemaps
// are read for theirs.
func (c *Collector) items(ctx context.Context, doc *Document) ([]Item, error) {
	if doc.Kind != SitemapIndex {
		return doc.Items, nil
	}
	var out []Item
	var errs []error
	limit := c.MaxSitemaps
	if limit <= 0 {
		limit = 10
	}
	for i, child := range doc.Items {
		if i == limit {
			break
		}
		_, sub, err := c.document(ctx, child.URL)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if sub.Kind != Sitemap {
			errs = append(errs, fmt.Errorf("%s: not a sitemap but a %s", child.URL, sub.Kind))
			continue
		}
		out = append(out, sub.Items...)
	}
	if len(out) == 0 && len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// page fetches and extracts one article page. permanent reports a failure
// that trying again will not mend: a 4xx, robots.txt, a page too large or
// without an article.
func (c *Collector) page(ctx context.Context, it Item) (input.Record, bool) {
	rec := input.Record{Origin: it.URL}
	resp, err := c.Fetcher.Fetch(ctx, Request{URL: it.URL})
	if err != nil {
		rec.Err = err
		var se *StatusError
		permanent := errors.Is(err, ErrRobots) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrForbiddenAddress) ||
			errors.As(err, &se) && se.Status >= 400 && se.Status < 500 && se.Status != http.StatusTooManyRequests
		return rec, permanent
	}
	if resp.MediaType != "" && resp.MediaType != "text/html" && resp.MediaType != "application/xhtml+xml" {
		rec.Err = fmt.Errorf("%s: %s is not an HTML page", resp.URL, resp.MediaType)
		return rec, true
	}
	rec.Article, rec.Warnings, rec.Err = c.Decoder.DecodePage(it.URL, resp.Body, resp.URL, resp.ContentType)
	if rec.Err != nil {
		rec.Err = fmt.Errorf("%s: %w", it.URL, rec.Err)
		return rec, true
	}
	a := rec.Article
	if a.Published.IsZero() && !it.Published.IsZero() {
		a.Published, a.PublishedMethod, a.PublishedPrecision = it.Published, "feed", parallax.PrecisionTime
	}
	return rec, false
}

// Fetch reads one URL given on the command line: a feed, sitemap or URL
// list gives the pages it links (at most MaxPages), a page gives its
// article. Nothing is recorded as collected; ingest is idempotent anyway.
func (c *Collector) Fetch(ctx context.Context, u string) ([]input.Record, error) {
	resp, doc, err := c.document(ctx, u)
	if err != nil {
		return nil, err
	}
	if doc.Kind == Page {
		rec := input.Record{Origin: u}
		rec.Article, rec.Warnings, rec.Err = c.Decoder.DecodePage(u, resp.Body, resp.URL, resp.ContentType)
		return []input.Record{rec}, nil
	}
	items, err := c.items(ctx, doc)
	if err != nil {
		return nil, err
	}
	var recs []input.Record
	for i, it := range items {
		if i == c.maxPages() {
			break
		}
		rec, _ := c.page(ctx, it)
		recs = append(recs, rec)
	}
	return recs, nil
}

// Discover resolves what a user asked to subscribe to: a feed, sitemap or
// URL list is taken as it is; a web page is replaced by the first feed it
// announces. It returns the URL to subscribe and the document's title.
func (c *Collector) Discover(ctx context.Context, u string) (string, string, error) {
	_, doc, err := c.document(ctx, u)
	if err != nil {
		return "", "", err
	}
	if doc.Kind != Page {
		return u, doc.Title, nil
	}
	if len(doc.Feeds) == 0 {
		return "", "", notAFeed(u, doc)
	}
	return doc.Feeds[0], doc.Title, nil
}

// document fetches a URL and reads what it is.
func (c *Collector) document(ctx context.Context, u string) (*Response, *Document, error) {
	resp, err := c.Fetcher.Fetch(ctx, Request{URL: u})
	if err != nil {
		return nil, nil, err
	}
	doc, err := c.parse(resp, u)
	return resp, doc, err
}

// parse reads a fetched document; errors name the URL asked for.
func (c *Collector) parse(resp *Response, u string) (*Document, error) {
	doc, err := Parse(resp.Body, resp.URL, c.Fetcher.cfg.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	return doc, nil
}
