package cvparse

import (
	"slices"
	"strings"
	"unicode"
)

// titleAfterTitle joins to the title a second job title set after it on
// its line with a dash ("Stagiaire – Assistante administrative", "Intern
// – Junior Accountant") that the company took, when another line of the
// header opens with the employer: a title names no employer, and the
// pair is one post (its kind, then what it was).
// Either of the two may be the one the title took.
func titleAfterTitle(parts []part, picked []int, title, company int) []int {
	ti, c := picked[title], picked[company]
	if ti < 0 || c < 0 || c != ti+1 && c != ti-1 {
		return picked
	}
	first, second := min(ti, c), max(ti, c)
	if parts[first].line != parts[second].line || !dashSep(parts[second].sep) {
		return picked
	}
	p := parts[c]
	if p.role != "" || titleScore(p.text) == 0 || orgScore(p.text) > 0 || isLocation(p.text) || hasDate(p.text) {
		return picked
	}
	o := employerLine(parts, picked)
	if o < 0 {
		o = firstNameUnder(parts, ti)
	}
	// A name alone on its line that the place took for want of a town
	// is the employer's.
	if o >= 0 && picked[0] == o {
		picked[0] = -1
	}
	if o < 0 || slices.Contains(picked, o) {
		return picked
	}
	parts[ti].text = parts[first].text + " " + strings.TrimSpace(parts[second].sep) + " " + parts[second].text
	picked[company] = o
	return append(picked, c)
}

// firstNameUnder is the part opening the line right under part ti's when it
// is a capitalised name, no title, place nor date ("Port Autonome de
// Dakar, Direction des Ressources Humaines"); -1 when none.
func firstNameUnder(parts []part, ti int) int {
	for i, p := range parts {
		if p.line != parts[ti].line+1 {
			continue
		}
		if i > 0 && parts[i-1].line == p.line || p.dated || p.role != "" || isLocation(p.text) || titleScore(p.text) > 0 ||
			!unicode.IsUpper([]rune(p.text)[0]) {
			return -1
		}
		return i
	}
	return -1
}
