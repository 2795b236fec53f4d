package input

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// checkText returns data as a string if it is non-empty UTF-8 text, and
// otherwise an error that says what is wrong with it.
func checkText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return "", errors.New("empty input: no text")
	}
	if isBinary(data) {
		return "", errors.New("binary content, not text")
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("invalid UTF-8 at byte %d (convert the input to UTF-8)", invalidOffset(data))
	}
	return string(data), nil
}

// isBinary reports whether data looks like binary content: a NUL byte, or
// more than 2% control characters other than whitespace, in its first 8 KiB.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for _, b := range head {
		if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7f {
			controls++
		}
	}
	return controls*50 > len(head)
}

func invalidOffset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
