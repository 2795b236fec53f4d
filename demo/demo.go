// Package demo holds the built-in sample corpus: ten invented articles from
// six invented outlets about a bridge collapse in an invented city, and two
// unrelated stories. It plants what real input carries (boilerplate, a
// repeated caption, a wire copy, a name spelled two ways, a quote rendered
// differently, relative dates, and outlets that disagree on a number and a
// place), and gold.json records each planted item for tests.
package demo

import "embed"

// Corpus holds the articles under corpus/: one JSONL file and two
// plain-text files, as a user would ingest them.
//
//go:embed corpus
var Corpus embed.FS

// Gold is the JSON description of what the corpus plants.
//
//go:embed gold.json
var Gold []byte
