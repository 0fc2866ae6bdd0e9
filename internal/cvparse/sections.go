package cvparse

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/text"
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
	// secSoftProse is a Europass soft-skills row written as a sentence
	// ("Communication skills<tab>Good communication skills gained as …"):
	// each of its lines is one soft skill, as written.
	secSoftProse
)

// cvSections maps the text package's CV sections to ours; job-description
// sections ("Missions", "About") are not headings in a CV.
var cvSections = map[text.Section]sectionKind{
	text.Summary: secSummary, text.Experience: secExperience, text.Education: secEducation,
	text.Skills: secSkills, text.Languages: secLanguages, text.Projects: secProjects,
	text.Certifications: secCertifications, text.Awards: secAwards, text.Publications: secPublications,
	text.Activities: secActivities, text.Volunteer: secVolunteer, text.Contact: secContact,
	text.Interests: secOther, text.References: secOther, text.Additional: secOther,
}

// cvSkillHeadings head a CV's skills where a job posting's same words
// ("Atouts", "Assets") list what the employer would like: the text
// package files them under the posting's sections. "Software Skills"
// names a job's word ("Software Engineer") beside its keyword; alone,
// "Software" and French "Informatique" head the programs a CV lists.
// French "Connaissances" and "Aptitudes" head skills as "Compétences"
// does; "Methods" the techniques a researcher or engineer practises.
// "Areas of Practice" lists what a lawyer, a doctor or a consultant
// practises, as "Areas of Expertise" does. (French "Domaines
// d'intervention" is often a paragraph, the summary.)
var cvSkillHeadings = phraseSet(`areas_of_practice fields_of_expertise areas_of_specialisation areas_of_specialization
	atouts mes_atouts points_forts mes_points_forts forces strengths key_strengths core_strengths
	my_strengths assets key_assets software_skills computer_skills it_skills digital_skills software_proficiency
	computer_proficiency competences_informatiques competences_numeriques software informatique skill
	connaissances connaissances_informatiques connaissances_techniques connaissances_bureautiques
	connaissances_professionnelles aptitudes aptitudes_professionnelles aptitudes_techniques
	methods research_methods methodologies methods_and_tools methodes methodologie methodes_et_outils`)

// cvLanguageHeadings head the spoken languages in words the text package
// does not know ("Connaissances linguistiques", "Aptitudes
// linguistiques").
var cvLanguageHeadings = phraseSet(`connaissances_linguistiques aptitudes_linguistiques linguistic_skills`)

// cvRefereeHeadings head the people who vouch for the candidate, British
// and African CVs' word for references ("Non-related referees" in South
// Asia).
var cvRefereeHeadings = phraseSet(`referees referee referees_available_on_request professional_referees non_related_referees
	personnes_de_reference personnes_references references_professionnelles`)

// cvServiceHeadings head an academic's service to the field: reviewing,
// editing, committees, mentoring and outreach ("Service", "Professional
// Service", "Outreach"). Their lines are dated and name roles
// ("2021–present Reviewer for …", "2020–2022 Mentor, …"), but they are
// no jobs.
var cvServiceHeadings = phraseSet(`service professional_service academic_service university_service
	departmental_service service_to_the_profession service_and_outreach service_outreach outreach_and_service outreach
	public_engagement outreach_and_engagement peer_review reviewing editorial_service editorial_work
	editorial_activities reviewing_and_editorial_service`)

// cvPlacementHeadings head the work a student did at an employer as part
// of the course ("On-the-Job Training", "OJT", "Industrial Attachment",
// "Practicum"): jobs, titled and dated at a company, though "Training"
// heads studies elsewhere.
var cvPlacementHeadings = phraseSet(`on_the_job_training on_the_job_trainings ojt on_the_job_training_ojt ojt_experience
	industrial_attachment industrial_training internship internship_experience practicum work_immersion`)

// cvTeachingHeadings head what an academic taught and supervised
// ("Teaching", "Teaching and supervision"): dated lines naming courses,
// degrees ("MSc") and schools, but neither degrees studied nor jobs
// held. "Teaching experience" stays a teacher's jobs.
var cvTeachingHeadings = phraseSet(`teaching teaching_and_supervision teaching_supervision supervision teaching_and_mentoring
	supervision_and_teaching teaching_activities teaching_duties enseignement enseignements activites_d_enseignement
	enseignement_et_encadrement encadrement`)

// teachingKind is the kind of a section headed "Teaching" by what its
// lines hold: courses and degrees taught ("Tutor, Seismology I (MSc)",
// "Co-supervision of 3 PhD students") are activities, never education
// nor jobs; jobs set as teaching with no degree named ("Teaching
// Assistant, University of Leeds") are experience.
func teachingKind(lines []line) sectionKind {
	for _, l := range lines {
		if degreeOnlyScore(l.text) > 0 {
			return secActivities
		}
	}
	if k, ok := contentKind(lines); ok && k != secEducation {
		return k
	}
	return secActivities
}

// cvTalkHeadings head the talks an academic or speaker gave, each dated
// by its year and naming where it was given ("Vector Institute Research
// Symposium"): no degrees, no jobs. A speaker's talks and articles set
// under one heading ("Speaking & Writing") are the same.
var cvTalkHeadings = phraseSet(`talks invited_talks selected_talks conference_talks presentations conference_presentations
	invited_presentations selected_presentations talks_and_presentations presentations_and_talks keynotes invited_lectures
	speaking speaking_engagements speaking_and_writing writing_and_speaking talks_and_writing`)

// cvPersonalHeadings head personal details under a shorter word than the
// text package knows ("Personal" over "Nationality: …", "Visa: …"):
// the contact section's, where personal details are kept apart, not the
// skills or languages listed above them.
var cvPersonalHeadings = phraseSet(`personal personal_info personal_particulars particulars infos_personnelles identite`)

// personalGroup says whether lines[i], "Personal" inside a skills
// section, names a group of skills over the list it heads ("Technical" /
// "AutoCAD  SolidWorks", "Personal" / "Teamwork  Problem solving"), not
// the personal details a section of that name holds: it is set in the
// list, no space nor style of a heading before it, and the line under it
// lists two items or more with no label ("Nationality: …").
func personalGroup(cur sectionKind, lines []line, i int) bool {
	l := lines[i]
	if !skillsLike(cur) || !cvPersonalHeadings[fold(cleanHeading(l.text))] || l.gapBefore || l.heading || l.bold ||
		i+1 >= len(lines) || i == 0 || lines[i-1].x != l.x {
		return false
	}
	next := lines[i+1].text
	return !strings.ContainsAny(next, ":：") && len(splitSkills(next)) >= 2
}

// fold reduces s to its words: lower case, no accents or punctuation.
func fold(s string) string { return text.Key(s) }

var reParenthesised = regexp.MustCompile(`\([^()]*\)`)

var reHeadingNote = regexp.MustCompile(`\s*\([^()]{1,24}\)$`)

var reHeadingNumber = regexp.MustCompile(`^(?:(?:\d{1,2}|[IVX]{1,4})[.)]\s+|` + formPart + `)`)

// formPart is the part of an application form a heading opens ("SECTION
// A: PERSONAL DETAILS", "Part 2 – Employment history", "Rubrique 3 :").
const formPart = `(?i:section|part|partie|rubrique)\s+(?:\d{1,2}|[A-H]|[IVX]{1,4})\s*[.:)\-–—]\s*`

// reFormInstruction is what a form asks after its section's heading
// ("(Start with the highest)", "(Start with the current/last)",
// "(in chronological order)"): no part of the heading.
var reFormInstruction = regexp.MustCompile(`(?i)\s*\((?:start|begin|beginning|list|in|commencer|commencez|par)\b[^()]{0,50}\)$`)

// reWithDates is the note West African CVs add to their education
// headings ("Institutions Attended with Dates", "Qualifications Obtained
// and Dates"): it says how the list is written, not what it holds.
var reWithDates = regexp.MustCompile(`(?i)\s+(?:with|and)\s+(?:the\s+)?dates?$`)

// cleanHeading is the words of a heading without what decorates them: an
// icon before or after ("💼 Work", "\uf0b1 Experience"), a number ("1.
// Experience", "II. Education") and a final colon.
func cleanHeading(s string) string {
	deco := func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) ||
			r == '\ufe0f' || r == '\u200d' || r == ':' || r == '：' || r == '|' || r == '#' || r == '>' || r == '»' ||
			r == '—' || r == '–' || r == '_' || r == '=' || r == '[' || r == ']' || r == '~' || r == '*'
	}
	t := strings.TrimFunc(s, deco)
	if m := reHeadingNumber.FindString(t); m != "" && len(m) < len(t) {
		t = strings.TrimFunc(t[len(m):], deco)
	}
	if loc := reFormInstruction.FindStringIndex(t); loc != nil && loc[0] > 0 {
		t = strings.TrimFunc(t[:loc[0]], deco)
	}
	if loc := reWithDates.FindStringIndex(t); loc != nil && loc[0] > 0 {
		t = strings.TrimFunc(t[:loc[0]], deco)
	}
	return t
}

// headingKind says whether a line is a known section heading.
func headingKind(s string) (sectionKind, bool) {
	if k, ok := formPartHeading(s); ok {
		return k, true
	}
	t := cleanHeading(s)
	if applicationFormTitle(t) {
		return 0, false
	}
	if k, ok := yearsNoteHeading(t); ok {
		return k, true
	}
	if t == "" || len([]rune(t)) > 48 {
		return 0, false
	}
	// "Reference (s)": the plural mark, before it is taken for a note.
	if k, ok := pluralMarkHeading(t); ok {
		return k, true
	}
	// A note after the heading: its count or span ("PROFESSIONAL
	// EXPERIENCE (9 years)", "Publications (12)", "Formation (2015–2020)").
	if m := reHeadingNote.FindStringIndex(t); m != nil && m[0] > 0 {
		if k, ok := headingKind(t[:m[0]]); ok {
			return k, true
		}
	}
	if i := strings.IndexAny(t, ":："); i >= 0 && strings.TrimSpace(t[i+1:]) != "" {
		return 0, false // "Skills: Go, SQL" is content, not a heading
	}
	// "PROFESSIONAL QUALIFICATIONS / REGISTRATION": two headings of one
	// kind set side by side head that kind.
	if k, ok := pairedHeadings(t); ok {
		return k, true
	}
	f, closed := fold(t), closeUpLetters(t)
	if cvSkillHeadings[f] {
		return secSkills, true
	}
	if cvLanguageHeadings[f] {
		return secLanguages, true
	}
	if cvRefereeHeadings[f] || cvServiceHeadings[f] {
		return secOther, true // "REFEREES" after Languages was read as skills
	}
	if cvPersonalHeadings[f] {
		return secContact, true
	}
	if cvPlacementHeadings[f] {
		return secExperience, true
	}
	// "SPEAKING & WRITING": the ampersand, which folding drops, read as
	// the word.
	if cvTalkHeadings[f] || cvTalkHeadings[fold(closed)] || cvTalkHeadings[fold(strings.ReplaceAll(t, "&", "and"))] {
		return secOther, true
	}
	sec, ok := text.Heading(t)
	if !ok {
		// A letter the PDF set apart from its word ("L anguages",
		// "Invited Talk s": kerning read as a space).
		if closed != t {
			sec, ok = text.Heading(closed)
		}
		if !ok {
			if k, ok := spacedCapsHeading(t); ok {
				return k, true
			}
			return joinedHeadings(t)
		}
	}
	k, ok := cvSections[sec]
	return k, ok
}

// pairedHeadings reads a heading written as two known headings joined by
// a slash: their kind when they agree.
func pairedHeadings(t string) (sectionKind, bool) {
	a, b, found := strings.Cut(t, " / ")
	if !found || strings.Contains(b, " / ") {
		return 0, false
	}
	ka, oka := headingKind(a)
	kb, okb := headingKind(b)
	return ka, oka && okb && ka == kb
}

// joinedHeadings reads a heading of two headings of one kind joined by
// "&" or "and", one we know and one we know a keyword of
// ("PROFESSIONAL QUALIFICATIONS & SHORT COURSES"): too long for a
// keyword heading, it heads that kind. Two kinds of what a CV lists
// beside its jobs and studies ("Professional Qualifications and
// Memberships") head the first, as a keyword heading's first keyword
// does: either way its dated lines are no jobs.
func joinedHeadings(t string) (sectionKind, bool) {
	for _, sep := range []string{" & ", " and ", " AND "} {
		a, b, found := strings.Cut(t, sep)
		if !found || strings.Contains(b, sep) {
			continue
		}
		ka, knownA := headingKind(a)
		kb, knownB := headingKind(b)
		oka, okb := knownA, knownB
		if !oka {
			ka, oka = keywordHeading(a)
		}
		if !okb {
			kb, okb = keywordHeading(b)
		}
		return ka, oka && okb && (ka == kb || sideLists[ka] && sideLists[kb]) && (knownA || knownB)
	}
	return 0, false
}

// sideLists are the kinds of section that list what a CV holds beside its
// jobs and studies: qualifications, awards, memberships, publications.
var sideLists = map[sectionKind]bool{secCertifications: true, secAwards: true, secPublications: true, secActivities: true, secVolunteer: true}

// closeUpLetters joins a lone letter to the word it was cut from: a
// capital before a lower-case rest ("L anguages"), a lower-case letter
// after a word ("Talk s").
func closeUpLetters(t string) string {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > 5 {
		return t
	}
	var out []string
	for i := 0; i < len(ws); i++ {
		r := []rune(ws[i])
		lone := len(r) == 1 && unicode.IsLetter(r[0])
		caps := func(w string) bool { return strings.ToUpper(w) == w && strings.ToLower(w) != w }
		switch {
		case lone && unicode.IsUpper(r[0]) && len(out) > 0 && i+1 < len(ws) && caps(out[len(out)-1]) && caps(ws[i+1]):
			out[len(out)-1] += ws[i] + ws[i+1] // "COORDONN É ES": an accented capital set apart
			i++
		case lone && unicode.IsUpper(r[0]) && i+1 < len(ws) && unicode.IsLower([]rune(ws[i+1])[0]):
			out = append(out, ws[i]+ws[i+1])
			i++
		case lone && unicode.IsLower(r[0]) && len(out) > 0 && unicode.IsLetter([]rune(out[len(out)-1])[0]):
			out[len(out)-1] += ws[i]
		default:
			out = append(out, ws[i])
		}
	}
	return strings.Join(out, " ")
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
	// "Période<tab>Entreprise<tab>Poste<tab>Lieu": a table's row of
	// column headings, styled as a heading, heads the table's columns,
	// not a section.
	if columnHeads(t) != nil {
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

// keywordHeading recognises a heading by a keyword when the line has the
// shape of one: a few words, no digits, no list or sentence punctuation,
// nothing that names a job, degree or school ("Tools Engineer",
// "Master of Education" are entry lines).
func keywordHeading(s string) (sectionKind, bool) {
	t := cleanHeading(s)
	// "GUEST EXPERIENCE · FRONT OFFICE", a photo's caption: phrases set
	// apart by a middle dot, as by a bar, are a tagline, no heading.
	if t == "" || applicationFormTitle(t) || len([]rune(t)) > 40 || strings.ContainsAny(t, "0123456789;@|.:\t·") {
		return 0, false
	}
	// "First Class Honours" under a degree is its class, no awards.
	if reHonoursClass.MatchString(t) {
		return 0, false
	}
	f := fold(t)
	ws := strings.Fields(f)
	if len(ws) == 0 || len(ws) > 5 {
		return 0, false
	}
	// A keyword only inside brackets details an item ("TNI (SMART
	// Board)", "Python (Data Science)"); a heading names its section
	// outside them ("Experience (9 years)").
	if bare := strings.Fields(fold(reParenthesised.ReplaceAllString(t, " "))); len(bare) < len(ws) &&
		!slices.ContainsFunc(bare, func(w string) bool { _, ok := keywordKind(w); return ok }) {
		return 0, false
	}
	// The first keyword names the section, unless it only qualifies a
	// later one ("Academic Appointments", "Academic Projects").
	kind, found, modifier := sectionKind(0), false, false
	var rest []string
	// "Professional Training / Licence": a licence beside another
	// keyword; otherwise a French degree ("Licence de chimie") or a
	// driving licence.
	licence := slices.ContainsFunc(ws, func(w string) bool { _, ok := keywordKind(w); return ok })
	for i, w := range ws {
		k, ok := keywordKind(w)
		if singularLicence[w] && licence {
			k, ok = secCertifications, true
		}
		// "Early Career", "Mid-Career": a stage of a career names an
		// award or grant ("… Early Career Fellowship, 2021"), no section.
		if i > 0 && careerStages[ws[i-1]] && k == secExperience {
			ok = false
		}
		if ok {
			if !found || modifier && !modifierKeywords[w] {
				kind, found, modifier = k, true, modifierKeywords[w]
			}
			continue
		}
		rest = append(rest, w)
	}
	// Commas list sections ("Grants, Fellowships and Awards"), not
	// skills ("Python, SQL"): every other word is a filler.
	if strings.Contains(t, ",") && !allFillers(rest) {
		return 0, false
	}
	// The words besides the keywords must not name a job, degree or
	// school ("FORMATION & DIPLÔMES" is a heading, "Tools Engineer" not).
	// Nor a spoken language: "Français — langue maternelle" is a
	// language and its level.
	other := strings.Join(rest, " ")
	if !found || slices.ContainsFunc(rest, isSpoken) || degreeScore(other)+institutionScore(other) > 0 {
		return 0, false
	}
	// A list's keyword last ("Software Skills", "Engineering Skills"):
	// the words before it say what the list is about, no job or employer.
	if !listKeywords[ws[len(ws)-1]] && titleScore(other)+orgScore(other) > 0 {
		return 0, false
	}
	if kind == secEducation && courseHeading(ws) {
		kind = secCertifications
	}
	return kind, true
}

var singularLicence = wordSet(`licence license`)

var careerStages = wordSet(`early mid late`)

// courseHeading: education called continuing or complementary, or
// training named beside certificates, heads short courses, not degrees
// ("Formations continues", "Continuing education", "Training &
// certificates"); "Training" alone, "Education and training" or
// "Formation et certifications" (French "formation" is the usual word
// for degrees) still head degrees, as does education called initial
// beside continuing ("Formation initiale et continue"): degrees first.
func courseHeading(ws []string) bool {
	training, degrees, qualified, certs := false, false, false, false
	for _, w := range ws {
		k, ok := keywordKind(w)
		switch {
		case initialWords[w]:
			return false
		case trainingWords[w]:
			training = true
		case courseQualifiers[w]:
			qualified = true
		case ok && k == secEducation:
			degrees = true
		case ok && k == secCertifications:
			certs = true
		}
	}
	return qualified && (training || degrees) || certs && training && !degrees
}

var (
	trainingWords    = wordSet(`training trainings`)
	courseQualifiers = wordSet(`continue continues continuing complementaire complementaires complementary`)
	initialWords     = wordSet(`initiale initiales initial`)
)

// listKeywords name a list of skills; last in a heading, the words
// before them qualify the skills ("Software Skills"). Projects are no
// such list: "Chargée de projets" is a job.
var listKeywords = wordSet(`skills competences competencies technologies`)

// modifierKeywords are heading keywords that qualify another one
// ("Board Certifications" lists certificates).
var modifierKeywords = wordSet(`academic professionnelle professionnelles board boards`)

// headingFillerWords join the keywords of a heading.
var headingFillerWords = wordSet(`and et & of de des du my mes selected other autres`)

func allFillers(ws []string) bool {
	for _, w := range ws {
		if !headingFillerWords[w] {
			return false
		}
	}
	return true
}

// headingCue is the layout evidence a keyword heading needs: styled as a
// heading, set apart by space, in capitals, larger or bold, or ended by a
// colon. Capitalised words alone are enough but for a line whose keyword
// is followed by a complement naming something else ("Éducation
// thérapeutique du patient", "Formation des nouveaux arrivants"): a list
// item in sentence case, where "Domaines de compétence" is a heading.
func headingCue(l line, bodySize float64) bool {
	t := strings.TrimSpace(l.text)
	if l.heading || l.gapBefore || l.bold || (bodySize > 0 && l.size > bodySize*1.15) ||
		strings.HasSuffix(t, ":") || strings.ToUpper(t) == t {
		return true
	}
	return (titleCase(t) || shortCapitalised(t)) && !complementOfOther(t)
}

// complementOfOther: after a "de", "du" or "des" comes a word that is
// neither a heading keyword nor one joining them.
func complementOfOther(t string) bool {
	after := false
	for _, w := range strings.Fields(fold(cleanHeading(t))) {
		switch _, kw := keywordKind(w); {
		case w == "de" || w == "du" || w == "des" || w == "d":
			after = true
		case after && !kw && !headingFillerWords[w] && w != "la" && w != "l":
			return true
		}
	}
	return false
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

// keywordKind says which section a heading keyword names ("Toolbox",
// "Where I've worked").
func keywordKind(w string) (sectionKind, bool) {
	sec, ok := text.HeadingKeyword(w)
	if !ok {
		return 0, false
	}
	k, ok := cvSections[sec]
	return k, ok
}

// headingShaped is the shape of a heading whose words we may not know: a
// few words with no digits or list punctuation, starting with a capital,
// set apart by space or styled as a heading, and not the last line.
func headingShaped(l line, bodySize float64) bool {
	t := cleanHeading(l.text)
	ws := strings.Fields(t)
	if l.bullet || len(ws) == 0 || len(ws) > 5 || len([]rune(t)) > 40 || strings.ContainsAny(t, "0123456789,;@|()/\t") ||
		strings.HasSuffix(t, ".") || !unicode.IsUpper([]rune(t)[0]) {
		return false
	}
	// A colon inside a plain line ("Place : Pune") parts a label from its
	// value: a form's row, no heading (cleanHeading drops a heading's own
	// colon; a job portal sets "Specialization: Fields of …" in bold).
	if strings.ContainsAny(t, ":：") && !l.bold && !l.heading {
		return false
	}
	bigger := bodySize > 0 && l.size > bodySize*1.15
	return l.gapBefore || l.heading || l.bold || bigger || strings.HasSuffix(strings.TrimSpace(l.text), ":")
}

// contentKind says which section a run of lines is by what it holds, for
// a heading we have no word for ("What I've done", "Things I know"):
// dated entries naming jobs and employers are experience, dated entries
// naming degrees and schools are education, lines naming jobs each dated
// by a single date (talks, grants) are some other section, short lists of spoken
// languages are languages, other short lists without dates are skills.
// Anything else (a patent, a talk, a paragraph) is not decided here.
func contentKind(lines []line) (sectionKind, bool) {
	units := toUnits(lines)
	if len(units) == 0 {
		return 0, false
	}
	var dated, ranged, job, edu, long, items, spoken, wordy int
	for _, u := range units {
		// An e-mail address: the lines are contact details under a
		// name or headline set as a heading, no section.
		if reEmail.MatchString(u.text) {
			return 0, false
		}
		if u.dated {
			dated++
		}
		if dr, ok := findDateRange(u.text); ok && dr.end != "" && !sinceInSentence(u.text, dr) {
			ranged++
		}
		// A line naming a degree is education whatever else it names
		// ("Bachelor of Engineering in Software Engineering"); then one
		// naming a job is experience, a school included ("Teaching
		// Assistant, University of Leeds"); then a school or an employer.
		switch {
		case u.bullet:
		case degreeOnlyScore(u.text) > 0:
			edu++
		case titleScore(u.text) > 0:
			job++
		case institutionScore(u.text) > 0:
			edu++
		case orgScore(u.text) > 0:
			job++
		}
		its := splitSkills(u.text)
		// A long line is prose unless it is a list ("Langages et
		// frameworks – GraphQL, TensorFlow, Python et Java").
		if isLong(u.text) && len(its) < 3 {
			long++
		}
		items += len(its)
		for _, it := range its {
			if isSpoken(it) {
				spoken++
			}
			// Details in parentheses do not make a skill wordy ("SQL
			// (PostgreSQL, BigQuery): 4 years").
			if len(strings.Fields(reParenthesised.ReplaceAllString(it, ""))) > 4 {
				wordy++
			}
		}
	}
	switch {
	case dated > 0 && edu > job:
		return secEducation, true
	case dated > 0 && job > 0 && ranged == 0:
		// Talks, awards and grants are dated by a year each; a job
		// runs from one date to another.
		return secOther, true
	case dated > 0 && job > 0:
		return secExperience, true
	case dated > 0 || long > 0 || wordy > 0 || items < 2:
		return 0, false
	case 2*spoken > items:
		return secLanguages, true
	}
	return secSkills, true
}

// itemInList says whether line i is set as one more item of the list
// above it: no style, space or capitals of its own to set it apart, at
// the item above's indent and size. "Client education" at the end of a
// list of clinical skills names a skill, whatever its keyword.
func itemInList(lines []line, i int, bodySize float64) bool {
	if i == 0 {
		return false
	}
	l, prev := lines[i], lines[i-1]
	t := strings.TrimSpace(l.text)
	apart := l.heading || l.gapBefore || l.bold || (bodySize > 0 && l.size > bodySize*1.15) ||
		strings.HasSuffix(t, ":") || strings.ToUpper(t) == t
	// Positions and sizes come from a PDF's floating-point text matrix:
	// two lines of one list may differ in the sixth decimal.
	return !apart && !prev.heading && !prev.bold && math.Abs(prev.x-l.x) < 0.5 && math.Abs(prev.size-l.size) < 0.05
}

// sinceInSentence: a "since" date told inside a sentence ("Bénévole à la
// maison de quartier (aide aux devoirs), depuis 2017.", "member of the
// board (elected since 2019); …."): lower-case words before it and a full
// stop at the end make it something the line tells, as a membership or
// a volunteer role is, not a job's date range set apart.
func sinceInSentence(t string, dr dateRange) bool {
	if !reSince.MatchString(t[dr.at:]) || !endsSentence(t) {
		return false
	}
	return lowerWords(strings.Fields(t[:dr.at])) > 0
}

// reApplicationForm is the title of an application form ("APPLICATION
// FOR EMPLOYMENT", "Job Application Form", "Formulaire de candidature"):
// it names the document, as "Curriculum Vitae" does, and heads no
// section, whatever word of work it holds.
var reApplicationForm = regexp.MustCompile(`(?i)^(?:(?:job|employment|staff)\s+)?application\s+(?:form|for\s+(?:employment|appointment|the\s+post\s+of\b.*))$|` +
	`^(?:formulaire|fiche|dossier)\s+de\s+candidature$|^demande\s+d['’]emploi$`)

func applicationFormTitle(t string) bool { return reApplicationForm.MatchString(strings.TrimSpace(t)) }

var reFormPartStart = regexp.MustCompile(`^` + formPart)

// formPartHeading reads the heading of an application form's part
// ("SECTION C: PROFESSIONAL QUALIFICATIONS / REGISTRATION", "Part 4 –
// Referees"): the part's number says it is a heading, however long its
// words; they say which section, the first of them that names one, and a
// part in capitals whose words name none ("SECTION G: DECLARATION")
// still closes the part before it.
func formPartHeading(s string) (sectionKind, bool) {
	if !reFormPartStart.MatchString(strings.TrimSpace(s)) {
		return 0, false
	}
	t := cleanHeading(s)
	if t == "" || len([]rune(t)) > 64 || strings.ContainsAny(t, "0123456789@\t") {
		return 0, false
	}
	for _, p := range reHeadingParts.Split(t, -1) {
		if k, ok := headingKind(p); ok {
			return k, true
		}
		if k, ok := keywordHeading(p); ok {
			return k, true
		}
	}
	return secOther, strings.ToUpper(t) == t
}

// reHeadingParts parts the headings a form's part joins ("Professional
// qualifications / Registration", "Referees and declaration").
var reHeadingParts = regexp.MustCompile(`(?i)\s*(?:/|&|\band\b|\bet\b)\s*`)
