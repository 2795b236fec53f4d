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
// annotated exactly as given, so offsets index the file's own text. With
// --batch, it annotates every article of its inputs as ingest would
// store them, one JSON line each.
func runAnnotate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "annotate", "[--published DATE] [--lang xx] FILE|- | --batch PATH…")
	published := fs.String("published", "", "publication date (YYYY-MM-DD or RFC 3339), the reference for \"on Monday\"; inferred from the text when absent")
	lang := fs.String("lang", "", "ISO 639-1 language of the text; detected when absent")
	batch := fs.Bool("batch", false, "annotate every article of the files and directories given (the inputs of ingest) and print one JSON line for each: its origin, title and annotation")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *batch {
		if len(pos) == 0 || *published != "" || *lang != "" {
			fs.Usage()
			return errUsage
		}
		return annotateBatch(ctx, e, pos)
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
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

// batchLine is one article of annotate --batch.
type batchLine struct {
	Origin     string             `json:"origin"`
	Title      string             `json:"title,omitempty"`
	Annotation analyze.Annotation `json:"annotation"`
}

// annotateBatch annotates the articles of the inputs in order, each
// against its own publication date and language, as the pipeline does
// for an article outside a story. An input that fails is named on
// standard error and the others go on; it fails only when nothing was
// annotated. Its output is the same for the same inputs, so two builds'
// outputs compare with cmp.
func annotateBatch(ctx context.Context, e *env, paths []string) error {
	inputs, errs := input.Expand(paths)
	failed := len(errs)
	for _, r := range errs {
		fmt.Fprintf(e.stderr, "%s: %v\n", r.Origin, r.Err)
	}
	dec := input.NewDecoder()
	enc := json.NewEncoder(e.stdout)
	annotated := 0
	for _, in := range inputs {
		n, bad, err := annotateInput(ctx, e, dec, enc, in)
		if err != nil {
			return err
		}
		annotated, failed = annotated+n, failed+bad
	}
	if annotated == 0 {
		return fmt.Errorf("nothing annotated (%d inputs failed)", failed)
	}
	return nil
}

// annotateInput writes the annotation of each article of one input and
// returns how many it wrote and how many of its records failed, each
// named on standard error. Only a failure to write is an error.
func annotateInput(ctx context.Context, e *env, dec *input.Decoder, enc *json.Encoder, in input.Input) (annotated, failed int, err error) {
	if in.Kind == input.URL {
		fmt.Fprintf(e.stderr, "%s: annotate --batch reads files, not URLs\n", in.Path)
		return 0, 1, nil
	}
	r, _, err := input.Open(in, e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", in.Path, err)
		return 0, 1, nil
	}
	defer r.Close()
	for rec := range dec.Decode(in.Path, in.Kind, r) {
		if err := ctx.Err(); err != nil {
			return annotated, failed, err
		}
		if rec.Err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", rec.Origin, rec.Err)
			failed++
			continue
		}
		a := rec.Article
		opt := analyze.Options{Language: a.Language, Published: a.Published}
		if opt.Language == "" {
			opt.Language = extract.DetectLanguage(a.Text)
		}
		if err := enc.Encode(batchLine{Origin: rec.Origin, Title: a.Title, Annotation: analyze.Annotate(a.Text, opt)}); err != nil {
			return annotated, failed, err
		}
		annotated++
	}
	return annotated, failed, nil
}
