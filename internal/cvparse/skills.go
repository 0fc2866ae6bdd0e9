package cvparse

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/cv"
)

var (
	spokenLanguages = phraseSet(`english french spanish german italian portuguese arabic chinese mandarin cantonese japanese korean
		russian hindi urdu bengali turkish dutch polish swedish norwegian danish finnish greek hebrew persian farsi swahili
		romanian czech hungarian ukrainian vietnamese thai indonesian malay tamil berber tamazight bangla
		irish gaelic scottish_gaelic welsh catalan basque galician icelandic estonian latvian lithuanian slovak slovenian
		croatian serbian bulgarian albanian armenian georgian kurdish punjabi gujarati marathi telugu kannada malayalam
		tagalog filipino amharic somali hausa yoruba igbo zulu wolof lingala bambara
		kiswahili luganda acholi runyankole kinyarwanda kirundi kikuyu luo shona ndebele xhosa afrikaans sesotho setswana
		tigrinya oromo malagasy twi akan ewe fula fulani pulaar sango dioula baoule baoulé
		isizulu isixhosa isindebele siswati sepedi tshivenda xitsonga chichewa nyanja bemba lozi kalenjin luhya fante fanti krio
		nepali sinhala sinhalese burmese khmer lao mongolian kazakh uzbek azerbaijani pashto dari
		bahasa_melayu bahasa_indonesia bahasa_malaysia hokkien hakka cebuano maltese luxembourgish yiddish creole créole
		anglais français francais espagnol allemand italien portugais arabe chinois japonais coréen russe turc néerlandais
		polonais suédois grec hébreu persan roumain ukrainien vietnamien irlandais gallois catalan basque
		malgache comorien peul haoussa swahili kabyle berbère amazigh darija hindi ourdou tamoul cantonais thaï indonésien
		malais danois norvégien finnois tchèque croate serbe bulgare albanais arménien hongrois breton corse occitan
		flamand luxembourgeois lingala maori māori te_reo te_reo_maori te_reo_māori samoan tongan fijian
		pidgin nigerian_pidgin pidgin_english efik ibibio ijaw izon kalabari tiv urhobo edo nupe kanuri
		javanese sundanese balinese`)
	toolWords = phraseSet(`docker kubernetes k8s git github gitlab bitbucket jira confluence terraform ansible jenkins aws gcp azure
		linux unix bash grafana prometheus kafka figma tableau power_bi excel photoshop illustrator postman vscode intellij
		eclipse slack trello notion heroku vercel netlify circleci travis github_actions helm vagrant nginx apache sap
		salesforce matlab spss sketch`)
	softWords = phraseSet(`communication teamwork leadership autonomy autonomie rigueur adaptability adaptabilité creativity
		créativité organisation organization mentoring negotiation négociation problem_solving travail_en_équipe
		time_management esprit_d'équipe curiosity curiosité empathy empathie critical_thinking public_speaking
		collaboration`)
	reLevel = regexp.MustCompile(`\s*(?:\(.*\)|[-–—:]\s+.*)$`)
)

// skillCategory maps a label ("Programming:", "Outils :") to a category.
func skillCategory(label string) string {
	f := fold(label)
	switch {
	case (strings.Contains(f, "soft") && !strings.Contains(f, "software")) || strings.Contains(f, "savoir etre") || strings.Contains(f, "qualit") ||
		strings.Contains(f, "interpersonal") || strings.Contains(f, "personal"):
		return "soft"
	case strings.Contains(f, "tool") || strings.Contains(f, "outil") || strings.Contains(f, "devops") ||
		strings.Contains(f, "cloud") || strings.Contains(f, "software") || strings.Contains(f, "logiciel") || strings.Contains(f, "platform"):
		return "tools"
	case f == "languages" || f == "langues" || strings.Contains(f, "spoken") || strings.Contains(f, "parlees"):
		return "languages?"
	case f == "other" || f == "autres" || strings.Contains(f, "interest"):
		return "other"
	}
	return "technical"
}

// parseSkills reads a skills section: labelled lines ("Tools: Git,
// Docker", "Cloud – AWS, GCP"), a group name on its own line above its
// list ("Backend" / "Go, Python"), bullet lists and plain separated lists.
// Labelled lines that are no skills ("Hobbies: chess, reading") are
// returned as title and text.
func parseSkills(lines []line, s *cv.Skills) (others [][2]string) {
	units := chipGrid(joinWrappedLabelled(skillUnits(labelsApart(joinWrappedList(groupedLists(labelledColumns(skillColumns(joinWrappedFirstCells(joinWrappedRowValue(lines))))))))))
	perLine := onePerLine(units)
	group := ""
	var last *string // the skill added last, for a level on the line under it
	pastimes := -1   // others' index of an interests heading read into the list, the lines under it its text
	for i, u := range units {
		t := u.text
		cat := ""
		if u.whole {
			last = addSkill(s, "soft", strings.TrimSpace(t))
			continue
		}
		// "Excel avancé<tab>CENTRES D'INTÉRÊT" / "Randonnée, lecture":
		// a grid's other column heads the pastimes; the lines under it
		// are theirs.
		if pastimes >= 0 && !strings.Contains(t, "\t") {
			others[pastimes][1] = strings.TrimSpace(others[pastimes][1] + " " + strings.TrimSpace(t))
			continue
		}
		if head, cell, ok := strings.Cut(t, "\t"); ok && !strings.Contains(cell, "\t") && interestsHeading(cell) {
			others = append(others, [2]string{cleanHeading(cell), ""})
			pastimes = len(others) - 1
			t = head
		}
		// "Python" / "Expert", "English" / "C2": a level alone on its line
		// is the level of the skill above it.
		if last != nil && !strings.Contains(*last, "(") && !strings.ContainsAny(t, ",;|·•\t") && isLevel(t) && !isSpoken(t) {
			if lv := strings.TrimSpace(strings.Trim(t, "()")); strings.Trim(lv, "★☆●○◐◯⬤■□▪▫") != "" {
				*last += " (" + lv + ")"
			}
			continue
		}
		// "Permis B et C", "Driving licence: B, C", "Permis<tab>B": a
		// driving licence is one item, its classes with it.
		if reLicence.MatchString(t) && len(strings.Fields(t)) <= 8 {
			last = addSkill(s, "other", strings.Join(strings.Fields(reLicenceSep.ReplaceAllString(t, " ")), " "))
			continue
		}
		if linkLine(t) {
			continue
		}
		// A table's header row names its columns ("Skill<tab>Level").
		if strings.Contains(t, "\t") && columnNames(t) {
			continue
		}
		// A table row of a skill and its level ("Python<tab>Expert",
		// "Go<tab>3<tab>Advanced").
		if head, tail, ok := strings.Cut(t, "\t"); ok && len(splitSkills(head)) == 1 && allLevels(tail) {
			t = strings.TrimSpace(head) + " (" + strings.Join(strings.Fields(strings.ReplaceAll(tail, "\t", " ")), " ") + ")"
		}
		if m := reDashLabel.FindStringSubmatch(t); m != nil && description(t[len(m[0]):]) {
			t = strings.TrimSpace(m[1]) // "Python – building data pipelines with Airflow"
		}
		if label, rest, ok := skillLabel(t); ok && (interestLabels[fold(label)] || notSkillsLabel(label)) {
			others = append(others, [2]string{strings.TrimSpace(label), strings.TrimSpace(rest)})
			continue
		}
		// "Dactylographie : 60 mots/min": a label naming the skill, not
		// the measure, is the skill; the figure is how well it is done.
		if label, rest, ok := skillLabel(t); ok && measures(splitSkills(rest)) >= 1 && !measureLabel(label) {
			last = addSkill(s, "other", strings.TrimSpace(label)+" ("+strings.TrimSpace(rest)+")")
			continue
		}
		// "Typing speed: 55 wpm", "65 WPM, 98% accuracy": figures
		// measure one skill; the line is that skill, not a list.
		if _, rest, ok := skillLabel(t); ok && measures(splitSkills(rest)) >= 1 || !ok && measures(splitSkills(t)) >= 2 {
			last = addSkill(s, "other", strings.Join(strings.Fields(strings.ReplaceAll(t, "\t", " ")), " "))
			continue
		}
		if label, rest, ok := skillLabel(t); ok && isLevel(rest) {
			// "Python: 5 years": the label is the skill, what follows
			// how well it is known.
			t = strings.TrimSpace(label) + " (" + strings.TrimSpace(rest) + ")"
		} else if ok && description(rest) {
			// "Python – building pipelines with Airflow", "Leadership:
			// led a team of five": the label is the skill, what follows
			// says what was done with it.
			t = strings.TrimSpace(label)
		} else if ok {
			cat, t = skillCategory(label), rest
		} else if i+1 < len(units) && (groupName(u, units[i+1]) || capitalsGroup(units, i)) {
			group = skillCategory(t)
			continue
		} else if group != "" && !u.bullet {
			cat = group
		}
		// "I hereby certify that …" closes the CV: what follows it is
		// its signature (a name, "Applicant", a place and date).
		if reDeclaration.MatchString(strings.TrimSpace(t)) {
			break
		}
		if onlyDates(t) || prose(t) || reDocumentTitle.MatchString(t) {
			continue
		}
		if langs := spokenPair(t); langs != nil {
			for _, l := range langs {
				last = addSkill(s, "languages", l)
			}
			continue
		}
		t = splitLanguagePairs(t)
		var items []string
		cls := clauses(t)
		for _, seg := range cls {
			its := clauseItems(seg) // each clause ends with its own "and"
			// "Bon relationnel avec les transitaires, transporteurs et
			// services douaniers ; négociation tarifaire": where
			// semicolons set the items apart, a clause worded as one
			// phrase keeps its commas.
			if len(cls) > 1 && sentencePhrase(seg, its) {
				its = []string{strings.TrimSpace(seg)}
			}
			items = append(items, its...)
		}
		if perLine && cat == "" && sentencePhrase(t, items) {
			items = []string{strings.TrimRight(strings.TrimSpace(t), ".;")}
		}
		if cat == "languages?" {
			cat = "technical"
			if spokenShare(leveled(items)) > 0.5 {
				cat = "languages"
			}
		}
		for _, it := range items {
			if onlyDates(it) {
				continue // a date read into the list from a neighbouring column names no skill
			}
			// A number alone (a page number under the list) names no skill.
			if strings.TrimFunc(strings.TrimSpace(it), unicode.IsDigit) == "" || headingItem(it) {
				continue
			}
			it = trailingLevel(it)
			if label, rest, ok := strings.Cut(it, ":"); ok && len(strings.Fields(label)) <= 3 && isLevel(rest) {
				last = addSkill(s, cat, strings.TrimSpace(label)+" ("+unbracket(rest)+")") // "English: Native"
				continue
			}
			// "Bilingual English/Spanish": the languages, each its own.
			if langs := spokenPair(it); langs != nil {
				for _, l := range langs {
					last = addSkill(s, "languages", l)
				}
				continue
			}
			// "Anglais : lecture de documentation technique": after a
			// spoken language, a colon gives how it is used.
			if label, rest, ok := strings.Cut(it, ":"); ok && isSpoken(label) && strings.TrimSpace(rest) != "" {
				last = addSkill(s, "languages", strings.TrimSpace(label)+" ("+strings.TrimSpace(rest)+")")
				continue
			}
			// "Languages: Java | Frameworks: Spring, React": a further
			// label within the list opens a group of its own.
			if label, rest, ok := innerLabel(it); ok {
				cat, it = skillCategory(label), rest
				if cat == "languages?" {
					cat = ""
				}
			}
			last = addSkill(s, cat, it)
		}
	}
	return others
}

// onePerLine says whether a skills section sets one skill a line: at
// least two of its lines, and at least half, hold a single item.
func onePerLine(units []unit) bool {
	single := 0
	for _, u := range units {
		if _, _, ok := skillLabel(u.text); !ok && len(splitSkills(u.text)) == 1 {
			single++
		}
	}
	return single >= 2 && single*2 >= len(units)
}

// sentencePhrase says whether a line of a one-skill-a-line list is one
// skill written as a phrase whose commas are the phrase's own
// ("Planification familiale, pose d'implants", "Service au guéridon,
// décantation", "Stock control, ordering from suppliers"): it opens on a
// capital, every part after a comma opens in lower case, and a part is
// worded as a phrase, with a preposition or an article. Parallel names
// ("A/B testing, funnel analysis", "Python, pandas, numpy") stay a list.
func sentencePhrase(t string, items []string) bool {
	if len(items) < 2 || strings.ContainsAny(t, ";|·•\t") {
		return false
	}
	// "Travail d'équipe, ponctualité, débrouillardise": two one-word
	// parts after the first list qualities, whatever the first's words.
	single := 0
	for _, it := range items[1:] {
		if len(strings.Fields(it)) == 1 {
			single++
		}
	}
	if single >= 2 || namedSkillBefore(items) {
		return false
	}
	phrase := false
	for i, it := range items {
		r, _ := utf8.DecodeRuneInString(it)
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
		for _, w := range strings.Fields(strings.ToLower(it)) {
			phrase = phrase || phraseWords[w] || reElided.MatchString(w)
		}
	}
	return phrase
}

// namedSkillBefore says whether a part before the last ends on the word
// "skills" ("Good communication skills, hardworking and willing to
// learn"): a part that names its skill so is whole, and the comma after
// it parts two items, not a phrase's words.
func namedSkillBefore(items []string) bool {
	for _, it := range items[:len(items)-1] {
		if w := strings.ToLower(lastWord(it)); w == "skills" || w == "skill" {
			return true
		}
	}
	return false
}

// phraseWords are the prepositions and articles that make a phrase of a
// skill's words ("pose d'implants", "service au guéridon").
var phraseWords = wordSet(`of at in for the to from with by on into de du des la le les en au aux pour sur avec par dans`)

// reLicence opens a line naming a driving licence.
var reLicence = regexp.MustCompile(`(?i)^(?:permis(?:\s+de\s+conduire)?|(?:full\s+)?(?:clean\s+)?(?:driving|driver['’]?s)\s+licen[cs]e)(?:\s|[:：\t]|$)`)

// reLicenceSep is a label's colon or cell gap in a licence line.
var reLicenceSep = regexp.MustCompile(`\s*[:：\t]\s*`)

// interestLabels head lines of pastimes, not skills.
var interestLabels = phraseSet(`hobbies interests hobbies_and_interests interests_and_hobbies pastimes passions
	loisirs centres_d_interet activites_extra_professionnelles`)

// notSkillsLabel: a label that heads certifications, awards or
// publications ("Certifications: AWS SAA (2022), CKA").
func notSkillsLabel(label string) bool {
	k, ok := headingKind(label)
	return ok && (k == secCertifications || k == secAwards || k == secPublications || k == secProjects)
}

// capitalsGroup says whether units[i], a word of capitals over a list one
// item a line ("LOGICIELS" / "SAP (MM)" / "Excel"), names the group: no
// tool or language itself, no acronym, and either a word that names
// groups of skills or one of two such names or more in the list
// ("GESTION" … "LOGICIELS"). A lone word of capitals of its own kind
// heads nothing: it is the list's first skill ("HACCP" / "ISO 22000").
func capitalsGroup(units []unit, i int) bool {
	if !capitalsGroupShape(units[i], units[i+1]) {
		return false
	}
	if t := strings.TrimRight(strings.TrimSpace(units[i].text), ":"); groupWords(t) || groupLabel(t) {
		return true
	}
	for j := range units[:len(units)-1] {
		if j != i && capitalsGroupShape(units[j], units[j+1]) {
			return true
		}
	}
	return false
}

// capitalsGroupShape: u is a word of capitals, no tool, language or
// acronym, over a line that is not.
func capitalsGroupShape(u, next unit) bool {
	t := strings.TrimRight(strings.TrimSpace(u.text), ":")
	if u.bullet || !capitalsLine(t) || capitalsLine(next.text) || toolWords[strings.ToLower(t)] || isSpoken(t) {
		return false
	}
	// Words of five letters or more: "HTML & CSS", "AWS" are skills.
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) < 5 {
			return false
		}
	}
	return len(splitSkills(next.text)) >= 1
}

// reTrailingLevel is a level word after a skill with no separator
// ("Excel avancé", "Anglais courant", "SQL intermediate").
var reTrailingLevel = regexp.MustCompile(`(?i)^(\S.*?)\s+(avancé|avance|advanced|courant|fluent|notions|intermédiaire|intermediaire|intermediate|débutant|debutant|beginner|basic|natif|native|bilingue|bilingual|conversational|scolaire|fonctionnel|functional)$`)

// trailingLevel writes a level set after a skill as the parser writes
// levels: "Excel avancé" is "Excel (avancé)".
func trailingLevel(it string) string {
	if m := reBracketLevel.FindStringSubmatch(it); m != nil && isLevel(m[2]) {
		return m[1] + " (" + m[2] + ")" // "Python [Expert]"
	}
	if strings.ContainsAny(it, "()") {
		return spokenLevelBeforeNote(it)
	}
	if c := trailingCEFR(it); c != it {
		return c // "néerlandais A2", "German B2"
	}
	if m := reTrailingYears.FindStringSubmatch(it); m != nil && len(strings.Fields(m[1])) <= 3 {
		return m[1] + " (" + m[2] + ")" // "Python 5 yrs", "Java 6 ans"
	}
	// A level word written after a skill outside brackets is part of the
	// skill as written ("Excel avancé", "SQL intermediate": the settled
	// convention, blind10/README.md); after a spoken language it is the
	// language's level ("Anglais courant"). "Fluent", "Basic" end product
	// names too ("ANSYS Fluent", "Visual Basic").
	if m := reTrailingLevel.FindStringSubmatch(it); m != nil && len(strings.Fields(m[1])) <= 3 && isSpoken(m[1]) {
		return m[1] + " (" + m[2] + ")"
	}
	return it
}

// leveled is items with their levels written in brackets.
func leveled(items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = trailingLevel(it)
	}
	return out
}

// spokenLevelBeforeNote writes "anglais courant (C1, TOEIC 945)" as
// "anglais (courant, C1, TOEIC 945)": a level word between a spoken
// language and a note in brackets is the language's level too. A skill's
// own words before a note stay ("Excel avancé (TCD, macros)").
func spokenLevelBeforeNote(it string) string {
	m := reNoteAfter.FindStringSubmatch(it)
	if m == nil {
		return it
	}
	lv := reTrailingLevel.FindStringSubmatch(m[1])
	if lv == nil || !isSpoken(lv[1]) {
		return it
	}
	return lv[1] + " (" + lv[2] + ", " + m[2] + ")"
}

var reNoteAfter = regexp.MustCompile(`^(\S.*?)\s*\(([^()]*)\)$`)

var (
	reBracketLevel  = regexp.MustCompile(`^(.+?)\s*\[([^\[\]]+)\]$`)
	reTrailingCEFR  = regexp.MustCompile(`^(\S.*?)\s+([ABC][12]\+?)$`)
	reTrailingYears = regexp.MustCompile(`(?i)^(\S.*?)\s+(\d{1,2}\+?\s*(?:years?|yrs?|ans?))$`)
)

// joinWrappedList joins the lines of a list typed as running text and
// wrapped wherever a line was full ("…, SEO, Marketing" / "Automation,
// CleverTap, …,"): where a line of the run ends with a comma, the list
// goes on across its lines, so a line that ends with none was cut inside
// an item. A run of lines that each end an item ("Python, Go, Rust" /
// "Docker, Kubernetes") has no line ending with a comma and stays as it
// is. Lines that each ran to their column's edge, the next line's first
// word too long to fit after them, were cut by the typesetter: a list set
// in a narrow sidebar with middle dots ("Google Ads · Meta Business" /
// "Suite · HubSpot") goes on across them, whatever they end on. Lists
// with commas fill their lines by chance as often ("Excel avancé (TCD," /
// "macros"): only their final commas say so.
func joinWrappedList(lines []line) []line {
	listLine := func(l line) bool {
		t := strings.TrimSpace(l.text)
		// "SAP S/4HANA (MM, SD)": commas inside a closed bracket list
		// what the item holds; the line is one item, no list going on.
		in := outsideBrackets(t)
		n := strings.Count(in, ", ") + strings.Count(in, " · ")
		if strings.HasSuffix(t, ",") {
			n++
		}
		return !l.bullet && !l.heading && n >= 1 && !strings.Contains(t, "\t")
	}
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); {
		j := i + 1
		// A line with its own label (a colon, or dotted leaders as in
		// "Cloud ....... AWS, GCP") opens a list of its own.
		for j < len(lines) && listLine(lines[j-1]) && !lines[j].gapBefore && !lines[j].bullet && !lines[j].heading &&
			!strings.Contains(lines[j].text, ":") && !reLeaders.MatchString(lines[j].text) {
			j++
		}
		commaEnd, full := false, true
		for _, l := range lines[i : j-1] {
			t := strings.TrimSpace(l.text)
			commaEnd = commaEnd || strings.HasSuffix(t, ",")
			full = full && l.full && strings.Contains(t, " · ") && !strings.HasSuffix(t, "-")
		}
		if j-i < 2 || !commaEnd && !full {
			out = append(out, lines[i])
			i++
			continue
		}
		l := lines[i]
		for _, n := range lines[i+1 : j] {
			l.text = strings.TrimSpace(l.text) + " " + strings.TrimSpace(n.text)
		}
		out = append(out, l)
		i = j
	}
	return out
}

// innerLabel splits an item of a list that opens another group ("Cloud:
// AWS" in "Go, Rust; Cloud: AWS, GCP"): a label of one to three words
// before a colon, no parentheses in it, and a skill, not a level, after.
func innerLabel(it string) (label, rest string, ok bool) {
	label, rest, ok = strings.Cut(it, ":")
	label, rest = strings.TrimSpace(label), strings.TrimSpace(rest)
	if !ok || rest == "" || strings.ContainsAny(label, "()[]") || strings.HasPrefix(rest, "//") ||
		len(strings.Fields(label)) == 0 || len(strings.Fields(label)) > 3 || isLevel(rest) {
		return "", "", false
	}
	return label, rest, true
}

// joinWrappedLabelled joins the wrapped end of a labelled list
// ("Software: AutoCAD, Revit, MS" / "Project" / "Methods: BIM"): a single
// unlabelled item between two labelled lines is the rest of the first,
// unless it names a group.
func joinWrappedLabelled(units []unit) []unit {
	labelled := func(u unit) bool { _, _, ok := skillLabel(u.text); return ok }
	out := make([]unit, 0, len(units))
	for i, u := range units {
		n := len(out)
		// A line of several items between two labelled lines is the
		// labelled list wrapped inside an item when the line above ends
		// on no separator ("…, LVO / CAT" / "IIIB operations, ETOPS").
		wrappedList := n > 0 && len(splitSkills(u.text)) > 1 && !strings.HasSuffix(strings.TrimSpace(out[n-1].text), ",")
		if n > 0 && i+1 < len(units) && labelled(out[n-1]) && labelled(units[i+1]) && !labelled(u) &&
			!u.bullet && !u.bold && !u.heading && !u.gapBefore && !leadOpens(u.text) && (wrappedList || len(splitSkills(u.text)) == 1 &&
			len(strings.Fields(u.text)) <= 2 && !groupName(u, unit{line: line{text: "a, b"}})) {
			out[n-1].text = joinWrapped(out[n-1].text, u.text)
			continue
		}
		out = append(out, u)
	}
	return out
}

// skillLabel splits "Label: list" and "Label – list": a short label
// before a colon, or before a spaced dash when a list follows it.
func skillLabel(t string) (label, rest string, ok bool) {
	// A colon inside a table's value cell is the value's own
	// ("Langues<tab>Arabe : langue maternelle"): the cell labels.
	if i := strings.IndexAny(t, ":："); i > 0 && i < 40 && !strings.Contains(t[:i], "\t") {
		rest := t[i+len(string([]rune(t[i:])[0])):]
		// "English: Native | French: Fluent" lists skills with their
		// levels; "Python: 5 years" alone is read by the caller.
		if first := nextItem([]rune(rest)); first != rest && isLevel(first) {
			return "", "", false
		}
		return t[:i], rest, true
	}
	// A table's label cell beside a list ("Qualité<tab>APQP, PPAP, 8D",
	// "Build / CI<tab>Jenkins, GitHub Actions").
	// A cell naming a group of skills labels even a single value beside
	// it ("Langues<tab>Arabe : langue maternelle", the other languages on
	// the lines under it; "Tools<tab>Docker").
	if head, tail, found := strings.Cut(t, "\t"); found && !strings.Contains(tail, "\t") && !startsWithGlyph(tail) &&
		len(strings.Fields(fold(head))) <= 4 && len(splitSkills(head)) <= 2 && !isLevel(tail) &&
		(len(splitSkills(tail)) >= 2 || len(splitSkills(tail)) == 1 && groupLabel(head)) {
		return head, tail, true
	}
	// Dotted leaders between a label and its list ("Cloud ....... AWS,
	// GCP"), as in a plain-text CV laid out by hand.
	if m := reLeaders.FindStringSubmatch(t); m != nil && len(strings.Fields(m[1])) <= 4 {
		return m[1], m[2], true
	}
	if listSeparators(t) != t {
		return "", "", false // "Python - Go - SQL" is a list, not "Label - list"
	}
	m := reDashLabel.FindStringSubmatchIndex(t)
	if m == nil {
		return "", "", false
	}
	label, rest = t[m[2]:m[3]], t[m[1]:]
	// "French – kitchen French": a spoken language heads no group; what
	// follows its dash says how well it is spoken.
	if len(strings.Fields(label)) > 3 || isSpoken(label) || len(splitSkills(rest)) < 2 || isLevel(nextItem([]rune(rest))) {
		return "", "", false
	}
	return label, rest, true
}

var reLeaders = regexp.MustCompile(`^([^.…,;:|()]{1,40}?)(?:\s+\.{2,}\s+|\s*\.{3,}\s*|\s*…+\s*)(\S.*)$`)

var reDashLabel = regexp.MustCompile(`^([^,;:|()/–—]+?)\s+[–—-]\s+`)

// groupName says whether u names the group of skills listed on the next
// line ("Backend" / "Go, Python, PostgreSQL"): one to three words, no list
// of its own, and either styled apart or made of words that name groups
// of skills.
func groupName(u, next unit) bool {
	t := strings.TrimRight(strings.TrimSpace(u.text), ":")
	ws := strings.Fields(t)
	if u.bullet || len(ws) == 0 || len(ws) > 3 || len(splitSkills(t)) != 1 || len(splitSkills(next.text)) < 2 {
		return false
	}
	return u.bold || u.heading || groupWords(t)
}

// groupWords says whether every word of t names a group of skills.
func groupWords(t string) bool {
	ws := strings.Fields(fold(t))
	for _, w := range ws {
		if !skillGroupWords[w] {
			return false
		}
	}
	return len(ws) > 0
}

// skillGroupWords name groups of skills, not skills.
var skillGroupWords = wordSet(`backend back end frontend front full stack programming languages language frameworks framework
	libraries library databases database data cloud devops tools tooling web mobile testing methodologies methods os
	systems infrastructure platforms platform design analytics security networking soft hard technical other others
	misc miscellaneous ml ai machine learning big office productivity development engineering and et
	langages bases de donnees systemes methodes methodologies reseaux securite logiciels autres outils bureautique
	developpement competences technologies stack savoir etre faire personal interpersonal`)

// reLevelWord: how well a language or skill is known, as CVs write it
// after a dash or in parentheses.
var reLevelWord = regexp.MustCompile(`(?i)^(?:[abc][12]\+?|native(?: speaker)?|mother tongue|first language|fluent|fluency|bilingual|` +
	`native or bilingual(?: proficiency)?|(?:[a-z]+ ){0,2}proficiency|professional working|limited working|full professional|` +
	`proficient|(?:full |limited )?(?:professional )?working(?: proficiency)?|professional|elementary|beginner|basic|` +
	`intermediate|upper[- ]intermediate|advanced|conversational|good|very good|excellent|expert|notions|fair|poor|moyen|passable|high|medium|low|` +
	`(?:(?:tr[eè]s )?bonne )?ma[iî]trise|(?:tr[eè]s |assez )?bien|op[ée]rationnel|professionnel|working knowledge|good command|business(?: level)?|langue maternelle|maternelle|natif|native|courant|bilingue|intermédiaire|intermediaire|avancé|avance|débutant|debutant|` +
	`bon niveau|scolaire|niveau (?:moyen|avancé|avance|intermédiaire|intermediaire|débutant|debutant|élémentaire|elementaire|courant|basique|correct|[abc][12])|(?:lu|écrit|ecrit|parlé|parle)(?:(?:,\s*|\s+et\s+|\s+)(?:lu|écrit|ecrit|parlé|parle)){0,2}|` +
	`(?:read|written|spoken)(?:(?:,\s*|\s+and\s+)(?:read|written|spoken)){0,2}|\d+\+?\s*(?:years?|yrs?|ans?|months?|mois)(?: of experience| d'expérience)?|\d+(?:[.,]\d+)?\s*/\s*\d+|\d{1,3}\s?%|[★☆●○◐◯⬤]+)` +
	`(?:\s*\(.*\))?$`)

// startsWithGlyph: a cell opening with a bullet glyph is an item of a
// grid of bullets ("• Classroom management<tab>• Moodle, Seesaw").
func startsWithGlyph(t string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(t))
	return r != '-' && strings.ContainsRune(bulletGlyphs, r)
}

// reLeadPhrase: the words that open a list written as a sentence
// ("Proficient in Python, SQL; familiar with Docker", "Maîtrise d'Excel").
var reLeadPhrase = regexp.MustCompile(`(?i)(^|;\s*)(?:(?:very |highly )?(?:proficient|experienced|skilled|familiar|comfortable|competent)\s+(?:in|with|at)|` +
	`(?:strong |good |solid |working |basic |hands-on )?(?:knowledge|experience|expertise|understanding)\s+(?:of|in|with)|` +
	`(?:très |bonne |parfaite )?(?:maîtrise|maitrise|connaissances?|notions)\s+(?:de la |de l['’]|des |du |de |d['’]))\s*`)

// clauseItems reads one clause of a list. A clause opened by a phrase
// that says the words after it are skills ("Proficient in", "working
// knowledge of") lists them even when it names two joined by "and"
// ("working knowledge of SQL and Python (pandas)").
func clauseItems(seg string) []string {
	seg = strings.TrimSpace(seg)
	lead := reLeadPhrase.FindString(seg)
	seg = seg[len(lead):]
	items := phraseInLanguages(seg, splitSkills(seg))
	if lead != "" && len(items) == 1 {
		if pair := splitLastAndItems([]string{"", items[0]}); len(pair) == 3 {
			return pair[1:]
		}
	}
	return items
}

// leadOpens: t opens with a phrase saying skills follow ("Proficient
// in …"), as a sentence of its own opens, not the wrapped rest of a list.
func leadOpens(t string) bool {
	m := reLeadPhrase.FindStringIndex(strings.TrimSpace(t))
	return m != nil && m[0] == 0
}

// clauses cuts t at semicolons outside parentheses.
func clauses(t string) []string {
	var out []string
	depth, from := 0, 0
	for i, r := range t {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case r == ';' && depth == 0:
			out = append(out, t[from:i])
			from = i + 1
		}
	}
	return append(out, t[from:])
}

// description: a phrase telling what a skill was used for, not a list: one
// item of four words or more starting with a lower-case word.
func description(rest string) bool {
	rest = strings.TrimSpace(rest)
	items := splitSkills(rest)
	if len(items) != 1 || len(strings.Fields(rest)) < 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r)
}

// allLevels says whether every tab-separated cell of t is a level or a
// number of years.
func allLevels(t string) bool {
	for _, c := range strings.Split(t, "\t") {
		if !isLevel(c) && !reYears.MatchString(strings.TrimSpace(c)) {
			return false
		}
	}
	return true
}

var reYears = regexp.MustCompile(`^\d{1,2}(?:[.,]\d)?\+?$`)

// tableColumns name the columns of a table of skills or languages.
var tableColumns = phraseSet(`skill skills competence competences compétence compétences technology technologies tool tools outil
	outils language languages langue langues level niveau proficiency maîtrise maitrise years years_of_experience experience
	expérience années ans rating note certification reading writing speaking listening spoken written understanding
	lecture écriture ecriture oral écrit ecrit compréhension comprehension expression parlé parle
	lu lire écrire parler écouter ecouter`)

// columnNames says whether every cell of a row names a column.
func columnNames(t string) bool {
	for _, c := range strings.Split(t, "\t") {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" && !tableColumns[c] {
			return false
		}
	}
	return true
}

func isLevel(s string) bool {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "."))
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = s[1 : len(s)-1]
	}
	return reLevelWord.MatchString(strings.TrimSpace(s))
}

// reRating is a rating written after a skill ("Python 4/5", "SQL 75%").
// Scores are out of a round scale ("4/5", "8/10", "15/20", "75/100");
// two years or versions ("Windows Server 2019/2022", "IFRS 15/16") are
// part of the name.
var reRating = regexp.MustCompile(`\s+(?:\d{1,3}(?:[.,]\d+)?\s*/\s*(?:3|4|5|10|20|100)|\d{1,3}\s?%)$`)

// reFiller ends a list without naming a skill.
var reFiller = regexp.MustCompile(`(?i)^(?:etc\.?|more|and more|much more|others|et plus|entre autres|\.\.\.|…)$`)

// reGoesOnItem: after a comma, a word that goes on the item before it
// rather than opening the next.
var reGoesOnItem = regexp.MustCompile(`^\s*(?:including|incl\.|especially|notably|particularly|notamment|y compris|en particulier|surtout)\s`)

// reConjunction opens the last item of a list ("…, and Docker").
var reConjunction = regexp.MustCompile(`(?i)^(?:and|et|&|or|ou)\s+`)

// splitSkills cuts a list at separators outside parentheses ("AWS (EMR,
// Lambda)" is one skill) and at glyphs used as separators ("✓ Go ✓ SQL");
// glyphs, ratings and a final "and" are not part of a skill, and a level
// after a dash stays with its skill ("English — native").
func splitSkills(t string) []string {
	if items := pillItems(t); items != nil {
		return items // "(Figma ) (User research )": a tag cloud whose pill outlines were read as brackets
	}
	if chipLine(t) {
		return strings.Fields(t) // "Go Java PostgreSQL gRPC AWS": tags whose boxes were drawn
	}
	t = listSeparators(t)
	var out []string
	// afterComma[i]: out[i] followed a comma, one item of a comma list.
	var afterComma []bool
	sepComma := false
	var cur strings.Builder
	depth := 0
	flush := func() {
		glyph := func(r rune) bool {
			return unicode.IsSpace(r) || (unicode.IsSymbol(r) && r != '+') || r == '-' || r == '*' || strings.ContainsRune(bulletGlyphs, r)
		}
		p := strings.TrimRightFunc(strings.TrimLeftFunc(cur.String(), glyph), func(r rune) bool { return glyph(r) || r == '.' })
		p = strings.TrimSpace(reConjunction.ReplaceAllString(reRating.ReplaceAllString(p, ""), ""))
		if reFiller.MatchString(p) {
			p = "" // "…, etc.", "and more"
		}
		if p != "" {
			out = append(out, p)
			afterComma = append(afterComma, sepComma)
		}
		cur.Reset()
	}
	// " / " joins alternatives inside one skill ("Canva / Adobe Express",
	// "APQP / PPAP" in a list); only a line made of three or more items
	// and nothing else is a list cut at its slashes ("Go / Rust / C++").
	slashes := strings.Count(t, " / ") >= 2 && !strings.ContainsAny(t, ",;|·•\t")
	rs := []rune(t)
	for i, r := range rs {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth > 0:
		case (r == '–' || r == '—' || r == '-') && i > 0 && i+1 < len(rs) && rs[i-1] == ' ' && rs[i+1] == ' ' &&
			(isLevel(nextItem(rs[i+1:])) || isSpoken(cur.String()) && !isSpoken(nextItem(rs[i+1:]))):
			// "English — native": the level stays with its language, and
			// so does a note on how it is spoken ("French – kitchen
			// French").
		case r == '–' && i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]):
			// "cost–benefit analysis", "input–output": an en dash set
			// close between two words joins a compound.
		case r == ',' && reGoesOnItem.MatchString(string(rs[i+1:])):
			// "Four-handed dentistry, including IV sedation": a comma
			// before a word that goes on the item ("including",
			// "notamment") parts no items.
		case r == ',' || r == ';' || r == '|' || r == '\t' || r == '·' || r == '•' || r == '∙' || r == '⋅' ||
			(unicode.IsSymbol(r) && r != '+' && r != '#' && r != '&') || (r != '-' && r != '*' && strings.ContainsRune(bulletGlyphs, r)):
			flush()
			sepComma = r == ','
			continue
		case r == '/' && slashes && i > 0 && i+1 < len(rs) && rs[i-1] == ' ' && rs[i+1] == ' ':
			flush()
			sepComma = false
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	// A list set apart by a glyph or a bar marks every item's end: its
	// last item's "and" is inside the item ("patient and family
	// education"); only a comma list ends with one ("Go, Rust and C"),
	// also one written as an item of such a list ("• Microsoft Word,
	// Excel and PowerPoint").
	if strings.ContainsAny(t, "|·•∙⋅") {
		return dropFiller(splitAfterNote(commaListEnds(out, afterComma)))
	}
	return splitLastAnd(splitAfterNote(out))
}

// commaListEnds cuts at its "and" the last item of each comma list inside
// a list set apart by glyphs, as splitLastAnd cuts a comma list's.
func commaListEnds(items []string, afterComma []bool) []string {
	var out []string
	for i, it := range items {
		if afterComma[i] && (i+1 == len(items) || !afterComma[i+1]) {
			out = append(out, splitLastAndItems([]string{items[i-1], it})[1:]...)
			continue
		}
		out = append(out, it)
	}
	return out
}

// reNoteAnd is "and" or "et" right after a closing bracket.
var reNoteAnd = regexp.MustCompile(`\)\s+(?:and|et)\s+`)

// splitAfterNote cuts an item at an "and" that follows a note in
// brackets ("fire alarm (BS 5839) and emergency lighting"): the note
// closes the thing it details, so the "and" joins a second item.
func splitAfterNote(items []string) []string {
	var out []string
	for _, it := range items {
		for {
			m := reNoteAnd.FindStringIndex(it)
			if m == nil || strings.Count(it[:m[0]+1], "(") != strings.Count(it[:m[0]+1], ")") || strings.TrimSpace(it[m[1]:]) == "" {
				break
			}
			out = append(out, strings.TrimSpace(it[:m[0]+1]))
			it = it[m[1]:]
		}
		out = append(out, strings.TrimSpace(it))
	}
	return out
}

// chipLine says whether t is a row of one-word tags set side by side
// with nothing between them but space ("Go Java Python PostgreSQL Kafka
// gRPC AWS"): five words or more, each starting with a capital or a digit
// or cased as a product is (gRPC, iOS), no function word, and two or
// more named the way only products are (capitals inside or all
// capitals: PostgreSQL, AWS).
func chipLine(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 5 || strings.ContainsAny(t, ",;|•·/()[]:\t") {
		return false
	}
	products := 0
	for _, w := range ws {
		r := []rune(w)
		inner := strings.IndexFunc(string(r[1:]), unicode.IsUpper) >= 0
		if functionWords[strings.ToLower(w)] || !(unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) || inner) {
			return false
		}
		if inner {
			products++
		}
	}
	return products >= 2
}

// rePill is one tag of a cloud whose rounded outline OCR reads as
// brackets: "(Figma )", "[ User research ]".
var rePill = regexp.MustCompile(`[(\[]\s*([^()\[\]]+?)\s*[)\]]`)

// pillItems reads a line made of two or more bracketed tags and nothing
// else between them ("(Figma ) (Miro ) (Journey mapping )"): each tag is
// a skill. A skill with a bracketed note ("Python (advanced)") has text
// outside its brackets and is no cloud.
func pillItems(t string) []string {
	ms := rePill.FindAllStringSubmatch(t, -1)
	if len(ms) < 2 || strings.TrimSpace(rePill.ReplaceAllString(t, "")) != "" {
		return nil
	}
	items := make([]string, 0, len(ms))
	for _, m := range ms {
		items = append(items, m[1])
	}
	return items
}

var reSpacedHyphen = regexp.MustCompile(` [-–] `)

// listSeparators turns spaced hyphens into tabs when a line holds two or
// more of them between short items ("Python - Go - SQL"), none a level
// ("English - native" stays one item).
func listSeparators(t string) string {
	if strings.ContainsAny(t, ",;|•·\t") {
		return t
	}
	short := func(parts []string) bool {
		for _, p := range parts {
			if n := len(strings.Fields(p)); n == 0 || n > 4 || isLevel(p) {
				return false
			}
		}
		return true
	}
	if parts := reSpacedHyphen.Split(t, -1); len(parts) >= 3 && short(parts) {
		return strings.Join(parts, "\t")
	}
	return t
}

// nextItem is the text up to the next list separator.
func nextItem(rs []rune) string {
	for i, r := range rs {
		if r == ',' || r == ';' || r == '|' || r == '·' || r == '•' || r == '\t' {
			return string(rs[:i])
		}
	}
	return string(rs)
}

// rePhraseInLanguage is a phrase that names the language it is done in
// ("Rédaction juridique en français", "Customer support in English").
var rePhraseInLanguage = regexp.MustCompile(`(?i)^(\S+(?:\s+\S+)+)\s+(?:in|en)\s+(\S+)$`)

// phraseInLanguages keeps one skill written as a phrase whose commas list
// the languages it is done in ("Rédaction juridique en français, arabe et
// anglais", "Customer support in English, Spanish and Portuguese"): cut
// at its commas it gave a phrase and loose languages. Only where every
// item after the first is a spoken language and the phrase is not a level
// ("Working proficiency in English, French" stays a list of languages).
func phraseInLanguages(seg string, items []string) []string {
	if len(items) < 2 {
		return items
	}
	m := rePhraseInLanguage.FindStringSubmatch(items[0])
	var rest []string
	for _, it := range items[1:] {
		for _, p := range strings.Split(strings.ReplaceAll(it, " and ", " et "), " et ") {
			rest = append(rest, p) // "…, arabe et anglais": the pair is two languages
		}
	}
	if m == nil || !isSpoken(m[2]) || isLevel(m[1]) || spokenShare(rest) < 1 {
		return items
	}
	i := strings.Index(seg, items[0])
	if i < 0 {
		return items
	}
	return []string{strings.TrimRight(strings.TrimSpace(seg[i:]), ".;, ")}
}

// splitLastAnd cuts "SQL and Docker" at the end of a list of two or more
// ("Python, SQL and Docker", "Communication et Travail en équipe"), when
// both sides are three words at most; "Research and Development" alone
// stays one skill.
func splitLastAnd(items []string) []string {
	items = dropFiller(splitLastAndItems(items))
	return items
}

func dropFiller(items []string) []string {
	out := items[:0]
	for _, it := range items {
		if !reFiller.MatchString(strings.TrimSpace(it)) {
			out = append(out, it)
		}
	}
	return out
}

func splitLastAndItems(items []string) []string {
	n := len(items)
	if n == 1 {
		return splitToolPair(items[0])
	}
	if n < 2 {
		return items
	}
	last := items[n-1]
	for _, sep := range []string{" and ", " et "} {
		a, b, ok := strings.Cut(last, sep)
		words := func(s string) int { return len(strings.Fields(reParenthesised.ReplaceAllString(s, ""))) }
		// French running text pairs two things with "et" into one skill
		// ("…, financement et courtage", "perfusions IV et pompes"), and
		// English two activities in lower case ("…, VAT, budgeting and
		// forecasting"); a list of names ends with its last two ("Git et
		// GitHub Actions", "Python and Docker").
		r, _ := utf8.DecodeRuneInString(a)
		rb, _ := utf8.DecodeRuneInString(strings.TrimSpace(b))
		if sep == " et " && unicode.IsLower(r) || sep == " and " && unicode.IsLower(r) && unicode.IsLower(rb) {
			continue
		}
		// "Permis B et C", "Level 1 and 2": a lone letter or digit is no
		// skill of its own.
		if ok && len([]rune(strings.TrimSpace(b))) == 1 && len([]rune(lastWord(a))) == 1 {
			continue
		}
		if ok && words(a) <= 3 && words(b) <= 3 && strings.Count(a+b, "(") == strings.Count(a+b, ")") {
			return append(items[:n-1], strings.TrimSpace(a), strings.TrimSpace(b))
		}
	}
	return items
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func spokenShare(items []string) float64 {
	if len(items) == 0 {
		return 0
	}
	n := 0
	for _, it := range items {
		if isSpoken(it) {
			n++
		}
	}
	return float64(n) / float64(len(items))
}

func isSpoken(it string) bool {
	name := strings.ToLower(strings.TrimSpace(reLevel.ReplaceAllString(it, "")))
	return spokenLanguages[name]
}

func addSkill(s *cv.Skills, cat, it string) *string {
	low := strings.ToLower(it)
	if cat == "" {
		switch {
		case isSpoken(it):
			cat = "languages"
		case toolWords[low]:
			cat = "tools"
		case softWords[low]:
			cat = "soft"
		default:
			cat = "technical"
		}
	}
	list := &s.Technical
	switch cat {
	case "tools":
		list = &s.Tools
	case "soft":
		list = &s.SoftSkills
	case "languages":
		list = &s.Languages
	case "other":
		list = &s.Other
	}
	*list = append(*list, it)
	return &(*list)[len(*list)-1]
}

// parseLanguages reads a spoken-languages section: "English (native),
// French – C1", one per line or separated. It stops at the first line that
// names no language and reads as a heading or a sentence: sections with
// headings we do not know (Patents, Talks) often follow Languages, and
// their text is not a list of languages. The lines from there are returned.
func parseLanguages(lines []line, s *cv.Skills) []unit { return readLanguages(lines, s, false) }

// readLanguages is parseLanguages after a label alone ("Mother tongue")
// when afterLabel is set: the first line names a language.
func readLanguages(lines []line, s *cv.Skills, afterLabel bool) []unit {
	units := toUnits(lines)
	for i, u := range units {
		// "Mother tongue" / "Shona", "Other languages<tab>English (C2)":
		// the label of a row is no language, and the line under a label
		// alone names one, whether the list of languages knows it or not.
		labelled := afterLabel
		afterLabel = false
		// "Language<tab>Reading<tab>Writing<tab>Speaking": a header row.
		if strings.Contains(u.text, "\t") && columnNames(u.text) {
			continue
		}
		if m := reLanguageLabel.FindString(u.text); m != "" {
			if strings.TrimSpace(u.text[len(m):]) == "" {
				afterLabel = true
				continue
			}
			u.text, labelled = strings.TrimSpace(u.text[len(m):]), true
		}
		// "Arabe:<tab>Langue maternelle": a form's label column ends
		// with its colon; the row is a language and its level, as
		// "Arabe : langue maternelle" writes it.
		if name, level, ok := strings.Cut(u.text, ":\t"); ok && !strings.Contains(level, "\t") && len(strings.Fields(name)) <= 3 {
			u.text = strings.TrimSpace(name) + ": " + strings.TrimSpace(level)
		}
		u.text = splitLanguagePairs(u.text)
		items := splitSkills(languageCells(u.text))
		// "Allemand : lu, écrit", "Français : lu, écrit, parlé : très
		// bien": after a spoken language, commas that name no other
		// language are the level's own.
		if name, level, ok := strings.Cut(u.text, ":"); ok && len(strings.Fields(name)) <= 3 && strings.Contains(level, ",") &&
			(isLevel(level) || isSpoken(name) && spokenShare(splitSkills(level)) == 0) {
			items = []string{strings.TrimSpace(name) + " (" + strings.TrimSpace(level) + ")"}
		}
		if label, _, ok := skillLabel(u.text); ok && interestLabels[fold(label)] {
			return units[i:] // "Hobbies: chess, reading" after the languages
		}
		// A level on the line under its language ("English" / "Native or
		// bilingual proficiency", as LinkedIn's PDF sets it).
		if n := len(s.Languages); n > 0 && isLevel(u.text) && !isSpoken(u.text) && !strings.ContainsAny(u.text, ",;") &&
			!strings.Contains(s.Languages[n-1], "(") {
			s.Languages[n-1] += " (" + strings.TrimSpace(u.text) + ")"
			continue
		}
		// A row labelled otherwise ("Professional skills<tab>Contract
		// drafting, …") that names no language ends them too.
		_, _, row := skillLabel(u.text)
		// "Bahasa Melayu ★★★★☆": a name with its rating is a language,
		// never a heading, whether the list knows it or not.
		labelled = labelled || strings.ContainsAny(lastRune(u.text), "★☆●○◐◯⬤■□")
		if !labelled && spokenShare(items) == 0 && !allLeveled(items) && (isLong(u.text) || row || titleLike(u.text) && i+1 < len(units)) {
			return units[i:]
		}
		for j, it := range items {
			it = trailingLevel(levelAfter(it)) // "English C1", "Polish Native"
			// "Swedish: Mother tongue" is "Swedish (Mother tongue)".
			if label, rest, ok := strings.Cut(it, ":"); ok && len(strings.Fields(label)) <= 3 && isLevel(rest) {
				it = strings.TrimSpace(label) + " (" + unbracket(rest) + ")"
			}
			// A level wrapped onto the next line, its dash read as a
			// bullet ("Anglais" / "— Bilingue"), is the last language's.
			if n := len(s.Languages); j == 0 && n > 0 && isLevel(it) && !isSpoken(it) {
				if strings.HasPrefix(it, "(") {
					s.Languages[n-1] += " " + it // "Anglais" / "(Bilingue)"
				} else {
					s.Languages[n-1] += " — " + it
				}
				continue
			}
			s.Languages = append(s.Languages, it)
		}
	}
	return nil
}

// reLanguageLabel is the label of a row of spoken languages ("Mother
// tongue(s)", "Other languages", "Langue(s) maternelle(s)", "Autres
// langues", "Langues étrangères"), alone or before its value.
var reLanguageLabel = regexp.MustCompile(`(?i)^\s*(?:mother\s+tongues?|native\s+languages?|first\s+languages?|other\s+languages?|foreign\s+languages?|` +
	`langues?\s+maternelles?|autres?\s+langues?|langues?\s+[ée]trang[èe]res?|` +
	`langue\(s\)\s+maternelle\(s\)|autre\(s\)\s+langue\(s\)|mother\s+tongue\(s\)|other\s+language\(s\))\s*(?:[:：]\s*|\t+\s*|$)`)

// reLevelFirst is a level written before a language ("basic Arabic",
// "working knowledge of French", "notions d'allemand").
var reLevelFirst = regexp.MustCompile(`(?i)^(basic|fluent|native|conversational|intermediate|elementary|beginner|advanced|limited|proficient|` +
	`working knowledge|notions|bonnes notions|notions scolaires)(?:\s+(?:of|in|de|en)\s+|\s+d['’]|\s+)(.+)$`)

// levelAfter moves a level written before a spoken language after it, in
// brackets, as the other items of a list give it: "basic Arabic" is
// "Arabic (basic)".
func levelAfter(it string) string {
	m := reLevelFirst.FindStringSubmatch(strings.TrimSpace(it))
	if m == nil || !isSpoken(m[2]) {
		return it
	}
	return m[2] + " (" + m[1] + ")"
}

// allLeveled says whether every item gives a level after its name
// ("Kabyle : langue maternelle", "Malagasy – native", "Twi (fluent)"): a
// language the list of spoken languages may not name.
func allLeveled(items []string) bool {
	for _, it := range items {
		name, level, ok := strings.Cut(it, ":")
		if !ok {
			m := reLevel.FindStringIndex(it)
			if m == nil {
				return false
			}
			name, level = it[:m[0]], strings.TrimLeft(strings.TrimSpace(it[m[0]:]), "-–—")
		}
		if n := len(strings.Fields(name)); n == 0 || n > 3 || !isLevel(level) {
			return false
		}
	}
	return len(items) > 0
}

// languageCells keeps the language of a row that sets its level in cells
// of their own ("English<tab>Native", "Arabe<tab>langue maternelle",
// "Anglais<tab>professionnel (TOEIC 850)"): one item before cells that are
// levels, or a spoken language first and no other language beside it.
func languageCells(t string) string {
	cells := strings.Split(t, "\t")
	if len(cells) < 2 {
		return t
	}
	levels := true
	for _, c := range cells[1:] {
		levels = levels && isLevel(c)
	}
	if levels && len(splitSkills(cells[0])) == 1 {
		return cells[0] // "Irish<tab>Fluent": whatever the language, its level
	}
	if !isSpoken(cells[0]) {
		return t
	}
	for _, c := range cells[1:] {
		if spokenShare(splitSkills(c)) > 0 {
			return t
		}
	}
	return cells[0]
}

// titleLike is the shape of a heading: one to four words, no digits or
// sentence punctuation, capitalised.
func titleLike(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), ":")
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 4 || strings.ContainsAny(t, "0123456789,;.()@|\t") {
		return false
	}
	return unicode.IsUpper([]rune(t)[0])
}

// trailingCEFR writes a framework level typed after a spoken language
// ("German B2") in brackets, as a list's other levels are.
func trailingCEFR(it string) string {
	if m := reTrailingCEFR.FindStringSubmatch(strings.TrimSpace(it)); m != nil && isSpoken(m[1]) {
		return m[1] + " (" + m[2] + ")"
	}
	return it
}

func lastRune(t string) string {
	t = strings.TrimSpace(t)
	r, _ := utf8.DecodeLastRuneInString(t)
	if r == utf8.RuneError {
		return ""
	}
	return string(r)
}

// groupLabel: a label that names a group of skills or the spoken
// languages, as a heading would ("Languages", "Outils", "Technical skills").
func groupLabel(t string) bool {
	k, ok := headingKind(t)
	return ok && (k == secSkills || k == secLanguages)
}

// unbracket is s without the brackets a level was already given
// ("Italien: (Notions)" is "Italien (Notions)", not "((Notions))").
func unbracket(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && strings.Count(s, "(") == 1 {
		return s[1 : len(s)-1]
	}
	return s
}

// reMeasure is a figure with its unit ("55 wpm", "98% accuracy", "120
// words per minute", "60 mots/min"); a product's number is set close
// ("3D", "5S").
var reMeasure = regexp.MustCompile(`^\d+(?:[.,]\d+)?(?:\s*%|\s+\pL+(?:/\pL+)?)(?:\s+\pL+)*$`)

// measureWords name what a figure measures ("Typing speed", "Vitesse de
// frappe", "Accuracy"): a label of one is no skill, and the line is read
// whole.
var measureWords = wordSet(`speed rate accuracy vitesse rapidité précision`)

// measureLabel says whether a label names a measure rather than a skill.
func measureLabel(label string) bool {
	for _, w := range strings.Fields(strings.ToLower(label)) {
		if measureWords[w] {
			return true
		}
	}
	return false
}

// measures counts the items of a list when every one is a figure with its
// unit, and is 0 otherwise. Years of practice ("5 years") are a level.
func measures(items []string) int {
	for _, it := range items {
		if !reMeasure.MatchString(strings.TrimSpace(it)) || isLevel(it) {
			return 0
		}
	}
	return len(items)
}

// reDeclaration opens the declaration that closes many CVs ("I hereby
// declare that…", "Je certifie sur l'honneur…"), set under the last
// section.
var reDeclaration = regexp.MustCompile(`(?i)^(?:i\s+(?:hereby\s+)?(?:declare|certify|confirm|affirm)|je\s+(?:soussign\S*|certifie|d[ée]clare|atteste)|` +
	`(?:i|je)\s*,\s+\S+.*(?:declare|certif|d[ée]clare|atteste))`)

// reSentenceEnd is the end of one sentence and the start of the next.
var reSentenceEnd = regexp.MustCompile(`\p{Ll}[.!?]\s+\p{Lu}`)

// prose says whether a line of a skills section is written as sentences,
// not as a list: a declaration, or two sentences or more ("Own van and
// tools. Full licence."). A skill names a thing; it does not end one
// sentence to start another.
func prose(t string) bool {
	t = strings.TrimSpace(t)
	return reDeclaration.MatchString(t) || reSentenceEnd.MatchString(t) && !strings.ContainsAny(t, ",;|•·\t")
}

// headingItem says whether an item of a list is the heading of a list
// ("Langues", "Skills") read into it: a grid of chips whose next block's
// heading sits in a cell beside the last chips. Words that head a list and
// name a skill too ("Informatique", "Software") are kept.
func headingItem(it string) bool {
	k, ok := headingKind(it)
	return ok && (k == secLanguages || k == secSkills && !cvSkillHeadings[fold(it)])
}

// reLanguagePair is a language named before a colon or a spaced dash
// ("Néerlandais :", "Kiswahili —").
var reLanguagePair = regexp.MustCompile(`(\p{Lu}[\p{L}'’-]+)(?:\s*[:：]|\s+[-–—]\s)`)

// splitLanguagePairs sets a semicolon between the pairs of a row that
// gives each language its level after a colon or a dash with nothing
// between the pairs ("Français : langue maternelle Néerlandais : notions
// Anglais : lu", "English — Fluent Kiswahili — Fluent"): two such pairs
// or more, each named a spoken language.
func splitLanguagePairs(t string) string {
	ms := reLanguagePair.FindAllStringSubmatchIndex(t, -1)
	if len(ms) < 2 {
		return t
	}
	for _, m := range ms {
		if !isSpoken(t[m[2]:m[3]]) {
			return t
		}
	}
	var b strings.Builder
	from := 0
	for _, m := range ms[1:] {
		at := m[0]
		// "… Scottish Gaelic – fluent": a language of two words is cut
		// before its first.
		if ws := strings.Fields(t[from:at]); len(ws) > 0 && isSpoken(ws[len(ws)-1]+" "+t[m[2]:m[3]]) {
			at = strings.LastIndex(t[:at], ws[len(ws)-1])
		}
		b.WriteString(strings.TrimRight(t[from:at], " ,;"))
		b.WriteString("; ")
		from = at
	}
	b.WriteString(t[from:])
	return b.String()
}

// labelsApart marks as an item of its own a line under a bullet that
// opens with a group's label ("• Gestion : Atlas, archivage" / "Langues :
// Français, Anglais"): a list of its own whose bullet was lost (OCR, a
// glyph drawn as a shape), not the wrapped rest of the bullet above.
func labelsApart(lines []line) []line {
	var out []line
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		label, rest, ok := strings.Cut(l.text, ":")
		if !lines[i-1].bullet || l.bullet || !ok || strings.TrimSpace(rest) == "" ||
			!(groupLabel(label) || groupWords(strings.TrimSpace(label))) {
			continue
		}
		if out == nil {
			out = slices.Clone(lines)
		}
		out[i].bullet = true
	}
	if out == nil {
		return lines
	}
	return out
}

// interestsHeading: t heads pastimes ("CENTRES D'INTÉRÊT", "Hobbies").
func interestsHeading(t string) bool {
	t = cleanHeading(t)
	_, ok := headingKind(t)
	return ok && interestLabels[fold(t)]
}

// reDocumentTitle is a page's running header naming the document ("Jane
// Roe — Curriculum Vitae<tab>Confidential") read between a list's lines.
var reDocumentTitle = regexp.MustCompile(`(?i)\bcurriculum\s+vit(?:ae|æ)\b`)

// reSpokenPair is two or three languages set apart by slashes, after a
// word saying how many are spoken ("Bilingual English/Spanish",
// "Trilingue français / arabe / anglais").
var reSpokenPair = regexp.MustCompile(`(?i)^(?:bilingual|bilingue|trilingual|trilingue|fluent|fluent in)?\s*(\pL+)\s*/\s*(\pL+)(?:\s*/\s*(\pL+))?$`)

// spokenPair gives the languages of such an item, or nil unless every
// one is a spoken language.
func spokenPair(it string) []string {
	m := reSpokenPair.FindStringSubmatch(strings.TrimSpace(it))
	if m == nil {
		return nil
	}
	var out []string
	for _, l := range m[1:] {
		if l == "" {
			continue
		}
		if !isSpoken(l) {
			return nil
		}
		out = append(out, l)
	}
	return out
}
