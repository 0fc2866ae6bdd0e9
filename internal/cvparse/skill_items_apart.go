package cvparse

import (
	"math"
	"strings"
)

// skillUnits reads a skills section's lines as units, as toUnits does,
// except that a line set apart from the one above by more than a line's
// pitch starts a unit of its own even when it opens on a word in lower
// case ("Apache Airflow" / "dbt" in a sidebar, each over its skill bar):
// the typesetter sets a wrapped line at the pitch of the line it wraps,
// so a lower-case tool's name further down names a skill of its own.
func skillUnits(lines []line) []unit {
	var out []unit
	from := 0
	for i := 1; i <= len(lines); i++ {
		if i == len(lines) || itemApart(lines[i-1], lines[i]) {
			out = append(out, toUnits(lines[from:i])...)
			from = i
		}
	}
	return out
}

// itemPitch is the distance between two lines' tops, in line heights,
// past which they are no lines of one wrapped item: a paragraph's lines
// are set closer (the extractor reads lines 1.35 heights apart as one
// block's).
const itemPitch = 1.5

// maxApartWords bounds the words of a line that names one skill alone.
const maxApartWords = 3

// itemApart says whether l, opening on a lower-case word, is set apart
// from prev (same page and x, both placed) by more than a wrapped line's
// pitch, prev a short name of a skill that ends on nothing saying it goes
// on: no separator, open bracket or function word ("Comptabilité
// générale et" / "analytique" is one skill). A line holding a list (read
// joined from several, its place the first's) is no such name.
func itemApart(prev, l line) bool {
	if prev.y <= 0 || l.y <= 0 || prev.page != l.page || l.size <= 0 || math.Abs(l.x-prev.x) > 2 || !lowerWord(l.text) {
		return false
	}
	p := strings.TrimSpace(prev.text)
	if len(strings.Fields(p)) > maxApartWords || strings.ContainsAny(p, ",;·•|&(-\t") || endsInFunctionWord(p) {
		return false
	}
	return l.y-prev.y > itemPitch*max(l.size, prev.size)
}
