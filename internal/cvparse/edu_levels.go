package cvparse

import (
	"regexp"
	"slices"
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
	parts = schoolKinds(parts)
	named := false
	for _, p := range parts {
		if m := reSchoolLevel.FindStringSubmatch(strings.TrimSpace(p.text)); m == nil && degreeScore(p.text) > 0 || p.role == "degree" {
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

// reSchoolKind is a kind of school named without a name of its own
// ("Senior High School", "Junior Secondary School", "High School").
var reSchoolKind = regexp.MustCompile(`(?i)^(?:(?:senior|junior|upper|lower)\s+)?(?:high|secondary|elementary|primary|middle)\s+school$`)

// namesSchool: p, beside the kind of school k, is a school's own name of
// two words or more: one with a school's word, or the first part of a line
// of its own under or over the kind ("Senior High School – STEM strand" /
// "Pacific Science Learning Center (PSLC), Cebu City"), which names no
// degree and no place.
func namesSchool(p, k part) bool {
	t := strings.TrimSpace(p.text)
	if p.role != "" || reSchoolKind.MatchString(t) || degreeScore(t) > 0 || !capitalisedName(t) || len(strings.Fields(t)) < 2 {
		return false
	}
	return institutionScore(t) > 0 || p.line != k.line && p.sep == "" && !p.afterComma && !isLocation(t)
}

// schoolKinds reads a kind of school that an entry names beside a school
// with a name of its own ("Senior High School – STEM strand" / "Manila
// Science High School"): the kind is the stage studied, the entry's
// degree, and the strand or track after its dash goes with it. Alone in
// its entry, the kind stays where the other rules put it.
func schoolKinds(parts []part) []part {
	kind := slices.IndexFunc(parts, func(p part) bool { return p.role == "" && reSchoolKind.MatchString(strings.TrimSpace(p.text)) })
	if kind < 0 || !slices.ContainsFunc(parts, func(p part) bool { return namesSchool(p, parts[kind]) }) {
		return parts
	}
	out := slices.Clone(parts)
	out[kind].role = "degree"
	if k := kind + 1; k < len(out) && out[k].line == out[kind].line && strings.ContainsAny(out[k].sep, "–—-") &&
		out[k].role == "" && institutionScore(out[k].text) == 0 && !isLocation(out[k].text) && len(strings.Fields(out[k].text)) <= 4 {
		out[kind].text += out[k].sep + out[k].text
		out = slices.Delete(out, k, k+1)
	}
	return out
}
