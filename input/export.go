package input

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// ExportFormat marks the lines of `parallax export`.
const ExportFormat = 1

// ExportRecord is one line of `parallax export`: a stored article with
// its key, taken back as it is (no cleaning, no extraction), or a
// subscription.
type ExportRecord struct {
	Format       int                 `json:"parallax_export"`
	Article      *ExportArticle      `json:"article,omitempty"`
	Subscription *ExportSubscription `json:"subscription,omitempty"`
}

// ExportArticle is a stored article as exported.
type ExportArticle struct {
	Key                string `json:"key"`
	ExternalID         string `json:"external_id,omitempty"`
	URL                string `json:"url,omitempty"`
	Source             string `json:"source"`
	Title              string `json:"title"`
	Byline             string `json:"byline,omitempty"`
	Published          string `json:"published,omitempty"`
	PublishedMethod    string `json:"published_method,omitempty"`
	PublishedPrecision string `json:"published_precision,omitempty"`
	Language           string `json:"language,omitempty"`
	Text               string `json:"text"`
}

// ExportSubscription is a source collected from, as exported.
type ExportSubscription struct {
	URL      string `json:"url"`
	Title    string `json:"title,omitempty"`
	Interval int64  `json:"interval_seconds"`
}

// ExportArticleOf returns the export line of a stored article.
func ExportArticleOf(a *parallax.Article) ExportRecord {
	e := &ExportArticle{Key: a.Key, ExternalID: a.ExternalID, URL: a.URL, Source: a.Source, Title: a.Title,
		Byline: a.Byline, PublishedMethod: a.PublishedMethod, PublishedPrecision: a.PublishedPrecision,
		Language: a.Language, Text: a.Text}
	if !a.Published.IsZero() {
		e.Published = a.Published.Format(time.RFC3339)
	}
	return ExportRecord{Format: ExportFormat, Article: e}
}

// DecodeExport reads one line of `parallax export`. The article comes
// back with the key and text it was stored with.
func DecodeExport(line []byte) (ExportRecord, *parallax.Article, error) {
	var r ExportRecord
	if err := json.Unmarshal(line, &r); err != nil {
		return r, nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if r.Format != ExportFormat {
		return r, nil, fmt.Errorf("not a line of parallax export (format %d)", r.Format)
	}
	if r.Subscription != nil {
		return r, nil, nil
	}
	e := r.Article
	if e == nil {
		return r, nil, errors.New("neither an article nor a subscription")
	}
	if e.Key == "" || e.Source == "" || strings.TrimSpace(e.Text) == "" {
		return r, nil, errors.New("article without key, source or text")
	}
	a := &parallax.Article{Key: e.Key, ExternalID: e.ExternalID, URL: e.URL, Source: e.Source, Title: e.Title,
		Byline: e.Byline, PublishedMethod: e.PublishedMethod, PublishedPrecision: e.PublishedPrecision,
		Language: e.Language, Text: e.Text}
	if e.Published != "" {
		t, err := time.Parse(time.RFC3339, e.Published)
		if err != nil {
			return r, nil, fmt.Errorf("published: %w", err)
		}
		a.Published = t
	}
	if a.URL != "" {
		a.CanonicalURL, _ = parallax.CanonicalURL(a.URL)
	}
	a.ContentHash = parallax.ContentHash(a.Title, a.Text)
	return r, a, nil
}
