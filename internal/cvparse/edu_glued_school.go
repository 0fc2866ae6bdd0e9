package cvparse

import (
	"strings"
	"unicode"
)

// schoolOpeners open a school's name in the languages that name the
// school first ("Universitatea Tehnică …", "École des Mines", "Instituto
// Superior Técnico"); an English school word often ends a name ("Kwame
// Nkrumah University of Science and Technology").
var schoolOpeners = wordSet(`universitatea université universidad universidade università universitas universiti
		institut instituto istituto école escuela escola colegiul colegio liceul lycée liceo académie academia facultatea
		facultad faculté faculdade scuola școala`)

// splitGluedSchool cuts a school's name off the end of the part it was
// read into ("Machine Manufacturing Technology Universitatea Tehnică
// „Gheorghe Asachi”": a degree's line and the school's line under it
// joined as one wrapped line): a word that opens a school's name, after
// two words or more that name no school nor place and hold no comma, in a part that is the
// degree or follows it on its line, starts a part of its own. A name that
// ends in its school word ("Carnegie Mellon University Africa") is left
// whole.
func splitGluedSchool(parts []part) []part {
	var out []part
	for i, p := range parts {
		ws := strings.Fields(p.text)
		k := gluedSchoolAt(ws)
		if k < 0 || p.role != "" || p.labelled {
			out = append(out, p)
			continue
		}
		before := strings.Join(ws[:k], " ")
		prevDegree := i > 0 && parts[i-1].line == p.line && degreeScore(parts[i-1].text) > 0
		if institutionScore(before) > 0 || isLocation(before) || strings.Contains(before, ",") || degreeScore(before) == 0 && !prevDegree {
			out = append(out, p)
			continue
		}
		school := p
		p.text = before
		school.text, school.sep, school.afterComma = strings.Join(ws[k:], " "), " ", false
		out = append(out, p, school)
	}
	return out
}

// gluedSchoolAt is the index of the word of ws that opens a school's name
// after two capitalised words or more, or -1.
func gluedSchoolAt(ws []string) int {
	for k := 2; k+1 < len(ws); k++ {
		prev := []rune(ws[k-1])
		if !unicode.IsUpper(prev[0]) || strings.ContainsAny(ws[k-1], ",;:") || functionWords[strings.ToLower(ws[k-1])] {
			continue
		}
		w := strings.ToLower(strings.Trim(ws[k], ",;:()"))
		if schoolOpeners[w] && unicode.IsUpper([]rune(ws[k])[0]) {
			return k
		}
	}
	return -1
}
