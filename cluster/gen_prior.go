//go:build ignore

// gen_prior counts the English prior (prior_en.tsv.gz) from news that no
// clustering evaluation uses: the PolNeAR training articles (US outlets,
// 2015–16) and the TimeBank and AQUAINT articles of TempEval-3 (1990s
// wires). Only document frequencies of keys found in at least two
// articles are kept: no text. Run from this directory:
//
//	go run gen_prior.go ../../shared/data
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
)

var (
	textElem = regexp.MustCompile(`(?s)<TEXT>(.*)</TEXT>`)
	tag      = regexp.MustCompile(`<[^>]*>`)
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run gen_prior.go DATA_DIR")
	}
	data := os.Args[1]
	var docs []*cluster.Features
	polnear, _ := filepath.Glob(filepath.Join(data, "quotes/polnear/train/text/*.txt"))
	for _, p := range polnear {
		b, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		title, text, _ := strings.Cut(string(b), "\n")
		docs = append(docs, cluster.Extract(&parallax.Article{Title: title, Text: text, Language: "en"}))
	}
	timeml, _ := filepath.Glob(filepath.Join(data, "temporal/tbaq/*/*.tml"))
	for _, p := range timeml {
		b, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		m := textElem.FindSubmatch(b)
		if m == nil {
			continue
		}
		text := tag.ReplaceAllString(string(m[1]), "")
		docs = append(docs, cluster.Extract(&parallax.Article{Text: text, Language: "en"}))
	}
	if len(polnear) == 0 || len(timeml) == 0 {
		log.Fatalf("no articles under %s", data)
	}
	prior := cluster.CountPrior("en", docs)
	keys := make([]string, 0, len(prior.DF))
	for k, n := range prior.DF {
		if n >= 2 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	f, err := os.Create("prior_en.tsv.gz")
	if err != nil {
		log.Fatal(err)
	}
	z, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(z)
	fmt.Fprintf(w, "# language\ten\n# documents\t%d\n", prior.Docs)
	for _, k := range keys {
		kind, name := "t", k
		if strings.HasPrefix(k, "\x01") {
			kind, name = "e", k[1:]
		}
		fmt.Fprintf(w, "%s\t%s\t%d\n", kind, name, prior.DF[k])
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := z.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("prior_en.tsv.gz: %d documents, %d keys", prior.Docs, len(keys))
}
