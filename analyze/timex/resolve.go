package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/analyze/segment"
)

// resolver turns parsed expressions into TIMEX3 values, remembering the
// last date mentioned for expressions that refer back to it.
type resolver struct {
	ref       time.Time
	text      string
	toks      []tok
	sentences []segment.Span
	last      anchor // the last date mentioned, for "a year earlier"
	cur       int    // token index of the expression being resolved
	curEnd    int    // and the index after its last token
	// years holds the year that each day of a month took when it was
	// first mentioned, by month*100+day: "effective Feb. 1" in a
	// past-tense sentence is the Feb. 1 named before.
	years map[int]int
}

// yearOf returns the year of a day of a month: the year given, else the
// one it took when the text named it before, else the one pick chooses.
// Later mentions keep the year.
func (r *resolver) yearOf(year, month, day int, pick func() int) int {
	key := month*100 + day
	y, ok := r.years[key]
	switch {
	case year != 0:
		y = year
	case ok:
		return y
	default:
		y = pick()
	}
	if r.years == nil {
		r.years = map[int]int{}
	}
	r.years[key] = y
	return y
}

// anchor is a resolved date with the finest precision it has.
type anchor struct {
	t         time.Time
	precision string
	set       bool
	tok, end  int // the tokens where it was mentioned, end exclusive
}

func (r *resolver) resolve(e expr) (Timex, bool) {
	r.cur, r.curEnd = e.start, e.end
	t := Timex{Start: r.toks[e.start].start, End: r.toks[e.end-1].end, Mod: e.mod}
	t.Text = r.text[t.Start:t.End]
	switch e.kind {
	case kRef:
		t.Type, t.Value = Date, e.value
	case kSet:
		t.Type, t.Value = Set, e.value
	case kDuration:
		t.Type, t.Value = Duration, durationValue(e.count, e.vagueCnt, e.dunit)
	case kShift:
		t.Type = Date
		t.Value, t.Precision = r.shift(e)
	case kAbsolute:
		t.Type = Date
		if e.hasClock || e.tod != "" {
			t.Type = Time
		}
		v, prec, ok := r.absolute(e)
		if !ok {
			return Timex{}, false
		}
		t.Value, t.Precision = v, prec
	}
	return t, true
}

// shift resolves "two weeks ago" or "a year earlier": count units from
// the reference ("ago") or from the last date mentioned ("earlier").
// After a quarter was mentioned, "a year earlier" is that quarter a year
// before, as in results reporting.
func (r *resolver) shift(e expr) (string, string) {
	base := r.anchorFor(e.fromRef)
	if r.ref.IsZero() && !base.set {
		return unknownValue(e.dunit), precisionOf(e.dunit)
	}
	n := e.count * e.dir
	if e.vagueCnt {
		if e.dir < 0 {
			return "PAST_REF", ""
		}
		return "FUTURE_REF", ""
	}
	if e.dunit == uYear && r.last.set && r.last.precision == Quarter {
		t := r.last.t.AddDate(n, 0, 0)
		return quarterValue(t), Quarter
	}
	t := addUnits(base.t, e.dunit, n)
	if e.dunit == uDecade || e.dunit == uCentury {
		return strconv.Itoa(t.Year()), Year
	}
	return formatAt(t, e.dunit)
}

// quarterNearby reports that the last date mentioned is a quarter in
// this sentence: then "last year" compares quarters ("profit rose in the
// third quarter from $3 million last year"). "A year earlier" does so
// whenever the last date was a quarter.
func (r *resolver) quarterNearby() bool {
	if !r.last.set || r.last.precision != Quarter {
		return false
	}
	lo, _ := r.sentenceTokens(r.cur)
	return r.last.tok >= lo
}

func (r *resolver) anchorFor(fromRef bool) anchor {
	if !fromRef && r.last.set {
		return r.last
	}
	return anchor{t: r.ref, precision: Day, set: !r.ref.IsZero()}
}

// absolute resolves calendar fields, filling what the text leaves out
// from the reference date, the tense or the last date mentioned.
func (r *resolver) absolute(e expr) (string, string, bool) {
	switch {
	case e.century != 0:
		return fmt.Sprintf("%02d", e.century), Century, true
	case e.decade != 0:
		return fmt.Sprintf("%03d", e.decade), Decade, true
	case e.discourse:
		return r.fromDiscourse(e)
	case e.hasRel && !e.hasClock && e.weekday == 0:
		return r.relative(e)
	}
	ref := r.ref
	year := e.year
	if year == 0 && ref.IsZero() {
		return r.unknownYear(e)
	}
	dir := e.rel
	if e.relTense || (e.weekday != 0 && e.month == 0 && e.rel == 0) {
		dir = r.tense(e)
	}
	switch {
	case e.hasClock && e.month != 0 && e.day > 0:
		y := r.yearOf(year, e.month, e.day, func() int {
			return nearestYear(ref, year, func(y int) time.Time { return date(y, e.month, e.day) }, dir)
		})
		d := date(y, e.month, e.day)
		r.remember(d, Day)
		return fmt.Sprintf("%sT%02d:%02d", d.Format(time.DateOnly), e.hour, e.minute), Minute, true
	case e.hasClock:
		d := ref
		if r.last.set && r.last.precision == Day {
			d = r.last.t // "at 10:35 a.m." on the day just mentioned
		}
		if e.weekday != 0 {
			d = weekdayNear(ref, e.weekday, dir, e.strict)
		} else if e.hasRel {
			d = ref.AddDate(0, 0, e.rel)
		}
		if ref.IsZero() {
			return fmt.Sprintf("XXXX-XX-XXT%02d:%02d", e.hour, e.minute), Minute, true
		}
		r.remember(d, Day)
		return fmt.Sprintf("%sT%02d:%02d", d.Format(time.DateOnly), e.hour, e.minute), Minute, true
	case e.month != 0 && e.day < 0: // Thanksgiving: the fourth Thursday of November
		y := yearFor(ref, year, func(y int) time.Time { return nthWeekday(y, 11, time.Thursday, 4) }, dir)
		return r.day(nthWeekday(y, 11, time.Thursday, 4), e.tod)
	case e.strict && e.month != 0 && e.day == 0:
		y := ref.Year()
		if dir < 0 && e.month >= int(ref.Month()) {
			y--
		} else if dir > 0 && e.month <= int(ref.Month()) {
			y++
		}
		r.remember(date(y, e.month, 1), Month)
		return fmt.Sprintf("%04d-%02d", y, e.month), Month, true
	case e.month != 0 && e.day != 0:
		y := r.yearOf(year, e.month, e.day, func() int {
			if y, ok := r.rangeEnd(e); ok {
				return y
			}
			return nearestYear(ref, year, func(y int) time.Time { return date(y, e.month, e.day) }, dir)
		})
		return r.day(date(y, e.month, e.day), e.tod)
	case e.month != 0:
		// a month alone is not kept: "pay the loan by February" and
		// "bought it in February" are a year apart
		y := nearestYear(ref, year, func(y int) time.Time { return date(y, e.month, 15) }, dir)
		r.remember(date(y, e.month, 1), Month)
		return fmt.Sprintf("%04d-%02d", y, e.month), Month, true
	case e.quarter > 0:
		// Results are reported after a quarter ends: "will report
		// third-quarter results" in October is this year's third quarter.
		y := yearFor(ref, year, func(y int) time.Time { return date(y, 3*e.quarter-2, 1) }, min(dir, 0))
		r.remember(date(y, 3*e.quarter-2, 1), Quarter)
		return fmt.Sprintf("%04d-Q%d", y, e.quarter), Quarter, true
	case e.half > 0:
		y := yearFor(ref, year, func(y int) time.Time { return date(y, 6*e.half-5, 1) }, dir)
		return fmt.Sprintf("%04d-H%d", y, e.half), Half, true
	case e.season != "":
		start := seasonStart(e.season)
		y := yearFor(ref, year, func(y int) time.Time { return date(y, start, 1) }, dir)
		return fmt.Sprintf("%04d-%s", y, e.season), Season, true
	case e.weekday != 0:
		return r.day(weekdayNear(ref, e.weekday, dir, e.strict), e.tod)
	case e.weekend:
		d := weekdayNear(ref, int(time.Saturday)+1, dir, e.strict)
		y, w := d.ISOWeek()
		return fmt.Sprintf("%04d-W%02d-WE", y, w), Week, true
	case year != 0:
		r.remember(date(year, 1, 1), Year)
		return strconv.Itoa(year), Year, true
	}
	return "", "", false
}

// rangeEnd returns the year of a day of a month that ends a range whose
// start was the day just resolved ("from June 5 to June 9", "Dec. 30 -
// Jan. 2"): the start's year, or the next when the end comes earlier in
// the calendar.
func (r *resolver) rangeEnd(e expr) (int, bool) {
	if !r.last.set || r.last.precision != Day || r.last.end > e.start || e.start-r.last.end > 2 {
		return 0, false
	}
	for k := r.last.end; k < e.start; k++ {
		if !rangeWords[r.toks[k].w] {
			return 0, false
		}
	}
	y := r.last.t.Year()
	if date(y, e.month, e.day).Before(r.last.t) {
		y++
	}
	return y, true
}

// rangeWords join the start and the end of a range of days.
var rangeWords = map[string]bool{"to": true, "-": true, "–": true, "through": true, "thru": true, "until": true, "till": true, "and": true}

func (r *resolver) day(d time.Time, tod string) (string, string, bool) {
	r.remember(d, Day)
	v := d.Format(time.DateOnly)
	if tod != "" {
		return v + "T" + tod, Day, true
	}
	return v, Day, true
}

func (r *resolver) remember(t time.Time, precision string) {
	r.last = anchor{t: t, precision: precision, set: true, tok: r.cur, end: r.curEnd}
}

// relative resolves "last year", "this month", "next week", "today",
// "tonight": the reference moved by whole units.
func (r *resolver) relative(e expr) (string, string, bool) {
	if r.ref.IsZero() {
		return unknownValue(e.relUnit), precisionOf(e.relUnit), true
	}
	t := addUnits(r.ref, e.relUnit, e.rel)
	if e.relUnit == uYear && e.rel < 0 && r.quarterNearby() {
		return quarterValue(r.last.t.AddDate(e.rel, 0, 0)), Quarter, true
	}
	switch {
	case e.weekend:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d-WE", y, w), Week, true
	case e.quarter != 0 || e.relUnit == uQuarter:
		return quarterValue(t), Quarter, true
	case e.relUnit == uDay:
		return r.day(t, e.tod)
	}
	v, p := formatAt(t, e.relUnit)
	return v, p, true
}

// fromDiscourse resolves "the same day", "the quarter", "the year-ago
// quarter": the last date mentioned at the unit's precision, else the
// reference.
func (r *resolver) fromDiscourse(e expr) (string, string, bool) {
	base := r.anchorFor(false)
	if !base.set {
		return unknownValue(e.relUnit), precisionOf(e.relUnit), true
	}
	t := base.t
	if e.rel != 0 {
		t = addUnits(t, e.relUnit, e.rel)
	}
	switch {
	case e.quarter != 0:
		if base.precision != Quarter {
			if r.ref.IsZero() {
				return unknownValue(uQuarter), Quarter, true
			}
			t = addUnits(r.ref, uQuarter, -1+e.rel*4) // the last completed quarter
		}
		if e.year != 0 {
			t = date(e.year, int(t.Month()), 1) // "the 1988 period"
		}
		if base.precision != Quarter && e.rel == 0 && e.year == 0 {
			// "the latest quarter" names a quarter that "a year
			// earlier" then goes back from ("the year-ago quarter" and
			// "the 1988 period" do not: a year-ago figure after them
			// compares with the latest one)
			r.remember(date(t.Year(), 3*((int(t.Month())-1)/3)+1, 1), Quarter)
		}
		return quarterValue(t), Quarter, true
	case e.relUnit == uWeek:
		if !withinDay(base.precision) && base.precision != Week {
			return unknownValue(uWeek), Week, true // "the week" after "2008"
		}
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), Week, true
	case e.relUnit == uYear || e.relUnit == uMonth:
		v, p := formatAt(t, e.relUnit) // "that year"
		return v, p, true
	}
	// "that same day" after "October" or "2008" is some day of it, not
	// its first
	switch {
	case withinDay(base.precision):
		return t.Format(time.DateOnly), Day, true
	case base.precision == Month:
		return t.Format("2006-01") + "-XX", Day, true
	case base.precision == Year:
		return t.Format("2006") + "-XX-XX", Day, true
	}
	return unknownValue(uDay), Day, true
}

// withinDay reports a precision of a day or finer.
func withinDay(precision string) bool {
	return precision == Day || precision == Hour || precision == Minute
}

func (r *resolver) unknownYear(e expr) (string, string, bool) {
	switch {
	case e.month != 0 && e.day > 0:
		return fmt.Sprintf("XXXX-%02d-%02d", e.month, e.day), Day, true
	case e.month != 0:
		return fmt.Sprintf("XXXX-%02d", e.month), Month, true
	case e.quarter > 0:
		return fmt.Sprintf("XXXX-Q%d", e.quarter), Quarter, true
	case e.season != "":
		return "XXXX-" + e.season, Season, true
	}
	return "XXXX-XX-XX", Day, true
}

// yearFor picks the year of a date given without one: the year stated,
// else the one that puts the date on the side of the reference that the
// tense says (dir < 0: on or before it; dir > 0: on or after it; 0: the
// reference's own year).
func yearFor(ref time.Time, year int, at func(int) time.Time, dir int) int {
	if year != 0 {
		return year
	}
	y := ref.Year()
	day := date(ref.Year(), int(ref.Month()), ref.Day())
	switch {
	case dir < 0 && at(y).After(day):
		return y - 1
	case dir > 0 && at(y).Before(date(ref.Year(), int(ref.Month()), 1)):
		return y + 1
	}
	return y
}

// nearestYear picks the year of a month, or a day of a month, given
// without one: the one nearest the reference, where a date on the other
// side of the reference than the tense points counts as 200 days further.
// "Nov. 10" in an article of Nov. 2 is eight days ahead even in a past-
// tense sentence ("the company said it would pay on Nov. 10"); "Dec. 20"
// in an article of Jan. 5 is the December just gone.
func nearestYear(ref time.Time, year int, at func(int) time.Time, dir int) int {
	if year != 0 {
		return year
	}
	day := date(ref.Year(), int(ref.Month()), ref.Day())
	best, bestCost := ref.Year(), 1<<30
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		days := int(at(y).Sub(day).Hours() / 24)
		cost := abs(days)
		if dir != 0 && days != 0 && (days < 0) != (dir < 0) {
			cost += 200
		}
		if cost < bestCost {
			best, bestCost = y, cost
		}
	}
	return best
}

// weekdayNear returns the weekday (time.Weekday+1) nearest the reference
// in the direction given: the reference itself when it falls on that day,
// unless strict, as the text said "last" or "next": "last Wednesday"
// written on a Wednesday is a week before.
func weekdayNear(ref time.Time, wd int, dir int, strict bool) time.Time {
	day := date(ref.Year(), int(ref.Month()), ref.Day())
	diff := (wd - 1 - int(day.Weekday()) + 7) % 7 // days ahead
	switch {
	case diff == 0 && strict && dir != 0:
		return day.AddDate(0, 0, 7*dir)
	case diff == 0:
		return day
	case dir < 0:
		return day.AddDate(0, 0, diff-7)
	case dir > 0:
		return day.AddDate(0, 0, diff)
	case diff <= 3:
		return day.AddDate(0, 0, diff)
	}
	return day.AddDate(0, 0, diff-7)
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func nthWeekday(y, m int, wd time.Weekday, n int) time.Time {
	first := date(y, m, 1)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}

func seasonStart(s string) int {
	switch s {
	case "SP":
		return 3
	case "SU":
		return 6
	case "FA":
		return 9
	case "WI":
		return 12
	}
	return 0
}

func addUnits(t time.Time, u unit, n int) time.Time {
	switch u {
	case uSecond:
		return t.Add(time.Duration(n) * time.Second)
	case uMinute:
		return t.Add(time.Duration(n) * time.Minute)
	case uHour:
		return t.Add(time.Duration(n) * time.Hour)
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uMonth:
		return firstOfMonth(t).AddDate(0, n, 0)
	case uQuarter:
		return firstOfMonth(t).AddDate(0, 3*n, 0)
	case uYear:
		return firstOfMonth(t).AddDate(n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	case uCentury:
		return t.AddDate(100*n, 0, 0)
	}
	return t
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// formatAt writes t at the precision of unit u.
func formatAt(t time.Time, u unit) (string, string) {
	switch u {
	case uSecond, uMinute, uHour:
		return t.Format("2006-01-02T15:04"), Minute
	case uDay:
		return t.Format(time.DateOnly), Day
	case uWeek, uWeekend:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), Week
	case uMonth:
		return t.Format("2006-01"), Month
	case uQuarter:
		return quarterValue(t), Quarter
	case uDecade:
		return strconv.Itoa(t.Year() / 10), Decade
	case uCentury:
		return fmt.Sprintf("%02d", t.Year()/100), Century
	}
	return strconv.Itoa(t.Year()), Year
}

func quarterValue(t time.Time) string {
	return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
}

func precisionOf(u unit) string {
	_, p := formatAt(time.Time{}, u)
	return p
}

func unknownValue(u unit) string {
	switch precisionOf(u) {
	case Day:
		return "XXXX-XX-XX"
	case Month:
		return "XXXX-XX"
	case Week:
		return "XXXX-WXX"
	case Quarter:
		return "XXXX-QX"
	}
	return "XXXX"
}

// durationValue writes a TIMEX3 duration: P3Y, PT2H, PXM.
func durationValue(n int, vagueN bool, u unit) string {
	l := u.letter
	switch u {
	case uDecade:
		n, l = n*10, "Y"
	case uCentury:
		n, l = n*100, "Y"
	}
	c := strconv.Itoa(n)
	if vagueN {
		c = "X"
	}
	if u == uWeekend {
		return "P" + c + "WE"
	}
	if u.clock {
		return "PT" + c + l
	}
	return "P" + c + strings.TrimSpace(l)
}
