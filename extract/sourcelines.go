package extract

import (
	"hash/fnv"
	"strings"
)

// LineHash identifies a paragraph for cross-article repetition: case and
// spacing are ignored. Zero is never returned.
func LineHash(p string) uint64 {
	h := fnv.New64a()
	for i, f := range strings.Fields(strings.ToLower(p)) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(f))
	}
	if v := h.Sum64(); v != 0 {
		return v
	}
	return 1
}

// DropSourceRepeats decides which paragraphs of an article to drop because
// the outlet prints them in many of its articles; repeated[i] says whether
// paragraph i is such a paragraph. Repetition alone is not enough, because
// outlets reuse background paragraphs in running stories. A repeated
// paragraph is dropped when it lies in an unbroken run of repeated
// paragraphs at the start or the end of the body (where sites put their
// furniture), or when it is a short label rather than a sentence
// ("Advertisement", "Scroll down for video") or holds web chrome (a
// newsletter sign-up, say) wherever it is. An article
// that would lose everything keeps everything.
//
// The rule composes: dropping with some repeated set and then again with a
// larger one gives what dropping once with the larger set gives, so an
// article cleaned early and re-cleaned later equals one cleaned late.
// It returns which paragraphs to drop, or nil to keep them all.
func DropSourceRepeats(paras []string, repeated []bool) []bool {
	drop := make([]bool, len(paras))
	for i := 0; i < len(paras) && repeated[i]; i++ {
		drop[i] = true
	}
	for i := len(paras) - 1; i >= 0 && repeated[i]; i-- {
		drop[i] = true
	}
	for i, p := range paras {
		if repeated[i] && (isLabel(p) || isChrome(strings.ToLower(p))) {
			drop[i] = true
		}
	}
	n := 0
	for _, d := range drop {
		if d {
			n++
		}
	}
	if n == 0 || n == len(paras) {
		return nil
	}
	return drop
}

// isLabel reports whether a paragraph is a short label, not a sentence.
func isLabel(p string) bool {
	return len(strings.Fields(p)) <= 12 && !endsSentence(p)
}
