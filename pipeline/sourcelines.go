package pipeline

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/extract"
)

// sourceRepeats drops from the batch's articles the paragraphs their
// outlet repeats across its articles (extract.DropSourceRepeats), after
// recording the batch's own paragraphs. Articles stored earlier that hold
// a paragraph now known to be boilerplate are cleaned again, from their
// text as decoded, so that the stored text is the same whatever order
// articles arrived in, and re-ingesting an input finds it unchanged.
func (r *run) sourceRepeats() error {
	lines := r.p.Lines
	sightings := make([]parallax.LineSighting, len(r.batch))
	inBatch := map[string]bool{}
	for i, a := range r.batch {
		sightings[i] = sighting(a)
		inBatch[a.Key] = true
		// the input as decoded: stored again, it changes nothing, however
		// the outlet's paragraphs counted since would clean it now
		a.DecodedHash = a.ContentHash
	}
	counts, err := lines.RecordLines(r.ctx, sightings)
	if err != nil {
		return fmt.Errorf("record source lines: %w", err)
	}
	var recheck []string
	for i, a := range r.batch {
		c := counts[a.Source]
		applyRepeats(a, sightings[i].Lines, c)
		for _, h := range sightings[i].Lines {
			lc := c[h]
			if lc.Titles < parallax.LineTitleCap || r.checkedLines[h] {
				continue
			}
			r.checkedLines[h] = true
			for _, k := range lc.Articles {
				if !inBatch[k] {
					recheck = append(recheck, k)
				}
			}
		}
	}
	r.pendingRecheck = append(r.pendingRecheck, recheck...)
	return nil
}

// lineCounts fetches the counts of the sightings' paragraphs, per source.
func (r *run) lineCounts(sightings []parallax.LineSighting) (map[string]map[uint64]parallax.LineCount, error) {
	bySource := map[string][]uint64{}
	for _, s := range sightings {
		bySource[s.Source] = append(bySource[s.Source], s.Lines...)
	}
	out := map[string]map[uint64]parallax.LineCount{}
	for src, hs := range bySource {
		c, err := r.p.Lines.LineCounts(r.ctx, src, hs)
		if err != nil {
			return nil, fmt.Errorf("source line counts: %w", err)
		}
		out[src] = c
	}
	return out, nil
}

// recheckStored cleans again the stored articles queued by sourceRepeats
// and stores those that changed.
func (r *run) recheckStored() error {
	if len(r.pendingRecheck) == 0 {
		return nil
	}
	keys := r.pendingRecheck
	r.pendingRecheck = nil
	stored, _, err := r.p.Articles.FindArticles(r.ctx, parallax.ArticleFilter{Keys: keys, WithText: true})
	if err != nil {
		return fmt.Errorf("load articles to clean again: %w", err)
	}
	// each is cleaned again from its text as decoded: cleaning what an
	// earlier step left can differ from cleaning once with all the counts
	current := make([]string, len(stored))
	sightings := make([]parallax.LineSighting, len(stored))
	for i, a := range stored {
		current[i] = a.Text
		if a.DecodedText != "" {
			a.Text, a.DecodedText = a.DecodedText, ""
		}
		sightings[i] = sighting(a)
	}
	counts, err := r.lineCounts(sightings)
	if err != nil {
		return err
	}
	var changed []*parallax.Article
	for i, a := range stored {
		applyRepeats(a, sightings[i].Lines, counts[a.Source])
		if a.Text != current[i] {
			a.ContentHash = parallax.ContentHash(a.Title, a.Text)
			changed = append(changed, a)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	if _, err := r.p.Articles.PutArticles(r.ctx, changed); err != nil {
		return fmt.Errorf("store articles cleaned again: %w", err)
	}
	r.sum.Recleaned += len(changed)
	return nil
}

func sighting(a *parallax.Article) parallax.LineSighting {
	paras := a.Paragraphs()
	s := parallax.LineSighting{Source: a.Source, ArticleKey: a.Key, Lines: make([]uint64, len(paras))}
	for i, p := range paras {
		s.Lines[i] = extract.LineHash(p)
	}
	if s.Title = extract.LineHash(a.Title); strings.TrimSpace(a.Title) == "" {
		s.Title = extract.LineHash(a.Key)
	}
	return s
}

// applyRepeats drops the article's paragraphs that its source repeats,
// given their hashes and counts, from its text as decoded; when that
// changes the text, DecodedText keeps the text as decoded.
func applyRepeats(a *parallax.Article, hashes []uint64, counts map[uint64]parallax.LineCount) {
	paras := a.Paragraphs()
	repeated := make([]bool, len(paras))
	any := false
	for i, h := range hashes {
		repeated[i] = counts[h].Titles >= parallax.LineTitleCap
		any = any || repeated[i]
	}
	if !any {
		return
	}
	drop := extract.DropSourceRepeats(paras, repeated)
	if drop == nil {
		return
	}
	var kept []string
	for i, p := range paras {
		if !drop[i] {
			kept = append(kept, p)
		}
	}
	a.DecodedText = a.Text
	a.Text = strings.Join(kept, "\n\n")
	a.ContentHash = parallax.ContentHash(a.Title, a.Text)
}
