// Package extract turns a web page or a scraped text into a clean article:
// body paragraphs without boilerplate, title, byline, publication date and
// how it was found, site name, language and canonical URL. It is pure: bytes
// in, values out.
package extract

import (
	"strings"
	"time"
)

// Page is what extraction finds in one document.
type Page struct {
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Published time.Time `json:"-"`
	// PublishedMethod is one of the parallax.Published* constants, or ""
	// when no date was found.
	PublishedMethod string `json:"published_method"`
	// PublishedPrecision is parallax.PrecisionDay when the page gives no
	// time of day.
	PublishedPrecision string   `json:"published_precision"`
	Site               string   `json:"site"`
	Language           string   `json:"language"`
	CanonicalURL       string   `json:"canonical_url"`
	Charset            string   `json:"charset,omitempty"`
	Paragraphs         []string `json:"paragraphs"`
}

// Text returns the paragraphs separated by blank lines.
func (p *Page) Text() string {
	return strings.Join(p.Paragraphs, "\n\n")
}
