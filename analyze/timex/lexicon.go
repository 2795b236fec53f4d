package timex

import (
	"strconv"
	"strings"
)

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// weekdays map to time.Weekday values plus one, so that zero means none.
var weekdays = map[string]int{
	"sunday": 1, "sun": 1, "monday": 2, "mon": 2, "tuesday": 3, "tue": 3, "tues": 3,
	"wednesday": 4, "wed": 4, "thursday": 5, "thu": 5, "thur": 5, "thurs": 5, "friday": 6, "fri": 6,
	"saturday": 7, "sat": 7,
}

// unit is a calendar or clock unit, with its TIMEX3 duration letter.
type unit struct {
	name   string
	letter string // Y, M, W, D, H, M (minutes), S, Q, DE, CE
	clock  bool   // written after "T" in a duration
}

var (
	uSecond  = unit{"second", "S", true}
	uMinute  = unit{"minute", "M", true}
	uHour    = unit{"hour", "H", true}
	uDay     = unit{"day", "D", false}
	uWeek    = unit{"week", "W", false}
	uWeekend = unit{"weekend", "WE", false}
	uMonth   = unit{"month", "M", false}
	uQuarter = unit{"quarter", "Q", false}
	uYear    = unit{"year", "Y", false}
	uDecade  = unit{"decade", "DE", false}
	uCentury = unit{"century", "CE", false}
)

var units = map[string]unit{
	"second": uSecond, "seconds": uSecond, "sec": uSecond, "secs": uSecond,
	"minute": uMinute, "minutes": uMinute, "min": uMinute, "mins": uMinute,
	"hour": uHour, "hours": uHour, "hr": uHour, "hrs": uHour,
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "weekend": uWeekend, "weekends": uWeekend,
	"month": uMonth, "months": uMonth, "quarter": uQuarter, "quarters": uQuarter,
	"year": uYear, "years": uYear, "yr": uYear, "yrs": uYear, "decade": uDecade, "decades": uDecade,
	"century": uCentury, "centuries": uCentury,
	"fortnight": uWeek, // counted twice, see unitCount
}

func isPlural(w string) bool { return strings.HasSuffix(w, "s") && w != "s" }

var smallNumbers = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"a": 1, "an": 1, "single": 1, "couple": 2, "dozen": 12, "half": 0,
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
	"twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
	"twenty-eighth": 28, "twenty-ninth": 29, "thirty-first": 31,
}

// vague quantities stand for an unknown number: "several years" is PXY.
var vague = map[string]bool{
	"several": true, "few": true, "some": true, "many": true, "various": true, "numerous": true,
	"multiple": true, "dozens": true, "hundreds": true, "countless": true,
}

// cardinal parses "3", "three", "twenty-five", "a", "an": the value and
// whether it is a number at all.
func cardinal(w string) (int, bool) {
	if w == "" {
		return 0, false
	}
	if c := w[0]; c >= '0' && c <= '9' || c == '-' || c == '+' || c == ',' {
		n, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		if err == nil {
			return n, true
		}
	}
	if n, ok := smallNumbers[w]; ok && w != "half" {
		return n, true
	}
	if tens, ones, ok := strings.Cut(w, "-"); ok {
		t, ok1 := smallNumbers[tens]
		o, ok2 := smallNumbers[ones]
		if ok1 && ok2 && t >= 20 && t%10 == 0 && o > 0 && o < 10 {
			return t + o, true
		}
	}
	return 0, false
}

// ordinal parses "third", "3rd", "twenty-first".
func ordinal(w string) (int, bool) {
	if n, ok := ordinals[w]; ok {
		return n, true
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	for suf := range ordinalSuffix {
		if d, ok := strings.CutSuffix(w, suf); ok {
			if n, err := strconv.Atoi(d); err == nil && n > 0 && n < 1000 {
				return n, true
			}
		}
	}
	return 0, false
}

// ordinalSuffix are the endings of ordinals written in digits ("20th").
var ordinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// partsOfDay map to their TIMEX3 codes.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
	"midday": "MI", "daytime": "DT",
}

var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

// refWords are expressions for the present, past or future as such.
var refWords = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
	"recently": "PAST_REF", "lately": "PAST_REF",
}

// setAdverbs are recurring times: "daily" is every day.
var setAdverbs = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
	"hourly": "PT1H", "nightly": "P1D", "biannually": "P6M",
}

// holidays with a fixed date.
var holidays = map[string][2]int{
	"christmas": {12, 25}, "new year's day": {1, 1}, "new year's eve": {12, 31}, "christmas eve": {12, 24},
	"independence day": {7, 4}, "halloween": {10, 31}, "valentine's day": {2, 14}, "boxing day": {12, 26},
	"bastille day": {7, 14},
}

// relational adverbs place a duration before or after its anchor.
var agoWords = map[string]int{"ago": -1, "earlier": -1, "before": -1, "later": 1, "after": 1, "hence": 1}
