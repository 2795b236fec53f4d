package input

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/parallax-news/parallax/extract"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// checkText returns data as a string if it is non-empty UTF-8 text, and
// otherwise an error that says what is wrong with it.
func checkText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return "", errors.New("empty input: no text")
	}
	if extract.IsBinary(data) {
		return "", errors.New("binary content, not text")
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("invalid UTF-8 at byte %d (convert the input to UTF-8)", invalidOffset(data))
	}
	return string(data), nil
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
