package input_test

import (
	"bytes"
	"strings"
	"testing"
)

func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"id":"1","source":"S","title":"T","text":"Body","published":"2026-01-02"}`))
	f.Add([]byte(`{"id":1.5e300,"url":"http://%zz","html":"<p>x"}`))
	f.Add([]byte(`{"maintext":"x","source_domain":"d","date_publish":"2017-13-45 99:99:99"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := newDecoder()
		if a, _, err := d.DecodeJSON(data); err == nil && (a.Key == "" || a.Source == "" || a.Text == "") {
			t.Fatalf("accepted an article without key, source or text: %+v", a)
		}
		if a, _, err := d.DecodeNewsPlease("x.json", data); err == nil && (a.Key == "" || a.Text == "") {
			t.Fatalf("accepted a news-please article without key or text: %+v", a)
		}
	})
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("Title\nBody on January 27, 2026."))
	f.Add([]byte("\n\n\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if a, _, err := newDecoder().DecodeText("x.txt", data); err == nil && (a.Key == "" || a.Text == "" || a.Title == "") {
			t.Fatalf("accepted an article without key, text or title: %+v", a)
		}
	})
}

func FuzzDecodeWARC(f *testing.F) {
	recs := newsWARC()
	f.Add([]byte(recs[0] + recs[2]))
	f.Add([]byte(recs[6]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5\r\n\r\nHTTP/"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := newDecoder()
		d.MaxArticleBytes = 1 << 16
		for rec := range d.Decode("f.warc", "warc", bytes.NewReader(data)) {
			if rec.Err == nil && (rec.Article == nil || rec.Article.Key == "" || rec.Article.Text == "") {
				t.Fatalf("%s: accepted an article without key or text: %+v", rec.Origin, rec.Article)
			}
			if !strings.HasPrefix(rec.Origin, "f.warc") {
				t.Fatalf("origin %q does not name the file", rec.Origin)
			}
		}
	})
}
