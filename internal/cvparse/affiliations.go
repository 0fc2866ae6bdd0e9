package cvparse

import (
	"regexp"
	"strings"
)

// researchUnitWords open the name of a university's department, centre
// or laboratory in the languages CVs are written in ("Centre for Water
// Research", "Centro de Modelamiento Matemático", "Laboratoire de
// Physique", "Dipartimento di Fisica").
var researchUnitWords = wordSet(`department dept centre center institute institut laboratory laboratoire lab labo
	school faculty faculté group unit division programme program
	centro departamento dipartimento departament instituto istituto laboratorio facultad facultade facoltà
	lehrstuhl fachbereich abteilung zentrum`)

// reUniAbbrev is a university written by its kind's initials and its
// town ("TU Wien", "TU Delft", "UC Berkeley").
var reUniAbbrev = regexp.MustCompile(`^(?:TU|TH|UC|HU|FU|LMU|KU|RWTH|ETH|EPF)\s+\p{Lu}\p{L}+$`)

// universityName: "Universidad de Chile", "National University of
// Singapore", "TU Wien".
func universityName(s string) bool {
	s = strings.TrimSpace(s)
	return reUniversity.MatchString(s) || reUniAbbrev.MatchString(s)
}

// unitOfUniversity: a department, centre or institute and the university
// it belongs to, side by side after a comma in either order ("Centre for
// Water Research, National University of Singapore", "TU Wien, Institute
// for Water Quality"), are one employer: the unit alone is no employer
// a reader knows, the university alone not where one worked. A degree
// is neither ("MSc Physics, University of Bath").
func unitOfUniversity(head, seg string) bool {
	if degreePhrase(head) || degreePhrase(seg) {
		return false
	}
	return researchUnit(head) && (universityName(seg) || uniInitials(seg)) || universityName(head) && researchUnit(seg)
}

// uniInitials: a university written by its initials alone after a
// department's name ("Department of Physics, UCT"): capitals that name no
// place, state or degree.
func uniInitials(s string) bool {
	s = strings.TrimSpace(s)
	return len([]rune(s)) >= 3 && isAcronym(s) && strings.ToUpper(s) == s && !isLocation(s) && !stateCodes[strings.ToLower(s)] && degreeScore(s) == 0
}

// researchUnitTails close the name of a university's research group or
// laboratory ("Thermal Management Research Group", "Soft Matter Lab").
var researchUnitTails = wordSet(`group laboratory lab laboratoire labo`)

// researchUnit: a name opened by a unit's word and a preposition or a
// name ("Department of Economics", "Centro de Modelamiento").
func researchUnit(s string) bool {
	ws := strings.Fields(s)
	return len(ws) >= 2 && (researchUnitWords[strings.ToLower(ws[0])] || researchUnitTails[strings.ToLower(ws[len(ws)-1])] || namedUnitOfField(ws)) &&
		!universityName(s) && capitalisedName(s)
}

// namedUnitOfField: a unit's word after the name it bears and before its
// field ("Groningen Institute for Evolutionary Life Sciences", "Bernoulli
// Institute for Mathematics").
func namedUnitOfField(ws []string) bool {
	for i := 1; i+2 < len(ws); i++ {
		if researchUnitWords[strings.ToLower(ws[i])] && fieldPrepositions[strings.ToLower(ws[i+1])] {
			return true
		}
	}
	return false
}

// unitOfField: a unit named by its field after a preposition
// ("Department of Water Resources Engineering", "Institute for Energy
// Research", "Laboratoire de Génie Civil"): the field's words ("
// Engineering", "Research") name no job there.
func unitOfField(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 3 {
		return false
	}
	first := strings.ToLower(ws[0])
	return (researchUnitWords[first] || unitWords[first]) && fieldPrepositions[strings.ToLower(ws[1])]
}

var fieldPrepositions = wordSet(`of for de des du di della del für`)
