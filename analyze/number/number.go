// Package number finds amounts in text: the value, its unit, and what it
// counts. "47% approval rating" is 47 percent of an approval rating;
// "$6.4B inflows" is 6.4 billion US dollars of inflows; "a 75-year-old
// alliance" is an alliance 75 years old; "14 people were injured" counts
// people. Offsets are byte offsets.
package number

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/analyze/segment"
)

// Number is one amount.
type Number struct {
	Start, End int
	Text       string
	Value      float64
	// Unit is "%", a currency code (USD, EUR, JPY, GBP), a unit of
	// measure or time ("km", "year"), or empty for a plain count.
	Unit string
	// Counts is what the number counts or measures: "people", "approval
	// rating", "alliance".
	Counts string
}

// Find returns the amounts of text in order. skip reports byte ranges to
// leave alone, such as dates found as time expressions.
func Find(text string, skip func(start, end int) bool) []Number {
	return FindTokens(text, segment.Tokens(text), skip)
}

// FindTokens is Find on the text's tokens (segment.Tokens), for callers
// that split the text once for several annotators. It leaves toks as
// they are.
func FindTokens(text string, toks []segment.Token, skip func(start, end int) bool) []Number {
	low := make([]string, len(toks))
	for i, t := range toks {
		low[i] = strings.ToLower(t.Text(text))
	}
	w := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return low[i]
	}
	var out []Number
	for i := 0; i < len(toks); i++ {
		v, ok := value(toks[i], low[i])
		if !ok || skip != nil && skip(toks[i].Start, toks[i].End) {
			continue
		}
		if toks[i].Kind == segment.Word && !wordCounts(w(i+1)) {
			continue // "one of them", "two-thirds": only words before a noun
		}
		n := Number{Start: toks[i].Start, End: toks[i].End, Value: v}
		j := i + 1
		// currency before: "$6.4B", "US$ 5", "€20"
		if c, ok := currencySigns[w(i-1)]; ok && toks[i-1].End >= toks[i].Start-1 {
			n.Start, n.Unit = toks[i-1].Start, c
			if w(i-2) == "us" && c == "USD" {
				n.Start = toks[i-2].Start
			}
		}
		// scale: "6.4 billion", "6.4B", "5m"
		if s, ok := scales[w(j)]; ok && (toks[j].Start == toks[j-1].End || len(w(j)) > 2) {
			n.Value *= s
			j++
		}
		// unit after: "%", "percent", "yen", "km", "-year-old"
		switch {
		case w(j) == "%":
			n.Unit = "%"
			j++
		case w(j) == "percent" || w(j) == "per" && w(j+1) == "cent":
			n.Unit = "%"
			j++
			if w(j-1) == "per" {
				j++
			}
		case currencyWords[w(j)] != "" && n.Unit == "":
			n.Unit = currencyWords[w(j)]
			j++
		case w(j) == "-" && units[strings.TrimSuffix(w(j+1), "-old")] != "":
			n.Unit = units[strings.TrimSuffix(w(j+1), "-old")]
			j += 2
			if w(j) == "-" && w(j+1) == "old" {
				j += 2
			}
		case (w(j) == "c" || w(j) == "f" || w(j) == "°c" || w(j) == "°f") && toks[j].Start == toks[j-1].End:
			n.Unit = "°" + strings.ToUpper(strings.TrimPrefix(w(j), "°")) // "45C", "113°F"
			j++
		case w(j) == "°" && (strings.TrimSuffix(w(j+1), ".") == "c" || strings.TrimSuffix(w(j+1), ".") == "f"):
			n.Unit = "°" + strings.ToUpper(w(j + 1)[:1]) // "30°C", "40 °C"
			j += 2
		case units[w(j)] != "":
			n.Unit = units[w(j)]
			j++
			if w(j) == "-" && w(j+1) == "old" || w(j) == "old" {
				j += 2
				if w(j-1) == "old" && w(j-2) != "-" {
					j--
				}
			}
		}
		n.End = toks[j-1].End
		ends := strings.HasPrefix(n.Unit, "°") && text[n.End-1] == '.'
		if ends {
			n.End-- // "40 °C." ends its sentence
		}
		n.Text = text[n.Start:n.End]
		if !ends {
			n.Counts = counted(text, toks, low, j)
		}
		if n.Counts == "" && n.Unit == "%" {
			n.Counts = countedBefore(text, toks, low, i)
		}
		out = append(out, n)
		i = j - 1
	}
	return out
}

// value parses a number token: "1,200.5", "14", "fourteen", "6.4B".
func value(t segment.Token, w string) (float64, bool) {
	switch t.Kind {
	case segment.Number:
		if strings.Contains(w, "/") || strings.Count(w, ":") > 0 {
			return 0, false // a date or a time
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
		return v, err == nil
	case segment.Word:
		if v, ok := numberWords[w]; ok {
			return v, true
		}
	}
	return 0, false
}

// wordCounts reports that a number word is followed by what it counts.
func wordCounts(next string) bool {
	if next == "" || next == "of" || next == "-" || next == "," || next == "." {
		return false
	}
	r := []rune(next)
	return unicode.IsLetter(r[0])
}

// counted reads the noun phrase after an amount: up to three lower-case
// words that are not function words or verbs' auxiliaries.
func counted(text string, toks []segment.Token, low []string, j int) string {
	if j < len(toks) && (low[j] == "of") { // "5% of voters", "21 of the more than 200 schoolgirls"
		j++
		for j < len(toks) && (partitive[low[j]] || toks[j].Kind != segment.Word && j+1 < len(toks) && isDigits(low[j])) {
			j++
		}
	}
	var words []string
	for k := j; k < len(toks) && len(words) < 2; k++ {
		t := toks[k]
		if t.Kind != segment.Word || stop[low[k]] || len(words) > 0 && (strings.HasSuffix(low[k], "ed") || verbs[low[k]]) {
			break
		}
		r := []rune(t.Text(text))
		if unicode.IsUpper(r[0]) && len(words) > 0 {
			break
		}
		words = append(words, low[k])
	}
	return strings.Join(words, " ")
}

// partitive words may stand between "of" and what is counted: "21 of
// the more than 200 schoolgirls".
var partitive = map[string]bool{
	"the": true, "its": true, "their": true, "more": true, "than": true, "over": true, "nearly": true,
	"about": true, "some": true, "almost": true, "around": true, "roughly": true,
}

func isDigits(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return s != ""
}

// countedBefore reads what a percentage measures when it comes before the
// amount: "approval rating stands at 47%", "turnout was 61%". Up to two
// lower-case words before a linking verb or preposition.
func countedBefore(text string, toks []segment.Token, low []string, i int) string {
	k := i - 1
	to := false
	for k >= 0 && (low[k] == "at" || low[k] == "to" || low[k] == "of" || low[k] == "about" || low[k] == "around") {
		to = to || low[k] == "to"
		k--
	}
	// a level ("stands at 47%", "fell to 30%"), not a change ("fell 5%")
	if k < 0 || !linking[low[k]] && !(to && changes[low[k]]) {
		return ""
	}
	k--
	var words []string
	for ; k >= 0 && len(words) < 2; k-- {
		t := toks[k]
		if t.Kind != segment.Word || stop[low[k]] {
			break
		}
		opens := k == 0 || low[k-1] == "." || low[k-1] == "!" || low[k-1] == "?"
		if unicode.IsUpper([]rune(t.Text(text))[0]) && !opens {
			break // a name, not what is measured
		}
		words = append([]string{low[k]}, words...)
	}
	return strings.Join(words, " ")
}

// linking verbs tie a measure to its level: "stands at 47%".
var linking = map[string]bool{
	"stands": true, "stood": true, "is": true, "was": true, "are": true, "were": true, "reached": true,
	"hit": true, "sits": true, "sat": true, "remains": true, "remained": true,
}

// changes move a measure, to a level only with "to": "fell to 30%".
var changes = map[string]bool{
	"rose": true, "fell": true, "climbed": true, "dropped": true, "jumped": true, "slipped": true,
	"increased": true, "decreased": true, "declined": true, "grew": true,
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

var scales = map[string]float64{
	"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
	"trillion": 1e12, "tn": 1e12,
}

var currencySigns = map[string]string{"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR"}

var currencyWords = map[string]string{
	"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
	"yuan": "CNY", "renminbi": "CNY", "won": "KRW", "rupees": "INR", "rubles": "RUB", "roubles": "RUB",
	"francs": "CHF", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
}

var units = map[string]string{
	"km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
	"miles": "mile", "mile": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
	"kg": "kg", "kilograms": "kg", "tons": "t", "tonnes": "t", "ton": "t", "tonne": "t",
	"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
	"day": "day", "days": "day", "hour": "hour", "hours": "hour", "minutes": "minute", "minute": "minute",
	"feet": "ft", "foot": "ft", "mph": "mph", "degrees": "degree", "seats": "seat", "votes": "vote",
	"cents": "cent", "cent": "cent", "pence": "pence", "magnitude": "magnitude",
}

var stop = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "from": true, "by": true, "with": true, "was": true, "were": true, "is": true,
	"are": true, "have": true, "has": true, "had": true, "be": true, "been": true, "will": true, "would": true,
	"that": true, "which": true, "who": true, "than": true, "as": true, "more": true, "less": true,
	"since": true, "after": true, "before": true, "ago": true, "said": true, "says": true, "it": true,
	"among": true, "into": true, "over": true, "under": true, "across": true, "per": true, "about": true,
	"around": true, "during": true, "while": true, "when": true, "where": true, "last": true, "next": true,
	"this": true, "today": true, "yesterday": true, "tomorrow": true, "up": true, "down": true, "long": false,
	"between": true, "against": true, "within": true, "without": true, "through": true, "toward": true,
	"towards": true, "amid": true, "despite": true, "if": true, "but": true,
}

// verbs are irregular past forms that end a counted phrase: "the alliance
// held".
var verbs = map[string]bool{
	"held": true, "left": true, "fell": true, "rose": true, "won": true, "lost": true, "came": true,
	"went": true, "took": true, "made": true, "saw": true, "got": true, "put": true, "set": true,
	"cut": true, "hit": true, "ran": true, "met": true, "paid": true, "sent": true, "told": true,
	"grew": true, "began": true, "became": true, "remain": true, "remained": true, "stood": true, "struck": true, "shook": true,
	"fled": true, "died": true, "spent": true, "voted": true, "say": true, "said": true, "were": true,
}
