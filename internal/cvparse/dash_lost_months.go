package cvparse

import (
	"regexp"
	"strings"
)

// reMonthYearNext is a month and year right after a space, the whole of
// what follows a date up to a word's end.
var reMonthYearNext = regexp.MustCompile(`(?i)^\s+((?:` + monthAlt + `)\.?\s+((?:19|20)\d{2}))\b`)

// dashLostMonthEnd reads the end of a range whose dash a phone photo
// blurred away between two months with their years ("Mars 2015 Décembre
// 2018"): a month and year, a space, then a month of the same year or a
// later one. Two such dates side by side say nothing else. It gives the
// end date and where it stops in s.
func dashLostMonthEnd(s, start string, at int) (end string, until int, ok bool) {
	first := reMonY.FindStringSubmatch(strings.TrimSpace(start))
	m := reMonthYearNext.FindStringSubmatchIndex(s[at:])
	if first == nil || m == nil || s[at+m[4]:at+m[5]] < first[2] {
		return "", 0, false
	}
	return withoutMonthDay(s[at+m[2] : at+m[3]]), at + m[1], true
}
