package parallax_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// FuzzCanonicalURL: a canonical URL is an absolute http(s) URL without
// credentials or fragment, and canonicalising it again changes nothing.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://www.Example.com:443/a/b?utm_source=x&b=2&a=1#frag",
		"http://user:pw@[::1]:80/p?q=%zz",
		"HTTP://host/%7Euser/../x?a=1&a=0",
		"https://例え.jp/パス?キー=値",
		"javascript:alert(1)",
		" https://x.example/?fbclid=1&ref=2 ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := parallax.CanonicalURL(raw)
		if err != nil {
			return
		}
		u, perr := url.Parse(c)
		if perr != nil {
			t.Fatalf("CanonicalURL(%q) = %q, which does not parse: %v", raw, c, perr)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.User != nil || strings.Contains(c, "#") {
			t.Fatalf("CanonicalURL(%q) = %q: want http(s), a host, no credentials, no fragment", raw, c)
		}
		again, err := parallax.CanonicalURL(c)
		if err != nil || again != c {
			t.Fatalf("CanonicalURL is not idempotent: %q → %q → %q (%v)", raw, c, again, err)
		}
	})
}
