package input_test

import (
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
