package cvparse

import (
	"regexp"
	"strings"
)

// reAcronymLead is a part that is an acronym, with a note in brackets
// after it or not ("DCG", "BMR (Physiotherapy)", "HND (Civil)").
var reAcronymLead = regexp.MustCompile(`^(\S+)(?:\s*\([^()]*\))?$`)

// joinSpelledAcronyms makes one part of an acronym and the name it
// stands for set beside it after a dash on one line ("DCG – Diplôme de
// Comptabilité et de Gestion", "CESS – Certificat d'enseignement
// secondaire supérieur", "BMR (Physiotherapy) – Bachelor of Medical
// Rehabilitation", "Master of Business Administration – MBA"): CVs
// write a degree or a school so, in countries where its acronym is the
// name everyone uses, and the two halves are one field, never a degree
// and a school.
func joinSpelledAcronyms(parts []part) []part {
	for i := len(parts) - 1; i > 0; i-- {
		a, b := parts[i-1], parts[i]
		if a.line != b.line || !dashSep(b.sep) || a.role != "" || b.role != "" {
			continue
		}
		if !spelledPair(a.text, b.text) && !spelledPair(b.text, a.text) {
			if acronymTownName(parts, i) {
				parts[i-1].text = a.text + b.sep + b.text + ", " + parts[i+1].text
				parts = append(parts[:i], parts[i+2:]...)
			}
			continue
		}
		parts[i-1].text = a.text + b.sep + b.text
		parts = append(parts[:i], parts[i+1:]...)
	}
	return parts
}

// acronymTownName: parts i-1, i and i+1 are a school's acronym, its town
// after a dash and, after a comma, the name the acronym stands for ("HEAD
// – Genève, Haute école d'art et de design", "ESA – Lyon, École
// supérieure d'art"): the acronym and town are how the school styles
// itself, the name spells it out; the three are the school's name.
func acronymTownName(parts []part, i int) bool {
	if i+1 >= len(parts) {
		return false
	}
	a, town, name := parts[i-1], parts[i], parts[i+1]
	return name.line == a.line && name.afterComma && name.role == "" && isLocation(town.text) &&
		spelledPair(a.text, name.text) && institutionScore(name.text) > 0
}

// spelledPair: acr is an acronym (a note in brackets after it allowed)
// whose letters name's words spell.
func spelledPair(acr, name string) bool {
	m := reAcronymLead.FindStringSubmatch(strings.TrimSpace(acr))
	return m != nil && isAcronym(m[1]) && len(strings.Fields(name)) >= 2 && spellsAcronym(m[1], name)
}

// reUnitOfSchool opens the name of a school's part that a university
// holds ("Faculty of Law", "School of Nursing", "Faculté des Sciences",
// "UFR de chimie").
var reUnitOfSchool = regexp.MustCompile(`(?i)^(?:(?:school|college)\s+of|école\s+(?:de|des|du|d['’]))\b`)

// universityAcronym: acr, after a comma, is the acronym of the university
// that school, one of its faculties, belongs to ("Faculté des Sciences et
// Technologies de l'Éducation (FASTEF), UCAD", "School of Nursing, UWI"):
// three letters or more that name no place, state or degree.
func universityAcronym(school, acr string) bool {
	acr = strings.TrimSpace(acr)
	return len([]rune(acr)) >= 3 && isAcronym(acr) && !isLocation(acr) && !stateCodes[strings.ToLower(acr)] && degreeScore(acr) == 0 &&
		(reSchoolUnit.MatchString(school) || reUnitOfSchool.MatchString(school))
}
