package cvparse

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

type sectionKind int

const (
	secHeader sectionKind = iota
	secSummary
	secExperience
	secEducation
	secSkills
	secLanguages
	secProjects
	secCertifications
	secAwards
	secPublications
	secActivities
	secVolunteer
	secContact
	secOther
)

// headingWords maps folded (lower-case, accent-free) heading phrases, EN and
// FR, to sections. A heading line must consist of one of these phrases,
// optionally with a few filler words ("my", "professional", "&"...).
var headingWords = []struct {
	phrase string
	kind   sectionKind
}{
	{"professional summary", secSummary}, {"summary", secSummary}, {"profile", secSummary}, {"about me", secSummary},
	{"objective", secSummary}, {"career objective", secSummary}, {"overview", secSummary},
	{"profil", secSummary}, {"resume", secSummary}, {"a propos", secSummary}, {"a propos de moi", secSummary}, {"objectif", secSummary},
	{"presentation", secSummary},
	{"experience", secExperience}, {"experiences", secExperience}, {"work experience", secExperience},
	{"employment", secExperience}, {"employment history", secExperience}, {"work history", secExperience},
	{"career history", secExperience}, {"professional background", secExperience}, {"work background", secExperience}, {"professional experience", secExperience}, {"relevant experience", secExperience},
	{"experience professionnelle", secExperience}, {"experiences professionnelles", secExperience},
	{"parcours professionnel", secExperience},
	{"education", secEducation}, {"academic background", secEducation}, {"academics", secEducation},
	{"education and training", secEducation}, {"academic qualifications", secEducation},
	{"formation", secEducation}, {"formations", secEducation}, {"parcours academique", secEducation},
	{"diplomes", secEducation}, {"diplomes et formations", secEducation}, {"etudes", secEducation}, {"cursus", secEducation},
	{"skills", secSkills}, {"technical skills", secSkills}, {"core competencies", secSkills}, {"competencies", secSkills},
	{"key skills", secSkills}, {"skills and tools", secSkills}, {"tech stack", secSkills},
	{"competences", secSkills}, {"competences techniques", secSkills}, {"savoir faire", secSkills},
	{"languages", secLanguages}, {"spoken languages", secLanguages}, {"langues", secLanguages}, {"langues parlees", secLanguages},
	{"projects", secProjects}, {"side projects", secProjects}, {"personal projects", secProjects}, {"key projects", secProjects},
	{"projets", secProjects}, {"projets personnels", secProjects}, {"realisations", secProjects},
	{"certifications", secCertifications}, {"certificates", secCertifications}, {"licenses and certifications", secCertifications},
	{"certification", secCertifications},
	{"awards", secAwards}, {"honors", secAwards}, {"honours", secAwards}, {"achievements", secAwards}, {"distinctions", secAwards},
	{"recompenses", secAwards},
	{"publications", secPublications}, {"papers", secPublications},
	{"activities", secActivities}, {"extracurricular activities", secActivities},
	{"activites", secActivities}, {"vie associative", secActivities},
	{"volunteer", secVolunteer}, {"volunteering", secVolunteer}, {"volunteer experience", secVolunteer}, {"benevolat", secVolunteer},
	{"contact", secContact}, {"contact details", secContact}, {"contact information", secContact}, {"coordonnees", secContact},
	{"interests", secOther}, {"hobbies", secOther}, {"centres d interet", secOther}, {"loisirs", secOther},
	{"references", secOther}, {"references available", secOther}, {"informations complementaires", secOther},
	{"additional information", secOther},
}

var headingIndex = func() map[string]sectionKind {
	m := make(map[string]sectionKind, len(headingWords))
	for _, h := range headingWords {
		m[h.phrase] = h.kind
	}
	return m
}()

// fold lower-cases, strips accents and punctuation, and collapses spaces.
func fold(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

var fillerWords = map[string]bool{"my": true, "and": true, "et": true, "mes": true, "de": true, "des": true, "du": true, "other": true, "additional": true, "autres": true, "selected": true}

// headingKind says whether a line is a known section heading.
func headingKind(text string) (sectionKind, bool) {
	t := strings.TrimSpace(text)
	if t == "" || len([]rune(t)) > 48 {
		return 0, false
	}
	if i := strings.IndexAny(t, ":："); i >= 0 && strings.TrimSpace(t[i+1:]) != "" {
		return 0, false // "Skills: Go, SQL" is content, not a heading
	}
	f := fold(t)
	if k, ok := headingIndex[f]; ok {
		return k, true
	}
	var kept []string
	for _, w := range strings.Fields(f) {
		if !fillerWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 || len(kept) > 4 {
		return 0, false
	}
	k, ok := headingIndex[strings.Join(kept, " ")]
	return k, ok
}

// looksLikeUnknownHeading recognises headings we have no word for from the
// layout: a short line, styled as a heading, upper-case, or larger than the
// body text, with no digits and no sentence punctuation.
func looksLikeUnknownHeading(l line, bodySize float64) bool {
	t := strings.TrimSpace(l.text)
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 4 || strings.ContainsAny(t, "0123456789@|,.;/") || l.bullet {
		return false
	}
	letters, upper := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters < 4 {
		return false
	}
	allCaps := upper == letters
	bigger := bodySize > 0 && l.size > bodySize*1.15
	return l.heading || (allCaps && (l.gapBefore || bigger || l.bold)) || (bigger && l.bold)
}

// headingKeywords name a section by one word of a heading we have no
// phrase for ("Where I've worked", "Toolbox", "Languages I speak",
// "Research Experience", "Education & Training"); the first keyword in the
// heading wins.
var headingKeywords = map[string]sectionKind{
	"experience": secExperience, "experiences": secExperience, "employment": secExperience, "worked": secExperience,
	"career": secExperience, "jobs": secExperience, "positions": secExperience, "emplois": secExperience,
	"professionnelle": secExperience, "professionnelles": secExperience, "postes": secExperience,
	"education": secEducation, "studies": secEducation, "academic": secEducation, "degrees": secEducation,
	"qualifications": secEducation, "training": secEducation, "formation": secEducation, "formations": secEducation,
	"diplomes": secEducation, "diplome": secEducation, "etudes": secEducation, "scolarite": secEducation, "cursus": secEducation,
	"skills": secSkills, "toolbox": secSkills, "toolkit": secSkills, "tools": secSkills, "technologies": secSkills,
	"stack": secSkills, "competences": secSkills, "expertise": secSkills, "outils": secSkills, "competencies": secSkills,
	"languages": secLanguages, "language": secLanguages, "langues": secLanguages, "langue": secLanguages,
	"projects": secProjects, "projets": secProjects, "realisations": secProjects,
	"certifications": secCertifications, "certificates": secCertifications, "certificats": secCertifications,
	"awards": secAwards, "honors": secAwards, "honours": secAwards, "prizes": secAwards, "distinctions": secAwards,
	"publications": secPublications, "papers": secPublications,
	"volunteer": secVolunteer, "volunteering": secVolunteer, "benevolat": secVolunteer,
	"interests": secOther, "hobbies": secOther, "loisirs": secOther, "passions": secOther,
	"summary": secSummary, "profile": secSummary, "profil": secSummary, "objective": secSummary,
}

// keywordHeading recognises a heading by a keyword when the line has the
// shape of one: a few words, no digits, no list or sentence punctuation,
// nothing that names a job, degree or school ("Tools Engineer",
// "Master of Education" are entry lines).
func keywordHeading(text string) (sectionKind, bool) {
	t := strings.TrimRight(strings.TrimSpace(text), ":： ")
	if t == "" || len([]rune(t)) > 40 || strings.ContainsAny(t, "0123456789,;@|.:\t") {
		return 0, false
	}
	f := fold(t)
	ws := strings.Fields(f)
	if len(ws) == 0 || len(ws) > 5 {
		return 0, false
	}
	kind, found := sectionKind(0), false
	var rest []string
	for _, w := range ws {
		if k, ok := headingKeywords[w]; ok {
			if !found {
				kind, found = k, true
			}
			continue
		}
		rest = append(rest, w)
	}
	// The words besides the keywords must not name a job, degree or
	// school ("FORMATION & DIPLÔMES" is a heading, "Tools Engineer" not).
	other := strings.Join(rest, " ")
	if !found || titleScore(other)+degreeScore(other)+institutionScore(other)+orgScore(other) > 0 {
		return 0, false
	}
	return kind, true
}

// headingCue is the layout evidence a keyword heading needs: styled as a
// heading, set apart by space, in capitals, larger or bold, or ended by a
// colon.
func headingCue(l line, bodySize float64) bool {
	t := strings.TrimSpace(l.text)
	return l.heading || l.gapBefore || l.bold || (bodySize > 0 && l.size > bodySize*1.15) ||
		strings.HasSuffix(t, ":") || strings.ToUpper(t) == t || titleCase(t) || shortCapitalised(t)
}

// shortCapitalised: at most four words starting with a capital, the shape
// of a sentence-case heading ("Outils et technologies").
func shortCapitalised(t string) bool {
	ws := strings.Fields(t)
	return len(ws) > 0 && len(ws) <= 4 && unicode.IsUpper([]rune(t)[0])
}

// titleCase: every word of three letters or more starts with a capital
// ("Tools & Technologies", "Where I've Worked").
func titleCase(t string) bool {
	n := 0
	for _, w := range strings.Fields(t) {
		r := []rune(w)
		if len(r) < 3 {
			continue
		}
		if !unicode.IsUpper(r[0]) {
			return false
		}
		n++
	}
	return n > 0
}
