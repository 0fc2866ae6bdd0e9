package cvparse

import (
	"regexp"
	"strings"
)

// Plain-text CVs (pasted from an e-mail, typed in a text editor) head each
// job with a bullet: "* 10/2020 - à ce jour : Technicienne de
// laboratoire", then the employer on an indented line and the tasks as
// sub-bullets. The bullet is the entry's header, not one of its tasks,
// and the short line under it is the employer, not the bullet's wrapped
// rest.

// dateLedBullet: a bullet that opens with a date range and goes on with a
// short title after a colon or a dash, no sentence ("2019 – 2021 :
// Vendeuse", not "2019: won the regional sales award.").
func dateLedBullet(u unit) bool {
	t := strings.TrimSpace(u.text)
	dr, ok := findDateRange(t)
	if !ok || dr.at != 0 || dr.end == "" {
		return false
	}
	rest := strings.TrimSpace(t[dr.until:])
	sep := strings.IndexAny(rest, ":–—-")
	if sep != 0 {
		return false
	}
	title := strings.TrimSpace(strings.TrimLeft(rest, ":–—- "))
	ws := strings.Fields(title)
	return len(ws) > 0 && len(ws) <= 8 && !endsSentence(title) && lowerWords(ws) <= 4
}

// reDayBefore: a day's number ending the text before a month's name
// ("Lycée 15 " before "Novembre 1955").
var reDayBefore = regexp.MustCompile(`(?i)(?:^|\s)(?:[1-9]|[12]\d|3[01])(?:er)?\s+$`)

// namedAfterDate says whether the month and year starting at at belong to
// a name given after a date, as many North African schools and streets
// are ("Lycée 9 Avril 1938", "Avenue du 7 Novembre 1987"): a day's number
// before the month, a school or street word a few words before it, and no
// comma between.
func namedAfterDate(s string, at int) bool {
	pre := s[:at]
	m := reDayBefore.FindStringIndex(pre)
	if m == nil {
		return false
	}
	pre = pre[:m[0]]
	if i := strings.LastIndexAny(pre, ",;:\t("); i >= 0 {
		pre = pre[i+1:]
	}
	ws := strings.Fields(pre)
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-3; k-- {
		if institutionScore(ws[k]) > 0 || streetWords[strings.ToLower(ws[k])] || namedSquares[strings.ToLower(ws[k])] {
			return true
		}
	}
	return false
}

// namedSquares are the places other than streets named after a date.
var namedSquares = wordSet(`place cité quartier stade`)
