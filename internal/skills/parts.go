package skills

import (
	"regexp"
	"strings"
)

// Requirement parts of a job posting (issue 17). A posting names skills in
// its company description ("we build AI for public policy"), its duties,
// its benefits ("a budget for AWS certifications") and its requirements;
// only the last say what a candidate must bring. The rule:
//
//  1. The requirement parts are the sections opened by a requirement or
//     nice-to-have heading ("Requirements", "What you'll bring", "Profil
//     recherché", "Nice to have", "Un plus", a line such as "Required
//     skills:"), the job title, and every paragraph outside any section
//     that addresses the candidate's profile ("you have", "the ideal
//     candidate", "vous maîtrisez", "3 years of experience", "required",
//     "a plus"…).
//  2. A posting with no such part, or whose requirement parts name no
//     skill, reads its duties instead: the responsibilities sections and
//     the unheaded paragraphs that describe the work ("you will", "vous
//     pilotez").
//  3. Never: company descriptions ("About us", unheaded paragraphs that
//     address no candidate), benefits and pay, hiring process and
//     equal-opportunity text.
//
// Unheaded paragraphs are classified in this order: equal-opportunity text,
// benefits, requirement, duty, else company description. A list right
// after an unheaded paragraph ending with ":" belongs to that paragraph.

// paraRole is what an unheaded paragraph of a posting is about.
type paraRole int

const (
	paraCompany paraRole = iota
	paraBenefits
	paraRequirement
	paraDuty
)

var (
	// eeoCues mark equal-opportunity and diversity statements.
	eeoCues = []string{"equal opportunity", "equal opportunities", "equal employment", "diversity", "inclusion",
		"regardless of", "without regard", "all backgrounds", "every background", "under represented",
		"diversite", "handicap", "egalite des chances", "non discrimination"}
	// statementCues mark, even inside a requirement section, a paragraph
	// that is the employer's statement rather than a requirement.
	statementCues = []string{"equal opportunity", "equal opportunities", "equal employment", "regardless of",
		"without regard", "qualified applicants", "egalite des chances", "situation de handicap",
		"we offer", "we provide", "in return", "nous offrons", "nous proposons"}
	// offerCues mark what the employer gives.
	offerCues = []string{"we offer", "we provide", "in return", "our offer", "benefits", "perks", "salary",
		"nous offrons", "nous proposons", "avantages", "remuneration", "salaire", "wir bieten"}
	// profileCues mark a paragraph about the candidate's profile.
	profileCues = []string{"you have", "you are", "you must", "you should", "you'll have", "you will have",
		"you bring", "you know", "you hold", "you've", "you can", "you communicate", "looking for", "ideal candidate",
		"successful candidate", "the candidate", "we need", "experience with", "experience in", "experience of",
		"experience as", "experience building", "of experience", "knowledge of", "proficiency",
		"proficient", "years of", "qualification", "qualifications", "skills",
		"vous avez", "vous etes", "vous maitrisez", "vous justifiez", "vous savez", "vous possedez",
		"vous disposez", "vous connaissez", "votre profil", "profil", "nous recherchons", "recherchons",
		"maitrise", "connaissance", "connaissances", "competences", "titulaire", "diplome", "diplomee",
		"experience de", "experience d'", "experience en", "premiere experience", "une experience", "ans d'experience"}
	// dutyCues mark a paragraph about the work itself.
	dutyCues = []string{"you will", "you'll", "your tasks", "your responsibilities", "responsible for",
		"in charge of", "day to day", "vous serez", "vous prenez en charge", "vous pilotez", "vous gerez",
		"vos missions", "vous aurez", "vous analysez", "vous concevez", "vous participez", "vous animez",
		"vous developpez", "vous accompagnez"}
)

// requirementLines marks the lines of d that are requirement parts of a
// job posting; titled says that line 0 is the job title. fallback, nil
// when the posting has no requirement part, marks its duties (and title):
// they are read when its requirement parts name no skill.
func requirementLines(d *doc, titled bool) (req, fallback []bool) {
	n := len(d.lines)
	req = make([]bool, n)
	duty := make([]bool, n)
	found := false
	role := make([]paraRole, n)
	blank := func(i int) bool { return strings.TrimSpace(d.lines[i]) == "" }
	prevEnd, prevRole, prevColon := -1, paraCompany, false
	for i := 0; i < n; {
		if d.sections[i] != SectionNone || blank(i) {
			i++
			continue
		}
		j := i
		for j < n && d.sections[j] == SectionNone && !blank(j) {
			j++
		}
		r := classifyPara(normLine(strings.Join(d.lines[i:j], " ")))
		adjacent := prevEnd >= 0
		for k := prevEnd; adjacent && k < i; k++ {
			adjacent = blank(k)
		}
		if adjacent && prevColon && isList(d.lines[i:j]) {
			r = prevRole
		}
		for k := i; k < j; k++ {
			role[k] = r
		}
		prevEnd, prevRole, prevColon = j, r, strings.HasSuffix(strings.TrimSpace(d.lines[j-1]), ":")
		i = j
	}
	// A paragraph of a requirement section that is an equal-opportunity
	// statement or an offer ends the requirements it follows.
	statement := make([]bool, n)
	for i := 0; i < n; {
		if blank(i) {
			i++
			continue
		}
		j := i
		for j < n && !blank(j) {
			j++
		}
		if hasCue(normLine(strings.Join(d.lines[i:j], " ")), statementCues) {
			for k := i; k < j; k++ {
				statement[k] = true
			}
		}
		i = j
	}
	for i := range n {
		if (titled && i == 0) || statement[i] {
			continue
		}
		switch d.sections[i] {
		case SectionRequirements, SectionNiceToHave:
			req[i], found = true, true
		case SectionResponsibilities:
			duty[i] = true
		case SectionNone:
			switch role[i] {
			case paraRequirement:
				req[i], found = true, true
			case paraDuty:
				duty[i] = true
			}
		}
	}
	if !found {
		req, duty = duty, nil
	}
	if titled && n > 0 {
		req[0] = true
		if duty != nil {
			duty[0] = true
		}
	}
	return req, duty
}

func classifyPara(norm string) paraRole {
	switch {
	case hasCue(norm, eeoCues):
		return paraCompany
	case hasCue(norm, offerCues):
		return paraBenefits
	case hasCue(norm, profileCues) || hasCue(norm, mustCues) || hasCue(norm, niceCues):
		return paraRequirement
	case hasCue(norm, dutyCues):
		return paraDuty
	}
	return paraCompany
}

// isList reports whether every line is a list item.
func isList(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" && !listItem(l) {
			return false
		}
	}
	return true
}

// A degree's subject is an education requirement, not a skill: "degree in
// finance, economics or accounting" requires none of the three. A subject
// counts as a requirement only when the degree names one ("a degree in
// Mathematics", "Diplôme d'État d'infirmier").
var (
	degreeRe = regexp.MustCompile(`(?i)\b(?:degree|bachelor'?s?|master'?s?|msc|bsc|ph\.?d|mba|diploma|doctorat|licence|bts|dut|bac\s*\+\s*\d(?:\s*/\s*\d)?|dipl[oô]m[eé]s?(?:\(e\)|e)?|titulaire d'une?)\b[^,.;:()]{0,40}?(?:\s(?:in|of|en|de|des)\s|\sd'|\sd’)`)
	// fieldEnd ends a list of subjects.
	fieldEnd = regexp.MustCompile(`(?i)[.;:()]|\s(?:with|and|plus|avec|et|vous|you)\s`)
	fieldAlt = regexp.MustCompile(`(?i)\s(?:or|ou)\s|/`)
)

type degreeField struct {
	start, end   int
	alternatives bool
}

// degreeFields finds the subject lists of the degrees named in a clause.
func degreeFields(clause string) []degreeField {
	var out []degreeField
	for _, m := range degreeRe.FindAllStringIndex(clause, -1) {
		end := len(clause)
		if e := fieldEnd.FindStringIndex(clause[m[1]:]); e != nil {
			end = m[1] + e[0]
		}
		out = append(out, degreeField{start: m[1], end: end, alternatives: fieldAlt.MatchString(clause[m[1]:end])})
	}
	return out
}

// optionalSubject reports a mention at rel that is one of several degree
// subjects offered as alternatives.
func (f *clauseFacts) optionalSubject(rel int) bool {
	for _, d := range f.fields {
		if rel >= d.start && rel < d.end {
			return d.alternatives
		}
	}
	return false
}
