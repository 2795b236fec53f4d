// Package demotest decodes the demo corpus for tests, exactly as ingest
// would store it.
package demotest

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/demo"
	"github.com/parallax-news/parallax/input"
)

// Articles returns the demo corpus's articles, without IDs, in corpus
// order.
func Articles(t testing.TB) []*parallax.Article {
	t.Helper()
	dec := input.NewDecoder()
	var out []*parallax.Article
	err := fs.WalkDir(demo.Corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := demo.Corpus.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.HasSuffix(path, ".txt") {
			a, _, err := dec.DecodeText(filepath.Base(path), data)
			out = append(out, a)
			return err
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			a, _, err := dec.DecodeJSON([]byte(line))
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("decode the demo corpus: %v", err)
	}
	return out
}
