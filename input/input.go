// Package input decodes local inputs into articles: plain-text files, HTML
// pages, JSONL in the Parallax article format, news-please JSON and WARC
// archives. It reads and checks
// bytes; it never touches the store.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/extract"
)

// Kind is the format of an input.
type Kind string

// Input kinds, chosen by file extension.
const (
	Text       Kind = "text"
	HTML       Kind = "html"
	JSONL      Kind = "jsonl"
	NewsPlease Kind = "json"
	WARC       Kind = "warc"
	// URL is a feed, sitemap, URL list or page on the web, which the
	// pipeline's Fetch reads.
	URL Kind = "url"
)

// Defaults for Decoder limits.
const (
	DefaultMaxArticleBytes = 8 << 20
	DefaultMaxLineBytes    = 16 << 20
	// DefaultArticleTimeout is Decoder.ArticleTimeout's default: a
	// thousand times what a typical page takes.
	DefaultArticleTimeout = 10 * time.Second
)

// KindOf returns the kind of a file from its extension.
func KindOf(path string) (Kind, bool) {
	if lower := strings.ToLower(path); strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") {
		return WARC, true
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return Text, true
	case ".html", ".htm", ".xhtml":
		return HTML, true
	case ".jsonl", ".ndjson":
		return JSONL, true
	case ".json":
		return NewsPlease, true
	}
	return "", false
}

// Input is one file to decode, or "-" for JSONL on standard input.
type Input struct {
	Path string
	Kind Kind
	Size int64 // bytes; -1 for standard input
}

// Record is one decoded article, or the error that stopped one input or one
// line of it. Origin names the input, with ":N" for line N of a JSONL file.
type Record struct {
	Origin   string
	Article  *parallax.Article
	Warnings []string
	Err      error
}

// Decoder turns inputs into articles.
type Decoder struct {
	// MaxArticleBytes bounds a text file or one news-please document.
	// Defaults to DefaultMaxArticleBytes.
	MaxArticleBytes int64
	// MaxLineBytes bounds one line of a JSONL file. Defaults to
	// DefaultMaxLineBytes.
	MaxLineBytes int
	// Now bounds inferred dates: a text's dates after Now are not taken as
	// its publication date. Defaults to time.Now.
	Now func() time.Time
	// Extractor reads HTML pages.
	Extractor *extract.Extractor
	// ArticleTimeout bounds the extraction or cleanup of one article; an
	// article that overruns it fails with an error naming it, and the
	// input's other articles go on (see package budget). Zero means no
	// limit. Defaults to DefaultArticleTimeout.
	ArticleTimeout time.Duration
}

// NewDecoder returns a Decoder with default limits.
func NewDecoder() *Decoder {
	return &Decoder{MaxArticleBytes: DefaultMaxArticleBytes, MaxLineBytes: DefaultMaxLineBytes, Now: time.Now,
		Extractor: extract.NewExtractor(), ArticleTimeout: DefaultArticleTimeout}
}

// Expand resolves paths into inputs: files as they are, directories
// recursively (only files of a known kind, in lexical order), and "-" as
// JSONL on standard input. A missing path, or a named file of unknown kind,
// yields an error record instead.
func Expand(paths []string) ([]Input, []Record) {
	var inputs []Input
	var errs []Record
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, Input{Path: "-", Kind: JSONL, Size: -1})
			continue
		}
		if strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
			inputs = append(inputs, Input{Path: p, Kind: URL, Size: -1})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, Record{Origin: p, Err: statError(err)})
			continue
		}
		if !info.IsDir() {
			kind, ok := KindOf(p)
			if !ok {
				errs = append(errs, Record{Origin: p, Err: fmt.Errorf("unsupported file type %q (want .txt, .html, .jsonl, .json, .warc or .warc.gz)", filepath.Ext(p))})
				continue
			}
			inputs = append(inputs, Input{Path: p, Kind: kind, Size: info.Size()})
			continue
		}
		found, err := walk(p)
		if err != nil {
			errs = append(errs, Record{Origin: p, Err: err})
		}
		inputs = append(inputs, found...)
	}
	return inputs, errs
}

func statError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

func walk(root string) ([]Input, error) {
	var out []Input
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", path, err)
		}
		if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		kind, ok := KindOf(path)
		if !ok || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return fmt.Errorf("walk %s: %w", path, err)
		}
		out = append(out, Input{Path: path, Kind: kind, Size: info.Size()})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// Decode yields the records of one input read from r. name is used in
// errors and, for text files, as the external ID.
func (d *Decoder) Decode(name string, kind Kind, r io.Reader) iter.Seq[Record] {
	return d.DecodeFrom(name, kind, r, 1)
}

// DecodeFrom is Decode for a part of a JSONL file that starts at line
// firstLine, so that errors give the line in the whole file.
func (d *Decoder) DecodeFrom(name string, kind Kind, r io.Reader, firstLine int) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		switch kind {
		case JSONL:
			d.jsonl(name, r, firstLine, yield)
		case Text:
			yield(d.textFile(name, r))
		case HTML:
			yield(d.htmlFile(name, r))
		case NewsPlease:
			d.jsonFile(name, r, yield)
		case WARC:
			d.warc(name, r, yield)
		default:
			yield(Record{Origin: name, Err: fmt.Errorf("unsupported input kind %q", kind)})
		}
	}
}

// Open opens the input for reading; "-" is standard input, which the
// caller passes as stdin. The size is -1 when unknown.
func Open(in Input, stdin io.Reader) (io.ReadCloser, int64, error) {
	if in.Path == "-" {
		return io.NopCloser(stdin), -1, nil
	}
	f, err := os.Open(in.Path)
	if err != nil {
		return nil, 0, statError(err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("stat: %w", err)
	}
	if info.IsDir() {
		f.Close()
		return nil, 0, errors.New("is a directory")
	}
	return f, info.Size(), nil
}

// ReadArticle reads one article's input, failing when it is larger than
// MaxArticleBytes.
func (d *Decoder) ReadArticle(r io.Reader) ([]byte, error) { return readAll(r, d.MaxArticleBytes) }

// readAll reads at most limit bytes of r, and fails when there is more.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than the %s limit for one article", formatBytes(limit))
	}
	return data, nil
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
