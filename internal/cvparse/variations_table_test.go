package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An education table read under its column headings: a column of notes
// ("Notes", "Remarks", "Commentaires") describes each row's degree, and a
// cell holding only a dash or "n/a" (no grade yet for a degree under way)
// is left empty, not read as the grade.
func TestVariationTableNotesAndBlankCells(t *testing.T) {
	cases := []struct {
		name  string
		rows  []string
		want  []eduWant
		gpa   []string
		descr []string
	}{
		{"notes column",
			[]string{"50|Year\tDegree\tInstitution\tNotes",
				"50|2016 – 2018\tMSc Marine Biology\tUniversity of Plymouth\tPart-time, evenings",
				"50|2011 – 2014\tBSc Zoology\tBangor University\tDissertation on kelp forests"},
			[]eduWant{{"MSc Marine Biology", "University of Plymouth", "", "2016", "2018"}, {"BSc Zoology", "Bangor University", "", "2011", "2014"}},
			[]string{"", ""}, []string{"Part-time, evenings", "Dissertation on kelp forests"}},
		{"remarques fr",
			[]string{"50|Années\tDiplôme\tÉtablissement\tRemarques",
				"50|2019 – 2021\tMaster Droit des affaires\tUniversité de Lille\tAlternance",
				"50|2016 – 2019\tLicence Droit\tUniversité d'Artois\tStage au barreau d'Arras"},
			[]eduWant{{"Master Droit des affaires", "Université de Lille", "", "2019", "2021"}, {"Licence Droit", "Université d'Artois", "", "2016", "2019"}},
			[]string{"", ""}, []string{"Alternance", "Stage au barreau d'Arras"}},
		{"dash for no grade",
			[]string{"50|Period\tQualification\tSchool\tGrade",
				"50|2023 – 2025\tMBA\tLagos Business School\t–",
				"50|2010 – 2014\tBSc Accounting\tUniversity of Benin\tFirst Class"},
			[]eduWant{{"MBA", "Lagos Business School", "", "2023", "2025"}, {"BSc Accounting", "University of Benin", "", "2010", "2014"}},
			[]string{"", "First Class"}, []string{"", ""}},
		{"n/a for no grade",
			[]string{"50|Years\tCourse\tCollege\tResult",
				"50|2022 – 2024\tHND Civil Engineering\tKumasi Technical University\tN/A",
				"50|2018 – 2021\tWASSCE\tPrempeh College\tDistinction"},
			[]eduWant{{"HND Civil Engineering", "Kumasi Technical University", "", "2022", "2024"}, {"WASSCE", "Prempeh College", "", "2018", "2021"}},
			[]string{"", "Distinction"}, []string{"", ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"50|Jane Roe", "50|jane@example.com", "50|Education"}, tc.rows...)
			rows = append(rows, "50|Skills", "50|Excel, SQL")
			got := Parse(placed(rows...))
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			var gpa, descr []string
			for _, x := range got.Education {
				gpa, descr = append(gpa, x.GPA), append(descr, x.Description)
			}
			if diff := cmp.Diff(tc.gpa, gpa); diff != "" {
				t.Errorf("grades (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.descr, descr); diff != "" {
				t.Errorf("descriptions (-want +got):\n%s", diff)
			}
		})
	}
}

// A row of column headings whose columns hold more than one field each
// ("Role / Employer", "Key Achievements") names no entry: it is dropped,
// and the rows under it are read as entries of their own, whose
// achievements cell, a sentence beside the title, names no employer.
func TestVariationFieldNamesRow(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want []expWant
	}{
		{"en", []string{"50|Period\tRole / Employer\tKey Achievements",
			"50|2019 – 2022\tData Analyst\tCut reporting time by half.", "140|Harbour Bank",
			"50|2016 – 2019\tJunior Analyst\tAutomated the monthly close.", "140|Tern Insurance"},
			[]expWant{{"Data Analyst", "Harbour Bank", "", "2019", "2022"}, {"Junior Analyst", "Tern Insurance", "", "2016", "2019"}}},
		{"fr", []string{"50|Période\tPoste / Entreprise\tRéalisations",
			"50|2020 – 2023\tComptable\tClôtures mensuelles en cinq jours.", "140|Maison Girard",
			"50|2017 – 2020\tAide-comptable\tSaisie des factures fournisseurs.", "140|Garage Lemoine"},
			[]expWant{{"Comptable", "Maison Girard", "", "2020", "2023"}, {"Aide-comptable", "Garage Lemoine", "", "2017", "2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"50|Jane Roe", "50|jane@example.com", "50|Experience"}, tc.rows...)
			rows = append(rows, "50|Skills", "50|Excel, SQL")
			got := Parse(placed(rows...))
			if diff := cmp.Diff(tc.want, expsOf(got)); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
		})
	}
}
