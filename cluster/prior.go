package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Prior is a background of document frequencies in one language, counted
// over a corpus of news the stream has not seen. IDF drawn from the
// stream alone is flat while the stream is small: among five articles
// about one matter, "security" weighs about as much as "collapse", and
// the words every outlet uses decide which story an article joins. The
// prior counts as Docs documents of its language ahead of the stream, so
// it dominates the first articles and fades as the stream grows.
type Prior struct {
	Language string
	Docs     int
	// DF counts documents per key: a term as Features.Terms has it, or an
	// entity as Features.Entities has it prefixed with "\x01".
	DF map[string]int
}

// SetPrior makes the clusterer weigh keys against the prior as well as
// the stream. It must be called before any article is added.
func (o *Online) SetPrior(p *Prior) {
	o.prior = p
	o.priorLang = o.langOf(p.Language)
	for k, name := range o.names {
		o.df[k].bg = int32(p.DF[name])
	}
}

// Scaled returns the prior as if counted over docs documents, in the same
// proportions, rounded up so that no key it holds falls to zero.
func (p *Prior) Scaled(docs int) *Prior {
	q := &Prior{Language: p.Language, Docs: docs, DF: make(map[string]int, len(p.DF))}
	for k, n := range p.DF {
		q.DF[k] = (n*docs + p.Docs - 1) / p.Docs
	}
	return q
}

// CountPrior counts the document frequencies of features into a prior.
func CountPrior(language string, docs []*Features) *Prior {
	p := &Prior{Language: language, Docs: len(docs), DF: map[string]int{}}
	for _, f := range docs {
		for t := range f.Terms {
			p.DF[t]++
		}
		for e := range f.Entities {
			p.DF["\x01"+e]++
		}
	}
	return p
}

//go:generate go run gen_prior.go ../../shared/data

//go:embed prior_en.tsv.gz
var priorEN []byte

// English returns the shipped English prior, counted by gen_prior.go
// over 1,097 news articles that no clustering evaluation uses.
var English = sync.OnceValue(func() *Prior {
	p, err := ReadPrior(bytes.NewReader(priorEN))
	if err != nil {
		panic("cluster: shipped prior: " + err.Error())
	}
	return p
})

// ReadPrior reads a prior as gen_prior.go writes it: gzipped lines of
// kind ("t" for a term, "e" for an entity), key and document count, after
// "# language" and "# documents" headers.
func ReadPrior(r io.Reader) (*Prior, error) {
	z, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	p := &Prior{DF: map[string]int{}}
	sc := bufio.NewScanner(z)
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 2 && len(f) != 3 {
			return nil, fmt.Errorf("line %d: %d fields", line, len(f))
		}
		if f[0] == "# language" {
			p.Language = f[1]
			continue
		}
		n, err := strconv.Atoi(f[len(f)-1])
		if err != nil || n < 0 {
			return nil, fmt.Errorf("line %d: bad count %q", line, f[len(f)-1])
		}
		switch {
		case f[0] == "# documents":
			p.Docs = n
		case f[0] == "t" && len(f) == 3:
			p.DF[f[1]] = n
		case f[0] == "e" && len(f) == 3:
			p.DF["\x01"+f[1]] = n
		default:
			return nil, fmt.Errorf("line %d: unknown kind %q", line, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if p.Language == "" || p.Docs == 0 {
		return nil, fmt.Errorf("no language or document count")
	}
	return p, nil
}
