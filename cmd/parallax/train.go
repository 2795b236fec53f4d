package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"os"

	"github.com/parallax-news/parallax/analyze/quote"
	"github.com/parallax-news/parallax/analyze/segment"
	"github.com/parallax-news/parallax/eval"
)

// runTrain fits a model from annotated data and writes it.
func runTrain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train", "KIND DATA (kinds: quotes)")
	out := fs.String("out", "analyze/quote/model.tsv", "write the model to this `file`")
	epochs := fs.Int("epochs", 8, "passes over the examples")
	minCount := fs.Int("min-count", 3, "leave out features seen fewer `times`")
	pos, err := exactArgs(fs, args, 2)
	if err != nil {
		return err
	}
	if pos[0] != "quotes" {
		return fmt.Errorf("unknown model %q (want quotes)", pos[0])
	}
	docs, err := eval.LoadBrat(pos[1])
	if err != nil {
		return err
	}
	// The threshold is chosen by five-fold cross-validation: each fifth
	// of the documents is scored with a model fitted to the other four,
	// and the threshold that gives the best content F1 (overlap) of the
	// rules and the model together over all five is kept. The model is
	// then fitted to all. Each document is split, read by the rules and
	// labelled once.
	var all []quote.Example
	var docsIn [folds][]trainDoc
	positives := 0
	for _, d := range docs {
		td := newTrainDoc(d)
		all = append(all, td.examples...)
		positives += td.positives
		f := fold(d.Name)
		docsIn[f] = append(docsIn[f], td)
	}
	var thresholds []float64
	for t := 0.1; t < 0.91; t += 0.05 {
		thresholds = append(thresholds, t)
	}
	scores := make([]eval.QuoteScorer, len(thresholds))
	for f := range folds {
		var fit []quote.Example
		for g := range folds {
			if g != f {
				for _, td := range docsIn[g] {
					fit = append(fit, td.examples...)
				}
			}
		}
		// the rules and the candidates do not depend on the threshold:
		// each document's candidates are weighed once, and each threshold
		// only chooses among them
		m := quote.Train(fit, *epochs, *minCount)
		for _, td := range docsIn[f] {
			probs := make([]float64, len(td.cands))
			for i, c := range td.cands {
				probs[i] = m.Prob(c.Features)
			}
			for i, t := range thresholds {
				scores[i].Add(td.doc, quoteSpans(quote.Merge(td.found, quote.Choose(td.cands, probs, t))))
			}
		}
	}
	best, bestF1 := 0.5, -1.0
	for i, t := range thresholds {
		if f1 := scores[i].ContentF1(); f1 > bestF1 {
			best, bestF1 = t, f1
		}
	}
	m := quote.Train(all, *epochs, *minCount)
	m.Threshold = best
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d documents, %d candidates (%d attributions), %d features; threshold %.2f (content F1 %.3f in %d-fold cross-validation); wrote %s\n",
		len(docs), len(all), positives, len(m.Weights), best, bestF1, folds, *out)
	return nil
}

// folds is the number of parts cross-validation splits the documents
// into.
const folds = 5

// fold assigns a document to a part by name, so that both annotations of
// a text fall in the same one.
func fold(name string) int {
	h := fnv.New32a()
	h.Write([]byte(eval.BratTextName(name)))
	return int(h.Sum32() % folds)
}

// quoteSpans converts quotes to the scorer's spans.
func quoteSpans(qs []quote.Quote) []eval.QuoteSpans {
	var sys []eval.QuoteSpans
	for _, q := range qs {
		var parts []eval.Span
		for _, p := range q.Parts {
			parts = append(parts, eval.Span{Start: p.Start, End: p.End})
		}
		sys = append(sys, eval.QuoteSpans{
			Source:       eval.Span{Start: q.Speaker.Start, End: q.Speaker.End},
			Cue:          eval.Span{Start: q.Cue.Start, End: q.Cue.End},
			Content:      eval.Span{Start: q.Content.Start, End: q.Content.End},
			ContentParts: parts,
		})
	}
	return sys
}

// trainDoc is an annotated document split into tokens and sentences,
// with its candidate attributions labelled.
type trainDoc struct {
	doc eval.BratDoc
	// found are the rules' quotes, cands the candidates beside them, and
	// examples the candidates labelled
	found     []quote.Quote
	cands     []quote.Candidate
	examples  []quote.Example
	positives int
}

// newTrainDoc labels the candidate attributions of d: an attribution
// when a gold one has a content that overlaps the candidate's (half of
// the longer) and a cue that shares words with its cue.
func newTrainDoc(d eval.BratDoc) trainDoc {
	td := trainDoc{doc: d}
	toks, sents := segment.Tokens(d.Text), segment.Sentences(d.Text)
	td.found = quote.FindByRules(d.Text, toks, sents)
	td.cands = quote.Candidates(d.Text, toks, sents, td.found)
	for _, c := range td.cands {
		ok := attribution(d, c.Quote)
		if ok {
			td.positives++
		}
		td.examples = append(td.examples, quote.Example{Features: c.Features, Positive: ok})
	}
	return td
}

// attribution reports a gold attribution of d whose content overlaps
// q's and whose cue shares words with q's.
func attribution(d eval.BratDoc, q quote.Quote) bool {
	content := []eval.Span{{Start: q.Content.Start, End: q.Content.End}}
	for _, a := range d.Attributions {
		if len(a.Content) == 0 || !eval.Overlaps(a.Content, content) {
			continue
		}
		for _, g := range a.Cue {
			if g.Start < q.Cue.End && q.Cue.Start < g.End {
				return true
			}
		}
	}
	return false
}
