package extract

import (
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// DetectLanguage returns the ISO 639-1 code of the language of text, or ""
// when the text is too short or the guess unreliable. It reads at most the
// first 1 KiB, which is plenty for a trigram model and keeps detection
// from costing more than the rest of decoding.
func DetectLanguage(text string) string {
	if len(text) > 1024 {
		n := 1024
		for n > 0 && !utf8.RuneStart(text[n]) {
			n--
		}
		text = text[:n]
	}
	if len([]rune(text)) < 20 {
		return ""
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() && info.Confidence < 0.3 {
		return ""
	}
	return info.Lang.Iso6391()
}
