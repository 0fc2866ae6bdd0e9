package cvparse

import (
	"regexp"
	"strings"
)

// reNoteLead opens a line with a short label and its colon ("Thesis:
// …", "Advanced Level: …").
var reNoteLead = regexp.MustCompile(`^\p{Lu}[\p{L} ]{1,30}:\s+\S`)

// joinNoteWraps joins to a labelled note of the education section the
// rest the column's edge cut off ("Advanced Level: English (A), …;
// Intermediate Level: Philosophy, Pure" / "Mathematics, Systems of
// Knowledge"), so that the rest heads no entry of its own: a few words
// naming no degree, school, job or date, the note a list that ran to the
// edge.
func joinNoteWraps(lines []line) []line {
	var out []line
	for _, l := range lines {
		if n := len(out); n > 0 && noteWrapped(out[n-1], l) {
			out[n-1].text = strings.TrimSpace(out[n-1].text) + " " + strings.TrimSpace(l.text)
			out[n-1].full = l.full
			continue
		}
		out = append(out, l)
	}
	return out
}

func noteWrapped(prev, l line) bool {
	p, t := strings.TrimSpace(prev.text), strings.TrimSpace(l.text)
	list := strings.Contains(p, ";") || strings.Count(p, ",") >= 2
	return prev.full && !l.gapBefore && !l.bullet && list && reNoteLead.MatchString(p) && !strings.HasSuffix(p, ".") &&
		len(strings.Fields(t)) <= 6 && !hasDate(t) && !strings.ContainsAny(t, "\t|") &&
		degreeScore(t)+institutionScore(t)+titleScore(t) == 0
}
