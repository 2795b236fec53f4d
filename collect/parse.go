package collect

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Kind is what a fetched document turned out to be.
type Kind string

// Document kinds.
const (
	Feed         Kind = "feed"          // RSS, Atom or JSON Feed
	Sitemap      Kind = "sitemap"       // a sitemap's urlset, news sitemaps included
	SitemapIndex Kind = "sitemap-index" // a list of sitemaps
	URLList      Kind = "urls"          // plain text, one URL a line
	Page         Kind = "page"          // an HTML page
)

// Item is a link to an article found in a feed, sitemap or URL list.
type Item struct {
	URL       string
	Title     string
	Published time.Time // zero when not given
}

// Document is a fetched document, read.
type Document struct {
	Kind  Kind
	Title string
	// Items are the article links of a feed, sitemap or URL list, and the
	// child sitemaps of an index, in document order, without repeats.
	Items []Item
	// Feeds are the feeds an HTML page announces (<link rel="alternate">),
	// absolute.
	Feeds []string
}

// ErrNotRecognized is returned, wrapped, for a document that is none of
// the kinds.
var ErrNotRecognized = errors.New("not a feed, sitemap, URL list or HTML page")

// maxItems bounds the links taken from one document.
const maxItems = 5000

// Parse reads a fetched document. base is its URL, against which relative
// links resolve; maxBytes bounds a gzipped sitemap once inflated.
func Parse(body []byte, base string, maxBytes int64) (*Document, error) {
	baseURL, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("base URL: %w", err)
	}
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		if body, err = gunzip(body, maxBytes); err != nil {
			return nil, err
		}
	}
	head := sniff(body)
	switch {
	case len(bytes.TrimSpace(body)) == 0:
		return nil, errors.New("empty document")
	case hasTag(head, "urlset"):
		return parseSitemap(body, baseURL)
	case hasTag(head, "sitemapindex"):
		return parseSitemapIndex(body, baseURL)
	case hasTag(head, "rss") || hasTag(head, "feed") || hasTag(head, "rdf:rdf") || head[0] == '{':
		return parseFeed(body, baseURL)
	case hasTag(head, "html") || hasTag(head, "!doctype html") || hasTag(head, "head") || hasTag(head, "body"):
		return parsePage(body, baseURL), nil
	}
	if doc, ok := parseURLList(body, baseURL); ok {
		return doc, nil
	}
	return nil, ErrNotRecognized
}

// sniff returns the start of a document, lowercased, without a byte-order
// mark, leading space, XML declaration and comments.
func sniff(body []byte) string {
	head := body[:min(len(body), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	s := strings.ToLower(strings.TrimSpace(string(head)))
	for {
		switch {
		case strings.HasPrefix(s, "<?"):
			_, rest, ok := strings.Cut(s, "?>")
			if !ok {
				return s
			}
			s = strings.TrimSpace(rest)
		case strings.HasPrefix(s, "<!--"):
			_, rest, ok := strings.Cut(s, "-->")
			if !ok {
				return s
			}
			s = strings.TrimSpace(rest)
		default:
			if s == "" {
				return " "
			}
			return s
		}
	}
}

// hasTag reports whether the document opens with the element name, or an
// <?xml-stylesheet?> or doctype precedes it.
func hasTag(head, name string) bool {
	i := strings.Index(head, "<"+name)
	if i < 0 || i > 1024 {
		return false
	}
	rest := head[i+1+len(name):]
	return rest == "" || strings.ContainsAny(rest[:1], " \t\r\n>/")
}

func gunzip(body []byte, maxBytes int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if int64(len(out)) > maxBytes {
		return nil, fmt.Errorf("%w: inflates beyond the %d-byte limit", ErrTooLarge, maxBytes)
	}
	return out, nil
}

// items collects links without repeats, resolved against base, http(s)
// only.
type items struct {
	base *url.URL
	seen map[string]bool
	out  []Item
}

func (it *items) add(link, title string, published time.Time) {
	if len(it.out) >= maxItems {
		return
	}
	u, err := it.base.Parse(strings.TrimSpace(link))
	if err != nil || checkURL(u) != nil {
		return
	}
	u.Fragment = ""
	s := u.String()
	if it.seen == nil {
		it.seen = map[string]bool{}
	}
	if it.seen[s] {
		return
	}
	it.seen[s] = true
	it.out = append(it.out, Item{URL: s, Title: strings.Join(strings.Fields(title), " "), Published: published})
}

func parseFeed(body []byte, base *url.URL) (*Document, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("malformed feed: %w", err)
	}
	doc := &Document{Kind: Feed, Title: strings.TrimSpace(feed.Title)}
	it := &items{base: base}
	for _, item := range feed.Items {
		link := item.Link
		if link == "" && len(item.Links) > 0 {
			link = item.Links[0]
		}
		if link == "" && strings.HasPrefix(item.GUID, "http") {
			link = item.GUID
		}
		var published time.Time
		switch {
		case item.PublishedParsed != nil:
			published = *item.PublishedParsed
		case item.UpdatedParsed != nil:
			published = *item.UpdatedParsed
		}
		it.add(link, item.Title, published)
	}
	doc.Items = it.out
	return doc, nil
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
	News    struct {
		Title           string `xml:"title"`
		PublicationDate string `xml:"publication_date"`
	} `xml:"news"`
}

func parseSitemap(body []byte, base *url.URL) (*Document, error) {
	var set struct {
		URLs []sitemapURL `xml:"url"`
	}
	if err := decodeXML(body, &set); err != nil {
		return nil, fmt.Errorf("malformed sitemap: %w", err)
	}
	it := &items{base: base}
	for _, u := range set.URLs {
		published := parseW3CDate(u.News.PublicationDate)
		if published.IsZero() {
			published = parseW3CDate(u.LastMod)
		}
		it.add(u.Loc, u.News.Title, published)
	}
	return &Document{Kind: Sitemap, Items: it.out}, nil
}

func parseSitemapIndex(body []byte, base *url.URL) (*Document, error) {
	var index struct {
		Sitemaps []sitemapURL `xml:"sitemap"`
	}
	if err := decodeXML(body, &index); err != nil {
		return nil, fmt.Errorf("malformed sitemap index: %w", err)
	}
	it := &items{base: base}
	for _, s := range index.Sitemaps {
		it.add(s.Loc, "", parseW3CDate(s.LastMod))
	}
	// newest first, so a bounded crawl reads the fresh ones
	slices.SortStableFunc(it.out, func(a, b Item) int { return b.Published.Compare(a.Published) })
	return &Document{Kind: SitemapIndex, Items: it.out}, nil
}

func decodeXML(body []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	return d.Decode(v)
}

// parseW3CDate reads the date forms sitemaps use.
func parseW3CDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// parsePage reads the feeds an HTML page announces, and its title.
func parsePage(body []byte, base *url.URL) *Document {
	doc := &Document{Kind: Page}
	z := html.NewTokenizer(bytes.NewReader(body))
	seen := map[string]bool{}
	inTitle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return doc
		case html.TextToken:
			if inTitle && doc.Title == "" {
				doc.Title = strings.Join(strings.Fields(string(z.Text())), " ")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "title":
				inTitle = false
			case "head":
				return doc
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "title":
				inTitle = true
			case "body":
				return doc
			case "link":
				if !hasAttr {
					continue
				}
				attrs := map[string]string{}
				for {
					k, v, more := z.TagAttr()
					attrs[string(k)] = string(v)
					if !more {
						break
					}
				}
				if !slices.Contains(strings.Fields(strings.ToLower(attrs["rel"])), "alternate") || !feedType(attrs["type"]) {
					continue
				}
				u, err := base.Parse(strings.TrimSpace(attrs["href"]))
				if err != nil || checkURL(u) != nil || seen[u.String()] {
					continue
				}
				seen[u.String()] = true
				doc.Feeds = append(doc.Feeds, u.String())
			}
		}
	}
}

func feedType(t string) bool {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml":
		return true
	}
	return false
}

// parseURLList reads plain text with one absolute URL a line; blank lines
// and lines starting with # are skipped. Any other line means it is not a
// URL list.
func parseURLList(body []byte, base *url.URL) (*Document, bool) {
	it := &items{base: base}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 64<<10)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || !u.IsAbs() || checkURL(u) != nil || strings.ContainsAny(line, " \t") {
			return nil, false
		}
		it.add(line, "", time.Time{})
	}
	if sc.Err() != nil || len(it.out) == 0 {
		return nil, false
	}
	return &Document{Kind: URLList, Items: it.out}, true
}
