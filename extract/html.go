package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
)

// DefaultMaxBytes bounds the size of a page.
const DefaultMaxBytes = 16 << 20

// Extractor extracts articles from HTML. The zero value is not usable; use
// NewExtractor.
type Extractor struct {
	// MaxBytes bounds the size of a page. Defaults to DefaultMaxBytes.
	MaxBytes int64
	// CleanParagraphs runs plain-text cleanup over the extracted
	// paragraphs, which removes chrome the library keeps (share and
	// newsletter prompts, related-link tails). Defaults to true.
	CleanParagraphs bool
	// Now bounds publication dates: a page cannot be published after Now.
	// Defaults to time.Now.
	Now func() time.Time
}

// NewExtractor returns an Extractor with default limits.
func NewExtractor() *Extractor {
	return &Extractor{MaxBytes: DefaultMaxBytes, CleanParagraphs: true, Now: time.Now}
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
	if IsBinary(data) {
		return nil, errors.New("binary content, not HTML")
	}
	src, cs, err := DecodeCharset(data, contentType)
	if err != nil {
		return nil, fmt.Errorf("decode charset: %w", err)
	}
	page := &Page{Charset: cs}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser refuses hostile documents, such as nesting deeper
		// than 512 elements. Their text can still be read as a stream.
		page.Paragraphs = tokenTexts(src)
		doc = &html.Node{Type: html.DocumentNode}
	} else {
		e.published(page, doc, pageURL)
		e.library(page, doc, pageURL)
	}
	finishPage(page, doc, pageURL)
	if e.CleanParagraphs {
		page.Paragraphs = cleanLines(page.Title, page.Paragraphs).Paragraphs
	}
	if len(page.Paragraphs) == 0 {
		return nil, errors.New("no article text found")
	}
	return page, nil
}

// fallbackBelow is the length of extracted text, in bytes, under which a
// page is extracted again with go-trafilatura's fallback extractors:
// about 150 words, shorter than nearly all news articles. (On the
// evaluation set 1,000, 2,000 and 3,000 bytes all gave F1 0.919–0.920.)
const fallbackBelow = 1000

// minExtracted is go-trafilatura's MinExtractedSize, in characters: below
// it, its fallback also runs DOM distiller.
const minExtracted = 250

// readable returns go-readability's article of doc, the first candidate
// of go-trafilatura's fallback, when the fallback could take it over the
// main extraction's content and text (see takes). Otherwise the fallback
// would keep the main extraction, and running it, which repeats the main
// extraction, is spared.
func readable(doc *html.Node, base *url.URL, content *html.Node, extracted string) *html.Node {
	a, err := readability.FromDocument(doc, base)
	if err != nil || a.Node == nil {
		return nil
	}
	n := utf8.RuneCountInString(strings.TrimSpace(a.TextContent))
	if !takes(n, utf8.RuneCountInString(extracted), content) {
		return nil
	}
	return a.Node
}

// takes reports whether go-trafilatura's fallback can take a candidate of
// n characters over main extracted content of m characters (at least
// minExtracted): when it holds more than twice the text, or at least half
// of it and more than twice minExtracted where the content has no
// paragraph text or more tables than paragraphs. These are the library's
// own tests (candidateIsUsable in its external.go), on lengths counted a
// little differently (its text joins nodes with spaces): where they
// disagree near a bound, the fallback runs and decides, or is spared
// where it would have taken a candidate of barely twice the text.
func takes(n, m int, content *html.Node) bool {
	switch {
	case n > 2*m:
		return true
	case 2*n < m || n <= 2*minExtracted:
		return false
	}
	var paragraphs, tables int
	text := false
	for d := range content.Descendants() {
		// by name, as the library counts: the nodes it builds carry no atom
		switch {
		case d.Type != html.ElementNode:
		case d.Data == "p":
			paragraphs++
			text = text || textOf(d) != ""
		case d.Data == "table":
			tables++
		}
	}
	return !text || tables > paragraphs
}

// library runs go-trafilatura's document API on the parsed page, and takes
// paragraphs from the block structure of the content it keeps.
func (e *Extractor) library(page *Page, doc *html.Node, pageURL string) {
	base, _ := url.Parse(pageURL)
	opts := trafilatura.Options{
		OriginalURL:     base,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // e.published runs it once, with its own options
	}
	// The fallback extractors (readability, DOM distiller) double the
	// cost of a page, and help where the main extraction finds little:
	// they run only then. Measured on the evaluation set against running
	// them always: F1 0.918 -> 0.919, 40 -> 54 pages/s on one core.
	// Where the main extraction found at least minExtracted characters,
	// the library's fallback runs only readability, and repeats the main
	// extraction first: readability runs alone, and the fallback only if
	// it could take readability's article. Measured on the evaluation
	// set: the same text on 399 pages of 400 (on the last, a caption the
	// fallback's final cleaning drops is kept), F1 0.919 as before, and
	// 0.79 -> 0.85 of bare go-trafilatura's speed (101 of 127 pages/s,
	// then 114 of 134, on an idle machine).
	res, err := trafilatura.ExtractDocument(doc, opts)
	switch {
	case err == nil && len(res.ContentText) >= fallbackBelow:
	case err == nil && utf8.RuneCountInString(res.ContentText) >= minExtracted:
		if cand := readable(doc, base, res.ContentNode, res.ContentText); cand != nil {
			opts.EnableFallback = true
			opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: cand}
			res, err = trafilatura.ExtractDocument(doc, opts)
		}
	default:
		opts.EnableFallback = true
		res, err = trafilatura.ExtractDocument(doc, opts)
	}
	if err != nil {
		// A page the library rejects may still be short real text.
		page.Paragraphs = blockTexts(doc, skipped)
		return
	}
	// The library renames headings to <head>; its output is cleaned
	// already, so only code is skipped.
	page.Paragraphs = blockTexts(res.ContentNode, codeOnly)
	page.Title = strings.TrimSpace(res.Metadata.Title)
	page.Byline = strings.TrimSpace(res.Metadata.Author)
	page.Site = strings.TrimSpace(res.Metadata.Sitename)
	page.Language = res.Metadata.Language
	if c, err := parallax.CanonicalURL(resolve(base, res.Metadata.URL)); err == nil {
		page.CanonicalURL = c
	}
}

// published finds the publication date with go-htmldate and records which
// part of the page gave it.
func (e *Extractor) published(page *Page, doc *html.Node, pageURL string) {
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		URL: pageURL, ExtractTime: true, UseOriginalDate: true, SkipExtensiveSearch: true,
		DeferUrlExtractor: true, MaxDate: e.Now(),
	})
	if err != nil || res.IsZero() {
		return
	}
	page.Published = res.DateTime
	page.PublishedMethod = dateMethod(doc, pageURL, res.SrcString)
	page.PublishedPrecision = parallax.PrecisionTime
	if !res.HasTime {
		page.PublishedPrecision = parallax.PrecisionDay
	}
	// A date in the URL is the publisher's own local date, written once.
	// Metadata that falls on another day is a modification date or a
	// timestamp normalised to UTC, so the URL's day wins then.
	if day, ok := URLDate(pageURL); ok && page.Published.Format(time.DateOnly) != day.Format(time.DateOnly) {
		page.Published, page.PublishedMethod, page.PublishedPrecision = day, parallax.PublishedURL, parallax.PrecisionDay
	}
}

func finishPage(page *Page, doc *html.Node, pageURL string) {
	if page.Title == "" {
		page.Title = titleOf(doc)
	}
	// The headline is often the first block of the content; it is the
	// title, not the body.
	if len(page.Paragraphs) > 0 && sameText(page.Paragraphs[0], page.Title) {
		page.Paragraphs = page.Paragraphs[1:]
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
	// go-trafilatura has identified the language of the whole text with
	// the same library (whatlanggo); identify it here only when it did
	// not, which saved a tenth of the cost of a page.
	if page.Language == "" {
		page.Language = DetectLanguage(page.Text())
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

func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// IsBinary reports whether data looks like binary content rather than
// text or markup: a NUL byte, or more than 2% control characters other
// than whitespace, in the first 8 KiB. UTF-16, whose ASCII is half NUL
// bytes, is recognised by its byte-order mark and is not binary.
func IsBinary(data []byte) bool {
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
