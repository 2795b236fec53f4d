package input

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var (
	mdyRE = regexp.MustCompile(`\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dmyRE = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRE + `,?\s+(\d{4})\b`)
	isoRE = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

// InferDate returns the latest complete calendar date written in text that
// is not after now. News reports rarely state dates after their own
// publication, so that date is the best guess of when an undated text was
// written. It reports false when the text states no such date.
func InferDate(text string, now time.Time) (time.Time, bool) {
	limit := now.Add(24 * time.Hour)
	var best time.Time
	consider := func(y, m, d string, month time.Month) {
		year, _ := strconv.Atoi(y)
		day, _ := strconv.Atoi(d)
		if month == 0 {
			mi, _ := strconv.Atoi(m)
			month = time.Month(mi)
		}
		t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
		// time.Date normalises 31 February into March: refuse such dates.
		if year < 1900 || month < 1 || month > 12 || t.Day() != day || t.Month() != month || t.After(limit) {
			return
		}
		if t.After(best) {
			best = t
		}
	}
	for _, m := range mdyRE.FindAllStringSubmatch(text, -1) {
		consider(m[3], "", m[2], months[strings.ToLower(m[1])])
	}
	for _, m := range dmyRE.FindAllStringSubmatch(text, -1) {
		consider(m[3], "", m[1], months[strings.ToLower(m[2])])
	}
	for _, m := range isoRE.FindAllStringSubmatch(text, -1) {
		consider(m[1], m[2], m[3], 0)
	}
	return best, !best.IsZero()
}
