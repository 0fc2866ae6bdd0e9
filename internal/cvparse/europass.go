package cvparse

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// euRole is what a Europass row's label says its value is.
type euRole int

const (
	euNone     euRole = iota
	euPersonal        // "Personal information": the value, if any, is the name
	euName
	euAddress
	euPhone
	euEmail
	euHeadline // "Desired employment", "Poste visé": the headline
	euSection  // a section label; kind says which
	euDates
	euTitle
	euActivities
	euEmployer
	euSector
	euDegree
	euSubjects
	euSchool
	euLevel // "Level in national or international classification"
	euLanguages
	euSkills       // kind is secSkills (a list) or secOther (soft skills: a list, or prose kept whole)
	euOther        // "Driving licence", "Additional information": kept under its label
	euPersonalData // nationality, date of birth: kept at the end under the personal information label
	euTitleLine    // "Europass", "Curriculum Vitae" above the form
)

type euLabel struct {
	role euRole
	kind sectionKind
	// specific labels are found in Europass CVs and hardly elsewhere; two
	// of them make a document read as one.
	specific bool
	// phrases: a skills row whose short phrase is one skill (see
	// euPhraseSkill).
	phrases bool
}

// euLabels is the label vocabulary of the Europass CV, in its 2004 and 2013
// forms, in English and French. A Europass CV is a two-column table: these
// labels in the left column, their values in the right one.
var euLabels = func() map[string]euLabel {
	m := map[string]euLabel{}
	add := func(l euLabel, labels ...string) {
		for _, s := range labels {
			m[euKey(s)] = l
		}
	}
	spec := func(r euRole, k sectionKind) euLabel { return euLabel{role: r, kind: k, specific: true} }
	add(euLabel{role: euPersonal}, "Personal information", "Personal details", "Informations personnelles", "Information personnelle",
		"État civil")
	add(spec(euName, 0), "First name(s) / Surname(s)", "Surname(s) / First name(s)", "Nom(s) / Prénom(s)", "Prénom(s) / Nom(s)")
	add(euLabel{role: euAddress}, "Address(es)", "Adresse(s)")
	add(euLabel{role: euPersonalData}, "Nationality", "Nationalité", "Date of birth", "Date de naissance", "Gender", "Sex", "Sexe",
		"Fax", "Télécopie(s)", "Instant messaging", "Messagerie instantanée", "Place of birth", "Lieu de naissance")
	add(euLabel{role: euTitleLine}, "Europass", "Curriculum Vitae", "Europass Curriculum Vitae")
	add(euLabel{role: euPhone}, "Telephone(s)", "Téléphone(s)", "Mobile", "Portable")
	add(euLabel{role: euEmail}, "E-mail(s)", "Courrier(s) électronique(s)", "Courriel(s)")
	add(spec(euHeadline, 0), "Desired employment / Occupational field", "Emploi recherché / Domaine de compétence",
		"Job applied for", "Preferred job", "Studies applied for", "Études visées")
	add(euLabel{role: euHeadline}, "Position", "Emploi recherché", "Poste visé", "Emploi souhaité", "Poste recherché")
	add(euLabel{role: euSection, kind: secExperience}, "Work experience", "Expérience professionnelle")
	add(euLabel{role: euSection, kind: secEducation}, "Education and training", "Éducation et formation")
	add(spec(euSection, secSkills), "Personal skills and competences", "Personal skills", "Aptitudes et compétences personnelles",
		"Compétences personnelles")
	add(euLabel{role: euDates}, "Dates", "Date(s)", "Period", "Période")
	add(spec(euTitle, 0), "Occupation or position held", "Fonction ou poste occupé", "Profession ou poste occupé")
	add(spec(euActivities, 0), "Main activities and responsibilities", "Principales activités et responsabilités")
	add(spec(euEmployer, 0), "Name and address of employer", "Nom et adresse de l'employeur")
	add(spec(euSector, 0), "Type of business or sector", "Type ou secteur d'activité", "Type d'entreprise ou secteur", "Activité ou secteur")
	add(spec(euDegree, 0), "Title of qualification awarded", "Intitulé du certificat ou diplôme délivré",
		"Intitulé du diplôme ou du certificat délivré")
	add(spec(euSubjects, 0), "Principal subjects / occupational skills covered",
		"Principales matières / compétences professionnelles couvertes")
	add(spec(euSchool, 0), "Name and type of organisation providing education and training",
		"Name and type of organization providing education and training",
		"Nom et type de l'établissement d'enseignement ou de formation", "Nom et type de l'établissement")
	add(spec(euLevel, 0), "Level in national or international classification", "Niveau dans la classification nationale ou internationale")
	add(spec(euLanguages, 0), "Mother tongue(s)", "Other language(s)", "Foreign language(s)", "Langue(s) maternelle(s)", "Autre(s) langue(s)",
		"Langue(s) étrangère(s)")
	// The 2004 form's rows as the CVs filling it in shorten them, words
	// any CV's table may use: they read a row of a Europass CV, and make
	// no CV one.
	add(euLabel{role: euLanguages}, "Other languages", "Foreign languages", "Autres langues", "Langues étrangères")
	add(euLabel{role: euSkills, kind: secOther}, "Social skills", "Organisational skills", "Organizational skills")
	// The 2013 form's job-related row lists the trade's skills, as its
	// digital row lists tools.
	add(spec(euSkills, secSkills), "Technical skills and competences", "Computer skills and competences", "Digital skills",
		"Digital competence", "Aptitudes et compétences techniques", "Aptitudes et compétences informatiques",
		"Compétences numériques", "Compétence numérique", "Compétences informatiques", "Compétences techniques",
		"Job-related skills", "Compétences liées à l'emploi", "Compétences professionnelles")
	add(spec(euSkills, secOther), "Social skills and competences", "Organisational skills and competences",
		"Organizational skills and competences", "Artistic skills and competences", "Other skills and competences",
		"Other skills", "Aptitudes et compétences sociales", "Aptitudes et compétences organisationnelles",
		"Aptitudes et compétences artistiques", "Autres aptitudes et compétences",
		"Compétences relationnelles", "Compétences organisationnelles", "Autres compétences")
	// The 2013 form's communication and organisational rows, under their
	// own wording: the form asks for one phrase a skill ("good
	// communication skills gained through my experience as sales
	// manager"), and such a phrase is one skill as written.
	add(euLabel{role: euSkills, kind: secOther, specific: true, phrases: true}, "Communication skills",
		"Organisational / managerial skills", "Organizational / managerial skills", "Compétences en communication",
		"Compétences organisationnelles / managériales")
	add(euLabel{role: euOther, kind: secOther}, "Driving licence(s)", "Driving license(s)", "Permis de conduire",
		"Additional information", "Informations complémentaires", "Information complémentaire",
		"Annexes")
	return m
}()

// euKey folds a label and drops the plural marks "(s)", "(es)" of the
// form's wording ("Langue(s) maternelle(s)", "Address(es)").
func euKey(s string) string {
	s = strings.NewReplacer("(s)", "", "(es)", "").Replace(strings.ToLower(s))
	var kept []string
	for _, w := range strings.Fields(fold(s)) {
		if w != "s" {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// euGridWords are the headings of the Europass language grid
// ("Understanding / Speaking / Writing", "Listening  Reading") and the
// words of its level descriptors: a row made of them names no language.
var euGridWords = wordSet(`understanding speaking writing listening reading spoken interaction production self assessment
	european level proficient independent basic user comprendre parler ecrire ecouter lire prendre part a une conversation
	s exprimer oralement en continu expression orale oral ecrite comprehension lecture ecriture auto evaluation niveau europeen utilisateur
	experimente independant elementaire
	information processing content creation problem solving safety communication
	traitement de l l information creation de contenu resolution de problemes securite`)

// reCEFR is a level of the Common European Framework ("B2"), as OCR may
// read it too ("Al" for A1).
var reCEFR = regexp.MustCompile(`^(?:[ABC][12lI|]\+?|[abc][12])$`)

// euGridRow reads a row of the language grid: a language then one level
// per skill ("anglais<tab>C1<tab>B2<tab>C1"). It returns the language.
func euGridRow(t string) (string, bool) {
	cells := strings.Split(t, "\t")
	if len(cells) < 2 {
		return "", false
	}
	levels := 0
	for _, c := range cells[1:] {
		for _, w := range strings.Fields(c) {
			switch {
			case reCEFR.MatchString(w):
				levels++
			case euGridWords[fold(w)]:
			default:
				return "", false
			}
		}
	}
	// The first cell may take the first level in when the columns are
	// close ("néerlandais A2<tab>A2<tab>A1").
	lang := strings.TrimSpace(cells[0])
	if ws := strings.Fields(lang); len(ws) > 1 && reCEFR.MatchString(ws[len(ws)-1]) {
		lang, levels = strings.Join(ws[:len(ws)-1], " "), levels+1
	}
	return lang, levels > 0 && isSpoken(lang)
}

// reEuGridNote is the note under the language grid ("(*) Cadre européen
// commun de référence pour les langues", "Levels: A1/A2: Basic user …"):
// read as the last language's wrapped line, it took that language away.
var reEuGridNote = regexp.MustCompile(`(?i)^\s*(?:\(\*\)|\*\s|.*\b(?:cadre europ[ée]en commun|common european framework)\b|(?:levels?|niveaux?)\s*:\s*a1\b)`)

// euGridHeading says whether t is nothing but grid headings; OCR may
// misread one of three or more ("Listening Reading eboken Writing").
func euGridHeading(t string) bool {
	ws := strings.Fields(fold(t))
	known := 0
	for _, w := range ws {
		if euGridWords[w] {
			known++
		}
	}
	return known > 0 && (known == len(ws) || known >= 3 && known == len(ws)-1)
}

// euWraps are the roles whose values run over several lines; personal
// information is one value per line (address, phone, e-mail under the name).
var euWraps = map[euRole]bool{euActivities: true, euSubjects: true, euEmployer: true, euSchool: true, euSector: true,
	euTitle: true, euDegree: true, euSkills: true, euLanguages: true, euOther: true}

// euRow is a line read as a Europass row.
type euRow struct {
	line
	label string
	value string
	lab   euLabel
	found bool
	// datesNext: the next row's dates label stood beside this label.
	datesNext bool
	// headAfter: a section heading in capitals read into this row's label
	// cell ("Driving licence ADDITIONAL INFORMATION<tab>B"); it follows
	// the row.
	headAfter string
}

func euRowOf(l line) euRow {
	label, value, _ := strings.Cut(l.text, "\t")
	r := euRow{line: l, label: strings.TrimSpace(label), value: strings.TrimSpace(value)}
	r.lab, r.found = euLookup(r.label)
	// "Nom et type de l'établissement Dates": the next row's dates
	// label set beside this row's label; its value is on the next line.
	if ws := strings.Fields(r.label); !r.found && len(ws) > 1 {
		if next, ok := euLabels[euKey(ws[len(ws)-1])]; ok && next.role == euDates {
			r.lab, r.found = euLabels[euKey(strings.Join(ws[:len(ws)-1], " "))]
			r.datesNext = r.found
		}
	}
	if !r.found {
		r.label, r.headAfter, r.found = euGluedHeading(r.label)
		r.lab = euLabels[euKey(r.label)]
	}
	return r
}

// euLookup finds a label of the form's vocabulary, as written or as OCR
// misread a long one by a letter or two ("First name(s) / Summame(s)").
func euLookup(label string) (euLabel, bool) {
	key := euKey(label)
	if lab, ok := euLabels[key]; ok {
		return lab, true
	}
	n := utf8.RuneCountInString(key)
	if n < euFuzzyMin {
		return euLabel{}, false
	}
	for _, f := range euFuzzyLabels {
		if d := f.runes - n; max(d, -d) <= euFuzzyMost && editDistance(f.key, key) <= min(n/euFuzzyShare, euFuzzyMost) {
			return f.lab, true
		}
	}
	return euLabel{}, false
}

// euFuzzyLabels are the form-specific labels euLookup may match through a
// misread, in key order so that the same text always finds the same label
// (a map's order changes from run to run), with their lengths in runes
// counted once.
var euFuzzyLabels = func() []euFuzzyLabel {
	var out []euFuzzyLabel
	for k, lab := range euLabels {
		if lab.specific {
			out = append(out, euFuzzyLabel{key: k, runes: utf8.RuneCountInString(k), lab: lab})
		}
	}
	slices.SortFunc(out, func(a, b euFuzzyLabel) int { return strings.Compare(a.key, b.key) })
	return out
}()

type euFuzzyLabel struct {
	key   string
	runes int
	lab   euLabel
}

// euFuzzyMin is the shortest label (in letters) read through OCR's
// misreads, at most one letter in euFuzzyShare and euFuzzyMost in all: a
// short one misread is as near another word ("Dates", "Datos"), and a
// long one with a word more is another cell ("… training Dates").
const (
	euFuzzyMin   = 16
	euFuzzyShare = 8
	euFuzzyMost  = 2
)

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			sub := prev[j-1]
			if ra[i-1] != rb[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// euLabelsInCell reads, in a document with a label of the form already,
// the rows whose label OCR set in one cell with its value ("Occupation or
// position held Site Engineer": on a photo, the gap between a label set
// flush right and its value can be no wider than a word space): a row
// with no tab, starting in the label column (no further right than the
// labelled rows do, where a value's wrapped line starts), whose first
// words are a label and are followed by more. Text without positions
// (x = 0) shows no column and is left as it is.
func euLabelsInCell(rows []euRow, specific map[string]bool) {
	labelX := math.Inf(-1)
	for _, r := range rows {
		if r.found && r.value != "" && strings.Contains(r.text, "\t") {
			labelX = math.Max(labelX, r.x)
		}
	}
	for i, r := range rows {
		if r.found || strings.Contains(r.text, "\t") || r.x <= 0 || r.x > labelX {
			continue
		}
		ws := strings.Fields(r.text)
		for n := min(len(ws)-1, euMaxLabelWords); n >= 1; n-- {
			label := strings.Join(ws[:n], " ")
			if lab, ok := euLookup(label); ok {
				rows[i].label, rows[i].value, rows[i].lab, rows[i].found = label, strings.Join(ws[n:], " "), lab, true
				if lab.specific {
					specific[euKey(label)] = true
				}
				break
			}
		}
	}
}

// euMaxLabelWords is the most words of a label of the form ("Name and
// type of organisation providing education and training" has nine).
const euMaxLabelWords = 9

// euGluedHeading cuts a label cell read together with the section heading
// set level with it in the label column ("Driving licence ADDITIONAL
// INFORMATION", "JOB APPLIED FOR WORK EXPERIENCE", "Permis de conduire
// INFORMATIONS" whose heading's second word wraps below): a known label,
// then words in capitals that are no part of it. It returns the label and
// the heading, or the cell unchanged.
func euGluedHeading(cell string) (label, heading string, ok bool) {
	ws := strings.Fields(cell)
	// A heading has at most four words (capitalsLine): only those cuts
	// are tried, and the cheap capitals test before the label lookup,
	// since every row whose label is unknown comes here.
	for k := len(ws) - 1; k >= 1 && len(ws)-k <= 4; k-- {
		head := strings.Join(ws[k:], " ")
		if !capitalsLine(head) {
			continue
		}
		label := strings.Join(ws[:k], " ")
		if _, known := euLabels[euKey(label)]; known {
			return label, head, true
		}
	}
	return cell, "", false
}

// europass rewrites the rows of a Europass CV (label<tab>value, the label
// column read beside its values) into lines the rest of the parser reads
// as any CV's: the labels of personal data become contact labels, section
// labels become headings, each job's or course's rows become one entry
// (dates, title and employer first, then its activities as its body) and
// skills rows become skills, languages or, for prose, a section under
// their label. Documents with fewer than two labels of the Europass
// vocabulary are returned unchanged.
func europass(lines []line) []line {
	rows := make([]euRow, 0, len(lines))
	specific := map[string]bool{}
	lines = euFooterOut(lines)
	for i := 0; i < len(lines); i++ {
		r := euRowOf(lines[i])
		// A label wrapped in its narrow column ("COMPÉTENCES" /
		// "ORGANISATIONNELLES"): its two parts make the label, its two
		// values one value.
		// A label that is one already may wrap into a longer one
		// ("Compétences organisationnelles /" / "managériales<tab>…").
		// A label closed by its colon ("Nom :" over "Prénom :") is
		// whole: the row under it is a row of its own.
		if i+1 < len(lines) && !strings.HasSuffix(r.label, ":") && !strings.HasSuffix(r.label, "：") {
			n := euRowOf(lines[i+1])
			if lab, ok := euLabels[euKey(r.label+" "+n.label)]; ok && !n.found && (!r.found || n.label != "" && n.value != "") {
				r.label, r.lab, r.found = r.label+" "+n.label, lab, true
				r.value = strings.TrimSpace(r.value + " " + n.value)
				i++
			}
		}
		// A known label whose wrapped end makes a longer one ("Nom et
		// type de l'établissement<tab>…" / "d'enseignement ou de
		// formation"): the line under it is the label's, no value.
		if r.found && i+1 < len(lines) && !strings.Contains(lines[i+1].text, "\t") {
			if _, ok := euLabels[euKey(r.label+" "+strings.TrimSpace(lines[i+1].text))]; ok {
				i++
			}
		}
		if r.found && r.lab.specific {
			specific[euKey(r.label)] = true
		}
		rows = append(rows, r)
		if r.headAfter != "" {
			rows = append(rows, euRowOf(line{text: r.headAfter, x: r.x, y: r.y, page: r.page, column: r.column}))
		}
		if r.datesNext && i+1 < len(lines) && onlyDates(lines[i+1].text) {
			i++
			rows = append(rows, euRow{line: lines[i], label: "Dates", value: strings.TrimSpace(lines[i].text),
				lab: euLabels[euKey("Dates")], found: true})
		}
	}
	if len(specific) > 0 {
		euLabelsInCell(rows, specific)
	}
	if len(specific) < 2 {
		return lines
	}
	// A value wrapped onto a row of its own (no label, set right of the
	// label column) continues the row above.
	kept := rows[:0]
	last := "" // the last line of the last row's value
	lastFull := false
	for _, r := range rows {
		if n := len(kept); n > 0 && !r.found && !strings.Contains(r.text, "\t") && r.x > 0 && kept[n-1].found &&
			kept[n-1].value != "" && r.x > kept[n-1].x+20 && euWraps[kept[n-1].lab.role] {
			if kept[n-1].lab.role == euSkills && (euItemLine(last, r.text) || !lastFull && euShortLine(last, r.text)) {
				kept[n-1].value += "; " + strings.TrimSpace(r.text)
			} else {
				kept[n-1].value = joinWrapped(kept[n-1].value, r.text)
			}
			last, lastFull = r.text, r.full
			continue
		}
		kept = append(kept, r)
		last, lastFull = r.value, r.full
	}
	rows = kept

	var out []line
	emit := func(r euRow, text string, bullet bool) {
		l := r.line
		l.text, l.bullet = text, bullet
		out = append(out, l)
	}
	// A row's value under the heading its label made is that section's
	// content, never a heading of its own ("Mother tongue(s)" over
	// "Romanian" set after a blank line).
	content := func(r euRow, text string) {
		emit(r, text, false)
		out[len(out)-1].gapBefore = false
	}
	head := func(r euRow, text string) {
		emit(r, text, false)
		out[len(out)-1].entryHead = true
	}
	opened := false // a section heading was read
	heading := func(r euRow, kind sectionKind) {
		l := r.line
		l.text, l.bullet, l.section, l.gapBefore = cleanHeading(r.label), false, kind, true
		out = append(out, l)
		opened = true
	}
	var entry, personal []euRow
	personalTitle := ""
	afterName, hasAddress := false, false
	flush := func() {
		if len(entry) == 0 {
			return
		}
		// Dates, title and employer (or degree and school) head the entry
		// whatever the order of their rows; the rest is its body.
		for _, role := range []euRole{euDates, euTitle, euDegree, euEmployer, euSchool} {
			for _, r := range entry {
				if r.lab.role != role || r.value == "" {
					continue
				}
				switch role {
				case euDates:
					head(r, "Dates\t"+r.value)
				case euTitle:
					head(r, "Position\t"+r.value)
				case euDegree:
					head(r, "Degree\t"+r.value)
				default:
					// "Name and address of employer": the name, then
					// the address.
					label := map[euRole]string{euEmployer: "Employer", euSchool: "Institution"}[role]
					name, addr, _ := strings.Cut(r.value, ",")
					if role == euEmployer {
						name, addr = euEmployerAddress(r.value)
						addr = euEmployerTown(addr)
					} else if uni, rest, _ := strings.Cut(strings.TrimSpace(addr), ","); schoolOfUniversity(name, uni) {
						// "École … (ESSA), Université d'Antananarivo":
						// the university the school belongs to is no
						// address.
						name, addr = name+", "+strings.TrimSpace(uni), rest
					}
					head(r, label+"\t"+strings.TrimSpace(name))
					if addr = strings.TrimSpace(addr); addr != "" {
						head(r, "Location\t"+addr)
					}
				}
			}
		}
		for _, r := range entry {
			if (r.lab.role == euActivities || r.lab.role == euSubjects || r.lab.role == euSector) && r.value != "" {
				emit(r, r.value, true)
			}
		}
		entry = nil
	}
	grid, certs := false, false // a grid row was read; a certificate under one opened Certifications
	for _, r := range rows {
		role := r.lab.role
		if !r.found {
			flush()
			// The 2013 form's entries are dated in the label column
			// ("10/2021 – CURRENT<tab>Senior Analyst"), and the form
			// sets work experience first under the personal
			// information: an entry under no heading yet is a job, its
			// heading lost (a band of white capitals OCR did not read).
			if !opened && euDatedRow(r) {
				heading(euRow{line: r.line, label: "Work experience"}, secExperience)
			}
			if lang, ok := euGridRow(r.text); ok {
				if certs {
					heading(euRow{line: r.line, label: "Languages"}, secLanguages)
					certs = false
				}
				// One language per row, kept apart from the next
				// row's ("anglais" / "allemand" are two).
				emit(r, lang, true)
				grid = true
				continue
			}
			if euGridHeading(r.text) || reEuGridNote.MatchString(r.text) {
				continue
			}
			// "Cambridge English: Advanced (CAE)", "DELF B2" under a
			// language's row: the certificate the form asks for there,
			// no language nor a wrapped part of one.
			if grid && !strings.Contains(r.text, "\t") && !isSpoken(r.text) {
				if !certs {
					heading(euRow{line: r.line, label: "Certifications"}, secCertifications)
					certs = true
				}
				emit(r, strings.TrimSpace(r.text), false)
				continue
			}
			// The 2013 form sets "Business or sector" inside the value
			// column under a job's description: a line of that job's
			// body, not the next job's header.
			if m := reEuInlineSector.FindStringSubmatch(r.text); m != nil {
				emit(r, m[1], true)
				continue
			}
			// Under the name, the 2013 form lists address, phones and
			// e-mail without labels: the line that is none of the others
			// is the address.
			if afterName && !hasAddress && euAddressLine(r.text) {
				hasAddress = true
				emit(r, "Address: "+r.text, false)
				continue
			}
			out = append(out, r.line)
			continue
		}
		afterName, grid, certs = false, false, false
		switch role {
		case euDates, euTitle, euActivities, euEmployer, euSector, euDegree, euSubjects, euSchool, euLevel:
			if len(entry) > 0 && (role == euDates || euHas(entry, role)) {
				flush()
			}
			entry = append(entry, r)
			continue
		}
		flush()
		switch role {
		case euTitleLine:
			// "EUROPASS<tab>Tomasz Nowak": the forms set the holder's
			// name level with the logo, in the value column.
			if euNameBeside(r.value) {
				emit(r, r.value, false)
				afterName = true
			}
		case euPersonalData:
			personal = append(personal, r)
		case euPersonal, euName, euHeadline:
			if role == euPersonal {
				personalTitle = r.label
			}
			afterName = role != euHeadline
			if r.value != "" {
				emit(r, r.value, false)
			}
		case euAddress:
			hasAddress = true
			emit(r, "Address: "+r.value, false)
		case euPhone:
			emit(r, "Phone: "+r.value, false)
		case euEmail:
			emit(r, "E-mail: "+r.value, false)
		case euSection:
			heading(r, r.lab.kind)
			if r.value != "" {
				content(r, r.value)
			}
		case euLanguages:
			heading(r, secLanguages)
			if r.value != "" && !euGridHeading(r.value) {
				content(r, r.value)
			}
		case euSkills:
			// "Digital skills<tab>SELF-ASSESSMENT" heads the form's
			// grid: the row opens its section, with no skill of its own.
			v := euSkillValue(r.value)
			kind := r.lab.kind
			switch {
			case kind == secSkills && euSentence(v):
				kind = secSoftProse
			case kind == secSkills:
			case r.lab.phrases && euClauses(v):
				kind = secSoftProse
			case v != "" && (euList(v) || r.lab.phrases && euPhraseSkill(v)):
				kind = secSkills
			case euProse(v):
				// A longer account is still one soft skill, as written.
				kind = secSoftProse
			}
			heading(r, kind)
			if kind == secSoftProse && strings.Join(strings.Fields(strings.ReplaceAll(r.value, ";", "; ")), "") == strings.Join(strings.Fields(v), "") {
				v = strings.TrimSpace(r.value) // as written: " ; " stays " ; "
			}
			if groups := euLabelledGroups(v); kind == secSkills && groups != nil {
				for _, g := range groups {
					content(r, g)
				}
			} else if v != "" {
				content(r, v)
				out[len(out)-1].whole = kind == secSkills && r.lab.phrases && !euPhraseList(v)
			}
		case euOther:
			heading(r, secOther)
			if r.value != "" {
				content(r, r.value)
			}
		}
	}
	flush()
	// Personal data the contact has no field for (nationality, date of
	// birth) is kept, after the CV's sections: read in the header, its
	// dates and words would pass for an entry.
	if len(personal) > 0 {
		if personalTitle == "" {
			personalTitle = "Personal information"
		}
		heading(euRow{line: personal[0].line, label: personalTitle}, secOther)
		for _, r := range personal {
			emit(r, r.label+": "+r.value, false)
		}
	}
	return out
}

// euDatedRow says whether a row's label cell is a date range beside a
// value: an entry's first row in the 2013 form.
func euDatedRow(r euRow) bool {
	label, value, ok := strings.Cut(r.text, "\t")
	return ok && strings.TrimSpace(value) != "" && onlyDates(strings.TrimSpace(label))
}

// reEuAddressSep is what sets the parts of an employer's name and address
// apart: a comma or a dash.
var reEuAddressSep = regexp.MustCompile(`,\s+|\s+[–—-]\s+`)

// euEmployerAddress cuts the value of "Name and address of employer" where
// its address starts: at the first part after a comma or a dash that is a
// place, a street or an industrial zone, or holds a number (a street, a
// postcode). A department or a branch written before it is the
// employer's ("Ville de Brest, Direction des Sports – Brest"). With no
// such part, the address is what follows the first comma unless it names
// a unit.
func euEmployerAddress(v string) (name, addr string) {
	seps := reEuAddressSep.FindAllStringIndex(v, -1)
	for k, m := range seps {
		end := len(v)
		if k+1 < len(seps) {
			end = seps[k+1][0]
		}
		if seg := strings.TrimSpace(v[m[1]:end]); isLocation(seg) || townShaped(seg) || streetPart(seg) || strings.ContainsAny(seg, "0123456789") {
			return strings.TrimSpace(v[:m[0]]), strings.TrimSpace(v[m[1]:])
		}
	}
	name, addr, _ = strings.Cut(v, ",")
	if countIn(addr, unitWords) > 0 {
		return strings.TrimSpace(v), ""
	}
	return strings.TrimSpace(name), strings.TrimSpace(addr)
}

// euEmployerTown is the town of an employer's address: its street and
// house number dropped ("Plot 118 Lumumba Road, Lusaka" → "Lusaka", "Bd.
// Iuliu Maniu 7, Bucharest" → "Bucharest"), since a job's place is where
// it was, not the employer's postal address. An address with no street
// part first, or nothing after it, is kept as written.
func euEmployerTown(addr string) string {
	parts := strings.Split(addr, ",")
	k := 0
	for k < len(parts)-1 && euStreet(parts[k]) {
		k++
	}
	return strings.TrimSpace(strings.Join(parts[k:], ","))
}

// euStreet says whether part of an address names a street with its
// number: a street word ("Road", "Bd.", "Plot") and a digit.
func euStreet(part string) bool {
	if !strings.ContainsAny(part, "0123456789") {
		return false
	}
	for _, w := range strings.Fields(part) {
		if w = strings.ToLower(strings.TrimRight(w, ".")); streetWords[w] || plotWords[w] {
			return true
		}
	}
	return false
}

// plotWords name a street or a plot in an address, abbreviated or in
// the ways of the countries whose Europass CVs give them ("Str.", "Plot
// 118", "ul."), beside streetWords.
var plotWords = wordSet(`str strada ul ulica plot stand erf`)

// streetWords open the part of an address that names a street or an
// industrial zone ("Zone industrielle Sidi Salem", "Rue du Port").
var streetWords = wordSet(`rue avenue boulevard bd chemin route quai allée impasse zone zi za zac parc street road lane
	drive estate via calle strasse straße`)

func streetPart(s string) bool {
	ws := strings.Fields(s)
	return len(ws) >= 2 && streetWords[strings.ToLower(ws[0])]
}

// reEuInlineSector is the 2013 form's "Business or sector" label set
// before its value on one line, in English and French.
var reEuInlineSector = regexp.MustCompile(`(?i)^(?:type\s+of\s+business\s+or\s+sector|business\s+or\s+sector|` +
	`type\s+ou\s+secteur\s+d['’]\s*activit[ée]s?|secteur\s+d['’]\s*activit[ée]s?|activit[ée]\s+ou\s+secteur)\s*:?\s+(\S.*)$`)

// euAddressLine: a line of words and numbers (a street or a postcode) that
// is no e-mail, link,
// phone number or run of personal data ("Sexe Masculin | Date de
// naissance …").
func euAddressLine(t string) bool {
	return strings.IndexFunc(t, unicode.IsLetter) >= 0 && strings.IndexFunc(t, unicode.IsDigit) >= 0 &&
		!strings.ContainsAny(t, "@|\t") && !reURL.MatchString(t) && !isPhone(t) && len(strings.Fields(t)) >= 2
}

func euHas(rows []euRow, role euRole) bool {
	for _, r := range rows {
		if r.lab.role == role {
			return true
		}
	}
	return false
}

// euList says whether a skills value is a list of short items rather than
// sentences ("Team leadership, negotiation" against "Led monthly
// performance reviews with eight workshop managers").
func euList(v string) bool {
	items := splitSkills(v)
	// Several short phrases ("prise de parole en direct, animation de
	// tables rondes") list skills; one long phrase is prose.
	most := 4
	if len(items) >= 2 {
		most = 7
	}
	// Three items or more are a list even when one names a longer
	// technique ("Calcul de structures béton armé et charpente
	// métallique (Eurocodes), VRD, métré"); brackets only detail it.
	if len(items) >= 3 {
		most = 8
	}
	for _, it := range items {
		n := len(strings.Fields(reParenthesised.ReplaceAllString(it, "")))
		if n > most || strings.HasSuffix(strings.TrimSpace(it), ".") && len(strings.Fields(it)) > 4 {
			return false
		}
	}
	return len(items) > 0
}

// euProse says whether a soft-skills row's value is written as sentences
// rather than a list of skills (an account longer than euPhraseSkill
// takes): such a row is one soft skill as written.
func euProse(v string) bool {
	return strings.TrimSpace(v) != "" && !euList(v)
}

// euClauses says whether a phrases row's value sets clauses apart with
// semicolons, one of six words or more, each after the first going on in
// lower case ("Planning and prioritising under tight deadlines; trained
// two new coordinators in 2022"): the row is a sentence, one soft skill as
// written, where cut at its semicolons its parts would be no skills.
func euClauses(v string) bool {
	clauses := strings.Split(v, ";")
	if len(clauses) < 2 {
		return false
	}
	long := false
	for i, c := range clauses {
		c = strings.TrimSpace(c)
		// Items set one a line open in capitals ("…; Surveillance
		// hémodynamique"): a clause going on from the last opens in
		// lower case ("…; trained two new coordinators").
		if r := []rune(c); i > 0 && (len(r) == 0 || !unicode.IsLower(r[0])) {
			return false
		}
		long = long || len(strings.Fields(reParenthesised.ReplaceAllString(c, ""))) >= 6
	}
	return long
}

// euItemLine says whether next, a line under a skills row's value, is an
// item of its own, one a line ("Ventilation mécanique invasive" /
// "Surveillance hémodynamique (PiCCO)" / "ECMO"), not the wrapped rest of
// prev: it opens in capitals, prev is short and ends on no separator or
// word that a phrase would go on from.
func euItemLine(prev, next string) bool {
	prev, next = strings.TrimSpace(prev), strings.TrimSpace(next)
	r := []rune(next)
	// A line that ends a sentence ends its item, however long.
	if prev == "" || len(r) == 0 || !unicode.IsUpper(r[0]) ||
		len(strings.Fields(reParenthesised.ReplaceAllString(prev, ""))) > 6 && !strings.HasSuffix(prev, ".") {
		return false
	}
	return !strings.ContainsAny(prev[len(prev)-1:], ",;:-–(&/") && !endsInFunctionWord(prev)
}

// euShortLine says whether next, under a skills row's line prev that
// stopped short of the column's edge (the PDF's line is not full), is an
// item of its own however long prev is ("Digital tachograph and EU driving
// time rules (Reg. 561/2006)" / "Load securing", "Statistical process
// control (SPC)" / "8D problem solving"): nothing wrapped it there. It
// opens in capitals or a digit, prev ends on no separator or word a phrase
// would go on from.
func euShortLine(prev, next string) bool {
	prev, next = strings.TrimSpace(prev), strings.TrimSpace(next)
	r := []rune(next)
	if prev == "" || len(r) == 0 || !(unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])) {
		return false
	}
	return !strings.ContainsAny(prev[len(prev)-1:], ",;:-–(&/") && !endsInFunctionWord(prev)
}

// euLabelledGroups cuts a skills row's value made of labelled groups, one
// a line ("Test automation: Selenium, Cypress; API and performance
// testing: Postman, JMeter"), into its groups: read as one line, only the
// first label was taken for one and the next ones were read into an item.
// It is nil unless two parts or more open with a label.
func euLabelledGroups(v string) []string {
	parts := strings.Split(v, "; ")
	labelled := 0
	for _, p := range parts {
		if label, rest, ok := strings.Cut(p, ":"); ok && len(strings.Fields(label)) <= 5 && strings.TrimSpace(rest) != "" {
			labelled++
		}
	}
	if labelled < 2 {
		return nil
	}
	return parts
}

// reEuFooter is the form's page footer ("© European Union, 2002-2020 |
// europass.cedefop.europa.eu"), which the label column's text may be read
// through ("© European Union, 2002-2020 Mother|tongue(s)
// europass.cedefop.europa.eu<tab>Romanian").
var reEuFooter = regexp.MustCompile(`© ?(?:European Union|Union européenne),? ?\d{4} ?[-–] ?\d{4} *|\|? *(?:https?://)?europass\.(?:cedefop\.)?europa\.eu *\|?`)

// reLetterBar is the footer's bar read between two letters of a label.
var reLetterBar = regexp.MustCompile(`(\pL)\|(\pL)`)

// euFooterOut takes the form's footer out of the rows it was read into;
// a row made of nothing else is dropped.
func euFooterOut(lines []line) []line {
	var out []line
	for i, l := range lines {
		if !reEuFooter.MatchString(l.text) {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append([]line{}, lines[:i]...)
		}
		t := reLetterBar.ReplaceAllString(reEuFooter.ReplaceAllString(l.text, " "), "$1 $2")
		cells := strings.Split(t, "\t")
		for k, c := range cells {
			cells[k] = strings.Join(strings.Fields(c), " ")
		}
		if l.text = strings.Trim(strings.Join(cells, "\t"), "\t "); l.text != "" {
			out = append(out, l)
		}
	}
	if out == nil {
		return lines
	}
	return out
}

// euSkillValue is a skills row's value without the parts that name no
// skill: the digital row's grid ("SELF-ASSESSMENT") or a sentence giving
// the grid's level.
func euSkillValue(v string) string {
	var kept []string
	for _, seg := range strings.Split(v, "; ") {
		if seg = strings.TrimSpace(seg); seg != "" && !euGridHeading(seg) && !reEuSelfLevel.MatchString(seg) {
			kept = append(kept, seg)
		}
	}
	return strings.Join(kept, "; ")
}

// reEuSelfLevel opens a sentence giving the level the grid would show
// ("Proficient user in all five areas of the self-assessment grid"): it
// rates the skills, it names none.
var reEuSelfLevel = regexp.MustCompile(`(?i)^(?:proficient|independent|basic)\s+user\b|^utilisateur\s+(?:exp[ée]riment[ée]|ind[ée]pendant|[ée]l[ée]mentaire)\b`)

// euPhraseList says whether the value of a phrases row lists short items
// (euList) rather than making one phrase: one item is a phrase, and an item
// that opens with a function word goes on with the phrase before its comma
// ("Sens de l'écoute acquis auprès des familles, en maison de retraite").
func euPhraseList(v string) bool {
	items := splitSkills(v)
	if len(items) < 2 || !euList(v) {
		return false
	}
	for _, it := range items {
		if ws := strings.Fields(it); len(ws) > 0 && (functionWords[strings.ToLower(ws[0])] || euParticiples[strings.ToLower(ws[0])]) {
			return false
		}
	}
	return true
}

// euParticiples open the part of the form's phrase that says where a
// skill was gained ("Good communication with dispatchers, warehouse staff
// and customers, gained over 10 years of international transport"): after
// a comma, the phrase goes on.
var euParticiples = wordSet(`gained acquired developed obtained built earned honed learnt learned acquis acquise acquises
	développé développée développés développées obtenu obtenue obtenus`)

// reEuSentence opens a skills row's value written as one sentence saying
// how well something is known ("Good command of GMP, GLP and data
// integrity requirements", "Bonne maîtrise du référentiel SYSCOHADA"):
// the form's phrase, one skill as written, not a list cut at its commas.
var reEuSentence = regexp.MustCompile(`(?i)^(?:(?:very |highly )?(?:proficient|experienced|skilled|familiar|competent)\s+(?:in|with)|` +
	`(?:(?:very )?(?:strong|good|solid|sound|excellent|thorough|working|in-depth)\s+)(?:knowledge|command|understanding|grasp|experience)\s+of|` +
	`(?:très |bonne |parfaite |excellente )(?:maîtrise|maitrise|connaissance|connaissances)\s+(?:de la |de l['’]|des |du |de |d['’]))`)

// euSentence says whether a skills row's value is one such sentence, on
// one line.
func euSentence(v string) bool {
	return reEuSentence.MatchString(strings.TrimSpace(v)) && !strings.Contains(v, "; ")
}

// euPhraseMax is the most words of a phrase read as one skill: the form's
// example phrase has ten; a longer passage is an account, kept as prose.
const euPhraseMax = 20

// euPhraseSkill says whether the value of a phrases row is a skill: a
// list, or a phrase of at most euPhraseMax words ("Good communication
// skills gained as the main contact between clients and carriers",
// "Coordination de l'équipe de nuit (4 infirmiers)").
func euPhraseSkill(v string) bool {
	return euPhraseList(v) || len(strings.Fields(v)) <= euPhraseMax
}

// euNameBeside: the value beside the form's title is a name (a few words,
// no digit, address or label), not the form's own words.
func euNameBeside(v string) bool {
	ws := strings.Fields(v)
	return len(ws) > 0 && len(ws) <= 6 && !strings.ContainsAny(v, "0123456789@:|/\t") && !euLabels[euKey(v)].specific &&
		euLabels[euKey(v)].role != euTitleLine
}
