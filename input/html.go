package input

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/extract"
)

func (d *Decoder) htmlFile(path string, r io.Reader) Record {
	rec := Record{Origin: path}
	data, err := readAll(r, d.MaxArticleBytes)
	if err != nil {
		rec.Err = err
		return rec
	}
	name := filepath.Base(path)
	rec.Article, rec.Warnings, rec.Err = d.DecodeHTML(name, data, "")
	if rec.Article != nil && rec.Article.Source == "" {
		rec.Article.Source = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return rec
}

// DecodeHTML extracts the article of a web page. name becomes the
// external ID; pageURL, when known, helps with dates and identity. The
// outlet is the site name the page gives, else its host.
func (d *Decoder) DecodeHTML(name string, data []byte, pageURL string) (*parallax.Article, []string, error) {
	return d.DecodePage(name, data, pageURL, "")
}

// DecodePage is DecodeHTML for a page fetched over HTTP, whose
// Content-Type header tells its charset.
func (d *Decoder) DecodePage(name string, data []byte, pageURL, contentType string) (*parallax.Article, []string, error) {
	type result struct {
		page *extract.Page
		err  error
	}
	res, err := within(d, "extraction", func() result {
		page, err := d.Extractor.HTML(data, pageURL, contentType)
		return result{page, err}
	})
	if err != nil {
		return nil, nil, err
	}
	page, err := res.page, res.err
	if err != nil {
		return nil, nil, fmt.Errorf("extract HTML: %w", err)
	}
	a := &parallax.Article{
		ExternalID: name, URL: pageURL, Source: page.Site, Title: page.Title, Byline: page.Byline,
		Published: page.Published, PublishedMethod: page.PublishedMethod, PublishedPrecision: page.PublishedPrecision,
		Language: page.Language, Text: page.Text(),
	}
	if a.URL == "" {
		a.URL = page.CanonicalURL
	}
	warnings, err := finish(a, false, data)
	return a, warnings, err
}
