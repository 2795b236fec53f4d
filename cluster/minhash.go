package cluster

import (
	"hash/fnv"
	"strings"
)

// Near-duplicate detection compares MinHash signatures of word 4-shingles:
// the share of equal slots estimates the Jaccard similarity of two
// articles' shingle sets. Banding the signature (16 bands of 4 slots) finds
// candidate pairs without comparing every pair.
const (
	sigSize     = 64
	bandRows    = 4
	bands       = sigSize / bandRows
	shingleSize = 4
)

// Signature is a MinHash signature. The zero Signature means "too short to
// compare".
type Signature [sigSize]uint32

// minhash computes the signature of a word sequence. Hashing is
// deterministic, so signatures agree across processes and machines.
func minhash(ws []string) Signature {
	var sig Signature
	if len(ws) < shingleSize*3 {
		return sig
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	lower := make([]string, len(ws))
	for i, w := range ws {
		lower[i] = strings.ToLower(w)
	}
	for i := 0; i+shingleSize <= len(lower); i++ {
		h := fnv.New64a()
		for _, w := range lower[i : i+shingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j := range sig {
			if v := uint32(mix(x + uint64(j)*0x9E3779B97F4A7C15)); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// mix is SplitMix64's finaliser: one 64-bit hash becomes many independent
// ones by mixing it with different offsets.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// Empty reports a signature of a text too short to compare.
func (s *Signature) Empty() bool {
	return s[0] == 0 && s[1] == 0 && s[sigSize-1] == 0
}

// Similarity estimates the Jaccard similarity of the two shingle sets.
func (s *Signature) Similarity(o *Signature) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / sigSize
}

// bandKeys returns one key per band, for the LSH index.
func (s *Signature) bandKeys() [bands]uint64 {
	var keys [bands]uint64
	for b := range keys {
		h := uint64(b) * 0x9E3779B97F4A7C15
		for r := 0; r < bandRows; r++ {
			h = mix(h ^ uint64(s[b*bandRows+r]))
		}
		keys[b] = h
	}
	return keys
}
