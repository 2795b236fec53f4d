package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// entityOther is the type of a gold name that is neither a person, an
// organisation nor a place (a treaty, a holiday, a group of believers):
// the metrics leave it alone, and what a system finds inside it counts
// neither way. A system's mentions of that type are not scored either.
const entityOther = "other"

// EntityMention is a named mention: its span, type and, in gold data,
// the entity it names (mentions with the same Entity name the same
// one). Metonyms ("Beijing warned") are organisations.
type EntityMention struct {
	Span
	Type   string
	Entity int
}

// EntityDoc is a text with its gold named mentions, offsets in bytes.
type EntityDoc struct {
	Name     string
	Text     string
	Mentions []EntityMention
}

// LoadEntities reads brat standoff files DIR/NAME.ann: a T line per
// named mention (`T1<TAB>person 0 14<TAB>Sanae Takaichi`, offsets in code
// points) and an equivalence line per entity named more than once
// (`*<TAB>Coref T1 T5 T9`). The text is NAME.txt beside the file, or the
// file a first line `# text: PATH` names, relative to the .ann file; a
// PATH of the form FILE.jsonl#ID names the text field of the record
// whose id is ID in a JSON Lines file of articles (as the clustering
// sets are).
func LoadEntities(dir string) ([]EntityDoc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "*.ann"))
	if err != nil || len(anns) == 0 {
		return nil, fmt.Errorf("load entities: no .ann files in %s", dir)
	}
	sort.Strings(anns)
	docs := make([]EntityDoc, 0, len(anns))
	for _, ann := range anns {
		d, err := loadEntityDoc(ann)
		if err != nil {
			return nil, fmt.Errorf("load entities: %w", err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func loadEntityDoc(ann string) (EntityDoc, error) {
	raw, err := os.ReadFile(ann)
	if err != nil {
		return EntityDoc{}, err
	}
	name := strings.TrimSuffix(filepath.Base(ann), ".ann")
	textPath := strings.TrimSuffix(ann, ".ann") + ".txt"
	lines := strings.Split(string(raw), "\n")
	if p, ok := strings.CutPrefix(lines[0], "# text:"); ok {
		textPath = filepath.Join(filepath.Dir(ann), strings.TrimSpace(p))
	}
	text, err := readText(textPath)
	if err != nil {
		return EntityDoc{}, err
	}
	if !utf8.Valid(text) {
		return EntityDoc{}, fmt.Errorf("%s is not UTF-8", textPath)
	}
	d := EntityDoc{Name: name, Text: string(text)}
	byteAt := make([]int, 0, len(text)+1)
	for i := range d.Text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	index := map[string]int{} // T id → mention
	var groups [][]string
	for n, line := range lines {
		parts := strings.Split(line, "\t")
		switch {
		case strings.HasPrefix(parts[0], "T") && len(parts) >= 2:
			f := strings.Fields(strings.ReplaceAll(parts[1], ";", " "))
			if len(f) < 3 {
				return d, fmt.Errorf("%s:%d: want TYPE START END", ann, n+1)
			}
			s, err1 := strconv.Atoi(f[1])
			e, err2 := strconv.Atoi(f[len(f)-1])
			if err1 != nil || err2 != nil || s < 0 || e >= len(byteAt) || s >= e {
				return d, fmt.Errorf("%s:%d: bad range %q", ann, n+1, parts[1])
			}
			index[parts[0]] = len(d.Mentions)
			d.Mentions = append(d.Mentions, EntityMention{Span: Span{byteAt[s], byteAt[e]}, Type: f[0], Entity: len(d.Mentions)})
		case parts[0] == "*" && len(parts) >= 2:
			groups = append(groups, strings.Fields(parts[1])[1:])
		}
	}
	for _, g := range groups {
		first := -1
		for _, id := range g {
			i, ok := index[id]
			if !ok {
				return d, fmt.Errorf("%s: equivalence names unknown mention %s", ann, id)
			}
			if first < 0 {
				first = d.Mentions[i].Entity
			}
			d.Mentions[i].Entity = first
		}
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	return d, nil
}

// EntityMetrics score named mentions, CoNLL style.
type EntityMetrics struct {
	Docs   int `json:"docs"`
	Gold   int `json:"gold"`
	System int `json:"system"`
	// Exact needs the same span and type; Span the same span of any
	// type; Overlap a span overlapping the gold one, of its type.
	Exact   PRF            `json:"exact"`
	Span    PRF            `json:"span"`
	Overlap PRF            `json:"overlap"`
	Types   map[string]PRF `json:"types"` // exact, by gold type
	// Resolution is BCubed over the gold mentions found exactly: does
	// the system put the mentions of one entity, and only those,
	// together ("Sanae Takaichi", "Takaichi").
	Resolution PRF `json:"resolution"`
}

// EntityError is a disagreement, for inspection.
type EntityError struct {
	Doc, Kind, Text, Gold, Got string
}

// EntityScorer accumulates counts over documents.
type EntityScorer struct {
	docs, gold, system int
	exact, span, overl int
	types              map[string]*[3]int // tp, sys, gold
	resP, resR         float64
	resN               int
	Errors             []EntityError
}

// Add scores the named mentions a system found in doc. System mentions
// of type other, or inside a gold mention of type other, are left out.
func (s *EntityScorer) Add(doc EntityDoc, sys []EntityMention) {
	if s.types == nil {
		s.types = map[string]*[3]int{}
	}
	count := func(t string) *[3]int {
		if s.types[t] == nil {
			s.types[t] = &[3]int{}
		}
		return s.types[t]
	}
	s.docs++
	var gold, ignore []EntityMention
	for _, g := range doc.Mentions {
		if g.Type == entityOther {
			ignore = append(ignore, g)
		} else {
			gold = append(gold, g)
		}
	}
	var found []EntityMention
	for _, m := range sys {
		if m.Type == entityOther {
			continue
		}
		if !overlapsAny(m.Span, ignore) {
			found = append(found, m)
		}
	}
	s.gold += len(gold)
	s.system += len(found)
	for _, m := range found {
		count(m.Type)[1]++
	}
	exactOf := map[Span]int{} // span → system mention
	for i, m := range found {
		exactOf[m.Span] = i
	}
	usedOverlap := make([]bool, len(found))
	var pairs [][2]int // gold, system: exact span matches
	for gi, g := range gold {
		count(g.Type)[2]++
		si, ok := exactOf[g.Span]
		switch {
		case ok && found[si].Type == g.Type:
			s.exact++
			s.span++
			count(g.Type)[0]++
			pairs = append(pairs, [2]int{gi, si})
		case ok:
			s.span++
			pairs = append(pairs, [2]int{gi, si})
			s.Errors = append(s.Errors, EntityError{doc.Name, "type", doc.Text[g.Start:g.End], g.Type, found[si].Type})
		default:
			got := ""
			for _, m := range found {
				if m.Start < g.End && g.Start < m.End {
					got = doc.Text[m.Start:m.End] + " (" + m.Type + ")"
					break
				}
			}
			s.Errors = append(s.Errors, EntityError{doc.Name, "missed", doc.Text[g.Start:g.End], g.Type, got})
		}
		// overlap: the gold mention takes the unused system mention of its
		// type that shares most with it
		best, bestOv := -1, 0
		for si, m := range found {
			if usedOverlap[si] || m.Type != g.Type {
				continue
			}
			if ov := min(m.End, g.End) - max(m.Start, g.Start); ov > bestOv {
				best, bestOv = si, ov
			}
		}
		if best >= 0 {
			usedOverlap[best] = true
			s.overl++
		}
	}
	for _, m := range found {
		if !overlapsAny(m.Span, gold) {
			s.Errors = append(s.Errors, EntityError{doc.Name, "spurious", doc.Text[m.Start:m.End], "", m.Type})
		}
	}
	// BCubed over the pairs: for each gold mention found, the share of
	// the mentions the system groups with it that the gold groups with it
	// too (precision), and the converse (recall)
	for _, a := range pairs {
		both, inSys, inGold := 0, 0, 0
		for _, b := range pairs {
			ss := found[a[1]].Entity == found[b[1]].Entity
			gg := gold[a[0]].Entity == gold[b[0]].Entity
			if ss {
				inSys++
			}
			if gg {
				inGold++
			}
			if ss && gg {
				both++
			}
		}
		s.resP += float64(both) / float64(inSys)
		s.resR += float64(both) / float64(inGold)
		s.resN++
	}
}

// overlapsAny reports whether span x overlaps any of the mentions.
func overlapsAny(x Span, ms []EntityMention) bool {
	for _, m := range ms {
		if x.Start < m.End && m.Start < x.End {
			return true
		}
	}
	return false
}

// Metrics returns the scores so far.
func (s *EntityScorer) Metrics() EntityMetrics {
	m := EntityMetrics{Docs: s.docs, Gold: s.gold, System: s.system,
		Exact: roundPRF(prf(s.exact, s.system, s.gold)), Span: roundPRF(prf(s.span, s.system, s.gold)),
		Overlap: roundPRF(prf(s.overl, s.system, s.gold)), Types: map[string]PRF{}}
	for t, c := range s.types {
		if c[2] > 0 {
			m.Types[t] = roundPRF(prf(c[0], c[1], c[2]))
		}
	}
	if s.resN > 0 {
		p, r := s.resP/float64(s.resN), s.resR/float64(s.resN)
		m.Resolution = roundPRF(PRF{Precision: p, Recall: r, F1: f1(p, r)})
	}
	return m
}

// readText reads a text file, or the text of one record of a JSON Lines
// file (FILE.jsonl#ID).
func readText(path string) ([]byte, error) {
	file, id, ok := strings.Cut(path, ".jsonl#")
	if !ok {
		return os.ReadFile(path)
	}
	f, err := os.Open(file + ".jsonl")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	for {
		var r struct{ ID, Text string }
		if err := dec.Decode(&r); err == io.EOF {
			return nil, fmt.Errorf("%s.jsonl has no record %q", file, id)
		} else if err != nil {
			return nil, fmt.Errorf("%s.jsonl: %w", file, err)
		}
		if r.ID == id {
			return []byte(r.Text), nil
		}
	}
}
