package cvparse

import (
	"slices"
	"strings"
	"testing"
)

// An acronym and the name it stands for, set apart by a dash on one line,
// are one field: the degree ("DAEU – Diplôme d'accès aux études
// universitaires") or the school ("ENSP – École Nationale Supérieure
// Polytechnique"), never a degree and a school. An acronym the name does
// not spell stays a field of its own.
func TestVariationAcronymSpelledOut(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"French access diploma", "DAEU – Diplôme d'accès aux études universitaires\t2013\nUniversité de Poitiers",
			[]eduWant{{"DAEU – Diplôme d'accès aux études universitaires", "Université de Poitiers", "", "", "2013"}}, nil},
		{"Swiss apprenticeship certificate", "CFC – Certificat fédéral de capacité d'employée de commerce\t2014 – 2017\nÉcole professionnelle commerciale de Nyon",
			[]eduWant{{"CFC – Certificat fédéral de capacité d'employée de commerce", "École professionnelle commerciale de Nyon", "", "2014", "2017"}}, nil},
		{"acronym with its option", "BMLS (Haematology) – Bachelor of Medical Laboratory Science\nUniversity of Benin, Benin City | 2009 – 2014",
			[]eduWant{{"BMLS (Haematology) – Bachelor of Medical Laboratory Science", "University of Benin", "Benin City", "2009", "2014"}}, nil},
		{"acronym after the name", "Master of Public Health – MPH\t2019 – 2021\nUniversity of Ghana",
			[]eduWant{{"Master of Public Health – MPH", "University of Ghana", "", "2019", "2021"}}, nil},
		{"school spelled out", "Diplôme d'ingénieur de conception\t2010 – 2015\nENSP – École Nationale Supérieure Polytechnique",
			[]eduWant{{"Diplôme d'ingénieur de conception", "ENSP – École Nationale Supérieure Polytechnique", "", "2010", "2015"}}, nil},
		{"acronym of another school", "MBA – Kestrel Business School\t2018 – 2020",
			[]eduWant{{"MBA", "Kestrel Business School", "", "2018", "2020"}}, nil},
	})
}

// Belgium's upper secondary certificate (CESS) is a degree, and its
// schools, the athénées, are schools: "CESS – Latin-mathématiques" /
// "Athénée provincial de Mons" is a degree and where it was taken, not a
// certificate.
func TestVariationBelgianSecondary(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"CESS and its option", "Bachelier en comptabilité\t2015 – 2018\nHaute École de Namur\nCESS – Latin-mathématiques\t2015\nAthénée provincial de Mons",
			[]eduWant{{"Bachelier en comptabilité", "Haute École de Namur", "", "2015", "2018"}, {"CESS – Latin-mathématiques", "Athénée provincial de Mons", "", "", "2015"}}, nil},
		{"one line", "2012\tCESS – Sciences sociales — Athénée Léonie de Waha",
			[]eduWant{{"CESS – Sciences sociales", "Athénée Léonie de Waha", "", "", "2012"}}, nil},
	})
}

// The university a faculty belongs to, written by its acronym after a
// comma ("Faculté des Sciences de l'Éducation (FSE), UAC") is the
// school's; a state's code there is where it stands.
func TestVariationUniversityAcronymAfterFaculty(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"faculty then university", "2017 – 2019\tMaster en sciences de l'éducation, Faculté des Sciences de l'Éducation (FSE), UAC – Cotonou",
			[]eduWant{{"Master en sciences de l'éducation", "Faculté des Sciences de l'Éducation (FSE), UAC", "Cotonou", "2017", "2019"}}, nil},
		{"school of a university", "BSc Nursing\t2008 – 2012\nSchool of Nursing, UWI",
			[]eduWant{{"BSc Nursing", "School of Nursing, UWI", "", "2008", "2012"}}, nil},
	})
}

// A grade after a school's name and town ("…, Moyenne 3,7/4,3", "…,
// 91%") or ending the degree's line ("Grade A-") is the grade, and no
// part of the school, whose name on the next line stays whole.
func TestVariationGradeBesideSchool(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"letter grade ends the degree's line", "2006 – 2009\tMalawi School Certificate of Education (MSCE), Grade A-\nKamuzu Academy",
			[]eduWant{{"Malawi School Certificate of Education (MSCE)", "Kamuzu Academy", "", "2006", "2009"}}, []string{"Grade A-"}},
		{"mean grade", "2010 – 2013\tKenya Certificate of Secondary Education, Mean Grade B-\nMaranda High School",
			[]eduWant{{"Kenya Certificate of Secondary Education", "Maranda High School", "", "2010", "2013"}}, []string{"Mean Grade B-"}},
		{"average on a 4.3 scale", "2011–2014\tBaccalauréat en droit, Université de Sherbrooke, Sherbrooke, Moyenne 3,7/4,3",
			[]eduWant{{"Baccalauréat en droit", "Université de Sherbrooke", "Sherbrooke", "2011", "2014"}}, []string{"Moyenne 3,7/4,3"}},
		{"percentage after the town", "2016\tClass X (ICSE), St. Xavier's High School, Ranchi, 91%",
			[]eduWant{{"Class X (ICSE)", "St. Xavier's High School", "Ranchi", "", "2016"}}, []string{"91%"}},
	})
}

// An exchange told as a phrase, also after a grade on its line ("Final
// grade 1.3 · Exchange semester at …") or under a degree dated by one
// year ("Séjour d'études d'un semestre à …"), is a note on the degree
// above; the grade is the degree's.
func TestVariationExchangeNoteUnderDegree(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
		gpa        []string
		desc       string // in the first entry's description
	}{
		{"grade then exchange", "BSc Physics\tSep 2015 – Jun 2019\nKestrel University\nFinal grade 1.3 · Exchange semester at Uppsala University (2017)",
			[]eduWant{{"BSc Physics", "Kestrel University", "", "Sep 2015", "Jun 2019"}}, []string{"1.3"}, "Exchange semester at Uppsala University (2017)"},
		{"stay under a one-year degree", "Licence de géographie, Université de Caen, 2012\nSéjour d'études d'un semestre à l'Université de Sherbrooke, automne 2011\nBaccalauréat ES, Lycée Malherbe, 2009",
			[]eduWant{{"Licence de géographie", "Université de Caen", "", "", "2012"}, {"Baccalauréat ES", "Lycée Malherbe", "", "", "2009"}}, []string{"", ""},
			"Séjour d'études d'un semestre à l'Université de Sherbrooke, automne 2011"},
		{"session of study", "Certificat en italien, Université de Montréal, 2015\nSession d'études à l'Università di Bologna (Italie), été 2015",
			[]eduWant{{"Certificat en italien", "Université de Montréal", "", "", "2015"}}, []string{""},
			"Session d'études à l'Università di Bologna (Italie), été 2015"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseEducation(tc.body)
			if g := edusOf(got); !slices.Equal(g, tc.want) {
				t.Fatalf("education: got %+v want %+v", g, tc.want)
			}
			if g := gpasOf(got); strings.Join(g, "|") != strings.Join(tc.gpa, "|") {
				t.Errorf("gpa: got %q want %q", g, tc.gpa)
			}
			if d := got.Education[0].Description; !strings.Contains(d, tc.desc) {
				t.Errorf("description: got %q, want it to hold %q", d, tc.desc)
			}
		})
	}
}

// A grade line with a note after it ("Final grade: 5.0 (very good) ·
// Thesis: …") gives the grade, and the note to the description.
func TestVariationGradeLineWithNote(t *testing.T) {
	got := parseEducation("Kestrel University of Technology\t2014 – 2016\nMaster of Science in Geodesy\nFinal grade: 4.5 (good) · Thesis: Tide gauges in the Gulf of Riga")
	if len(got.Education) != 1 {
		t.Fatalf("education: got %+v", edusOf(got))
	}
	x := got.Education[0]
	if x.GPA != "4.5 (good)" || !strings.Contains(x.Description, "Thesis: Tide gauges in the Gulf of Riga") {
		t.Errorf("got gpa %q description %q", x.GPA, x.Description)
	}
}

// A grade on its own line under a degree's description ("Final grade:
// 2,3" after a line on its focus and thesis) is that degree's; the next degree's
// lines still head their own entry.
func TestVariationGradeAfterDescription(t *testing.T) {
	body := "09/2012 – 07/2017\tDiplom-Kauffrau Business Administration\nUniversity of Mannheim\nFocus on corporate finance and risk; diploma thesis on credit risk in small cooperative banks.\n" +
		"Note: 2,3\n09/2014 – 01/2015\tExchange semester\nUniversity of Kestrel, Lisbon, Portugal\n09/2003 – 06/2012\tAbitur\nGoethe-Gymnasium Kassel\nNote: 1,8"
	runEduGPA(t, []eduGPACase{
		{"grade under a description", body,
			[]eduWant{{"Diplom-Kauffrau Business Administration", "University of Mannheim", "", "09/2012", "07/2017"},
				{"Exchange semester", "University of Kestrel", "Lisbon, Portugal", "09/2014", "01/2015"},
				{"Abitur", "Goethe-Gymnasium Kassel", "", "09/2003", "06/2012"}},
			[]string{"2,3", "", "1,8"}},
	})
}
