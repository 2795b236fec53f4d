package input

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/extract"
	"github.com/parallax-news/parallax/internal/budget"
)

// finish validates a decoded article and fills in its derived fields:
// normalised text, canonical URL, content hash and key. raw is the input the
// article was decoded from, before cleanup, for its identity. It returns
// warnings for problems that do not stop the article from being stored.
func finish(a *parallax.Article, stableID bool, raw []byte) ([]string, error) {
	var warnings []string
	// NUL characters (a JSON "\u0000") carry nothing and no PostgreSQL
	// text can hold them
	for _, f := range []*string{&a.Title, &a.Text, &a.Byline, &a.ExternalID, &a.URL, &a.Source} {
		*f = strings.ReplaceAll(*f, "\x00", "")
	}
	// Direction overrides and isolates in a one-line field can make a
	// title read backwards ("…\u202Egnp.exe"); headlines and names never
	// need them, so they go. Body text keeps its marks, which
	// right-to-left languages use.
	for _, f := range []*string{&a.Title, &a.Source, &a.Byline} {
		*f = strings.Map(dropBidiControl, *f)
	}
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	a.Text = normalizeText(a.Text)
	if a.Text == "" {
		return nil, errors.New("no article text")
	}
	if a.Title == "" {
		a.Title = firstWords(a.Text, 12)
	}
	if a.Language == "" {
		a.Language = extract.DetectLanguage(a.Title + "\n" + a.Text)
	}
	if a.URL != "" {
		c, err := parallax.CanonicalURL(a.URL)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("url ignored for identity: %s", parallax.ErrorMessage(err)))
		}
		a.CanonicalURL = c
	}
	if a.Source == "" {
		a.Source = hostOf(a.CanonicalURL)
	}
	if a.Source == "" {
		return nil, errors.New("no source: give a source or a URL")
	}
	a.ContentHash = parallax.ContentHash(a.Title, a.Text)
	a.Key = parallax.ArticleKey(a, stableID, parallax.InputHash(raw))
	return warnings, nil
}

func hostOf(canonical string) string {
	if canonical == "" {
		return ""
	}
	rest := canonical[strings.Index(canonical, "//")+2:]
	host, _, _ := strings.Cut(rest, "/")
	return strings.TrimPrefix(host, "www.")
}

// normalizeText makes every paragraph one line, separated by a blank line.
// Scraped text marks paragraphs either by blank lines or by single line
// breaks; both become paragraphs. Runs of spaces collapse.
func normalizeText(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var paras []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}

func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + "…"
}

// ParseTime parses a date as inputs and flags give it; see parseTime.
func ParseTime(s string) (time.Time, error) {
	t, _, err := parseTime(s)
	return t, err
}

// parseTime accepts the date forms that inputs use: RFC 3339 (with or
// without seconds' fraction), a date and time without zone (taken as UTC),
// and a bare date, whose precision is the day.
func parseTime(s string) (time.Time, string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, parallax.PrecisionDay, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
		"2006-01-02T15:04", "2006-01-02 15:04", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, parallax.PrecisionTime, nil
		}
	}
	return time.Time{}, "", fmt.Errorf("unrecognised date %q (want RFC 3339 or YYYY-MM-DD)", s)
}

// setPublished parses a metadata date into a; a bad date is a warning.
func setPublished(a *parallax.Article, s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	t, precision, err := parseTime(s)
	if err != nil {
		return []string{"published ignored: " + err.Error()}
	}
	a.Published, a.PublishedMethod, a.PublishedPrecision = t, parallax.PublishedMetadata, precision
	return nil
}

// dropBidiControl maps the bidirectional embedding, override and isolate
// controls to nothing.
func dropBidiControl(r rune) rune {
	if r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069' {
		return -1
	}
	return r
}

// within runs one article's stage (extraction, cleanup) within the
// decoder's per-article time budget.
func within[T any](d *Decoder, stage string, f func() T) (T, error) {
	v, err := budget.Run(d.ArticleTimeout, f)
	if err != nil {
		return v, fmt.Errorf("%s stopped: %w; the limit is --article-timeout", stage, err)
	}
	return v, nil
}
