package main

import (
	"context"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/extract"
	"github.com/parallax-news/parallax/input"
)

// runAnnotate prints the annotations of one text as JSON. The text is
// annotated exactly as given, so offsets index the file's own text.
func runAnnotate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "annotate", "[--published DATE] [--lang xx] FILE|-")
	published := fs.String("published", "", "publication date (YYYY-MM-DD or RFC 3339), the reference for \"on Monday\"; inferred from the text when absent")
	lang := fs.String("lang", "", "ISO 639-1 language of the text; detected when absent")
	pos, err := exactArgs(fs, args, 1)
	if err != nil {
		return err
	}
	name := pos[0]
	data, err := readInput(e, name, extract.DefaultMaxBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%s: not UTF-8 text", name)
	}
	text := string(data)
	opt := analyze.Options{Language: *lang}
	if *published != "" {
		t, err := input.ParseTime(*published)
		if err != nil {
			return fmt.Errorf("--published %q: %w", *published, err)
		}
		opt.Published = t
	}
	if opt.Language == "" {
		opt.Language = extract.DetectLanguage(text)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(analyze.Annotate(text, opt))
}
