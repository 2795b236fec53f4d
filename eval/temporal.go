package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// TimeMLDoc is one TimeML file: the text of its TEXT element, its creation
// time, and the gold TIMEX3 spans in that text (byte offsets).
type TimeMLDoc struct {
	Name    string
	Text    string
	Created time.Time
	Gold    []TimexSpan
}

// TimexSpan is a time expression with its TIMEX3 type and value.
type TimexSpan struct {
	Start, End  int
	Type, Value string
}

// LoadTimeML reads every .tml file under dir.
func LoadTimeML(dir string) ([]TimeMLDoc, error) {
	var docs []TimeMLDoc
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".tml" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := ParseTimeML(data)
		if err != nil {
			return fmt.Errorf("parse %s: %w", path, err)
		}
		rel, _ := filepath.Rel(dir, path)
		doc.Name = rel
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load timeml: %w", err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("load timeml: no .tml files in %s", dir)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	return docs, nil
}

// ParseTimeML reads one TimeML document.
func ParseTimeML(data []byte) (TimeMLDoc, error) {
	var doc TimeMLDoc
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = false
	var text strings.Builder
	inText := false
	var open *TimexSpan
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "TIMEX3":
				attr := map[string]string{}
				for _, a := range t.Attr {
					attr[a.Name.Local] = a.Value
				}
				if attr["functionInDocument"] == "CREATION_TIME" {
					doc.Created, _ = parseTimeMLDate(attr["value"])
				}
				if inText {
					open = &TimexSpan{Start: text.Len(), Type: attr["type"], Value: attr["value"]}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "TIMEX3":
				if open != nil {
					open.End = text.Len()
					doc.Gold = append(doc.Gold, *open)
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	doc.Text = text.String()
	if doc.Created.IsZero() {
		return doc, errors.New("no creation time")
	}
	return doc, nil
}

func parseTimeMLDate(v string) (time.Time, error) {
	if len(v) >= 10 {
		return time.Parse(time.DateOnly, v[:10])
	}
	return time.Parse("2006-01", v)
}

// TemporalMetrics are the TempEval-3 scores of time expressions.
type TemporalMetrics struct {
	Docs    int `json:"docs"`
	Gold    int `json:"gold"`
	System  int `json:"system"`
	Strict  PRF `json:"strict"`
	Relaxed PRF `json:"relaxed"`
	// ValueAccuracy and TypeAccuracy are over the relaxed matches;
	// ValueF1 is the relaxed F1 times the value accuracy.
	ValueAccuracy float64 `json:"value_accuracy"`
	TypeAccuracy  float64 `json:"type_accuracy"`
	ValueF1       float64 `json:"value_f1"`
	DocsPerSec    float64 `json:"docs_per_sec,omitempty"`
}

// PRF is precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(tp, sys, gold int) PRF {
	var m PRF
	if sys > 0 {
		m.Precision = float64(tp) / float64(sys)
	}
	if gold > 0 {
		m.Recall = float64(tp) / float64(gold)
	}
	m.F1 = f1(m.Precision, m.Recall)
	return m
}

// TemporalScorer accumulates TempEval-3 counts over documents.
type TemporalScorer struct {
	docs, gold, system, strict, relaxed, value, typ int
	// Misses and FalseAlarms and WrongValues list errors for inspection.
	Errors []TimexError
}

// TimexError is a disagreement with the gold standard.
type TimexError struct {
	Doc, Kind, Text, Gold, Got string
}

// Add scores one document's system spans against its gold spans. A system
// span matches the gold span it overlaps (relaxed) or equals (strict),
// each gold span at most once.
func (s *TemporalScorer) Add(doc TimeMLDoc, sys []TimexSpan) {
	s.docs++
	s.gold += len(doc.Gold)
	s.system += len(sys)
	used := make([]bool, len(sys))
	for _, g := range doc.Gold {
		best := -1
		for i, t := range sys {
			if used[i] || t.End <= g.Start || t.Start >= g.End {
				continue
			}
			if best < 0 || (t.Start == g.Start && t.End == g.End) {
				best = i
			}
		}
		if best < 0 {
			s.Errors = append(s.Errors, TimexError{doc.Name, "missed", doc.Text[g.Start:g.End], g.Value, ""})
			continue
		}
		used[best] = true
		t := sys[best]
		s.relaxed++
		if t.Start == g.Start && t.End == g.End {
			s.strict++
		}
		if t.Value == g.Value {
			s.value++
		} else {
			s.Errors = append(s.Errors, TimexError{doc.Name, "value", doc.Text[g.Start:g.End], g.Value, t.Value + " (" + doc.Text[t.Start:t.End] + ")"})
		}
		if t.Type == g.Type {
			s.typ++
		}
	}
	for i, t := range sys {
		if !used[i] {
			s.Errors = append(s.Errors, TimexError{doc.Name, "spurious", doc.Text[t.Start:t.End], "", t.Value})
		}
	}
}

// Metrics returns the scores so far.
func (s *TemporalScorer) Metrics() TemporalMetrics {
	m := TemporalMetrics{Docs: s.docs, Gold: s.gold, System: s.system,
		Strict: prf(s.strict, s.system, s.gold), Relaxed: prf(s.relaxed, s.system, s.gold)}
	if s.relaxed > 0 {
		m.ValueAccuracy = float64(s.value) / float64(s.relaxed)
		m.TypeAccuracy = float64(s.typ) / float64(s.relaxed)
	}
	m.ValueF1 = m.Relaxed.F1 * m.ValueAccuracy
	return m.round()
}

func (m TemporalMetrics) round() TemporalMetrics {
	m.Strict, m.Relaxed = roundPRF(m.Strict), roundPRF(m.Relaxed)
	m.ValueAccuracy, m.TypeAccuracy, m.ValueF1 = round3(m.ValueAccuracy), round3(m.TypeAccuracy), round3(m.ValueF1)
	return m
}
