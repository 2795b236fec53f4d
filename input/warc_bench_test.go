package input_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkDecodeWARC reads a gzipped archive of 200 HTML responses of
// about 6 KB each, one gzip member per record, through extraction.
func BenchmarkDecodeWARC(b *testing.B) {
	var arc bytes.Buffer
	for i := range 200 {
		para := strings.Repeat(fmt.Sprintf("The harbour board met on day %d to discuss berth %d and the dredging plan for the outer channel. ", i, i%17), 12)
		rec := warcRecord("response", fmt.Sprintf("https://news%d.example/story/%d", i%9, i), "application/http; msgtype=response",
			httpResponse("200 OK", "text/html; charset=utf-8", "", page(fmt.Sprintf("Harbour board meets, day %d", i), para)))
		w := gzip.NewWriter(&arc)
		w.Write([]byte(rec))
		w.Close()
	}
	data := arc.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	d := newDecoder()
	n := 0
	for b.Loop() {
		for rec := range d.Decode("bench.warc.gz", "warc", bytes.NewReader(data)) {
			if rec.Err != nil {
				b.Fatal(rec.Err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
