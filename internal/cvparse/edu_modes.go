package cvparse

import (
	"regexp"
	"strings"
)

// studyMode is how a course was followed rather than what or where it
// was: part-time, in the evening, by distance or online, alternating
// with work; French may name the studies first ("études à temps partiel").
const studyMode = `(?:(?:études|etudes|cours)\s+)?(?:part[- ]time|full[- ]time|online|en ligne|formation continue en ligne|evening(?: (?:program|programme|classes|course))?|weekend(?: program|programme)?|` +
	`distance(?: learning)?|day release|block release|sandwich(?: course)?|` +
	`en alternance|alternance|par apprentissage|en apprentissage|formation continue|promotion professionnelle|` +
	`horaire décalé|horaires décalés|cours du soir|(?:à|a) distance|(?:formation|enseignement) (?:à|a) distance|(?:à|a) temps partiel|temps partiel)`

var (
	// reSchoolMode is a school's name closed by a bracket of study modes
	// ("IAE Lyon 3 (en alternance)", "UCLouvain (formation continue,
	// horaire décalé)"): the bracket says how the course was followed
	// there, no part of the school's name.
	reSchoolMode = regexp.MustCompile(`(?i)^(.+?)\s*\((` + studyMode + `(?:\s*[,;/]\s*` + studyMode + `)*)\)$`)
	// reDegreeMode is a degree's name closed after a comma or a spaced
	// dash by a study mode ("Paralegal Certificate, evening program",
	// "Master Finance – en alternance"); in brackets the mode stays with
	// the degree, as CVs write it into the name.
	reDegreeMode = regexp.MustCompile(`(?i)^(.+?)(?:,|\s[–—-])\s*(` + studyMode + `)$`)
	// reAffiliatedCollege is a university's name closed by a bracket
	// naming a college of its own ("Mumbai University (Sardar Patel
	// College of Engineering)"): the college affiliated to it.
	reAffiliatedCollege = regexp.MustCompile(`^(.+\b(?:University|Universit[ée]|Universidad|Vishwavidyalaya))\s*\(([^()]*\p{L}[^()]*\s(?:College|Institute|School)\b[^()]*)\)$`)
	// reUnfinishedTail is a name closed by a bracket saying the course was
	// left before its end ("(did not graduate)", "(not completed)",
	// "(incomplete, 2 of 4 terms)"): how it went, no part of the degree's
	// name. French CVs' "(non terminée)" is kept in the degree, as the
	// sets write it.
	reUnfinishedTail = regexp.MustCompile(`(?i)^(.+?)\s*\(((?:did not (?:graduate|complete|finish)|not (?:completed|finished|graduated)|` +
		`incomplete|unfinished|discontinued|withdrew)\b[^()]*)\)$`)
	// reRankTail is a name closed by a bracket giving the candidate's
	// rank in a competitive exam or a class ("(admise au rang 212)",
	// "(classé 3e)", "(ranked 4th of 120)").
	reRankTail = regexp.MustCompile(`(?i)^(.+?)\s*\(((?:admise?|reçue?|classée?|ranked|rank|rang)\s[^()]*\d[^()]*)\)$`)
)

// cutStudyMode cuts a study mode off a school's or a degree's name: the
// name without it, and the mode.
//
// "Formation continue" alone in a school's bracket names the school's
// continuing-education service ("IUT de Lille (formation continue)"), a
// unit of the school as its faculties are: it stays.
func cutStudyMode(t string, re *regexp.Regexp) (name, mode string, ok bool) {
	m := re.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil || re == reSchoolMode && strings.EqualFold(strings.TrimSpace(m[2]), "formation continue") {
		return t, "", false
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
}
