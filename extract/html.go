package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
)

// Defaults for Extractor limits.
const (
	DefaultMaxBytes = 16 << 20
	DefaultMaxDepth = 512
)

// Extractor extracts articles from HTML. The zero value is not usable; use
// NewExtractor.
type Extractor struct {
	// MaxBytes bounds the size of a page. Defaults to DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth bounds element nesting. Deeper pages are not handed to the
	// extraction library, whose tree walks recurse; their text is read
	// with an iterative walk instead. Defaults to DefaultMaxDepth.
	MaxDepth int
	// Now bounds publication dates: a page cannot be published after Now.
	// Defaults to time.Now.
	Now func() time.Time
}

// NewExtractor returns an Extractor with default limits.
func NewExtractor() *Extractor {
	return &Extractor{MaxBytes: DefaultMaxBytes, MaxDepth: DefaultMaxDepth, Now: time.Now}
}

// HTML extracts the article of a web page. pageURL and contentType (the
// HTTP header) are optional; they help resolve the canonical URL, the date
// and the charset.
func (e *Extractor) HTML(data []byte, pageURL, contentType string) (*Page, error) {
	if int64(len(data)) > e.MaxBytes {
		return nil, fmt.Errorf("page of %d bytes is larger than the %d-byte limit", len(data), e.MaxBytes)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty page")
	}
	if looksBinary(data) {
		return nil, errors.New("binary content, not HTML")
	}
	src, cs, err := DecodeCharset(data, contentType)
	if err != nil {
		return nil, fmt.Errorf("decode charset: %w", err)
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	base, _ := url.Parse(pageURL)
	page := &Page{Charset: cs}
	if depth(doc) > e.MaxDepth {
		page.Paragraphs = blockTexts(doc)
	} else {
		e.published(page, doc, pageURL)
		if err := e.library(page, doc, base); err != nil {
			return nil, err
		}
	}
	if len(page.Paragraphs) == 0 {
		return nil, errors.New("no article text found")
	}
	finishPage(page, doc, pageURL)
	return page, nil
}

// library runs go-trafilatura's document API on the parsed page.
func (e *Extractor) library(page *Page, doc *html.Node, base *url.URL) error {
	opts := trafilatura.Options{
		OriginalURL:     base,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // e.published runs it once, with its own options
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		// A page the library rejects may still be short real text.
		page.Paragraphs = blockTexts(doc)
		return nil
	}
	page.Paragraphs = splitLines(res.ContentText)
	page.Title = strings.TrimSpace(res.Metadata.Title)
	page.Byline = strings.TrimSpace(res.Metadata.Author)
	page.Site = strings.TrimSpace(res.Metadata.Sitename)
	page.Language = res.Metadata.Language
	if c, err := parallax.CanonicalURL(resolve(base, res.Metadata.URL)); err == nil {
		page.CanonicalURL = c
	}
	return nil
}

// published finds the publication date with go-htmldate and records which
// part of the page gave it.
func (e *Extractor) published(page *Page, doc *html.Node, pageURL string) {
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		URL: pageURL, ExtractTime: true, UseOriginalDate: true, SkipExtensiveSearch: true,
		MaxDate: e.Now(),
	})
	if err != nil || res.IsZero() {
		return
	}
	page.Published = res.DateTime
	page.PublishedMethod = dateMethod(doc, pageURL, res.SrcString)
}

func finishPage(page *Page, doc *html.Node, pageURL string) {
	if page.Title == "" {
		page.Title = titleOf(doc)
	}
	if page.CanonicalURL == "" {
		if c, err := parallax.CanonicalURL(pageURL); err == nil {
			page.CanonicalURL = c
		}
	}
	if page.Site == "" && page.CanonicalURL != "" {
		if u, err := url.Parse(page.CanonicalURL); err == nil {
			page.Site = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if lang := DetectLanguage(page.Text()); lang != "" {
		page.Language = lang
	}
	page.Language = strings.ToLower(strings.SplitN(strings.SplitN(page.Language, "-", 2)[0], "_", 2)[0])
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if base == nil || ref == "" {
		return ref
	}
	u, err := base.Parse(ref)
	if err != nil {
		return ref
	}
	return u.String()
}

func splitLines(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// looksBinary reports NUL bytes or many control bytes in the first 8 KiB,
// except in UTF-16, whose ASCII is half NUL bytes.
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return false
	}
	head := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for _, b := range head {
		if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7f {
			controls++
		}
	}
	return controls*50 > len(head)
}
