package cvparse

import (
	"regexp"
	"strings"
)

// yearsAmidBody: under an entry whose header has its range and that
// already has lines of description, a line whose years sit amid its words
// ("President's Club 2016 and 2018", "Cup 2022 operations" wrapped from
// "… during FIFA World") goes on describing it, however short: an
// entry's dates stand at its line's start or end, or apart.
func yearsAmidBody(u unit, prev entry) bool {
	return len(prev.body) > 0 && headHasRange(prev) && (yearsAmidWords(u.text) || yearInNamingNote(u.text))
}

// yearInNamingNote: the line's only date is a bare year that ends a note
// in brackets after a word inside them ("ship sale MOAs (NSF 2012).",
// "audits under the standard (ISO 9001:2015)"): the edition of a form, a
// standard or an act, no entry's dates, which stand alone in their
// brackets ("(2019 – 2021)") or after a season's word ("(Summer 2019)").
func yearInNamingNote(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || dr.end != "" || !reBareYear.MatchString(dr.start) {
		return false
	}
	before := t[:dr.at]
	if _, again := findDateRange(t[dr.until:]); again || reSeasonEnd.MatchString(before) {
		return false
	}
	return reNoteBeforeYear.MatchString(before) && strings.HasPrefix(t[dr.until:], ")")
}

// reNoteBeforeYear: words, then a bracket opened on a word of its own
// that runs up to the year ("MOAs (NSF ", "standard (ISO 9001:").
var reNoteBeforeYear = regexp.MustCompile(`\p{L}\S*\s+\([^()]*\p{L}[^()]*[\s:]$`)

// yearsAmidWords: the line's first date is a bare year set between two
// words with nothing parting them, not after a season's word ("Summer
// 2019 Internship" dates an entry), and any other date is a bare year
// joined to it by "and", "et", "&" or a comma ("2016 and 2018").
func yearsAmidWords(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || dr.end != "" || !reBareYear.MatchString(dr.start) {
		return false
	}
	before, after := t[:dr.at], t[dr.until:]
	if !reWordThenSpace.MatchString(before) || reSeasonEnd.MatchString(before) {
		return false
	}
	rest := reJoinedYears.ReplaceAllString(after, "")
	if _, again := findDateRange(rest); again {
		return false
	}
	return reSpaceThenWord.MatchString(after)
}

// reJoinedYears: bare years joined to the one before ("and 2018", ", 2019").
var reJoinedYears = regexp.MustCompile(`(?i)^(?:\s*(?:,|and|et|&)\s*(?:19|20)\d{2}\b)+`)

// sinceInProse: the line's only date opens a "since" range told inside
// a sentence ("Complete SWMS and prestarts; zero LTIs since 2021."): how
// long something has held, not the dates of a new entry (see
// sinceInSentence), when at least two words in lower case lead to it.
func sinceInProse(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || dr.end != "present" || !sinceInSentence(t, dr) {
		return false
	}
	if _, again := findDateRange(t[dr.until:]); again {
		return false
	}
	return lowerWords(strings.Fields(t[:dr.at])) >= 2
}

// namesInCells: cells set apart by a tab that hold only capitalised words
// and function words ("Siemens, S.A. de C.V.<tab>Querétaro, Qro."): an
// employer and its place, though an abbreviation's full stop ends the
// line. A sentence has words in lower case.
func namesInCells(t string) bool {
	return strings.Contains(t, "\t") && lowerWords(strings.Fields(t)) == 0
}
