package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/eval"
	"github.com/parallax-news/parallax/extract"
	"github.com/parallax-news/parallax/input"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "KIND DATA (kinds: extraction, clustering, temporal, quotes, entities)")
	errorsTo := fs.String("errors", "", "write each disagreement with the gold labels to this `file` (clustering, temporal, quotes, entities)")
	rulesOnly := fs.Bool("rules-only", false, "quotes: the rules alone, without the learned model")
	pos, err := exactArgs(fs, args, 2)
	if err != nil {
		return err
	}
	switch pos[0] {
	case "extraction":
		return evalExtraction(e, pos[1])
	case "clustering":
		return evalClustering(ctx, e, pos[1], *errorsTo)
	case "temporal":
		return evalTemporal(e, pos[1], *errorsTo)
	case "quotes":
		return evalQuotes(e, pos[1], *errorsTo, *rulesOnly)
	case "entities":
		return evalEntities(e, pos[1], *errorsTo)
	}
	return fmt.Errorf("unknown evaluation %q (want extraction, clustering, temporal, quotes or entities)", pos[0])
}

// evalExtraction scores Parallax and bare go-trafilatura on the same pages
// and prints a table, then Parallax's metrics as JSON on the last line.
func evalExtraction(e *env, dir string) error {
	cases, err := eval.LoadExtraction(dir)
	if err != nil {
		return err
	}
	ex := extract.NewExtractor()
	var dates eval.DateScore
	// Parallax shows the headline as the title, apart from the body; the
	// libraries keep it in the body. Both are scored on what a reader sees.
	parallaxRun := func(page []byte, url string) (string, error) {
		p, err := ex.HTML(page, url, "")
		if err != nil {
			dates.Add(url, time.Time{})
			return "", err
		}
		dates.Add(url, p.Published)
		return p.Title + "\n\n" + p.Text(), nil
	}
	systems := []struct {
		name string
		run  eval.Extractor
	}{
		{"parallax", parallaxRun},
		{"go-trafilatura", eval.Trafilatura(false)},
		{"go-trafilatura+fallback", eval.Trafilatura(true)},
		{"go-readability", eval.Readability()},
	}
	results := map[string]eval.Metrics{}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "system\tprecision\trecall\tF1\taccuracy\tpages/s\tKB alloc/page\terrors")
	for _, s := range systems {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		m := eval.RunExtraction(cases, s.run).Round3()
		runtime.ReadMemStats(&after)
		m.AllocKBPerPage = float64((after.TotalAlloc-before.TotalAlloc)/uint64(len(cases))) / 1024
		results[s.name] = m
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.1f\t%.0f\t%d\n", s.name, m.Precision, m.Recall, m.F1, m.Accuracy,
			m.PagesPerSec, m.AllocKBPerPage, m.Errors)
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "publication dates on %d pages with a date in the URL: %d match it (%.1f%%)\n",
		dates.Pages, dates.Matching, 100*dates.Accuracy)
	out := struct {
		eval.Metrics
		URLDates  eval.DateScore          `json:"url_dates"`
		Baselines map[string]eval.Metrics `json:"baselines"`
	}{results["parallax"], dates, map[string]eval.Metrics{
		"go-trafilatura": results["go-trafilatura"], "go-trafilatura+fallback": results["go-trafilatura+fallback"],
		"go-readability": results["go-readability"]}}
	return json.NewEncoder(e.stdout).Encode(out)
}

// evalClustering ingests a JSONL file in file order into a temporary
// database, exactly as `parallax ingest` would, then scores the story
// assignments against the gold "story" labels, which only this function
// reads.
func evalClustering(ctx context.Context, e *env, path, errorsTo string) error {
	gold, err := eval.LoadGoldStories(path)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "parallax-eval-")
	if err != nil {
		return fmt.Errorf("create temporary directory: %w", err)
	}
	defer os.RemoveAll(dir)
	st, err := openStore(e, filepath.Join(dir, "eval.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	p := st.pipeline(input.NewDecoder())
	start := time.Now()
	sum, err := p.Ingest(ctx, []string{path})
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	pred, lines, err := clusterLabels(ctx, st.articles)
	if err != nil {
		return err
	}
	m := eval.ScoreClustering(pred, gold)
	if err := writeErrors(errorsTo, eval.ClusterDisagreements(pred, gold)); err != nil {
		return err
	}
	// storylines scored against the same gold tell how much of what the
	// stories miss is a later event of the same matter, which the gold
	// may count as one story
	sl := eval.ScoreClustering(lines, gold)
	fmt.Fprintf(e.stdout, "%d articles (%d failed) in %.2fs, %.0f articles/s end to end\n",
		sum.Stored(), sum.Failed, elapsed.Seconds(), float64(sum.Stored())/elapsed.Seconds())
	fmt.Fprintf(e.stdout, "BCubed    P %.3f  R %.3f  F1 %.3f\n", m.BCubedPrecision, m.BCubedRecall, m.BCubedF1)
	fmt.Fprintf(e.stdout, "pairwise  P %.3f  R %.3f  F1 %.3f\n", m.PairwisePrecision, m.PairwiseRecall, m.PairwiseF1)
	fmt.Fprintf(e.stdout, "clusters  predicted %d, gold %d\n", m.PredictedClusters, m.GoldClusters)
	fmt.Fprintf(e.stdout, "storylines as clusters: BCubed P %.3f  R %.3f  F1 %.3f, %d storylines\n",
		sl.BCubedPrecision, sl.BCubedRecall, sl.BCubedF1, sl.PredictedClusters)
	return json.NewEncoder(e.stdout).Encode(struct {
		eval.ClusterMetrics
		Storylines eval.ClusterMetrics `json:"storylines"`
	}{m, sl})
}

// clusterLabels maps each stored article's external ID to its story and
// to its storyline, the predictions that eval.ScoreClustering scores
// against gold labels.
func clusterLabels(ctx context.Context, articles parallax.ArticleService) (stories, storylines map[string]string, err error) {
	stories, storylines = map[string]string{}, map[string]string{}
	err = parallax.EachArticlePage(ctx, articles, parallax.ArticleFilter{}, func(as []*parallax.Article) error {
		for _, a := range as {
			stories[a.ExternalID] = strconv.FormatInt(a.StoryID, 10)
			storylines[a.ExternalID] = strconv.FormatInt(a.StorylineID, 10)
		}
		return nil
	})
	return stories, storylines, err
}
