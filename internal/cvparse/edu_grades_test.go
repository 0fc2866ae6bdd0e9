package cvparse

import "testing"

// Marks on the scales other countries use ("108/110 e lode", "27/30",
// "3,7/4,3") after the degree are the grade, and so is a grade given
// under its label after a comma, whatever class it names ("Grade: Very
// Good with Honors"). The degree words of Italian, Spanish and
// Portuguese CVs ("Laurea", "Licenciatura", "Mestrado") name degrees.
func TestVariationForeignGradeScales(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"Italian laurea with honours", "2008 – 2011\tLaurea in Economia Aziendale, 110/110 con lode\nUniversità degli Studi di Kestrel, Torino (Italie)",
			[]eduWant{{"Laurea in Economia Aziendale", "Università degli Studi di Kestrel", "Torino (Italie)", "2008", "2011"}}, []string{"110/110 con lode"}},
		{"Italian mark below the top", "2012 — Laurea Magistrale in Architettura, 104/110\nPolitecnico di Kestrel",
			[]eduWant{{"Laurea Magistrale in Architettura", "Politecnico di Kestrel", "", "", "2012"}}, []string{"104/110"}},
		{"labelled grade naming honours", "B.Sc. in Civil Engineering, Grade: Excellent with Honours\tSep 2012 – Jun 2017\nKestrel University – Faculty of Engineering",
			[]eduWant{{"B.Sc. in Civil Engineering", "Kestrel University – Faculty of Engineering", "", "Sep 2012", "Jun 2017"}}, []string{"Grade: Excellent with Honours"}},
		{"Portuguese licenciatura", "2009 – 2013\tLicenciatura em Turismo, Escola Superior de Kestrel, Porto",
			[]eduWant{{"Licenciatura em Turismo", "Escola Superior de Kestrel", "Porto", "2009", "2013"}}, []string{""}},
	})
}

// A level of schooling labelling an entry ("Secondary: Iloilo National
// High School", "Secondary Colegio de San Agustin", "Tertiary<tab>BS
// Nursing") is the degree when nothing else names one, and no part of
// the school's name; beside a degree it is only a label.
func TestVariationSchoolLevelLabels(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"level with a colon", "Bachelor of Science in Criminology\nKestrel State University, Tacloban City\n2010 - 2014\n\nSecondary: Leyte National High School, 2006 - 2010",
			[]eduWant{{"Bachelor of Science in Criminology", "Kestrel State University", "Tacloban City", "2010", "2014"},
				{"Secondary", "Leyte National High School", "", "2006", "2010"}}, nil},
		{"level run into the name", "Tertiary\tBachelor of Science in Accountancy\t2013 – 2017\nKestrel College, Bacolod City\nSecondary Colegio de San Agustin, Bacolod City 2009 – 2013",
			[]eduWant{{"Bachelor of Science in Accountancy", "Kestrel College", "Bacolod City", "2013", "2017"},
				{"Secondary", "Colegio de San Agustin", "Bacolod City", "2009", "2013"}}, nil},
		{"level in the degree's name", "Secondary School Certificate\t2012\nGovernment High School, Sialkot",
			[]eduWant{{"Secondary School Certificate", "Government High School", "Sialkot", "", "2012"}}, nil},
	})
}

// The Spanish, Portuguese and Italian honours ("Distinción Máxima",
// "Sobresaliente", "com distinção") closing a degree's line after its
// school and town are its grade: the town before them stays the entry's
// place, not the school's name.
func TestVariationLatinHonoursAfterTown(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"distinción máxima", "2009–2014\tIngeniería Civil Industrial, Universidad de Kestrel, Valdivia, Chile, Distinción Máxima",
			[]eduWant{{"Ingeniería Civil Industrial", "Universidad de Kestrel", "Valdivia, Chile", "2009", "2014"}}, []string{"Distinción Máxima"}},
		{"com distinção", "2011–2015\tLicenciatura em Economia, Universidade de Kestrel, Braga, Portugal, com distinção",
			[]eduWant{{"Licenciatura em Economia", "Universidade de Kestrel", "Braga, Portugal", "2011", "2015"}}, []string{"com distinção"}},
		{"sobresaliente", "2016–2018\tMáster en Derecho, Universidad de Kestrel, Sevilla, España, Sobresaliente",
			[]eduWant{{"Máster en Derecho", "Universidad de Kestrel", "Sevilla, España", "2016", "2018"}}, []string{"Sobresaliente"}},
	})
}

// A grade of a five-step scale written in words with its number after
// the school and town ("…, Brno, very good (5.0)"; "good plus" / "(4.5)"
// wrapped) is the grade, no part of the school's name.
func TestVariationWordedGradeWithNumber(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"worded grade after the town", "2015–2017\tMaster of Science in Physics, Kestrel University, Faculty of Physics, Brno, very good (5.0)",
			[]eduWant{{"Master of Science in Physics", "Kestrel University, Faculty of Physics", "Brno", "2015", "2017"}}, []string{"very good (5.0)"}},
		{"worded grade wrapped before its number", "2011–2015\tBachelor of Engineering in Geodesy, Kestrel University of Technology, Olomouc, good plus\n(4.5)",
			[]eduWant{{"Bachelor of Engineering in Geodesy", "Kestrel University of Technology", "Olomouc", "2011", "2015"}}, []string{"good plus (4.5)"}},
	})
}

// A school certificate's count of subjects set after it on its line with
// a middle dot ("CSEC · 7 subjects", "WASSCE · 8 subjects") is part of
// the qualification's name, as it is after a dash; the school under it
// stays the school.
func TestSubjectCountStaysInDegree(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"CSEC · 7 subjects\t2012", "CSEC · 7 subjects"},
		{"WASSCE · 8 subjects incl. Mathematics and English\t2015", "WASSCE · 8 subjects incl. Mathematics and English"},
	} {
		got := parseEducation("BSc Biology\t2016 – 2019\nUniversity of the Southern Caribbean\n" + tc.line + "\nHarbour View High School, Port Antonio")
		if len(got.Education) != 2 || got.Education[1].Degree != tc.want || got.Education[1].Institution != "Harbour View High School" {
			t.Errorf("%s: education = %+v", tc.line, got.Education)
		}
	}
}

// A grade in words set apart after the years ("| Very Good",
// "| Excellent") is the grade, as Arab universities award it.
func TestVariationWordedGradeApart(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"grade in words after a pipe", "Bachelor of Arts in Economics | Kestrel University | 2006 – 2010 | Very Good",
			[]eduWant{{"Bachelor of Arts in Economics", "Kestrel University", "", "2006", "2010"}}, []string{"Very Good"}},
	})
}

// A mark written under its scale's label ("CGPA 3.40/4.00", "GPA: 5.00
// out of 5", "Avg. 4.6 / 5") is the mark alone, as the sets write it:
// the field already says it is the grade.
func TestVariationGradeLabelDropped(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"CGPA in a column", "Degree\tInstitute\tYear\tResult\nBSc in Chemistry\tKestrel University\t2009\tCGPA 3.40/4.00",
			[]eduWant{{"BSc in Chemistry", "Kestrel University", "", "", "2009"}}, []string{"3.40/4.00"}},
		{"GPA after a comma", "2011–2015\tBSc in Physics, Kestrel University, Kyiv, GPA 91/100",
			[]eduWant{{"BSc in Physics", "Kestrel University", "Kyiv", "2011", "2015"}}, []string{"91/100"}},
	})
}

// A certificate's endorsement in brackets ("NCEA Level 2 (Merit
// endorsement)") is awarded as part of its name: it stays in the degree,
// where a plain grade in brackets goes to gpa.
func TestEndorsementStaysInDegree(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"endorsement", "NCEA Level 2 (Merit endorsement) | Rotorua Girls' High School | 2012",
			[]eduWant{{"NCEA Level 2 (Merit endorsement)", "Rotorua Girls' High School", "", "", "2012"}}, []string{""}},
		{"plain grade", "BSc Geology (Distinction) | University of Otago | 2016",
			[]eduWant{{"BSc Geology", "University of Otago", "", "", "2016"}}, []string{"Distinction"}},
	})
}
