package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A degree's long name joined by "with" ("Bachelor of Science with
// Honours in Physics, Minor in Mathematics") heads its entry under the
// school, however many words it has; a meta line's "Graduated with
// Distinction" gives the grade without its verb.
func TestVariationDegreeWithHonoursLine(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"school, degree, meta line", "Carleton University, Faculty of Public Affairs\nMaster of Arts in Economics, Thesis Stream\n" +
			"Ottawa, ON | 2012 – 2014 | Placement: Bank of Canada research branch (summer 2013)\n\nMount Allison University\n" +
			"Bachelor of Science with Honours in Physics, Minor in Mathematics\nSackville, NB | 2008 – 2012 | Graduated with Distinction\n" +
			"Honours project: “Thin films and how they crack”",
			[]eduWant{{"Master of Arts in Economics, Thesis Stream", "Carleton University, Faculty of Public Affairs", "Ottawa, ON", "2012", "2014"},
				{"Bachelor of Science with Honours in Physics, Minor in Mathematics", "Mount Allison University", "Sackville, NB", "2008", "2012"}},
			[]string{"", "Distinction"}},
		{"class on its own line", "Kestrel University\nBachelor of Engineering with a Year in Industry in Civil Engineering, Structures\n2014 – 2018\nAwarded with First Class Honours",
			[]eduWant{{"Bachelor of Engineering with a Year in Industry in Civil Engineering, Structures", "Kestrel University", "", "2014", "2018"}},
			[]string{"First Class Honours"}},
	})
}

// Lines under a degree that tell what it held stay that degree's: a
// line of honours dated by terms ("Dean's List (Spring 2019 – Fall
// 2020); …"), an "Erasmus+ semester at …" phrase within its years, a
// labelled rank ("Classement : 2e / 40"), and the school whose name
// joins its words with Italian or Portuguese particles ("Università
// degli Studi di Pavia, Faculty of Law") still heads its own entry.
func TestVariationNotesUnderDegree(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"honours dated by terms", "Kestrel State University\tBoise, ID\nBachelor of Science in Civil Engineering\tAug 2018 – May 2022\n" +
			"Dean's List (Spring 2019 – Fall 2020); Presidential Scholarship\nSnake River High School\tBoise, ID\nHigh School Diploma\tMay 2018",
			[]eduWant{{"Bachelor of Science in Civil Engineering", "Kestrel State University", "Boise, ID", "Aug 2018", "May 2022"},
				{"High School Diploma", "Snake River High School", "Boise, ID", "", "May 2018"}}, nil},
		{"labelled rank", "2019 – 2022\tDiplôme d'ingénieur en génie civil\nÉcole Nationale d'Ingénieurs de Kestrel\nProjet de fin d'études : « Ponts en bois lamellé pour les routes de montagne » — soutenu en juin 2022\nClassement : 2e / 40 de la promotion\n\n" +
			"Sept. 2021 – janv. 2022\tSemestre d'échange\nUniversité de Kestrel, Sherbrooke (Canada)",
			[]eduWant{{"Diplôme d'ingénieur en génie civil", "École Nationale d'Ingénieurs de Kestrel", "", "2019", "2022"},
				{"Semestre d'échange", "Université de Kestrel", "Sherbrooke (Canada)", "Sept. 2021", "janv. 2022"}}, nil},
	})
}

// The same lines set in under their degree, as a PDF draws its bullets:
// an "Erasmus+ semester at …" line within the degree's years is a note,
// and the school of the next degree, its name joined by Italian
// particles, heads that degree's entry.
func TestVariationErasmusPlusUnderDegree(t *testing.T) {
	d := placedSection(50, "Education", []placedRow{
		{50, "Laurea Magistrale in Physics\tSep 2019 – Jul 2021"},
		{50, "Università degli Studi di Pavia\tPavia, Italy"},
		{64, "Final grade: 110/110 cum laude"},
		{64, "Erasmus+ semester at Universidade do Minho, Portugal (Feb – Jun 2020), 30 ECTS in Optics"},
		{64, "Relevant courses: Quantum Optics, Solid State Physics"},
		{50, "Laurea Triennale in Physics\t2016 – 2019"},
		{50, "Università degli Studi di Pavia, Faculty of Science and Technology\tPavia, Italy"},
		{64, "Thesis: “Cold atoms in a box”"},
	}, "Skills")
	got := Parse(d)
	want := []eduWant{{"Laurea Magistrale in Physics", "Università degli Studi di Pavia", "Pavia, Italy", "Sep 2019", "Jul 2021"},
		{"Laurea Triennale in Physics", "Università degli Studi di Pavia, Faculty of Science and Technology", "Pavia, Italy", "2016", "2019"}}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// "Erasmus+ semester at …" tells of a stay abroad as a phrase, as
// "Erasmus semester at …" does.
func TestVariationErasmusPlusPhrase(t *testing.T) {
	for _, s := range []string{"Erasmus+ semester at Universidade do Minho, Portugal (Feb – Jun 2020)", "Erasmus+ exchange semester at Kestrel University"} {
		if _, ok := exchangeNotes(unit{line: line{text: s}}); !ok {
			t.Errorf("%q: not read as an exchange phrase", s)
		}
	}
}

// Under a school and its dates, an integrated master's ("MPhys Physics
// with a Year Abroad, First Class Honours") is the degree, its
// "Master's project: …" line a note on it, not the degree of the next
// entry; and a paragraph of sentences naming stages and their years
// ("Levels 1–3 (2015-2016) and 4–6 (2017-2018) passed. …") tells of the
// entry above it, not one of its own.
func TestVariationProjectAndParagraphUnderDegree(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"integrated master's and its project", "Kestrel University\t2008 – 2012\nMPhys Physics with a Year Abroad in Grenoble, First Class Honours\n" +
			"Master's project: Phonon transport in layered silicon membranes\nHarbour Grammar School, Leeds\t2001 – 2008\nHigh School Diploma",
			[]eduWant{{"MPhys Physics with a Year Abroad in Grenoble, First Class Honours", "Kestrel University", "", "2008", "2012"},
				{"High School Diploma", "Harbour Grammar School", "Leeds", "2001", "2008"}},
			[]string{"Master's project: Phonon transport in layered silicon membranes", ""}},
		{"paragraph with stage years", "National Certificate in Mechanical Engineering (Fitting)\t2015 — 2018\nKestrel TVET College, Harbour Campus\n" +
			"Levels 1-3 (2015-2016) and levels 4-6 (2017-2018) passed. Subjects at level 6: Fluid Mechanics, Strength of Materials. Certificate issued after a year of workplace training (awarded 2019).\n" +
			"National Senior Certificate\t2014\nRiverside Secondary School, Harbour",
			[]eduWant{{"National Certificate in Mechanical Engineering (Fitting)", "Kestrel TVET College, Harbour Campus", "", "2015", "2018"},
				{"National Senior Certificate", "Riverside Secondary School", "Harbour", "", "2014"}}, nil},
	})
}
