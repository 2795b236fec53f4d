package parallax_test

import (
	"testing"

	"github.com/parallax-news/parallax"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantErr        bool
	}{
		{name: "lowercase host and scheme", in: "HTTPS://Example.COM/News/A", want: "https://example.com/News/A"},
		{name: "default port", in: "http://example.com:80/a", want: "http://example.com/a"},
		{name: "other port kept", in: "http://example.com:8080/a", want: "http://example.com:8080/a"},
		{name: "fragment dropped", in: "https://example.com/a#comments", want: "https://example.com/a"},
		{name: "tracking dropped, query sorted", in: "https://example.com/a?utm_source=x&b=2&a=1&fbclid=z", want: "https://example.com/a?a=1&b=2"},
		{name: "empty path", in: "https://example.com", want: "https://example.com/"},
		{name: "user info dropped", in: "https://u:p@example.com/a", want: "https://example.com/a"},
		{name: "ipv6", in: "http://[::1]:80/x", want: "http://[::1]/x"},
		{name: "not http", in: "javascript:alert(1)", wantErr: true},
		{name: "no host", in: "https:///path", wantErr: true},
		{name: "relative", in: "/news/a", wantErr: true},
		{name: "garbage", in: "http://%zz", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parallax.CanonicalURL(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("CanonicalURL(%q) = %q, want error", tt.in, got)
				}
				if code := parallax.ErrorCode(err); code != parallax.EINVALID {
					t.Errorf("error code = %q, want %q", code, parallax.EINVALID)
				}
				return
			}
			if err != nil {
				t.Fatalf("CanonicalURL(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestContentHashIgnoresWhitespace(t *testing.T) {
	a := parallax.ContentHash("A  title", "One\n\ntwo  three")
	b := parallax.ContentHash(" A title ", "One two\nthree")
	if a != b {
		t.Errorf("hashes differ for whitespace-only change: %s vs %s", a, b)
	}
	if c := parallax.ContentHash("A title", "One two four"); c == a {
		t.Errorf("hash unchanged after a word changed")
	}
	if c := parallax.ContentHash("A title One", "two three"); c == a {
		t.Errorf("moving a word from text to title kept the hash")
	}
}

func TestArticleKey(t *testing.T) {
	a := &parallax.Article{Source: "s", ExternalID: "7", ContentHash: "h"}
	if got, want := parallax.ArticleKey(a, true, ""), "id:s\x007"; got != want {
		t.Errorf("stable id: got %q, want %q", got, want)
	}
	if got, want := parallax.ArticleKey(a, false, ""), "sha:h"; got != want {
		t.Errorf("unstable id: got %q, want %q", got, want)
	}
	a.CanonicalURL = "https://example.com/a"
	if got, want := parallax.ArticleKey(a, true, ""), "id:s\x007"; got != want {
		t.Errorf("stable id with url: got %q, want %q", got, want)
	}
	if got, want := parallax.ArticleKey(a, false, ""), "url:https://example.com/a\x00h"; got != want {
		t.Errorf("url: got %q, want %q", got, want)
	}
	if got, want := parallax.ArticleKey(a, false, "raw"), "url:https://example.com/a\x00raw"; got != want {
		t.Errorf("url with input hash: got %q, want %q", got, want)
	}
}

func TestSplitParagraphs(t *testing.T) {
	got := parallax.SplitParagraphs("\n One\r\n\r\n\n two\nstill two \n\n\n")
	want := []string{"One", "two\nstill two"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, got[i], want[i])
		}
	}
}
