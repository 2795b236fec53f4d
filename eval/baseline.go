package eval

import (
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/extract"
)

// peer makes an extractor of a library that reads a parsed document: it
// gets the same charset-decoded, parsed input Parallax gets.
func peer(extractDoc func(doc *html.Node, u *url.URL) (string, error)) Extractor {
	return func(page []byte, pageURL string) (string, error) {
		src, _, err := extract.DecodeCharset(page, "")
		if err != nil {
			return "", err
		}
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			return "", err
		}
		u, _ := url.Parse(pageURL)
		return extractDoc(doc, u)
	}
}

// Trafilatura returns go-trafilatura alone as an extractor, with its
// default options (or with its readability and dom-distiller fallback): the
// floor that Parallax's extraction is measured against.
func Trafilatura(fallback bool) Extractor {
	return peer(func(doc *html.Node, u *url.URL) (string, error) {
		res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{OriginalURL: u, EnableFallback: fallback})
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	})
}

// Readability returns readeck's go-readability alone as an extractor: a
// faster peer than go-trafilatura.
func Readability() Extractor {
	return peer(func(doc *html.Node, u *url.URL) (string, error) {
		a, err := readability.FromDocument(doc, u)
		if err != nil {
			return "", err
		}
		var b strings.Builder
		if err := a.RenderText(&b); err != nil {
			return "", err
		}
		return b.String(), nil
	})
}
