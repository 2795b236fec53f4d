package input_test

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var updateWARC = flag.Bool("update-warc", false, "rewrite testdata/news.warc.gz")

// warcRecord renders one WARC record.
func warcRecord(typ, uri, contentType, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\n", typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: 2026-03-02T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08x>\r\n", len(block)*31+len(uri))
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", contentType, len(block), block)
	return b.String()
}

func httpResponse(status, contentType, extraHeaders, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n%s", status, contentType, extraHeaders, len(body), body)
}

func page(title, para string) string {
	return "<!doctype html><html><head><title>" + title + "</title></head><body><nav>Home | World | Sport</nav><article><h1>" +
		title + "</h1><p>" + para + "</p><p>" + para + " The council meets again next week to hear the residents.</p></article></body></html>"
}

// newsWARC is a small archive in the shape of Common Crawl's CC-NEWS:
// warcinfo, request/response pairs, a redirect, a 404, an image, a
// gzip-encoded page and a chunked page.
func newsWARC() []string {
	gz := func(s string) string {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.String()
	}
	chunked := page("Ferry terminal opens in Kessel", "The new ferry terminal in Kessel opened on Monday after two years of building work by the harbour authority.")
	return []string{
		warcRecord("warcinfo", "", "application/warc-fields", "software: parallax test\r\nformat: WARC File Format 1.0\r\n"),
		warcRecord("request", "https://news.example/2026/03/01/bridge", "application/http; msgtype=request", "GET /2026/03/01/bridge HTTP/1.1\r\nHost: news.example\r\n\r\n"),
		warcRecord("response", "https://news.example/2026/03/01/bridge", "application/http; msgtype=response",
			httpResponse("200 OK", "text/html; charset=utf-8", "", page("Bridge reopens after repairs", "The Kessel bridge reopened to traffic on Sunday after six months of repairs, the city said."))),
		warcRecord("response", "https://news.example/moved", "application/http; msgtype=response",
			httpResponse("301 Moved Permanently", "text/html", "Location: https://news.example/2026/03/01/bridge\r\n", "moved")),
		warcRecord("response", "https://news.example/missing", "application/http; msgtype=response",
			httpResponse("404 Not Found", "text/html", "", "<html><body>not found</body></html>")),
		warcRecord("response", "https://news.example/logo.png", "application/http; msgtype=response",
			httpResponse("200 OK", "image/png", "", "\x89PNG\r\n\x1a\n\x00\x00")),
		warcRecord("response", "https://other.example/news/strike", "application/http; msgtype=response",
			httpResponse("200 OK", "text/html; charset=iso-8859-1", "Content-Encoding: gzip\r\n",
				gz(page("Dockers strike in Kessel", "Dockers in Kessel went on strike on Tuesday over pay, their union said, halting cargo at the port.")))),
		warcRecord("response", "https://third.example/ferry", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"+
				fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(chunked), chunked)),
		warcRecord("metadata", "https://third.example/ferry", "application/warc-fields", "fetchTimeMs: 120\r\n"),
	}
}

func writeWARC(t *testing.T, path string, records []string, gzipped bool) {
	t.Helper()
	var b bytes.Buffer
	for _, r := range records {
		if !gzipped {
			b.WriteString(r)
			continue
		}
		// one gzip member per record, as Common Crawl writes them
		w := gzip.NewWriter(&b)
		w.Write([]byte(r))
		w.Close()
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDecodeWARC(t *testing.T) {
	if *updateWARC {
		writeWARC(t, filepath.Join("testdata", "news.warc.gz"), newsWARC(), true)
	}
	for _, gzipped := range []bool{false, true} {
		name := "news.warc"
		if gzipped {
			name += ".gz"
		}
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			path := filepath.Join(t.TempDir(), name)
			writeWARC(t, path, newsWARC(), gzipped)
			data, _ := os.ReadFile(path)
			b.Write(data)
			recs := decodeFile(t, newDecoder(), name, b.Bytes())
			var got []string
			for _, r := range recs {
				if r.Err != nil {
					t.Errorf("%s: %v", r.Origin, r.Err)
					continue
				}
				got = append(got, r.Article.URL+" | "+r.Article.Title+" | "+r.Article.Source)
				if !strings.Contains(r.Origin, ":record ") || !strings.Contains(r.Origin, r.Article.URL) {
					t.Errorf("origin %q does not name the record and its URL", r.Origin)
				}
				if strings.Contains(r.Article.Text, "Home | World") {
					t.Errorf("%s: navigation kept: %q", r.Origin, r.Article.Text)
				}
			}
			want := []string{
				"https://news.example/2026/03/01/bridge | Bridge reopens after repairs | news.example",
				"https://other.example/news/strike | Dockers strike in Kessel | other.example",
				"https://third.example/ferry | Ferry terminal opens in Kessel | third.example",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestDecodeWARCCheckedIn(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "news.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for r := range newDecoder().Decode("news.warc.gz", "warc", f) {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Origin, r.Err)
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d records, want 3 (run go test ./input -run DecodeWARC -update-warc after changing newsWARC)", n)
	}
}

func TestDecodeWARCBad(t *testing.T) {
	good := newsWARC()
	for _, tc := range []struct {
		name, content, want string
		articles            int
	}{
		{"empty.warc", "", "empty WARC file", 0},
		{"junk.warc", "\x00\x01binary junk\xff\xfe", "want a WARC/1.x version line", 0},
		{"html.warc", "<html><body>not an archive</body></html>", "want a WARC/1.x version line", 0},
		{"truncated.warc", good[2] + good[6][:len(good[6])/2], "truncated WARC record", 1},
		{"nolength.warc", "WARC/1.0\r\nWARC-Type: response\r\n\r\n", "bad Content-Length", 0},
		{"badhttp.warc", warcRecord("response", "https://x.example/a", "application/http; msgtype=response", "not http at all"), "malformed HTTP response", 0},
		{"badgzip.warc.gz", "\x1f\x8b\x08\x00garbage", "gzip", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs := decodeFile(t, newDecoder(), tc.name, []byte(tc.content))
			articles, errs := 0, []string{}
			for _, r := range recs {
				if r.Err != nil {
					errs = append(errs, r.Origin+": "+r.Err.Error())
				} else {
					articles++
				}
			}
			if articles != tc.articles || len(errs) != 1 || !strings.Contains(errs[0], tc.want) || !strings.Contains(errs[0], tc.name) {
				t.Errorf("%d articles, errors %q; want %d articles and one error naming the file with %q", articles, errs, tc.articles, tc.want)
			}
		})
	}
}

func TestDecodeWARCSkipsOversized(t *testing.T) {
	d := newDecoder()
	d.MaxArticleBytes = 2 << 10
	big := warcRecord("response", "https://news.example/huge", "application/http; msgtype=response",
		httpResponse("200 OK", "text/html", "", page("Huge", strings.Repeat("Words of a very long page. ", 20000))))
	good := newsWARC()
	recs := decodeFile(t, d, "big.warc", []byte(big+good[2]))
	if len(recs) != 1 || recs[0].Err != nil || recs[0].Article.Title != "Bridge reopens after repairs" {
		for _, r := range recs {
			t.Logf("%s: %v", r.Origin, r.Err)
		}
		t.Fatalf("%d records; want the oversized one skipped and the next one read", len(recs))
	}
}

// TestDecodeWARCGzipBomb: a response whose gzip body inflates far beyond
// the article limit fails alone, after reading no more than the limit, and
// the next record is read.
func TestDecodeWARCGzipBomb(t *testing.T) {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	zeros := make([]byte, 1<<20)
	for range 256 { // 256 MiB of zeros, about 256 KB compressed
		w.Write(zeros)
	}
	w.Close()
	bomb := warcRecord("response", "https://news.example/bomb", "application/http; msgtype=response",
		httpResponse("200 OK", "text/html", "Content-Encoding: gzip\r\n", b.String()))
	good := newsWARC()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	recs := decodeFile(t, newDecoder(), "bomb.warc", []byte(bomb+good[2]))
	runtime.ReadMemStats(&after)
	if len(recs) != 2 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "limit") ||
		!strings.Contains(recs[0].Origin, "news.example/bomb") || recs[1].Err != nil {
		for _, r := range recs {
			t.Logf("%s: %v", r.Origin, r.Err)
		}
		t.Fatalf("%d records; want the bomb refused by name and the next page read", len(recs))
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 128<<20 {
		t.Errorf("decoding allocated %d MiB; the bomb must stop at the article limit", grew>>20)
	}
}
