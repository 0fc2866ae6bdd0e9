package extract

import (
	"strings"
	"unicode"
)

// labelWraps says whether the label-column segments of a row of their own
// (segs) can be the wrapped end of the label cell above: set at a line's
// pitch under it (a wrapped cell's lines are at most half a line apart;
// Europass sets its next section heading, "WORK EXPERIENCE" under "JOB
// APPLIED FOR", a full line lower), and not in capitals under a label that
// is not ("Driving licence" / "ADDITIONAL INFORMATION": the next section's
// heading).
func labelWraps(cell *segment, segs []*segment) bool {
	last, first := cell.words[len(cell.words)-1], segs[0].words[0]
	h := last.YMax - last.YMin
	if first.YMin-last.YMin > 1.5*h {
		return false
	}
	var next []string
	for _, s := range segs {
		next = append(next, s.text())
	}
	return !(capitalsOnly(strings.Join(next, " ")) && !capitalsOnly(cell.text()))
}

// capitalsOnly: text with letters, none of them lower case.
func capitalsOnly(t string) bool {
	letters := false
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}
