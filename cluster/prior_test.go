package cluster

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestEnglishPrior(t *testing.T) {
	p := English()
	if p.Language != "en" || p.Docs < 1000 || len(p.DF) < 10000 {
		t.Fatalf("prior: language %q, %d documents, %d keys", p.Language, p.Docs, len(p.DF))
	}
	// common news words are common in the prior, and no count exceeds
	// the documents
	for _, k := range []string{"president", "government", "\x01washington"} {
		if p.DF[k] < p.Docs/20 {
			t.Errorf("%q in %d of %d documents", k, p.DF[k], p.Docs)
		}
	}
	for k, n := range p.DF {
		if n < 2 || n > p.Docs {
			t.Fatalf("%q: count %d of %d documents", k, n, p.Docs)
		}
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte(s))
	z.Close()
	return b.Bytes()
}

func TestReadPrior(t *testing.T) {
	p, err := ReadPrior(bytes.NewReader(gz("# language\tde\n# documents\t10\nt\tbrücke\t3\ne\tberlin\t5\n")))
	if err != nil {
		t.Fatal(err)
	}
	if p.Language != "de" || p.Docs != 10 || p.DF["brücke"] != 3 || p.DF["\x01berlin"] != 5 {
		t.Errorf("prior = %+v", p)
	}
	for name, in := range map[string]string{
		"no header":     "t\tbrücke\t3\n",
		"bad count":     "# language\tde\n# documents\t10\nt\tbrücke\tthree\n",
		"negative":      "# language\tde\n# documents\t10\nt\tbrücke\t-1\n",
		"unknown kind":  "# language\tde\n# documents\t10\nx\tbrücke\t3\n",
		"missing field": "# language\tde\n# documents\t10\nt\t3\n",
	} {
		if _, err := ReadPrior(bytes.NewReader(gz(in))); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := ReadPrior(strings.NewReader("not gzip")); err == nil {
		t.Error("plain text: no error")
	}
}

func TestPriorScaled(t *testing.T) {
	p := &Prior{Language: "en", Docs: 1000, DF: map[string]int{"a": 500, "b": 2}}
	q := p.Scaled(30)
	if q.Docs != 30 || q.DF["a"] != 15 || q.DF["b"] != 1 || p.DF["a"] != 500 {
		t.Errorf("scaled = %+v, original %+v", q, p)
	}
}

// TestPriorWeighsFirstArticles checks what the prior is for: in a stream
// of two articles every shared word has the same IDF, and only the prior
// tells a word every outlet uses from one that names the event.
func TestPriorWeighsFirstArticles(t *testing.T) {
	articles := []*parallax.Article{
		{ID: 1, Language: "en", Text: "The government said the avalanche closed the pass."},
		{ID: 2, Language: "en", Text: "The government confirmed the avalanche near the pass."},
	}
	prior := &Prior{Language: "en", Docs: 100, DF: map[string]int{"government": 60}}
	idfs := func(o *Online) (common, rare float64) {
		for _, a := range articles {
			o.count(o.intern(Extract(a)))
		}
		return o.idf(o.dict["government"]), o.idf(o.dict["avalanche"])
	}
	cfg := DefaultConfig()
	cfg.Prior = nil
	if c, r := idfs(NewOnline(cfg)); c != r {
		t.Fatalf("without a prior: idf government %.3f, avalanche %.3f; want equal", c, r)
	}
	cfg.Prior, cfg.PriorDocs = prior, 0
	if c, r := idfs(NewOnline(cfg)); c >= r-0.5 {
		t.Errorf("with a prior: idf government %.3f, avalanche %.3f; want government well below", c, r)
	}
	// a German article's words are not weighed against the English prior
	o := NewOnline(cfg)
	o.count(o.intern(Extract(&parallax.Article{ID: 3, Language: "de", Text: "Die government sagte es."})))
	if c, r := o.idf(o.dict["government"]), o.idf(o.dict["sagte"]); c != r {
		t.Errorf("German article: idf government %.3f, sagte %.3f; want equal", c, r)
	}
}
