package cluster

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

// minhash computes the signature of a lowercased word sequence by one
// permutation hashing: each shingle is hashed once, its low bits choose a
// slot and the slot keeps the least of its high bits; slots no shingle
// chose borrow from the next filled slot, offset by the distance
// (densification, Shrivastava 2017), so that short texts compare too.
// One hash per shingle instead of one per slot made Extract about twice
// as fast. Hashing is deterministic, so signatures agree across
// processes and machines.
func minhash(lower []string) Signature {
	var sig Signature
	if len(lower) < shingleSize*3 {
		return sig
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	// each word is hashed once (FNV-1a), and a shingle's hash folds its
	// words' hashes in order: hashing each shingle's bytes read every
	// word four times
	words := make([]uint64, len(lower))
	for i, w := range lower {
		h := uint64(14695981039346656037)
		for k := 0; k < len(w); k++ {
			h ^= uint64(w[k])
			h *= 1099511628211
		}
		words[i] = h
	}
	var filled uint64
	for i := 0; i+shingleSize <= len(lower); i++ {
		var h uint64
		for _, wh := range words[i : i+shingleSize] {
			h = (h ^ wh) * 1099511628211
		}
		x := mix(h)
		slot := x % sigSize
		if v := uint32(x >> 32); v < sig[slot] {
			sig[slot] = v
		}
		filled |= 1 << slot
	}
	for j := range sig {
		if filled&(1<<j) != 0 {
			continue
		}
		for d := 1; d < sigSize; d++ {
			if k := (j + d) % sigSize; filled&(1<<k) != 0 {
				sig[j] = uint32(mix(uint64(sig[k]) + uint64(d)*0x9E3779B97F4A7C15))
				break
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
