package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/parallax-news/parallax/analyze/entity"
	"github.com/parallax-news/parallax/analyze/quote"
	"github.com/parallax-news/parallax/analyze/segment"
	"github.com/parallax-news/parallax/analyze/timex"
	"github.com/parallax-news/parallax/eval"
)

// evalTemporal finds time expressions in TimeML documents, resolved
// against each document's creation time, and prints TempEval-3 scores.
func evalTemporal(e *env, dir, errorsTo string) error {
	docs, err := eval.LoadTimeML(dir)
	if err != nil {
		return err
	}
	var s eval.TemporalScorer
	start := time.Now()
	for _, d := range docs {
		var sys []eval.TimexSpan
		for _, t := range timex.Find(d.Text, d.Created, segment.Sentences(d.Text)) {
			sys = append(sys, eval.TimexSpan{Start: t.Start, End: t.End, Type: t.Type, Value: t.Value})
		}
		s.Add(d, sys)
	}
	m := s.Metrics()
	m.DocsPerSec = float64(len(docs)) / time.Since(start).Seconds()
	if err := writeErrors(errorsTo, s.Errors); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d documents, %d gold and %d found time expressions\n", m.Docs, m.Gold, m.System)
	fmt.Fprintf(e.stdout, "strict   P %.3f  R %.3f  F1 %.3f\n", m.Strict.Precision, m.Strict.Recall, m.Strict.F1)
	fmt.Fprintf(e.stdout, "relaxed  P %.3f  R %.3f  F1 %.3f\n", m.Relaxed.Precision, m.Relaxed.Recall, m.Relaxed.F1)
	fmt.Fprintf(e.stdout, "value accuracy %.3f, type accuracy %.3f, value F1 %.3f\n", m.ValueAccuracy, m.TypeAccuracy, m.ValueF1)
	return json.NewEncoder(e.stdout).Encode(m)
}

// evalQuotes finds attributions in PolNeAR-style brat data and prints
// span scores and speaker accuracy; rulesOnly leaves the learned model
// out.
func evalQuotes(e *env, dir, errorsTo string, rulesOnly bool) error {
	docs, err := eval.LoadBrat(dir)
	if err != nil {
		return err
	}
	var s eval.QuoteScorer
	start := time.Now()
	for _, d := range docs {
		toks, sents := segment.Tokens(d.Text), segment.Sentences(d.Text)
		if rulesOnly {
			s.Add(d, quoteSpans(quote.FindWith(d.Text, toks, sents, nil)))
		} else {
			s.Add(d, quoteSpans(quote.FindTokens(d.Text, toks, sents)))
		}
	}
	m := s.Metrics()
	m.DocsPerSec = float64(len(docs)) / time.Since(start).Seconds()
	if err := writeErrors(errorsTo, s.Errors); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d documents, %d gold and %d found attributions (overlap: the spans share half the longer one)\n", m.Docs, m.Gold, m.System)
	for _, r := range []struct {
		name         string
		exact, overl eval.PRF
	}{{"content", m.ContentExact, m.ContentOverlap}, {"source", m.SourceExact, m.SourceOverlap}, {"cue", m.CueExact, m.CueOverlap}} {
		fmt.Fprintf(e.stdout, "%-8s exact P %.3f R %.3f F1 %.3f   overlap P %.3f R %.3f F1 %.3f\n", r.name,
			r.exact.Precision, r.exact.Recall, r.exact.F1, r.overl.Precision, r.overl.Recall, r.overl.F1)
	}
	fmt.Fprintf(e.stdout, "speaker accuracy on contents found: %.3f\n", m.SpeakerAccuracy)
	return json.NewEncoder(e.stdout).Encode(m)
}

// evalEntities finds named mentions in brat entity data (LoadEntities)
// and prints CoNLL-style scores and how well mentions are resolved to
// entities. Mentions by title alone ("the prime minister") are not
// names, and are left out.
func evalEntities(e *env, dir, errorsTo string) error {
	docs, err := eval.LoadEntities(dir)
	if err != nil {
		return err
	}
	var s eval.EntityScorer
	for _, d := range docs {
		var sys []eval.EntityMention
		for _, m := range entity.Find(d.Text, segment.Sentences(d.Text)).Mentions {
			if !m.Nominal {
				sys = append(sys, eval.EntityMention{Span: eval.Span{Start: m.Start, End: m.End}, Type: m.Type, Entity: m.Entity})
			}
		}
		s.Add(d, sys)
	}
	m := s.Metrics()
	if err := writeErrors(errorsTo, s.Errors); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d documents, %d gold and %d found named mentions\n", m.Docs, m.Gold, m.System)
	for _, r := range []struct {
		name string
		p    eval.PRF
	}{{"exact (span and type)", m.Exact}, {"span (any type)", m.Span}, {"overlap (and type)", m.Overlap}} {
		fmt.Fprintf(e.stdout, "%-22s P %.3f  R %.3f  F1 %.3f\n", r.name, r.p.Precision, r.p.Recall, r.p.F1)
	}
	for _, t := range []string{entity.Person, entity.Organisation, entity.Place} {
		p := m.Types[t]
		fmt.Fprintf(e.stdout, "  %-20s P %.3f  R %.3f  F1 %.3f\n", t, p.Precision, p.Recall, p.F1)
	}
	fmt.Fprintf(e.stdout, "%-22s P %.3f  R %.3f  F1 %.3f (BCubed over the mentions found)\n", "resolution", m.Resolution.Precision, m.Resolution.Recall, m.Resolution.F1)
	return json.NewEncoder(e.stdout).Encode(m)
}

// writeErrors writes the disagreements with the gold labels as JSON to
// path, when one is given.
func writeErrors(path string, errs any) error {
	if path == "" {
		return nil
	}
	data, err := json.MarshalIndent(errs, "", "  ")
	if err != nil {
		return fmt.Errorf("write errors: %w", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write errors: %w", err)
	}
	return nil
}
