package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
)

// ClusterMetrics compares a predicted clustering with the gold one.
type ClusterMetrics struct {
	BCubedPrecision   float64 `json:"bcubed_precision"`
	BCubedRecall      float64 `json:"bcubed_recall"`
	BCubedF1          float64 `json:"bcubed_f1"`
	PairwisePrecision float64 `json:"pairwise_precision"`
	PairwiseRecall    float64 `json:"pairwise_recall"`
	PairwiseF1        float64 `json:"pairwise_f1"`
	Articles          int     `json:"articles"`
	PredictedClusters int     `json:"predicted_clusters"`
	GoldClusters      int     `json:"gold_clusters"`
}

// ScoreClustering scores pred against gold; both map an item to its
// cluster label. Items missing from pred count as singletons.
func ScoreClustering(pred, gold map[string]string) ClusterMetrics {
	predOf := func(item string) string {
		if c, ok := pred[item]; ok {
			return "p:" + c
		}
		return "missing:" + item
	}
	predSize, goldSize, both := map[string]int{}, map[string]int{}, map[[2]string]int{}
	for item, g := range gold {
		p := predOf(item)
		predSize[p]++
		goldSize[g]++
		both[[2]string{p, g}]++
	}
	m := ClusterMetrics{Articles: len(gold), PredictedClusters: len(predSize), GoldClusters: len(goldSize)}
	var bp, br float64
	for item, g := range gold {
		p := predOf(item)
		n := float64(both[[2]string{p, g}])
		bp += n / float64(predSize[p])
		br += n / float64(goldSize[g])
	}
	if len(gold) > 0 {
		m.BCubedPrecision, m.BCubedRecall = bp/float64(len(gold)), br/float64(len(gold))
	}
	m.BCubedF1 = f1(m.BCubedPrecision, m.BCubedRecall)
	var tp, predPairs, goldPairs float64
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range predSize {
		predPairs += pairs(n)
	}
	for _, n := range goldSize {
		goldPairs += pairs(n)
	}
	if predPairs > 0 {
		m.PairwisePrecision = tp / predPairs
	} else {
		m.PairwisePrecision = 1
	}
	if goldPairs > 0 {
		m.PairwiseRecall = tp / goldPairs
	}
	m.PairwiseF1 = f1(m.PairwisePrecision, m.PairwiseRecall)
	return m
}

func pairs(n int) float64 { return float64(n) * float64(n-1) / 2 }

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// LoadGoldStories reads the gold "story" label of every record of a JSONL
// file, keyed by the record's "id". Only evaluation reads these labels.
func LoadGoldStories(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read gold stories: %w", err)
	}
	defer f.Close()
	gold := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		var rec struct {
			ID    json.RawMessage `json:"id"`
			Story string          `json:"story"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("read gold stories: %s:%d: %w", path, n, err)
		}
		var id string
		if err := json.Unmarshal(rec.ID, &id); err != nil {
			id = string(rec.ID)
		}
		if id == "" || rec.Story == "" {
			return nil, fmt.Errorf("read gold stories: %s:%d: record without id or story", path, n)
		}
		gold[id] = rec.Story
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold stories: %w", err)
	}
	return gold, nil
}

// ClusterDisagreement is a gold story split over several predicted
// stories ("split"), or a predicted story holding several gold ones
// ("merge"). Parts lists the item IDs of each piece, keyed by the
// predicted label for a split and by the gold label for a merge.
type ClusterDisagreement struct {
	Kind  string              `json:"kind"`
	Label string              `json:"label"`
	Parts map[string][]string `json:"parts"`
}

// ClusterDisagreements lists every split and merge of pred against gold,
// splits first, each kind ordered by label and each part by item ID.
// Items missing from pred are singletons, as in ScoreClustering.
func ClusterDisagreements(pred, gold map[string]string) []ClusterDisagreement {
	byGold, byPred := map[string]map[string][]string{}, map[string]map[string][]string{}
	add := func(m map[string]map[string][]string, label, part, item string) {
		if m[label] == nil {
			m[label] = map[string][]string{}
		}
		m[label][part] = append(m[label][part], item)
	}
	for item, g := range gold {
		p, ok := pred[item]
		if !ok {
			p = "missing:" + item
		}
		add(byGold, g, p, item)
		add(byPred, p, g, item)
	}
	var out []ClusterDisagreement
	for _, kind := range []struct {
		name string
		m    map[string]map[string][]string
	}{{"split", byGold}, {"merge", byPred}} {
		labels := make([]string, 0, len(kind.m))
		for l, parts := range kind.m {
			if len(parts) > 1 {
				labels = append(labels, l)
			}
		}
		slices.Sort(labels)
		for _, l := range labels {
			for _, items := range kind.m[l] {
				slices.Sort(items)
			}
			out = append(out, ClusterDisagreement{Kind: kind.name, Label: l, Parts: kind.m[l]})
		}
	}
	return out
}
