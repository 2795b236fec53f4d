package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Span is a byte range; a gold span may have several fragments.
type Span struct{ Start, End int }

// Attribution is one gold attribution of a brat file: who (Source), the
// cue, and what (Content). Absent parts have no fragments.
type Attribution struct {
	Source, Cue, Content []Span
}

// BratDoc is a text with its gold attributions, offsets in bytes.
type BratDoc struct {
	Name         string
	Text         string
	Attributions []Attribution
}

var annSuffix = regexp.MustCompile(`_[0-9a-f]{4}$`)

// BratTextName returns the name of the text that the annotation file
// named name (without .ann) annotates: the name without its annotator's
// suffix ("story_d473" annotates "story").
func BratTextName(name string) string { return annSuffix.ReplaceAllString(name, "") }

// LoadBrat reads PolNeAR-style data: DIR/text/NAME.txt and
// DIR/attributions/NAME_xxxx.ann in brat standoff format, where each E
// line links the Source, Cue and Content of one attribution. A text
// annotated twice yields two documents.
func LoadBrat(dir string) ([]BratDoc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil || len(anns) == 0 {
		return nil, fmt.Errorf("load brat: no .ann files in %s", filepath.Join(dir, "attributions"))
	}
	sort.Strings(anns)
	var docs []BratDoc
	for _, ann := range anns {
		name := strings.TrimSuffix(filepath.Base(ann), ".ann")
		text, err := os.ReadFile(filepath.Join(dir, "text", BratTextName(name)+".txt"))
		if err != nil {
			return nil, fmt.Errorf("load brat: %w", err)
		}
		doc, err := parseBrat(name, string(text), ann)
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

func parseBrat(name, text, path string) (BratDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return BratDoc{}, fmt.Errorf("load brat: %w", err)
	}
	defer f.Close()
	// brat offsets count code points; Parallax works in bytes.
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	spans := map[string][]Span{}
	doc := BratDoc{Name: name, Text: text}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		parts := strings.Split(sc.Text(), "\t")
		switch {
		case strings.HasPrefix(parts[0], "T") && len(parts) >= 2:
			_, ranges, _ := strings.Cut(parts[1], " ")
			var ss []Span
			for _, r := range strings.Split(ranges, ";") {
				a, b, _ := strings.Cut(r, " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || s < 0 || e >= len(byteAt) || s > e {
					return doc, fmt.Errorf("load brat: %s:%d: bad range %q", path, n, r)
				}
				ss = append(ss, Span{byteAt[s], byteAt[e]})
			}
			spans[parts[0]] = ss
		case strings.HasPrefix(parts[0], "E") && len(parts) >= 2:
			var a Attribution
			for _, role := range strings.Fields(parts[1])[1:] {
				kind, id, _ := strings.Cut(role, ":")
				switch kind {
				case "Source":
					a.Source = spans[id]
				case "Cue":
					a.Cue = spans[id]
				case "Content":
					a.Content = spans[id]
				}
			}
			doc.Attributions = append(doc.Attributions, a)
		}
	}
	if !utf8.ValidString(text) {
		return doc, fmt.Errorf("load brat: %s is not UTF-8", name)
	}
	return doc, sc.Err()
}

// QuoteSpans is what a system found for one attribution; empty spans are
// absent.
type QuoteSpans struct {
	Source, Cue, Content Span
	// ContentParts, when set, are the pieces of a quotation split by its
	// attribution, which Content spans from first to last; they are
	// scored like a gold content of several fragments.
	ContentParts []Span
}

// QuoteMetrics score attributions. Overlap counts a match when the spans
// share at least half of the longer one.
type QuoteMetrics struct {
	Docs           int `json:"docs"`
	Gold           int `json:"gold"`
	System         int `json:"system"`
	ContentExact   PRF `json:"content_exact"`
	ContentOverlap PRF `json:"content_overlap"`
	SourceExact    PRF `json:"source_exact"`
	SourceOverlap  PRF `json:"source_overlap"`
	CueExact       PRF `json:"cue_exact"`
	CueOverlap     PRF `json:"cue_overlap"`
	// SpeakerAccuracy is the share of matched contents, among those whose
	// gold attribution names a source, whose found source overlaps it.
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	DocsPerSec      float64 `json:"docs_per_sec,omitempty"`
}

// QuoteScorer accumulates counts over documents.
type QuoteScorer struct {
	docs, gold, system      int
	counts                  map[string]*[3]int // tp, sys, gold
	speakerRight, speakerOf int
	Errors                  []QuoteError
}

// QuoteError is a disagreement, for inspection.
type QuoteError struct {
	Doc, Kind, Gold, Got, GoldSource, GotSource string
	Cue                                         string `json:",omitempty"`
}

func (s *QuoteScorer) count(name string, tp, sys, gold int) {
	if s.counts == nil {
		s.counts = map[string]*[3]int{}
	}
	c := s.counts[name]
	if c == nil {
		c = &[3]int{}
		s.counts[name] = c
	}
	c[0] += tp
	c[1] += sys
	c[2] += gold
}

// Add scores one document.
func (s *QuoteScorer) Add(doc BratDoc, sys []QuoteSpans) {
	s.docs++
	s.gold += len(doc.Attributions)
	s.system += len(sys)
	for _, role := range []string{"content", "source", "cue"} {
		var g, f [][]Span
		for _, a := range doc.Attributions {
			if p := pick(a, role); len(p) > 0 {
				g = append(g, p)
			}
		}
		for _, q := range sys {
			if p := pickSys(q, role); length(p) > 0 {
				f = append(f, p)
			}
		}
		exact, _ := match(g, f, true)
		over, pairs := match(g, f, false)
		s.count(role+"_exact", exact, len(f), len(g))
		s.count(role+"_overlap", over, len(f), len(g))
		if role != "content" {
			continue
		}
		// speaker accuracy over matched contents
		goldIdx := []int{}
		for i, a := range doc.Attributions {
			if len(a.Content) > 0 {
				goldIdx = append(goldIdx, i)
			}
		}
		sysIdx := []int{}
		for i, q := range sys {
			if q.Content.End > q.Content.Start {
				sysIdx = append(sysIdx, i)
			}
		}
		matchedSys := map[int]bool{}
		for gi, fi := range pairs {
			a, q := doc.Attributions[goldIdx[gi]], sys[sysIdx[fi]]
			matchedSys[fi] = true
			if len(a.Source) == 0 {
				continue
			}
			s.speakerOf++
			if Overlaps(a.Source, []Span{q.Source}) {
				s.speakerRight++
			} else {
				s.Errors = append(s.Errors, QuoteError{Doc: doc.Name, Kind: "speaker", Gold: text(doc.Text, a.Content),
					Got: text(doc.Text, []Span{q.Content}), GoldSource: text(doc.Text, a.Source), GotSource: text(doc.Text, []Span{q.Source})})
			}
		}
		for gi, a := range g {
			if _, ok := pairs[gi]; !ok {
				at := doc.Attributions[goldIdx[gi]]
				s.Errors = append(s.Errors, QuoteError{Doc: doc.Name, Kind: "missed", Gold: text(doc.Text, a),
					GoldSource: text(doc.Text, at.Source), Cue: text(doc.Text, at.Cue)})
			}
		}
		for fi, sp := range f {
			if !matchedSys[fi] {
				s.Errors = append(s.Errors, QuoteError{Doc: doc.Name, Kind: "spurious", Got: text(doc.Text, sp)})
			}
		}
	}
}

func text(t string, ss []Span) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, t[s.Start:s.End])
	}
	return strings.Join(parts, " … ")
}

func pick(a Attribution, role string) []Span {
	switch role {
	case "source":
		return a.Source
	case "cue":
		return a.Cue
	}
	return a.Content
}

func pickSys(q QuoteSpans, role string) []Span {
	switch role {
	case "source":
		return []Span{q.Source}
	case "cue":
		return []Span{q.Cue}
	}
	if len(q.ContentParts) > 0 {
		return q.ContentParts
	}
	return []Span{q.Content}
}

// match pairs gold and system spans one to one, best overlap first, and
// returns the number of pairs and the pairing gold index → system index.
func match(gold, sys [][]Span, exact bool) (int, map[int]int) {
	type cand struct {
		g, s int
		ov   int
	}
	var cands []cand
	for gi, g := range gold {
		for si, s := range sys {
			if exact {
				if slices.Equal(g, s) {
					cands = append(cands, cand{gi, si, length(s)})
				}
				continue
			}
			if ov := overlap(g, s); ov > 0 && 2*ov >= max(length(g), length(s)) {
				cands = append(cands, cand{gi, si, ov})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].ov > cands[j].ov })
	pairs := map[int]int{}
	usedS := map[int]bool{}
	for _, c := range cands {
		if _, ok := pairs[c.g]; ok || usedS[c.s] {
			continue
		}
		pairs[c.g], usedS[c.s] = c.s, true
	}
	return len(pairs), pairs
}

// Overlaps reports that spans a and b, each of one or more fragments,
// share at least half of the longer: a match in overlap scores.
func Overlaps(a, b []Span) bool {
	ov := overlap(a, b)
	return ov > 0 && 2*ov >= max(length(a), length(b))
}

// overlap counts the bytes that the fragments of a and b share.
func overlap(a, b []Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func length(ss []Span) int {
	n := 0
	for _, s := range ss {
		n += s.End - s.Start
	}
	return n
}

// Metrics returns the scores so far.
func (s *QuoteScorer) Metrics() QuoteMetrics {
	get := func(name string) PRF {
		c := s.counts[name]
		if c == nil {
			return PRF{}
		}
		return roundPRF(prf(c[0], c[1], c[2]))
	}
	m := QuoteMetrics{Docs: s.docs, Gold: s.gold, System: s.system,
		ContentExact: get("content_exact"), ContentOverlap: get("content_overlap"),
		SourceExact: get("source_exact"), SourceOverlap: get("source_overlap"),
		CueExact: get("cue_exact"), CueOverlap: get("cue_overlap")}
	if s.speakerOf > 0 {
		m.SpeakerAccuracy = round3(float64(s.speakerRight) / float64(s.speakerOf))
	}
	return m
}

// ContentF1 is the content overlap F1 before rounding, for choosing
// between close settings.
func (s *QuoteScorer) ContentF1() float64 {
	c := s.counts["content_overlap"]
	if c == nil {
		return 0
	}
	return prf(c[0], c[1], c[2]).F1
}

// round3 rounds a non-negative figure to three decimals for printing.
func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func roundPRF(p PRF) PRF {
	return PRF{round3(p.Precision), round3(p.Recall), round3(p.F1)}
}
