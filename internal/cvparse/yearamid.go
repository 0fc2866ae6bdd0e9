package cvparse

import (
	"regexp"
	"strings"
)

// yearAmidWords: the line's only date is a bare year set between two
// words with nothing parting them ("Ran the Ramadan 2018 campaign",
// "Won the Harbour Festival 2020 identity"): the year names an event or
// an edition, as a campaign's or a prize's does. An entry's dates stand
// at the start or end of its line, or apart after a separator, a comma or
// a bracket.
func yearAmidWords(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || dr.end != "" || !reBareYear.MatchString(dr.start) {
		return false
	}
	if _, again := findDateRange(t[dr.until:]); again {
		return false
	}
	before, after := t[:dr.at], t[dr.until:]
	return reWordThenSpace.MatchString(before) && reSpaceThenWord.MatchString(after)
}

var (
	reBareYear      = regexp.MustCompile(`^(?:19|20)\d{2}$`)
	reWordThenSpace = regexp.MustCompile(`[\p{L}\p{N}] $`)
	reSpaceThenWord = regexp.MustCompile(`^ \p{L}`)
)

// describesAfterRange: a unit under an entry whose header has its range,
// set at the body's indent or long, whose only date is a year amid words:
// the entry's description, not a new entry.
func describesAfterRange(u unit, prev entry) bool {
	return (u.setIn || isLong(u.text)) && len(strings.Fields(u.text)) >= 4 && headHasRange(prev) && yearAmidWords(u.text)
}
