package quote

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/analyze/segment"
)

// BenchmarkFindRunOn finds quotes in a 60,000-word text without a full
// stop, many cues in one sentence: the cost per cue must not grow with
// the sentence. It did: 249 ms here before the scan after a postposed cue
// was bounded and dropInside sorted, 37 ms after.
func BenchmarkFindRunOn(b *testing.B) {
	words := []string{"officials", "said", "the", "plan", "frustrated", "voters", "were", "angry", "that", "prices",
		"rose", "and", "they", "wanted", "change", "Smith", ","}
	r := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for range 60_000 {
		sb.WriteString(words[r.IntN(len(words))])
		sb.WriteByte(' ')
	}
	text := sb.String()
	toks, sents := segment.Tokens(text), segment.Sentences(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FindTokens(text, toks, sents)
	}
}
