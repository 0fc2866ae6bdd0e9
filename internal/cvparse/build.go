package cvparse

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/cv"
)

type builder struct {
	out     *cv.StructuredCV
	links   []string
	headerL []string // header text that was neither name nor contact
	// unplaced is text that belongs to no recognised section or field.
	unplaced []string
	// employer is the employer named on a line of its own above a
	// position, for the positions under it that name none.
	employer struct {
		company, location string
		// titleTail: the first position under it kept in its title a
		// part set after a comma ("Captain, B737 Fleet").
		titleTail bool
	}
	// layout is where the section's entries put their title and place.
	layout sectionLayout
	seq    map[string]int
	// jobSkills are the lines under jobs that list what the job was done
	// with ("Technologies: C#, Azure"), read into the skills at the end.
	jobSkills []line
	// eduRun holds the indexes in out.Education of the entries the last
	// section added, when it was an education section.
	eduRun []int
}

// stableID derives an id from the item's kind, its position among items of
// that kind, and its key text: re-parsing the same CV gives the same ids,
// and an edit to one item does not renumber the others' text hashes.
func (b *builder) stableID(prefix string, key ...string) string {
	if b.seq == nil {
		b.seq = map[string]int{}
	}
	n := b.seq[prefix]
	b.seq[prefix] = n + 1
	h := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%s", prefix, n, strings.Join(key, "|"))))
	return prefix + "_" + hex.EncodeToString(h[:5])
}

func (b *builder) add(s section) {
	prevEdu := b.eduRun
	b.eduRun = nil
	switch s.kind {
	case secHeader:
		f := contactFinder{c: &b.out.Contact}
		f.scan(s.lines, true)
		b.headerL = b.labelledLanguages(f.leftov)
		b.placeHeaderLeftovers()
	case secContact:
		f := contactFinder{c: &b.out.Contact}
		f.scan(s.lines, false)
		if rest := b.labelledLanguages(f.leftov); len(rest) > 0 {
			b.other(s.title, rest)
		}
	case secSummary:
		text := joinParagraph(s.lines)
		if b.out.Summary != "" {
			text = b.out.Summary + "\n" + text
		}
		b.out.Summary = text
	case secExperience, secVolunteer:
		b.employer.company, b.employer.location = "", ""
		lines, totals := takeTotalExperience(s.lines)
		b.unplaced = append(b.unplaced, totals...)
		lines, tech := takeJobSkills(lines)
		b.jobSkills = append(b.jobSkills, tech...)
		entries := groupEntries(jobSentences(lines))
		b.layout = sectionLayoutOf(entries)
		for _, e := range entries {
			x := b.experience(e)
			if s.kind == secVolunteer {
				b.out.Volunteer = append(b.out.Volunteer, cv.Item{ID: b.stableID("vol", x.Title, x.Company),
					Title: x.Title, Organization: x.Company, Date: joinDates(x.StartDate, x.EndDate),
					Description: x.Description, Bullets: x.Bullets})
				continue
			}
			b.out.Experience = append(b.out.Experience, x)
		}
	case secEducation:
		var xs []cv.Education
		var labelled, training, schoolFirst []bool
		for _, e := range foldExchanges(groupEntries(joinNoteWraps(degreeSentences(dropDurationNotes(s.lines))))) {
			x := b.education(e)
			// Lines with no degree, school or date are no education
			// entry: they go with what could not be placed.
			if x.Degree == "" && x.Institution == "" && x.StartDate == "" && x.EndDate == "" {
				b.unplaced = append(b.unplaced, x.Achievements...)
				if x.Description != "" {
					b.unplaced = append(b.unplaced, x.Description)
				}
				continue
			}
			xs = append(xs, x)
			labelled = append(labelled, degreeLabelled(e))
			training = append(training, trainingLabelled(e))
			schoolFirst = append(schoolFirst, schoolHeads(e, x))
		}
		xs, from := schoolOverQualifications(xs, schoolFirst)
		for k, x := range xs {
			if training[from[k]] || certificateEntry(x, !labelled[from[k]]) {
				b.out.Certifications = append(b.out.Certifications, b.certificate(x))
				continue
			}
			b.eduRun = append(b.eduRun, len(b.out.Education))
			b.out.Education = append(b.out.Education, x)
		}
		if xs, ok := pairedLists(b.out.Education, prevEdu, b.eduRun); ok {
			b.out.Education, b.eduRun = xs, prevEdu
		}
	case secSkills:
		for _, r := range parseSkills(s.lines, &b.out.Skills) {
			// "Certifications: AWS SAA (2022), CKA (2023)" in Skills: the
			// items go to their own section, one a line.
			if k, ok := headingKind(r[0]); ok && k != secOther {
				var ls []line
				for _, it := range splitSkills(r[1]) {
					ls = append(ls, line{text: it})
				}
				b.add(section{kind: k, title: r[0], lines: ls})
				continue
			}
			b.other(r[0], []string{r[1]})
		}
	case secSoftProse:
		// A Europass soft-skills row written as a sentence: one soft
		// skill a line, as written.
		for _, u := range toUnits(s.lines) {
			if t := strings.TrimSpace(u.text); t != "" {
				addSkill(&b.out.Skills, "soft", t)
			}
		}
	case secLanguages:
		// A table's "Mother tongue" row set as a heading over its value:
		// the label still says the next line is a language.
		b.looseSections(readLanguages(s.lines, &b.out.Skills, reLanguageLabel.MatchString(s.title)))
	case secProjects:
		b.out.Projects = append(b.out.Projects, b.items("proj", s.lines)...)
	case secCertifications:
		b.out.Certifications = append(b.out.Certifications, b.items("cert", s.lines)...)
	case secAwards:
		b.out.Awards = append(b.out.Awards, b.items("award", s.lines)...)
	case secPublications:
		b.out.Publications = append(b.out.Publications, b.items("pub", s.lines)...)
	case secActivities:
		b.out.Activities = append(b.out.Activities, b.items("act", s.lines)...)
	default:
		var texts []string
		for _, u := range toUnits(s.lines) {
			texts = append(texts, u.text)
		}
		b.other(s.title, b.labelledLanguages(texts))
	}
}

// languageLabels head a row that lists spoken languages outside a
// Languages section ("Languages known: English, Tamil" under Personal
// Details, "Langues : français, arabe" in the header).
var languageLabels = phraseSet(`languages language languages_known known_languages spoken_languages langues langue
	langues_parlees langues_etrangeres linguistic_skills languages_spoken home_language home_languages other_languages other_language
	mother_tongue mother_tongues first_language native_language foreign_languages langue_maternelle langues_maternelles
	autres_langues autre_langue`)

// labelledLanguages takes the spoken languages out of such rows and
// returns the other texts.
func (b *builder) labelledLanguages(texts []string) []string {
	var rest []string
	for _, t := range texts {
		if value, others, ok := languageField(t); ok {
			parseLanguages([]line{{text: value}}, &b.out.Skills)
			if others != "" {
				rest = append(rest, others)
			}
			continue
		}
		label, value, ok := strings.Cut(t, ":")
		if !ok {
			label, value, ok = strings.Cut(t, "\t")
		}
		if !ok {
			label, value, ok = strings.Cut(t, " · ") // a label/value row read by the contact finder
		}
		after := ""
		if i := strings.Index(value, ". "); ok && i >= 0 {
			value, after = value[:i], strings.TrimSpace(value[i+2:]) // "…, Spanish (fair). Volunteer: …"
		}
		if ok && languageLabels[fold(label)] && spokenShare(splitSkills(value)) >= 0.5 {
			parseLanguages([]line{{text: strings.TrimSpace(value)}}, &b.out.Skills)
			if after != "" {
				rest = append(rest, after)
			}
			continue
		}
		// "… Languages: English (native), Spanish (fair). Volunteer: …":
		// the list runs to the end of its sentence.
		if m := reLanguagesRun.FindStringSubmatchIndex(t); m != nil && languageLabels[fold(t[m[2]:m[3]])] {
			if value := t[m[4]:m[5]]; spokenShare(splitSkills(value)) >= 0.5 {
				parseLanguages([]line{{text: strings.TrimSpace(value)}}, &b.out.Skills)
				if r := strings.TrimSpace(t[:m[0]] + " " + strings.TrimLeft(t[m[1]:], ".; ")); r != "" {
					rest = append(rest, r)
				}
				continue
			}
		}
		rest = append(rest, t)
	}
	return rest
}

// reLanguagesRun is a labelled list of languages inside a paragraph, up to
// the end of its sentence.
var reLanguagesRun = regexp.MustCompile(`(?i)(?:^|[.;]\s+)((?:spoken\s+)?languages?(?:\s+(?:known|spoken))?|langues?(?:\s+parl[ée]es)?)\s*:\s*([^.;]+)`)

// placeHeaderLeftovers keeps header text that is not contact data: a long
// line is the summary; the rest waits for finishAdditional.
func (b *builder) placeHeaderLeftovers() {
	for _, t := range b.headerL {
		if len(strings.Fields(t)) >= 8 && b.out.Summary == "" {
			b.out.Summary = t
			continue
		}
		b.unplaced = append(b.unplaced, t)
	}
}

// looseSections files text found after the end of a section's content:
// title-like lines start sections (known kinds by keyword, others under
// their own title); text before any title is unplaced.
func (b *builder) looseSections(units []unit) {
	var cur *section
	rowSkills := false // cur was opened by a row labelled as skills
	flush := func() {
		if cur != nil {
			b.add(*cur)
			cur = nil
		}
	}
	for i, u := range units {
		if titleLike(u.text) && !u.bullet && (i == 0 || u.gapBefore) && i+1 < len(units) {
			flush()
			kind, ok := headingKind(u.text)
			if !ok {
				if kind, ok = keywordHeading(u.text); !ok {
					kind = secOther
				}
			}
			cur, rowSkills = &section{kind: kind, title: strings.TrimRight(u.text, ":： ")}, false
			// "Languages" / "English, French" / "Frameworks" / "Django,
			// React" in a Skills section: after the spoken languages, a
			// heading we have no word for over a short list without dates
			// ("Leadership" / "Coaching · Conflict resolution") heads
			// skills; a name made of words that name groups of skills
			// heads its group within them.
			if !ok {
				var next []line
				for _, v := range units[i+1:] {
					if titleLike(v.text) && !v.bullet {
						break
					}
					next = append(next, v.line)
				}
				if k, found := contentKind(next); found && k == secSkills {
					cur.kind = secSkills
					if groupWords(u.text) {
						cur.lines = []line{u.line} // the group's name heads its list
					}
				}
			}
			continue
		}
		// Label/value rows after the spoken languages ("Professional
		// skills<tab>Contract drafting, …", "Computer skills<tab>…"): a
		// row labelled as skills opens skills, a row labelled otherwise
		// ("Admissions<tab>…") closes them.
		if label, _, ok := skillLabel(u.text); ok && !u.bullet && (cur == nil || rowSkills) {
			k, found := keywordHeading(label)
			switch {
			case found && k == secSkills && cur == nil:
				cur, rowSkills = &section{kind: secSkills, title: strings.TrimSpace(label)}, true
			case !(found && k == secSkills) && rowSkills:
				flush()
				rowSkills = false
			}
		}
		if cur == nil {
			b.unplaced = append(b.unplaced, u.text)
			continue
		}
		cur.lines = append(cur.lines, u.line)
	}
	flush()
}

// additionalTitle names the one section that holds text the parser could
// not place, in the CV's language.
func additionalTitle(lang string) string {
	if lang == cv.French {
		return "Informations complémentaires"
	}
	return "Additional information"
}

// finishAdditional files what could not be placed in one "additional"
// section, after the sections that were recognised. A headline that
// repeats a position's title ("Senior Data Engineer" above that job) is
// already in the CV and is not repeated.
func (b *builder) finishAdditional() []string {
	titles := map[string]bool{}
	for _, x := range b.out.Experience {
		titles[fold(x.Title)] = true
	}
	var keep []string
	seen := map[string]bool{}
	for _, t := range b.unplaced {
		f := fold(t)
		if f == "" || titles[f] || seen[f] {
			continue
		}
		seen[f] = true
		keep = append(keep, t)
	}
	if len(keep) == 0 {
		return nil
	}
	title := additionalTitle(cv.DetectLanguage(b.out, ""))
	for i := range b.out.OtherSections {
		if s := &b.out.OtherSections[i]; fold(s.Title) == fold(title) {
			s.Items = append(s.Items, keep...)
			s.Content = strings.Join(s.Items, "\n")
			return keep
		}
	}
	b.other(title, keep)
	return keep
}

func (b *builder) other(title string, texts []string) {
	if len(texts) == 0 {
		return
	}
	b.out.OtherSections = append(b.out.OtherSections, cv.Section{
		ID: b.stableID("sec", title, strings.Join(texts, "\n")), Title: title,
		Content: strings.Join(texts, "\n"), Items: texts,
	})
}

func joinParagraph(lines []line) string {
	var parts []string
	for _, u := range toUnits(lines) {
		parts = append(parts, u.text)
	}
	return strings.Join(parts, "\n")
}

func joinDates(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " – " + b
}

func (b *builder) experience(e entry) cv.Experience {
	parts, dr, _ := headParts(e.head)
	x := cv.Experience{StartDate: dr.start, EndDate: dr.end}
	if x.EndDate == "present" {
		x.EndDate = "Present"
	}
	// "Summer 2016", "Clicks Group · Durban · 2015": a job dated by one
	// season or year alone (no "since") began and ended in it.
	// So did one dated by a single month ("Stage – Juillet 2020"): an
	// internship of weeks, within that month.
	if x.EndDate == "" && x.StartDate != "" && (reSeasonY.MatchString(x.StartDate) || reYear.MatchString(x.StartDate) ||
		reMonY.MatchString(x.StartDate) || reNumMY.MatchString(x.StartDate) || reISOYM.MatchString(x.StartDate)) {
		x.EndDate = x.StartDate
	}
	picked, fellBack := expRoles(parts)
	loc, title, company := 0, 1, 2
	// "Fugro GeoConsulting, Wallingford" / "Geologist<tab>2013 – 2017":
	// when no part names a job or an organisation, the name set with the
	// place is the employer and the line of its own the title.
	if ti, c, l := picked[title], picked[company], picked[loc]; fellBack[title] && fellBack[company] && l >= 0 &&
		parts[ti].line == parts[l].line && parts[c].line != parts[ti].line && aloneOnLine(parts, c) {
		picked[title], picked[company] = c, ti
	}
	picked = b.layout.apply(parts, picked, fellBack)
	// "Senior Product Manager, Payments" over "Flutterwave — Lagos": a
	// tail cut from the title by a comma that the company took only for
	// want of a better part is the title's department when another line
	// of the header opens with the employer.
	titleTail := false
	if fellBack[company] && picked[title] >= 0 && picked[company] == picked[title]+1 && parts[picked[company]].afterComma &&
		parts[picked[company]].line == parts[picked[title]].line {
		if o := employerLine(parts, picked); o >= 0 {
			parts[picked[title]].text += ", " + parts[picked[company]].text
			titleTail = true
			picked = append(picked, picked[company])
			picked[company] = o
		}
	}
	// "Senior Data Analyst – Marketplace Analytics" over "Flipkart Internet
	// Pvt. Ltd.<tab>Bengaluru": the team or unit set after the title's
	// dash is part of the title when another line of the header opens
	// with the employer.
	picked = titleLead(parts, picked, fellBack[company], title, company)
	picked = titleAfterTitle(parts, picked, title, company)
	var unit int
	if picked, unit = unitBeforeEmployer(parts, picked, title, company); unit < 0 {
		picked, unit = titleUnit(parts, picked, title, company)
	}
	if unit >= 0 {
		picked = append(picked, unit)
	}
	if w := wrappedTitle(parts, picked, title, company); w >= 0 {
		parts[picked[title]].text += " " + parts[w].text
		picked = append(picked, w)
	}
	// "CHUM – Centre hospitalier de l'Université de Montréal": an
	// acronym and the name it stands for are one employer.
	acronymPair := func(a, b int) bool {
		return a >= 0 && b < len(parts) && parts[a].line == parts[b].line && strings.ContainsAny(parts[b].sep, "–—-") &&
			isAcronym(parts[a].text) && spellsAcronym(parts[a].text, parts[b].text)
	}
	if c := picked[company]; c >= 0 && acronymPair(c, c+1) && !slices.Contains(picked, c+1) {
		parts[c].text += parts[c+1].sep + parts[c+1].text
		picked = append(picked, c+1)
	} else if c >= 0 && acronymPair(c-1, c) && !slices.Contains(picked, c-1) {
		parts[c].text = parts[c-1].text + parts[c].sep + parts[c].text
		picked = append(picked, c-1)
	}
	// "CHU de Lille – Hôpital Salengro" on a line of its own under the
	// title: a name set before the employer's dash is its parent
	// organisation, one employer with it. So on the title's line when
	// the title is not what stands before the dash ("Siemens
	// Healthineers – Digital Health — Product Manager", "Research
	// Associate, American University of Beirut – Faculty of Health
	// Sciences").
	if c, ti := picked[company], picked[title]; c > 0 && ti >= 0 && ti != c-1 && dashSep(parts[c].sep) &&
		parts[c-1].line == parts[c].line && !slices.Contains(picked, c-1) {
		ownLine := parts[ti].line != parts[c].line
		if p := parts[c-1]; p.role == "" && (!p.dated || !ownLine) && capitalisedName(p.text) && !isLocation(p.text) && titleScore(p.text) == 0 {
			parts[c].text = p.text + " " + strings.TrimSpace(parts[c].sep) + " " + parts[c].text
			picked = append(picked, c-1)
		}
	}
	picked = parentBeforeComma(parts, picked, title, company)
	// "Bosch Ltd., Adugodi, Bengaluru": a town-shaped part between the
	// employer and the place, on their line, is the place's district; set
	// after the employer with a dash ("Radio Sud – Canal Soleil, Nîmes")
	// it is the employer's brand or site. So is one after the employer's
	// comma that a dash parts from the town ("SIB, Plateau – Abidjan"):
	// the district is written before its town either way.
	if l, c := picked[loc], picked[company]; l > 0 && c >= 0 && c < l-1 && parts[c].line == parts[l].line && districtSep(parts, l) &&
		parts[l-1].line == parts[l].line && !dashSep(parts[l-1].sep) && !slices.Contains(picked, l-1) && townShaped(parts[l-1].text) {
		parts[l].text = parts[l-1].text + placeSep(parts[l]) + parts[l].text
		picked = append(picked, l-1)
	}
	picked = b.layout.districtAfterDash(parts, picked)
	// "Lakeside Mining plc – Kivu Gold Mine, Goma", "Radio Sud – Canal
	// Soleil, Nîmes": a name set after the employer's with a dash, on its
	// line, that names no place, job or date, is the site or brand the
	// employer goes by there: part of the company. One shaped like a
	// town is the place ("Safran – Vélizy") unless a place follows it.
	if c, l := picked[company], picked[loc]; c >= 0 && c+1 < len(parts) && !slices.Contains(picked, c+1) {
		p := parts[c+1]
		placeAfter := l > c+1 && parts[l].line == p.line
		if p.line == parts[c].line && dashSep(p.sep) && p.role == "" && !isLocation(p.text) && !cityThenArea(strings.Split(p.text, ",")) && !hasDate(p.text) &&
			titleScore(p.text) == 0 && (capitalisedName(p.text) || unitName(p.text) || numberedUnit(p.text)) && (placeAfter || !townShaped(p.text)) {
			picked = siteAfterEmployer(parts, picked, c, placeAfter)
		}
	}
	// "Ericsson<tab>Kista": a town-shaped part set beside the employer
	// is where it is, though the gazetteer does not know it.
	if c := picked[company]; picked[loc] < 0 && c >= 0 {
		for i := c + 1; i < len(parts) && parts[i].line == parts[c].line; i++ {
			// So is "Douala, Akwa" after the employer's dash: a known
			// town, then its district.
			if !slices.Contains(picked, i) && (townShaped(parts[i].text) || cityThenArea(strings.Split(parts[i].text, ","))) {
				picked[loc] = i
				break
			}
		}
	}
	x.Location, x.Title, x.Company = textOf(parts, picked[loc]), textOf(parts, picked[title]), textOf(parts, picked[company])
	rest := restOf(parts, picked)
	// A place name is the location only where the header has another
	// candidate for the company: "Monzo, London", "Orange, Paris" and a
	// lone "Santander" name the employer.
	if x.Company == "" && x.Location != "" && !isWorkMode(x.Location) {
		if org, place, ok := splitOrgPlace(x.Location); ok {
			x.Company, x.Location = org, place
		} else if !strings.Contains(x.Location, ",") && x.Title != "" {
			x.Company, x.Location = x.Location, ""
		}
	}
	// "Cliniques universitaires Saint-Luc, Woluwe-Saint-Lambert": a town
	// too small for the gazetteer after the employer's name; "Boiron,
	// Messimy (France)" has its country read apart.
	if k := placeOf(x.Location); x.Location == "" || k&(placeCountry|placeRegion) != 0 && k&placeCity == 0 {
		if org, town := cutTown(x.Company); town != "" {
			x.Company, x.Location = org, joinPlace(town, x.Location)
		}
	}
	// "Lesieur Cristal, Aïn Sebaâ, Casablanca": a district between the
	// employer and the place, in one comma chain on their line, is part
	// of the place.
	// So with a dash before the town ("Orange, Marcory – Abidjan").
	if l, c := picked[loc], picked[company]; c >= 0 && l == c+1 && parts[l].line == parts[c].line && districtSep(parts, l) {
		if org, district, ok := cutDistrict(x.Company, x.Location); ok {
			x.Company, x.Location = org, district+placeSep(parts[l])+x.Location
		}
	}
	if org, site, ok := cutSite(x.Company); ok {
		x.Company, x.Location = org, joinPlace(site, x.Location)
	}
	// "Harbour Bank Limited, Quayside Branch, Leith": a branch named
	// after the employer's name by a district is where the job was, part
	// of the place; one named by the town itself ("Red Crescent
	// Society, Leith Branch, Leith") is the employer's local unit.
	if org, branch, ok := cutBranch(x.Company); ok && !strings.HasPrefix(fold(x.Location), fold(strings.TrimSuffix(branch, " Branch"))) {
		x.Company, x.Location = org, joinPlace(branch, x.Location)
	}
	// One employer above several positions ("Globex Corporation" /
	// "Senior Analyst 2020 – 2022" / … / "Analyst 2018 – 2020"): a
	// position that names no employer is at the one above it.
	c, ti := picked[company], picked[title]
	switch {
	// "Pharmacist in Charge, Harbour Road branch" under the employer: a
	// unit cut from the title by a comma, taken as the company for want
	// of one, is the title's; so is any such tail when the first
	// position under the employer kept one in its title ("Captain,
	// B737 Fleet" / … / "First Officer, B737 Fleet"): the positions
	// under one employer are written alike; and any tail with no
	// organisation's word on a header of that line alone ("Analyst,
	// Applied Intelligence").
	// So is a tail set after a dash ("General Manager – Supply Chain"
	// under "Imbali Foods").
	case b.employer.company != "" && c >= 0 && ti >= 0 && fellBack[company] && (parts[c].afterComma || dashSep(parts[c].sep)) &&
		parts[c].line == parts[ti].line && c == ti+1 && (countIn(x.Company, unitWords) > 0 || b.employer.titleTail ||
		len(e.head) == 1 && orgScore(x.Company)+institutionScore(x.Company) == 0):
		sep := ", "
		if !parts[c].afterComma {
			sep = " " + strings.TrimSpace(parts[c].sep) + " "
		}
		x.Title, x.Company = x.Title+sep+x.Company, b.employer.company
		if x.Location == "" {
			x.Location = b.employer.location
		}
	case x.Company == "" && x.Title != "" && b.employer.company != "":
		x.Company = b.employer.company
		if x.Location == "" {
			x.Location = b.employer.location
		}
	// (The company may be the part with a town cut from its end:
	// "Skylark Air, Shannon Airport".)
	case c >= 0 && ti >= 0 && parts[c].line < parts[ti].line && !parts[c].dated && x.Company != "" && strings.HasPrefix(parts[c].text, x.Company):
		b.employer.company, b.employer.location = x.Company, x.Location
		b.employer.titleTail = titleTail || unit >= 0 && parts[unit].afterComma
	default:
		b.employer.company, b.employer.location, b.employer.titleTail = "", "", false
	}
	// "2019 – 2021 · clients include WHO and UNICEF": a phrase opening
	// with a word in lower case names no employer; it describes the job.
	if phraseNotName(x.Company) {
		rest = append([]string{x.Company}, rest...)
		x.Company = ""
	}
	if name, note, ok := cutSizeNote(x.Company); ok {
		x.Company, rest = name, append([]string{strings.TrimSpace(note)}, rest...)
	}
	if name, note, ok := cutAgencyNote(x.Company); ok {
		x.Company, rest = name, append(rest, note)
	}
	if name, rate, ok := cutWorkRate(x.Title); ok {
		x.Title, rest = name, append(rest, rate)
	}
	x.Bullets, x.Description = bodyText(e.body)
	x.Description = joinNonEmpty(append(rest, x.Description)...)
	x.ID = b.stableID("exp", x.Title, x.Company, x.StartDate)
	return x
}

// phraseNotName: three words or more, the first all in lower case
// ("clients include …"), as no employer's name is written ("bioMérieux",
// "eBay" have a capital).
func phraseNotName(s string) bool {
	ws := strings.Fields(s)
	return len(ws) >= 3 && strings.ToLower(ws[0]) == ws[0] && unicode.IsLetter([]rune(ws[0])[0]) && !functionWords[ws[0]]
}

// titleUnit joins to the title the part set after it on its line with a
// dash or a comma ("Clinical Pharmacist – Infection Control", "Regional
// Sales Manager, Joint Replacement") when the employer is on another line
// of the header: the part was left over, or the company took
// it though a name opening another line is an employer at least as
// plainly (not a date: "2015 / 2018" under "Manager — Radisson Blu"). It
// returns the picks, the company's moved, and the joined part's index (-1
// when none) for the caller to count as used.
func titleUnit(parts []part, picked []int, title, company int) ([]int, int) {
	ti := picked[title]
	if ti < 0 || ti+1 >= len(parts) {
		return picked, -1
	}
	u := ti + 1
	p := parts[u]
	if p.line != parts[ti].line || !p.afterComma && !dashSep(p.sep) || p.role != "" || isLocation(p.text) {
		return picked, -1
	}
	c := picked[company]
	switch {
	case c == u:
		o, parent := employerLine(parts, picked), -1
		pOrg := orgScore(p.text)
		// "Senior Curator, Department of Prints" / "The Hunterian
		// Museum, University of Glasgow": a unit is no employer, so a
		// name opening the line right under the title's is, though no
		// word says so.
		// "HR Business Partner – Technology": an organisation's word
		// alone ("Technology", "Analytics") names a team, no firm.
		if genericOrgWord(p.text) || deptPhrase(p.text) {
			pOrg = 0
		}
		if ws := strings.Fields(p.text); len(ws) > 1 && unitWords[strings.ToLower(ws[0])] {
			pOrg = 0
			if o < 0 {
				if o = nameUnder(parts, picked, ti); o >= 0 && o+1 < len(parts) {
					// Its parent after a comma goes with it.
					if n := parts[o+1]; n.line == parts[o].line && n.afterComma && !isLocation(n.text) &&
						institutionScore(n.text)+orgScore(n.text) > 0 && !slices.Contains(picked, o+1) {
						parent = o + 1
					}
				}
			}
		}
		if o < 0 || orgScore(parts[o].text) < pOrg || hasDate(parts[o].text) || !capitalisedName(parts[o].text) {
			return picked, -1
		}
		if parent >= 0 {
			parts[o].text += ", " + parts[parent].text
			picked = append(picked, parent)
		}
		picked[company] = o
	case slices.Contains(picked, u) || c < 0:
		return picked, -1
	case parts[c].line == parts[ti].line:
		// "Brainlab AG — Product Owner, Cranial Navigation": after the
		// employer, the title's tail is its unit, unless it is the
		// place the header names nowhere else, or a place follows it
		// on the line; a place set with the employer before the title
		// ("Federal Bank of Ohio (Dayton, OH) -- Summer Intern,
		// Community Outreach") leaves the tail the title's.
		if c > ti || picked[0] > ti && parts[picked[0]].line == parts[ti].line || picked[0] < 0 && townShaped(p.text) {
			return picked, -1
		}
	}
	joinUnit(parts, ti, p)
	return picked, u
}

// joinUnit appends the unit p to the title parts[ti], with the comma or
// dash it was written after.
func joinUnit(parts []part, ti int, p part) {
	sep := " " + strings.TrimSpace(p.sep) + " "
	if p.afterComma {
		sep = ", "
	}
	parts[ti].text += sep + p.text
}

// titleLead joins to the title the part set before it on its line with a
// dash ("Stage de fin d'études – assistant logistique", "Placement Year
// – Junior Analyst") when the employer is on another line of the
// header: the part was left over, or the company took it for want of a
// better part though another line opens with the employer. A part that
// names a place, an organisation or a date is no part of a title.
func titleLead(parts []part, picked []int, companyFellBack bool, title, company int) []int {
	ti, c := picked[title], picked[company]
	if ti <= 0 || c < 0 || !dashSep(parts[ti].sep) {
		return picked
	}
	lead := ti - 1
	p := parts[lead]
	if p.line != parts[ti].line || p.role != "" || isLocation(p.text) || hasDate(p.text) || orgScore(p.text) > 0 {
		return picked
	}
	switch {
	case c == lead && companyFellBack:
		o := employerLine(parts, picked)
		if o < 0 {
			return picked
		}
		picked[company] = o
	case slices.Contains(picked, lead) || parts[c].line == parts[ti].line:
		return picked
	}
	parts[ti].text = p.text + " " + strings.TrimSpace(parts[ti].sep) + " " + parts[ti].text
	parts[ti].sep = p.sep
	return append(picked, lead)
}

// reUnitNumber is the number that ends a unit's name ("Bataillon 112",
// "Brigade 7").
var reUnitNumber = regexp.MustCompile(`\s+\d{1,4}$`)

// numberedUnit: a unit named by a capitalised word and its number
// ("Panzerbataillon 393", "Escadron 2"), before a comma and its town.
func numberedUnit(s string) bool {
	name, _, _ := strings.Cut(s, ", ")
	if !reUnitNumber.MatchString(name) {
		return false
	}
	return capitalisedName(reUnitNumber.ReplaceAllString(name, ""))
}

// wrappedTitle finds the rest of a title wrapped onto a line of its own
// ("Senior Manager, Regulatory" / "Affairs and Compliance" / "Novartis,
// Basel"): the one part of the line right under the title's, above the
// employer's line, when the title ends its line, and the part names no
// place, organisation or date. It returns -1 when there is none.
func wrappedTitle(parts []part, picked []int, title, company int) int {
	ti, c := picked[title], picked[company]
	if ti < 0 || c < 0 || parts[c].line != parts[ti].line+2 || strings.HasSuffix(parts[ti].text, ".") {
		return -1
	}
	for i := ti + 1; i < len(parts) && parts[i].line == parts[ti].line; i++ {
		if !slices.Contains(picked, i) {
			return -1
		}
	}
	w := -1
	for i, p := range parts {
		if p.line != parts[ti].line+1 {
			continue
		}
		if w >= 0 {
			return -1 // more than one part: a line of its own, not a wrap
		}
		w = i
	}
	if w < 0 || slices.Contains(picked, w) {
		return -1
	}
	p := parts[w]
	ws := strings.Fields(p.text)
	if p.dated || p.role != "" || p.labelled || len(ws) > 6 || isLocation(p.text) || orgScore(p.text) > 0 || hasDate(p.text) ||
		strings.ContainsAny(p.text, "0123456789.:") || !unicode.IsUpper([]rune(p.text)[0]) {
		return -1
	}
	return w
}

// nameUnder is the first part of the line right under the title's when
// it names no job and is no date: -1 otherwise.
func nameUnder(parts []part, picked []int, ti int) int {
	for i, p := range parts {
		if p.line != parts[ti].line+1 {
			continue
		}
		if slices.Contains(picked, i) || p.dated || p.role != "" || titleScore(p.text) > 0 || isLocation(p.text) {
			return -1
		}
		return i
	}
	return -1
}

// aloneOnLine: part i is the only part of its line.
func aloneOnLine(parts []part, i int) bool {
	return (i == 0 || parts[i-1].line != parts[i].line) && (i+1 == len(parts) || parts[i+1].line != parts[i].line)
}

// dashSep: a separator that is a dash between spaces.
func dashSep(sep string) bool {
	switch strings.TrimSpace(sep) {
	case "–", "—", "-", "--":
		return true
	}
	return false
}

// splitOrgPlace cuts "Name, Place" at its first comma; callers use it
// where the header has no other candidate for the organisation, so Name
// is one even when it is also a place ("Orange, Paris").
func splitOrgPlace(loc string) (org, place string, ok bool) {
	head, tail, found := strings.Cut(loc, ",")
	head, tail = strings.TrimSpace(head), strings.TrimSpace(tail)
	if !found || head == "" || tail == "" || isWorkMode(head) || !isLocation(tail) {
		return "", "", false
	}
	return head, tail, true
}

func (b *builder) education(e entry) cv.Education {
	var head, notes []unit
	var gpa string
	lines := e.head
	if g, h, ok := gradeField(e.head); ok {
		gpa, lines = g, h
	}
	for _, u := range lines {
		// "Bachelor's degree in Biology EQF level 6": the framework
		// level ranks the degree and goes to its notes.
		if rest, level, ok := cutFrameworkLevel(u.text); ok {
			n := u
			n.text, n.dated = level, false
			notes = append(notes, n)
			u.text = rest
		}
		if qual, subjects, ok := cutSubjectGrades(u.text); ok {
			n := u
			n.text, n.dated = subjects, false
			notes = append(notes, n)
			u.text = qual
		}
		// "Graduated with First Class Honours" under the degree: the
		// class, without its verb.
		if class, ok := graduatedClass(u.text); ok && gpa == "" && len(head) > 0 && !u.dated {
			gpa = class
			continue
		}
		// A line's date that falls in the notes after the grade
		// ("Final grade 8.7/10 · Erasmus semester at KTH (2021)") dates
		// no entry.
		if g, rest, ok := gradeNote(u.text); ok && (!u.dated || !hasDate(g)) {
			gpa = g
			if rest != "" {
				u.text = rest
				notes = append(notes, u)
			}
			continue
		}
		// "First Class Honours" on a line of its own under the degree
		// and school: how the degree went, apart from its name.
		if gpa == "" && len(head) > 0 && !u.dated && classLine(u.text) {
			gpa = strings.TrimSpace(u.text)
			continue
		}
		head = append(head, u)
	}
	body := append(notes, e.body...)
	// "2012<tab>BTS Commerce" / "- Lycée Voltaire, Paris": the school
	// set as a dash under a degree that names none is the header's.
	namesSchool := slices.ContainsFunc(head, func(u unit) bool { return institutionScore(u.text) > 0 })
	if len(body) > 0 && body[0].bullet && schoolLine(body[0].text) && !namesSchool {
		head, body = append(head, body[0]), body[1:]
	} else if len(body) > 0 && !body[0].bullet && !namesSchool {
		// "Faculté de Pharmacie de Sfax – thèse : « … »": a school, a
		// dash and a note on the degree, too long for the header; the
		// school is the header's, the note the body's.
		// A faculty after the dash ("Université de Kestrel – Faculté des
		// sciences, Marrowby") is no note: the line is the school's.
		if school, note, ok := schoolThenNote(body[0].text); ok && reSchoolUnit.MatchString(note) {
			head, body = append(head, body[0]), body[1:]
		} else if ok {
			u := body[0]
			u.text = school
			rest := body[0]
			rest.text = note
			head, body = append(head, u), append([]unit{rest}, body[1:]...)
		}
	}
	var kept []unit
	for _, u := range body {
		if class, ok := graduatedClass(u.text); ok && gpa == "" {
			gpa = class
			continue
		}
		if g, rest, ok := gradeNote(u.text); ok && gpa == "" {
			gpa = g
			if rest == "" {
				continue
			}
			u.text = rest
		}
		// "Upper Second Class (2:1)" on its own line.
		if gpa == "" && gradeLine(u.text) {
			gpa = strings.TrimSpace(u.text)
			continue
		}
		// "Mémoire : « … » – Mention Bien": the grade after a dash
		// ends a note.
		if i := strings.LastIndex(u.text, " – "); gpa == "" && i > 0 && gradeLine(u.text[i+len(" – "):]) {
			gpa = strings.TrimSpace(u.text[i+len(" – "):])
			u.text = strings.TrimSpace(u.text[:i])
		}
		kept = append(kept, u)
	}
	head, obtained := cutObtainedBrackets(head)
	parts, dr, _ := headParts(head)
	parts = joinTradeTest(joinProgramCredential(joinDegreeClass(head, schoolLevels(splitGluedSchool(joinWrappedDegreeWord(joinSpelledAcronyms(parts)))))))
	// "B.Tech (IT) - VIT University - 2013 - 85%": a score among the
	// header's parts is the grade.
	parts = slices.DeleteFunc(parts, func(p part) bool {
		// "CAP Boulanger — obtenu en juin 2025": when the degree was
		// had, after its dash, is a note on it, no school.
		if (p.afterComma || p.sep != "") && reObtainedNote.MatchString(p.text) {
			obtained = append(obtained, p.text)
			return true
		}
		// "Halifax, NS | 2011 – 2015 | Graduated with First Class
		// Honours": the class the degree was awarded with, without its
		// verb.
		if class, ok := graduatedClass(p.text); ok && gpa == "" && (p.afterComma || p.sep != "") {
			gpa = class
			return true
		}
		if gpa == "" && (reScorePart.MatchString(p.text) || (p.afterComma || p.sep != "") && gradePart(p.text)) {
			gpa = p.text
			return true
		}
		return false
	})
	x := cv.Education{StartDate: dr.start, EndDate: dr.end, GPA: gpa}
	if x.EndDate == "" && reSeasonY.MatchString(x.StartDate) {
		// "Summer 2014", "Fall 2023": a course held in one season began
		// and ended in its year.
		x.EndDate = x.StartDate
	} else if x.EndDate == "" && x.StartDate != "" {
		// A single date on a degree is when it was obtained.
		x.StartDate, x.EndDate = "", x.StartDate
	}
	markNamedTown(parts)
	picked, _ := assign(parts, []role{
		{name: "location", pick: func(p part) int {
			return roleBonus(p, "location") + boolScore((isLocation(p.text) || dashedSaintTown(p) || cellTownRegion(p)) && institutionScore(p.text) == 0 && p.role == "")*5
		}},
		{name: "degree", worded: true, pick: func(p part) int {
			// "Inside Wireman Apprenticeship, 5-year program", "9-Month
			// Training Program – …": a course of study named by its
			// kind where no degree word is; a note in lower case ("en
			// cours", "additional course …") names none.
			return roleBonus(p, "degree") + (degreeScore(p.text)*3-courseSchoolScore(p.text)*2+namedStudy(p.text)*2)*boolScore(p.role == "")
		}},
		{name: "institution", pick: func(p part) int {
			return roleBonus(p, "institution") + (courseSchoolScore(p.text)*3+orgScore(p.text)-degreeScore(p.text)+
				boolScore(namedAfterPlace(p.text)))*boolScore(p.role == "")
		}},
	})
	picked = joinNeighbours(parts, picked, 0, 1, 2)
	keepSubjectCount(parts, picked[1])
	x.Location, x.Degree, x.Institution = textOf(parts, picked[0]), textOf(parts, picked[1]), textOf(parts, picked[2])
	x.Degree = strings.TrimSpace(reDegreeStatus.ReplaceAllString(x.Degree, ""))
	// "MSc Epidemiology (Distinction)": the grade in brackets; an
	// honours class, with the word honours or without ("BSc (First Class
	// Honours)", "B.Eng. (Second Class Upper)"), names the degree, and so
	// does a class in brackets after the class ("BEng, Honours
	// (Distinction)").
	// A mark in brackets ("B.Sc. Zoology (87.4%)") is the grade too.
	// Latin honours ("(cum laude)") are the degree's class as honours
	// are; so is a class in brackets closing the degree's line, the
	// name set whole as one title ("MSc Geophysics (Distinction)" over
	// its school).
	// An endorsement in brackets ("NCEA Level 3 (Merit endorsement)")
	// is awarded on the certificate as part of its name: it stays.
	if m := reParenTail.FindStringSubmatch(x.Degree); m != nil && !reEndorsement.MatchString(m[2]) && (gradeStart(m[2]) && !honoursClass(m[2]) && !classification(lastSegment(m[1])) &&
		!reLatinHonours.MatchString(strings.TrimSpace(m[2])) && !(classification(m[2]) && endsItsLine(parts, picked[1])) ||
		reScorePart.MatchString(strings.TrimSpace(m[2])) || letterGradesOf(m[1], m[2])) {
		x.Degree = strings.TrimSpace(m[1])
		if x.GPA == "" {
			x.GPA = m[2]
		}
	}
	rest := restOf(parts, picked)
	// "Licence pro Logistique (IUT de Rouen)", "MBA [INSEAD]": the
	// school in brackets after the degree.
	if m := reBracketTail.FindStringSubmatch(x.Degree); m != nil && x.Institution == "" && degreeScore(m[1]) > 0 && degreeScore(m[2]) == 0 &&
		(institutionScore(m[2]) > 0 || strings.HasSuffix(x.Degree, "]") && isAcronym(m[2])) {
		x.Degree, x.Institution = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	}
	// "Obafemi Awolowo University, Ile-Ife": the school's town; before
	// a city, the school's district ("Federal Government College,
	// Ijanikin, Lagos"), when what stays names a school.
	if k := placeOf(x.Location); x.Location == "" || k&(placeCountry|placeRegion) != 0 && k&placeCity == 0 || k&placeCity != 0 {
		if school, town := cutTown(x.Institution); town != "" && (k&placeCity == 0 || institutionScore(school) > 0) {
			x.Institution, x.Location = school, joinPlace(town, x.Location)
		}
	}
	// "Lebanese American University (LAU) — Byblos, Lebanon": the town
	// before the country, set after a dash; so the district before its
	// city ("Al-Azhar Language School – Nasr City, Cairo").
	if placeOf(x.Location)&(placeCountry|placeCity) != 0 && !strings.Contains(x.Location, ",") {
		if school, town := cutDashTown(x.Institution); town != "" {
			x.Institution, x.Location = school, joinPlace(town, x.Location)
		}
	}
	// "IAE Lyon 3 (en alternance)", "Paralegal Certificate, evening
	// program": how the course was followed goes to the notes;
	// after a town ("Kestrel University, Upper Hutt (distance)") it
	// stays with the town.
	if school, mode, ok := cutStudyMode(x.Institution, reSchoolMode); ok {
		x.Institution, rest = school, append(rest, mode)
		// "Curtin University, Perth WA (part-time)": the mode held back
		// a town only a state's code shows.
		if head, town, found := cutLastComma(school); found && x.Location == "" && townStateCode(town) && institutionScore(head) > 0 {
			x.Institution, x.Location = head, town
		}
	}
	// "Académie de Lyon (admise au rang 212)", "IIT Delhi (ranked 4th
	// of 120)": the candidate's rank goes to the notes.
	if m := reRankTail.FindStringSubmatch(x.Institution); m != nil {
		x.Institution, rest = strings.TrimSpace(m[1]), append(rest, m[2])
	}
	// "Savitribai Phule Pune University (MIT College of Engineering)":
	// the college affiliated to the university that awards the degree
	// goes to the notes; the university is the institution.
	if m := reAffiliatedCollege.FindStringSubmatch(x.Institution); m != nil {
		x.Institution, rest = strings.TrimSpace(m[1]), append(rest, strings.TrimSpace(m[2]))
	}
	// "Bachelor of Arts (did not graduate)": that the course was left
	// unfinished goes to the notes.
	if m := reUnfinishedTail.FindStringSubmatch(x.Degree); m != nil {
		x.Degree, rest = strings.TrimSpace(m[1]), append(rest, m[2])
	}
	if degree, mode, ok := cutStudyMode(x.Degree, reDegreeMode); ok {
		x.Degree, rest = degree, append(rest, mode)
	}
	if degree, note, ok := cutJointLabel(x.Degree); ok {
		x.Degree, rest = degree, append(rest, note)
	}
	if degree, note, ok := cutLabelledNote(x.Degree); ok {
		x.Degree, rest = degree, append(rest, note)
	}
	x.Achievements, x.Description = bodyText(kept)
	x.Description = joinNonEmpty(append(append(obtained, rest...), x.Description)...)
	// "Non-degree coursework: STAT 1450 …" under a school naming no
	// degree: the label names what was studied there.
	if m := reNonDegreeLabel.FindStringSubmatch(x.Description); m != nil && x.Degree == "" {
		x.Degree = strings.TrimSpace(m[1])
	}
	x.GPA = dropGradeLabel(x.GPA)
	if m := reMarkThenHonourList.FindStringSubmatch(x.GPA); m != nil {
		x.GPA, x.Description = strings.TrimSpace(m[1]), joinNonEmpty(x.Description, strings.TrimSpace(m[2]))
	}
	x.ID = b.stableID("edu", x.Degree, x.Institution, x.EndDate)
	return x
}

// reGradeLabelled opens a mark with the name of its scale ("CGPA
// 3.41/4.00", "GPA: 5.00 out of 5", "Avg. 4.6 / 5"): the label says what
// the number is, which the field already does.
var reGradeLabelled = regexp.MustCompile(`(?i)^(?:c?gpa|cpi|avg\.?|average)\s*[:：]?\s*(\d.*)$`)

// reMarkThenHonourList is a mark followed, after a dash or a semicolon,
// by the honour list the student was on ("3.62 / 4.30 — Dean's List,
// 2024/2025", "3,78/4,33 – Liste d'honneur du doyen"): an honour, no
// part of the grade.
var reMarkThenHonourList = regexp.MustCompile(`(?i)^(\d[\d.,]*(?:\s*/\s*\d[\d.,]*)?\s*%?)\s*(?:[–—;]|\s-)\s*((?:.*[\s'’])?(?:dean['’]?s|honou?r|honneur|president['’]?s)\b.*)$`)

// dropGradeLabel keeps the mark of a labelled grade.
func dropGradeLabel(gpa string) string {
	if m := reGradeLabelled.FindStringSubmatch(strings.TrimSpace(gpa)); m != nil {
		return strings.TrimSpace(m[1])
	}
	return gpa
}

// courseSchoolScore is institutionScore, but a bracket closing a
// course's name says what kind of course it was ("Technical Course in
// Electronics (integrated high school)"): its school words name no school.
func courseSchoolScore(t string) int {
	if m := reParenTail.FindStringSubmatch(strings.TrimSpace(t)); m != nil && degreeScore(m[1])+namedStudy(m[1]) > 0 {
		return institutionScore(m[1])
	}
	return institutionScore(t)
}

// reNonDegreeLabel opens a note labelling studies that led to no degree
// ("Non-degree coursework:", "Non-credit courses:").
var reNonDegreeLabel = regexp.MustCompile(`(?i)^(non[- ](?:degree|credit)\b[^:;]{0,40}):\s`)

// reObtainedNote opens a part that tells when or how a degree was had
// ("obtenu en juin 2025", "awarded 2019", "validé avec mention"): a past
// participle in small letters, no name.
var reObtainedNote = regexp.MustCompile(`^(?:obtenue?s?|validée?s?|délivrée?s?|awarded|obtained|completed|conferred|passed)\b`)

// cutObtainedBrackets cuts off a header line naming no degree a closing
// bracket that tells how the degree was had ("Franklin University,
// Columbus, OH (completed online while working)"): a note on the entry,
// which left in place hides the town before it. The notes are returned
// apart.
func cutObtainedBrackets(head []unit) ([]unit, []string) {
	var notes []string
	for i, u := range head {
		m := reParenTail.FindStringSubmatch(strings.TrimSpace(u.text))
		if m == nil || !reObtainedNote.MatchString(strings.TrimSpace(m[2])) || degreeScore(m[1]) > 0 {
			continue
		}
		head[i].text = strings.TrimSpace(m[1])
		notes = append(notes, strings.TrimSpace(m[2]))
	}
	return head, notes
}

// schoolThenNote cuts "Harbourside University – thesis: …" at its first
// dash or middle dot ("Kestrel Academy · 600 hours"): a school's name
// before it and a note after it.
func schoolThenNote(t string) (school, note string, ok bool) {
	for _, dash := range []string{" – ", " — ", " - ", " · "} {
		if before, after, found := strings.Cut(t, dash); found {
			before, after = strings.TrimSpace(before), strings.TrimSpace(after)
			if after != "" && institutionScore(before) > 0 && schoolLine(before) {
				return before, after, true
			}
			return "", "", false
		}
	}
	// "Kestrel University (Pays-Bas) Mémoire : « … »": a labelled note
	// set on the school's line without a dash.
	if loc := reLabelAfterSchool.FindStringIndex(t); loc != nil {
		before, after := strings.TrimSpace(t[:loc[0]]), strings.TrimSpace(t[loc[0]:])
		if institutionScore(before) > 0 && schoolLine(before) {
			return before, after, true
		}
	}
	return "", "", false
}

// reLabelAfterSchool is a short capitalised label and its colon inside a
// line ("… Thesis: …", "… Mémoire : …").
var reLabelAfterSchool = regexp.MustCompile(`\s\p{Lu}[\p{L}'’]*(?:\s+[\p{L}'’]+){0,2}\s*:\s`)

// unitName: the few words naming a department or branch of an employer
// ("Service des finances", "centres de loisirs", "cardiology ward"): no
// digits, no sentence's end, at most five words.
func unitName(t string) bool {
	t = strings.TrimSpace(t)
	n := len(strings.Fields(t))
	return n >= 2 && n <= 5 && !strings.ContainsAny(t, "0123456789.;:!?()") && !functionWords[strings.ToLower(strings.Fields(t)[0])]
}

// schoolLine: a short line naming a school and no degree, with no
// sentence's end ("Lycée Voltaire, Paris", "Centre de formation AFPA"),
// or a capitalised name and its town ("Centre Patronal, Paudex").
func schoolLine(t string) bool {
	t = strings.TrimSpace(t)
	if len(strings.Fields(t)) > 10 || strings.HasSuffix(t, ".") || degreeScore(t) > 0 {
		return false
	}
	name, town := cutTown(t)
	return institutionScore(t) > 0 || town != "" && properName(name) && titleScore(name) == 0 && !hasDate(t)
}

// reCertified names a certificate, licence or short training rather than
// a course of study ("AWS Certified Developer", "Certification PMP",
// "Forklift licence", "GDPR workshop"); a licence that opens the line is
// the French degree ("Licence de droit"). A professional body's grade of
// membership ("Associate Member (ACA)", "Chartered Member") is held, not
// studied for.
var reCertified = regexp.MustCompile(`(?i)\b(?:certified|certification|certifications|certifiée?|accredited|accreditation|` +
	`licensed|workshop|seminar|webinar|séminaire|habilitation)\b|^\S.*\b(?:licen[cs]e|permis)\b|` +
	`^(?:(?:associate|chartered|full|affiliate|corporate)\s+)?member\b`)

// studyWords name a course of study where degreeWords do not: awards
// and programmes of vocational schools ("Level 3 Award in Wines",
// "Exchange semester"), a postgraduate title ("Titre postgrade FPH en
// pharmacie hospitalière"), an online series of courses ("Interaction
// Design Specialization").
var studyWords = wordSet(`award semester semestre exchange programme program course cours postgrade postgraduate postgrado
	specialization specialisation apprenticeship apprentissage`)

// namedStudy counts the study words of a name that opens with a capital
// or a digit.
func namedStudy(t string) int {
	t = strings.TrimSpace(t)
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return 0
	}
	return countIn(t, studyWords)
}

// reQualificationLevel is a vocational qualification's level ("Level 3
// Diploma", "NVQ Level 2", "niveau 4").
var reQualificationLevel = regexp.MustCompile(`(?i)\b(?:level|niveau)\s*\d\b`)

// certificateEntry says whether an entry of an education section is a
// certificate rather than a degree: it says it is one ("Certified Scrum
// Master, Scrum Alliance"), naming no degree but those words a
// certificate shares with one (master, certificate, licence); or, unless
// a label or a table's column says it names a degree (unnamed), it names
// neither a degree, a school nor a programme and took no span of time
// ("Wilderness First Responder", "NOLS" / "2023", "Formation premiers
// secours, Croix-Rouge, 2018"). A school named with its town is studied
// at, not a certificate's issuer ("Matura", "Gymnasium Rämibühl,
// Zürich", "2009"): the school and town stay in education, unless the
// issuer is a firm ("Vendor SRL, Bucharest") giving its own course.
//
// A short course is one too: no school, and the degree's name, which is
// no degree but those shared words, says it lasted days, weeks or months
// or was given in house ("Certificate in Retail Leadership (in-house, 6
// weeks)"); so is one dated to the day over a month or less (dayCourse).
func certificateEntry(x cv.Education, unnamed bool) bool {
	if dayCourse(x) {
		return true
	}
	all := x.Degree + " | " + x.Institution
	if (reCertified.MatchString(reRankInName.ReplaceAllString(x.Degree, "")) || reCredentialTitle.MatchString(x.Degree) ||
		x.Institution == "" && reShortCourse.MatchString(x.Degree)) &&
		degreeScore(reCertificateWords.ReplaceAllString(x.Degree, "")) == 0 && !studiedAtSchool(x) {
		return true
	}
	return unnamed && x.StartDate == "" && !schoolInTown(x) && x.Degree != "" && degreeScore(all)+institutionScore(all)+countIn(all, studyWords) == 0 &&
		!reQualificationLevel.MatchString(all) && !reTradeTest.MatchString(all)
}

// schoolInTown: the entry names where it was studied and the town, and
// the place is no firm.
func schoolInTown(x cv.Education) bool {
	return x.Institution != "" && x.Location != "" && orgScore(x.Institution) == 0
}

// trainingLabels label a training rather than a diploma on a form
// ("Formation :" beside "Diplôme :", "Organisme de formation :").
var trainingLabels = phraseSet(`formation organisme_de_formation`)

// trainingLabelled: a row's label says the entry is a training, which
// goes with the certificates, however its name reads ("Formation :
// Certificat IFRS (Diplôme international IFRS)").
func trainingLabelled(e entry) bool {
	return slices.ContainsFunc(e.head, func(u unit) bool {
		label, _, ok := strings.Cut(u.text, ":")
		if !ok {
			label, _, ok = strings.Cut(u.text, "\t")
		}
		_, _, valued := labelledValue(u.text)
		return ok && valued && trainingLabels[fold(label)]
	})
}

// degreeLabelled: a label or a table's column says the entry names a
// degree ("Degree: Matriculation").
func degreeLabelled(e entry) bool {
	for _, u := range e.head {
		if role, _, ok := labelledValue(u.text); ok && role == "degree" {
			return true
		}
	}
	return false
}

// reCredentialTitle is a professional credential named with its
// initials ("Project Management Professional (PMP)", "Chartered Financial
// Analyst (CFA)", "Certified … (CISA)" aside): a title its body awards
// on an exam, no course of study.
var reCredentialTitle = regexp.MustCompile(`\b(?:Professional|Analyst|Practitioner)\s*\([A-Z][A-Z0-9-]{1,7}\)$`)

// reShortCourse is a course's length in days, weeks or months, or a
// training given by an employer ("3 mois", "two-week", "formation
// interne"): no degree takes so little time.
var reShortCourse = regexp.MustCompile(`(?i)\b(?:\d+|one|two|three|four|six|un|deux|trois|quatre|six)[\s-]*(?:days?|jours?|weeks?|semaines?|months?|mois)\b|` +
	`\bin-house\b|\bformation interne\b|\binternal training\b`)

// reCertificateWords are the degree words a certificate's name may hold.
var reCertificateWords = regexp.MustCompile(`(?i)\b(?:master|masters|certificate|certificat|licen[cs]e|diploma|diplôme|associate)\b`)

// certificate is an education entry read as a certification.
func (b *builder) certificate(x cv.Education) cv.Item {
	return cv.Item{ID: b.stableID("cert", x.Degree), Title: x.Degree, Organization: x.Institution,
		Date: joinDates(x.StartDate, x.EndDate), Description: joinNonEmpty(x.Location, x.Description)}
}

// role is one field of an entry header with its feature score.
type role struct {
	name string
	pick func(part) int
	// late gives ties to the later part: a location follows what it
	// locates ("Orange | Paris").
	late bool
	// worded: the field may be written like a sentence, as a long
	// degree's name is ("Titre professionnel Agent de quai et de
	// livraison des colis"), and takes the first part left all the same.
	worded bool
}

// assign gives each role the best-scoring unused part (open-resume style
// feature scoring; ties go to the earlier part) and returns each role's
// part index, -1 for none. The location needs a positive score; the
// others fall back to the first unused parts in order, since CVs put the
// main field first; fellBack says which roles took a part that way.
func assign(parts []part, roles []role) (picked []int, fellBack []bool) {
	used := make([]bool, len(parts))
	picked, fellBack = make([]int, len(roles)), make([]bool, len(roles))
	var unscored []int
	for k, r := range roles {
		best, bestScore := -1, 0
		for i, p := range parts {
			if used[i] {
				continue
			}
			if s := r.pick(p); s > bestScore || r.late && s > 0 && s == bestScore {
				best, bestScore = i, s
			}
		}
		picked[k] = best
		if best < 0 {
			if r.name != "location" {
				unscored = append(unscored, k)
			}
			continue
		}
		used[best] = true
	}
	// A role no part scored for takes the first part left, a sentence
	// last: a table row's achievements cell ("Automated the monthly
	// close.") set on the title's line names no employer when the
	// employer's name stands under the title.
	for _, k := range unscored {
		if i := firstLeft(parts, used, roles[k].worded); i >= 0 {
			used[i], picked[k], fellBack[k] = true, i, true
		}
	}
	return picked, fellBack
}

// firstLeft is the first part not used yet, a sentence only when no other
// part is left or the field may be worded as one; -1 when none is.
func firstLeft(parts []part, used []bool, worded bool) int {
	for _, prose := range []bool{false, true} {
		for i, p := range parts {
			if !used[i] && (worded || sentencePart(p.text) == prose) {
				return i
			}
		}
	}
	return -1
}

// sentencePart: a part written as a sentence, of three words or more
// with its full stop, or, its full stop wrapped onto the next line, of
// eight or more with three content words in small letters or opening on
// a verb in the past ("Commissioned 40 solar arrays for").
func sentencePart(t string) bool {
	ws := strings.Fields(t)
	return len(ws) >= 3 && endsSentence(t) || len(ws) >= 8 && lowerWords(ws[1:]) >= 3 || achievementLine(t)
}

func textOf(parts []part, i int) string {
	if i < 0 {
		return ""
	}
	return parts[i].text
}

// reSubjectCount is how many subjects a school certificate was passed
// in ("7 subjects", "9 subjects incl. Mathematics", "9 passes (grades
// 1–3)").
var reSubjectCount = regexp.MustCompile(`(?i)^\d{1,2}\s+(?:subjects|passes)\b`)

// keepSubjectCount keeps in the degree (parts[d]) the count of subjects
// written after it on its line ("CSEC · 7 subjects"): it is part of the
// qualification's name, as "CSEC – 7 subjects" is written.
func keepSubjectCount(parts []part, d int) {
	if d < 0 || d+1 >= len(parts) {
		return
	}
	// A part that runs on into a school's name is no count alone.
	if n := &parts[d+1]; n.line == parts[d].line && n.role == "" && strings.TrimSpace(n.sep) != "" &&
		reSubjectCount.MatchString(strings.TrimSpace(n.text)) && institutionScore(n.text) == 0 {
		parts[d].text = strings.TrimSpace(parts[d].text) + n.sep + strings.TrimSpace(n.text)
		n.text = ""
	}
}

// restOf is the text of the parts no role took.
func restOf(parts []part, picked []int) []string {
	var rest []string
	for i, p := range parts {
		if !slices.Contains(picked, i) {
			rest = append(rest, p.text)
		}
	}
	return rest
}

// letterGradesOf: grades is the run of letter grades of the school
// exams degree names ("A Levels – Mathematics, Physics (A*AB)", "Highers
// (AABBB)"): the results, set apart as a grade.
func letterGradesOf(degree, grades string) bool {
	return reLetterGrades.MatchString(strings.TrimSpace(grades)) && reLetterGradedExam.MatchString(degree)
}

var (
	reLetterGrades     = regexp.MustCompile(`^(?:A\*|[A-E]){2,6}$`)
	reLetterGradedExam = regexp.MustCompile(`(?i)\b(?:a[ -]?levels?|as[ -]levels?|(?:advanced )?highers|gcses?|o[ -]levels?)\b`)
)

// reScorePart is a mark set apart ("85%", "8.7/10", "3,9/4,3", "GPA
// 3.42/4.00", "510 points", "381 marks", "110/110 e lode"): the scales of grade
// averages run to 4, 4.3, 4.33, 5, 7, 10, 20, 30, 100 or, for an Italian
// degree, 110 (with its honours, "e lode").
var reScorePart = regexp.MustCompile(`(?i)^(?:\d{1,3}\s+(?:points|pts|UCAS points|marks)|\d{1,2}\s+(?:[a-e]\*?\s+)?(?:credits|distinctions|passes)|\d{1,3}(?:[.,]\d{1,2})?\s*(?:/\s*` + gradeScale + `|%|cgpa|gpa|cpi|sgpa)|` +
	`(?:cgpa|gpa|cpi)\s*[:：]?\s*\d{1,2}(?:[.,]\d{1,2})?(?:\s*/\s*` + gradeScale + `)?|` +
	// "9A 1B", "8A, 1B", "7 A*s": how many subjects at each letter
	// grade, as school certificates (SPM, O levels) are summed up.
	`\d{1,2}\s?A\*?s?(?:,?\s+\d{1,2}\s?[A-F]\*?s?)*)$`)

const gradeScale = `(?:4|5|7|10|20|30|100|110)(?:[.,]\d{1,2})?(?:\s+(?:e lode|con lode|cum laude))?`

// reDegreeStatus is a note on a degree's progress, not part of its name
// ("Into Headship programme (in progress)").
var reDegreeStatus = regexp.MustCompile(`(?i)\s*\((?:in progress|ongoing|underway|pending|expected(?: [^()]*)?|en cours|à venir|prévu(?:e)?(?: [^()]*)?)\)\s*$`)

// joinNeighbours gives an education header's leftover parts to the
// field they were cut from on their line: a field of study after the
// degree ("Diplôme d'ingénieur – Génie électrique", "BSc, Physics"), a lab
// after the school ("Université de Montréal – Mila") and an acronym before
// it ("INSAT – National Institute of Applied Science and Technology").
// Parts that say how the degree went ("Distinction") stay apart.
func joinNeighbours(parts []part, picked []int, location, degree, school int) []int {
	dash := func(sep string) bool { return strings.ContainsAny(sep, "–—-|") }
	// "Columbia University – School of International Affairs": a school
	// and its faculty are one institution.
	faculty := func(t string) bool {
		return institutionScore(t) > 0 && degreeScore(t) == 0 || acronymPlace(t) || reSchoolUnit.MatchString(t) || namedSchoolPart(t) ||
			reSchoolSite.MatchString(t) || numberedTown(t)
	}
	for i := range parts {
		p := parts[i]
		if slices.Contains(picked, i) || reGradeWord.MatchString(p.text) {
			continue
		}
		if s := picked[school]; s == i+1 && parts[s].line == p.line && (dash(parts[s].sep) && (isAcronym(p.text) || faculty(p.text)) ||
			parts[s].afterComma && facultyAfterComma(parts[s].text) && facultyAfterComma(p.text) ||
			parts[s].afterComma && (i == 0 || parts[i-1].line != p.line) && federalMember(p.text, parts[s].text)) {
			parts[s].text, parts[s].sep = p.text+parts[s].sep+parts[s].text, p.sep
			picked = append(picked, i)
			continue
		}
		if d := picked[degree]; d >= 0 && d == i-1 && wrappedDegreeTail(parts, d, i) {
			// "Master spécialisé en Logistique et Supply Chain" /
			// "Management": the degree's name wrapped onto a line of
			// its own.
			parts[i].text, parts[i].sep = parts[d].text+" "+p.text, parts[d].sep
			picked[degree] = i
			picked = append(picked, d)
			continue
		}
		if s := picked[school]; s >= 0 && wrappedSchoolTail(parts, picked[location], s, i) {
			parts[i].text, parts[i].sep = parts[s].text+" "+p.text, parts[s].sep
			picked[school] = i
			picked = append(picked, s)
			continue
		}
		if i == 0 || parts[i-1].line != p.line {
			continue
		}
		k := -1
		switch {
		case picked[degree] == i-1 && (dash(p.sep) || p.afterComma):
			k = degree
		case picked[school] == i-1 && (dash(p.sep) && !strings.Contains(p.sep, "|") && (properName(p.text) || faculty(p.text)) ||
			// "Université Paris-Dauphine · PSL": the system a school
			// belongs to, after a middle dot.
			strings.Contains(p.sep, "·") && isAcronym(p.text) ||
			// "Université de Dakar, Faculté de Médecine": the faculty
			// after a comma is the school's too.
			p.afterComma && facultyAfterComma(p.text) ||
			// "Faculté des Sciences (FASTEF), UCAD": the university
			// a faculty belongs to, by its acronym.
			p.afterComma && universityAcronym(parts[i-1].text, p.text) ||
			// "Kestrel Junior College, Gujarat State Board": the board
			// whose examinations the school prepared for.
			p.afterComma && countIn(p.text, boardWords) > 0 && capitalisedName(p.text)):
			k = school
		default:
			continue
		}
		// The field now ends at i, so that a further part can follow it;
		// i-1 is spent.
		parts[i].text, parts[i].sep = parts[i-1].text+p.sep+p.text, parts[i-1].sep
		picked[k] = i
		picked = append(picked, i-1)
	}
	return picked
}

// wrappedDegreeTail: part i, alone on the line under the degree's part
// d that ends its own line, is one to three capitalised words that name
// no school, place, job, organisation or grade: the rest of the
// degree's name the typesetter wrapped.
func wrappedDegreeTail(parts []part, d, i int) bool {
	p := parts[i]
	// A form row's value whose label names it ("Group: Business
	// Studies") wraps no line above it.
	open := openDegreeEnd(parts[d].text)
	if p.role != "" || p.line != parts[d].line+1 || !aloneOnLine(parts, i) || i+1 < len(parts) && parts[i+1].line == parts[d].line || p.dated ||
		len(strings.Fields(parts[d].text)) < 4 && !open {
		return false
	}
	n := len(strings.Fields(p.text))
	if n < 1 || n > 3 || !capitalisedWords(p.text, 3) || strings.ContainsAny(p.text, ":()0123456789") ||
		institutionScore(p.text)+degreeScore(p.text) > 0 || isLocation(p.text) || gradeLine(p.text) {
		return false
	}
	if open {
		// The field the degree's line left open goes on: words a firm
		// or a job also uses ("Systems and Networks", "Chemical
		// Engineering") are the field's here, but a person's job
		// ("Process Engineer") is none.
		ws := strings.Fields(p.text)
		last := strings.ToLower(ws[len(ws)-1])
		return !titleWords[last] || strings.HasSuffix(last, "ing")
	}
	return titleScore(p.text)+orgScore(p.text) == 0
}

// openFieldWords open a field of study's name and never close it
// ("Computer" / "Systems", "Visual" / "Communication Design",
// "Electrical" / "Engineering").
var openFieldWords = wordSet(`computer visual chemical electrical electronic mechanical civil political environmental industrial
	digital graphic applied information biomedical aerospace agricultural structural communication`)

// reHonoursEnd closes a degree's kind on its honours mark, before its
// field ("Bachelor of Science (Hons)" / "Applied Geology").
var reHonoursEnd = regexp.MustCompile(`(?i)\((?:hons|honours|honors)\.?\)$`)

// openDegreeEnd: the degree's line stops where its field has yet to be
// named or finished: on the honours mark after the degree's kind, or on a
// word that opens a field's name ("B.A. Digital", "Diploma in Computer",
// "B.E. Mechanical").
func openDegreeEnd(t string) bool {
	t = strings.TrimSpace(t)
	ws := strings.Fields(t)
	if len(ws) < 2 || reHonoursEnd.MatchString(t) {
		return len(ws) >= 2
	}
	return openFieldWords[strings.ToLower(ws[len(ws)-1])] && degreePhrase(t)
}

// reSaintTown is a town named for a saint or a mount, its title cut short
// ("St. Augustine", "Sta. Rosa", "Mt. Hope", "Ft. Myers").
var reSaintTown = regexp.MustCompile(`^(?:` + strings.ReplaceAll(saintTitleWords, " ", "|") + `)\. \p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+)?$`)

// dashedSaintTown: after a dash, a saint's or a mount's town ("The
// University of the West Indies — St. Augustine") is where the school
// stands, not the rest of its name.
func dashedSaintTown(p part) bool {
	return strings.ContainsAny(p.sep, "–—-") && reSaintTown.MatchString(strings.TrimSpace(p.text))
}

// reFederalUniversity is a federal university whose colleges bear its
// name after their own and a comma ("Birkbeck, University of London").
var reFederalUniversity = regexp.MustCompile(`^University of London$`)

// federalMember: a college's own name, a proper name of a word or two
// that names no place nor degree, before its federal university ("City,
// University of London", "Royal Holloway, University of London"): one
// school, its full name.
func federalMember(head, uni string) bool {
	return reFederalUniversity.MatchString(strings.TrimSpace(uni)) && properName(head) && len(strings.Fields(head)) <= 2 &&
		!isLocation(head) && degreeScore(head) == 0
}

// reSchoolSite names one of a school's centres by its town ("Centre de
// Namur", "Site de Kestrel"): the school's site, part of its name as
// written after a dash.
var reSchoolSite = regexp.MustCompile(`^(?:Centre|Center|Site|Antenne|Pôle) (?:de |d['’]|of )?\p{Lu}`)

// reNumberedTown is a town and the number of one of its universities
// ("Lyon 2", "Blida 1", "Paris VIII").
var reNumberedTown = regexp.MustCompile(`^(.+?) (?:[1-9]|1[0-3]|I{1,3}|IV|VI{0,3}|IX|XI{0,3})$`)

// numberedTown: a town and its university's number ("Université Saad
// Dahlab – Blida 1"), which names the university, not where it stands.
func numberedTown(t string) bool {
	m := reNumberedTown.FindStringSubmatch(strings.TrimSpace(t))
	return m != nil && (placeOf(m[1])&placeCity != 0 || townShaped(m[1]))
}

// reSchoolUnit opens the name of a school's unit ("Section des sciences
// pharmaceutiques", "Department of Physics", "UFR de chimie").
// (Go's \b knows no accented letter: the word ends at a space.)
var reSchoolUnit = regexp.MustCompile(`(?i)^(?:section|d[ée]partement|department|dept\.?|faculty|facult[ée]|ufr|laboratoire|laboratory|division|unit[ée]?)(?:[\s,]|$)`)

// namedSchoolPart: a capitalised name beside a school after a dash
// ("Sacred Heart School – Ateneo de Cebu", "UCLouvain – Louvain School of
// Management", "INSPÉ de l'académie de Lyon – Université Lyon 1") is the
// other half of the school's name as written, the institute and the
// university it belongs to; a place, a degree, a job or a programme is
// not.
func namedSchoolPart(t string) bool {
	ws := strings.Fields(t)
	if len(ws) == 0 || isLocation(ws[0]) || functionWords[strings.ToLower(ws[len(ws)-1])] {
		return false // "Saint-Étienne …", "… Aptitudes et": a place first, or words cut short
	}
	return capitalisedName(t) && degreeScore(t) == 0 && titleScore(t) == 0 && !isLocation(t) && (!townShaped(t) || innerCapital(t)) &&
		countIn(t, studyWords) == 0 && !hasDate(t)
}

// innerCapital: a word with a capital after its first letters, as brand
// names of schools are written ("UCLouvain", "EPFLausanne"), never a town.
func innerCapital(t string) bool {
	for _, w := range strings.Fields(t) {
		r := []rune(w)
		if len(r) > 2 && unicode.IsUpper(r[0]) && strings.IndexFunc(string(r[2:]), unicode.IsLower) >= 0 && strings.IndexFunc(string(r[1:]), unicode.IsUpper) >= 0 {
			return true
		}
	}
	return false
}

var reHonours = regexp.MustCompile(`(?i)\bhonou?rs\b`)

// reHonoursClass is a British degree's class without the word honours
// ("2:1", "Second Class Upper", "upper second").
var reHonoursClass = regexp.MustCompile(`(?i)^(?:(?:first|second|third|1st|2nd|3rd)[- ]class\b.*|(?:upper|lower) second\b.*|2[:.][12])$`)

// honoursClass: a degree's class, which names the degree when it follows
// it after a comma ("BSc (Hons) Geology, 2:1", "Bachelor of Pharmacy,
// Second Class Upper"), as the classes with the word honours do.
func honoursClass(t string) bool {
	t = strings.TrimSpace(t)
	return reHonours.MatchString(t) || reHonoursClass.MatchString(t)
}

// reEndorsement names a certificate's endorsement ("Merit
// endorsement", "endorsed with Excellence").
var reEndorsement = regexp.MustCompile(`(?i)\bendorse(?:d|ment)\b`)

var reParenTail = regexp.MustCompile(`^(.+?)\s*\(([^()]+)\)$`)

var reBracketTail = regexp.MustCompile(`^(.+?)\s*[(\[]([^()\[\]]+)[)\]]$`)

// gradePart: a part set apart that says how a degree went ("first
// class", "First Class Honours", "GPA 3.6", "Diploma with honours");
// "Honours" opening it names a degree ("Honours Bachelor of Science").
func gradePart(t string) bool {
	return gradeStart(t) && !reHonours.MatchString(strings.Fields(t)[0]) || reAwardedWith.MatchString(strings.TrimSpace(t)) ||
		reWordedGrade.MatchString(strings.TrimSpace(t))
}

// reWordedGrade is a degree's overall grade in words, as Arab and Eastern
// European universities award it ("Very Good", "Excellent"), set apart
// after the school or the years.
var reWordedGrade = regexp.MustCompile(`(?i)^(?:excellent|very good|good)$`)

// reAwardedWith is the diploma named only by how it was awarded
// ("Diploma with honours", "Degree with distinction"): the red diploma of
// Ukrainian, Russian or Polish CVs, written after the school.
var reAwardedWith = regexp.MustCompile(`(?i)^(?:diploma|degree)\s+with\s+(?:high\s+)?(?:honou?rs|distinction|merit)$`)

// gradeLine: a short line that says only how a degree went.
func gradeLine(t string) bool {
	return gradeStart(strings.TrimSpace(t)) && len(strings.Fields(t)) <= 6 && !hasDate(t)
}

// reGradeStart opens a part that says how a degree went ("mention Très
// bien", "First Class Honours", "with distinction", "cum laude").
var reGradeStart = regexp.MustCompile(`(?i)^(?:mention\b|with (?:honou?rs|distinction|merit|high|first)|first[- ]class|major de promotion|` +
	`(?:upper|lower) second\b|second[- ]class|2[:.][12]\b|(?:summa |magna )?cum laude|honou?rs\b|distinction\b|merit\b|` +
	`(?:1st|2nd|3rd|first|second|third) division\b|(?:c?gpa|grade)\b|moyenne\b|mean grade\b|(?:cumulative |overall )?average\b|aggregate \d|` +
	// The Spanish, Portuguese and Italian honours ("Distinción Máxima",
	// "Sobresaliente", "com distinção", "con lode").
	`(?:con |com )?distinci[oó]n\b|com distin[çc][ãa]o|sobresaliente\b|matr[ií]cula de honor|con lode\b|` +
	// The Belgian mentions above "Distinction" ("Grande distinction",
	// "La plus grande distinction").
	`(?:la plus )?grande distinction\b|` +
	// A grade of a five-step scale in words with its number ("very
	// good (5.0)", "good plus (4.5)", "excellent (1,0)"), as Central
	// European diplomas give it.
	`(?:(?:very\s+)?good(?:\s+plus)?|excellent|satisfactory|sufficient|outstanding)\s*\(\d(?:[.,]\d{1,2})?\))`)

// reGradeWord finds a word that says how a degree went; "with" and
// "avec" only before one ("with distinction", "avec mention"), as a
// field of study may join its subjects by it ("Chemistry with Science").
var reGradeWord = regexp.MustCompile(`(?i)\b(?:honou?rs|distinction|merit|mention|cum laude|grade|gpa|cgpa|score|percent|%)|` +
	`\b(?:with|avec)\s+(?:high(?:est)?\s+|great\s+)?(?:honou?rs|distinction|merit|mention|credit|first|félicitations)`)

// spellsAcronym says whether the initials of name's words (function
// words and elisions aside) spell acr in order ("CHUM", "Centre
// hospitalier de l'Université de Montréal"; "IMF", "International
// Monetary Fund").
func spellsAcronym(acr, name string) bool {
	var initials []rune
	for _, w := range strings.Fields(name) {
		if i := strings.IndexAny(w, "'’"); i >= 0 && i <= 1 {
			w = w[i+len(string([]rune(w[i:])[0])):]
		}
		if w == "" || functionWords[strings.ToLower(w)] || w == "&" {
			continue
		}
		f := []rune(strings.ToUpper(fold(w)))
		if len(f) == 0 {
			continue
		}
		initials = append(initials, f[0])
	}
	letters := []rune(strings.ToUpper(acr))
	k := 0
	for _, r := range initials {
		if k < len(letters) && r == letters[k] {
			k++
		}
	}
	return len(letters) >= 2 && k == len(letters) && len(initials) > 0 && initials[0] == letters[0]
}

// acronymPlace: a school's acronym and its town ("ENCG Settat", "IAE
// Lyon").
func acronymPlace(s string) bool {
	first, rest, ok := strings.Cut(strings.TrimSpace(s), " ")
	return ok && isAcronym(first) && (isLocation(rest) || townShaped(rest))
}

// isAcronym: "INSAT", "ENSAE", "IAE", and those written with a digit
// among their letters ("3iL", "2iE"); "UniGe" is a word.
func isAcronym(s string) bool {
	r := []rune(s)
	if len(r) < 2 || len(r) > 8 || strings.IndexFunc(s, unicode.IsLetter) < 0 || strings.Contains(s, " ") {
		return false
	}
	if strings.ToUpper(s) == s {
		return true
	}
	// A digit and an upper-case letter among letters ("3iL", "2iE").
	return strings.IndexFunc(s, unicode.IsDigit) >= 0 && strings.IndexFunc(s, unicode.IsUpper) >= 0 &&
		strings.IndexFunc(s, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) }) < 0
}

// properName: a few capitalised words ("Mila", "Sorbonne Université").
func properName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	return true
}

// namedAfterPlace: a proper name that holds a town's name beside other
// words ("ETH Zürich", "IAE Lyon"), as schools are named; a degree is
// not.
func namedAfterPlace(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || !properName(s) {
		return false
	}
	for _, w := range ws {
		if placeOf(w)&placeCity != 0 {
			return true
		}
	}
	return false
}

// selfEmployedWords say who one worked for when it was oneself
// ("Freelance — Remote" over "UX Consultant"): the employer's place.
var selfEmployedWords = phraseSet(`freelance self-employed self_employed independent indépendant indépendante
	auto-entrepreneur auto-entrepreneuse autoentrepreneur freelancer own_business`)

func selfEmployed(s string) int {
	return boolScore(selfEmployedWords[fold(s)] || selfEmployedWords[strings.ToLower(strings.TrimSpace(s))])
}

// employerLine finds an unassigned part that opens a header line other
// than the title's and that line shows it is the employer's: it carries
// the dates or the location, or the part has an organisation word.
func employerLine(parts []part, picked []int) int {
	title := parts[picked[1]].line
	for i, p := range parts {
		if slices.Contains(picked, i) || p.line == title || p.afterComma || i > 0 && parts[i-1].line == p.line {
			continue
		}
		if p.dated || orgScore(p.text) > 0 || picked[0] >= 0 && parts[picked[0]].line == p.line {
			return i
		}
		// "Air France – Roissy": a name with a town beside it.
		if n := i + 1; n < len(parts) && parts[n].line == p.line && capitalisedName(p.text) && townShaped(parts[n].text) {
			return i
		}
		// "Registered Nurse – Emergency Department" / "Spitalul Clinic
		// Județean" / "City: Cluj-Napoca": a name alone on the line
		// between the title's and the place's, as the Europass form
		// sets the employer.
		if l := picked[0]; l >= 0 && parts[l].line == p.line+1 && p.line == title+1 && aloneOnLine(parts, i) && aloneOnLine(parts, l) && capitalisedName(p.text) {
			return i
		}
	}
	return -1
}

// cutTown splits "Name, Town" where Town is shaped like a place name the
// gazetteer does not hold (a district, a small town): one to three
// capitalised words, hyphenated compounds and particles allowed, no
// acronym and no word that names a job, an organisation or a school.
// A note in brackets after the town ("Palmerston North (part-time,
// evenings)") goes with the town, its comma cuts nothing.
func cutTown(s string) (name, town string) {
	i := lastCommaOutsideBrackets(s)
	if i <= 0 {
		return s, ""
	}
	head, tail := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2:])
	if !townShaped(tail) || len(strings.Fields(head)) == 0 {
		return s, ""
	}
	return head, tail
}

// cellTownRegion: a part set in a cell of its own, after a tab, that
// is two place names joined by a comma ("Changsha, Hunan", "Kestrel,
// Marrowshire"), as moderncv sets the town and region beside the
// school: a town and its region the gazetteer does not hold.
func cellTownRegion(p part) bool {
	town, region, ok := strings.Cut(strings.TrimSpace(p.text), ", ")
	return ok && strings.Contains(p.sep, "\t") && townShaped(town) && townShaped(region) && !strings.Contains(region, ",")
}

// cutDashTown cuts "Name — Town" at its last spaced dash when what
// follows is shaped like a town and names no school.
func cutDashTown(s string) (name, town string) {
	for _, dash := range []string{" — ", " – "} {
		if i := strings.LastIndex(s, dash); i > 0 {
			head, tail := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(dash):])
			if townShaped(tail) && institutionScore(tail) == 0 && institutionScore(head) > 0 {
				return head, tail
			}
			return s, ""
		}
	}
	return s, ""
}

// lastCommaOutsideBrackets is the index of the last ", " of s that no
// bracket encloses, -1 if none.
func lastCommaOutsideBrackets(s string) int {
	depth, last := 0, -1
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case r == ',' && depth == 0 && strings.HasPrefix(s[i+1:], " "):
			last = i
		}
	}
	return last
}

// cutLastComma splits s at its last ", " into the trimmed parts before
// and after it; found is false when s has none past its start.
func cutLastComma(s string) (head, tail string, found bool) {
	i := strings.LastIndex(s, ", ")
	if i <= 0 {
		return s, "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2:]), true
}

// cutBranch splits "Name, Quayside Branch" at its last comma when the
// tail is a branch named in a few capitalised words.
func cutBranch(s string) (name, branch string, ok bool) {
	head, tail, found := cutLastComma(s)
	if !found {
		return s, "", false
	}
	ws := strings.Fields(tail)
	if len(ws) < 2 || len(ws) > 4 || !strings.EqualFold(ws[len(ws)-1], "branch") || !capitalisedWords(tail, 4) {
		return s, "", false
	}
	return head, tail, true
}

func joinPlace(town, wider string) string {
	if wider == "" {
		return town
	}
	return town + ", " + wider
}

// unitWords name a part of an organisation ("Forging Division",
// "Research Centre", a university's "Sede Medellín" campus) or an
// undertaking it runs ("Rural Nurses Programme"), never a town.
var unitWords = wordSet(`division department dept unit centre center team branch office bureau desk practice
	sector plant site campus sede works département direction service pôle rédaction agence secteur usine platform banking
	markets research laboratory laboratoire operations engineering finance sales marketing products retail advisory audit tax legal digital
	business segment program programme projet project development développement management`)

// unitLed: a unit named by what it does ("Service de neurologie",
// "Department of Surgery"): its organisation words make it no employer.
func unitLed(s string) bool {
	ws := strings.Fields(s)
	return len(ws) > 2 && countIn(ws[0], unitWords) > 0 && (functionWords[strings.ToLower(ws[1])] || reElided.MatchString(ws[1]))
}

// reDistrict is a district number after a town ("Dublin 8", "Lac 2").
var reDistrict = regexp.MustCompile(`\s+\d{1,2}(?:e|er|ème)?$`)

// townParticles join a town's names as written in lower case ("Frankfurt
// am Main", "Halle an der Saale", "Newcastle upon Tyne", "Clichy-sous-Bois").
var (
	townParticles  = wordSet(`an am im bei ob upon sous`)
	germanArticles = wordSet(`der dem den`)
)

// saintTitles are the short titles of a saint or a mount that open a
// town's name ("St. Albans", "Sta. Rosa", "Mt. Isa").
var saintTitles = wordSet(saintTitleWords)

// saintTitleWords lists those titles once, as a town's name writes them,
// for saintTitles (any case) and reSaintTown (as written).
const saintTitleWords = `St Ste Sta Sto Mt Ft`

// boardWords name an examining body ("Maharashtra State Board", "CBSE
// Board"), which a school's row names after the school as a town would
// be.
var boardWords = wordSet(`board boards`)

func townShaped(t string) bool {
	t = reDistrict.ReplaceAllString(t, "")
	core := t
	// "Écully (France)"; "Upper Hutt (distance)": a note in lower case
	// on how one studied there.
	// "Cala Millor (Mallorca)": one name in brackets, shaped as a place's,
	// is the island or county the town is in.
	if m := reParenPlace.FindStringSubmatch(t); m != nil && (isLocation(m[2]) || lowerNote(m[2]) || !strings.ContainsAny(m[2], " ()") && townShaped(m[2])) {
		core = strings.TrimSpace(m[1])
	}
	ws := strings.Fields(core)
	// "Mülheim an der Ruhr", "Kingston upon Thames": the particles
	// between a town's names do not count among its three words.
	names := 0
	for i, w := range ws {
		if !townParticles[w] && !(i > 0 && townParticles[ws[i-1]] && germanArticles[w]) {
			names++
		}
	}
	if len(ws) == 0 || names > 3 || len(ws) > 5 || titleScore(core)+orgScore(core)+institutionScore(core)+degreeScore(core)+countIn(core, unitWords)+countIn(core, boardWords) > 0 {
		return false
	}
	for i, w := range ws {
		// "Sta. Mesa", "Mt. Hope": a saint's or mount's title cut short
		// opens a town's name.
		if i == 0 && len(ws) > 1 && saintTitles[strings.ToLower(strings.TrimSuffix(w, "."))] {
			w = strings.TrimSuffix(w, ".")
		}
		for _, seg := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '’' }) {
			r := []rune(seg)
			switch {
			case functionWords[strings.ToLower(seg)] || particles[strings.ToLower(seg)] || townParticles[seg] || seg == "d" || seg == "l":
			case !unicode.IsUpper(r[0]) || len(r) > 1 && strings.ToUpper(seg) == seg:
				return false // lower case, or an acronym ("PSL", "IP Paris")
			}
			for _, c := range r {
				if !unicode.IsLetter(c) {
					return false
				}
			}
		}
	}
	return true
}

// lowerNote: a note that opens in lower case ("distance", "part-time,
// day release"), as no name does.
func lowerNote(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return unicode.IsLower(r)
}

func roleBonus(p part, want string) int {
	if p.role == want {
		return 10
	}
	return 0
}

func boolScore(b bool) int {
	if b {
		return 1
	}
	return 0
}

func joinNonEmpty(xs ...string) string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, strings.TrimSpace(x))
		}
	}
	return strings.Join(out, " ")
}

// items reads list sections (projects, certifications...): each bullet is an
// item when the section is a plain list; otherwise a short line opens an
// item and sentences or bullets describe it. A plain line followed by
// bullets is a title over them ("CVLint (Go, React)" / "• 300 stars"), and
// "Title, 2023: what it is" is an item with its description.
func (b *builder) items(prefix string, lines []line) []cv.Item {
	units := toUnits(lines)
	if out, ok := formItems(units); ok {
		for i := range out {
			out[i].ID = b.stableID(prefix, out[i].Title)
		}
		return out
	}
	allBullets, titled := true, false
	for i, u := range units {
		allBullets = allBullets && (u.bullet || !isLong(u.text))
		titled = titled || !u.bullet && i+1 < len(units) && units[i+1].bullet
	}
	plain := allBullets && !titled
	var out []cv.Item
	for _, u := range units {
		n := len(out)
		head, desc, headed := itemHead(u)
		switch {
		case n > 0 && !plain && !headed && (u.bullet || isLong(u.text)):
			if u.bullet {
				out[n-1].Bullets = append(out[n-1].Bullets, u.text)
			} else {
				out[n-1].Description = joinNonEmpty(out[n-1].Description, u.text)
			}
		default:
			it := cv.Item{Title: u.text}
			if headed {
				it.Title, it.Description = head, desc
			}
			if dr, ok := findDateRange(it.Title); ok {
				it.Date = joinDates(dr.start, dr.end)
			}
			it.Link = reURL.FindString(u.text)
			out = append(out, it)
		}
	}
	for i := range out {
		out[i].ID = b.stableID(prefix, out[i].Title)
	}
	return out
}

var reItemHead = regexp.MustCompile(`^([^:]{2,60}?)\s*:\s+(\S.*)$`)

// itemHead splits "CVLint, 2023: a linter for CVs." into its title and
// description: a short head (one to six words) before a colon, a sentence
// after it.
func itemHead(u unit) (head, desc string, ok bool) {
	if u.bullet {
		return "", "", false
	}
	m := reItemHead.FindStringSubmatch(u.text)
	if m == nil || len(strings.Fields(m[1])) > 6 || len(strings.Fields(m[2])) < 4 || reURL.MatchString(m[1]) {
		return "", "", false
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
}
