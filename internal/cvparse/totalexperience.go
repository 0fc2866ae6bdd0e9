package cvparse

import (
	"regexp"
	"strings"
)

// reTotalExperience is a line that sums up a career's length ("Total Year
// of Experience : 15.5 Year(s)", "Total work experience: 8 years",
// "Expérience totale : 12 ans"), as job portals' CVs print it atop the
// employment history: a fact about the whole career, no job's header.
var reTotalExperience = regexp.MustCompile(`(?i)^(?:total\s+(?:(?:years?|yrs\.?)\s+of\s+)?(?:\p{L}+\s+)?experience|` +
	`(?:\p{L}+\s+)?exp[ée]rience\s+totale|dur[ée]e\s+totale\s+d['’]exp[ée]rience)\s*[:：–-]?\s*\d{1,2}(?:[.,]\d+)?\+?\s*` +
	`(?:years?|yrs\.?|ans|années?)\b`)

// totalExperienceLine: such a line, short as a label and its value are.
func totalExperienceLine(t string) bool {
	t = strings.TrimSpace(t)
	return len(strings.Fields(t)) <= 12 && reTotalExperience.MatchString(t)
}

// takeTotalExperience takes those lines out of an experience section.
func takeTotalExperience(lines []line) (rest []line, totals []string) {
	for _, l := range lines {
		if totalExperienceLine(l.text) {
			totals = append(totals, strings.TrimSpace(l.text))
			continue
		}
		rest = append(rest, l)
	}
	return rest, totals
}
