package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// warc streams the HTML responses of a WARC file (.warc, or .warc.gz with
// one gzip member per record, as Common Crawl writes them) through
// extraction. Records are read one at a time and a body over
// MaxArticleBytes is skipped unread, so an archive of any size costs the
// memory of one page. Request, metadata and warcinfo records, responses
// that are not HTML, and non-200 responses are skipped without a record.
func (d *Decoder) warc(name string, r io.Reader, yield func(Record) bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, err := br.Peek(2); err == nil && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			yield(Record{Origin: name, Err: fmt.Errorf("gzip: %w", err)})
			return
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	for n := 1; ; n++ {
		origin := fmt.Sprintf("%s:record %d", name, n)
		h, err := readWARCHeader(br)
		if errors.Is(err, io.EOF) {
			if n == 1 {
				yield(Record{Origin: name, Err: errors.New("empty WARC file")})
			}
			return
		}
		if err != nil {
			yield(Record{Origin: origin, Err: fmt.Errorf("malformed WARC: %w", err)})
			return
		}
		uri := strings.Trim(h.Get("WARC-Target-URI"), "<>")
		if uri != "" {
			origin += " " + uri
		}
		wanted := strings.EqualFold(h.Get("WARC-Type"), "response") &&
			strings.HasPrefix(strings.ToLower(h.Get("Content-Type")), "application/http") && h.length <= d.MaxArticleBytes+64<<10
		if !wanted {
			if _, err := io.CopyN(io.Discard, br, h.length); err != nil {
				yield(Record{Origin: origin, Err: fmt.Errorf("truncated WARC record: %w", err)})
				return
			}
			continue
		}
		block := make([]byte, h.length)
		if _, err := io.ReadFull(br, block); err != nil {
			yield(Record{Origin: origin, Err: fmt.Errorf("truncated WARC record: %w", err)})
			return
		}
		rec, ok := d.warcResponse(origin, uri, block)
		if ok && !yield(rec) {
			return
		}
	}
}

// warcHeader is the header block of one WARC record.
type warcHeader struct {
	textproto.MIMEHeader
	length int64
}

// readWARCHeader skips the blank lines that end the previous record and
// reads the next record's version line and fields.
func readWARCHeader(br *bufio.Reader) (*warcHeader, error) {
	var line string
	for {
		l, err := br.ReadString('\n')
		line = strings.TrimSpace(l)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read header: %w", err)
		}
		if line != "" {
			break
		}
		if err != nil {
			return nil, io.EOF
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("want a WARC/1.x version line, found %q", truncate(line, 40))
	}
	mh, err := textproto.NewReader(br).ReadMIMEHeader()
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, fmt.Errorf("read header fields: %w", err)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(mh.Get("Content-Length")), 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad Content-Length %q", mh.Get("Content-Length"))
	}
	return &warcHeader{MIMEHeader: mh, length: n}, nil
}

// warcResponse decodes the HTTP response held by a record. It reports
// false for responses that are not HTML pages.
func (d *Decoder) warcResponse(origin, uri string, block []byte) (Record, bool) {
	rec := Record{Origin: origin}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		rec.Err = fmt.Errorf("malformed HTTP response: %w", err)
		return rec, true
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return rec, false
	}
	ct := resp.Header.Get("Content-Type")
	if mt, _, _ := mime.ParseMediaType(ct); ct != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return rec, false
	}
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			rec.Err = fmt.Errorf("gzip body: %w", err)
			return rec, true
		}
		body = zr
	}
	data, err := readAll(body, d.MaxArticleBytes)
	if err != nil {
		rec.Err = err
		return rec, true
	}
	rec.Article, rec.Warnings, rec.Err = d.DecodePage(uri, data, uri, ct)
	return rec, true
}
