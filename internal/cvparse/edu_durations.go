package cvparse

import (
	"regexp"
	"strings"
)

// reDurationNote is a programme's length in brackets after its dates
// ("2016 – 2017 (9 months)", "2019 (6 semaines)"): the dates say it
// already.
var reDurationNote = regexp.MustCompile(`(?i)\s*\(\s*\d+(?:[.,]\d+)?\s*(?:months?|mos?\.?|mois|years?|yrs?\.?|ans|années|weeks?|semaines?)\s*\)\s*$`)

// dropDurationNotes reads an education line of dates followed by the
// programme's length as the dates alone, so that the line opens its
// entry as a line of dates does, instead of standing as an entry of its
// own.
func dropDurationNotes(lines []line) []line {
	out := make([]line, len(lines))
	for i, l := range lines {
		if m := reDurationNote.FindStringIndex(l.text); m != nil && onlyDates(strings.TrimSpace(l.text[:m[0]])) {
			l.text = strings.TrimSpace(l.text[:m[0]])
		}
		out[i] = l
	}
	return out
}
