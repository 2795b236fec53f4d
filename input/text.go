package input

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax"
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

// DecodeText decodes a plain-text article. The first non-empty line is the
// title and the rest the body. name is the file name: it becomes the
// external ID, and without its extension the source. The publication date
// is inferred from the latest explicit date in the text that is not after
// Now, and marked as inferred.
func (d *Decoder) DecodeText(name string, data []byte) (*parallax.Article, []string, error) {
	text, err := checkText(data)
	if err != nil {
		return nil, nil, err
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	title, body, _ := strings.Cut(strings.TrimLeft(text, " \t\n\r"), "\n")
	if strings.TrimSpace(body) == "" {
		return nil, nil, errors.New("no body text after the title line")
	}
	a := &parallax.Article{
		ExternalID: name,
		Source:     strings.TrimSuffix(name, filepath.Ext(name)),
		Title:      title,
		Text:       body,
	}
	now := d.Now()
	if t, ok := InferDate(text, now); ok {
		a.Published, a.PublishedMethod = t, parallax.PublishedInferred
	}
	// A file name is no stable identity: the same name in two folders may
	// hold two different articles. The content is.
	warnings, err := finish(a, false)
	if err != nil {
		return nil, nil, fmt.Errorf("decode text: %w", err)
	}
	return a, warnings, nil
}
