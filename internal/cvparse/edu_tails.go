package cvparse

import (
	"regexp"
	"strings"
	"unicode"
)

// joinDegreeClass keeps a classification set after a dash on the
// degree's own line in the degree's name ("BSc (Hons) Nursing – Second
// Class Honours, Grade 1", "Bachelor of Arts, History — Distinction"):
// it is the degree's phrase, as after a comma, when the line holds it
// whole. After the school ("Université Lyon 3 – mention Très bien") it
// stays apart, the grade; so does a class the line's end cuts ("… —
// Second Class (Upper" / "Division)"), set apart from the name. A line
// cut inside the mark in brackets after a whole class ("… – Second
// Class Upper Division (CGPA:" / "4.21/5.00)") cut no class.
func joinDegreeClass(head []unit, parts []part) []part {
	for i := len(parts) - 1; i > 0; i-- {
		p, prev := parts[i], parts[i-1]
		cut := p.line < len(head) && head[p.line].wrapped && !markInBrackets(p.text)
		if p.line != prev.line || cut || !dashSep(p.sep) || p.role != "" ||
			prev.role != "" && prev.role != "degree" ||
			!classification(p.text) && !fieldThenClass(p.text) || reGPA.MatchString(p.text) || !degreePhrase(prev.text) || institutionScore(prev.text) > 0 {
			continue
		}
		parts[i-1].text = strings.TrimSpace(prev.text) + " " + strings.TrimSpace(p.sep) + " " + strings.TrimSpace(p.text)
		parts = append(parts[:i], parts[i+1:]...)
	}
	return parts
}

// fieldThenClass: a field of study then the class after a comma
// ("Primary Education, Second Class Honours (Upper Division)"), the
// degree's phrase after its dash as the class alone is.
func fieldThenClass(t string) bool {
	i := strings.LastIndex(t, ", ")
	if i <= 0 {
		return false
	}
	field := strings.TrimSpace(t[:i])
	return classification(lastSegment(t)) && len(strings.Fields(field)) <= 4 && capitalisedWords(field, 4) &&
		institutionScore(field)+degreeScore(field) == 0 && !isLocation(field) && !hasDate(field)
}

// reBareCredential names only the kind of credential a programme gave
// ("Diploma", "Advanced Diploma", "Ontario College Advanced Diploma",
// "Certificate of Completion"), no field of study.
var reBareCredential = regexp.MustCompile(`^(?:\p{Lu}\p{L}+\s+College\s+)?(?:(?:Advanced|Graduate|Post-?graduate)\s+)?` +
	`(?:Diploma|Certificate)(?:\s+of\s+(?:Completion|Achievement))?$`)

// joinProgramCredential keeps a programme's name and the bare
// credential it led to, set after a dash, as one degree ("Civil
// Engineering Technology (Co-op) – Ontario College Advanced Diploma",
// "Practical Nursing – Diploma"): Canadian colleges name their
// programmes so, and the credential alone says nothing of what was
// studied.
func joinProgramCredential(parts []part) []part {
	for i := len(parts) - 1; i > 0; i-- {
		p, prev := parts[i], parts[i-1]
		if p.line != prev.line || !dashSep(p.sep) || p.role != "" || prev.role != "" ||
			!reBareCredential.MatchString(strings.TrimSpace(p.text)) || !namedProgramme(prev.text) {
			continue
		}
		parts[i-1].text = strings.TrimSpace(prev.text) + " " + strings.TrimSpace(p.sep) + " " + strings.TrimSpace(p.text)
		parts = append(parts[:i], parts[i+1:]...)
	}
	return parts
}

// namedProgramme: a name in capitals that names no school, degree,
// place nor date ("Civil Engineering Technology (Co-op)").
func namedProgramme(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && unicode.IsUpper([]rune(t)[0]) && institutionScore(t) == 0 && degreeScore(t) == 0 &&
		!isLocation(t) && !hasDate(t) && len(strings.Fields(t)) <= 8
}

// markInBrackets: s ends with a mark in brackets ("(CGPA: 4.21/5.00)",
// "(78%)").
func markInBrackets(s string) bool {
	m := reParenTail.FindStringSubmatch(s)
	return m != nil && (reGPA.MatchString(m[2]) || reScorePart.MatchString(strings.TrimSpace(m[2])))
}

// reLatinHonours is a degree's Latin honours ("cum laude", "magna cum
// laude", "summa cum laude").
var reLatinHonours = regexp.MustCompile(`(?i)^(?:(?:summa|magna|maxima)\s+)?cum\s+laude$`)

// endsItsLine: part k, on a line of the header, has no part after it on
// that line (the dates taken out aside).
func endsItsLine(parts []part, k int) bool {
	return k >= 0 && k < len(parts) && (k+1 == len(parts) || parts[k+1].line != parts[k].line)
}

// reLabelledNote is a note of its own after a dash on a degree's line,
// opened by its label ("Principal subjects: Economics, French",
// "Thesis: …"); a label naming the degree's branch ("Option :",
// "Major:") is the degree's own.
var reLabelledNote = regexp.MustCompile(`^\p{Lu}[\p{L}'’]*(?:\s+[\p{L}'’]+){0,2}\s*:\s+\S`)

var branchLabels = wordSet(`option options spécialité specialite specialty speciality specialisation specialization major minor
	parcours filière filiere concentration stream track profil profile orientation section série serie`)

// cutLabelledNote cuts a labelled note set after a dash off a degree's
// name ("Higher Certificate – Main subjects: Biology, Chemistry"): the
// degree, and the note for the description.
func cutLabelledNote(t string) (degree, note string, ok bool) {
	for _, dash := range []string{" – ", " — ", " - "} {
		i := strings.LastIndex(t, dash)
		if i <= 0 {
			continue
		}
		before, after := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(dash):])
		if !reLabelledNote.MatchString(after) || !degreePhrase(before) {
			continue
		}
		label, _, _ := strings.Cut(after, ":")
		if branchLabels[strings.ToLower(strings.Fields(label)[0])] {
			continue
		}
		return before, after, true
	}
	return t, "", false
}

// reJointLabel labels a degree as one of a double or joint degree
// ("Double diplôme : MSc Food Safety", "Dual degree: MBA"): the label
// says how it was awarded, a note; the rest is the degree.
var reJointLabel = regexp.MustCompile(`(?i)^((?:double|dual|joint)\s+(?:diplôme|diploma|degree|master)|(?:diplôme|degree)\s+(?:conjoint|joint))\s*:\s*(\S.*)$`)

// cutJointLabel cuts that label off a degree's name: the degree, and the
// label for the description.
func cutJointLabel(t string) (degree, note string, ok bool) {
	m := reJointLabel.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return t, "", false
	}
	return strings.TrimSpace(m[2]), m[1], true
}
