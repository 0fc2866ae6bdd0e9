package cvparse

import (
	"regexp"
	"strings"
)

var (
	// reDegreeFrom is a qualification told as a phrase, as Indian CVs
	// write their education ("B.Tech (ECE) from Kestrel Institute of
	// Technology, Pune, 2015 - 2019 with 72.4%."): the degree, then its
	// school after "from".
	reDegreeFrom = regexp.MustCompile(`^(?:(?:completed|pursuing|passed)\s+)?(\S.{0,80}?)\s+from\s+(\p{Lu}.*)$`)
	// reInYear and reWithGrade are the phrase's year ("in 2015") and
	// mark ("with 91.2%", "with 9.3 GPA"), each read as a part of its
	// own, a GPA's label before its figure as a grade line writes it.
	reInYear    = regexp.MustCompile(`,?\s+(?:in|during)\s+((?:19|20)\d{2})\b`)
	reWithGrade = regexp.MustCompile(`,?\s+with\s+(\S.*?)(?:\s+(C?GPA))?\.?$`)
	// reExamBoard is the board whose examinations the school prepared
	// for, named after the school and its town ("…, Board of Secondary
	// Education Telangana", "…, Kerala State Board").
	reExamBoard = regexp.MustCompile(`,\s*((?:Board of|Council for|Central Board of)\s[^,]+|[^,]*\bState Board\b[^,]*)`)
)

// degreeSentences rewrites each qualification told as a phrase into the
// parts an education line lists ("B.Tech, Kestrel Institute of
// Technology, Pune, 2015 - 2019, 72.4%"), the phrase's wrapped lines
// joined first: a bullet's lines until the full stop that ends it.
func degreeSentences(lines []line) []line {
	var out []line
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		text, next := strings.TrimSpace(l.text), i
		if !reDegreeFrom.MatchString(text) {
			out = append(out, l)
			continue
		}
		for next+1 < len(lines) && !strings.HasSuffix(text, ".") && phraseGoesOn(lines[next+1]) {
			next++
			text += " " + strings.TrimSpace(lines[next].text)
		}
		m := reDegreeFrom.FindStringSubmatch(text)
		if !qualificationFrom(m[1], m[2]) {
			out = append(out, l)
			continue
		}
		i = next
		rest := reInYear.ReplaceAllString(m[2], ", $1")
		rest = reWithGrade.ReplaceAllString(rest, ", $2 $1")
		rest, board := cutExamBoard(rest)
		l.text = strings.TrimSpace(m[1]) + ", " + strings.TrimSuffix(strings.TrimSpace(rest), ".")
		out = append(out, l)
		if board != "" {
			note := l
			note.text, note.bullet, note.gapBefore = board, false, false
			out = append(out, note)
		}
	}
	return out
}

// qualificationFrom: what comes before "from" is a qualification's short
// name ("SSC", "Intermediate (MPC)", "B.Tech") and what follows a school.
func qualificationFrom(qual, school string) bool {
	n := len(strings.Fields(qual))
	return n <= 8 && !hasDate(qual) && (degreeScore(qual) > 0 || n <= 3) && institutionScore(school) > 0
}

// phraseGoesOn: l carries on the phrase above it, as a wrapped line
// does: no bullet of its own, no space before it.
func phraseGoesOn(l line) bool {
	return !l.bullet && !l.gapBefore && strings.TrimSpace(l.text) != ""
}

// cutExamBoard takes the examining board out of a phrase's parts: it is
// the school's affiliation, told in the notes.
func cutExamBoard(s string) (rest, board string) {
	m := reExamBoard.FindStringSubmatchIndex(s)
	if m == nil {
		return s, ""
	}
	return s[:m[0]] + s[m[1]:], strings.TrimSpace(s[m[2]:m[3]])
}
