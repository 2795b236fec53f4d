package parallax

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// never the content, and so are dropped from canonical URLs.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "ocid": true,
	"cmpid": true, "ito": true, "smid": true, "ref": true, "ref_src": true,
}

// CanonicalURL normalises an absolute http(s) URL so that the same page
// reached through different links gets one identity: lowercase scheme and
// host, no default port, no fragment, no tracking parameters, sorted query.
func CanonicalURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", Errorf(EINVALID, "invalid URL %q: %v", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", Errorf(EINVALID, "invalid URL %q: scheme must be http or https", raw)
	}
	if u.Host == "" {
		return "", Errorf(EINVALID, "invalid URL %q: no host", raw)
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return "", Errorf(EINVALID, "invalid URL %q: no host", raw)
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	switch {
	case port != "":
		host = net.JoinHostPort(host, port) // brackets an IPv6 address
	case strings.Contains(host, ":"):
		host = "[" + host + "]"
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery = canonicalQuery(u.Query())
	return u.String(), nil
}

func canonicalQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		lk := strings.ToLower(k)
		if trackingParams[lk] || strings.HasPrefix(lk, "utm_") {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}

// ContentHash fingerprints an article's title and body, ignoring differences
// of whitespace only, so that re-ingesting the same text is recognised.
func ContentHash(title, text string) string {
	h := sha256.New()
	h.Write([]byte(strings.Join(strings.Fields(title), " ")))
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// ArticleKey is the identity of an article for idempotent ingest:
//   - the source and the input's own ID, when the input gives one that it
//     promises to keep stable (JSONL "id", news-please "filename"), so that
//     a corrected record updates the stored article;
//   - else the canonical URL plus the input hash, so that a page fetched
//     again unchanged is recognised, and a changed page is kept as a new
//     version instead of overwriting what was read before;
//   - else the input hash alone.
//
// The input hash fingerprints the input as given, before any cleanup (see
// InputHash), so that a better cleanup in a later release updates stored
// articles instead of duplicating them. Without one, the content hash
// stands in.
func ArticleKey(a *Article, stableExternalID bool, inputHash string) string {
	if inputHash == "" {
		inputHash = a.ContentHash
	}
	switch {
	case stableExternalID && a.ExternalID != "":
		return "id:" + a.Source + "\x00" + a.ExternalID
	case a.CanonicalURL != "":
		return "url:" + a.CanonicalURL + "\x00" + inputHash
	default:
		return "sha:" + inputHash
	}
}

// InputHash fingerprints raw input bytes for ArticleKey.
func InputHash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])[:32]
}
