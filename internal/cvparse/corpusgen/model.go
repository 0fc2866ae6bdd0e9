package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// block is one renderer-neutral piece of a CV page.
type block struct {
	kind   string // name, line, heading, row, para, bullets, kv (label left, value right)
	left   string
	right  string
	bold   bool
	italic bool
	items  []string
}

// model is a CV laid out in one or two columns; side is empty for one column.
type model struct {
	head, main, side []block
	// footer is printed at the foot of every page (a running footer),
	// "" for none.
	footer string
}

// style fixes the surface choices of one CV, the way a real author would.
type style struct {
	lang       string
	dateFmt    string // mon, month, num, year
	rangeSep   string
	present    string
	jobStyle   int // 1..5
	eduStyle   int // 1..3
	skillStyle int // 1..3
	contactSep string
	multiLine  bool // contact one item per line
	labels     bool // "Email:" labels
	twoCol     bool
	eduFirst   bool
	headings   map[string]string
	// layout is "" (flowing text), "table" (a date/label column beside the
	// entries, Europass style) or "labels" (label/value rows).
	layout string
	// jobLabels (employer, position, dates, location) and eduLabels
	// (degree, institution, dates) replace the usual label words of a
	// label/value layout when set.
	jobLabels   [4]string
	eduLabels   [3]string
	checkSkills bool // "✓ Go ✓ SQL"
	phoneCity   bool // "+44 20 7946 0958 London" with one space between
	// The variations (hard.go, vary).
	nameHeadline bool   // "Jane Doe — Data Engineer" on the name's line
	langDash     bool   // "English — Native"
	footer       string // running footer, "%s" for the page number
	updated      string // a "last updated" line at the end
	pronouns     string // "(she/her)" after the name
	references   string // "References available upon request" at the end
}

var monthsEN = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
var monthsENLong = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var monthsFR = []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
var monthsFRLong = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

var headingsEN = map[string][]string{
	"summary":    {"Summary", "Profile", "Professional Summary", "About Me"},
	"experience": {"Experience", "Work Experience", "Professional Experience", "Employment History"},
	"education":  {"Education", "Academic Background", "Education & Training"},
	"skills":     {"Skills", "Technical Skills", "Core Competencies"},
	"languages":  {"Languages"},
	"projects":   {"Projects", "Side Projects"},
	"certs":      {"Certifications", "Licenses & Certifications"},
	"interests":  {"Interests", "Hobbies"},
	"contact":    {"Contact", "Contact Details"},
}
var headingsFR = map[string][]string{
	"summary":    {"Profil", "À propos", "Résumé", "Profil professionnel"},
	"experience": {"Expérience professionnelle", "Expériences", "Parcours professionnel"},
	"education":  {"Formation", "Éducation", "Diplômes et formations"},
	"skills":     {"Compétences", "Compétences techniques"},
	"languages":  {"Langues"},
	"projects":   {"Projets", "Projets personnels"},
	"certs":      {"Certifications"},
	"interests":  {"Centres d'intérêt", "Loisirs"},
	"contact":    {"Contact", "Coordonnées"},
}

func newStyle(r *rand.Rand, lang string, twoCol bool) style {
	s := style{lang: lang, twoCol: twoCol}
	s.dateFmt = pick(r, []string{"mon", "month", "num", "year", "mon"})
	s.rangeSep = pick(r, []string{" – ", " - ", " — "})
	if lang == "fr" {
		s.present = pick(r, []string{"Aujourd'hui", "présent", "En cours", "aujourd'hui"})
	} else {
		s.present = pick(r, []string{"Present", "Current", "Present", "Now"})
	}
	s.jobStyle = 1 + r.IntN(5)
	s.eduStyle = 1 + r.IntN(3)
	s.skillStyle = 1 + r.IntN(3)
	s.contactSep = pick(r, []string{" | ", " · ", " • ", "  |  "})
	s.multiLine = r.IntN(3) == 0
	s.labels = r.IntN(4) == 0
	s.eduFirst = r.IntN(5) == 0
	hs := headingsEN
	if lang == "fr" {
		hs = headingsFR
	}
	s.headings = map[string]string{}
	for k, v := range hs {
		s.headings[k] = pick(r, v)
	}
	return s
}

func (s style) date(d ym) string {
	if d.Y == 0 {
		return s.present
	}
	if d.M == 0 || s.dateFmt == "year" {
		return fmt.Sprint(d.Y)
	}
	switch s.dateFmt {
	case "mon":
		if s.lang == "fr" {
			return monthsFR[d.M-1] + " " + fmt.Sprint(d.Y)
		}
		return monthsEN[d.M-1] + " " + fmt.Sprint(d.Y)
	case "month":
		if s.lang == "fr" {
			return monthsFRLong[d.M-1] + " " + fmt.Sprint(d.Y)
		}
		return monthsENLong[d.M-1] + " " + fmt.Sprint(d.Y)
	}
	return fmt.Sprintf("%02d/%d", d.M, d.Y)
}

func (s style) dates(a, b ym) string { return s.date(a) + s.rangeSep + s.date(b) }

func (s style) at() string {
	if s.lang == "fr" {
		return " chez "
	}
	return " at "
}

// build lays a persona out and returns the truth for what it rendered.
func build(p persona, s style) (model, cv.StructuredCV) {
	var m model
	truth := cv.StructuredCV{Summary: p.Summary, Contact: cv.Contact{
		Name: p.Name, Email: p.Email, Phone: p.Phone, Location: p.Location,
		LinkedIn: p.LinkedIn, GitHub: p.GitHub, Portfolio: p.Portfolio,
	}}
	m.head = append(m.head, block{kind: "name", left: p.Name})
	if s.pronouns != "" {
		m.head[0].left += " (" + s.pronouns + ")"
	}
	if s.nameHeadline && len(p.Jobs) > 0 {
		m.head[0].left += " — " + p.Jobs[0].Title
	}
	m.footer = s.footer
	contact := contactItems(p, s)
	if s.layout == "labels" {
		for _, kv := range contactPairs(p, s) {
			m.head = append(m.head, block{kind: "kv", left: kv[0], right: kv[1]})
		}
		contact = nil
	}
	if s.twoCol && contact != nil {
		m.side = append(m.side, block{kind: "heading", left: s.headings["contact"]})
		for _, c := range contact {
			m.side = append(m.side, block{kind: "line", left: c})
		}
	} else if s.multiLine || contact == nil {
		for _, c := range contact {
			m.head = append(m.head, block{kind: "line", left: c})
		}
	} else {
		m.head = append(m.head, block{kind: "line", left: strings.Join(contact, s.contactSep)})
	}
	m.main = append(m.main, block{kind: "heading", left: s.headings["summary"]}, block{kind: "para", left: p.Summary})
	exp := s.experience(p, &truth)
	edu := s.education(p, &truth)
	if s.eduFirst {
		m.main = append(m.main, edu...)
		m.main = append(m.main, exp...)
	} else {
		m.main = append(m.main, exp...)
		m.main = append(m.main, edu...)
	}
	skills := s.skills(p, &truth)
	if s.twoCol {
		m.side = append(m.side, skills...)
	} else {
		m.main = append(m.main, skills...)
	}
	var projects, extras []block
	if len(p.Projects) > 0 {
		projects = append(projects, block{kind: "heading", left: s.headings["projects"]})
		for _, pr := range p.Projects {
			projects = append(projects, block{kind: "row", left: pr.Name, bold: true}, block{kind: "para", left: pr.Desc})
			truth.Projects = append(truth.Projects, cv.Item{Title: pr.Name, Description: pr.Desc})
		}
	}
	if len(p.Certs) > 0 {
		extras = append(extras, block{kind: "heading", left: s.headings["certs"]}, block{kind: "bullets", items: p.Certs})
		for _, c := range p.Certs {
			truth.Certifications = append(truth.Certifications, cv.Item{Title: c})
		}
	}
	for _, f := range p.Free {
		extras = append(extras, block{kind: "heading", left: f.Title}, block{kind: "para", left: f.Content})
		truth.OtherSections = append(truth.OtherSections, f)
	}
	if len(p.Interests) > 0 {
		extras = append(extras, block{kind: "heading", left: s.headings["interests"]}, block{kind: "para", left: strings.Join(p.Interests, ", ")})
		truth.OtherSections = append(truth.OtherSections, cv.Section{Title: s.headings["interests"], Content: strings.Join(p.Interests, ", ")})
	}
	m.main = append(m.main, projects...)
	if s.twoCol {
		m.side = append(m.side, extras...)
	} else {
		m.main = append(m.main, extras...)
	}
	if s.references != "" {
		m.main = append(m.main, block{kind: "line", left: s.references})
	}
	if s.updated != "" {
		m.main = append(m.main, block{kind: "line", left: s.updated})
	}
	return m, truth
}

func contactItems(p persona, s style) []string {
	label := func(en, fr, v string) string {
		if !s.labels || v == "" {
			return v
		}
		if s.lang == "fr" {
			return fr + " : " + v
		}
		return en + ": " + v
	}
	items := []string{p.Location, label("Email", "E-mail", p.Email), label("Phone", "Tél.", p.Phone), p.LinkedIn}
	if s.phoneCity {
		items = []string{label("Email", "E-mail", p.Email), p.Phone + " " + p.Location, p.LinkedIn}
	}
	if p.GitHub != "" {
		items = append(items, p.GitHub)
	}
	if p.Portfolio != "" {
		items = append(items, p.Portfolio)
	}
	return items
}

// contactPairs are the contact rows of a label/value layout.
func contactPairs(p persona, s style) [][2]string {
	l := map[string][4]string{
		"en": {"Address", "Email", "Phone", "LinkedIn"},
		"fr": {"Adresse", "E-mail", "Téléphone", "LinkedIn"},
	}[s.lang]
	out := [][2]string{{l[0], p.Location}, {l[1], p.Email}, {l[2], p.Phone}, {l[3], p.LinkedIn}}
	if p.GitHub != "" {
		out = append(out, [2]string{"GitHub", p.GitHub})
	}
	if p.Portfolio != "" {
		out = append(out, [2]string{"Portfolio", p.Portfolio})
	}
	return out
}

func (s style) experience(p persona, truth *cv.StructuredCV) []block {
	out := []block{{kind: "heading", left: s.headings["experience"]}}
	for _, j := range p.Jobs {
		d := s.dates(j.Start, j.End)
		style := s.jobStyle
		if s.layout == "labels" {
			style = 0
			l := map[string][4]string{
				"en": {"Employer", "Position", "Dates", "Location"},
				"fr": {"Employeur", "Poste", "Période", "Lieu"},
			}[s.lang]
			if s.jobLabels[0] != "" {
				l = s.jobLabels
			}
			out = append(out, block{kind: "kv", left: l[1], right: j.Title, bold: true}, block{kind: "kv", left: l[0], right: j.Company},
				block{kind: "kv", left: l[3], right: j.Location}, block{kind: "kv", left: l[2], right: d})
		}
		switch style {
		case 1:
			out = append(out, block{kind: "row", left: j.Title, right: d, bold: true},
				block{kind: "row", left: j.Company + ", " + j.Location, italic: true})
		case 2:
			out = append(out, block{kind: "row", left: j.Company, right: j.Location, bold: true},
				block{kind: "row", left: j.Title, right: d, italic: true})
		case 3:
			out = append(out, block{kind: "row", left: j.Title + " | " + j.Company + " | " + j.Location, right: d, bold: true})
		case 4:
			out = append(out, block{kind: "row", left: d, italic: true},
				block{kind: "row", left: j.Title, bold: true},
				block{kind: "row", left: j.Company + " – " + j.Location})
		case 5:
			out = append(out, block{kind: "row", left: j.Title + s.at() + j.Company, bold: true},
				block{kind: "row", left: j.Location + " · " + d, italic: true})
		case 6:
			out = append(out, block{kind: "row", left: j.Title, right: d, bold: true},
				block{kind: "row", left: j.Company + parenthesised(j.Location), italic: true})
		case 7:
			out = append(out, block{kind: "row", left: j.Title, right: d, bold: true},
				block{kind: "row", left: j.Company + " · " + j.Location})
		case 8:
			out = append(out, block{kind: "row", left: j.Title, right: d, bold: true},
				block{kind: "row", left: j.Company}, block{kind: "row", left: j.Location, italic: true})
		}
		out = append(out, block{kind: "bullets", items: j.Bullets})
		truth.Experience = append(truth.Experience, cv.Experience{
			Title: j.Title, Company: j.Company, Location: j.Location,
			StartDate: s.date(j.Start), EndDate: s.date(j.End), Bullets: j.Bullets,
		})
	}
	return out
}

// parenthesised writes " (City)", or " – Remote (EMEA)" where the place
// has parentheses of its own: nobody nests them.
func parenthesised(place string) string {
	if strings.Contains(place, "(") {
		return " – " + place
	}
	return " (" + place + ")"
}

func (s style) education(p persona, truth *cv.StructuredCV) []block {
	out := []block{{kind: "heading", left: s.headings["education"]}}
	for _, e := range p.Schools {
		d := s.dates(e.Start, e.End)
		style := s.eduStyle
		if s.layout == "labels" {
			style = 0
			l := map[string][3]string{
				"en": {"Degree", "Institution", "Dates"},
				"fr": {"Diplôme", "Établissement", "Période"},
			}[s.lang]
			if s.eduLabels[0] != "" {
				l = s.eduLabels
			}
			out = append(out, block{kind: "kv", left: l[0], right: e.Degree, bold: true}, block{kind: "kv", left: l[1], right: e.Institution},
				block{kind: "kv", left: l[2], right: d})
		}
		switch style {
		case 1:
			out = append(out, block{kind: "row", left: e.Degree, right: d, bold: true},
				block{kind: "row", left: e.Institution, right: e.Location, italic: true})
		case 2:
			out = append(out, block{kind: "row", left: e.Institution, right: e.Location, bold: true},
				block{kind: "row", left: e.Degree, right: d, italic: true})
		case 3:
			out = append(out, block{kind: "row", left: e.Degree + ", " + e.Institution, right: d, bold: true})
		}
		if e.GPA != "" {
			label := "GPA: "
			if s.lang == "fr" {
				label = "Mention : "
				if strings.Contains(e.GPA, "/") {
					label = "Moyenne : "
				}
			}
			out = append(out, block{kind: "row", left: label + e.GPA})
		}
		truth.Education = append(truth.Education, cv.Education{
			Degree: e.Degree, Institution: e.Institution, Location: e.Location,
			StartDate: s.date(e.Start), EndDate: s.date(e.End), GPA: e.GPA,
		})
	}
	return out
}

func (s style) skills(p persona, truth *cv.StructuredCV) []block {
	truth.Skills = cv.Skills{Technical: p.Skills.Technical, Tools: p.Skills.Tools, SoftSkills: p.Skills.Soft}
	out := []block{{kind: "heading", left: s.headings["skills"]}}
	labels := map[string][3]string{
		"en": {"Programming", "Tools", "Soft skills"},
		"fr": {"Langages et frameworks", "Outils", "Savoir-être"},
	}[s.lang]
	groups := [][]string{p.Skills.Technical, p.Skills.Tools, p.Skills.Soft}
	switch s.skillStyle {
	case 1:
		for i, g := range groups {
			if len(g) > 0 {
				sep := ": "
				if s.lang == "fr" {
					sep = " : "
				}
				out = append(out, block{kind: "row", left: labels[i] + sep + strings.Join(g, ", ")})
			}
		}
	case 2:
		var items []string
		for _, g := range groups {
			if len(g) > 0 {
				items = append(items, strings.Join(g, ", "))
			}
		}
		out = append(out, block{kind: "bullets", items: items})
	case 3:
		var all []string
		for _, g := range groups {
			all = append(all, g...)
		}
		if s.checkSkills {
			out = append(out, block{kind: "para", left: checkList(all)})
		} else {
			out = append(out, block{kind: "para", left: strings.Join(all, " · ")})
		}
	case 4: // one skill a line with a rating
		for _, g := range groups {
			for i, it := range g {
				out = append(out, block{kind: "row", left: it + " " + []string{"4/5", "5/5", "3/5", "90%"}[i%4]})
			}
		}
	case 5: // a group's name on its own line above its list
		for i, g := range groups {
			if len(g) > 0 {
				out = append(out, block{kind: "row", left: labels[i], bold: true}, block{kind: "row", left: strings.Join(g, ", ")})
			}
		}
	case 7: // "Skill: n years", one a line; soft skills as a labelled list
		for k, g := range groups {
			if k == 2 && len(g) > 0 {
				out = append(out, block{kind: "row", left: labels[k] + ": " + strings.Join(g, ", ")})
				continue
			}
			for i, it := range g {
				years := fmt.Sprintf("%d years", 2+i%5)
				if s.lang == "fr" {
					years = fmt.Sprintf("%d ans", 2+i%5)
				}
				out = append(out, block{kind: "row", left: it + ": " + years})
			}
		}
	case 6: // "Group – a, b and c"
		and := " and "
		if s.lang == "fr" {
			and = " et "
		}
		for i, g := range groups {
			if len(g) > 1 {
				out = append(out, block{kind: "row", left: labels[i] + " – " + strings.Join(g[:len(g)-1], ", ") + and + g[len(g)-1]})
			} else if len(g) == 1 {
				out = append(out, block{kind: "row", left: labels[i] + " – " + g[0]})
			}
		}
	}
	out = append(out, block{kind: "heading", left: s.headings["languages"]})
	var langs []string
	for _, l := range p.Spoken {
		if s.langDash {
			langs = append(langs, l.Lang+" — "+l.Level)
		} else {
			langs = append(langs, l.Lang+" ("+l.Level+")")
		}
		truth.Skills.Languages = append(truth.Skills.Languages, l.Lang)
	}
	if s.skillStyle == 2 {
		out = append(out, block{kind: "bullets", items: langs})
	} else {
		out = append(out, block{kind: "para", left: strings.Join(langs, ", ")})
	}
	return out
}

// otherLabels are label words of label/value CVs outside the parser's
// vocabulary, as forms and templates write them: the parser must read such
// a layout by its shape.
var otherLabels = map[string]struct{ employer, position, dates, location, degree, institution []string }{
	"en": {
		employer:    []string{"Employer name", "Organisation name", "Worked at", "Firm"},
		position:    []string{"Job held", "Role held", "Post", "Capacity"},
		dates:       []string{"Time frame", "When", "Years", "Tenure"},
		location:    []string{"Based in", "Where", "Site", "Office"},
		degree:      []string{"Award", "Course", "Programme", "Course of study"},
		institution: []string{"Awarding body", "Attended", "Campus", "College name"},
	},
	"fr": {
		employer:    []string{"Nom de l'employeur", "Structure", "Organisme employeur", "Société d'accueil"},
		position:    []string{"Emploi occupé", "Rôle", "Métier", "Poste occupé"},
		dates:       []string{"Dates d'emploi", "Années", "Durée de la mission", "Calendrier"},
		location:    []string{"Ville d'exercice", "Localité", "Site", "Implantation"},
		degree:      []string{"Intitulé du diplôme", "Cursus suivi", "Formation suivie", "Titre obtenu"},
		institution: []string{"Lieu de formation", "Organisme de formation", "École fréquentée", "Campus"},
	},
}

// pickOtherLabels draws one unusual label per field.
func (s *style) pickOtherLabels(r *rand.Rand) {
	o := otherLabels[s.lang]
	d := pick(r, o.dates)
	s.jobLabels = [4]string{pick(r, o.employer), pick(r, o.position), d, pick(r, o.location)}
	s.eduLabels = [3]string{pick(r, o.degree), pick(r, o.institution), d}
}
