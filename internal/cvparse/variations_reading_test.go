package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the reading of two-column and sidebar CVs (the twelfth to
// fourteenth blind sets' "2col" documents): ways real CVs set them that
// those documents do not.

// sideRow is a line of a synthetic two-column page: its column (1 left,
// 2 right), height, type size and text; a text ending in "»" runs to the
// column's edge (extract.Line.Full), the mark dropped.
type sideRow struct {
	col     int
	y, size float64
	text    string
}

// sideDoc lays rows out as a PDF's two columns: the left at x=30, the
// right at x=250.
func sideDoc(rows []sideRow) extract.Document {
	var d extract.Document
	for _, r := range rows {
		x := 30.0
		if r.col == 2 {
			x = 250
		}
		text, full := strings.CutSuffix(r.text, "»")
		d.Lines = append(d.Lines, extract.Line{Text: text, Page: 1, X: x, Y: r.y, Size: r.size, Column: r.col, Full: full})
	}
	d.Pages = 1
	return d
}

// sidebarEducation builds a page whose left sidebar holds contact details
// then an education section of the given lines, one every 11pt in one
// size, and whose main column holds one job.
func sidebarEducation(edu []string) extract.Document {
	rows := []sideRow{{1, 120, 12, "CONTACT"}, {1, 138, 10, "r.okafor@example.com"}, {1, 150, 10, "+234 803 555 0199"},
		{1, 176, 12, "EDUCATION"}}
	y := 194.0
	for _, t := range edu {
		rows = append(rows, sideRow{1, y, 10, t})
		y += 11
	}
	rows = append(rows, sideRow{1, y + 16, 12, "LANGUAGES"}, sideRow{1, y + 34, 10, "English"},
		sideRow{2, 40, 24, "Rita Okafor"}, sideRow{2, 120, 12, "EXPERIENCE"}, sideRow{2, 140, 11, "Quantity Surveyor"},
		sideRow{2, 154, 10, "Julius Berger Nigeria | Abuja | 2018 – Present"},
		sideRow{2, 168, 10, "• Priced and valued works on three federal road contracts"})
	return sideDoc(rows)
}

// A school's or a certificate's name wrapped in a narrow sidebar is one
// name: the line ran to the column's edge and the next is a short tail
// that starts nothing of its own. A line that reached the edge by chance
// keeps the next line apart when that line names a school, holds a date
// or opens with an acronym.
func TestVariationSidebarWrappedNames(t *testing.T) {
	cases := []struct {
		name string
		edu  []string
		want []eduWant
	}{
		{"school wrapped", []string{"BSc Civil Engineering", "University of the West»", "Indies", "2010 – 2014"},
			[]eduWant{{"BSc Civil Engineering", "University of the West Indies", "", "2010", "2014"}}},
		{"instituto wrapped", []string{"Ingeniería Civil", "Instituto Tecnológico de Santo»", "Domingo (INTEC)", "2015 – 2019"},
			[]eduWant{{"Ingeniería Civil", "Instituto Tecnológico de Santo Domingo (INTEC)", "", "2015", "2019"}}},
		{"certificate wrapped", []string{"Project Management Professional»", "Certificate", "Project Management Institute", "2021"},
			[]eduWant{{"Project Management Professional Certificate", "Project Management Institute", "", "", "2021"}}},
		{"degree then school", []string{"Bachelor of Technology»", "Federal University of Technology", "2009 – 2013"},
			[]eduWant{{"Bachelor of Technology", "Federal University of Technology", "", "2009", "2013"}}},
		{"school then acronym", []string{"Diplôme d'ingénieur en Génie Civil»", "ESTP — Cachan", "2012 – 2015"},
			[]eduWant{{"Diplôme d'ingénieur en Génie Civil", "ESTP", "Cachan", "2012", "2015"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(sidebarEducation(tc.edu))
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}

// A sidebar's education whose every entry ends on its dates, one entry a
// line longer than the next (a grade, a school's town on a line of its
// own): each entry ends where its dates are.
func TestVariationSidebarTrailingDates(t *testing.T) {
	cases := []struct {
		name string
		edu  []string
		want []eduWant
	}{
		{"first entry longer", []string{"MSc Construction Management", "University of Reading", "Grade: Merit", "2019 – 2021",
			"BSc Quantity Surveying", "University of Lagos", "2010 – 2014"},
			[]eduWant{{"MSc Construction Management", "University of Reading", "", "2019", "2021"},
				{"BSc Quantity Surveying", "University of Lagos", "", "2010", "2014"}}},
		{"second entry longer", []string{"Licence Professionnelle Métiers du BTP", "IUT de Rennes", "2016 – 2017",
			"BTS Bâtiment", "Lycée Joliot-Curie,", "Rennes", "2014 – 2016"},
			[]eduWant{{"Licence Professionnelle Métiers du BTP", "IUT de Rennes", "", "2016", "2017"},
				{"BTS Bâtiment", "Lycée Joliot-Curie", "Rennes", "2014", "2016"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(sidebarEducation(tc.edu))
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}

// A degree's name set larger than the text, wrapped in the main column:
// its last word alone on the next line, in the same large type, is the
// end of the name, not a heading of its own.
func TestVariationWrappedNameTailNoHeading(t *testing.T) {
	cases := []struct {
		name       string
		first, end string
		school     string
		want       eduWant
	}{
		{"stream", "West African Senior School Certificate – Science»", "Option", "Government College Umuahia | Umuahia",
			eduWant{"West African Senior School Certificate – Science Option", "Government College Umuahia", "Umuahia", "", "2011"}},
		{"série", "Baccalauréat général – Spécialités Mathématiques»", "Physique", "Lycée Victor Hugo | Besançon",
			eduWant{"Baccalauréat général – Spécialités Mathématiques Physique", "Lycée Victor Hugo", "Besançon", "", "2011"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := []sideRow{{1, 120, 11, "CONTACT"}, {1, 138, 10, "n.eze@example.com"}, {1, 150, 10, "+234 806 555 0142"},
				{1, 176, 11, "SKILLS"}, {1, 194, 10, "AutoCAD"}, {1, 208, 10, "Revit"},
				{2, 40, 24, "Ngozi Eze"}, {2, 120, 12.8, "EXPERIENCE"}, {2, 140, 9.9, "2019 – Present"},
				{2, 150, 12.2, "Site Engineer"}, {2, 162, 10.5, "Dantata & Sawoe | Abuja"},
				{2, 174, 10.5, "Supervised formwork and concrete works on a twelve-storey office block in the city centre."},
				{2, 200, 12.8, "EDUCATION"}, {2, 218, 9.9, "2011"}, {2, 228, 12.2, tc.first}, {2, 240, 12.2, tc.end},
				{2, 252, 10.5, tc.school}}
			got := Parse(sideDoc(rows))
			if diff := cmp.Diff([]eduWant{tc.want}, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}

// A running header that only page 2 carries, the name and the document's
// title in one cell and a confidentiality mark in another, is page
// furniture: none of it is a skill of the list it interrupts.
func TestVariationRunningHeaderWithMark(t *testing.T) {
	cases := []struct{ name, header string }{
		{"confidential", "Tane Walker — Curriculum Vitae\tConfidential"},
		{"private and confidential", "Tane Walker | Résumé\tPrivate & Confidential"},
		{"confidentiel", "CV – Tane Walker\tStrictement confidentiel"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var d extract.Document
			add := func(page int, y float64, text string) {
				d.Lines = append(d.Lines, extract.Line{Text: text, Page: page, X: 57, Y: y, Size: 11})
			}
			add(1, 40, "Tane Walker")
			add(1, 56, "tane.walker@example.com · +64 21 555 0188")
			add(1, 90, "EXPERIENCE")
			add(1, 110, "Site Supervisor\tMar 2018 – Present")
			add(1, 124, "Fletcher Construction, Auckland")
			add(1, 138, "• Ran a crew of twelve on a six-storey apartment block")
			add(1, 780, "SKILLS")
			add(1, 796, "Formwork")
			add(2, 30, tc.header)
			add(2, 70, "Site safety")
			d.Pages = 2
			got := Parse(d)
			for _, s := range allSkills(got.Skills) {
				if k := normSkill(s); k != "formwork" && k != "site safety" {
					t.Errorf("skill %q from the running header", s)
				}
			}
			if len(got.Experience) != 1 {
				t.Errorf("%d jobs, want 1", len(got.Experience))
			}
		})
	}
}

// An e-mail or a profile's address broken mid-word at a narrow sidebar's
// edge is one address.
func TestVariationSidebarCutAddresses(t *testing.T) {
	cases := []struct {
		name       string
		lines      []string
		email, url string
	}{
		{"tld cut", []string{"EMAIL", "oluwaseun.adebayo@outlook.c", "om", "LINKEDIN", "linkedin.com/in/oluwaseun-adebayo"},
			"oluwaseun.adebayo@outlook.com", "linkedin.com/in/oluwaseun-adebayo"},
		{"domain cut", []string{"E-MAIL", "marie-noelle.kabore@gmai", "l.com", "LINKEDIN", "linkedin.com/in/mnkabore"},
			"marie-noelle.kabore@gmail.com", "linkedin.com/in/mnkabore"},
		{"handle cut at hyphen", []string{"EMAIL", "kwabena@example.com", "LINKEDIN", "linkedin.com/in/kwabena-asante", "-mensah"},
			"kwabena@example.com", "linkedin.com/in/kwabena-asante-mensah"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := []sideRow{{2, 40, 22, "Kofi Boateng"}, {2, 70, 12, "Logistics Coordinator"},
				{2, 110, 12, "EXPERIENCE"}, {2, 128, 11, "Fleet Coordinator"}, {2, 140, 10, "Maersk Ghana | Tema | 2020 – Present"},
				{1, 100, 11, "CONTACT"}}
			y := 118.0
			for _, l := range tc.lines {
				rows = append(rows, sideRow{1, y, 9.5, l})
				y += 10.5
			}
			got := Parse(sideDoc(rows)).Contact
			if got.Email != tc.email || got.LinkedIn != tc.url {
				t.Errorf("email %q, linkedin %q; want %q, %q", got.Email, got.LinkedIn, tc.email, tc.url)
			}
		})
	}
}

// A keyword heading's word alone under a line of a sidebar entry that ran
// to the column's edge ("BA Communication & Media" / "Studies") ends the
// entry's name; in capitals, set apart, it would head a section.
func TestVariationSidebarWrappedKeywordTail(t *testing.T) {
	cases := []struct {
		name string
		edu  []string
		want []eduWant
	}{
		{"studies", []string{"BA Journalism & Media»", "Studies", "University of Ghana", "2009 – 2013"},
			[]eduWant{{"BA Journalism & Media Studies", "University of Ghana", "", "2009", "2013"}}},
		{"formation", []string{"Licence Sciences de la»", "Formation", "Université de Lomé", "2012 – 2015"},
			[]eduWant{{"Licence Sciences de la Formation", "Université de Lomé", "", "2012", "2015"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(sidebarEducation(tc.edu))
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}

// A programme's name wrapped in its cell beside a dates column is one
// name; its school under it stays the school.
func TestVariationWrappedNameBesideDates(t *testing.T) {
	var d extract.Document
	add := func(x, y float64, text string, full bool) {
		d.Lines = append(d.Lines, extract.Line{Text: text, Page: 1, X: x, Y: y, Size: 10.9, Full: full})
	}
	add(40, 40, "Lucía Fernández", false)
	add(40, 56, "lucia.fernandez@example.com", false)
	add(40, 90, "EDUCATION", false)
	add(40, 108, "2019 – 2020\tProfessional Certificate in Cold Chain", true)
	add(110, 120, "Logistics", false)
	add(110, 132, "DelftX on edX (online)", false)
	add(40, 150, "2009 – 2013\tBSc Industrial Engineering", false)
	add(110, 162, "Universidad de los Andes, Bogotá", false)
	d.Pages = 1
	want := []eduWant{{"Professional Certificate in Cold Chain Logistics", "DelftX on edX", "online", "2019", "2020"},
		{"BSc Industrial Engineering", "Universidad de los Andes", "Bogotá", "2009", "2013"}}
	if diff := cmp.Diff(want, edusOf(Parse(d))); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// A line under a full one that names a brand or a name and its town
// ("pharmaGhana, Accra", "Lycée Pothier, Orléans") is a part of its own,
// however full the line above.
func TestVariationSidebarFullLineThenOwnPart(t *testing.T) {
	cases := []struct{ name, first, next, degree string }{
		{"brand", "Certificate in Community Pharmacy»", "pharmaGhana", "Certificate in Community Pharmacy"},
		{"name and town", "Classe préparatoire PCSI et PSI»", "Lycée Pothier, Orléans", "Classe préparatoire PCSI et PSI"},
		{"org and town", "Diploma in Quantity Surveying Practice»", "Kenya Polytechnic, Nairobi", "Diploma in Quantity Surveying Practice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(sidebarEducation([]string{tc.first, tc.next, "2016 – 2018"}))
			if len(got.Education) != 1 || got.Education[0].Degree != tc.degree {
				t.Errorf("education %+v, want one degree %q", edusOf(got), tc.degree)
			}
		})
	}
}
