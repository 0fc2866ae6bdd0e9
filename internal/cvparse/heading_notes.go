package cvparse

import "regexp"

// reYearsNote is a note closing a heading that counts years or months of
// experience, however long it spells them out ("(9 Years: 6 Years UAE + 3
// Years India)", "(12 ans dont 8 en grande distribution)"): what it tells
// is how long, so the words before it are the heading.
var reYearsNote = regexp.MustCompile(`(?i)\s*\(([^()]{0,60}\d\s*\+?\s*(?:years?|yrs?\.?|ans|années|months?|mois)\b[^()]{0,60})\)$`)

// yearsNoteHeading is the heading before a note counting years, when the
// line ends with one.
func yearsNoteHeading(t string) (sectionKind, bool) {
	m := reYearsNote.FindStringIndex(t)
	if m == nil || m[0] == 0 || m[1]-m[0] > 64 {
		return 0, false
	}
	return headingKind(t[:m[0]])
}
