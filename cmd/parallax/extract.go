package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parallax-news/parallax/extract"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/report"
)

// extractOutput is what `parallax extract` prints.
type extractOutput struct {
	Title              string            `json:"title"`
	Byline             string            `json:"byline"`
	Published          *string           `json:"published"`
	PublishedMethod    string            `json:"published_method"`
	PublishedPrecision string            `json:"published_precision"`
	Site               string            `json:"site"`
	Language           string            `json:"language"`
	CanonicalURL       string            `json:"canonical_url"`
	Charset            string            `json:"charset,omitempty"`
	Text               string            `json:"text"`
	Paragraphs         []string          `json:"paragraphs"`
	Dropped            []extract.Dropped `json:"dropped,omitempty"`
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[--url URL] FILE|-")
	pageURL := fs.String("url", "", "the page's URL, for its canonical URL and date")
	asHTML := fs.Bool("html", false, "read the input as HTML whatever its name")
	maxBytes := fs.Int64("max-bytes", extract.DefaultMaxBytes, "largest input accepted")
	pos, err := exactArgs(fs, args, 1)
	if err != nil {
		return err
	}
	name := pos[0]
	data, err := readInput(e, name, *maxBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var out extractOutput
	if *asHTML || isHTML(name, data) {
		ex := extract.NewExtractor()
		ex.MaxBytes = *maxBytes
		page, err := ex.HTML(data, *pageURL, "")
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out = fromPage(page)
	} else {
		out, err = fromText(name, data)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func readInput(e *env, name string, limit int64) ([]byte, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than the %d-byte limit", limit)
	}
	return data, nil
}

// isHTML decides by extension, else by whether the input opens with markup.
func isHTML(name string, data []byte) bool {
	if kind, ok := input.KindOf(name); ok {
		return kind == input.HTML
	}
	head := bytes.TrimSpace(data[:min(len(data), 1024)])
	return bytes.HasPrefix(head, []byte("<")) || bytes.Contains(bytes.ToLower(head), []byte("<html"))
}

func fromPage(p *extract.Page) extractOutput {
	return extractOutput{
		Title: p.Title, Byline: p.Byline, Published: report.TimeString(p.Published), PublishedMethod: p.PublishedMethod,
		PublishedPrecision: p.PublishedPrecision,
		Site:               p.Site, Language: p.Language, CanonicalURL: p.CanonicalURL, Charset: p.Charset,
		Text: p.Text(), Paragraphs: nonNil(p.Paragraphs),
	}
}

// fromText decodes a plain text as ingest does, and reports the lines
// cleanup dropped.
func fromText(name string, data []byte) (extractOutput, error) {
	a, clean, _, err := input.NewDecoder().DecodeTextCleaned(filepath.Base(name), data)
	if err != nil {
		return extractOutput{}, err
	}
	return extractOutput{
		Title: a.Title, Byline: a.Byline, Published: report.TimeString(a.Published), PublishedMethod: a.PublishedMethod,
		PublishedPrecision: a.PublishedPrecision,
		Site:               clean.Site, Language: a.Language, Text: a.Text, Paragraphs: nonNil(a.Paragraphs()),
		Dropped: clean.Dropped,
	}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
