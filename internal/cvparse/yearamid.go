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

// rangeAmidSentence: a range written straight after a word of a sentence
// that goes on past it in lower case and ends in a full stop ("Co-author
// of the regional transport plan 2021–2030; drafted the freight
// chapter."): the span of what the sentence tells (a plan's, a
// programme's), not an entry's dates, which stand at a line's start or
// end or apart after a separator.
func rangeAmidSentence(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || dr.end == "" || !endsSentence(t) {
		return false
	}
	return reWordThenSpace.MatchString(t[:dr.at]) && reGoesOnLower.MatchString(t[dr.until:])
}

// reGoesOnLower: a comma or semicolon, then a word in lower case; or a
// note in brackets, then such a word ("2022-2027 (UFCW Local 501)
// without a strike.").
var reGoesOnLower = regexp.MustCompile(`^\s*(?:[,;]|\s\([^()]*\))\s+\p{Ll}`)
