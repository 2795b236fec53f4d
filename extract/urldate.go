package extract

import (
	"regexp"
	"strconv"
	"time"
)

// urlDateRE finds a full date in a URL path: /2025/11/07/, /2025-11-07,
// _20251107_ and the like.
var urlDateRE = regexp.MustCompile(`(?:^|[/_\-.])((?:19|20)\d{2})[/_\-.]?(0[1-9]|1[0-2])[/_\-.]?(0[1-9]|[12]\d|3[01])(?:$|[/_\-.])`)

// URLDate returns the date written in a URL, if it holds a full one.
func URLDate(u string) (time.Time, bool) {
	m := urlDateRE.FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}
