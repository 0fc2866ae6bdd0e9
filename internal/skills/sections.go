package skills

import (
	"strings"
)

// Section is the part of a document a mention was found in.
type Section string

// Sections of CVs and job descriptions. SectionNone is text before any
// recognised heading.
const (
	SectionNone             Section = ""
	SectionSummary          Section = "summary"
	SectionExperience       Section = "experience"
	SectionSkills           Section = "skills"
	SectionEducation        Section = "education"
	SectionProjects         Section = "projects"
	SectionCertifications   Section = "certifications"
	SectionLanguages        Section = "languages"
	SectionInterests        Section = "interests"
	SectionRequirements     Section = "requirements"
	SectionNiceToHave       Section = "nice_to_have"
	SectionResponsibilities Section = "responsibilities"
	SectionBenefits         Section = "benefits"
	SectionAbout            Section = "about"
	SectionProcess          Section = "process"
	SectionOther            Section = "other"
)

// headings maps normalised heading text (folded, hyphens as spaces) to the
// section it opens. EN, FR and the German headings common on LinkedIn.
var headings = map[string]Section{
	// CV
	"summary": SectionSummary, "professional summary": SectionSummary, "profile": SectionSummary,
	"professional profile": SectionSummary, "about me": SectionSummary, "profil": SectionSummary,
	"objective": SectionSummary, "career objective": SectionSummary, "objectif": SectionSummary,
	"a propos": SectionSummary, "a propos de moi": SectionSummary, "resume": SectionSummary, "synthese": SectionSummary,
	"experience": SectionExperience, "experiences": SectionExperience, "work experience": SectionExperience,
	"professional experience": SectionExperience, "employment": SectionExperience, "employment history": SectionExperience,
	"work history": SectionExperience, "career history": SectionExperience, "experience professionnelle": SectionExperience,
	"experiences professionnelles": SectionExperience, "parcours professionnel": SectionExperience, "parcours": SectionExperience,
	"berufserfahrung": SectionExperience,
	"skills":          SectionSkills, "technical skills": SectionSkills, "key skills": SectionSkills, "core skills": SectionSkills,
	"core competencies": SectionSkills, "competencies": SectionSkills, "tech stack": SectionSkills, "technologies": SectionSkills,
	"tools": SectionSkills, "technical stack": SectionSkills, "hard skills": SectionSkills, "soft skills": SectionSkills,
	"areas of expertise": SectionSkills, "expertise": SectionSkills, "competences": SectionSkills,
	"competences techniques": SectionSkills, "competences cles": SectionSkills, "outils": SectionSkills,
	"stack technique": SectionSkills, "savoir faire": SectionSkills, "savoir etre": SectionSkills, "qualites": SectionSkills,
	"kenntnisse": SectionSkills, "skills and tools": SectionSkills, "environnement technique": SectionSkills,
	"education": SectionEducation, "formation": SectionEducation, "formations": SectionEducation,
	"diplomes": SectionEducation, "academic background": SectionEducation, "etudes": SectionEducation, "cursus": SectionEducation,
	"education and training": SectionEducation, "ausbildung": SectionEducation,
	"projects": SectionProjects, "personal projects": SectionProjects, "side projects": SectionProjects,
	"projets": SectionProjects, "projets personnels": SectionProjects, "selected projects": SectionProjects,
	"certifications": SectionCertifications, "certificates": SectionCertifications, "certificats": SectionCertifications,
	"licenses and certifications": SectionCertifications, "licenses & certifications": SectionCertifications,
	"languages": SectionLanguages, "langues": SectionLanguages, "language skills": SectionLanguages,
	"competences linguistiques": SectionLanguages, "sprachen": SectionLanguages,
	"interests": SectionInterests, "hobbies": SectionInterests, "centres d'interet": SectionInterests,
	"centres d interet": SectionInterests, "loisirs": SectionInterests, "hobbies and interests": SectionInterests,
	"interets": SectionInterests, "activities": SectionInterests, "activites": SectionInterests,
	"publications": SectionOther, "awards": SectionOther, "references": SectionOther, "volunteering": SectionOther,
	"benevolat": SectionOther,
	// Job descriptions
	"requirements": SectionRequirements, "key requirements": SectionRequirements, "qualifications": SectionRequirements,
	"minimum qualifications": SectionRequirements, "basic qualifications": SectionRequirements,
	"required qualifications": SectionRequirements, "required skills": SectionRequirements, "what you bring": SectionRequirements,
	"what we're looking for": SectionRequirements, "what we are looking for": SectionRequirements,
	"who you are": SectionRequirements, "what you'll bring": SectionRequirements, "what you will bring": SectionRequirements,
	"what you need": SectionRequirements, "what we need": SectionRequirements, "you should have": SectionRequirements, "your profile": SectionRequirements, "about you": SectionRequirements,
	"you have": SectionRequirements, "you bring": SectionRequirements, "must have": SectionRequirements,
	"must haves": SectionRequirements, "your skills": SectionRequirements, "skills and experience": SectionRequirements,
	"profil recherche": SectionRequirements, "votre profil": SectionRequirements, "competences requises": SectionRequirements,
	"competences exigees": SectionRequirements, "prerequis": SectionRequirements, "ce que nous recherchons": SectionRequirements,
	"qualification": SectionRequirements, "qualifikationen": SectionRequirements, "dein profil": SectionRequirements,
	"ihr profil": SectionRequirements, "anforderungen": SectionRequirements,
	"nice to have": SectionNiceToHave, "nice to haves": SectionNiceToHave, "bonus": SectionNiceToHave,
	"bonus points": SectionNiceToHave, "preferred qualifications": SectionNiceToHave, "preferred": SectionNiceToHave,
	"pluses": SectionNiceToHave, "good to have": SectionNiceToHave, "desirable": SectionNiceToHave,
	"atouts": SectionNiceToHave, "les plus": SectionNiceToHave, "competences souhaitees": SectionNiceToHave,
	"un plus": SectionNiceToHave, "wunschenswert": SectionNiceToHave, "les petits plus": SectionNiceToHave,
	"petits plus": SectionNiceToHave, "un atout": SectionNiceToHave, "assets": SectionNiceToHave, "a plus": SectionNiceToHave,
	"extra credit": SectionNiceToHave, "nice to have skills": SectionNiceToHave,
	"responsibilities": SectionResponsibilities, "key responsibilities": SectionResponsibilities,
	"your responsibilities": SectionResponsibilities, "what you'll do": SectionResponsibilities,
	"what you will do": SectionResponsibilities, "your role": SectionResponsibilities, "the role": SectionResponsibilities,
	"about the role": SectionResponsibilities, "your mission": SectionResponsibilities, "missions": SectionResponsibilities,
	"vos missions": SectionResponsibilities, "le poste": SectionResponsibilities, "votre role": SectionResponsibilities,
	"you will": SectionResponsibilities, "aufgaben": SectionResponsibilities, "deine aufgaben": SectionResponsibilities,
	"ihre aufgaben": SectionResponsibilities, "day to day": SectionResponsibilities, "mission": SectionResponsibilities,
	"benefits": SectionBenefits, "what we offer": SectionBenefits, "perks": SectionBenefits, "perks and benefits": SectionBenefits,
	"benefits and perks": SectionBenefits, "avantages": SectionBenefits, "nous offrons": SectionBenefits,
	"ce que nous offrons": SectionBenefits, "why join us": SectionBenefits, "unser angebot": SectionBenefits,
	"we offer": SectionBenefits, "pourquoi nous rejoindre": SectionBenefits, "why us": SectionBenefits,
	"what's in it for you": SectionBenefits, "ce que nous proposons": SectionBenefits, "nous proposons": SectionBenefits, "compensation": SectionBenefits, "remuneration": SectionBenefits,
	"about us": SectionAbout, "who we are": SectionAbout, "about the company": SectionAbout, "the company": SectionAbout,
	"qui sommes nous": SectionAbout, "l'entreprise": SectionAbout, "l entreprise": SectionAbout, "about": SectionAbout,
	"uber uns": SectionAbout, "our company": SectionAbout,
	"hiring process": SectionProcess, "recruitment process": SectionProcess, "interview process": SectionProcess,
	"processus de recrutement": SectionProcess, "how to apply": SectionProcess, "equal opportunity": SectionProcess,
}

// niceCues and mustCues are the wordings that mark a requirement as optional
// or compulsory, matched on normalised text with word boundaries.
var niceCues = []string{
	"nice to have", "a plus", "is a plus", "are a plus", "pluses", "bonus", "preferred", "preferably", "desirable",
	"desired", "ideally", "good to have", "would be great", "is an asset", "an asset", "advantage", "advantageous",
	"optional", "welcome", "not required", "pas exige", "pas exigee", "pas obligatoire", "non obligatoire", "pas indispensable", "non requis", "appreciated", "un plus", "un atout", "atout", "atouts", "apprecie",
	"appreciee", "apprecies", "appreciees", "souhaite", "souhaitee", "souhaites", "souhaitees", "souhaitable",
	"idealement", "de preference", "serait un plus", "est un plus", "vrai plus", "gros plus", "petit plus",
	"big plus", "real plus", "huge plus", "a bonus", "wunschenswert", "von vorteil", "idealerweise",
}

var mustCues = []string{
	"required", "requirement", "requirements", "must", "must have", "mandatory", "essential", "at least", "minimum",
	"we require", "necessary", "requis", "requise", "requises", "exige", "exigee", "exiges", "exigees", "indispensable",
	"obligatoire", "imperatif", "imperative", "necessaire", "au moins", "erforderlich", "voraussetzung", "zwingend",
}

// normLine folds text for cue and heading matching: lower case, no accents,
// hyphens and underscores as spaces, single spaces, padded for word search.
func normLine(s string) string {
	s = fold(s)
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '\t' || r == '/' || r == ',' || r == '(' || r == ')' || r == '.' || r == '!' || r == '*' || r == '•' || r == ':' || r == ';' || r == '"' || r == '?' || r == '[' || r == ']':
			if !space {
				b.WriteByte(' ')
				space = true
			}
		case r == '’':
			b.WriteByte('\'')
			space = false
		default:
			b.WriteRune(r)
			space = false
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

func hasCue(norm string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(norm, " "+c+" ") {
			return true
		}
	}
	return false
}

// heading recognises a heading line. It returns the section, the byte offset
// in line where the section's own content starts (after "Skills:"), and ok.
func heading(line string) (Section, int, bool) {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		return "", 0, false
	}
	head, rest := trimmed, ""
	colon := strings.IndexAny(trimmed, ":：")
	if colon >= 0 {
		head, rest = trimmed[:colon], trimmed[colon+1:]
	}
	// A long line is a heading only as "What we're looking for: …".
	if len(head) > 80 {
		return "", 0, false
	}
	key := strings.TrimSpace(strings.Trim(normLine(head), " #*-•:0123456789"))
	if sec, ok := headings[key]; ok {
		// "Experience" alone, or "Skills: Go, SQL"; a sentence that
		// happens to start with "Experience" is not a heading.
		if colon >= 0 || len(strings.Fields(key)) == len(strings.Fields(normLine(trimmed))) {
			off := strings.Index(line, trimmed)
			if colon >= 0 {
				off += colon + 1
			} else {
				off += len(trimmed)
			}
			return sec, off, true
		}
	}
	// A short line of its own ("Les petits plus", "Rémunération et
	// avantages") opens the part its wording names.
	if colon < 0 && len(strings.Fields(key)) <= 5 && !listItem(trimmed) && !strings.HasSuffix(trimmed, ".") {
		n := normLine(head)
		switch {
		case hasCue(n, niceCues):
			return SectionNiceToHave, len(line), true
		case hasCue(n, offerCues):
			return SectionBenefits, len(line), true
		}
	}
	// "It would be a plus if you have:" and "Required skills:" open lists.
	if colon >= 0 && strings.TrimSpace(rest) == "" && len(strings.Fields(head)) <= 12 {
		n := normLine(head)
		switch {
		case hasCue(n, niceCues):
			return SectionNiceToHave, len(line), true
		case hasCue(n, mustCues):
			return SectionRequirements, len(line), true
		}
	}
	return "", 0, false
}

// listItem reports a list line ("- x", "* x", "• x", "1. x").
func listItem(l string) bool {
	l = strings.TrimSpace(l)
	switch {
	case strings.HasPrefix(l, "- "), strings.HasPrefix(l, "* "), strings.HasPrefix(l, "• "):
		return true
	case len(l) > 2 && l[0] >= '0' && l[0] <= '9' && (l[1] == '.' || l[1] == ')'):
		return true
	}
	return false
}
