package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A narrow sidebar's education, each entry split over lines (degree /
// school / years / grade), names wrapped where the column is full: the
// grade under the years closes its entry; a degree's field cut after its
// opening word ("B.E. Civil" / "Engineering") and a school's name cut
// before its school word ("Gujarat Nirma" / "University") go on; the
// college affiliated to the university, in brackets, is a note.
func TestSidebarEducationWraps(t *testing.T) {
	lines := []string{"MSc, Water Resources", "Makerere University, Kampala", "2015 – 2017", "CGPA 4.3/5",
		"B.E. Civil", "Engineering", "Gujarat Nirma", "University (Sardar Patel College of Engineering)", "2011 – 2015",
		"First Class with Distinction", "HSC (Class XII), Science", "Navrachana School, Vadodara", "2011", "88.20%"}
	full := map[string]bool{"MSc, Water Resources": true, "B.E. Civil": true, "Gujarat Nirma": true, "HSC (Class XII), Science": true}
	rows := []posRow{{x: 20, y: 60, text: "Ishaan Desai"}, {x: 20, y: 72, text: "ishaan@example.com"}, {x: 20, y: 100, text: "EDUCATION"}}
	y := 120.0
	for _, l := range lines {
		rows = append(rows, posRow{x: 20, y: y, text: l, full: full[l]})
		y += 12
	}
	rows = append(rows, posRow{x: 20, y: y + 20, text: "SKILLS"}, posRow{x: 20, y: y + 32, text: "AutoCAD, HEC-RAS"})
	got := Parse(posDoc(rows))
	want := []eduWant{
		{"MSc, Water Resources", "Makerere University", "Kampala", "2015", "2017"},
		{"B.E. Civil Engineering", "Gujarat Nirma University", "", "2011", "2015"},
		{"HSC (Class XII), Science", "Navrachana School", "Vadodara", "", "2011"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	var desc []string
	for _, x := range got.Education {
		desc = append(desc, x.Description)
	}
	if diff := cmp.Diff([]string{"", "Sardar Patel College of Engineering", ""}, desc); diff != "" {
		t.Errorf("descriptions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"4.3/5", "First Class with Distinction", "88.20%"}, gpasOf(got)); diff != "" {
		t.Errorf("gpa (-want +got):\n%s", diff)
	}
}

// "Degree at School, Town (years)" lines whose school's name ran to the
// column's edge before its school word ("… Midwifery Training" /
// "College, Accra (2019 – 2020)"), the grade after a dash ("– Aggregate
// 12"): the school word goes on with the name.
func TestDegreeAtSchoolWrappedSchoolWord(t *testing.T) {
	rows := []posRow{{x: 20, y: 60, text: "Efua Mensah"}, {x: 20, y: 72, text: "efua@example.com"}, {x: 20, y: 100, text: "Where I Studied"},
		{x: 20, y: 115, text: "Diploma in Midwifery at Tamale Nursing and Midwifery Training", full: true},
		{x: 20, y: 127, text: "College, Tamale (2014 – 2017)"},
		{x: 20, y: 142, text: "WASSCE at Aburi Girls' Senior High School, Aburi (2013) – Aggregate 12"},
		{x: 20, y: 170, text: "Skills"}, {x: 20, y: 182, text: "Antenatal care, Neonatal resuscitation"}}
	got := Parse(posDoc(rows))
	want := []eduWant{
		{"Diploma in Midwifery", "Tamale Nursing and Midwifery Training College", "Tamale", "2014", "2017"},
		{"WASSCE", "Aburi Girls' Senior High School", "Aburi", "", "2013"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"", "Aggregate 12"}, gpasOf(got)); diff != "" {
		t.Errorf("gpa (-want +got):\n%s", diff)
	}
}

// Sidebar diplomas each closed by a line of dates with the town and a
// note beside them in fields of their own ("Tunis · 2012 – 2014 · non
// achevé") or the dates' note in brackets ("2019 (en ligne)"): each such
// line closes its entry, however many lines the names above took; a
// degree's line ending on the word that brings in its field ("série")
// goes on.
func TestSidebarDatesLinesCloseEntries(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"town, dates and note", "Master en Droit des affaires — Université de Carthage\nTunis · 2012 – 2014 · non achevé\n" +
			"Licence en Droit — Faculté de Droit de Sfax\nSfax · 2009 – 2012 · mention Bien\n" +
			"Baccalauréat tunisien, série\nLettres — Lycée Pilote de Sfax\n2009",
			[]eduWant{{"Master en Droit des affaires", "Université de Carthage", "Tunis", "2012", "2014"},
				{"Licence en Droit", "Faculté de Droit de Sfax", "Sfax", "2009", "2012"},
				{"Baccalauréat tunisien, série Lettres", "Lycée Pilote de Sfax", "", "", "2009"}}, nil},
		{"names over two lines", "Master en Droit des affaires — Université de Carthage\nTunis · 2012 – 2014 · non achevé\n" +
			"Baccalauréat Lettres\nLycée Pilote de Sfax\nSfax · 2009",
			[]eduWant{{"Master en Droit des affaires", "Université de Carthage", "Tunis", "2012", "2014"},
				{"Baccalauréat Lettres", "Lycée Pilote de Sfax", "Sfax", "", "2009"}}, nil},
		{"dates and a bracket", "Licence en Économie — Université Hassan II\n2010 – 2013 (en alternance)\nCertificat d'aptitude pédagogique\nÉcole Normale Supérieure, Rabat\n2015",
			[]eduWant{{"Licence en Économie", "Université Hassan II", "", "2010", "2013"},
				{"Certificat d'aptitude pédagogique", "École Normale Supérieure", "Rabat", "", "2015"}}, nil},
	})
}
