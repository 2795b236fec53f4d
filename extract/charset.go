package extract

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/wlynxg/chardet"
	"golang.org/x/text/encoding/htmlindex"
)

// DecodeCharset converts an HTML document to UTF-8 and returns the name of
// the charset it was read as. The charset comes from, in order: a byte-order
// mark, the Content-Type header, a <meta> declaration; a declaration that
// contradicts the bytes (a page that says Latin-1 but is valid UTF-8, or
// says UTF-8 but is not) is overruled by sniffing.
func DecodeCharset(data []byte, contentType string) (string, string, error) {
	if name, rest, ok := bomCharset(data); ok {
		s, err := decodeWith(name, rest)
		return s, name, err
	}
	declared := declaredCharset(data, contentType)
	validUTF8 := utf8.Valid(data)
	switch {
	case validUTF8 && (declared == "" || declared == "utf-8" || hasNonASCII(data)):
		// Valid UTF-8 with non-ASCII bytes is almost never a legacy
		// encoding by accident, so the bytes win over a wrong label.
		return string(data), "utf-8", nil
	case declared != "" && declared != "utf-8":
		s, err := decodeWith(declared, data)
		return s, declared, err
	}
	name := sniff(data)
	s, err := decodeWith(name, data)
	return s, name, err
}

func bomCharset(data []byte) (string, []byte, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8", data[3:], true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "utf-16be", data, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "utf-16le", data, true
	}
	return "", nil, false
}

// declaredCharset returns the canonical name of the charset declared by
// the Content-Type header or, failing that, the document's first 4 KiB.
func declaredCharset(data []byte, contentType string) string {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if name := canonicalCharset(params["charset"]); name != "" {
				return name
			}
		}
	}
	if m := metaCharsetRE.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
		return canonicalCharset(string(m[1]))
	}
	return ""
}

// metaCharsetRE finds <meta charset=x> and <meta http-equiv content="…;
// charset=x"> declarations.
var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

func canonicalCharset(label string) string {
	if label == "" {
		return ""
	}
	enc, err := htmlindex.Get(strings.TrimSpace(label))
	if err != nil {
		return ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return ""
	}
	return name
}

func hasNonASCII(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

// sniff guesses the encoding of undeclared, non-UTF-8 bytes with the
// universal charset detector on the first 64 KiB. On short samples the
// detector can rank windows-1252 above a CJK encoding that fits, because
// any byte string is valid windows-1252; a CJK candidate with confidence of
// at least one half that decodes without errors wins then. A guess that
// names no WHATWG encoding falls back to windows-1252, as browsers do.
func sniff(data []byte) string {
	sample := data[:min(len(data), 64<<10)]
	results := chardet.DetectAll(sample)
	for _, r := range results {
		name := canonicalCharset(r.Encoding)
		if multiByte[name] && r.Confidence >= 0.5 && decodesCleanly(name, sample) {
			return name
		}
	}
	for _, r := range results {
		if name := canonicalCharset(r.Encoding); name != "" && name != "utf-8" {
			return name
		}
	}
	return "windows-1252"
}

var multiByte = map[string]bool{
	"shift_jis": true, "euc-jp": true, "euc-kr": true, "gbk": true, "gb18030": true, "big5": true,
}

func decodesCleanly(name string, data []byte) bool {
	s, err := decodeWith(name, data)
	// The sample may end inside a character: allow one error at its end.
	return err == nil && strings.Count(strings.TrimRight(s, "\uFFFD"), "\uFFFD") == 0
}

func decodeWith(name string, data []byte) (string, error) {
	if name == "utf-8" {
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return "", fmt.Errorf("unknown charset %q", name)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return string(out), nil
}
