// Package eval measures Parallax against gold labels. Each evaluation reads
// a data set, runs one stage, and returns metrics; the command prints them.
package eval

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ExtractionCase is one page of the extraction set with the snippets its
// body must and must not contain.
type ExtractionCase struct {
	ID      string
	File    string   `json:"file"`
	URL     string   `json:"url"`
	With    []string `json:"with"`
	Without []string `json:"without"`
	HTML    []byte   `json:"-"`
}

// LoadExtraction reads index.json and the gzipped pages of an extraction
// set laid out as in ../shared/data/extraction/trafilatura-eval.
func LoadExtraction(dir string) ([]ExtractionCase, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		return nil, fmt.Errorf("read extraction index: %w", err)
	}
	var index map[string]ExtractionCase
	if err := json.Unmarshal(raw, &index); err != nil {
		return nil, fmt.Errorf("parse extraction index: %w", err)
	}
	cases := make([]ExtractionCase, 0, len(index))
	for id, c := range index {
		c.ID = id
		if c.HTML, err = readPage(filepath.Join(dir, "html", c.File)); err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].ID < cases[j].ID })
	return cases, nil
}

// readPage reads path, or path.gz decompressed.
func readPage(path string) ([]byte, error) {
	if data, err := os.ReadFile(path); err == nil {
		return data, nil
	}
	f, err := os.Open(path + ".gz")
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read page %s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read page %s: %w", path, err)
	}
	return data, nil
}

// SnippetScore counts snippet outcomes: a `with` snippet found is a true
// positive and missed a false negative; a `without` snippet found is a false
// positive and missed a true negative.
type SnippetScore struct {
	TP, FP, FN, TN int
}

// Add scores one extracted text against its case.
func (s *SnippetScore) Add(c ExtractionCase, text string) {
	missed, leaked := Diff(c, text)
	s.TP += len(c.With) - len(missed)
	s.FN += len(missed)
	s.FP += len(leaked)
	s.TN += len(c.Without) - len(leaked)
}

// Diff returns the `with` snippets that text misses and the `without`
// snippets that leak into it.
func Diff(c ExtractionCase, text string) (missed, leaked []string) {
	norm := normalizeSpace(text)
	for _, w := range c.With {
		if !strings.Contains(norm, normalizeSpace(w)) {
			missed = append(missed, w)
		}
	}
	for _, w := range c.Without {
		if strings.Contains(norm, normalizeSpace(w)) {
			leaked = append(leaked, w)
		}
	}
	return missed, leaked
}

// Metrics are the precision, recall, F1 and accuracy of a score.
type Metrics struct {
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	F1          float64 `json:"f1"`
	Accuracy    float64 `json:"accuracy"`
	Pages       int     `json:"pages"`
	Errors      int     `json:"errors"`
	PagesPerSec float64 `json:"pages_per_sec"`
	// AllocKBPerPage is the memory allocated per page, in KiB.
	AllocKBPerPage float64 `json:"alloc_kb_per_page"`
}

// Metrics computes the metrics of the score.
func (s SnippetScore) Metrics() Metrics {
	m := Metrics{}
	if s.TP+s.FP > 0 {
		m.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		m.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	m.F1 = f1(m.Precision, m.Recall)
	if n := s.TP + s.FP + s.FN + s.TN; n > 0 {
		m.Accuracy = float64(s.TP+s.TN) / float64(n)
	}
	return m
}

// Extractor is a system under evaluation: page bytes and URL in, body
// text out.
type Extractor func(html []byte, url string) (string, error)

// RunExtraction scores one extractor over the cases, timing it on one
// goroutine. A page the extractor fails on scores as empty text.
func RunExtraction(cases []ExtractionCase, extract Extractor) Metrics {
	var score SnippetScore
	errs := 0
	start := time.Now()
	texts := make([]string, len(cases))
	for i, c := range cases {
		text, err := extract(c.HTML, c.URL)
		if err != nil {
			errs++
		}
		texts[i] = text
	}
	elapsed := time.Since(start)
	for i, c := range cases {
		score.Add(c, texts[i])
	}
	m := score.Metrics()
	m.Pages, m.Errors = len(cases), errs
	if elapsed > 0 {
		m.PagesPerSec = float64(len(cases)) / elapsed.Seconds()
	}
	return m
}

func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Round3 rounds the metrics to three decimals for printing.
func (m Metrics) Round3() Metrics {
	r := round3
	m.Precision, m.Recall, m.F1, m.Accuracy, m.PagesPerSec = r(m.Precision), r(m.Recall), r(m.F1), r(m.Accuracy), r(m.PagesPerSec)
	return m
}
