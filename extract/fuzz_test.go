package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/extract"
)

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title></head><body><article><p>Some text of an article.</p></article></body></html>`), "https://x.example/2025/01/02/a")
	f.Add([]byte(`<p>unclosed <b><i>tags<table><tr><td>cell`), "")
	f.Add([]byte(strings.Repeat("<div>", 600)+"deep"), "")
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0\x82\xa2</p>"), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Fuzz(func(t *testing.T, data []byte, pageURL string) {
		page, err := extract.NewExtractor().HTML(data, pageURL, "")
		if err != nil {
			return
		}
		for _, p := range page.Paragraphs {
			if !utf8.ValidString(p) {
				t.Fatalf("invalid UTF-8 paragraph %q", p)
			}
		}
	})
}

func FuzzDecodeCharset(f *testing.F) {
	f.Add([]byte("<meta charset=\"euc-kr\">\xb0\xa1"), "")
	f.Add([]byte("caf\xe9"), "text/html; charset=iso-8859-1")
	f.Add([]byte("\xef\xbb\xbfok"), "text/html; charset=bogus")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		s, _, err := extract.DecodeCharset(data, contentType)
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("decoded to invalid UTF-8")
		}
	})
}

func FuzzCleanText(f *testing.F) {
	f.Add("Title\nBody line one said the mayor.\nRelated articles\nTeaser")
	f.Add("U.S. Dr. Mr. \n\n\n| | |\nWhat is ?\n© ")
	f.Fuzz(func(t *testing.T, raw string) {
		res := extract.CleanText(raw)
		kept := map[string]bool{}
		for _, p := range res.Paragraphs {
			kept[p] = true
		}
		// Cleanup only removes lines: every kept paragraph is a line of
		// the input, whitespace aside.
		norm := map[string]bool{}
		for _, l := range strings.Split(strings.ReplaceAll(raw, "\r", "\n"), "\n") {
			norm[strings.Join(strings.Fields(l), " ")] = true
		}
		for p := range kept {
			if !norm[p] {
				t.Fatalf("paragraph %q is not a line of the input", p)
			}
		}
	})
}
