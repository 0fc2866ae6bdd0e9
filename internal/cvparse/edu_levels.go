package cvparse

import (
	"regexp"
	"strings"
)

// reSchoolLevel opens a line with the level of schooling, as CVs of the
// Philippines and elsewhere label their education ("Tertiary", "Secondary:
// Mariveles National High School", "Secondary Colegio de San José").
var reSchoolLevel = regexp.MustCompile(`(?i)^(tertiary|secondary|primary|elementary)(?:\s*:\s*|\s+|\s*:?$)(.*)$`)

// notSchoolLead are the words that make the level part of a name
// ("Secondary School Certificate", "Primary Education").
var notSchoolLead = wordSet(`school schools education level certificate diploma`)

// schoolLevels reads a level of schooling that labels an entry: it is the
// entry's degree when nothing else names one ("Secondary" / "Colegio de
// San José"), else a label that names nothing (role "level", left to the
// description); a school's name after it is a part of its own.
func schoolLevels(parts []part) []part {
	named := false
	for _, p := range parts {
		if m := reSchoolLevel.FindStringSubmatch(strings.TrimSpace(p.text)); m == nil && degreeScore(p.text) > 0 {
			named = true
		}
	}
	var out []part
	for _, p := range parts {
		m := reSchoolLevel.FindStringSubmatch(strings.TrimSpace(p.text))
		if m == nil || p.role != "" {
			out = append(out, p)
			continue
		}
		rest := strings.TrimSpace(m[2])
		if rest != "" && !levelledSchool(rest) {
			out = append(out, p)
			continue
		}
		level := p
		level.text, level.role = m[1], "level"
		if !named {
			level.role = "degree"
		}
		out = append(out, level)
		if rest != "" {
			school := p
			school.text, school.sep, school.afterComma = rest, " ", false
			out = append(out, school)
		}
	}
	return out
}

// levelledSchool: the words after a level name a school of two words or
// more and no degree ("Colegio de la Inmaculada", "Iloilo National High
// School").
func levelledSchool(t string) bool {
	ws := strings.Fields(t)
	return len(ws) >= 2 && institutionScore(firstSegment(t)) > 0 && degreeScore(t) == 0 && !notSchoolLead[strings.ToLower(ws[0])] &&
		capitalisedName(t)
}
