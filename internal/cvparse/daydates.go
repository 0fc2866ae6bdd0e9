package cvparse

import (
	"regexp"
	"strings"
)

// dayNum is a day of the month as written before its month's name: "12",
// "03", "1st", "30th", "1er", "3.".
const dayNum = `(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|\.)?`

// usDayDate is a date written month, day, comma, year ("March 15, 2014",
// "Jan. 1st, 2019"), as American CVs and Bangladeshi job portals date a
// job. The comma after the day is what tells it from a month beside a
// number of the name before ("Lyon 2 Sept 2015").
var usDayDate = `(?:` + monthAlt + `)\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,\s*(?:19|20)\d{2}`

// reUSDay reads such a date whole, to drop its day: entries are dated by
// month and year.
var reUSDay = regexp.MustCompile(`(?i)^((?:` + monthAlt + `)\.?)\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,\s*((?:19|20)\d{2})$`)

// withoutMonthDay gives "March 2014" for "March 15, 2014", any other date
// as it is.
func withoutMonthDay(d string) string { return reUSDay.ReplaceAllString(d, "$1 $2") }

var (
	// reStartDay is a day written before a month's name and its year
	// ("12 Feb 2023", "1st March 2019", "3. Mai 2020") at the start of its
	// cell: after a tab, a colon, a bracket, a bar or a dash. Seafarers',
	// Commonwealth and European CVs give the day of signing on and off.
	// After a word it is a number of the name before ("Université Lyon 1
	// Sept 2015").
	reStartDay = regexp.MustCompile(`(?i)(?:^|[\t:(\[,;|•·–—-]|\s{2})\s*(` + dayNum + `\s+)$`)
	// reFromDay is the same day after "from" or "since" ("From 1st June
	// 2018 to …", "depuis le 3 mars 2021").
	reFromDay = regexp.MustCompile(`(?i)(?:^|\s)((from|since|de|du|depuis(?:\s+le)?)\s+` + dayNum + `\s+)$`)
)

// withLeadingDay widens dr back over the day written before its start
// ("12 Feb 2023 – 28 Nov 2023"), which the range's pattern reads only
// before its end: left behind, the day would be read as a title or a
// word of the description.
func withLeadingDay(s string, dr dateRange) dateRange {
	// "Lycée 9 Avril 1938": a school named after a date keeps its day.
	if reMonY.FindStringSubmatch(dr.start) == nil || namedAfterDate(s, dr.at) {
		return dr
	}
	if m := reFromDay.FindStringSubmatchIndex(s[:dr.at]); m != nil {
		dr.at = m[2]
		if w := strings.ToLower(s[m[4]:m[5]]); dr.end == "" && (w == "since" || strings.HasPrefix(w, "depuis")) {
			dr.end = "present"
		}
		return dr
	}
	if m := reStartDay.FindStringSubmatchIndex(s[:dr.at]); m != nil {
		dr.at = m[2]
	}
	return dr
}
