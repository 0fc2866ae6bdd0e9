package text

import "strings"

// Section is what a heading opens: a part of a CV or of a job description.
// Packages map these to their own, often coarser, section sets.
type Section string

// CV sections.
const (
	Summary        Section = "summary"
	Experience     Section = "experience"
	Education      Section = "education"
	Skills         Section = "skills"
	Languages      Section = "languages"
	Projects       Section = "projects"
	Certifications Section = "certifications"
	Awards         Section = "awards"
	Publications   Section = "publications"
	Activities     Section = "activities"
	Volunteer      Section = "volunteer"
	Contact        Section = "contact"
	Interests      Section = "interests"
	References     Section = "references"
	Additional     Section = "additional"
)

// Job-description sections.
const (
	Requirements     Section = "requirements"
	NiceToHave       Section = "nice_to_have"
	Responsibilities Section = "responsibilities"
	Benefits         Section = "benefits"
	About            Section = "about"
	Process          Section = "process"
)

// headingPhrases are the headings of CVs and job descriptions, English,
// French and the German ones common on LinkedIn, as written. They are
// matched by Key, so case, accents and punctuation do not matter.
var headingPhrases = map[Section][]string{
	Summary: {"summary", "professional summary", "profile", "professional profile", "about me", "objective",
		"career objective", "career summary", "overview", "profil", "résumé", "à propos", "à propos de moi", "objectif",
		"présentation", "synthèse", "sommaire", "sommaire professionnel"},
	Experience: {"experience", "experiences", "work experience", "professional experience", "relevant experience",
		"employment", "employment history", "work history", "career history", "professional background",
		"work background", "expérience professionnelle", "expériences professionnelles", "parcours professionnel",
		"parcours", "berufserfahrung",
		// Seafarers list their contracts as sea service.
		"sea service", "sea services", "sea experience", "sea going experience", "seagoing experience",
		"sea going service", "seagoing service", "sea service record", "record of sea service", "sea time",
		"shipboard experience", "onboard experience", "service en mer", "expérience en mer", "expérience maritime"},
	Education: {"education", "academic background", "academics", "education and training", "academic qualifications",
		"academic qualification", "educational background", "educational attainment", "formation", "formations", "parcours académique", "diplômes", "diplômes et formations", "études", "cursus",
		"where i studied", "ausbildung"},
	Skills: {"skills", "technical skills", "key skills", "core skills", "core competencies", "competencies",
		"skills and tools", "tech stack", "technical stack", "technologies", "tools", "computer skills", "it skills", "hard skills", "soft skills",
		"areas of expertise", "expertise", "compétences", "compétences techniques", "compétences clés", "outils",
		"stack technique", "technical proficiencies", "proficiencies", "what i work with", "domaines de compétence", "domaines de compétences",
		"logiciels maîtrisés", "outils maîtrisés", "savoir-faire", "savoir-être", "qualités", "environnement technique", "kenntnisse"},
	Languages: {"languages", "spoken languages", "language skills", "langues", "langues parlées",
		"compétences linguistiques", "sprachen"},
	Projects: {"projects", "side projects", "personal projects", "key projects", "selected projects", "projets",
		"projets personnels", "réalisations"},
	Certifications: {"certifications", "certification", "certificates", "licenses and certifications",
		"licenses & certifications", "licences and certifications", "licences & certifications", "licences", "licenses",
		"certifications and licences", "certifications & licences", "certificats", "professional qualifications", "professional certifications",
		"professional certification", "professional certificate", "professional certificates", "professional license", "professional licence", "trainings and certifications", "trainings & certifications",
		"training and certifications", "trainings", "seminars and trainings",
		"brevets et formations", "formations et brevets", "brevets et certifications", "brevets et attestations",
		"designations", "professional designations", "registration", "registrations", "professional registration",
		"professional registrations", "registration and licensing", "registrations and licences",
		"perfectionnement", "perfectionnement professionnel", "agrément et perfectionnement", "agrément", "agréments",
		// French CVs of West and Central Africa head their short
		// courses "Attestations et stages de perfectionnement".
		"attestations", "stages de perfectionnement", "attestations et stages de perfectionnement",
		"attestations et formations", "attestations et certificats",
		"continuing professional development", "professional development", "cpd",
		// The electrical clearances French technicians hold ("Habilitation :
		// B2V-BR") are licences.
		"habilitation", "habilitations", "habilitations électriques"},
	Awards:       {"awards", "honors", "honours", "achievements", "distinctions", "récompenses"},
	Publications: {"publications", "papers"},
	Activities: {"activities", "extracurricular activities", "extra-curricular activities", "co-curricular activities",
		"extracurricular", "extra-curricular", "co-curricular", "cocurricular", "activités", "vie associative",
		"activités associatives", "activités extrascolaires", "activités extra-scolaires", "activités parascolaires",
		"activités extra-professionnelles", "activités extraprofessionnelles", "extra-professional activities",
		"positions of responsibility", "position of responsibility", "positions of responsibilities"},
	Volunteer: {"volunteer", "volunteering", "volunteer experience", "bénévolat", "engagement", "engagements", "engagement associatif", "engagements associatifs", "community engagement", "community service", "community involvement", "community", "implication", "implication communautaire", "implication sociale"},
	Contact: {"contact", "contact details", "contact information", "coordonnées", "personal information", "personal details", "personal data", "informations personnelles", "données personnelles", "état civil", "renseignements personnels",
		"links", "liens", "online profiles", "web links", "websites", "social media", "online presence", "réseaux sociaux"},
	Interests:  {"interests", "hobbies", "hobbies and interests", "centres d'intérêt", "intérêts", "loisirs", "off the clock", "outside work", "outside of work", "beyond work"},
	References: {"references", "references available", "character references"},
	Additional: {"additional information", "informations complémentaires", "other", "others", "other information",
		"miscellaneous", "misc", "divers", "autres", "autres informations"},

	Requirements: {"requirements", "key requirements", "qualifications", "qualification", "minimum qualifications",
		"basic qualifications", "required qualifications", "required skills", "what you bring",
		"what we're looking for", "what we are looking for", "who you are", "what you'll bring", "what you will bring", "what you need", "what we need",
		"you should have", "your profile", "about you", "you have",
		"you bring", "must have", "must haves", "your skills", "skills and experience", "profil recherché",
		"votre profil", "compétences requises", "compétences exigées", "prérequis", "ce que nous recherchons",
		"qualifikationen", "dein profil", "ihr profil", "anforderungen"},
	NiceToHave: {"nice to have", "nice to haves", "bonus", "bonus points", "preferred qualifications", "preferred",
		"pluses", "good to have", "desirable", "atouts", "les plus", "compétences souhaitées", "un plus",
		"wünschenswert", "les petits plus", "petits plus", "un atout", "assets", "a plus", "extra credit",
		"nice to have skills"},
	Responsibilities: {"responsibilities", "key responsibilities", "your responsibilities", "what you'll do",
		"what you will do", "your role", "the role", "about the role", "your mission", "mission", "missions",
		"vos missions", "le poste", "votre rôle", "you will", "day to day", "aufgaben", "deine aufgaben",
		"ihre aufgaben"},
	Benefits: {"benefits", "what we offer", "we offer", "perks", "perks and benefits", "benefits and perks",
		"avantages", "nous offrons", "ce que nous offrons", "why join us", "pourquoi nous rejoindre", "why us",
		"what's in it for you", "ce que nous proposons", "nous proposons", "compensation", "rémunération",
		"unser angebot"},
	About: {"about us", "who we are", "about the company", "the company", "our company", "about",
		"qui sommes-nous", "l'entreprise", "über uns"},
	Process: {"hiring process", "recruitment process", "interview process", "processus de recrutement",
		"how to apply", "equal opportunity"},
}

var headingIndex = func() map[string]Section {
	m := make(map[string]Section)
	for sec, phrases := range headingPhrases {
		for _, p := range phrases {
			k := Key(p)
			if prev, dup := m[k]; dup && prev != sec {
				panic("text: heading " + p + " names two sections")
			}
			m[k] = sec
		}
	}
	return m
}()

// headingFillers may surround a heading phrase: "My Skills", "Other
// Projects", "Projets et réalisations".
var headingFillers = map[string]bool{"my": true, "and": true, "et": true, "mes": true, "de": true, "des": true,
	"du": true, "other": true, "additional": true, "autres": true, "selected": true}

// Heading says which section a heading opens when s is one of the known
// phrases, alone or with a few filler words ("My Skills", "Autres
// projets"). s is the heading text only: callers decide what a heading line
// looks like.
func Heading(s string) (Section, bool) {
	k := Key(s)
	if sec, ok := headingIndex[k]; ok {
		return sec, true
	}
	var kept []string
	for _, w := range strings.Fields(k) {
		if !headingFillers[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 || len(kept) > 4 {
		return "", false
	}
	sec, ok := headingIndex[strings.Join(kept, " ")]
	return sec, ok
}

// headingKeywords name a section by one word of a heading there is no
// phrase for ("Where I've worked", "Toolbox", "Languages I speak",
// "Research Experience", "Education & Training"), as keys.
var headingKeywords = map[string]Section{
	"experience": Experience, "experiences": Experience, "employment": Experience, "worked": Experience,
	"career": Experience, "jobs": Experience, "positions": Experience, "emplois": Experience,
	"professionnelle": Experience, "professionnelles": Experience, "postes": Experience,
	"internships": Experience, "stages": Experience, "appointments": Experience, "appointment": Experience,
	"education": Education, "educational": Education, "schooling": Education, "studies": Education, "academic": Education, "degrees": Education,
	"qualifications": Education, "training": Education, "formation": Education, "formations": Education,
	"diplomes": Education, "diplome": Education, "etudes": Education, "scolarite": Education, "cursus": Education,
	"skills": Skills, "toolbox": Skills, "toolkit": Skills, "tools": Skills, "technologies": Skills,
	"stack": Skills, "competences": Skills, "expertise": Skills, "outils": Skills, "competencies": Skills,
	"proficiencies": Skills,
	"languages":     Languages, "language": Languages, "langues": Languages, "langue": Languages,
	"projects": Projects, "projets": Projects, "realisations": Projects,
	// "Training & Certification": the singular heads them too.
	"certifications": Certifications, "certification": Certifications, "certificates": Certifications, "certificats": Certifications,
	"courses": Certifications, "tickets": Certifications, "licences": Certifications, "licenses": Certifications,
	"seminars": Certifications, "trainings": Certifications, "workshops": Certifications, "seminaires": Certifications,
	// "Registration & Training": a professional body's registration
	// (nurses, social workers, engineers) heads licences.
	"registration": Certifications, "registrations": Certifications,
	"awards": Awards, "honors": Awards, "honours": Awards, "prizes": Awards, "distinctions": Awards,
	"grants": Awards, "fellowships": Awards, "scholarships": Awards, "bourses": Awards, "prix": Awards,
	"publications": Publications, "papers": Publications,
	// Seats on boards and committees, and memberships, are no jobs
	// ("Board & Community", "Board & Professional Activities").
	"board": Activities, "boards": Activities, "directorships": Activities, "memberships": Activities,
	"affiliations": Activities, "committees": Activities,
	"volunteer": Volunteer, "volunteering": Volunteer, "benevolat": Volunteer, "engagements": Volunteer, "implication": Volunteer,
	"interests": Interests, "additional": Additional, "hobbies": Interests, "loisirs": Interests, "passions": Interests,
	"summary": Summary, "profile": Summary, "profil": Summary, "objective": Summary,
}

// HeadingKeyword says which section the word w (a Key) names when it
// appears in a CV heading that is not a known phrase.
func HeadingKeyword(w string) (Section, bool) {
	sec, ok := headingKeywords[w]
	return sec, ok
}
