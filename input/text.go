package input

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/extract"
)

func (d *Decoder) textFile(path string, r io.Reader) Record {
	rec := Record{Origin: path}
	data, err := readAll(r, d.MaxArticleBytes)
	if err != nil {
		rec.Err = err
		return rec
	}
	rec.Article, rec.Warnings, rec.Err = d.DecodeText(filepath.Base(path), data)
	return rec
}

// DecodeText decodes a scraped plain-text article. The first non-empty line
// is the title (see extract.CleanText for a first line that is a whole
// paragraph) and the rest the body, cleaned of site boilerplate. name is
// the file name: it becomes the external ID, and without its extension the
// source, unless the text's own boilerplate names the outlet. The
// publication date comes from a dateline ("Published 3 March 2026"), found
// in the text; else it is inferred from the latest explicit date the text
// states that is not after Now.
func (d *Decoder) DecodeText(name string, data []byte) (*parallax.Article, []string, error) {
	a, _, warnings, err := d.DecodeTextCleaned(name, data)
	return a, warnings, err
}

// DecodeTextCleaned is DecodeText that also returns what cleanup found,
// including the lines it dropped and why.
func (d *Decoder) DecodeTextCleaned(name string, data []byte) (*parallax.Article, *extract.TextResult, []string, error) {
	text, err := checkText(data)
	if err != nil {
		return nil, nil, nil, err
	}
	clean, err := within(d, "cleanup", func() *extract.TextResult { return extract.CleanText(text) })
	if err != nil {
		return nil, nil, nil, err
	}
	if len(clean.Paragraphs) == 0 {
		return nil, nil, nil, errors.New("no body text after the title line")
	}
	a := &parallax.Article{
		ExternalID: name,
		Source:     clean.Site,
		Title:      clean.Title,
		Byline:     clean.Byline,
		Text:       clean.Text(),
	}
	if a.Source == "" {
		a.Source = strings.TrimSuffix(name, filepath.Ext(name))
	}
	now := d.Now()
	if t, ok := InferDate(clean.Dateline, now); ok {
		a.Published, a.PublishedMethod, a.PublishedPrecision = t, parallax.PublishedText, parallax.PrecisionDay
	} else if t, ok := InferDate(text, now); ok {
		a.Published, a.PublishedMethod, a.PublishedPrecision = t, parallax.PublishedInferred, parallax.PrecisionDay
	}
	// A file name is no stable identity: the same name in two folders may
	// hold two different articles. The content is.
	warnings, err := finish(a, false, data)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("decode text: %w", err)
	}
	return a, clean, warnings, nil
}
