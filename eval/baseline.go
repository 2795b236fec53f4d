package eval

import (
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/extract"
)

// Trafilatura returns go-trafilatura alone as an extractor, with its
// default options (or with its readability and dom-distiller fallback), on
// the same charset-decoded input Parallax gets: the floor that Parallax's
// extraction is measured against.
func Trafilatura(fallback bool) Extractor {
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
		res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{OriginalURL: u, EnableFallback: fallback})
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}
}

// Readability returns readeck's go-readability alone as an extractor, on
// the same charset-decoded input: a faster peer than go-trafilatura.
func Readability() Extractor {
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
		a, err := readability.FromDocument(doc, u)
		if err != nil {
			return "", err
		}
		var b strings.Builder
		if err := a.RenderText(&b); err != nil {
			return "", err
		}
		return b.String(), nil
	}
}
